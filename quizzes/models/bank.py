"""The question bank: one row per (fact, kind), regenerated in place when its fact changes."""

from __future__ import annotations

from django.db import models

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
