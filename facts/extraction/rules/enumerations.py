"""One claim per dated item of an enumeration.

"Several cooperation agreements were signed …, concerning economy (2006), tourism (2007) …" and
"… such as an Agreement on Trade (1968); Agreement on Tourism (2008)" and "…, including a
cultural cooperation agreement in 2000, a defense cooperation agreement in 2004, …".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..claims import Claim
from ..grammar import find_verb, indefinite, make_singular_agreement, sentence_case, singular

_TRIGGER = re.compile(
    r",?\s*\b(?P<trigger>concerning|such as|including|namely|on)\s+(?=[^()]*?(?:\(\d{4}\)|\bin \d{4}))"
)
_ITEM = re.compile(r"(?P<item>[^,;()]+?)\s*(?:\((?P<y1>\d{4})\)|\bin (?P<y2>\d{4}))")
_ARTICLES = frozenset({"the", "a", "an", "its", "their", "his", "her"})
_QUANTIFIED = re.compile(
    r"\b(?:[Ss]everal|[Mm]any|[Vv]arious|[Ss]ome|[Nn]umerous|[Aa] number of)\s+(?P<mods>(?:[\w-]+\s+)*?)(?P<head>\w+s)\b"
)


def enumeration_claims(clause: str) -> list[Claim]:
    """One claim per "(year)"-tagged item; [] unless at least two items carry a year."""
    trigger = _TRIGGER.search(clause)
    if not trigger:
        return []
    prefix, listing = clause[: trigger.start()], clause[trigger.end() :]
    items = [
        (re.sub(r"^(?:and|or)\s+", "", m.group("item").strip()), m.group("y1") or m.group("y2"))
        for m in _ITEM.finditer(listing)
    ]
    if len(items) < 2:
        return []
    quantified = _quantified(prefix)
    claims = []
    for item, year in items:
        text = _claim_text(prefix, quantified, trigger.group("trigger"), item)
        if text is None:
            return []
        claims.append(Claim(sentence_case(f"{text} in {year}"), focus=(year, _item_name(item))))
    return claims


def _item_name(item: str) -> str:
    return re.sub(r"^(?:an?|the)\s+", "", item)


@dataclass(frozen=True, slots=True)
class _Plural:
    """The plural noun phrase an enumeration lists items of: prefix[start:end] is "several trade agreements"."""

    start: int
    end: int
    mods: str  # "trade " (with its trailing space), or ""
    head: str  # "agreements"


def _quantified(prefix: str) -> _Plural | None:
    """ "Several trade agreements were signed" or a bare plural object: "X and Y signed agreements"."""
    m = _QUANTIFIED.search(prefix)
    if m:
        return _Plural(m.start(), m.end(), m.group("mods"), m.group("head"))
    words = prefix.split()
    verb = find_verb(words)
    tail = words[verb + 1 :] if verb is not None else []
    if (
        not 1 <= len(tail) <= 3
        or tail[0] in _ARTICLES
        or not all(re.fullmatch(r"[a-z][\w-]*", w) for w in tail)
    ):
        return None  # only a plain plural right after the verb: "signed (trade) agreements"
    if not tail[-1].endswith("s") or tail[-1].endswith("ss"):
        return None
    phrase = " ".join(tail)
    start = prefix.rstrip().rfind(phrase)
    mods = " ".join(tail[:-1]) + " " if len(tail) > 1 else ""
    return _Plural(start, start + len(phrase), mods, tail[-1])


def _claim_text(prefix: str, quantified: _Plural | None, trigger: str, item: str) -> str | None:
    if quantified is None:
        return None
    head = singular(quantified.head)
    mods = quantified.mods
    if trigger in ("such as", "including", "namely"):
        noun = item if re.match(r"^(?:an?|the)\s", item) else f"{indefinite(item)} {item}"
        text = prefix[: quantified.start] + noun + prefix[quantified.end :]
    else:
        phrase = f"{mods}{head}"
        noun = f"{indefinite(phrase)} {phrase}"
        text = prefix[: quantified.start] + noun + prefix[quantified.end :] + f" {trigger} {item}"
    text = make_singular_agreement(text)
    return re.sub(r"\b(?:have|has) (\w+ed)\b", r"\1", text)  # "have signed … in 1968" → "signed … in 1968"
