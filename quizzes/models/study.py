"""Each learner's study profile, cards (FSRS state per question) and review log."""

from __future__ import annotations

import zoneinfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models

from quizzes.models.bank import Question, studyable_q
from quizzes.study.scheduling.states import NEW_STATE
from quizzes.study.scheduling.states import State as SchedulerState


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
        return self.filter(studyable_q("question__"), suspended=False)

    def with_source(self):
        """With the question, fact and document the study page shows."""
        return self.select_related("question__fact__document")


class Card(models.Model):
    """A learner's FSRS state for one question."""

    # The scheduler's states (same numbers as FSRS's), plus NEW for a card never answered (FSRS has none).
    State = models.IntegerChoices(
        "State",
        [("NEW", (NEW_STATE, "New"))] + [(st.name, (int(st), st.name.title())) for st in SchedulerState],
    )

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
