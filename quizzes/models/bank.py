"""The question bank: one row per (fact, kind), regenerated in place when its fact changes."""

from __future__ import annotations

from django.db import models

from facts.models import Fact
from quizzes.bank.generation.types import KIND_LABELS, TYPED_KINDS


def studyable_q(prefix: str = "") -> models.Q:
    """The one "studyable" rule: an active question of an approved fact (``prefix`` for a related model)."""
    return models.Q(**{f"{prefix}active": True, f"{prefix}fact__status": Fact.Status.APPROVED})


class QuestionQuerySet(models.QuerySet):
    def studyable(self):
        return self.filter(studyable_q())

    def with_source(self):
        """With the fact and document each question shows (one query, no per-row lookups)."""
        return self.select_related("fact__document")


class Question(models.Model):
    """One row per (fact, kind). Regenerated in place when its fact changes, so ids — and history — stay."""

    # Built from the bank's one definition of the kinds (values and labels), for the field's choices.
    Kind = models.TextChoices(
        "Kind", [(kind.name, (kind.value, label)) for kind, label in KIND_LABELS.items()]
    )

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

    objects = QuestionQuerySet.as_manager()

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

    @property
    def is_typed_text(self) -> bool:
        """A typed name or phrase (no number keyboard, no "off by" detail)."""
        return self.kind == self.Kind.TYPED_TEXT

    @property
    def is_typed_year(self) -> bool:
        return self.kind == self.Kind.TYPED_YEAR

    @property
    def is_numeric(self) -> bool:
        return self.kind in TYPED_KINDS and not self.is_typed_text
