"""Year distractors are plausible: near, on either side, never in the future, varied."""

from __future__ import annotations

from datetime import date

import pytest

from facts.extraction.types import AnswerType, DatePrecision, FactData
from quizzes.bank.generation import QuestionKind, generate_questions
from quizzes.bank.generation.distractors import year_window
from tests.unit.generation.corpus import FACTS, KG, fact

TODAY = date(2025, 6, 1)


def _treaty(year: int, topic: str = "tourism") -> FactData:
    return fact(
        f"Kyrgyzstan and Poland signed an agreement on {topic} in {year}.",
        str(year),
        AnswerType.DATE,
        KG,
        date=str(year),
        date_precision=DatePrecision.YEAR,
    )


def _years(question_fact: FactData, today: date = TODAY, base: list[FactData] | None = None) -> list[int]:
    questions = generate_questions(question_fact, base or [*FACTS, question_fact], today=today)
    question = next(q for q in questions if q.kind is QuestionKind.YEAR_CHOICE)
    assert question.options is not None
    return [int(o) for o in question.options]


@pytest.mark.parametrize("year", [1472, 1835, 1918, 1948, 1969, 1995, 2004, 2016])
def test_year_options_are_near_the_answer(year: int) -> None:
    options = _years(_treaty(year))
    distractors = [y for y in options if y != year]
    assert all(0 < abs(y - year) <= year_window(year) for y in distractors)


def test_the_answer_is_sometimes_the_earliest_and_sometimes_the_latest_year() -> None:
    """Distractors fall below, above or on both sides by a seeded draw: no position is safe to rule out."""
    positions = {_years(_treaty(year)).index(year) for year in range(1900, 1990, 3)}
    assert positions == {0, 1, 2, 3}


def test_windows_widen_for_older_events() -> None:
    assert year_window(2001) < year_window(1850) < year_window(1650) < year_window(1472)


@pytest.mark.parametrize("year", [2022, 2023, 2024, 2025])
def test_no_year_option_lies_in_the_future(year: int) -> None:
    today = date(2025, 3, 1)
    options = _years(_treaty(year), today=today)
    assert max(options) <= today.year
    assert year in options


def test_the_answer_this_year_gets_only_earlier_years() -> None:
    options = _years(_treaty(2025), today=date(2025, 3, 1))
    assert options[-1] == 2025


def test_a_future_answer_gets_no_questions() -> None:
    assert generate_questions(_treaty(2030), FACTS, today=TODAY) == []


def test_distractor_sets_vary_across_facts() -> None:
    """Not the same offsets for every question: across 30 facts about one year, many different sets."""
    topics = [f"topic {i}" for i in range(30)]
    sets = {tuple(y - 1995 for y in _years(_treaty(1995, t))) for t in topics}
    assert len(sets) >= 10
    nearest = {min(abs(y - 1995) for y in s if y != 0) for s in sets}
    assert len(nearest) >= 2


def test_the_answer_is_not_always_in_the_same_rank() -> None:
    """Options are stored chronologically; the answer is sometimes second, sometimes third."""
    ranks = {_years(_treaty(1990 + i, f"topic {i}")).index(1990 + i) for i in range(25)}
    assert len(ranks) >= 2


def test_years_true_elsewhere_in_the_base_are_not_offered() -> None:
    """The base says the tourism agreement was signed in 1995 *and* (another fact) in 1997."""
    first, second = _treaty(1995), _treaty(1997)
    assert 1997 not in _years(first, base=[*FACTS, first, second])
    questions = generate_questions(first, [*FACTS, first, second], today=TODAY)
    assert QuestionKind.TYPED_YEAR not in {q.kind for q in questions}  # typing 1997 would be right too
