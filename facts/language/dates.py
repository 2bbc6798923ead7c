"""The one date reader: dates of every precision found in prose, and dates read and written in their layout.

- ``find_dates`` finds every date expression in a sentence (days, months, years, ranges, decades, centuries),
  longest first, with its ISO reading and ``DatePrecision``; ``parse_date`` reads one whole expression.
- ``parse_date_text`` / ``DateText`` read an answer and remember its layout, so a date distractor looks like
  the answer: "27 December 1991" gets "27 March 1991", never "March 27, 1991".
Extraction, generation, grading and the exports all read dates here; one month table serves them all.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, replace
from enum import StrEnum


class DatePrecision(StrEnum):
    DAY = "day"
    MONTH = "month"
    YEAR = "year"
    YEAR_RANGE = "year_range"  # 1946–1948: date is the first year, date_end the last
    DECADE = "decade"  # the 1950s: date is 1950
    CENTURY = "century"  # the 19th century: date is 1801 … or "late 1800s": date is 1870, see label
    NONE = ""


MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
_MONTH_INDEX = {name.casefold(): i + 1 for i, name in enumerate(MONTHS)}
_MONTH_INDEX.update({name[:3].casefold(): i + 1 for i, name in enumerate(MONTHS)})
_MONTH_INDEX["sept"] = 9
_MONTH_RE = "|".join(sorted(_MONTH_INDEX, key=len, reverse=True))

_DMY_RE = re.compile(rf"^(\d{{1,2}})\s+({_MONTH_RE})\.?,?\s+(\d{{3,4}})$", re.IGNORECASE)
_MDY_RE = re.compile(rf"^({_MONTH_RE})\.?\s+(\d{{1,2}}),?\s+(\d{{3,4}})$", re.IGNORECASE)
_MY_RE = re.compile(rf"^({_MONTH_RE})\.?,?\s+(\d{{3,4}})$", re.IGNORECASE)
_ISO_RE = re.compile(r"^(\d{4})-(\d{2})(?:-(\d{2}))?$")
_YEAR_RE = re.compile(r"^(\d{3,4})(?:\s*(?:AD|CE))?$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class DateText:
    """A parsed date and how it was written: ``style`` is dmy, mdy, my, iso or y."""

    year: int
    month: int | None = None
    day: int | None = None
    style: str = "y"
    short_month: bool = False  # "Dec" rather than "December"
    comma: bool = True  # "December 27, 1991" rather than "December 27 1991"

    def format(self) -> str:
        """Write the date in the remembered style."""
        month = ""
        if self.month is not None:
            month = MONTHS[self.month - 1][:3] if self.short_month else MONTHS[self.month - 1]
        if self.style == "dmy":
            return f"{self.day} {month} {self.year}"
        if self.style == "mdy":
            return f"{month} {self.day}, {self.year}" if self.comma else f"{month} {self.day} {self.year}"
        if self.style == "my":
            return f"{month} {self.year}"
        if self.style == "iso":
            if self.day is None:
                return f"{self.year:04d}-{self.month:02d}"
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        return str(self.year)

    def with_parts(
        self, *, year: int | None = None, month: int | None = None, day: int | None = None
    ) -> DateText:
        """A copy with some parts changed, keeping the layout."""
        return replace(
            self,
            year=self.year if year is None else year,
            month=self.month if month is None else month,
            day=self.day if day is None else day,
        )

    @property
    def iso(self) -> str:
        """ISO form at the date's own precision, used as a comparison key."""
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def is_valid(self) -> bool:
        """Whether the day exists in that month and year."""
        if self.month is None:
            return True
        if not 1 <= self.month <= 12:
            return False
        if self.day is None:
            return True
        return 1 <= self.day <= calendar.monthrange(self.year, self.month)[1]


