"""Text folding and phrase matching shared by extraction, generation, grading, the exports and the benches."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache

_SPACE_RE = re.compile(r"\s+")
_QUOTES = str.maketrans(
    {"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-"}
    # letters with a stroke, which NFKD does not split into a letter and an accent: "Łódź" folds to "lodz"
    | {"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ħ": "h", "Ħ": "H"}
)


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Case-, accent- and spacing-insensitive form of ``text``, for comparisons.

    NFKD splits "ś" into "s" + a combining accent that is then dropped ("ł" and "ø", which it cannot split,
    are mapped); curly quotes and dashes become plain ones so that "Azerbaijan’s" and "Azerbaijan's" compare
    equal.
    """
    decomposed = unicodedata.normalize("NFKD", text.translate(_QUOTES))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPACE_RE.sub(" ", stripped.casefold()).strip()


@lru_cache(maxsize=1 << 16)
def contains_phrase(haystack: str, needle: str) -> bool:
    """Whether ``needle`` occurs in ``haystack`` as whole words, ignoring case and accents."""
    folded_needle = fold(needle)
    if not folded_needle:
        return False
    pattern = r"(?<![\w])" + re.escape(folded_needle) + r"(?![\w])"
    return re.search(pattern, fold(haystack)) is not None


def stable_seed(*parts: str) -> int:
    """A seed that is the same on every run and machine (unlike the salted built-in ``hash``)."""
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big")


def collapse_spaces(text: str) -> str:
    """Single spaces, no space before punctuation, trimmed."""
    text = _SPACE_RE.sub(" ", text).strip()
    return re.sub(r"\s+([,.;:?!])", r"\1", text)
