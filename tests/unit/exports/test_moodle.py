"""The Moodle XML is parsed back with ElementTree and checked the way Moodle's importer reads it."""

import html
import xml.etree.ElementTree as ET

import pytest

from quizzes.interchange.moodle import category_path, to_moodle_xml
from quizzes.interchange.types import ExportDeck, ExportQuestion

from .conftest import TRICKY_PROMPT


@pytest.fixture
def quiz(deck) -> ET.Element:
    return ET.fromstring(to_moodle_xml(deck).encode())


def _by_name(quiz: ET.Element) -> dict[str, ET.Element]:
    return {q.findtext("name/text"): q for q in quiz.findall("question") if q.get("type") != "category"}


def _html_text(element: ET.Element, path: str) -> str:
    """What Moodle would show: the field is HTML, so unescape it once after XML parsing."""
    node = element.find(path)
    assert node is not None and node.get("format") == "html"
    return html.unescape(node.findtext("text") or "")


def test_document_starts_with_a_category_named_after_the_deck(quiz, deck):
    assert quiz.tag == "quiz"
    first = quiz.findall("question")[0]
    assert first.get("type") == "category"
    assert first.findtext("category/text") == "$course$/top/Kazakhstan–Poland relations"
    assert len(quiz.findall("question")) == len(deck.questions) + 1


def test_choice_questions_are_single_answer_multichoice_with_one_right_answer(quiz, deck):
    questions = _by_name(quiz)
    for source in deck.questions:
        if not source.is_choice:
            continue
        element = questions[source.key]
        assert element.get("type") == "multichoice"
        assert element.findtext("single") == "true"
        assert element.findtext("shuffleanswers") == "true"
        answers = element.findall("answer")
        assert [html.unescape(a.findtext("text")) for a in answers] == list(source.options)
        fractions = [a.get("fraction") for a in answers]
        assert fractions.count("100") == 1 and fractions.count("0") == len(answers) - 1
        right = answers[fractions.index("100")]
        assert html.unescape(right.findtext("text")) == source.answer


def test_typed_years_and_numbers_are_numerical_with_zero_tolerance(quiz):
    questions = _by_name(quiz)
    year, number = questions["factdeck-q-5"], questions["factdeck-q-6"]
    for element, expected in ((year, "1995"), (number, "34057")):
        assert element.get("type") == "numerical"
        (answer,) = element.findall("answer")
        assert answer.get("fraction") == "100"
        assert answer.findtext("text") == expected
        assert answer.findtext("tolerance") == "0"


def test_special_characters_survive_in_prompt_options_and_feedback(quiz):
    element = _by_name(quiz)["factdeck-q-2"]
    assert _html_text(element, "questiontext") == TRICKY_PROMPT
    assert 'It is "C & D" #1: {really}.' in _html_text(element, "generalfeedback")
    assert "Test / Section" in _html_text(element, "generalfeedback")
    texts = [html.unescape(a.findtext("text")) for a in element.findall("answer")]
    assert "back\\slash & <tag>" in texts
    # The raw HTML sent to Moodle has the markup-looking text escaped, so it is not taken for a tag.
    assert "&lt;pact&gt;" in element.findtext("questiontext/text")


def test_explanation_is_general_feedback_and_tags_are_kept(quiz):
    element = _by_name(quiz)["factdeck-q-1"]
    assert _html_text(element, "generalfeedback").startswith("The embassy opened in 2000")
    assert [t.findtext("text") for t in element.findall("tags/tag")] == ["diplomacy", "people of note"]
    assert element.findtext("idnumber") == "factdeck-q-1"


def test_duplicate_option_texts_still_get_exactly_one_right_answer():
    # Two options that read the same must not both score 100.
    question = ExportQuestion("k", "mc", "Q?", ("Same", "Same", "Other"), 1, "Same")
    quiz = ET.fromstring(to_moodle_xml(ExportDeck("d", "D", [question])))
    fractions = [a.get("fraction") for a in quiz.findall("question/answer")]
    assert fractions == ["0", "100", "0"]


def test_slash_in_a_deck_title_does_not_create_a_subcategory():
    assert category_path("Poland / Kazakhstan") == "$course$/top/Poland // Kazakhstan"
