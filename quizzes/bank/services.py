"""Question rows from facts: regeneration in place, so learners' history survives edits."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.db import transaction
from django.utils import timezone

from facts.extraction.types import AnswerType, DatePrecision, FactData
from facts.models import Fact
from quizzes.bank.generation import GENERATOR_VERSION, generate_questions
from quizzes.models import Question


def fact_data(fact: Fact) -> FactData:
    """The plain form of a Fact row that pure generation works on."""
    return FactData(
        statement=fact.statement,
        answer=fact.answer,
        answer_type=AnswerType(fact.answer_type),
        section=fact.section,
        source_start=fact.source_start,
        source_end=fact.source_end,
        date=fact.date or None,
        date_precision=DatePrecision(fact.date_precision or ""),
        date_end=fact.date_end or None,
        number=fact.number,
        unit=fact.unit,
        qualifier=fact.qualifier,
        role=fact.role,
        subject=fact.subject,
        question=fact.question,
        document=fact.document.title,
        confidence=fact.confidence,
    )


def fact_base() -> list[FactData]:
    """Every fact that may be true (not rejected): distractors are checked against all of them."""
    return [fact_data(f) for f in Fact.objects.active().select_related("document")]


@transaction.atomic
def questions_regenerate(
    *, fact_ids: Iterable[int] | None = None, today: dt.date | None = None
) -> dict[str, int]:
    """(Re)generate the questions of the given facts (all facts when None), in place.

    One row per (fact, kind): an existing row is updated, keeping its id and so every learner's cards and
    history; a kind the fact no longer supports, and every question of a rejected fact, is deactivated
    rather than deleted.
    """
    today = today or timezone.localdate()
    facts = Fact.objects.select_related("document")
    if fact_ids is not None:
        facts = facts.filter(pk__in=list(fact_ids))
    base = fact_base()
    existing: dict[tuple[int, str], Question] = {
        (q.fact_id, q.kind): q for q in Question.objects.filter(fact__in=facts)
    }
    counts = {"created": 0, "updated": 0, "deactivated": 0}
    for fact in facts:
        generated = (
            []
            if fact.status == Fact.Status.REJECTED
            else generate_questions(fact_data(fact), base, today=today)
        )
        kinds = set()
        for data in generated:
            kinds.add(str(data.kind))
            values = {
                "prompt": data.prompt,
                "answer": data.answer,
                "options": list(data.options) if data.options is not None else None,
                "answer_index": data.answer_index,
                "answer_type": str(data.answer_type),
                "explanation": data.explanation or fact.statement,
                "generator_version": GENERATOR_VERSION,
                "active": True,
            }
            question = existing.get((fact.pk, str(data.kind)))
            if question is None:
                Question.objects.create(fact=fact, kind=str(data.kind), **values)
                counts["created"] += 1
            elif any(getattr(question, k) != v for k, v in values.items()):
                for k, v in values.items():
                    setattr(question, k, v)
                question.save()
                counts["updated"] += 1
        for (fact_id, kind), question in existing.items():
            if fact_id == fact.pk and kind not in kinds and question.active:
                question.active = False
                question.save(update_fields=["active", "updated_at"])
                counts["deactivated"] += 1
    return counts


def regenerate_on_facts_changed(sender, *, fact_ids: list[int], **kwargs) -> None:
    """Receiver of ``facts.signals.facts_changed``: the changed facts' questions are regenerated in place."""
    questions_regenerate(fact_ids=fact_ids)
