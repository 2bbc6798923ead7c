"""Typed names (typed_text) in every format: what Moodle, GIFT, CSV and Anki get, and what imports back."""

import html
import xml.etree.ElementTree as ET

import pytest

from quizzes.interchange.csv import to_csv
from quizzes.interchange.gift import to_gift
from quizzes.interchange.imports import parse_csv, parse_gift
from quizzes.interchange.moodle import to_moodle_xml
from quizzes.interchange.types import ExportDeck, ExportQuestion, question_problems


def _typed(deck: ExportDeck) -> ExportQuestion:
    return next(q for q in deck.questions if q.kind == "typed_text")


def test_moodle_gets_a_case_insensitive_short_answer_with_one_right_text(deck):
    quiz = ET.fromstring(to_moodle_xml(deck).encode())
    element = next(q for q in quiz.findall("question") if q.findtext("name/text") == _typed(deck).key)
    assert element.get("type") == "shortanswer"
    assert element.findtext("usecase") == "0"
    (answer,) = element.findall("answer")
    assert answer.get("fraction") == "100"
    assert answer.findtext("text") == "Aleksander Kwaśniewski"
    assert html.unescape(element.findtext("questiontext/text")) == _typed(deck).prompt


def test_gift_writes_a_short_answer_and_reads_it_back(deck):
    text = to_gift(deck)
    assert "{=Aleksander Kwaśniewski" in text
    (question,) = [q for q in parse_gift(text).questions_or_raise() if q.kind == "typed_text"]
    assert question == _typed(deck)


def test_special_characters_in_a_typed_answer_are_escaped_in_gift():
    question = ExportQuestion("k", "typed_text", "Which treaty?", None, None, "Treaty = Pact: {A}")
    text = to_gift(ExportDeck("d", "D", [question]))
    assert "{=Treaty \\= Pact\\: \\{A\\}" in text
    assert parse_gift(text).questions_or_raise() == [question]


def test_a_hand_written_short_answer_imports_as_typed_text():
    (question,) = parse_gift("::Cap::What is the capital of Peru? {=Lima}\n").questions_or_raise()
    assert (question.key, question.kind, question.answer, question.options) == (
        "Cap",
        "typed_text",
        "Lima",
        None,
    )


@pytest.mark.parametrize(
    ("gift", "message"),
    [
        ("Capital? {=Lima =Lima City}\n", "only one answer"),
        ("// factdeck-kind: typed_year\nCapital? {=Lima}\n", "cannot be a 'typed_year'"),
        ("Capital? {=   }\n", "needs an answer"),
    ],
)
def test_short_answers_we_cannot_grade_faithfully_are_refused(gift, message):
    result = parse_gift(gift)
    assert not result.questions
    assert message in result.errors[0].message


def test_csv_round_trip_keeps_the_typed_text(deck):
    assert _typed(deck) in parse_csv(to_csv(deck)).questions_or_raise()


def test_a_csv_answer_without_options_or_digits_is_typed_text():
    (question,) = parse_csv("prompt,answer\nWhat is the capital of Peru?,Lima\n").questions_or_raise()
    assert (question.kind, question.answer) == ("typed_text", "Lima")


def test_a_mistyped_csv_figure_is_still_reported_not_taken_for_text():
    assert parse_csv("prompt,answer\nHow many?,12 3OO\n").errors


def test_a_typed_text_answer_with_digits_is_kept_as_written():
    (question,) = parse_csv('kind,prompt,answer\ntyped_text,Which regiment?,"1,200th"\n').questions_or_raise()
    assert question.answer == "1,200th"


def test_typed_text_needs_no_number_but_needs_an_answer():
    assert question_problems(ExportQuestion("k", "typed_text", "Who?", None, None, "Lima")) == []
    assert question_problems(ExportQuestion("k", "typed_text", "Who?", None, None, " ")) == [
        "a typed question needs an answer"
    ]
    assert (
        "not a number"
        in question_problems(ExportQuestion("k", "typed_number", "How many?", None, None, "Lima"))[0]
    )
