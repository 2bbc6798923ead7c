"""Typed names: asked only when multiple choice cannot be, never ambiguous, graded kindly."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from facts.extraction.types import AnswerType, FactData
from facts.language.text import contains_phrase
from quizzes.bank.generation import QuestionKind, generate_questions, grade_typed
from tests.unit.generation.corpus import FACTS, KG, fact
from tests.unit.generation.helpers import assert_invariants

TODAY = date(2025, 6, 1)
TYPED = QuestionKind.TYPED_TEXT


# --- grading ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "given_answer",
    [
        "Aleksander Kwaśniewski",
        "Aleksander Kwasniewski",
        "aleksander kwasniewski",
        "  ALEKSANDER   KWAŚNIEWSKI ",
        "Aleksander Kwasniewski.",
        "President Aleksander Kwasniewski",
    ],
)
def test_a_name_is_right_whatever_its_case_accents_spacing_or_title(given_answer: str) -> None:
    grade = grade_typed(TYPED, "Aleksander Kwaśniewski", given_answer)
    assert grade.correct, grade
    assert grade.message == "Right."


def test_the_title_may_be_left_out_when_the_answer_has_one() -> None:
    assert grade_typed(TYPED, "President Askar Akayev", "Askar Akayev").correct
    assert grade_typed(TYPED, "Prime Minister Igor Chudinov", "igor chudinov").correct


def test_a_single_word_answer_ignores_accents() -> None:
    assert grade_typed(TYPED, "Kwaśniewski", "Kwasniewski").correct


@pytest.mark.parametrize(
    ("expected", "typed"), [("the Sejm", "Sejm"), ("Sejm", "The Sejm"), ("Lima", "lima")]
)
def test_a_leading_the_does_not_matter(expected: str, typed: str) -> None:
    assert grade_typed(TYPED, expected, typed).correct


@pytest.mark.parametrize("typed", ["Kwaśniewski", "President Kwaśniewski", "Aleksander", "Lech Wałęsa", ""])
def test_a_surname_alone_or_another_name_is_wrong_and_the_answer_is_shown(typed: str) -> None:
    grade = grade_typed(TYPED, "Aleksander Kwaśniewski", typed)
    assert not grade.correct
    assert grade.message == "Not quite: the answer is Aleksander Kwaśniewski."


def test_a_different_place_is_wrong() -> None:
    assert not grade_typed(TYPED, "Lima", "Cusco").correct


# --- generation ------------------------------------------------------------------------------------


def _visit(name: str, role: str, year: int, country: str = "Poland") -> FactData:
    return fact(f"{role} {name} visited {country} in {year}.", name, AnswerType.PERSON, KG, role=role)


def test_typed_text_only_where_multiple_choice_is_impossible() -> None:
    kinds_by_fact = [{q.kind for q in generate_questions(f, FACTS, today=TODAY)} for f in FACTS]
    typed = [kinds for kinds in kinds_by_fact if TYPED in kinds]
    assert typed, "the hand corpus has names with too few look-alikes"
    assert all(QuestionKind.MC not in kinds for kinds in typed)


def test_a_name_with_choice_options_is_not_also_typed() -> None:
    akayev = next(f for f in FACTS if f.answer == "Askar Akayev")
    kinds = {q.kind for q in generate_questions(akayev, FACTS, today=TODAY)}
    assert QuestionKind.MC in kinds and TYPED not in kinds


def test_no_typed_name_when_the_base_makes_another_name_right() -> None:
    """Two presidents visited Poland in 1998: typing either would be right, so the question is not asked."""
    base = [_visit("Askar Akayev", "President", 1998), _visit("Islam Karimov", "President", 1998)]
    assert generate_questions(base[0], base, today=TODAY) == []
    alone = [base[0], _visit("Islam Karimov", "President", 2001)]
    assert [q.kind for q in generate_questions(alone[0], alone, today=TODAY)] == [TYPED]


def test_dates_and_numbers_are_never_typed_as_text() -> None:
    measures = (AnswerType.DATE, AnswerType.NUMBER, AnswerType.ORDINAL)
    for f in (f for f in FACTS if f.answer_type in measures):
        assert TYPED not in {q.kind for q in generate_questions(f, FACTS, today=TODAY)}


def test_a_long_other_answer_is_not_typed() -> None:
    long_name = fact(
        "Peru and Poland signed the Agreement on the Mutual Protection of Classified Information in 2019.",
        "Agreement on the Mutual Protection of Classified Information",
        AnswerType.OTHER,
        KG,
        role="agreement",
    )
    assert generate_questions(long_name, [long_name], today=TODAY) == []


# --- property: the prompt never gives the name away ------------------------------------------------

NAMES = ["Aleksander Kwaśniewski", "Askar Akayev", "Ollanta Humala", "Kim Il Sung", "Kassym-Jomart Tokayev"]
TEMPLATES = [
    "President {name} visited {place} in {year}.",
    "In {year}, President {name} opened the embassy in {place}.",
    "President {name} signed a treaty on trade in {place} in {year}.",
    "The first President to visit {place} was {name}, in {year}.",
]
PLACES = ["Lima", "Bishkek", "Astana", "Pyongyang", "Baku"]


@st.composite
def lone_people(draw: st.DrawFn) -> FactData:
    """A person fact in a base too small for three distractors, so only a typed question can be asked."""
    name = draw(st.sampled_from(NAMES))
    statement = draw(st.sampled_from(TEMPLATES)).format(
        name=name, place=draw(st.sampled_from(PLACES)), year=draw(st.integers(1950, 2024))
    )
    return fact(statement, name, AnswerType.PERSON, KG, role="President")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(lone_people())
def test_a_typed_prompt_never_contains_the_name(person: FactData) -> None:
    for question in generate_questions(person, [person], today=TODAY):
        assert question.kind is TYPED
        assert_invariants(question, person, [person])
        assert not contains_phrase(question.prompt, person.answer.split()[-1])


def test_lone_people_do_get_typed_questions() -> None:
    """Guard against the property above passing because nothing is generated."""
    person = fact("President Askar Akayev visited Lima in 1998.", "Askar Akayev", AnswerType.PERSON, KG)
    assert [q.kind for q in generate_questions(person, [person], today=TODAY)] == [TYPED]
