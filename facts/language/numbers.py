"""The one number reader: quantities found in prose, answers read and written in their layout, typed input.

- ``find_numbers`` / ``parse_number`` find counts with their unit noun, money with its currency and
  percentages in a sentence (never years or ordinals: the date and ordinal rules own them).
- ``parse_number_text`` / ``NumberText`` read an answer and remember its form, so a number distractor looks
  like the answer: "over 11,000" gets "over 13,000", "US$201 million" gets "US$163 million", "5%" gets "7%".
- ``parse_number_input`` reads what a learner types, leniently; ``parse_plain_number`` what a teacher's file
  holds, strictly; ``parse_word_number`` / ``cardinal_word`` numbers written in words.
One table of qualifiers, scales and number words serves them all.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace

QUALIFIERS = (
    "more than",
    "less than",
    "fewer than",
    "at least",
    "at most",
    "up to",
    "over",
    "under",
    "nearly",
    "almost",
    "about",
    "around",
    "approximately",
    "roughly",
    "some",
    "only",
    "just",
    "exactly",
    "circa",
    "as many as",
)
# Qualifiers that make a stated figure approximate; typed answers near it are accepted.
HEDGES = frozenset(QUALIFIERS) - {"only", "just", "exactly"}
CURRENCIES = ("US$", "USD", "EUR", "GBP", "PLN", "$", "€", "£", "¥")
SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "k": 1e3, "m": 1e6, "bn": 1e9}

_QUAL_RE = "|".join(re.escape(q) for q in QUALIFIERS)
_CUR_RE = "|".join(re.escape(c) for c in CURRENCIES)
_NUMBER_RE = re.compile(
    rf"^(?P<qual>(?:{_QUAL_RE})\s+)?"
    rf"(?P<cur>(?:{_CUR_RE})\s?)?"
    r"(?P<num>\d{1,3}(?:(?P<sep>[,\u00a0\u202f ])\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?P<scale>\s?(?:thousand|million|billion|trillion|bn)\b)?"
    r"(?P<suffix>\s*%|\s+\S.*)?$",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class NumberText:
    """A parsed quantity and how it was written.

    ``value`` is the number as written before the scale word ("201" in "US$201 million");
    ``scale`` multiplies it ("million" → 1e6). ``decimals`` is how many digits follow the point.
    """

    value: float
    qualifier: str = ""
    currency: str = ""
    separator: str = ""
    decimals: int = 0
    scale: str = ""
    suffix: str = ""  # "%", " COVID-19 vaccines", " Poles"

    @property
    def total(self) -> float:
        """The quantity itself, scale applied."""
        return self.value * SCALES.get(self.scale.strip().casefold(), 1.0)

    @property
    def step(self) -> float:
        """The rounding of the written figure: 100 for 55,200, 1,000 for 11,000, 0.1 for 166.9."""
        if self.decimals:
            return 10.0**-self.decimals
        value = int(round(self.value))
        if value == 0:
            return 1.0
        zeros = 0
        while value % 10 == 0:
            value //= 10
            zeros += 1
        return float(10**zeros)

    @property
    def is_percent(self) -> bool:
        return self.suffix.strip() == "%"

    def format(self) -> str:
        """Write the value in the remembered form."""
        digits = f"{self.value:,.{self.decimals}f}"
        digits = digits.replace(",", self.separator) if self.separator else digits.replace(",", "")
        qualifier = f"{self.qualifier} " if self.qualifier else ""
        return f"{qualifier}{self.currency}{digits}{self.scale}{self.suffix}"

    def with_value(self, value: float) -> NumberText:
        """A copy holding another value, rounded to the answer's decimals."""
        return replace(self, value=round(value, self.decimals))


def parse_number_text(text: str) -> NumberText | None:
    """Parse an answer such as "55,200", "over 11,000", "US$201 million", "5%" or "$166.9 million".

    Only English layout is read here (comma or space groups, point for decimals); a learner's
    typed input goes through :func:`parse_number_input`, which is more lenient.
    """
    m = _NUMBER_RE.match(text.strip())
    if not m:
        return None
    raw = m.group("num")
    separator = m.group("sep") or ""
    if separator == " " and len(raw) <= 3:
        separator = ""
    cleaned = re.sub(r"[,\u00a0\u202f ]", "", raw)
    decimals = len(cleaned.split(".")[1]) if "." in cleaned else 0
    value = float(cleaned)
    scale = m.group("scale") or ""
    return NumberText(
        value=value,
        qualifier=(m.group("qual") or "").strip(),
        currency=m.group("cur") or "",
        separator=separator,
        decimals=decimals,
        scale=scale,
        suffix=m.group("suffix") or "",
    )


# Digit groups separated by single runs of spaces, then an optional scale word. No two parts can match the
# same characters, so the match is linear in the input (an earlier lazy form backtracked quadratically).
_INPUT_SCALE_RE = re.compile(
    r"^(?P<num>[\d.,'\u00a0\u202f]+(?:\s[\d.,'\u00a0\u202f]+)*)\s*(?P<scale>thousand|million|billion|trillion|bn|k|m)?$"
)
MAX_TYPED_LENGTH = 200  # nobody types a longer answer to a question; longer input is refused before parsing


