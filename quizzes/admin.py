"""Admin for questions, study data and quizzes — mostly for looking, since questions are generated."""

from django.contrib import admin

from quizzes.models import Attempt, Card, Question, Quiz, QuizItem, ReviewLog, StudyProfile


@admin.register(Question)
class QuestionAdmin(admin.ModelAdmin):
    list_display = ("prompt", "kind", "answer", "active", "generator_version")
    list_filter = ("kind", "active", "fact__document")
    search_fields = ("prompt", "answer")
    raw_id_fields = ("fact",)
    list_select_related = ("fact",)


@admin.register(Card)
class CardAdmin(admin.ModelAdmin):
    list_display = ("user", "question", "state", "due", "reps", "lapses", "leech", "suspended")
    list_filter = ("state", "leech", "suspended")
    search_fields = ("user__username", "question__prompt")
    raw_id_fields = ("user", "question")
    list_select_related = ("user", "question")


@admin.register(ReviewLog)
class ReviewLogAdmin(admin.ModelAdmin):
    list_display = ("user", "card", "rating", "correct", "reviewed_at")
    list_filter = ("rating", "correct")
    raw_id_fields = ("user", "card")
    list_select_related = ("user",)


@admin.register(StudyProfile)
class StudyProfileAdmin(admin.ModelAdmin):
    list_display = ("user", "timezone", "desired_retention", "new_per_day", "reviews_per_day", "optimized_at")
    raw_id_fields = ("user",)


class QuizItemInline(admin.TabularInline):
    model = QuizItem
    raw_id_fields = ("question",)
    extra = 0


@admin.register(Quiz)
class QuizAdmin(admin.ModelAdmin):
    list_display = ("title", "owner", "join_code", "published_at", "closed")
    search_fields = ("title", "join_code", "owner__username")
    inlines = [QuizItemInline]
    raw_id_fields = ("owner",)


@admin.register(Attempt)
class AttemptAdmin(admin.ModelAdmin):
    list_display = ("quiz", "user", "number", "started_at", "finished_at", "score")
    raw_id_fields = ("quiz", "user")
