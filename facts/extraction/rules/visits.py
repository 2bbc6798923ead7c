"""Visit lists: a heading about visits ("High-level visits from X to Y:", "Polish visits to X:",
"Visits of X leaders to Y:", "Visits to Y by X officials") followed by "- President N (1998, 2004)"
or "- 1986 - Chairman N" items. One claim per visit, its direction read from the heading."""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise
from os.path import commonprefix

from facts.language.dates import DateMention, find_dates

from ..claims import Claim
from ..entities import _title_split, country_of
from ..gazetteer import DEMONYMS
from ..grammar import sentence_case
from ..types import DatePrecision

# "President N (1998, 2004)", "President N, March 1999", "1986 - Chairman N (consultations)", "1994: N".
_DATES_AFTER = re.compile(r"^(?P<who>.+?)\s*(?:\((?P<paren>[^()]*)\)|,\s*(?P<comma>[^,()]+))\s*\.?$")
_DATES_FIRST = re.compile(r"^(?P<when>[^-–—:]+?)\s*[-–—:]\s*(?P<who>.+?)(?:\s*\((?P<note>[^)]*)\))?\s*\.?$")
_DATE_LIST_GAP = re.compile(r"[\s,;]*(?:\band\b)?[\s,;]*")


@dataclass(frozen=True, slots=True)
class Direction:
    source: str
    destination: str


_VISIT_WORD = re.compile(r"\bvisits?\b", re.I)
# A heading's phrases, each introduced by a preposition that says which side of the visit it names.
_PHRASE = re.compile(r"\b(?P<prep>from|to|in|of|by)\s+(?P<phrase>.+?)(?=\s+(?:from|to|in|of|by)\s|$)", re.I)
_SOURCE_PREPS = frozenset({"from", "of", "by"})


def _country(name: str, parties: tuple[str, ...]) -> str:
    """Map a heading's country word to the article's party when they agree ("Korean" → "North Korea")."""
    name = name.strip()
    country = country_of(name) or DEMONYMS.get(name) or name
    for party in parties:
        if country == party or party.endswith(" " + country) or country.endswith(" " + party):
            return party
    return country


def _shares_stem(word: str, party: str) -> bool:
    """ "Freedonian" and "Freedonia", "Peruvian" and "Peru": a demonym the gazetteer does not know."""
    common = len(commonprefix([word.lower(), party.lower()]))
    return common >= min(len(party) - 1, 5) and common >= 3


def _country_in(phrase: str, parties: tuple[str, ...]) -> str:
    """The country a heading phrase names ("Polish leaders" → "Poland"), or "" when it names none.

    The article's parties are tried first, then country names and demonyms from the gazetteer, then
    a demonym that shares a party's stem, so an article about a country the gazetteer lacks works.
    """
    words = [w.strip(",.;:'’s") if w.endswith(("'s", "’s")) else w.strip(",.;:") for w in phrase.split()]
    for party in parties:
        if re.search(rf"\b{re.escape(party)}\b", phrase):
            return party
    for size in range(len(words), 0, -1):
        for i in range(len(words) - size + 1):
            span = " ".join(words[i : i + size])
            if span[:1].isupper() and (country_of(span) or span in DEMONYMS):
                return _country(span, parties)
    for word in words:
        for party in parties:
            if word[:1].isupper() and _shares_stem(word, party):
                return party
    return ""


def visit_direction(heading: str, parties: tuple[str, ...]) -> Direction | None:
    """Who visited whom, read from a list heading; None if the heading is not about visits.

    "from X to Y", "of X leaders to Y", "to Y by X officials", "X visits to Y" all work: phrases
    after from/of/by (or before the word "visits") name the visitors' country, phrases after to/in
    the host. When the heading names only one side of a two-party article, the other party is the
    other side ("Official visits to Poland" in a Freedonia–Poland article).
    """
    text = heading.strip().rstrip(":").strip()
    visit = _VISIT_WORD.search(text)
    if not visit:
        return None
    source = _country_in(text[: visit.start()], parties)
    destination = ""
    for m in _PHRASE.finditer(text[visit.end() :]):
        country = _country_in(m.group("phrase"), parties)
        if not country:
            continue
        if m.group("prep").lower() in _SOURCE_PREPS:
            source = source or country
        else:
            destination = destination or country
    if len(parties) == 2 and bool(source) != bool(destination):
        other = next((p for p in parties if p not in (source, destination)), "")
        source, destination = source or other, destination or other
    if not source or not destination or source == destination:
        return None
    return Direction(source, destination)


