"""Stems built on the dependency tree, on invented statements: wh-phrase from the answer's kind and role,
inversion or do-support from the verb's lemma, fronted phrases moved after the subject, asides left out."""

from __future__ import annotations

import pytest

from facts.extraction.types import AnswerType, DatePrecision, FactData
from quizzes.bank.generation.tree import tree_stem
from quizzes.bank.generation.types import QuestionKind

A, P, K = AnswerType, DatePrecision, QuestionKind


def fact(
    statement: str, answer: str, answer_type: AnswerType, precision: DatePrecision = P.NONE, **values: object
) -> FactData:
    return FactData(statement, answer, answer_type, "", 0, len(statement), date_precision=precision, **values)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("statement", "answer", "answer_type", "precision", "kind", "expected"),
    [
        # A fronted phrase moves after the verb; do-support takes the lemma (British spelling kept).
        (
            "Soon after the war, Freedonia recognised Sylvania in 1950.",
            "1950",
            A.DATE,
            P.YEAR,
            K.YEAR_CHOICE,
            "In which year did Freedonia recognise Sylvania soon after the war?",
        ),
        # A non-restrictive relative clause and a second coordinated clause are left out.
        (
            "Marek Olbrycht, who had founded the firm, died in December 1988, and the firm collapsed.",
            "December 1988",
            A.DATE,
            P.MONTH,
            K.MC,
            "In which month and year did Marek Olbrycht die?",
        ),
        # A reduced passive ("founded by … in 1898") becomes its own passive clause.
        (
            "The Duckburg Rubber Works, founded by Carl Polon in 1898, made boots and tyres.",
            "1898",
            A.DATE,
            P.YEAR,
            K.TYPED_YEAR,
            "In which year was the Duckburg Rubber Works founded by Carl Polon?",
        ),
        (
            "The Duckburg Rubber Works, founded by Carl Polon in 1898, made boots and tyres.",
            "Carl Polon",
            A.PERSON,
            P.NONE,
            K.MC,
            "By whom was the Duckburg Rubber Works founded in 1898?",
        ),
        # A count asks "how many" with the counted noun; the qualifier goes with the number.
        (
            "Over 3,500 skilled workers were also trained in Duckburg.",
            "Over 3,500",
            A.NUMBER,
            P.NONE,
            K.MC,
            "How many skilled workers were also trained in Duckburg?",
        ),
        (
            "Freedonia donated 55,200 vaccines to Sylvania in October 2021.",
            "55,200",
            A.NUMBER,
            P.NONE,
            K.MC,
            "How many vaccines did Freedonia donate to Sylvania in October 2021?",
        ),
        # An office with its country joins the wh-phrase.
        (
            "Prime Minister Anna Kowal of Freedonia visited Sylvania in 2016.",
            "Anna Kowal",
            A.PERSON,
            P.NONE,
            K.MC,
            "Which Prime Minister of Freedonia visited Sylvania in 2016?",
        ),
        # A whole date leaves the stem when its year is asked.
        (
            "Pope Pius stopped in Duckburg on 5 and 6 July 1980 during his first journey to Sylvania.",
            "5 and 6 July 1980",
            A.DATE,
            P.DAY,
            K.YEAR_CHOICE,
            "In which year did Pope Pius stop in Duckburg during his first journey to Sylvania?",
        ),
        # The answer's own clause, without the word that joined it to the main one.
        (
            "Sylvania stayed neutral when Freedonia invaded Duckland in September 1939.",
            "Freedonia",
            A.COUNTRY,
            P.NONE,
            K.MC,
            "Which country invaded Duckland in September 1939?",
        ),
        (
            "The Protocol has been in force since 14 January 1998.",
            "14 January 1998",
            A.DATE,
            P.DAY,
            K.DATE_CHOICE,
            "Since what date has the Protocol been in force?",
        ),
        # An adverb before the verb stays before it under do-support.
        (
            "Many of those settlers later made their homes in Duckburg.",
            "Duckburg",
            A.PLACE,
            P.NONE,
            K.MC,
            "In which city did many of those settlers later make their homes?",
        ),
        # "of" stays with the noun it belongs to.
        (
            "Freedonia and Sylvania are members of the World Trade Organization (WTO).",
            "World Trade Organization",
            A.ORGANISATION,
            P.NONE,
            K.MC,
            "Which organisation are Freedonia and Sylvania members of?",
        ),
    ],
)
def test_tree_stems(
    statement: str,
    answer: str,
    answer_type: AnswerType,
    precision: DatePrecision,
    kind: QuestionKind,
    expected: str,
) -> None:
    role = "city" if answer_type is A.PLACE else ""
    assert tree_stem(fact(statement, answer, answer_type, precision, role=role), kind) == expected


@pytest.mark.parametrize(
    ("statement", "answer"),
    [
        ("Freedonia joined the Alpine Council and the Water Union in 1999.", "Alpine Council"),  # one of two
        ("The first Duckburg Steel plant opened in 1921.", "Duckburg"),  # a modifier inside another name
    ],
)
def test_no_stem_when_the_answer_is_one_of_several_or_part_of_a_name(statement: str, answer: str) -> None:
    assert tree_stem(fact(statement, answer, A.ORGANISATION), K.MC) is None


def test_no_whom_after_a_preposition_of_place() -> None:
    """A name after "at" typed as a person is a place: "At whom did … build a bridge?" is not asked."""
    bridge = fact("Freedonia built a bridge over the river at Fort Duckburg.", "Fort Duckburg", A.PERSON)
    assert tree_stem(bridge, K.MC) is None
