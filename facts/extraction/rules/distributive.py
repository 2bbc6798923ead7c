"""Distribute a shared predicate over dated parts: "A and B rose against X, A in 1830 and B in 1916".

The tail after the comma pairs each party with its own dates; each pair becomes a claim that
repeats the predicate, so no statement carries another party's dates.
"""

from __future__ import annotations

import re

from ..claims import Claim
from ..grammar import find_verb, sentence_case

_YEARS = r"\d{4}(?:(?:,\s*|,?\s+and\s+)\d{4})*"
_PAIR = re.compile(
    rf"^(?P<np>(?:[Tt]he\s+)?[A-Z][\w'’-]*(?:\s+(?!most\b|more\b|also\b|\w+ly\b)[a-z]+)?)\s+(?P<adv>(?:(?:most|more|also)\s+)?(?:\w+ly\s+)?)"
    rf"in\s+(?P<years>{_YEARS})$"
)
_PAIR_GAP = re.compile(r"\s+and\s+(?=(?:[Tt]he\s+)?[A-Z])|,\s+(?=(?:[Tt]he\s+)?[A-Z])")


def distributive_claims(clause: str) -> list[Claim]:
    """One claim per "party [adverb] in years" pair after the main clause; [] unless at least two pair up."""
    main, sep, tail = clause.strip().rstrip(".").partition(", ")
    if not sep:
        return []
    words = main.split()
    verb = find_verb(words)
    if verb is None or verb == 0:
        return []
    predicate = " ".join(words[verb:])
    pairs = [_PAIR.match(p.strip()) for p in _PAIR_GAP.split(tail)]
    if len(pairs) < 2 or not all(pairs):
        return []
    claims = []
    for m in pairs:
        assert m is not None
        years = tuple(re.findall(r"\d{4}", m.group("years")))
        text = f"{m.group('np')} {predicate} {m.group('adv')}in {m.group('years')}"
        claims.append(Claim(sentence_case(text), focus=years))
    return claims
