"""Showing a document's markup to a reader: pure functions over the stored text and a fact's span."""

from __future__ import annotations

import re
from dataclasses import dataclass

_HEADING = re.compile(r"^\s*(=+)\s*(.*?)\s*=+\s*$")
_LIST_ITEM = re.compile(r"^(\s*)- ")


@dataclass(frozen=True)
class Block:
    kind: str  # "title", "heading", "item" or "paragraph"
    parts: list[
        tuple[str, bool, bool]
    ]  # (text, highlighted, anchor): the first highlighted piece is the anchor


def document_blocks(text: str, start: int | None = None, end: int | None = None) -> list[Block]:
    """Split a document's markup into displayable blocks, marking the characters ``start:end``.

    Offsets refer to the stored text, so each line keeps its position and the highlight lands exactly
    where the fact's source span points, whatever markup surrounds it.
    """
    blocks: list[Block] = []
    offset = 0
    for line in text.splitlines(keepends=True):
        line_start, offset = offset, offset + len(line)
        content = line.rstrip("\r\n")
        if not content.strip():
            continue
        kind, body_start = "paragraph", 0
        if heading := _HEADING.match(content):
            kind = "title" if len(heading.group(1)) == 1 else "heading"
            body_start = heading.start(2)
            content = content[: heading.end(2)]
        elif item := _LIST_ITEM.match(content):
            kind, body_start = "item", item.end()
        blocks.append(Block(kind, _marked(content, line_start, body_start, start, end)))
    anchored = False
    for block in blocks:
        for i, (piece, marked, _anchor) in enumerate(block.parts):
            if marked and not anchored:
                block.parts[i] = (piece, True, True)
                anchored = True
    return blocks


def _marked(content: str, line_start: int, body_start: int, start: int | None, end: int | None):
    body = content[body_start:]
    if start is None or end is None:
        return [(body, False, False)]
    lo = min(max(start - line_start - body_start, 0), len(body))
    hi = min(max(end - line_start - body_start, 0), len(body))
    pieces = ((body[:lo], False), (body[lo:hi], True), (body[hi:], False))
    return [(piece, marked, False) for piece, marked in pieces if piece]


_INFOBOX_KEY = re.compile(r"^(?:- )?[A-Za-z]+\d*:\s*")


def _in_infobox(text: str, start: int) -> bool:
    """True when ``start`` falls in the ``Infobox`` block: after its line, before the blank line ending it."""
    before = text[:start].replace("\r\n", "\n")
    marker = before.rfind("\nInfobox\n")
    return marker != -1 and "\n\n" not in before[marker + 1 :]


def readable_passage(text: str, start: int, end: int) -> str:
    """A fact's source passage as a reader should see it: list markers and infobox keys removed.

    In the infobox, "Envoytitle2: Polish Ambassador to Azerbaijan / - Envoy2: Rafał Poborski" becomes
    "Polish Ambassador to Azerbaijan: Rafał Poborski"; elsewhere a list item just loses its "- ".
    """
    lines = [line.strip() for line in text[start:end].strip().splitlines() if line.strip()]
    if _in_infobox(text, start):
        return ": ".join(_INFOBOX_KEY.sub("", line) for line in lines)
    return " ".join(line[2:] if line.startswith("- ") else line for line in lines)
