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


_ANNIVERSARY = re.compile(
    rf"^(?P<subj>.+?)\s+(?P<verb>marks|marked|was|is)\s+the\s+(?P<ord>{ORDINAL})\s+anniversary\s+of\s+(?P<what>.+)$"
)
_COPULA = re.compile(r"^(?P<np>.+?)\s+(?P<verb>were|was|are|is|became|remained|ranked)$")


def _plural(noun_phrase: str) -> str:
    """Pluralise the head of "group of foreign students" → "groups of foreign students"."""
    head, sep, rest = noun_phrase.partition(" ")
    if head.endswith("s"):
        return noun_phrase
    plural = (
        head[:-1] + "ies"
        if re.search(r"[^aeiou]y$", head)
        else head + ("es" if head.endswith(("ch", "sh", "x")) else "s")
    )
    return plural + sep + rest


def rank_question(subject: str, superlative: str, what: str, years: str = "") -> str:
    """ "Azeri students were" + "largest" + "group of foreign students in Poland" + "2021" →
    "What was the rank of Azeri students among the largest groups of foreign students in Poland in 2021?"."""
    m = _COPULA.match(subject.strip())
    if not m:
        return ""
    tense = "is" if m.group("verb") in ("are", "is") else "was"
    np = m.group("np")
    np = np[0].lower() + np[1:] if re.match(r"^(?:The|A|An)\s", np) else np
    what = re.sub(r"\s*\([^)]*\)", "", what).strip()
    when = f" in {years}" if years else ""
    return f"What {tense} the rank of {np} among the {superlative} {_plural(what)}{when}?"


def _rank_claim(text: str, ordinal: str, question: str) -> Claim:
    return Claim(
        sentence_case(text),
        focus=(ordinal,),
        kinds=((ordinal, "ordinal"),),
        questions=((ordinal, question),) if question else (),
    )


def anniversary_claims(clause: str) -> list[Claim]:
    """ "2012 marks the 540th anniversary of X" → the ordinal, asked as "Which anniversary of X does 2012 mark?"."""
    m = _ANNIVERSARY.match(clause.strip().rstrip("."))
    if not m:
        return []
    verb = m.group("verb")
    subject, what, ordinal = m.group("subj"), m.group("what"), m.group("ord")
    if verb in ("marks", "marked"):
        question = f"Which anniversary of {what} {'does' if verb == 'marks' else 'did'} {subject} mark?"
    else:
        question = f"Which anniversary of {what} {verb} {subject}?"
    whole = sentence_case(clause.strip())
    return [_rank_claim(whole, ordinal, question), Claim(whole, focus=("!", ordinal))]


def ordinal_claims(clause: str) -> list[Claim]:
    """One claim per (rank, years) pair; each claim's answer is the ordinal, asked as a rank."""
    m = _FIRST.match(clause)
    if not m:
        return anniversary_claims(clause)
    subject, what = m.group("subj"), m.group("what")
    claims = [
        _rank_claim(
            f"{subject} the {m.group('ord')} {m.group('sup')} {what} in {m.group('years')}",
            m.group("ord"),
            rank_question(subject, m.group("sup"), what, m.group("years")),
        )
    ]
    tail = clause[m.end() :]
    for n in _NEXT.finditer(tail):
        text = f"{subject} the {n.group('ord')} {n.group('sup')} {what} in {n.group('years')}"
        claims.append(
            _rank_claim(text, n.group("ord"), rank_question(subject, n.group("sup"), what, n.group("years")))
        )
    being = _BEING.search(clause)
    if being:
        text = f"{subject} the {being.group('ord')} {being.group('rest')}"
        sup, _, rest = being.group("rest").partition(" ")
        claims.append(_rank_claim(text, being.group("ord"), rank_question(subject, sup, rest)))
    return claims
