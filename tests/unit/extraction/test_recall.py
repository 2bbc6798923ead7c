"""Recall of the pipeline against the hand-written list of facts a teacher would ask about."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest

from facts.extraction import extract_facts, parse_document
from facts.extraction.types import FactData
from tests.data.expected_facts import EXPECTED_FACTS

# The project's own copy of the five seed documents (identical to ../shared/seeds).
SEEDS = Path(__file__).resolve().parents[3] / "fixtures" / "documents"
REQUIRED_RECALL = 0.80


def normalise(text: str) -> str:
    """Case, dashes, quotes and spacing do not make two answers different."""
    text = unicodedata.normalize("NFC", text).lower()
    text = re.sub(r"[–—‐-]", "-", text).replace("’", "'")
    text = re.sub(r"[^\w%$€£'.,\- ]", " ", text)
    return " ".join(text.split()).strip(" .,")


def matches(fact: FactData, answer: str, keywords: tuple[str, ...]) -> bool:
    statement = normalise(fact.statement)
    return normalise(fact.answer) == normalise(answer) and all(normalise(k) in statement for k in keywords)


def recall_for(name: str) -> tuple[int, int, list[tuple[str, tuple[str, ...]]]]:
    facts = extract_facts(parse_document((SEEDS / name).read_text(encoding="utf-8")))
    expected = EXPECTED_FACTS[name]
    missed = [(a, k) for a, k in expected if not any(matches(f, a, k) for f in facts)]
    return len(expected) - len(missed), len(expected), missed


def test_overall_recall_is_at_least_80_percent(capsys: pytest.CaptureFixture[str]) -> None:
    found_total = expected_total = 0
    lines = []
    for name in sorted(EXPECTED_FACTS):
        found, expected, missed = recall_for(name)
        found_total += found
        expected_total += expected
        lines.append(f"{name}: {found}/{expected} = {found / expected:.0%}")
        lines.extend(f"    missed: {answer!r} {keywords}" for answer, keywords in missed)
    overall = found_total / expected_total
    lines.append(f"overall recall: {found_total}/{expected_total} = {overall:.1%}")
    with capsys.disabled():
        print("\n" + "\n".join(lines))
    assert overall >= REQUIRED_RECALL


def test_expected_list_is_substantial() -> None:
    """A recall figure only means something over a real list (the brief asks for ~150–250 items)."""
    assert sum(len(v) for v in EXPECTED_FACTS.values()) >= 150
    assert all(len(v) >= 20 for v in EXPECTED_FACTS.values())
