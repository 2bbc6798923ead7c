"""Recognise quantities: counts with their unit noun, money with its currency, percentages.

Years and ordinals are not quantities: the date and ordinal rules own them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
WORD_NUMBERS = {
    "a thousand": 1e3, "a hundred": 100.0, "a million": 1e6, "two": 2.0, "three": 3.0, "four": 4.0,
    "five": 5.0, "six": 6.0, "seven": 7.0, "eight": 8.0, "nine": 9.0, "ten": 10.0, "twelve": 12.0,
    "twenty": 20.0, "hundreds": 100.0, "thousands": 1e3,
}  # fmt: skip
CURRENCIES = {"US$": "US$", "$": "US$", "€": "€", "£": "£", "¥": "¥"}
QUALIFIERS = (
    "more than", "less than", "fewer than", "as many as", "up to", "at least", "almost", "nearly", "over",
    "about", "around", "approximately", "roughly", "some", "under",
)  # fmt: skip
# Words that end a unit noun phrase ("240 Poles | lived in ...").
_STOP = frozenset(
    [
        "in",
        "of",
        "to",
        "from",
        "at",
        "on",
        "for",
        "with",
        "by",
        "and",
        "or",
        "but",
        "as",
        "than",
        "that",
        "which",
        "who",
        "were",
        "was",
        "are",
        "is",
        "be",
        "been",
        "being",
        "had",
        "has",
        "have",
        "did",
        "do",
        "lived",
        "died",
        "returned",
        "fell",
        "rose",
        "the",
        "a",
        "an",
        "its",
        "their",
        "his",
        "her",
        "this",
        "these",
        "those",
        "during",
        "after",
        "before",
        "since",
        "until",
        "while",
        "per",
        "into",
        "over",
        "under",
    ]
)
_Q = "|".join(q.replace(" ", r"\s+") for q in QUALIFIERS)
_SCALE = "|".join(SCALES)
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_WORDS = "|".join(sorted(WORD_NUMBERS, key=len, reverse=True))
NUMBER_RE = re.compile(
    rf"(?<![\w$€£¥.,/-])(?:(?P<qual>{_Q})\s+)?"
    rf"(?:(?P<between>between)\s+)?"
    rf"(?:(?P<cur>US\$|\$|€|£|¥)\s?)?(?P<num>{_DIGITS})(?:\s?(?P<scale>{_SCALE})\b)?(?P<pct>\s?%|\s+per\s?cent\b)?"
    rf"(?:\s+(?:and|to|-|–)\s+(?:US\$|\$|€|£|¥)?(?P<num2>{_DIGITS}))?"
    rf"(?![\d,.]*\d|(?:st|nd|rd|th)\b|s\b|[-–]\d)",
    re.I,
)
WORD_NUMBER_RE = re.compile(rf"(?<![\w-])(?:(?P<qual>{_Q})\s+)?(?P<word>{_WORDS})\b(?!-)", re.I)
_YEAR_RE = re.compile(r"^(?:1[0-9]{3}|20[0-9]{2})$")
_UNIT_WORD_RE = re.compile(r"[A-Za-zÀ-ž][\w'’-]*")


@dataclass(frozen=True, slots=True)
class NumberMention:
    """A quantity found in text; ``text`` is the answer span (qualifier, currency and number)."""

    start: int
    end: int
    text: str
    value: float
    unit: str
    qualifier: str


def _to_float(digits: str) -> float:
    return float(digits.replace(",", ""))


def unit_after(text: str, pos: int, max_words: int = 4) -> str:
    """The noun phrase naming what is counted, read from ``pos`` ("55,200 |COVID-19 vaccines to ...")."""
    words: list[str] = []
    rest = text[pos:]
    for match in re.finditer(r"\S+", rest):
        raw = match.group(0)
        word = raw.rstrip(",.;:)")
        lower = word.lower()
        if not _UNIT_WORD_RE.fullmatch(word) and not re.fullmatch(r"[A-Z][\w-]*\d+", word):
            break
        if lower in _STOP or (lower.endswith("ed") and "-" not in lower and words):
            break
        words.append(word)
        if len(words) >= max_words or raw != word:
            break
    return " ".join(words)


def find_numbers(text: str) -> list[NumberMention]:
    """Quantities in ``text`` in order: counts, money and percentages, never years or ordinals."""
    found: list[NumberMention] = []
    for m in NUMBER_RE.finditer(text):
        num = m.group("num")
        if _YEAR_RE.match(num) and not (
            m.group("cur") or m.group("scale") or m.group("pct") or m.group("qual") or m.group("num2")
        ):
            continue  # a bare four-digit number is a year, unless it counts something
        value = _to_float(num) * SCALES.get((m.group("scale") or "").lower(), 1.0)
        if m.group("pct"):
            unit = "%"
        elif m.group("cur"):
            unit = CURRENCIES[m.group("cur").upper()]
        else:
            unit = unit_after(text, m.end())
        qualifier = (m.group("qual") or "").lower()
        if m.group("between") and m.group("num2"):
            qualifier = "between"
        elif m.group("between"):
            continue
        found.append(NumberMention(m.start(), m.end(), m.group(0), value, unit, " ".join(qualifier.split())))
    for m in WORD_NUMBER_RE.finditer(text):
        if any(n.start <= m.start() < n.end for n in found):
            continue
        unit = unit_after(text, m.end())
        if not unit or unit.lower() in ("of",):
            continue
        value = WORD_NUMBERS[m.group("word").lower()]
        found.append(
            NumberMention(
                m.start(), m.end(), m.group(0), value, unit, " ".join((m.group("qual") or "").lower().split())
            )
        )
    return sorted(found, key=lambda n: n.start)


def parse_number(text: str) -> tuple[float, str, str] | None:
    """Read the first quantity in ``text`` as (value, unit, qualifier).

    "US$201 million" → (201000000.0, "US$", ""); "nearly 77,000" → (77000.0, "", "nearly");
    "55,200 COVID-19 vaccines" → (55200.0, "COVID-19 vaccines", ""); "5%" → (5.0, "%", "").
    """
    mentions = find_numbers(text.strip())
    if not mentions:
        return None
    first = mentions[0]
    return first.value, first.unit, first.qualifier
