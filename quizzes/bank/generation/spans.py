"""Times that are not one calendar date: year ranges, decades, centuries, day ranges, "early 1942".

Each is read with the layout it was written in, so that a wrong option can be written the same way:
"1946–1948" gets "1944–1946", "the 1950s and 1960s" gets "the 1970s and 1980s", "middle of the 19th
century" gets "middle of the 18th century", "6 to 8 September 2017" gets "6 to 8 March 2016".
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, replace

from facts.extraction.types import DatePrecision
from facts.language.dates import MONTHS
from quizzes.bank.generation.ordinals import ordinal_digits

_MONTH_INDEX = {name.casefold(): i + 1 for i, name in enumerate(MONTHS)}
_MONTH_RE = "|".join(MONTHS)
_PHASES = {
    "early": 0,
    "beginning of the": 0,
    "start of the": 0,
    "first half of the": 0,
    "mid": 33,
    "mid-": 33,
    "middle of the": 33,
    "second half of the": 50,
    "late": 66,
    "end of the": 66,
}
_PHASE_RE = r"(?:early|beginning of the|start of the|first half of the|mid-?|middle of the|second half of the|late|end of the)"


@dataclass(frozen=True, slots=True)
class NumberedSpan:
    """A time written around one or two numbers that move together: years, decades or centuries.

    ``template`` holds ``{0}`` (and ``{1}``) where the numbers go; ``unit`` is how many calendar years
    one step of a number is (1 for years, 10 for decades, 100 for "1800s"-style centuries, and 1 for
    century ordinals, which count centuries). ``short_end`` writes a second year with two digits
    ("1946–48").
    """

    template: str
    values: tuple[int, ...]
    unit: int
    ordinal: bool = False  # "19th"
    short_end: bool = False
    phase: int = 0  # years into the first period where the time starts: "late" is 66

    def format(self) -> str:
        words = [ordinal_digits(v) if self.ordinal else str(v) for v in self.values]
        if self.short_end and len(self.values) == 2 and self.values[0] // 100 == self.values[1] // 100:
            words[1] = f"{self.values[1] % 100:02d}"
        return self.template.format(*words)

    def moved(self, steps: int) -> NumberedSpan:
        """The same shape ``steps`` units earlier (negative) or later."""
        return replace(self, values=tuple(v + steps * self.unit for v in self.values))

    @property
    def first_year(self) -> int:
        """The first calendar year the time may cover."""
        if self.ordinal:
            return (self.values[0] - 1) * 100 + 1 + self.phase
        span = 100 if self.unit >= 100 else self.unit
        return self.values[0] + (self.phase * span) // 100

    @property
    def is_valid(self) -> bool:
        return all(v >= 1 for v in self.values) and list(self.values) == sorted(self.values)


@dataclass(frozen=True, slots=True)
class DaySpan:
    """A run of days inside one month: "6 to 8 September 2017", "From 23 to 26 May 2002", "May 23–26, 2002"."""

    year: int
    month: int
    first: int
    last: int
    style: str  # "dmy" or "mdy"
    joiner: str  # " to ", "–"
    prefix: str = ""  # "From "

    def format(self) -> str:
        month = MONTHS[self.month - 1]
        if self.style == "mdy":
            return f"{self.prefix}{month} {self.first}{self.joiner}{self.last}, {self.year}"
        return f"{self.prefix}{self.first}{self.joiner}{self.last} {month} {self.year}"

    def with_parts(
        self, *, year: int | None = None, month: int | None = None, first: int | None = None
    ) -> DaySpan:
        """The same length of stay, moved: to another year, month or first day."""
        start = self.first if first is None else first
        return replace(
            self,
            year=self.year if year is None else year,
            month=self.month if month is None else month,
            first=start,
            last=start + self.last - self.first,
        )

    @property
    def is_valid(self) -> bool:
        if not 1 <= self.month <= 12 or self.first < 1:
            return False
        return self.last <= calendar.monthrange(self.year, self.month)[1]

    @property
    def iso(self) -> str:
        return f"{self.year:04d}-{self.month:02d}-{self.first:02d}"


_YEAR_RANGE = re.compile(
    r"^(?P<pre>(?:from\s+|between\s+)?)(?P<a>\d{3,4})(?P<dash>\s*[–—-]\s*|\s+to\s+|\s+and\s+)(?P<b>\d{2,4})$",
    re.I,
)
_DECADES = re.compile(
    rf"^(?P<pre>(?:the\s+)?(?:{_PHASE_RE}\s*)?)(?P<a>\d{{2,3}}0)s"
    r"(?:(?P<join>\s+and\s+(?:the\s+)?|\s*[–—-]\s*|\s+to\s+(?:the\s+)?)(?P<b>\d{2,3}0)s)?$",
    re.I,
)
_CENTURY = re.compile(
    rf"^(?P<pre>(?:the\s+)?(?:{_PHASE_RE}\s*)?)(?P<n>\d{{1,2}})(?:st|nd|rd|th)(?P<post>\s+century)$", re.I
)
_PHASE_YEAR = re.compile(
    rf"^(?:the\s+)?(?:{_PHASE_RE}|spring(?: of)?|summer(?: of)?|autumn(?: of)?|fall(?: of)?|winter(?: of)?)\s*(?P<y>\d{{3,4}})$",
    re.I,
)
_DAYS_DMY = re.compile(
    rf"^(?P<pre>(?:from\s+)?)(?P<a>\d{{1,2}})(?P<join>\s*[–—-]\s*|\s+to\s+)(?P<b>\d{{1,2}})\s+(?P<m>{_MONTH_RE}),?\s+(?P<y>\d{{4}})$",
    re.I,
)
_DAYS_MDY = re.compile(
    rf"^(?P<pre>(?:from\s+)?)(?P<m>{_MONTH_RE})\s+(?P<a>\d{{1,2}})(?P<join>\s*[–—-]\s*|\s+to\s+)(?P<b>\d{{1,2}}),?\s+(?P<y>\d{{4}})$",
    re.I,
)


def _phase_of(prefix: str) -> int:
    words = re.sub(r"^the\s+", "", prefix.strip().casefold())
    return _PHASES.get(words, _PHASES.get(words.rstrip("-") if words.endswith("-") else words, 0))


def parse_numbered_span(
    text: str, precision: DatePrecision | str = DatePrecision.NONE
) -> NumberedSpan | None:
    """Read a year range, one or two decades, or a century; None for anything else.

    "1800s" is a century when ``precision`` says so and a decade otherwise.
    """
    text = text.strip()
    if m := _YEAR_RANGE.match(text):
        start, end_text = int(m["a"]), m["b"]
        short = len(end_text) == 2 and len(m["a"]) == 4
        end = start // 100 * 100 + int(end_text) if short else int(end_text)
        if end <= start:
            return None
        template = f"{_braces(m['pre'])}{{0}}{_braces(m['dash'])}{{1}}"
        return NumberedSpan(template, (start, end), 1, short_end=short)
    if m := _DECADES.match(text):
        values = (int(m["a"]),) + ((int(m["b"]),) if m["b"] else ())
        if len(values) == 2 and values[1] <= values[0]:
            return None
        hundreds = values[0] % 100 == 0 and str(precision) == DatePrecision.CENTURY
        template = f"{_braces(m['pre'])}{{0}}s" + (f"{_braces(m['join'])}{{1}}s" if m["b"] else "")
        return NumberedSpan(template, values, 100 if hundreds else 10, phase=_phase_of(m["pre"]))
    if m := _CENTURY.match(text):
        if int(m["n"]) < 1:
            return None
        template = f"{_braces(m['pre'])}{{0}}{_braces(m['post'])}"
        return NumberedSpan(template, (int(m["n"]),), 1, ordinal=True, phase=_phase_of(m["pre"]))
    return None


def parse_day_span(text: str) -> DaySpan | None:
    """Read "6 to 8 September 2017", "From 23 to 26 May 2002" or "May 23–26, 2002"; None otherwise."""
    text = text.strip()
    m = _DAYS_DMY.match(text)
    style = "dmy"
    if m is None:
        m, style = _DAYS_MDY.match(text), "mdy"
    if m is None:
        return None
    month = _MONTH_INDEX[m["m"].casefold()]
    span = DaySpan(int(m["y"]), month, int(m["a"]), int(m["b"]), style, m["join"], m["pre"])
    return span if span.is_valid and span.last > span.first else None


def phase_year(text: str) -> int | None:
    """The year of "early 1942", "mid-1990", "the end of 1918", "spring 1945"; None otherwise."""
    m = _PHASE_YEAR.match(text.strip())
    return int(m["y"]) if m else None


def _braces(text: str) -> str:
    return text.replace("{", "{{").replace("}", "}}")
