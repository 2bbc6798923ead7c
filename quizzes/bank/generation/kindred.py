"""Which names may stand beside an answer as wrong options: people, places and organisations.

A wrong option of another sort gives the answer away. When the stem names a nationality ("Which
Polish president …", "In which Kazakh city …", "Which President of Peru …") every option is of that
nationality or in that country; when it names an office ("engineer", "Marshal of the Sejm") or a sort
of organisation ("military alliance", "ministry", "body") every option holds it. When too few such
names are known, no tier list is returned and the caller tries another stem or asks no choice
question. Without such words in the stem, the answer's own office and nationality are preferred.
"""

from __future__ import annotations

from collections.abc import Sequence

from facts.extraction.types import AnswerType, FactData
from facts.language.text import fold
from quizzes.bank.generation.ambiguity import countries_named
from quizzes.bank.generation.kinds import capitals, place_kind
from quizzes.bank.generation.nations import cities_of, country_key, nationalities
from quizzes.bank.generation.profiles import (
    Profile,
    bare_name,
    country_of_place,
    normal_role,
    org_profile,
    person_profiles,
)
from quizzes.bank.generation.stems import GENERIC_PERSON, PERSON_NOUNS, PLACE_NOUNS, WhPhrase, read_wh

# Stem nouns that say no more than "an organisation" (or which kinds they allow).
_ORG_GENERIC = {
    "organisation": None,
    "organization": None,
    "entity": None,
    "group": None,
    "": None,
    "body": frozenset(["international", "government"]),
    "unit": frozenset(["military"]),
    "institution": frozenset(["education", "government"]),
    "company": frozenset(["company"]),
    "firm": frozenset(["company"]),
    "enterprise": frozenset(["company"]),
}


def _asked(prompt: str) -> WhPhrase | None:
    """The prompt's "which/what" phrase, the only kind that can name a nationality or an office."""
    wh = read_wh(prompt)
    return wh if wh is not None and wh.word in ("which", "what") else None


def _other_parties(prompt: str) -> frozenset[str]:
    """Countries the question names ("… visit Poland", "of Polish descent"): an option of one of them
    would be absurd unless the answer is of it too."""
    return frozenset({country_key(c) for c in countries_named(prompt)} | nationalities(prompt))


def person_tiers(fact: FactData, base: Sequence[FactData], prompt: str) -> list[list[str]]:
    """Other people of the base, strictly of the nationality and office the stem (or role) names,
    else the answer's office and nationality first; never of a country the question names as the
    other party ("Who visited Poland …" offers no Pole) unless the answer is of it too."""
    profiles = person_profiles(base)
    answer = fold(bare_name(fact))
    own = profiles.get(answer, Profile())
    wh = _asked(prompt)
    role, role_countries = normal_role(fact.role)
    country = (
        wh.country
        if wh and wh.country
        else (next(iter(role_countries)) if len(role_countries) == 1 else None)
    )
    strict_role = ""
    if wh and wh.head in PERSON_NOUNS and wh.head not in GENERIC_PERSON:
        strict_role = normal_role(wh.noun)[0]
    other_party = _other_parties(prompt) - own.countries - {country or ""}
    roles = {strict_role} if strict_role else ({role} | own.roles) - {""}
    countries = {country} if country else set(own.countries)

    names = sorted(
        {fold(bare_name(f)): bare_name(f) for f in base if f.answer_type is AnswerType.PERSON}.items()
    )
    allowed: list[tuple[str, Profile]] = []
    for key, name in names:
        profile = profiles.get(key, Profile())
        if key == answer or profile.countries & other_party:
            continue
        if country and country not in profile.countries or strict_role and strict_role not in profile.roles:
            continue
        allowed.append((name, profile))
    same_role = [n for n, p in allowed if p.roles & roles]
    same_country = [n for n, p in allowed if p.countries & countries]
    return [
        [n for n in same_role if n in same_country],
        same_role,
        same_country,
        [n for n, _ in allowed],
    ]


def place_tiers(
    fact: FactData, base: Sequence[FactData], prompt: str, same_type: list[tuple[str, str]]
) -> list[list[str]]:
    """Places of the answer's kind; when the stem names a country ("Polish city", "place in Kyrgyzstan"),
    only places known to be in it: the base's, then the gazetteer's cities there.

    ``same_type`` holds (kind, name) for every place answer of the base.
    """
    kind = place_kind(fact)
    wh = _asked(prompt)
    if wh is not None and wh.head in PLACE_NOUNS and wh.head not in ("place", "location", "site"):
        kind = wh.head
    home = country_of_place(fact.answer, base)
    away = _other_parties(prompt) - home
    same_type = [(k, n) for k, n in same_type if not country_of_place(n, base) & away]
    same_kind = [name for k, name in same_type if k == kind]
    if wh is None or not wh.country:
        if kind != "city":
            return [same_kind, []]
        known = capitals(base)
        is_capital = fold(fact.answer) in known
        return [[c for c in same_kind if (fold(c) in known) == is_capital], same_kind]
    country = wh.country
    inside = [(k, n) for k, n in same_type if country in country_of_place(n, base)]
    table = cities_of(country) if kind in ("city", "place", "town", "capital") else []
    if kind == "city":
        return [[n for k, n in inside if k == "city"], table]
    return [[n for k, n in inside if k == kind], [n for _, n in inside], table]


def org_tiers(fact: FactData, base: Sequence[FactData], prompt: str) -> list[list[str]]:
    """Organisations of the answer's kind (alliances and unions beside the OSCE, regiments and divisions
    beside a division, ministries beside a ministry); a specific noun in the stem ("military alliance",
    "ministry") must be one the option answers to, and a nationality in the stem its nationality."""
    own = org_profile(fact.answer, base)
    wh = _asked(prompt)
    head = wh.head if wh else ""
    kinds = frozenset([own.kind])
    noun = ""
    if head in _ORG_GENERIC:
        kinds = _ORG_GENERIC[head] or kinds
    elif head:
        noun = head
    country = wh.country if wh else None
    names = {fold(f.answer): f.answer for f in base if f.answer_type is AnswerType.ORGANISATION}
    strict: list[str] = []
    for key, name in sorted(names.items()):
        if key == fold(fact.answer):
            continue
        profile = org_profile(name, base)
        if profile.kind not in kinds or noun and noun not in profile.nouns:
            continue
        if country and country not in profile.countries:
            continue
        strict.append(name)
    role = fold(fact.role)
    return [[n for n in strict if role and role in org_profile(n, base).nouns], strict]
