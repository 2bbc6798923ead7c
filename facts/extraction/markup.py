"""Parse the article markup into sections and blocks, keeping exact character offsets.

The markup is small: a ``= Title =`` first line, an optional ``Infobox`` block of
``- Key: Value`` lines, ``==Section==`` headings (``===Sub===`` and deeper make subsections,
named "Section › Sub"), one-line paragraphs and ``- `` list items nested with two spaces. Offsets always point into the text exactly as given, so a
fact's source span can be highlighted in the original document.

The reader forgives what it can: a line it cannot read (an odd infobox line, an unclosed heading, a second
title) is read as best it can or skipped, and ``ParsedDocument.warnings`` says so with its line number. Only a
document with no text or no title line is refused (MarkupError), since then there is nothing to name it by.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .types import Block, ParsedDocument, Section

TITLE_RE = re.compile(r"^=(?!=)\s*(?P<title>[^=].*?)\s*=\s*$")
HEADING_RE = re.compile(r"^(?P<open>={2,6})\s*(?P<title>[^=\s](?:.*?[^=\s])?)\s*(?P<close>={2,6})\s*$")
SUBSECTION_SEPARATOR = " › "  # "History › Early contacts": a level-3 heading under "History"
ITEM_RE = re.compile(r"^(?P<indent> *)- (?P<body>.*\S)\s*$")
# A key is anything before the first colon that starts with a letter ("Secretary-General", "Head (acting)").
INFOBOX_ENTRY_RE = re.compile(r"^- (?P<key>[^\W\d_][^:]*?)\s*:\s*(?P<value>\S.*?)\s*$")


class MarkupError(Exception):
    """Malformed document markup; ``line`` is the 1-based line number, or None for the whole text."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message if line is None else f"line {line}: {message}")
        self.message = message
        self.line = line


@dataclass(frozen=True, slots=True)
class _Line:
    number: int  # 1-based
    start: int  # offset of the first character of the line
    content: str  # the line without its line ending

    @property
    def end(self) -> int:
        return self.start + len(self.content)


def _lines(text: str) -> list[_Line]:
    """Split into lines, remembering where each starts; "\\r\\n" endings stay out of the content."""
    lines: list[_Line] = []
    offset = 0
    for number, raw in enumerate(text.split("\n"), start=1):
        content = raw[:-1] if raw.endswith("\r") else raw
        lines.append(_Line(number, offset, content))
        offset += len(raw) + 1
    return lines


def _is_heading_like(content: str) -> bool:
    return content.startswith("=")


def _parse_title(line: _Line) -> str:
    match = TITLE_RE.match(line.content)
    if not match:
        raise MarkupError("the first line must be the title, written '= Title ='", line.number)
    return match.group("title")


def _parse_heading(line: _Line, warnings: list[str]) -> tuple[int, str] | None:
    """A heading's level (2 for ``== A ==``, 3 for ``=== B ===`` …) and title, or None for a line to skip.

    A heading that is not closed with as many "=" as it opens is still read as the heading it plainly is,
    with a warning that names the line and shows the fixed heading ("=== Sub ==" and "=== Sub" are typos an
    author fixes in seconds). A heading with no title, or a second title line, is skipped with a warning.
    """
    content = line.content.strip()
    match = HEADING_RE.match(content)
    opening = len(content) - len(content.lstrip("="))
    title = content.strip("= \t")
    if opening == 1 and TITLE_RE.match(content):
        warnings.append(
            f"line {line.number}: skipped a second '= Title =' line (only the first line is the title)"
        )
        return None
    level = max(2, min(opening, 6))
    marks = "=" * level
    if not title:
        warnings.append(
            f"line {line.number}: skipped the heading {content!r}, which has no title; write it '{marks} Section {marks}'"
        )
        return None
    if not match or match.group("open") != match.group("close") or opening == 1:
        warnings.append(
            f"line {line.number}: the heading {content!r} is not closed; read it as '{marks} {title} {marks}'"
        )
        return level, title
    return len(match.group("open")), match.group("title")


