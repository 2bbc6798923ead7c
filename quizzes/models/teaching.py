"""Teachers' quizzes, their items, and learners' attempts and responses."""

from __future__ import annotations

import secrets

from django.conf import settings
from django.core.validators import MaxLengthValidator
from django.db import models
from django.db.models import Q

from quizzes.models.bank import Question


def new_join_code() -> str:
    # No look-alike characters (0/O, 1/I/L) so a code read aloud or from a board is typed right.
    alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
    return "".join(secrets.choice(alphabet) for _ in range(6))


# Limits on what one teacher stores (forms and services say them to the teacher).
QUIZ_DESCRIPTION_MAX = 5_000  # characters
QUIZ_ITEM_PROMPT_MAX = 2_000  # characters
QUIZZES_PER_TEACHER = 200
ITEMS_PER_QUIZ = 200


class QuizQuerySet(models.QuerySet):
    def published(self):
        return self.filter(published_at__isnull=False)


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
    description = models.TextField(
        blank=True, max_length=QUIZ_DESCRIPTION_MAX, validators=[MaxLengthValidator(QUIZ_DESCRIPTION_MAX)]
    )
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

    objects = QuizQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name_plural = "quizzes"

    def __str__(self) -> str:
        return self.title

    @property
    def feedback_is_immediate(self) -> bool:
        """Right or wrong is shown after each question (else at the end of the attempt)."""
        return self.feedback == self.Feedback.IMMEDIATE

    @property
    def is_open(self) -> bool:
        return self.published_at is not None and not self.closed


class QuizItemQuerySet(models.QuerySet):
    def with_source(self):
        """With the question, fact and document behind each item (imported items have none)."""
        return self.select_related("question__fact__document")


class QuizItem(models.Model):
    """A question in a quiz, with the teacher's own wording when they edited it for this quiz."""

    quiz = models.ForeignKey(Quiz, on_delete=models.CASCADE, related_name="items")
    question = models.ForeignKey(
        Question, on_delete=models.PROTECT, null=True, blank=True, related_name="quiz_items"
    )
    position = models.PositiveIntegerField(default=0)
    prompt = models.TextField(
        blank=True,
        max_length=QUIZ_ITEM_PROMPT_MAX,
        validators=[MaxLengthValidator(QUIZ_ITEM_PROMPT_MAX)],
        help_text="Overrides the question's prompt for this quiz.",
    )
    options = models.JSONField(null=True, blank=True)
    answer_index = models.PositiveSmallIntegerField(null=True, blank=True)
    answer = models.CharField(max_length=500, blank=True)
    kind = models.CharField(max_length=20, blank=True)

    objects = QuizItemQuerySet.as_manager()

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


class AttemptQuerySet(models.QuerySet):
    def finished(self):
        return self.filter(finished_at__isnull=False)

    def in_progress(self):
        return self.filter(finished_at__isnull=True)


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

    objects = AttemptQuerySet.as_manager()

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