def parse_number_input(given: str, expected: NumberText | None = None) -> float | None:
    """Read a learner's typed number, leniently, as the full quantity.

    Accepted: "55,200", "55200", "55 200", "55'200", "55.200" (a single point followed by exactly
    three digits is read as a thousands separator only when the expected answer is a whole number
    of at least 1,000, otherwise as a decimal point), "2,5" (decimal comma when not followed by
    three digits), "55.2k" / "1.5 million" / "2bn" (scale words), and a leading qualifier, currency
    or a trailing "%" or unit are ignored. When the expected answer carries a scale word ("US$201
    million") and the input has none, a figure below that scale is read in it, so "201" means 201 million
    while "201,000,000" is taken as written.
    """
    if len(given) > MAX_TYPED_LENGTH:
        return None
    text = " ".join(given.casefold().split())  # one space between groups: "55  200" reads as "55 200"
    text = re.sub(rf"^(?:{_QUAL_RE})\s+", "", text)
    text = re.sub(rf"^(?:{_CUR_RE.casefold()})\s?", "", text)
    text = text.removesuffix("%").rstrip()
    if expected is not None and expected.suffix.strip() and expected.suffix.strip() != "%":
        unit = expected.suffix.strip().casefold()
        if text.endswith(unit):
            text = text[: -len(unit)].strip()
    m = _INPUT_SCALE_RE.match(text)
    if not m:
        return None
    number = _read_digits(m.group("num").strip(), expected)
    if number is None:
        return None
    scale_word = m.group("scale")
    if scale_word:
        return number * SCALES[scale_word]
    factor = SCALES.get(expected.scale.strip().casefold(), 1.0) if expected is not None else 1.0
    # "201" for "US$201 million" means 201 million; "201,000,000" is already written out.
    return number * factor if number < factor else number


def _read_digits(raw: str, expected: NumberText | None) -> float | None:
    """Digits with separators → float; see :func:`parse_number_input` for the rules."""
    compact = re.sub(r"[\s\u00a0\u202f']", "", raw)
    if not compact or not re.fullmatch(r"[\d.,]+", compact) or not compact[0].isdigit():
        return None
    points, commas = compact.count("."), compact.count(",")
    if points and commas:
        # The later mark is the decimal one: "1,234.5" or "1.234,5".
        decimal_mark = "." if compact.rfind(".") > compact.rfind(",") else ","
        group_mark = "," if decimal_mark == "." else "."
        compact = compact.replace(group_mark, "").replace(decimal_mark, ".")
    elif commas:
        compact = _single_mark(compact, ",", prefer_grouping=True)
    elif points:
        whole_thousands = expected is not None and expected.decimals == 0 and expected.value >= 1000
        compact = _single_mark(compact, ".", prefer_grouping=whole_thousands)
    if compact is None:
        return None
    try:
        return float(compact)
    except ValueError:
        return None


def _single_mark(compact: str, mark: str, *, prefer_grouping: bool) -> str | None:
    """Resolve one kind of mark: groups of three after it mean thousands, else a decimal mark."""
    parts = compact.split(mark)
    grouped = all(len(p) == 3 for p in parts[1:]) and 1 <= len(parts[0]) <= 3
    if len(parts) > 2:
        return "".join(parts) if grouped else None
    if grouped and prefer_grouping:
        return "".join(parts)
    return parts[0] + "." + parts[1]


def relative_gap(a: float, b: float) -> float:
    """|a - b| relative to the larger magnitude; 0 when both are 0."""
    scale = max(abs(a), abs(b))
    return 0.0 if scale == 0 else abs(a - b) / scale


def round_to_step(value: float, step: float) -> float:
    """Round to a multiple of ``step`` (which may be fractional)."""
    if step >= 1:
        return float(round(value / step) * step)
    decimals = max(0, -int(math.floor(math.log10(step) + 1e-9)))
    return round(round(value / step) * step, decimals)


_CARDINALS = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
# Fractions written as words, as prose writes shares: "two-thirds of imports".
_DENOMINATORS = {
    2: ("half", "halves"),
    3: ("third", "thirds"),
    4: ("quarter", "quarters"),
    5: ("fifth", "fifths"),
}


def cardinal_word(n: int) -> str | None:
    """ "three", "twenty-one"; None outside 0–99, where prose uses digits."""
    if 0 <= n < 20:
        return _CARDINALS[n]
    if 20 <= n < 100:
        tens, unit = divmod(n, 10)
        return _TENS[tens] if unit == 0 else f"{_TENS[tens]}-{_CARDINALS[unit]}"
    return None


def fraction_word(numerator: int, denominator: int) -> str | None:
    """ "two-thirds", "one-quarter", "one-half"; None for improper fractions or unknown denominators."""
    if denominator not in _DENOMINATORS or not 1 <= numerator < denominator:
        return None
    singular, plural = _DENOMINATORS[denominator]
    return f"{_CARDINALS[numerator]}-{singular if numerator == 1 else plural}"


