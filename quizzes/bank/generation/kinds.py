"""What kind of thing an answer names, so that wrong options are things of the same kind.

A village is no fair wrong option for a capital, nor a river for a city. The fact's ``role`` says the
kind when extraction or a reviewer set it; otherwise it is read from how the statement speaks of the
answer ("an embassy in Warsaw", "the village of Otar", "the Ucayali River"). For answers of type
"other" the kind is the head noun of the name ("Agreement on Trade", "Chincha Islands War"), and
names of the same shape are gathered from the base's statements when no other fact has one as answer.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from facts.extraction.types import FactData
from facts.language.text import fold
from quizzes.bank.generation.basecache import per_base

# Roles that say no more than "a place".
GENERIC_PLACE_ROLES = frozenset(["", "place", "location", "site", "locality"])

# Kind words a place's own name may end with: "Ucayali River", "Kyrgyz SSR".
_NAME_KINDS = {
    "river": "river",
    "lake": "lake",
    "sea": "sea",
    "mountains": "mountains",
    "island": "island",
    "islands": "islands",
    "region": "region",
    "oblast": "region",
    "province": "region",
    "ssr": "republic",
    "ssrs": "republics",
    "republic": "republic",
}
# What the statement says around the answer: "{}" stands for the answer.
_CONTEXT_KINDS = [
    (r"\bvillages? (?:of |called |named )?{}", "village"),
    (r"{} village\b", "village"),
    (r"\bsettlements? (?:of |called |named )?{}", "village"),
    (r"\btowns? (?:of |called |named )?{}", "town"),
    (r"{} town\b", "town"),
    (r"\bcity of {}", "city"),
    (r"\bcapital(?: city)?,? {}", "city"),
    (r"{},? (?:the |its )?capital\b", "city"),
    (r"\b(?:embass(?:y|ies)|consulates?(?:-general)?|consulate general|airport)\b[^,;.]*? in {}", "city"),
    (r"\b(?:service|flights?|route)s? (?:from|to) {}", "city"),
    (r"\bfrom {} to\b", "city"),
    (r"\bregions? of {}", "region"),
    (r"{} region\b", "region"),
]


def place_kind(fact: FactData) -> str:
    """The kind of place the answer is: the role when it says more than "place", else inferred."""
    role = fold(fact.role)
    if role not in GENERIC_PLACE_ROLES:
        return role
    return infer_place_kind(fact.answer, fact.statement)


def infer_place_kind(answer: str, statement: str) -> str:
    """ "city", "village", "river", … from the name itself or the words around it; "place" if unsure."""
    words = fold(answer).split()
    if len(words) > 1 and words[-1] in _NAME_KINDS:
        return _NAME_KINDS[words[-1]]
    folded, name = fold(statement), re.escape(fold(answer))
    for pattern, kind in _CONTEXT_KINDS:
        if re.search(pattern.format(name), folded):
            return kind
    return "place"


@per_base
def capitals(base: tuple[FactData, ...]) -> frozenset[str]:
    """Folded names of places the base shows hosting an embassy: capitals, in a deck on foreign relations."""
    found: set[str] = set()
    for f in base:
        for m in re.finditer(r"\bembass(?:y|ies)\b[^,;.]*?\bin ((?:[A-Z][\w'’\-]+\s?){1,3})", f.statement):
            found.add(fold(m.group(1)))
    return frozenset(found)


def other_kind(answer: str, role: str = "") -> str:
    """The kind of an "other" answer: its role, else its head noun ("Agreement on Trade" → "agreement")."""
    if role.strip():
        return fold(role)
    return _head_noun(answer) or ""


def _head_noun(name: str) -> str | None:
    words = name.strip().split()
    if len(words) >= 3 and fold(words[1]) in ("on", "of", "for"):
        return fold(words[0])
    return fold(words[-1]) if len(words) >= 2 else None


def names_of_same_shape(answer: str, base: Sequence[FactData]) -> list[str]:
    """Names in the base's statements built like ``answer``: "Agreement on X" for "Agreement on Y",
    "X War" for "Chincha Islands War". Only titled names count, so "a cooperation agreement" does not."""
    words = answer.strip().split()
    if len(words) < 2:
        return []
    titled = r"(?:[A-Z][\w'’\-–]*|and|of|the|for|on|in)"
    if len(words) >= 3 and fold(words[1]) in ("on", "of", "for"):
        head = re.escape(words[0])
        pattern = rf"\b{head} {re.escape(words[1])} (?:the )?[A-Z][\w'’\-–]*(?: {titled})*"
    else:
        pattern = rf"\b(?:[A-Z][\w'’\-–]*\s){{1,4}}{re.escape(words[-1])}\b"
    found: dict[str, str] = {}
    for f in _statements(base):
        for m in re.finditer(pattern, f):
            name = re.sub(r"(?:\s(?:and|of|the|for|on|in))+$", "", m.group(0).strip())
            first = name.split()[0]
            if first in ("The", "A", "An", "In", "On", "After", "During", "Since") and name != answer:
                continue
            found.setdefault(fold(name), name)
    found.pop(fold(answer), None)
    return list(found.values())


@per_base
def _statements(base: tuple[FactData, ...]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(f.statement for f in base))
