"""parse_document: structure, exact offsets, and the errors a malformed document raises."""

from __future__ import annotations

import pytest

from facts.extraction import MarkupError, parse_document

DOC = """= Chile–Poland relations =

Infobox
- Party1: Chile
- Envoy1: Jan Kowalski

Chile–Poland relations are bilateral relations.

== History ==
Poland recognized Chile in 1920.

High-level visits from Chile to Poland:
- President Michelle Bachelet (2008, 2014)
  - Nested note
==Trade==
Trade grew.
"""


def test_title_infobox_sections_and_blocks() -> None:
    doc = parse_document(DOC)
    assert doc.title == "Chile–Poland relations"
    assert doc.infobox == {"Party1": "Chile", "Envoy1": "Jan Kowalski"}
    assert [s.title for s in doc.sections] == ["", "History", "Trade"]
    items = [b for b in doc.blocks if b.kind == "item"]
    assert items[0].text == "President Michelle Bachelet (2008, 2014)"
    assert items[0].heading == "High-level visits from Chile to Poland:"
    assert items[0].section == "History"
    assert (items[1].depth, items[1].text) == (1, "Nested note")


def test_every_block_offset_points_into_the_exact_text() -> None:
    text = DOC.replace("\n", "\r\n")
    doc = parse_document(text)
    for block in doc.blocks:
        assert text[block.start : block.end] == block.text
    for section in doc.sections:
        assert 0 <= section.start < section.end <= len(text)


def test_block_line_numbers_are_one_based() -> None:
    doc = parse_document(DOC)
    paragraph = next(b for b in doc.blocks if b.text.startswith("Poland recognized"))
    assert DOC.splitlines()[paragraph.line - 1] == paragraph.text


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("", None),
        ("   \n\n", None),
        ("Chile–Poland relations\n\nText.", 1),
        ("= T =\n\n==History\nText.", 3),
        ("= T =\n\nInfobox\n- Party1 Chile\n", 4),
        ("= T =\n\nInfobox\n\nText.", 3),
        ("= T =\n\n= Second title =\n", 3),
    ],
)
def test_malformed_markup_raises_with_line(text: str, line: int | None) -> None:
    with pytest.raises(MarkupError) as error:
        parse_document(text)
    assert error.value.line == line
    assert isinstance(error.value, Exception)


def test_spaced_and_unspaced_headings_are_both_accepted() -> None:
    doc = parse_document("= T =\n==A==\nx.\n== B ==\ny.\n")
    assert [s.title for s in doc.sections] == ["", "A", "B"]
