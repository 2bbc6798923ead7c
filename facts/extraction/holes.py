"""Gaps a removed word leaves in a sentence, and the repairs that are safe to make.

Statements and question stems are shown to learners as they are. A rule that cuts a list apart,
drops an answer, or copies a broken source template ("$ million; equivalent to $ million in ")
can leave "both the and the", "(later )", "in 1830 and?" or " ," behind. ``find_hole`` names such
a gap so that callers can refuse the text; ``repair_holes`` removes the gaps that carry no meaning
(an empty or broken parenthesis, doubled spaces, a space before a comma) and leaves the rest.
"""

from __future__ import annotations

import re

_HOLE_PATTERNS: tuple[tuple[str, str], ...] = (
    (
        "an article before a function word",
        r"\b(?:the|a|an)\s+(?:and|or|of|the|a|an|in|to|by|with|for)(?![\w-])",
    ),
    ("a doubled conjunction", r"\b(?:and|or)\s+(?:and|or)\b"),
    ("an empty parenthesis", r"\(\s*\)|\(\s|\s\)"),
    (
        "a parenthesis that lost its content",
        r"\(\s*(?:later|formerly|now|then|née|born|and|or|the|of|in)\s*\)",
    ),
    ("a dangling end", r"\b(?:and|or|the|a|an|both|between|either|than)\s*[?.!]$|\bof the\s*[?.]$"),
    ("a dangling dash", r"[-–—]\s*[?.!]$"),
    ("a doubled space", r"\s{2}"),
    ("a space before punctuation", r"\s[,.;:?!]"),
    ("stray commas", r",,|,\s*[.?!]$"),
    ("an amount without its number", r"(?:[$€£¥]|US\$)\s*(?:million|billion|thousand|trillion)\b"),
    ("a doubled word", r"\b(\w+)\s+\1\b"),
)
_HOLES = [(name, re.compile(pattern, re.I)) for name, pattern in _HOLE_PATTERNS]

# A parenthesis whose inside is a template that lost its numbers, or that ends mid-phrase.
_BROKEN_PARENTHESIS = re.compile(
    r"\s*\((?:\s*|[^()]*(?:[$€£¥]\s*(?:million|billion|thousand)|\b(?:in|of|to|the|and|later|formerly))\s*)\)"
)


def find_hole(text: str) -> str:
    """A short description of the first gap in ``text`` ("a dangling end"), or "" when it has none."""
    for name, pattern in _HOLES:
        if pattern.search(text):
            return name
    return ""


def repair_holes(text: str) -> str:
    """``text`` without broken parentheses, doubled spaces and spaces before punctuation.

    Only gaps that carry no meaning are removed; a gap inside the sentence ("both the and the")
    stays, for ``find_hole`` to report.
    """
    text = _BROKEN_PARENTHESIS.sub("", text)
    text = re.sub(r"[ \t]{2,}", " ", text)
    return re.sub(r"\s+([,.;:?!])", r"\1", text).strip()
