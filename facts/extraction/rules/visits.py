"""Visit lists: "High-level visits from X to Y:" followed by "- President N (1998, 2004)" items,
or "Polish visits to X:" followed by "- 1986 - Chairman N". One claim per visit."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..claims import Claim
from ..entities import _title_split, country_of
from ..gazetteer import DEMONYMS
from ..grammar import sentence_case

_FROM_TO = re.compile(r"\bvisits?\s+from\s+(?P<src>.+?)\s+to\s+(?P<dst>.+?)\s*:?\s*$", re.I)
_DEMONYM_TO = re.compile(r"^(?P<dem>[\w\s-]+?)\s+visits?\s+to\s+(?P<dst>.+?)\s*:?\s*$", re.I)
_ITEM_YEARS_AFTER = re.compile(r"^(?P<who>.+?)\s*\((?P<years>\d{4}(?:\s*[,;]\s*\d{4})*)\)\s*\.?$")
_ITEM_YEARS_FIRST = re.compile(
    r"^(?P<years>\d{4}(?:\s*[,;]\s*\d{4})*)\s*[-–—:]\s*(?P<who>.+?)(?:\s*\((?P<note>[^)]*)\))?\s*\.?$"
)


@dataclass(frozen=True, slots=True)
class Direction:
    source: str
    destination: str


def _country(name: str, parties: tuple[str, ...]) -> str:
    """Map a heading's country word to the article's party when they agree ("Korean" → "North Korea")."""
    name = name.strip()
    country = country_of(name) or DEMONYMS.get(name) or name
    for party in parties:
        if country == party or party.endswith(" " + country) or country.endswith(" " + party):
            return party
    return country


def visit_direction(heading: str, parties: tuple[str, ...]) -> Direction | None:
    """Who visited whom, read from a list heading; None if the heading is not about visits."""
    m = _FROM_TO.search(heading)
    if m:
        return Direction(_country(m.group("src"), parties), _country(m.group("dst"), parties))
    m = _DEMONYM_TO.search(heading)
    if m:
        destination = _country(m.group("dst"), parties)
        words = m.group("dem").split()
        source = _country(words[-1], parties) if words else ""
        if not source or source == destination or source not in parties and len(parties) == 2:
            source = next((p for p in parties if p != destination), source)
        return Direction(source, destination)
    return None


def visit_claims(item: str, direction: Direction) -> list[Claim]:
    """One claim per year of a visit-list item, with stems for the year and the visitor."""
    m = _ITEM_YEARS_AFTER.match(item.strip())
    note = ""
    if m is None:
        m = _ITEM_YEARS_FIRST.match(item.strip())
        if m is None:
            return []
        note = m.group("note") or ""
    who = m.group("who").strip()
    years = re.findall(r"\d{4}", m.group("years"))
    title, name = _title_split(who)
    if name and not title:
        title = ""
    tail = re.search(r"\bof\s+(?:the\s+)?(?P<place>[A-Z][\w\s'’-]*)$", who)
    mentions_source = direction.source in who or bool(
        tail and country_of(tail.group("place")) == direction.source
    )
    visitor = who if mentions_source else f"{who} of {direction.source}"
    if not name:
        visitor = ("the " if not who.lower().startswith(("a ", "an ", "the ")) else "") + visitor
    purpose = f" for {note}" if note else ""
    claims = []
    for year in years:
        statement = sentence_case(f"{visitor} visited {direction.destination} in {year}{purpose}")
        stems = [(year, _year_question(visitor, direction.destination, purpose, len(years)))]
        focus: tuple[str, ...] = (year,)
        roles: tuple[tuple[str, str], ...] = ()
        if name:
            focus = (year, name)
            roles = ((name, title),)
            office = title if title else "person"
            office = re.sub(rf"\s+of\s+(?:the\s+)?{re.escape(direction.source)}$", "", office)
            stems.append(
                (name, f"Which {office} of {direction.source} visited {direction.destination} in {year}?")
            )
        claims.append(
            Claim(
                statement,
                focus=focus,
                roles=roles,
                questions=tuple(stems),
                kinds=((name, "person"),) if name else (),
            )
        )
    return claims


def _year_question(visitor: str, destination: str, purpose: str, count: int) -> str:
    visitor = visitor[0].upper() + visitor[1:]
    if count > 1:
        return f"Name one year in which {visitor} visited {destination}{purpose}."
    subject = visitor[0].lower() + visitor[1:] if visitor.startswith("The ") else visitor
    return f"In which year did {subject} visit {destination}{purpose}?"
