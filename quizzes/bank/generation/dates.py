"""Reading and writing calendar dates the way the source text writes them.

A date distractor must look like the answer: "27 December 1991" gets "27 March 1991", never
"March 27, 1991". ``DateText`` remembers the answer's layout so distractors can be written in it.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, replace

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
