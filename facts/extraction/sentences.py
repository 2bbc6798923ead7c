"""Sentence and clause splitting that keeps offsets and respects abbreviations."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Words that end with a full stop without ending the sentence.
ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "st",
        "prof",
        "gen",
        "col",
        "lt",
        "sgt",
        "capt",
        "rev",
        "hon",
        "jr",
        "sr",
        "no",
        "nos",
        "vs",
        "etc",
        "e.g",
        "i.e",
        "inc",
        "ltd",
        "co",
        "corp",
        "mt",
        "ft",
        "approx",
        "est",
        "dept",
        "univ",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "fig",
        "cf",
        "al",
    ]
)
_END_RE = re.compile(r"[.!?][\"”')\]]*(?=\s+[\"“'(\[]?[A-Z0-9À-Ž])")
_DOTTED_RE = re.compile(r"(?:\b[A-Za-z]\.){2,}$")  # U.S. / e.g. / U.K.
_INITIAL_RE = re.compile(r"(?:^|[\s(])[A-Z]\.$")  # "J." in "J. Smith"


@dataclass(frozen=True, slots=True)
class Span:
    """A piece of text with its offsets in the string it was cut from."""

    text: str
    start: int
    end: int


def _is_abbreviation(before: str) -> bool:
    """Decide whether the full stop ending ``before`` belongs to an abbreviation or initial."""
    word = before.rsplit(None, 1)[-1] if before.split() else ""
    bare = word.lstrip("(\"“'").rstrip(".").lower()
    return bool(bare in ABBREVIATIONS or _DOTTED_RE.search(word) or _INITIAL_RE.search(before))


def split_sentences(text: str, offset: int = 0) -> list[Span]:
    """Split ``text`` into sentences; offsets are shifted by ``offset`` to index the whole document."""
    spans: list[Span] = []
    start = 0
    for match in _END_RE.finditer(text):
        end = match.end()
        if text[match.start()] == "." and _is_abbreviation(text[: match.start() + 1]):
            continue
        _append(spans, text, start, end, offset)
        start = end
    _append(spans, text, start, len(text), offset)
    return spans


def _append(spans: list[Span], text: str, start: int, end: int, offset: int) -> None:
    piece = text[start:end]
    lead = len(piece) - len(piece.lstrip())
    piece = piece.strip()
    if piece:
        spans.append(Span(piece, offset + start + lead, offset + start + lead + len(piece)))
