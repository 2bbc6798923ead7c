"""Pair up the two lists of "X, Y and Z were stationed in A, B and C, respectively"."""

from __future__ import annotations

import re

from ..claims import Claim
from ..entities import _title_split
from ..grammar import find_verb, make_singular_agreement, sentence_case, singular

_ITEM = r"(?:\d{4}|[A-Z][\w'’-]*(?:\s+(?:[A-Z][\w'’-]*|of|the|and\s+[A-Z][\w'’-]*(?=\s)))*?)"
_TAIL_LIST = re.compile(rf"(?P<list>{_ITEM}(?:\s*,\s*{_ITEM})*,?\s+and\s+{_ITEM}),?\s+respectively\b")


def _split_items(text: str, wanted: int) -> list[str] | None:
    """Split a coordination into ``wanted`` items, trying looser cuts before stricter ones."""
    for pattern in (r"\s*,\s*(?:and\s+)?|\s+and\s+", r"\s*,\s*(?:and\s+)?|\s+and\s+(?=(?:an?|the)\s)"):
        items = [i.strip() for i in re.split(pattern, text) if i.strip()]
        if len(items) == wanted:
            return items
    return None


def _shared_head(items: list[str]) -> list[str]:
    """ "The Polish Tank" + "Artillery Training Centres" → both get the head "Training Centre"."""
    first, last = items[0].split(), items[-1].split()
    if len(items) != 2 or len(last) < 2 or not last[-1].endswith("s") or items[0].endswith(last[-1]):
        return items
    head = " ".join(last[1:-1] + [singular(last[-1])])
    prefix = " ".join(first[:-1])
    return [f"{prefix} {first[-1]} {head}".strip(), f"{prefix} {last[0]} {head}".strip()]


def _shared_title(items: list[str]) -> list[str]:
    """ "Polish presidents A" + "B" → "Polish president A", "Polish president B"."""
    title, _name = _title_split(items[0])
    words = title.split()
    if not words or not words[-1].islower() or not words[-1].endswith("s"):
        return items
    shared = " ".join(words[:-1] + [singular(words[-1])])
    return [f"{shared} {_title_split(item)[1] or item}" for item in items]


def respectively_claims(clause: str) -> list[Claim]:
    """One claim per pair of a "…, respectively" clause; [] when the lists do not line up."""
    tail = _TAIL_LIST.search(clause)
    if not tail:
        return []
    words = clause[: tail.start()].split()
    verb = find_verb(words)
    if verb is None:
        return []
    subject = " ".join(words[:verb])
    lead = re.match(r"^(?:(?:In|On|After|During|Following|From|Since|By|As of)\b[^,]*,\s+)", subject)
    if lead:
        subject = subject[lead.end() :]
    middle = " ".join(words[verb:])
    right = _split_items(tail.group("list"), 0) or re.split(
        r"\s*,\s*(?:and\s+)?|\s+and\s+", tail.group("list")
    )
    right = [r for r in right if r]
    left = _split_items(subject, len(right))
    if left is None:
        parts = re.split(r"\s+and\s+", subject)
        left = _shared_head(parts) if len(parts) == len(right) else None
    if left is None:
        return []
    left = _shared_title(_shared_head(left))
    claims = []
    for item, value in zip(left, right, strict=True):
        text = make_singular_agreement(f"{item} {middle} {value}")
        name = _title_split(item)[1] or re.sub(r"^(?:the|The)\s+", "", item)
        claims.append(Claim(sentence_case(text), focus=(value, name)))
    return claims