def parse_date_text(text: str) -> DateText | None:
    """Parse "27 December 1991", "December 27, 1991", "October 2021", "1991-12-27" or "1991"."""
    text = text.strip()
    if m := _DMY_RE.match(text):
        month_word = m.group(2)
        parsed = DateText(
            int(m.group(3)),
            _MONTH_INDEX[month_word.casefold()],
            int(m.group(1)),
            "dmy",
            short_month=_is_short(month_word),
        )
    elif m := _MDY_RE.match(text):
        month_word = m.group(1)
        parsed = DateText(
            int(m.group(3)),
            _MONTH_INDEX[month_word.casefold()],
            int(m.group(2)),
            "mdy",
            short_month=_is_short(month_word),
            comma="," in text,
        )
    elif m := _MY_RE.match(text):
        month_word = m.group(1)
        parsed = DateText(
            int(m.group(2)),
            _MONTH_INDEX[month_word.casefold()],
            None,
            "my",
            short_month=_is_short(month_word),
        )
    elif m := _ISO_RE.match(text):
        day = int(m.group(3)) if m.group(3) else None
        parsed = DateText(int(m.group(1)), int(m.group(2)), day, "iso")
    elif m := _YEAR_RE.match(text):
        parsed = DateText(int(m.group(1)))
    else:
        return None
    return parsed if parsed.is_valid() else None


def _is_short(month_word: str) -> bool:
    """ "Dec" or "Sept" rather than a full name ("May" and "June" are full names)."""
    return month_word.rstrip(".").casefold() not in {m.casefold() for m in MONTHS}


def parse_year(text: str) -> int | None:
    """A plain year ("1991", " 1991 ", "1991 AD"), or None."""
    m = _YEAR_RE.match(text.strip())
    return int(m.group(1)) if m else None


def year_of(text: str) -> int | None:
    """The year of a date written in any supported layout."""
    parsed = parse_date_text(text)
    return parsed.year if parsed else None


# Dates in prose ---------------------------------------------------------------------------------------------

# Finding dates in prose: month names are capitalised there ("may" is a verb, "May 2002" a date).
_MONTH = rf"(?:{'|'.join(sorted({k.capitalize() for k in _MONTH_INDEX}, key=len, reverse=True))})\.?"
_YEAR = r"(?:1[0-9]{3}|20[0-9]{2})"
_DECADE = r"(?:1[0-9]{2}|20[0-9])0"
_DASH = r"\s*[–—-]\s*"
_ORDINAL_WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
    "twentieth": 20, "twenty-first": 21,
}  # fmt: skip
_CENTURY = r"(?:(?P<cnum>\d{1,2})(?:st|nd|rd|th)|(?P<cword>[a-z]+(?:-[a-z]+)?))\s+century"
_PART = r"(?P<part>early|mid|middle|late|end|beginning|start)"

PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    (
        "day_range",
        re.compile(
            rf"\b(?P<d1>\d{{1,2}})(?:{_DASH}|\s+to\s+)(?P<d2>\d{{1,2}})\s+(?P<m>{_MONTH})\s+(?P<y>{_YEAR})\b"
        ),
    ),
    (
        "dmy",
        re.compile(rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m>{_MONTH}),?\s+(?P<y>{_YEAR})\b"),
    ),
    ("mdy", re.compile(rf"\b(?P<m>{_MONTH})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,\s*(?P<y>{_YEAR})\b")),
    ("my", re.compile(rf"\b(?P<m>{_MONTH})\s+(?P<y>{_YEAR})\b")),
    ("decades", re.compile(rf"\b(?:the\s+)?(?P<y1>{_DECADE})s\s+and\s+(?:the\s+)?(?P<y2>{_DECADE})s\b")),
    ("part_hundreds", re.compile(rf"\b{_PART}[\s-]+(?P<y>1[0-9]00|2000)s\b")),
    ("part_century", re.compile(rf"\b(?:(?:the\s+)?{_PART}(?:\s+of)?\s+(?:the\s+)?){_CENTURY}", re.I)),
    ("century", re.compile(rf"\b(?:the\s+)?{_CENTURY}", re.I)),
    ("year_range", re.compile(rf"\b(?P<y1>{_YEAR})(?:{_DASH}|\s+to\s+)(?P<y2>{_YEAR}|\d{{2}})\b(?![.,]\d)")),
    ("decade", re.compile(rf"\b(?:the\s+)?(?P<y>{_DECADE})s\b")),
    ("part_year", re.compile(rf"\b(?P<part>early|mid|late)[\s-]+(?P<y>{_YEAR})\b(?![.,]\d|%|s\b)")),
    (
        "year",
        re.compile(rf"(?<![\d$€£.,/-])\b(?P<y>{_YEAR})\b(?![.,]\d|%|\s*(?:million|billion|thousand)\b)"),
    ),
]


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date found in a sentence: where it is, how it was written, and its ISO reading."""

    start: int
    end: int
    text: str
    iso: str
    precision: DatePrecision
    iso_end: str | None


def _century_number(match: re.Match[str]) -> int | None:
    if match.group("cnum"):
        return int(match.group("cnum"))
    return _ORDINAL_WORDS.get(match.group("cword").lower())


def _part_bounds(first: int, part: str) -> tuple[int, int]:
    """Map 'early/mid/late' onto thirds of a hundred years starting at ``first``."""
    part = part.lower()
    if part in ("early", "beginning", "start"):
        return first, first + 32
    if part in ("mid", "middle"):
        return first + 33, first + 65
    return first + 70, first + 99


def _read(kind: str, m: re.Match[str]) -> tuple[str, DatePrecision, str | None] | None:
    """Turn one pattern match into (iso, precision, iso_end), or None if it is not a real date."""
    if kind == "day_range":
        month, year = _MONTH_INDEX[m.group("m").rstrip(".").casefold()], m.group("y")
        d1, d2 = int(m.group("d1")), int(m.group("d2"))
        if not (1 <= d1 < d2 <= 31):
            return None
        return f"{year}-{month:02d}-{d1:02d}", DatePrecision.DAY, f"{year}-{month:02d}-{d2:02d}"
    if kind in ("dmy", "mdy"):
        day, month = int(m.group("d")), _MONTH_INDEX[m.group("m").rstrip(".").casefold()]
        return (f"{m.group('y')}-{month:02d}-{day:02d}", DatePrecision.DAY, None) if 1 <= day <= 31 else None
    if kind == "my":
        return (
            f"{m.group('y')}-{_MONTH_INDEX[m.group('m').rstrip('.').casefold()]:02d}",
            DatePrecision.MONTH,
            None,
        )
    if kind == "decades":
        return m.group("y1"), DatePrecision.DECADE, str(int(m.group("y2")) + 9)
    if kind == "decade":
        return m.group("y"), DatePrecision.DECADE, str(int(m.group("y")) + 9)
    if kind == "part_hundreds":
        first, last = _part_bounds(int(m.group("y")), m.group("part"))
        return str(first), DatePrecision.CENTURY, str(last)
    if kind in ("part_century", "century"):
        number = _century_number(m)
        if not number:
            return None
        first = (number - 1) * 100 + 1
        if kind == "part_century":
            first, last = _part_bounds(first - 1, m.group("part"))
            return str(max(first, 1)), DatePrecision.CENTURY, str(last)
        return str(first), DatePrecision.CENTURY, str(first + 99)
    if kind == "year_range":
        y1, y2 = m.group("y1"), m.group("y2")
        if len(y2) == 2:
            y2 = y1[:2] + y2
        return (y1, DatePrecision.YEAR_RANGE, y2) if int(y1) < int(y2) else None
    return m.group("y"), DatePrecision.YEAR, None


def find_dates(text: str) -> list[DateMention]:
    """All date expressions in ``text``, in order, never overlapping (earlier patterns win)."""
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in PATTERNS:
        for m in pattern.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            reading = _read(kind, m)
            if reading is None:
                continue
            start = m.start()
            surface = m.group(0)
            if surface.lower().startswith("the "):  # "the 1950s": the answer is "1950s"
                start, surface = start + 4, surface[4:]
            taken.append((m.start(), m.end()))
            found.append(DateMention(start, m.end(), surface, *reading))
    return sorted(found, key=lambda d: d.start)


def parse_date(text: str) -> tuple[str, DatePrecision, str | None] | None:
    """Read one date expression that makes up the whole of ``text`` (prepositions allowed).

    "on 27 December 1991" → ("1991-12-27", DAY, None); "in 1946–1948" → ("1946", YEAR_RANGE, "1948");
    "the late 1800s" → ("1870", CENTURY, "1899"). Returns None when ``text`` is not just a date.
    """
    cleaned = re.sub(r"^(?:on|in|from|since|during|by|until|as of)\s+", "", text.strip(), flags=re.I)
    cleaned = cleaned.strip(" ,.")
    mentions = find_dates(cleaned)
    if len(mentions) != 1:
        return None
    mention = mentions[0]
    rest = (cleaned[: mention.start] + cleaned[mention.end :]).strip().lower()
    if rest not in ("", "the", "early", "late", "mid"):
        return None
    return mention.iso, mention.precision, mention.iso_end