def _parse_infobox(
    lines: list[_Line], index: int, section: str, entries: dict[str, str], warnings: list[str]
) -> tuple[list[Block], int]:
    """Read the ``- Key: Value`` lines after ``Infobox`` into ``entries``; return their blocks and the next index.

    A line that is not ``- Key: Value`` and a repeated key are skipped with a warning; the rest is read.
    """
    blocks: list[Block] = []
    i = index + 1
    while i < len(lines) and lines[i].content.strip():
        line = lines[i]
        i += 1
        match = INFOBOX_ENTRY_RE.match(line.content)
        if not match:
            warnings.append(
                f"line {line.number}: skipped an infobox line that does not read '- Key: Value': "
                f"{line.content.strip()[:60]!r}"
            )
            continue
        key, value = match.group("key"), match.group("value")
        if key in entries:
            warnings.append(f"line {line.number}: skipped a second infobox value for {key!r}")
            continue
        entries[key] = value
        body_start = line.start + 2
        body_end = line.start + match.end("value")
        blocks.append(
            Block(
                "infobox",
                line.content[2 : match.end("value")],
                body_start,
                body_end,
                section,
                "",
                0,
                line.number,
            )
        )
    if not blocks:
        warnings.append(f"line {lines[index].number}: the infobox has no '- Key: Value' lines")
    return blocks, i


def _introduces_list(content: str) -> bool:
    """A plain line right before a list is its heading unless it reads as a finished sentence."""
    stripped = content.rstrip()
    return stripped.endswith(":") or not stripped.endswith((".", "!", "?", '"', "”"))


def parse_document(text: str) -> ParsedDocument:
    """Parse ``text`` into a ParsedDocument whose offsets index ``text`` itself.

    ``=== Sub ===`` (and deeper) headings open subsections: their blocks' ``section`` is the path
    "Section › Sub", and ``sections`` lists each (sub)section as its own span, in order, so the
    spans never overlap. Raises MarkupError only for empty text and a missing title line; every other odd line is
    read as best it can be or skipped, and named in ``warnings``.
    """
    if not text or not text.strip():
        raise MarkupError("the document is empty")
    lines = _lines(text)
    title = _parse_title(lines[0])
    infobox: dict[str, str] = {}
    warnings: list[str] = []
    blocks: list[Block] = []
    heads: list[tuple[str, int]] = [("", lines[1].start if len(lines) > 1 else len(text))]
    section = ""
    path: list[str] = []  # the titles of the open section and its open subsections
    heading = ""  # the plain line introducing the list being read
    last_plain: _Line | None = None
    previous_was_item = False
    i = 1
    while i < len(lines):
        line = lines[i]
        content = line.content
        if not content.strip():
            i += 1
            continue
        if _is_heading_like(content):
            heading_read = _parse_heading(line, warnings)
            if heading_read is None:
                i += 1
                continue
            level, name = heading_read
            path = [*path[: level - 2], name]
            section = SUBSECTION_SEPARATOR.join(path)
            heads.append((section, line.start))
            heading, last_plain, previous_was_item = "", None, False
            i += 1
            continue
        if content.strip() == "Infobox":
            if infobox:
                warnings.append(f"line {line.number}: a second infobox; its new keys are read into the first")
            info_blocks, i = _parse_infobox(lines, i, section, infobox, warnings)
            blocks.extend(info_blocks)
            continue
        item = ITEM_RE.match(content)
        if item:
            if len(item.group("indent")) % 2:
                warnings.append(
                    f"line {line.number}: list items are nested with two spaces; read this one one level up"
                )
            if not previous_was_item:
                heading = (
                    last_plain.content.strip() if last_plain and _introduces_list(last_plain.content) else ""
                )
            start = line.start + item.start("body")
            end = line.start + item.end("body")
            depth = len(item.group("indent")) // 2
            blocks.append(Block("item", text[start:end], start, end, section, heading, depth, line.number))
            previous_was_item = True
        elif content.lstrip().startswith("-") and content.strip() == "-":
            warnings.append(f"line {line.number}: skipped an empty list item")
        else:
            start = line.start + (len(content) - len(content.lstrip()))
            end = line.start + len(content.rstrip())
            blocks.append(Block("paragraph", text[start:end], start, end, section, "", 0, line.number))
            last_plain, previous_was_item, heading = line, False, ""
        i += 1
    sections = tuple(
        Section(name, start, heads[n + 1][1] if n + 1 < len(heads) else len(text))
        for n, (name, start) in enumerate(heads)
    )
    return ParsedDocument(
        title=title,
        text=text,
        infobox=infobox,
        sections=sections,
        blocks=tuple(blocks),
        warnings=tuple(warnings),
    )
