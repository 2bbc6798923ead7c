"""A small deck with every question kind and the characters each format must escape."""

import pytest

from quizzes.interchange.types import ExportDeck, ExportQuestion

TRICKY_PROMPT = 'Which treaty (the "A & B <pact>") uses ~ = # { } : and \\ in its name?'


@pytest.fixture
def questions() -> list[ExportQuestion]:
    return [
        ExportQuestion(
            key="factdeck-q-1",
            kind="mc",
            prompt="Who was President of Poland when the embassy in Astana opened?",
            options=("Lech Kaczyński", "Aleksander Kwaśniewski", "Bronisław Komorowski", "Andrzej Duda"),
            answer_index=1,
            answer="Aleksander Kwaśniewski",
            explanation="The embassy opened in 2000, under President Aleksander Kwaśniewski.",
            source="Kazakhstan–Poland relations — Diplomatic relations",
            tags=("diplomacy", "people of note"),
        ),
        ExportQuestion(
            key="factdeck-q-2",
            kind="mc",
            prompt=TRICKY_PROMPT,
            options=("x {1} = y", "a ~ b", "c # d: e", "back\\slash & <tag>"),
            answer_index=3,
            answer="back\\slash & <tag>",
            explanation='It is "C & D" #1: {really}.',
            source="Test / Section",
        ),
        ExportQuestion(
            key="factdeck-q-3",
            kind="year_choice",
            prompt="In which year did Poland recognise Kazakhstan's independence?",
            options=("1990", "1991", "1992", "1993"),
            answer_index=1,
            answer="1991",
        ),
        ExportQuestion(
            key="factdeck-q-4",
            kind="date_choice",
            prompt="When were diplomatic relations established?",
            options=("2 December 1992", "5 January 1992", "27 December 1991"),
            answer_index=0,
            answer="2 December 1992",
        ),
        ExportQuestion(
            key="factdeck-q-5",
            kind="typed_year",
            prompt="In which year was the double tax avoidance agreement signed?",
            options=None,
            answer_index=None,
            answer="1995",
            explanation="The agreement was signed in 1995.",
        ),
        ExportQuestion(
            key="factdeck-q-6",
            kind="typed_number",
            prompt="How many Poles lived in Kazakhstan in 2009?",
            options=None,
            answer_index=None,
            answer="34057",
        ),
        ExportQuestion(
            key="factdeck-q-7",
            kind="typed_text",
            prompt="Which Polish President visited Astana in 2002?",
            options=None,
            answer_index=None,
            answer="Aleksander Kwaśniewski",
            explanation="President Aleksander Kwaśniewski visited Astana in 2002: {state visit} #1.",
        ),
    ]


@pytest.fixture
def deck(questions) -> ExportDeck:
    return ExportDeck(
        key="document:kazakhstan-poland-relations", title="Kazakhstan–Poland relations", questions=questions
    )
