"""Moodle XML export (Question bank → Import → "Moodle XML format").

Choice questions become ``multichoice`` with one answer at fraction 100 and the others at 0;
typed years and numbers become ``numerical`` with tolerance 0; typed names become ``shortanswer``
with the one answer at fraction 100, case-insensitive (``usecase`` 0). Text fields are HTML
(``format="html"``), so user text is HTML-escaped first and then XML-escaped by ElementTree:
an ``&`` in a prompt reaches Moodle's editor as ``&amp;`` and shows as "&".
"""

from __future__ import annotations

import html
import xml.etree.ElementTree as ET

from .types import ExportDeck, ExportQuestion, format_number

# Moodle's defaults for a new multichoice question: a third of the mark lost per wrong try
# in interactive mode, options lettered a, b, c.
_PENALTY = "0.3333333"


def _html(value: str) -> str:
    return html.escape(value, quote=False).replace("\n", "<br>")


def _text_element(parent: ET.Element, tag: str, value: str, *, as_html: bool = True) -> ET.Element:
    """``<tag format="html"><text>…</text></tag>`` — the shape Moodle uses for every rich-text field."""
    element = ET.SubElement(parent, tag, {"format": "html"} if as_html else {})
    ET.SubElement(element, "text").text = _html(value) if as_html else value
    return element


def _plain(parent: ET.Element, tag: str, value: str) -> None:
    ET.SubElement(parent, tag).text = value


def category_path(title: str) -> str:
    """Moodle category path; a "/" inside a name is written "//" so it does not start a sub-category."""
    return "$course$/top/" + title.replace("/", "//")


def _common(question: ExportQuestion, qtype: str) -> ET.Element:
    element = ET.Element("question", {"type": qtype})
    name = ET.SubElement(element, "name")
    ET.SubElement(name, "text").text = question.key
    _text_element(element, "questiontext", question.prompt)
    general = question.explanation
    if question.source:
        general = f"{general}\n{question.source}" if general else question.source
    _text_element(element, "generalfeedback", general)
    _plain(element, "defaultgrade", "1.0000000")
    _plain(element, "penalty", _PENALTY)
    _plain(element, "hidden", "0")
    _plain(element, "idnumber", question.key)
    return element


def _answer(parent: ET.Element, fraction: str, text: str, *, as_html: bool) -> ET.Element:
    answer = ET.SubElement(
        parent, "answer", {"fraction": fraction, "format": "html" if as_html else "moodle_auto_format"}
    )
    ET.SubElement(answer, "text").text = _html(text) if as_html else text
    _text_element(answer, "feedback", "")
    return answer


def multichoice(question: ExportQuestion) -> ET.Element:
    """A single-answer multiple-choice question; Moodle shuffles the options for each attempt."""
    question.correct_option()  # refuse a question whose answer_index points nowhere
    element = _common(question, "multichoice")
    _plain(element, "single", "true")
    _plain(element, "shuffleanswers", "true")
    _plain(element, "answernumbering", "abc")
    _plain(element, "showstandardinstruction", "0")
    for index, option in enumerate(question.options or ()):
        _answer(element, "100" if index == question.answer_index else "0", option, as_html=True)
    _tags(element, question)
    return element


def numerical(question: ExportQuestion) -> ET.Element:
    """A typed year or number, exact (tolerance 0), no units."""
    element = _common(question, "numerical")
    answer = _answer(element, "100", format_number(question.numeric_answer()), as_html=False)
    _plain(answer, "tolerance", "0")
    _plain(element, "unitgradingtype", "0")
    _plain(element, "unitpenalty", "0.1000000")
    _plain(element, "showunits", "3")  # 3 = units not shown, not asked for
    _plain(element, "unitsleft", "0")
    _tags(element, question)
    return element


def shortanswer(question: ExportQuestion) -> ET.Element:
    """A typed name: one right text at fraction 100; Moodle ignores case (``usecase`` 0) but not accents."""
    if not question.answer.strip():
        raise ValueError(f"question {question.key!r}: a typed question needs an answer")
    element = _common(question, "shortanswer")
    _plain(element, "usecase", "0")
    _answer(element, "100", question.answer, as_html=False)
    _tags(element, question)
    return element


def _tags(element: ET.Element, question: ExportQuestion) -> None:
    if not question.tags:
        return
    tags = ET.SubElement(element, "tags")
    for tag in question.tags:
        ET.SubElement(ET.SubElement(tags, "tag"), "text").text = tag


def to_moodle_xml(deck: ExportDeck) -> str:
    """The whole deck as one Moodle XML document, starting with a category named after the deck."""
    quiz = ET.Element("quiz")
    category = ET.SubElement(quiz, "question", {"type": "category"})
    ET.SubElement(ET.SubElement(category, "category"), "text").text = category_path(deck.title)
    for question in deck.questions:
        if question.is_choice:
            quiz.append(multichoice(question))
        elif question.is_numeric:
            quiz.append(numerical(question))
        else:
            quiz.append(shortanswer(question))
    ET.indent(quiz)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(quiz, encoding="unicode") + "\n"
