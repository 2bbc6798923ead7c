"""Diplomatic missions: "X has an embassy in A and a consulate-general in B", "X is accredited to Y
from its embassy in A", "there is an honorary consulate of X in B", and infobox "Embassy of X, City"."""

from __future__ import annotations

import re

from ..claims import Claim
from ..grammar import sentence_case

_KIND = r"(?:an?\s+)?(?:honorary\s+)?(?:embassy|consulate[- ]general|consulate|mission|trade office|representation)"
_CITY = r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?"
_HAS = re.compile(
    rf"^(?P<who>[A-Z][\w\s'’-]*?)\s+(?P<verb>has|maintains|operates|opened|have)\s+(?P<kind>{_KIND})\s+in\s+(?P<city>{_CITY})"
    rf"(?:\s*,?\s*and\s+(?P<kind2>{_KIND})\s+in\s+(?P<city2>{_CITY}))?"
)
_ACCREDITED = re.compile(
    rf"^(?P<who>.+?) is accredited to (?P<to>.+?) from its (?P<kind>{_KIND}) in (?P<city>{_CITY})"
)
_THERE_IS = re.compile(rf"^[Tt]here is (?P<kind>{_KIND}) of (?P<of>.+?) in (?P<city>{_CITY})")
_INFOBOX_MISSION = re.compile(rf"^(?P<kind>{_KIND}) of (?P<of>[^,]+),\s*(?P<city>{_CITY})\s*$", re.I)


def _city_claim(statement: str, city: str, question: str) -> Claim:
    return Claim(
        sentence_case(statement),
        focus=(city,),
        roles=((city, "city"),),
        questions=((city, question),),
        kinds=((city, "place"),),
    )


def _with_article(kind: str) -> str:
    kind = kind.strip()
    if re.match(r"^(?:an?|the)\s", kind, re.I):
        return kind
    return (
        "an " if kind[0].lower() in "aeiou" or kind.lower().startswith(("hon", "hour", "heir")) else "a "
    ) + kind


def _bare_kind(kind: str) -> str:
    return re.sub(r"^(?:an?|the)\s+", "", kind.strip(), flags=re.I).lower()


_LEAD_TIME = re.compile(r"^((?:In|On|Since|By|As of)\s+[^,]{0,30}?\d{4}),?\s+(?=[A-Z])")


def _dated(claim: Claim, when: str) -> Claim:
    """Put a leading "In 1923" back on a mission claim, in the statement and the question."""
    text = f"{when}, {claim.text[0].lower() if claim.text[:2] == 'A ' else claim.text[0]}{claim.text[1:]}"
    questions = tuple((a, q.rstrip("?") + f" {when[0].lower()}{when[1:]}?") for a, q in claim.questions)
    years = tuple(re.findall(r"\d{4}", when))
    return Claim(text, focus=claim.focus + years, roles=claim.roles, questions=questions, kinds=claim.kinds)


def mission_claims(clause: str) -> list[Claim]:
    """One claim per mission named in ``clause``; [] when it names none."""
    clause = clause.strip().rstrip(".")
    when = _LEAD_TIME.match(clause)
    if when:
        claims = mission_claims(clause[when.end() :])
        return [_dated(c, when.group(1)) for c in claims]
    m = _HAS.match(clause)
    if m:
        who, verb = m.group("who"), m.group("verb")
        do = "do" if verb == "have" else "does" if verb.endswith("s") else "did"
        base = {"has": "have", "maintains": "maintain", "operates": "operate", "opened": "open"}.get(
            verb, verb
        )
        claims = [
            _city_claim(
                f"{who} {verb} {_with_article(m.group('kind'))} in {m.group('city')}",
                m.group("city"),
                f"In which city {do} {who} {base} {_with_article(_bare_kind(m.group('kind')))}?",
            )
        ]
        if m.group("city2"):
            claims.append(
                _city_claim(
                    f"{who} {verb} {_with_article(m.group('kind2'))} in {m.group('city2')}",
                    m.group("city2"),
                    f"In which city {do} {who} {base} {_with_article(_bare_kind(m.group('kind2')))}?",
                )
            )
        return claims
    m = _ACCREDITED.match(clause)
    if m:
        return [
            _city_claim(
                f"{m.group('who')} is accredited to {m.group('to')} from its {_bare_kind(m.group('kind'))} in {m.group('city')}",
                m.group("city"),
                f"From its {_bare_kind(m.group('kind'))} in which city is {m.group('who')} accredited to {m.group('to')}?",
            )
        ]
    m = _THERE_IS.match(clause)
    if m:
        kind = _bare_kind(m.group("kind"))
        return [
            _city_claim(
                f"There is {_with_article(kind)} of {m.group('of')} in {m.group('city')}",
                m.group("city"),
                f"In which city is there {_with_article(kind)} of {m.group('of')}?",
            )
        ]
    return []


def infobox_mission_claim(value: str) -> Claim | None:
    """ "Embassy of Azerbaijan, Warsaw" → "Azerbaijan has an embassy in Warsaw." """
    m = _INFOBOX_MISSION.match(value.strip())
    if not m:
        return None
    kind = _bare_kind(m.group("kind"))
    who, city = m.group("of").strip(), m.group("city")
    return _city_claim(
        f"{who} has {_with_article(kind)} in {city}",
        city,
        f"In which city does {who} have {_with_article(kind)}?",
    )


def infobox_envoy_claims(infobox: dict[str, str]) -> list[Claim]:
    """Pair "EnvoyN" with "EnvoytitleN": "Nargiz Gurbanova is the Azerbaijan Ambassador to Poland." """
    claims = []
    for key, person in infobox.items():
        m = re.fullmatch(r"Envoy(\d*)", key, re.I)
        if not m:
            continue
        title = next((v for k, v in infobox.items() if k.lower() == f"envoytitle{m.group(1)}".lower()), "")
        if not title:
            continue
        role = "Ambassador" if "ambassador" in title.lower() else title
        claims.append(
            Claim(
                sentence_case(f"{person} is the {title}"),
                focus=(person,),
                roles=((person, role),),
                questions=((person, f"Who is the {title}?"),),
                kinds=((person, "person"),),
            )
        )
    return claims
