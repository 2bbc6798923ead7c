"""Which country a word or phrase points to: "Polish", "Poles", "Poland's", "the DPRK" → one name.

Question stems and statements name nationalities in many ways ("Polish president", "President of
Poland", "Kazakh city", "city in Peru"); distractors must then come from that one country. The
lists of demonyms and of the world's capitals and large cities are general knowledge kept by
extraction's gazetteer; this module only reads them.
"""

from __future__ import annotations

import re
from functools import cache

from facts.extraction.gazetteer import CITIES, COUNTRIES, COUNTRY_ALIASES
from facts.language.text import fold
from quizzes.bank.generation.countries import canonical_country

# Prepositions after which a country is a destination or a place, not a nationality:
# "ambassador to Poland", "visited Peru", "from Kazakhstan".
_NOT_NATIONALITY = frozenset(
    ["to", "in", "into", "from", "with", "at", "for", "against", "toward", "towards"]
)


def country_key(name: str) -> str:
    """One spelling per country, so "DPRK", "North Korea" and "Democratic People's Republic of Korea" meet."""
    return canonical_country(name) or COUNTRY_ALIASES.get(name.strip(), name.strip())


@cache
def _word_index() -> dict[str, str]:
    """Folded country name, alias or demonym → the country's key."""
    index: dict[str, str] = {}
    for country, demonyms in COUNTRIES.items():
        key = country_key(country)
        index[fold(country)] = key
        for demonym in demonyms:
            index[fold(demonym)] = key
    for alias, country in COUNTRY_ALIASES.items():
        index[fold(alias)] = country_key(country)
    return index


@cache
def _mention_re() -> re.Pattern[str]:
    names = sorted(_word_index(), key=len, reverse=True)
    alternatives = "|".join(re.escape(n) for n in names)
    return re.compile(rf"(?<![\w-])(?:the\s+)?({alternatives})(?:['’]s)?(?![\w])")


def country_of_word(text: str) -> str | None:
    """The country ``text`` names or is the demonym of ("Kazakh" → "Kazakhstan"), or None."""
    folded = fold(text).removeprefix("the ")
    folded = re.sub(r"['’]s$", "", folded)
    return _word_index().get(folded)


def is_demonym_compound(word: str) -> bool:
    """ "Polish-Peruvian", "Pole", "Azerbaijani": a word made only of nationalities."""
    parts = [p for p in fold(word).split("-") if p]
    return bool(parts) and all(country_of_word(p) for p in parts)


def nationalities(text: str) -> frozenset[str]:
    """Countries ``text`` names as someone's or something's nationality ("Polish", "of Peru", "Poland's"),
    leaving out destinations and places ("ambassador to Poland", "in Peru")."""
    folded = fold(text)
    found: set[str] = set()
    for m in _mention_re().finditer(folded):
        before = folded[: m.start()].split()
        if before and before[-1] in _NOT_NATIONALITY:
            continue
        found.add(_word_index()[m.group(1)])
    return frozenset(found)


@cache
def _cities() -> dict[str, str]:
    return {fold(city): country_key(country) for city, country in CITIES.items()}


def city_country(name: str) -> str | None:
    """The country of a capital or large city the gazetteer knows ("Warsaw" → "Poland"), or None."""
    return _cities().get(fold(name))


# Former names the gazetteer keeps beside the current ones, so that "Astana" and "Nur-Sultan" (one city)
# are never two options.
_FORMER_NAMES = frozenset(
    ["nur-sultan", "kiev", "bombay", "calcutta", "madras", "peking", "rangoon", "saigon", "bonn"]
)


def cities_of(country: str) -> list[str]:
    """The capitals and large cities the gazetteer lists for ``country``, one spelling each, current names."""
    key = country_key(country)
    seen: dict[str, str] = {}
    for city, where in CITIES.items():
        if fold(city) in _FORMER_NAMES:
            continue
        if country_key(where) == key:
            seen.setdefault(fold(city), city)
    return list(seen.values())
