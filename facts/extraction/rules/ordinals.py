"""Rankings: "X were the eighth largest group of … in 2021, the sixth largest in 2022 and …"."""

from __future__ import annotations

import re

from ..claims import Claim
from ..grammar import sentence_case

ORDINAL = (
    r"(?:\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth"
    r"|(?:thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)th|twentieth|twenty-\w+)"
)
_YEARS = r"\d{4}(?:(?:,\s*|,?\s+and\s+)\d{4})*"
_FIRST = re.compile(
    rf"^(?P<subj>.+?\b(?:were|was|are|is|became|remained|ranked))\s+the\s+(?P<ord>{ORDINAL})\s+(?P<sup>\w+est)\s+"
    rf"(?P<what>.+?)\s+in\s+(?P<years>{_YEARS})"
)
_NEXT = re.compile(
    rf"(?:,\s*|\s+)(?:and\s+)?the\s+(?P<ord>{ORDINAL})\s+(?P<sup>\w+est)\s+in\s+(?P<years>{_YEARS})"
)
_BEING = re.compile(rf",\s+(?:at the same time\s+)?being\s+the\s+(?P<ord>{ORDINAL})\s+(?P<rest>.+)$")


def ordinal_claims(clause: str) -> list[Claim]:
    """One claim per (rank, years) pair; each claim's answer is the ordinal."""
    m = _FIRST.match(clause)
    if not m:
        return []
    subject, what = m.group("subj"), m.group("what")
    claims = [
        Claim(
            sentence_case(f"{subject} the {m.group('ord')} {m.group('sup')} {what} in {m.group('years')}"),
            focus=(m.group("ord"),),
            kinds=((m.group("ord"), "ordinal"),),
        )
    ]
    tail = clause[m.end() :]
    for n in _NEXT.finditer(tail):
        text = f"{subject} the {n.group('ord')} {n.group('sup')} {what} in {n.group('years')}"
        claims.append(
            Claim(sentence_case(text), focus=(n.group("ord"),), kinds=((n.group("ord"), "ordinal"),))
        )
    being = _BEING.search(clause)
    if being:
        text = f"{subject} the {being.group('ord')} {being.group('rest')}"
        claims.append(
            Claim(sentence_case(text), focus=(being.group("ord"),), kinds=((being.group("ord"), "ordinal"),))
        )
    return claims
