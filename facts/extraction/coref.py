"""Make each clause self-contained by replacing references with the names they point to.

"Both nations", "the two countries" and "the countries" become the pair they point back to: the two countries
the nearest clause that names countries named (the article's two parties when it named no other), and nothing
when that is not a pair — then the clause keeps its reference and makes no fact (``unresolved_reference``);
"they" at the start of a clause becomes the previous clause's subject; "he" becomes the last
person named; "the army" the last named army; "that same year" the last year mentioned.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from facts.language.dates import find_dates
from facts.language.numbers import find_numbers

from .entities import Entity, Registry, country_of, find_entities
from .grammar import find_verb
from .types import AnswerType, DatePrecision


@dataclass(slots=True)
class Context:
    """What earlier text established; updated clause by clause in document order."""

    parties: tuple[str, ...] = ()
    registry: Registry = field(default_factory=Registry)
    last_person: str = ""
    last_person_role: str = ""
    last_subject: str = ""
    last_year: str = ""
    last_plural: str = ""  # the last counted plural noun phrase ("North Korean children")
    named: dict[str, str] = field(default_factory=dict)  # head noun → last name with that head ("army")
    recent_countries: tuple[str, ...] = ()  # the countries the last clause that named any named, in order
    with_article: set[str] = field(
        default_factory=set
    )  # countries the text writes "the …" ("the United States")


def parties_from_title(title: str) -> tuple[str, ...]:
    """The two countries of an "X–Y relations" title, in title order."""
    core = re.sub(r"\s+relations?$", "", title.strip(), flags=re.I)
    parts = [p.strip() for p in re.split(r"\s*[–—]\s*|(?<=[a-z])-(?=[A-Z])", core) if p.strip()]
    return tuple(country_of(p) or p for p in parts[:2]) if len(parts) >= 2 else ()


def _pair(ctx: Context, before: str = "") -> tuple[str, str] | None:
    """The two countries "both nations" stands for here, or None when the text before names no clear pair.

    The countries named earlier in the clause (``before``) are nearest; else those of the last clause that
    named countries. Two of them are the pair; one of the article's parties alone, or none, means the parties
    (the article's subject); any other count is ambiguous.
    """
    named = _countries_in(before, ctx) or ctx.recent_countries
    if len(named) == 2:
        if set(named) == set(ctx.parties):
            return ctx.parties  # type: ignore[return-value]
        return named[0], named[1]
    if len(ctx.parties) == 2 and (not named or (len(named) == 1 and named[0] in ctx.parties)):
        return ctx.parties  # type: ignore[return-value]
    return None


def _countries_in(text: str, ctx: Context) -> tuple[str, ...]:
    if not text.strip():
        return ()
    found: list[str] = []
    for e in find_entities(text, ctx.registry):
        name = e.canonical or e.text
        if e.kind is AnswerType.COUNTRY and name not in found:
            found.append(name)
    return tuple(found)


_UNRESOLVED = re.compile(r"\b(?:[Bb]oth|[Tt]he two) (?:nations|countries|states|sides)\b")


def unresolved_reference(statement: str) -> bool:
    """Does ``statement`` still lean on a pair it does not name ("both nations", "the two countries")?"""
    return bool(_UNRESOLVED.search(statement))


def _match_case(replacement: str, original: str) -> str:
    return replacement[:1].upper() + replacement[1:] if original[:1].isupper() else replacement


_GROUP = r"(?:nations|countries|states|sides)"


def resolve(clause: str, ctx: Context) -> str:
    """Replace the references in ``clause`` that ``ctx`` can resolve; leave the rest untouched."""
    text = clause

    def pair_for(m: re.Match[str], possessive: bool = False) -> str:
        pair = _pair(ctx, text[: m.start()])
        if pair is None:
            return m.group(0)  # left as it is: the clause then makes no fact
        names = [f"the {p}" if p in ctx.with_article else p for p in pair]
        joined = " and ".join(f"{p}'s" for p in names) if possessive else " and ".join(names)
        return _match_case(joined, m.group(0)) if possessive else joined

    text = re.sub(rf"\b[Bb]oth {_GROUP}['’]", lambda m: pair_for(m, possessive=True), text)
    text = re.sub(
        rf"\b(?:[Bb]oth|[Tt]he two|[Bb]oth the) {_GROUP}\b|\b[Tt]he {_GROUP}\b(?! of)", pair_for, text
    )
    text = re.sub(
        r"\b([Bb]etween) them\b",
        lambda m: f"{m.group(1)} {pair_for(m)}" if _pair(ctx, text[: m.start()]) else m.group(0),
        text,
    )
    text = re.sub(
        r"^[Bb]oth (?=(?:have|had|are|were|signed)\b)",
        lambda m: pair_for(m) + " " if _pair(ctx) else m.group(0),
        text,
    )
    if ctx.last_year:
        text = re.sub(r"^(?:That|The|In that|In the) same year\b", f"In {ctx.last_year}", text)
    if ctx.last_person:
        text = re.sub(r"^(?:He|She)\b(?!')", ctx.last_person, text)
        text = re.sub(r"^([A-Z][^,]{0,40}, )(?:he|she)\b", lambda m: m.group(1) + ctx.last_person, text)
        text = re.sub(r"^(?:His|Her)\b", ctx.last_person + "'s", text)
    for noun, name in ctx.named.items():
        text = re.sub(rf"\b[Tt]he {noun}\b(?!\s+[A-Z])", lambda _m, name=name: name, text)
        text = re.sub(rf"^{noun.capitalize()}\b", name, text)
    text = _resolve_they_it(text, ctx)
    return text[:1].upper() + text[1:] if text else text


def _resolve_they_it(text: str, ctx: Context) -> str:
    """'They'/'It' opening a clause refers back: to a counted group for passives, else to the subject."""
    passive = re.match(r"^They (?=(?:were|are) \w+ed\b)", text)
    if passive and ctx.last_plural:
        return f"The {ctx.last_plural} " + text[passive.end() :]
    they = re.match(r"^They ", text)
    it_passive = re.match(r"^It (?=(?:was|is|has been) \w+ed\b)", text)
    if (they or it_passive) and ctx.last_subject:
        return ctx.last_subject + text[text.index(" ") :]
    return text


def subject_of(clause: str, entities: list[Entity]) -> str:
    """The named subject a clause opens with ("Poland and Kazakhstan ..."), or ""."""
    body = re.sub(r"^(?:[A-Z][^,]{0,40}?\d{4}[^,]*|[A-Z][a-z]+ [^,]{0,40}), ", "", clause)
    offset = len(clause) - len(body)
    named = [e for e in entities if e.start >= offset and e.kind is not AnswerType.OTHER]
    words = body.split()
    verb = find_verb(words)
    openers = {
        "The",
        "A",
        "An",
        "There",
        "It",
        "They",
        "At",
        "In",
        "On",
        "So",
        "When",
        "Taking",
        "During",
        "As",
    }
    proper_opening = bool(verb and 0 < verb <= 4 and words[0][:1].isupper() and words[0] not in openers)
    longer_than_name = (
        not named or named[0].start - offset > 0 or len(" ".join(words[:verb])) > len(named[0].text) + 12
    )
    if proper_opening and longer_than_name:
        return " ".join(words[: verb or 0])
    if not named or named[0].start - offset > 4:
        return ""
    first = named[0]
    if len(named) > 1 and re.fullmatch(r"\s+and\s+", clause[first.end : named[1].start]):
        return clause[first.start : named[1].end]
    return clause[first.start : first.end]


def new_section(ctx: Context) -> None:
    """A new section starts afresh: its "both countries" are the article's parties unless it names others."""
    ctx.recent_countries = ()


def update(ctx: Context, clause: str) -> None:
    """Remember what ``clause`` names so later clauses can refer back to it."""
    entities = find_entities(clause, ctx.registry)
    for e in entities:
        # "the United States" takes its article; "the Republic of Poland" does not make it "the Poland"
        if (
            e.kind is AnswerType.COUNTRY
            and e.text == (e.canonical or e.text)
            and re.search(r"\b[Tt]he\s+$", clause[: e.start])
        ):
            ctx.with_article.add(e.canonical or e.text)
    countries = _countries_in(clause, ctx)
    if countries:
        ctx.recent_countries = countries
    persons = [e for e in entities if e.kind is AnswerType.PERSON]
    if persons:
        ctx.last_person = persons[-1].canonical or persons[-1].text
        ctx.last_person_role = persons[-1].role
    for e in entities:
        head = e.text.split()[-1].lower()
        if e.kind is AnswerType.ORGANISATION and head in {"army", "company", "commission", "government"}:
            ctx.named[head] = ("the " if not e.text.startswith("the ") else "") + e.text
    company = re.search(r"\bcompany\b.*?\bwas ([A-Z][\w-]+)\b", clause)
    if company:
        ctx.named["company"] = company.group(1)
    subject = subject_of(clause, entities)
    if subject:
        ctx.last_subject = subject
    years = [d for d in find_dates(clause) if d.precision is DatePrecision.YEAR]
    if years:
        ctx.last_year = years[-1].text
    plurals = [n.unit for n in find_numbers(clause) if n.unit.endswith(("s", "children", "people", "youth"))]
    if plurals:
        ctx.last_plural = plurals[-1]
