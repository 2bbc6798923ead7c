"""Documents and the atomic facts read from them."""

from __future__ import annotations

import datetime as dt
import hashlib

from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator, MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from facts.extraction.types import AnswerType, DatePrecision


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


STATEMENT_MAX = 2_000  # characters: a fact is one sentence, however long-winded
DOCUMENT_TEXT_MAX = 2_000_000  # characters: a long encyclopaedia article is about 100,000


class Document(models.Model):
    title = models.CharField(max_length=300, unique=True)
    slug = models.SlugField(max_length=300, unique=True)
    source_url = models.URLField(blank=True)
    attribution = models.CharField(max_length=500, blank=True)
    license = models.CharField(max_length=100, blank=True, default="CC BY-SA 4.0")
    text = models.TextField(validators=[MaxLengthValidator(DOCUMENT_TEXT_MAX)])
    content_hash = models.CharField(max_length=64, editable=False)
    position = models.PositiveIntegerField(
        default=0, help_text="Order of the document in 'study everything'."
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["position", "title"]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs):
        self.content_hash = content_hash(self.text)
        super().save(*args, **kwargs)


class FactQuerySet(models.QuerySet):
    def approved(self):
        return self.filter(status=Fact.Status.APPROVED)

    def active(self):
        """Facts that may have questions: everything but rejected ones."""
        return self.exclude(status=Fact.Status.REJECTED)

    def for_document(self, value: str):
        return self.filter(Q(document__slug=value) | Q(document__title=value))


class Fact(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        APPROVED = "approved", "Approved"
        REJECTED = "rejected", "Rejected"

    class Origin(models.TextChoices):
        EXTRACTED = "extracted", "Extracted"
        MANUAL = "manual", "Written by a person"
        IMPORTED = "imported", "Imported"

    ANSWER_TYPE_CHOICES = [(t.value, t.value.capitalize()) for t in AnswerType]
    DATE_PRECISION_CHOICES = [(p.value, p.value.replace("_", " ").capitalize() or "—") for p in DatePrecision]

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="facts")
    section = models.CharField(max_length=300, blank=True)
    statement = models.TextField(
        max_length=STATEMENT_MAX,
        validators=[MaxLengthValidator(STATEMENT_MAX)],
        help_text="One self-contained claim that reads on its own.",
    )
    answer = models.CharField(max_length=500, help_text="The part of the statement a question asks for.")
    answer_type = models.CharField(max_length=20, choices=ANSWER_TYPE_CHOICES, default="other")
    date = models.CharField(max_length=10, blank=True, help_text="ISO date: YYYY, YYYY-MM or YYYY-MM-DD.")
    date_precision = models.CharField(max_length=12, choices=DATE_PRECISION_CHOICES, blank=True, default="")
    date_end = models.CharField(max_length=10, blank=True, help_text="Last year of a range.")
    number = models.FloatField(blank=True, null=True)
    unit = models.CharField(max_length=100, blank=True)
    qualifier = models.CharField(max_length=30, blank=True, help_text='"over", "nearly", "about"…')
    role = models.CharField(max_length=100, blank=True, help_text="A person's office or a place's kind.")
    subject = models.CharField(max_length=300, blank=True)
    question = models.CharField(max_length=500, blank=True, help_text="Optional question stem for this fact.")
    source_start = models.PositiveIntegerField()
    source_end = models.PositiveIntegerField()
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT, db_index=True)
    confidence = models.FloatField(
        default=1.0,
        validators=[MinValueValidator(0.0), MaxValueValidator(1.0)],
        help_text="How sure extraction is that the fact is right and self-contained (0–1); "
        "below the review threshold it stays a draft.",
    )
    origin = models.CharField(max_length=10, choices=Origin.choices, default=Origin.EXTRACTED)
    human_edited = models.BooleanField(
        default=False, help_text="Set when a person edits the fact; re-ingest never overwrites it."
    )
    extraction_key = models.CharField(max_length=64, blank=True, db_index=True, editable=False)
    position = models.PositiveIntegerField(default=0, help_text="Order within the document.")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords(excluded_fields=["updated_at", "created_at"])
    objects = FactQuerySet.as_manager()

    class Meta:
        ordering = ["document__position", "document_id", "position", "id"]
        indexes = [models.Index(fields=["document", "position"])]
        constraints = [
            models.UniqueConstraint(
                fields=["document", "extraction_key"],
                condition=~Q(extraction_key=""),
                name="unique_extraction_key_per_document",
            ),
            models.CheckConstraint(
                condition=Q(source_end__gte=models.F("source_start")), name="span_not_reversed"
            ),
        ]

    def __str__(self) -> str:
        return self.statement[:120]

    @property
    def is_approved(self) -> bool:
        return self.status == self.Status.APPROVED

    @property
    def source_passage(self) -> str:
        return self.document.text[self.source_start : self.source_end]

    def clean(self) -> None:
        errors: dict[str, str] = {}
        if self.answer and self.statement and self.answer.casefold() not in self.statement.casefold():
            errors["answer"] = "The answer should appear in the statement, as the statement's own words."
        if self.answer_type == AnswerType.DATE:
            problem = validate_iso_date(self.date, self.date_precision)
            if problem:
                errors["date"] = problem
        if self.answer_type == AnswerType.NUMBER and self.number is None:
            errors["number"] = "A number fact needs its number."
        if self.document_id is not None and self.source_start is not None and self.source_end is not None:
            length = len(self.document.text)
            if self.source_end > length or self.source_start > self.source_end:
                errors["source_end"] = (
                    f"The span must lie inside the document (0–{length}) and start before it ends."
                )
        if errors:
            raise ValidationError(errors)


def validate_iso_date(value: str | None, precision: str) -> str | None:
    """Returns a message when ``value`` is not a valid ISO date of the given precision, else None."""
    if not value:
        return "A date fact needs a date (YYYY, YYYY-MM or YYYY-MM-DD)."
    parts = value.split("-")
    try:
        if len(parts) == 1 and len(parts[0]) == 4:
            dt.date(int(parts[0]), 1, 1)
        elif len(parts) == 2:
            dt.date(int(parts[0]), int(parts[1]), 1)
        elif len(parts) == 3:
            dt.date(int(parts[0]), int(parts[1]), int(parts[2]))
        else:
            return f"“{value}” is not a date: use YYYY, YYYY-MM or YYYY-MM-DD."
    except ValueError:
        return f"“{value}” is not a real calendar date."
    expected = {"day": 3, "month": 2}.get(precision, 1)
    if precision and len(parts) != expected:
        return f"A date of precision “{precision}” is written with {expected} part(s), like " + (
            "1991-12-27" if expected == 3 else "2008-05" if expected == 2 else "1995"
        )
    return None
