"""Ordinals written as digits ("22nd largest") or words ("ninth"), read and written alike."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

_UNITS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"]
_TEENS = [
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
]
_TENS_ORD = {
    2: "twentieth",
    3: "thirtieth",
    4: "fortieth",
    5: "fiftieth",
    6: "sixtieth",
    7: "seventieth",
    8: "eightieth",
    9: "ninetieth",
}
_TENS_CARD = {
    2: "twenty",
    3: "thirty",
    4: "forty",
    5: "fifty",
    6: "sixty",
    7: "seventy",
    8: "eighty",
    9: "ninety",
}


def ordinal_word(n: int) -> str | None:
    """ "ninth", "twenty-first"; None beyond 99, where digits are the only sensible form."""
    if 1 <= n <= 9:
        return _UNITS[n - 1]
    if 10 <= n <= 19:
        return _TEENS[n - 10]
    if 20 <= n <= 99:
        tens, unit = divmod(n, 10)
        return _TENS_ORD[tens] if unit == 0 else f"{_TENS_CARD[tens]}-{_UNITS[unit - 1]}"
    return None


_WORD_VALUES = {ordinal_word(n): n for n in range(1, 100)}


def ordinal_digits(n: int) -> str:
    """ "1st", "22nd", "113th"."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


_DIGITS_RE = re.compile(r"^(?P<pre>(?:the\s+)?)(?P<n>\d+)(?:st|nd|rd|th)\b(?P<rest>.*)$", re.IGNORECASE)
_WORD_RE = re.compile(
    r"^(?P<pre>(?:the\s+)?)(?P<w>(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-[a-z]+|[a-z]+)\b(?P<rest>.*)$",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class OrdinalText:
    """An ordinal with its style (digits or words), capitalisation and surrounding words."""

    value: int
    words: bool
    prefix: str = ""  # "the "
    rest: str = ""  # " largest"
    capital: bool = False

    def format(self) -> str:
        word = ordinal_word(self.value) if self.words else None
        core = word if word is not None else ordinal_digits(self.value)
        if self.capital and not self.prefix:
            core = core[0].upper() + core[1:]
        return f"{self.prefix}{core}{self.rest}"

    def with_value(self, value: int) -> OrdinalText:
        return replace(self, value=value)


def parse_ordinal(text: str) -> OrdinalText | None:
    """Parse "22nd largest", "the 540th", "ninth", "Twenty-first"."""
    text = text.strip()
    if m := _DIGITS_RE.match(text):
        value = int(m.group("n"))
        if value < 1 or ordinal_digits(value).casefold() not in text.casefold():
            return None
        return OrdinalText(value, False, m.group("pre"), m.group("rest"))
    if m := _WORD_RE.match(text):
        word = m.group("w")
        value = _WORD_VALUES.get(word.casefold())
        if value is None:
            return None
        return OrdinalText(value, True, m.group("pre"), m.group("rest"), capital=word[0].isupper())
    return None