def _visit_dates(text: str) -> list[DateMention]:
    """The dates of a "1998, 2004" or "March 1999 and May 2001" list; [] if ``text`` holds anything else.

    A span of years ("1997–1999") is a term of office rather than a visit, so it is not read as one.
    """
    dates = find_dates(text)
    if not dates or any(d.precision not in _VISIT_PRECISIONS for d in dates):
        return []
    gaps = [
        text[: dates[0].start],
        *(text[a.end : b.start] for a, b in pairwise(dates)),
        text[dates[-1].end :],
    ]
    return dates if all(_DATE_LIST_GAP.fullmatch(gap) for gap in gaps) else []


def _parse_item(item: str) -> tuple[str, list[DateMention], str] | None:
    """(visitor, dates, purpose note) of a visit-list item, or None when it is not shaped like one."""
    item = item.strip()
    m = _DATES_AFTER.match(item)
    if m:
        dates = _visit_dates(m.group("paren") or m.group("comma") or "")
        if dates:
            return m.group("who").strip(), dates, ""
    m = _DATES_FIRST.match(item)
    if m:
        dates = _visit_dates(m.group("when"))
        if dates:
            return m.group("who").strip(), dates, (m.group("note") or "").strip()
    return None


def visit_claims(item: str, direction: Direction) -> list[Claim]:
    """One claim per date of a visit-list item, with stems for the date and the visitor."""
    parsed = _parse_item(item)
    if parsed is None:
        return []
    who, dates, note = parsed
    title, name = _title_split(who)
    tail = re.search(r"\bof\s+(?:the\s+)?(?P<place>[A-Z][\w\s'’-]*)$", who)
    mentions_source = direction.source in who or bool(
        tail and country_of(tail.group("place")) == direction.source
    )
    visitor = who if mentions_source else f"{who} of {direction.source}"
    if not name:
        visitor = ("the " if not who.lower().startswith(("a ", "an ", "the ")) else "") + visitor
    purpose = f" for {note}" if note else ""
    claims = []
    for date in dates:
        when = f"{'on' if date.precision is DatePrecision.DAY else 'in'} {date.text}"
        statement = sentence_case(f"{visitor} visited {direction.destination} {when}{purpose}")
        stems = [
            (date.text, _date_question(visitor, direction.destination, purpose, date.precision, len(dates)))
        ]
        focus: tuple[str, ...] = (date.text,)
        roles: tuple[tuple[str, str], ...] = ()
        if name:
            focus = (date.text, name)
            roles = ((name, title),)
            office = title if title else "person"
            office = re.sub(rf"\s+of\s+(?:the\s+)?{re.escape(direction.source)}$", "", office)
            stems.append(
                (name, f"Which {office} of {direction.source} visited {direction.destination} {when}?")
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


_VISIT_PRECISIONS = frozenset({DatePrecision.YEAR, DatePrecision.MONTH, DatePrecision.DAY})
_DATE_NOUNS = {DatePrecision.YEAR: "year", DatePrecision.MONTH: "month", DatePrecision.DAY: "date"}


def _date_question(visitor: str, destination: str, purpose: str, precision: DatePrecision, count: int) -> str:
    """ "In which year did X visit Y?", or "Name one year in which X visited Y." when X went more than once."""
    visitor = visitor[0].upper() + visitor[1:]
    noun = _DATE_NOUNS[precision]
    if count > 1:
        return f"Name one {noun} {'on' if noun == 'date' else 'in'} which {visitor} visited {destination}{purpose}."
    subject = visitor[0].lower() + visitor[1:] if visitor.startswith("The ") else visitor
    wh = {"year": "In which year", "month": "In which month and year", "date": "On what date"}[noun]
    return f"{wh} did {subject} visit {destination}{purpose}?"
