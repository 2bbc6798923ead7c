"""Prompts are real, self-contained questions that never give the answer away."""

from __future__ import annotations

from datetime import date

import pytest

from facts.extraction.types import AnswerType, DatePrecision, FactData
from facts.language.verbs import base_form
from quizzes.bank.generation import QuestionKind, generate_questions
from quizzes.bank.generation.prompts import build_prompt, prompt_is_valid
from tests.unit.generation.corpus import FACTS, KG, KZ, PE, fact

TODAY = date(2025, 6, 1)


def _prompt(
    statement: str,
    answer: str,
    answer_type: AnswerType,
    kind: QuestionKind = QuestionKind.MC,
    document: str = KG,
    **values: object,
) -> str | None:
    """The prompt for a one-off fact, asked for its own answer."""
    return build_prompt(fact(statement, answer, answer_type, document, **values), kind, answer)


def test_do_support_with_base_form_and_fronted_adverbial_moved() -> None:
    prompt = _prompt(
        "In October 2021, Poland donated 55,200 COVID-19 vaccines to Kyrgyzstan.",
        "55,200",
        AnswerType.NUMBER,
        unit="COVID-19 vaccines",
    )
    assert prompt == "How many COVID-19 vaccines did Poland donate to Kyrgyzstan in October 2021?"


def test_passive_keeps_its_auxiliary() -> None:
    facts = [
        fact(
            "Bilateral relations were established on 10 February 1992.",
            "10 February 1992",
            AnswerType.DATE,
            KG,
            date="1992-02-10",
            date_precision=DatePrecision.DAY,
        )
    ]
    questions = {q.kind: q.prompt for q in generate_questions(facts[0], FACTS + facts, today=TODAY)}
    assert questions[QuestionKind.DATE_CHOICE] == "On what date were bilateral relations established?"
    assert questions[QuestionKind.YEAR_CHOICE] == "In which year were bilateral relations established?"


def test_hand_written_question_is_preferred() -> None:
    tax = next(f for f in FACTS if f.question)
    questions = generate_questions(tax, FACTS, today=TODAY)
    assert questions and all(
        q.prompt == "In which year did Poland and Kazakhstan sign a double tax avoidance agreement?"
        for q in questions
    )


def test_vague_reference_is_resolved_from_the_document_title() -> None:
    prompt = _prompt(
        "A double tax avoidance agreement was signed between the countries in 1995.",
        "1995",
        AnswerType.DATE,
        QuestionKind.YEAR_CHOICE,
        document=KZ,
        date="1995",
        date_precision=DatePrecision.YEAR,
    )
    assert (
        prompt == "In which year was a double tax avoidance agreement signed between Kazakhstan and Poland?"
    )


def test_vague_reference_without_a_title_gives_no_prompt() -> None:
    prompt = _prompt(
        "A double tax avoidance agreement was signed between the countries in 1995.",
        "1995",
        AnswerType.DATE,
        QuestionKind.YEAR_CHOICE,
        document="",
        date="1995",
        date_precision=DatePrecision.YEAR,
    )
    assert prompt is None


