"""Diplomatic missions: "X has an embassy in A and a consulate-general in B", "X is accredited to Y
from its embassy in A", "there is an honorary consulate of X in B", and infobox "Embassy of X, City"."""

from __future__ import annotations

import re

from ..claims import Claim
from ..entities import country_of
from ..gazetteer import CITIES, demonym_of
from ..grammar import sentence_case

_KIND = (
    r"(?:(?:an?|its|their)\s+)?(?:[Hh]onorary\s+)?"
    r"(?:[Ee]mbassy|[Cc]onsulate[- ][Gg]eneral|[Cc]onsulate|[Mm]ission|[Tt]rade [Oo]ffice|[Rr]epresentation)"
)
_CITY = r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?"
_VERBS = {  # verb as written → (do-support, base form)
    "has": ("does", "have"), "have": ("do", "have"), "had": ("did", "have"), "maintains": ("does", "maintain"),
    "maintain": ("do", "maintain"), "maintained": ("did", "maintain"), "operates": ("does", "operate"),
    "operated": ("did", "operate"), "opened": ("did", "open"), "opens": ("does", "open"),
    "established": ("did", "establish"), "establishes": ("does", "establish"),
}  # fmt: skip
_HAS = re.compile(
    rf"^(?P<who>[A-Z][\w\s'’-]*?)\s+(?P<verb>{'|'.join(_VERBS)})\s+(?P<kind>{_KIND})\s+in\s+(?P<city>{_CITY})"
    rf"(?:\s*,?\s*and\s+(?P<kind2>{_KIND})\s+in\s+(?P<city2>{_CITY}))?"
)
_TWO_SUBJECTS = re.compile(rf"^(?P<first>.+?\s+in\s+{_CITY})\s*,?\s+and\s+(?P<second>[A-Z].+)$")
_ACCREDITED = re.compile(
    rf"^(?P<who>.+?) is accredited to (?P<to>.+?) from its (?P<kind>{_KIND}) in (?P<city>{_CITY})"
)
_THERE_IS = re.compile(rf"^[Tt]here is (?P<kind>{_KIND}) of (?P<of>.+?) in (?P<city>{_CITY})")
_INFOBOX_MISSION = re.compile(rf"^(?P<kind>{_KIND}) of (?P<of>[^,]+),\s*(?P<city>{_CITY})\s*$", re.I)


def city_phrase(city: str, owner: str, parties: tuple[str, ...]) -> str:
    """ "Polish city" or "city in Freedonia": the city's country, so "In which … city" has one answer.

    A city the gazetteer knows gives its own country (an embassy "in Berlin" is German whoever owns
    it); otherwise a mission one party keeps is in the other party, as in every bilateral article.
    "" when neither tells, and the caller then asks no question rather than an ambiguous one.
    """
    country = CITIES.get(city, "")
    if not country:
        owner_country = country_of(owner) or owner.strip()
        others = [p for p in parties if p != owner_country]
        country = others[0] if len(parties) == 2 and len(others) == 1 else ""
    if not country:
        return ""
    demonym = demonym_of(country)
    return f"{demonym} city" if demonym else f"city in {country}"


def _city_claim(statement: str, city: str, question: str) -> Claim:
    """A claim asking for ``city``; with no question when ``question`` could not name the country."""
    return Claim(
        sentence_case(statement),
        focus=(city,),
        roles=((city, "city"),),
        questions=((city, question),) if question else (),
        kinds=((city, "place"),),
    )


def _with_article(kind: str) -> str:
    kind = kind.strip()
    if re.match(r"^(?:an?|the|its|their)\s", kind, re.I):
        return kind
    return (
        "an " if kind[0].lower() in "aeiou" or kind.lower().startswith(("hon", "hour", "heir")) else "a "
    ) + kind


def _bare_kind(kind: str) -> str:
    return re.sub(r"^(?:an?|the|its|their)\s+", "", kind.strip(), flags=re.I).lower()


_LEAD_TIME = re.compile(r"^((?:In|On|Since|By|As of)\s+[^,]{0,30}?\d{4}),?\s+(?=[A-Z])")


def _dated(claim: Claim, when: str) -> Claim:
    """Put a leading "In 1923" back on a mission claim, in the statement and the question."""
    text = f"{when}, {claim.text[0].lower() if claim.text[:2] == 'A ' else claim.text[0]}{claim.text[1:]}"
    questions = tuple((a, q.rstrip("?") + f" {when[0].lower()}{when[1:]}?") for a, q in claim.questions)
    years = tuple(re.findall(r"\d{4}", when))
    return Claim(text, focus=claim.focus + years, roles=claim.roles, questions=questions, kinds=claim.kinds)


def mission_claims(clause: str, parties: tuple[str, ...] = ()) -> list[Claim]:
    """One claim per mission named in ``clause``; [] when it names none.

    ``parties`` are the article's two countries: a mission one of them keeps is taken to be in the
    other unless the gazetteer places the city elsewhere, so the question can name the country.
    """
    clause = clause.strip().rstrip(".")
    when = _LEAD_TIME.match(clause)
    if when:
        claims = mission_claims(clause[when.end() :], parties)
        return [_dated(c, when.group(1)) for c in claims]
    two = _TWO_SUBJECTS.match(clause)
    if two and _HAS.match(two.group("first")) and _HAS.match(two.group("second")):
        return mission_claims(two.group("first"), parties) + mission_claims(two.group("second"), parties)
    m = _HAS.match(clause)
    if m:
        return _has_claims(m, parties)
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
        kind, city = _bare_kind(m.group("kind")), m.group("city")
        where = city_phrase(city, m.group("of"), parties)
        return [
            _city_claim(
                f"There is {_with_article(kind)} of {m.group('of')} in {city}",
                city,
                f"In which {where} is there {_with_article(kind)} of {m.group('of')}?" if where else "",
            )
        ]
    return []


def _has_claims(m: re.Match[str], parties: tuple[str, ...]) -> list[Claim]:
    """ "X has an embassy in A and a consulate in B" → one claim per city, asked with its country."""
    who, verb = m.group("who"), m.group("verb")
    do, base = _VERBS[verb]
    claims = []
    for kind, city in ((m.group("kind"), m.group("city")), (m.group("kind2"), m.group("city2"))):
        if not city:
            continue
        where = city_phrase(city, who, parties)
        question = f"In which {where} {do} {who} {base} {_with_article(_bare_kind(kind))}?" if where else ""
        claims.append(_city_claim(f"{who} {verb} {_with_article(kind)} in {city}", city, question))
    return claims


def infobox_mission_claim(value: str, parties: tuple[str, ...] = ()) -> Claim | None:
    """ "Embassy of Azerbaijan, Warsaw" → "Azerbaijan has an embassy in Warsaw.", asked with its country."""
    m = _INFOBOX_MISSION.match(value.strip())
    if not m:
        return None
    kind = _bare_kind(m.group("kind"))
    who, city = m.group("of").strip(), m.group("city")
    where = city_phrase(city, who, parties)
    return _city_claim(
        f"{who} has {_with_article(kind)} in {city}",
        city,
        f"In which {where} does {who} have {_with_article(kind)}?" if where else "",
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
