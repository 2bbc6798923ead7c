"""Questions generated from facts, each learner's cards and reviews, and teachers' quizzes."""

from __future__ import annotations

import secrets
import zoneinfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q

from facts.models import Fact


class Question(models.Model):
    """One row per (fact, kind). Regenerated in place when its fact changes, so ids — and history — stay."""

    class Kind(models.TextChoices):
        MC = "mc", "Multiple choice"
        YEAR_CHOICE = "year_choice", "Pick the year"
        DATE_CHOICE = "date_choice", "Pick the date"
        TYPED_YEAR = "typed_year", "Type the year"
        TYPED_NUMBER = "typed_number", "Type the number"
        TYPED_TEXT = "typed_text", "Type the answer"

    fact = models.ForeignKey(Fact, on_delete=models.CASCADE, related_name="questions")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    prompt = models.TextField()
    answer = models.CharField(max_length=500)
    options = models.JSONField(null=True, blank=True, help_text="Options in canonical order; null for typed.")
    answer_index = models.PositiveSmallIntegerField(null=True, blank=True)
    answer_type = models.CharField(max_length=20, blank=True)
    explanation = models.TextField(blank=True)
    generator_version = models.PositiveIntegerField(default=0)
    active = models.BooleanField(
        default=True,
        help_text="Off when its fact is rejected or no longer supports this kind; history is kept.",
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["fact__document__position", "fact__position", "fact_id", "kind"]
        constraints = [
            models.UniqueConstraint(fields=["fact", "kind"], name="one_question_per_fact_and_kind")
        ]

    def __str__(self) -> str:
        return self.prompt

    @property
    def is_typed(self) -> bool:
        return self.options is None


def validate_timezone(value: str) -> None:
    if value not in zoneinfo.available_timezones():
        raise ValidationError(f"“{value}” is not a timezone name such as Europe/Warsaw or America/Lima.")


class StudyProfile(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="study_profile"
    )
    timezone = models.CharField(max_length=64, default="UTC", validators=[validate_timezone])
    desired_retention = models.FloatField(default=0.9)
    new_per_day = models.PositiveIntegerField(default=20)
    reviews_per_day = models.PositiveIntegerField(default=200)
    fsrs_parameters = models.JSONField(null=True, blank=True, help_text="Null means the FSRS-6 defaults.")
    optimized_at = models.DateTimeField(null=True, blank=True)
    optimized_review_count = models.PositiveIntegerField(default=0)

    def __str__(self) -> str:
        return f"Study profile of {self.user}"


class CardQuerySet(models.QuerySet):
    def for_user(self, user):
        return self.filter(user=user)

    def studyable(self):
        return self.filter(
            suspended=False, question__active=True, question__fact__status=Fact.Status.APPROVED
        )


class Card(models.Model):
    """A learner's FSRS state for one question."""

    class State(models.IntegerChoices):
        NEW = 0, "New"
        LEARNING = 1, "Learning"
        REVIEW = 2, "Review"
        RELEARNING = 3, "Relearning"

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="cards")
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="cards")
    state = models.PositiveSmallIntegerField(choices=State.choices, default=State.NEW)
    step = models.PositiveSmallIntegerField(null=True, blank=True)
    stability = models.FloatField(null=True, blank=True)
    difficulty = models.FloatField(null=True, blank=True)
    due = models.DateTimeField()
    last_review = models.DateTimeField(null=True, blank=True)
    reps = models.PositiveIntegerField(default=0)
    lapses = models.PositiveIntegerField(default=0)
    suspended = models.BooleanField(default=False)
    leech = models.BooleanField(default=False)
    buried_until = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = CardQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "question"], name="one_card_per_user_and_question")
        ]
        indexes = [models.Index(fields=["user", "due"]), models.Index(fields=["user", "state"])]

    def __str__(self) -> str:
        return f"{self.user} · {self.question_id}"


class ReviewLog(models.Model):
    """One answer. Holds the card's state before and after, so undo is exact and the optimiser can replay."""

    card = models.ForeignKey(Card, on_delete=models.CASCADE, related_name="reviews")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reviews")
    rating = models.PositiveSmallIntegerField()
    answer_given = models.CharField(max_length=500, blank=True)
    correct = models.BooleanField()
    response_ms = models.PositiveIntegerField(null=True, blank=True)
    reviewed_at = models.DateTimeField(db_index=True)
    state_before = models.JSONField()
    state_after = models.JSONField()
    was_new = models.BooleanField(default=False)
    idempotency_key = models.CharField(max_length=64)
    source = models.CharField(
        max_length=10, default="study", help_text="study, or quiz for a missed quiz question."
    )

    class Meta:
        ordering = ["reviewed_at", "id"]
        constraints = [models.UniqueConstraint(fields=["user", "idempotency_key"], name="one_review_per_key")]
        indexes = [models.Index(fields=["user", "reviewed_at"])]

    def __str__(self) -> str:
        return f"{self.user} rated {self.rating} at {self.reviewed_at:%Y-%m-%d %H:%M}"


