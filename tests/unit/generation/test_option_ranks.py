"""Option order carries no information: for ordered kinds (years, dates, numbers, ordinals) the right
answer's rank among the options — which the canonical, sorted order shows — is spread evenly over the four
places, so a learner who always picks "one of the middle two" (or the earliest) scores no better than luck.

Measured over the shipped content (fixtures/content.json) and over the dev documents (../shared), each rank
must hold 15–35% of the ordered questions (uniform is 25%).
"""

from __future__ import annotations

import json
from collections import Counter
from datetime import date
from functools import cache
from pathlib import Path

import pytest

from facts.extraction import MarkupError, extract_facts, parse_document
from facts.extraction.types import AnswerType, DatePrecision, FactData
from quizzes.bank.generation import QuestionKind, generate_questions

ROOT = Path(__file__).resolve().parents[3]
CONTENT = ROOT / "fixtures" / "content.json"
DEV_DOCUMENTS = ROOT.parent.parent / "shared" / "dev_documents"
TODAY = date(2026, 12, 1)
ORDERED_TYPES = {AnswerType.DATE, AnswerType.NUMBER, AnswerType.ORDINAL}
LOW, HIGH = 0.15, 0.35


def shipped_facts() -> list[FactData]:
    rows = json.loads(CONTENT.read_text(encoding="utf-8"))
    titles = {r["pk"]: r["fields"]["title"] for r in rows if r["model"] == "facts.document"}
    facts = []
    for row in rows:
        if row["model"] != "facts.fact" or row["fields"]["status"] == "rejected":
            continue
        f = row["fields"]
        facts.append(
            FactData(
                statement=f["statement"],
                answer=f["answer"],
                answer_type=AnswerType(f["answer_type"]),
                section=f["section"],
                source_start=f["source_start"],
                source_end=f["source_end"],
                date=f["date"] or None,
                date_precision=DatePrecision(f["date_precision"] or ""),
                date_end=f["date_end"] or None,
                number=f["number"],
                unit=f["unit"],
                qualifier=f["qualifier"],
                role=f["role"],
                subject=f["subject"],
                question=f["question"],
                document=titles[f["document"]],
            )
        )
    return facts


def dev_facts() -> list[FactData]:
    facts: list[FactData] = []
    for path in sorted(DEV_DOCUMENTS.glob("*.txt")):
        try:
            facts += extract_facts(parse_document(path.read_text(encoding="utf-8")))
        except MarkupError:  # a document the reader refuses; the others still count
            continue
    return facts


@cache
def ranks(source: str) -> Counter:
    facts = shipped_facts() if source == "shipped" else dev_facts()
    counts: Counter = Counter()
    for fact in facts:
        for question in generate_questions(fact, facts, today=TODAY):
            ordered = question.kind in (QuestionKind.YEAR_CHOICE, QuestionKind.DATE_CHOICE) or (
                question.options and fact.answer_type in ORDERED_TYPES
            )
            if ordered and question.options and len(question.options) == 4:
                counts[question.answer_index] += 1
    return counts


@pytest.mark.parametrize("source", ["shipped", "dev"])
def test_the_right_answer_is_as_often_first_second_third_or_last(source):
    if source == "dev" and not DEV_DOCUMENTS.is_dir():
        pytest.skip(f"no dev documents at {DEV_DOCUMENTS}")
    counts = ranks(source)
    total = sum(counts.values())
    shares = {rank + 1: round(counts[rank] / total, 3) for rank in range(4)}
    print(f"{source}: {total} ordered questions, share of the right answer per position {shares}")
    assert total >= 40, "too few ordered questions to judge"
    assert all(LOW <= share <= HIGH for share in shares.values()), shares
