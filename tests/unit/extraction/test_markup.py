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
    ],
)
def test_a_document_without_text_or_title_is_refused_with_line(text: str, line: int | None) -> None:
    with pytest.raises(MarkupError) as error:
        parse_document(text)
    assert error.value.line == line


@pytest.mark.parametrize(
    ("text", "line", "kept"),
    [
        ("= T =\n\nInfobox\n- Party1 Chile\n- Party2: Peru\n\nText here.", 4, "Text here."),
        ("= T =\n\nInfobox\n\nText here.", 3, "Text here."),
        ("= T =\n\n= Second title =\nText here.\n", 3, "Text here."),
        ("= T =\n\n- a list item\n-\n- another item\n", 4, "another item"),
        ("= T =\n\nInfobox\n- Party1: Chile\n- Party1: Peru\n\nText here.", 5, "Text here."),
    ],
)
def test_an_odd_line_is_skipped_with_a_warning_and_the_rest_is_read(text: str, line: int, kept: str) -> None:
    doc = parse_document(text)
    assert any(w.startswith(f"line {line}:") for w in doc.warnings), doc.warnings
    assert any(b.text == kept for b in doc.blocks)


def test_an_infobox_key_with_a_hyphen_is_read() -> None:
    """ "- Secretary-General: …" is an ordinary infobox line of an organisation's article."""
    doc = parse_document(
        "= Freedonian League =\n\nInfobox\n- Secretary-General: Ana Kovač\n- Head (acting): Ivo Rus\n"
        "- Founded: 1961\n\nThe league was founded in 1961.\n"
    )
    assert doc.infobox == {"Secretary-General": "Ana Kovač", "Head (acting)": "Ivo Rus", "Founded": "1961"}
    assert doc.warnings == ()


def test_one_unreadable_infobox_line_keeps_the_others_and_the_prose() -> None:
    doc = parse_document(
        "= T =\n\nInfobox\n- Party1: Chile\n- 1990s trade boom\n- Party2: Peru\n\n== History ==\n"
        "Chile and Peru signed a treaty in 1929.\n"
    )
    assert doc.infobox == {"Party1": "Chile", "Party2": "Peru"}
    assert doc.warnings == (
        "line 5: skipped an infobox line that does not read '- Key: Value': '- 1990s trade boom'",
    )
    assert [b.section for b in doc.blocks if b.kind == "paragraph"] == ["History"]


def test_spaced_and_unspaced_headings_are_both_accepted() -> None:
    doc = parse_document("= T =\n==A==\nx.\n== B ==\ny.\n")
    assert [s.title for s in doc.sections] == ["", "A", "B"]