@pytest.mark.parametrize(
    ("statement", "answer", "answer_type", "expected"),
    [
        (
            "President Askar Akayev visited Poland in 1998.",
            "Askar Akayev",
            AnswerType.PERSON,
            "Who visited Poland in 1998?",
        ),
        (
            "Poland recognized Kyrgyzstan on 27 December 1991.",
            "Kyrgyzstan",
            AnswerType.COUNTRY,
            "Which country did Poland recognize on 27 December 1991?",
        ),
        (
            "Poland recognized Azerbaijan’s independence on December 27, 1991.",
            "Azerbaijan",
            AnswerType.COUNTRY,
            "Which country's independence did Poland recognize on December 27, 1991?",
        ),
        (
            "Poland has an embassy in Lima.",
            "Lima",
            AnswerType.PLACE,
            "In which city does Poland have an embassy?",
        ),
        (
            "In 2018, trade between Peru and Poland totaled US$201 million.",
            "US$201 million",
            AnswerType.NUMBER,
            "How much did trade between Peru and Poland total in 2018?",
        ),
        (
            "As of 1943, there were still over 11,000 Polish citizens in the Kyrgyz SSR.",
            "over 11,000",
            AnswerType.NUMBER,
            "How many Polish citizens were there still in the Kyrgyz SSR as of 1943?",
        ),
        (
            "According to the census of 1959, 1,086 Poles lived in the Kyrgyz SSR.",
            "1,086",
            AnswerType.NUMBER,
            "How many Poles lived in the Kyrgyz SSR according to the census of 1959?",
        ),
        (
            "According to a 2013 BBC World Service Poll, only 5% of Poles view North Korea's influence positively.",
            "5%",
            AnswerType.NUMBER,
            "What share of Poles view North Korea's influence positively according to a 2013 BBC World Service Poll?",
        ),
        (
            "Kyrgyzstani students were the 22nd largest group of foreign students in Poland in 2021.",
            "22nd",
            AnswerType.ORDINAL,
            "Where did Kyrgyzstani students rank among the largest groups of foreign students in Poland in 2021?",
        ),
        (
            "In 2002, President Aleksander Kwaśniewski paid a visit to Peru, becoming the first Polish head of state "
            "to do so.",
            "Peru",
            AnswerType.COUNTRY,
            "To which country did President Aleksander Kwaśniewski pay a visit in 2002?",
        ),
    ],
)
def test_derived_prompts(statement: str, answer: str, answer_type: AnswerType, expected: str) -> None:
    role = "city" if answer_type is AnswerType.PLACE else ""
    assert _prompt(statement, answer, answer_type, document=PE, role=role) == expected


def test_month_precision_asks_for_month_and_year() -> None:
    prompt = _prompt(
        "Chopol was liquidated in July 2018.",
        "July 2018",
        AnswerType.DATE,
        date="2018-07",
        date_precision=DatePrecision.MONTH,
    )
    assert prompt == "In which month and year was Chopol liquidated?"


def test_answer_in_the_question_field_is_rejected_and_derived_instead() -> None:
    leaky = fact(
        "Chopol was established in 1987.",
        "1987",
        AnswerType.DATE,
        KG,
        date="1987",
        date_precision=DatePrecision.YEAR,
        question="Was Chopol established in 1987?",
    )
    assert build_prompt(leaky, QuestionKind.YEAR_CHOICE, "1987") == "In which year was Chopol established?"


@pytest.mark.parametrize(
    ("prompt", "forbidden", "valid"),
    [
        ("In which year was Chopol established?", ["1987"], True),
        ("In which year was Chopol established", ["1987"], False),  # not a question
        ("Was Chopol established in 1987?", ["1987"], False),  # gives the answer
        ("Which country did Poland recognise on 27 December 1991?", ["December 27, 1991", "1991"], False),
        (
            "Who visited Kwasniewski's country?",
            ["Aleksander Kwaśniewski", "Kwaśniewski"],
            False,
        ),  # accents folded
        ("How many vaccines did Poland donate?", ["55,200", "55200"], True),
        ("How many vaccines did they donate?", ["55,200"], False),  # dangling pronoun
        ("In which year did the two countries sign it?", ["1995"], False),  # not self-contained
    ],
)
def test_prompt_validation(prompt: str, forbidden: list[str], valid: bool) -> None:
    assert prompt_is_valid(prompt, forbidden) is valid


def test_statement_without_the_answer_gives_nothing() -> None:
    orphan = FactData("Poland has an embassy in Lima.", "Bogotá", AnswerType.PLACE, "", 0, 0, role="city")
    assert generate_questions(orphan, FACTS, today=TODAY) == []


@pytest.mark.parametrize(
    ("verb", "base"),
    [
        ("donated", "donate"),
        ("visited", "visit"),
        ("recognised", "recognise"),
        ("established", "establish"),
        ("paid", "pay"),
        ("signed", "sign"),
        ("totaled", "total"),
        ("travelled", "travel"),
        ("stopped", "stop"),
        ("supplied", "supply"),
        ("agreed", "agree"),
        ("has", "have"),
        ("operates", "operate"),
        ("called", "call"),
    ],
)
def test_base_forms(verb: str, base: str) -> None:
    assert base_form(verb) == base