def new_join_code() -> str:
    # No look-alike characters (0/O, 1/I/L) so a code read aloud or from a board is typed right.
    alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
    return "".join(secrets.choice(alphabet) for _ in range(6))


class Quiz(models.Model):
    class Grading(models.TextChoices):
        HIGHEST = "highest", "Highest grade"
        LAST = "last", "Last attempt"
        AVERAGE = "average", "Average of attempts"
        FIRST = "first", "First attempt"

    class Feedback(models.TextChoices):
        IMMEDIATE = "immediate", "After each question"
        END = "end", "At the end of the attempt"

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="quizzes")
    title = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    time_limit_minutes = models.PositiveIntegerField(null=True, blank=True, help_text="Empty for no limit.")
    attempts_allowed = models.PositiveIntegerField(default=1, help_text="0 for unlimited.")
    grading = models.CharField(max_length=10, choices=Grading.choices, default=Grading.HIGHEST)
    shuffle_questions = models.BooleanField(default=False)
    shuffle_options = models.BooleanField(default=True)
    feedback = models.CharField(max_length=10, choices=Feedback.choices, default=Feedback.END)
    join_code = models.CharField(max_length=12, unique=True, null=True, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
    closed = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name_plural = "quizzes"

    def __str__(self) -> str:
        return self.title

    @property
    def is_open(self) -> bool:
        return self.published_at is not None and not self.closed


class QuizItem(models.Model):
    """A question in a quiz, with the teacher's own wording when they edited it for this quiz."""

    quiz = models.ForeignKey(Quiz, on_delete=models.CASCADE, related_name="items")
    question = models.ForeignKey(
        Question, on_delete=models.PROTECT, null=True, blank=True, related_name="quiz_items"
    )
    position = models.PositiveIntegerField(default=0)
    prompt = models.TextField(blank=True, help_text="Overrides the question's prompt for this quiz.")
    options = models.JSONField(null=True, blank=True)
    answer_index = models.PositiveSmallIntegerField(null=True, blank=True)
    answer = models.CharField(max_length=500, blank=True)
    kind = models.CharField(max_length=20, blank=True)

    class Meta:
        ordering = ["position", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["quiz", "question"],
                condition=Q(question__isnull=False),
                name="question_once_per_quiz",
            )
        ]

    def __str__(self) -> str:
        return f"{self.quiz} #{self.position}"


class Attempt(models.Model):
    quiz = models.ForeignKey(Quiz, on_delete=models.CASCADE, related_name="attempts")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="attempts")
    number = models.PositiveIntegerField(default=1)
    started_at = models.DateTimeField()
    deadline = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    timed_out = models.BooleanField(
        default=False, help_text="Finished by the server because the time limit (or the quiz) ran out."
    )
    score = models.FloatField(null=True, blank=True, help_text="Share of questions right, 0–1.")
    order = models.JSONField(default=list, help_text="Quiz item ids in the order this attempt shows them.")
    option_orders = models.JSONField(
        default=dict, help_text="Per item id, the order its options are shown in."
    )

    class Meta:
        ordering = ["-started_at"]
        constraints = [
            models.UniqueConstraint(fields=["quiz", "user", "number"], name="attempt_number_unique")
        ]
        indexes = [models.Index(fields=["quiz", "finished_at"])]

    def __str__(self) -> str:
        return f"{self.user} · {self.quiz} · attempt {self.number}"


class Response(models.Model):
    attempt = models.ForeignKey(Attempt, on_delete=models.CASCADE, related_name="responses")
    item = models.ForeignKey(QuizItem, on_delete=models.CASCADE, related_name="responses")
    answer_given = models.CharField(max_length=500, blank=True)
    chosen_index = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="Canonical option index."
    )
    correct = models.BooleanField(default=False)
    score = models.FloatField(default=0)
    answered_at = models.DateTimeField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["attempt", "item"], name="one_response_per_item")]

    def __str__(self) -> str:
        return f"{self.attempt} · item {self.item_id}"