_CARDINAL_VALUES = {cardinal_word(n): n for n in range(100)}
_FRACTION_VALUES = {
    fraction_word(a, b): (a, b) for b in _DENOMINATORS for a in range(1, b) if fraction_word(a, b)
}


@dataclass(frozen=True, slots=True)
class WordNumber:
    """A quantity written in words: a count ("three") or a share ("two-thirds"), with its capitalisation."""

    numerator: int
    denominator: int = 1  # 1 for counts
    capital: bool = False
    joiner: str = "-"  # "two-thirds" or "two thirds"

    @property
    def value(self) -> float:
        return self.numerator / self.denominator

    @property
    def is_fraction(self) -> bool:
        return self.denominator > 1

    def format(self) -> str:
        word = (
            fraction_word(self.numerator, self.denominator)
            if self.is_fraction
            else cardinal_word(self.numerator)
        ) or ""
        word = word.replace("-", self.joiner)
        return word[:1].upper() + word[1:] if self.capital else word

    def with_parts(self, numerator: int, denominator: int | None = None) -> WordNumber:
        return replace(
            self, numerator=numerator, denominator=self.denominator if denominator is None else denominator
        )


def parse_word_number(text: str) -> WordNumber | None:
    """Parse "three", "Twenty-one", "two-thirds", "one-quarter" (hyphen or space); None otherwise."""
    stripped = text.strip()
    folded = re.sub(r"\s+", "-", stripped.casefold())
    capital = stripped[:1].isupper()
    joiner = " " if re.search(r"\s", stripped) else "-"
    if folded in _CARDINAL_VALUES:
        return WordNumber(_CARDINAL_VALUES[folded], 1, capital, joiner)
    if folded in _FRACTION_VALUES:
        numerator, denominator = _FRACTION_VALUES[folded]
        return WordNumber(numerator, denominator, capital, joiner)
    return None


def parse_plain_number(text: str) -> float | None:
    """Read a number as a teacher's file writes it ("1995", "-3", "2.5", "1,200,000"), or None.

    Thousands separators are commas; anything else that ``float`` would accept ("inf", "1e3", "nan") is
    refused because nobody writes that as an answer.
    """
    cleaned = text.strip()
    if len(cleaned) > 30 or not _PLAIN_NUMBER.match(cleaned):
        return None
    value = float(cleaned.replace(",", ""))
    return value if math.isfinite(value) else None


_PLAIN_NUMBER = re.compile(r"^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$")


# Quantities in prose --------------------------------------------------------------------------------------

# Number words prose uses for counts ("three ships", "two million people"), and a few rough ones.
WORD_NUMBERS = {word: float(n) for n in (*range(2, 13), 20) if (word := cardinal_word(n))} | {
    "a thousand": 1e3, "a hundred": 100.0, "a million": 1e6, "hundreds": 100.0, "thousands": 1e3,
}  # fmt: skip
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
# In prose only the scale words count ("5 m" is five metres, not five million), and a qualifier that only
# stresses a figure ("only 12", "just 5") is not part of the answer.
_PROSE_QUALIFIERS = tuple(q for q in QUALIFIERS if q not in ("only", "just", "exactly", "circa", "at most"))
_Q = "|".join(q.replace(" ", r"\s+") for q in sorted(_PROSE_QUALIFIERS, key=len, reverse=True))
_SCALE = "|".join(k for k in SCALES if len(k) > 2)
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_WORDS = "|".join(sorted(WORD_NUMBERS, key=len, reverse=True))
_CURRENCY_UNITS = {"US$": "US$", "$": "US$", "€": "€", "£": "£", "¥": "¥"}
NUMBER_RE = re.compile(
    rf"(?<![\w$€£¥.,/-])(?:(?P<qual>{_Q})\s+)?"
    rf"(?:(?P<between>between)\s+)?"
    rf"(?:(?P<cur>US\$|\$|€|£|¥)\s?)?(?P<num>{_DIGITS})(?:\s?(?P<scale>{_SCALE})\b)?(?P<pct>\s?%|\s+per\s?cent\b)?"
    rf"(?:\s+(?:and|to|-|–)\s+(?:US\$|\$|€|£|¥)?(?P<num2>{_DIGITS}))?"
    rf"(?![\d,.]*\d|(?:st|nd|rd|th)\b|s\b|[-–]\d)",
    re.I,
)
WORD_NUMBER_RE = re.compile(
    rf"(?<![\w-])(?:(?P<qual>{_Q})\s+)?(?P<word>{_WORDS})\b(?!-)(?:\s+(?P<scale>{_SCALE})\b)?", re.I
)
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
            unit = _CURRENCY_UNITS[m.group("cur").upper()]
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
        value = WORD_NUMBERS[m.group("word").lower()] * SCALES.get((m.group("scale") or "").lower(), 1.0)
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
