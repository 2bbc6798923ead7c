"""What the fact base says about the people, places and organisations it names.

Wrong options must be of the answer's own sort: for "Which Polish president …" other Polish
presidents, for "In which Kazakh city …" other cities in Kazakhstan, for "Which military alliance …"
other alliances. The base says who is what in three ways, all read here:

- roles: a fact's ``role`` and the title written next to a name ("Polish President Andrzej Duda",
  "Kim Il Sung, then Premier of North Korea", "X is the Azerbaijan Ambassador to Poland");
- its own question stems: a reviewed "Which Polish president visited …" whose answer is Aleksander
  Kwaśniewski says he is a Polish president; "In which place in Kazakhstan …" answered by Otar says
  where Otar is;
- statements that place a city: "Azerbaijan has an embassy in Warsaw" (in the other country of an
  "Azerbaijan–Poland relations" article), "an honorary consulate of Poland in Bishkek", "Otar in
  present-day Kazakhstan"; and the gazetteer's capitals and large cities.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from facts.extraction.types import AnswerType, FactData
from facts.language.text import fold
from quizzes.bank.generation.basecache import per_base
from quizzes.bank.generation.nations import city_country, country_key, country_of_word, nationalities
from quizzes.bank.generation.stems import GENERIC_PERSON, PERSON_NOUNS, read_wh, singular, stem_fits, words_of

_PARTIES = re.compile(r"^(?P<a>.+?)\s*[–—-]\s*(?P<b>[^–—-]+?)\s+relations$", re.IGNORECASE)
# Lower-case words that may sit inside a title before a name: "former Polish President", "Marshal of the Sejm".
_TITLE_GLUE = frozenset(["the", "then", "former", "first", "late", "of", "to", "ethnic", "prominent", "most"])
_ROLE_PREFIXES = frozenset(["prime", "deputy", "vice", "foreign", "chief", "head", "acting", "grand"])
_NAME = r"[A-ZÀ-Ž][\w'’\-]+(?:\s+(?:de|del|y|von|van|al-)?\s*[A-ZÀ-Ž][\w'’\-]+){0,3}"


@dataclass(frozen=True, slots=True)
class Profile:
    """What the base says one name is: its ``roles`` (folded offices or kinds) and ``countries``."""

    roles: frozenset[str] = frozenset()
    countries: frozenset[str] = frozenset()


def bare_name(fact: FactData) -> str:
    """A person's name without the office in front ("President Askar Akayev" → "Askar Akayev")."""
    answer = fact.answer.strip()
    role = fact.role.strip()
    if role and fold(answer).startswith(fold(role) + " "):
        return answer[len(role) :].strip()
    return answer


def normal_role(role: str) -> tuple[str, frozenset[str]]:
    """A role as compared ("Marshal of the Senate of Poland" → "marshal of the senate") and the
    countries it names; plurals made singular, "former"/"then" and nationalities dropped."""
    countries: set[str] = set()
    words: list[str] = []
    tokens = fold(role).split()
    i = 0
    while i < len(tokens):
        word = tokens[i]
        if word == "of" and i + 1 < len(tokens):
            rest = " ".join(tokens[i + 1 :])
            found = country_of_word(rest)
            if found:
                countries.add(found)
                break
        nation = country_of_word(word)
        if nation and (not words or words[-1] != "of"):
            countries.add(nation)
        elif word not in ("former", "then", "first", "late", "the") or words:
            words.append(word)
        i += 1
    if words:
        head = words.index("of") - 1 if "of" in words[1:] else len(words) - 1
        words[head] = singular(words[head])
    return " ".join(words), frozenset(countries)


def read_title(fragment: str) -> tuple[str, frozenset[str]]:
    """The office and nationality in a title written beside a name: "then Polish President" →
    ("president", {Poland}); "Marshal of the Sejm" → ("marshal of the sejm", {}); "ethnic Azeri member
    of the Polish Officer Corps" → ("", {Azerbaijan, Poland}) (a member holds no office)."""
    tokens = fragment.split()
    countries = set(nationalities(fragment))
    nouns = [i for i, t in enumerate(tokens) if singular(fold(t.strip(",.;"))) in PERSON_NOUNS]
    if not nouns:
        return "", frozenset(countries)
    last = nouns[-1]
    start = last
    while start > 0 and fold(tokens[start - 1]) in _ROLE_PREFIXES | PERSON_NOUNS:
        start -= 1
    end = last + 1
    while end + 1 < len(tokens) and fold(tokens[end]) == "of":
        step = 2 if fold(tokens[end + 1]) == "the" and end + 2 < len(tokens) else 1
        if not tokens[end + step][:1].isupper():
            break
        end += step + 1
        while end < len(tokens) and tokens[end][:1].isupper() and not country_of_word(tokens[end]):
            end += 1
    role, named = normal_role(" ".join(tokens[start:end]))
    countries |= named
    head = singular(fold(tokens[last].strip(",.;")))
    return ("" if head in GENERIC_PERSON else role), frozenset(countries)


def _title_before(text: str) -> str:
    """The title words right before a name: "… met with Polish president" → "Polish president"."""
    taken: list[str] = []
    for word in reversed(text.split()):
        if word.endswith((",", ";", ":", "(", ")", ".")):
            break
        low = fold(word)
        if not (
            word[:1].isupper() or low in _TITLE_GLUE or low in _ROLE_PREFIXES or singular(low) in PERSON_NOUNS
        ):
            break
        taken.append(word)
        if len(taken) >= 8:
            break
    while taken and fold(taken[-1]) in ("to", "of"):
        taken.pop()
    return " ".join(reversed(taken))


_AFTER_APPOSITION = re.compile(
    r"^,\s+(?:(?:the|a|an|then|as|former)\s+)*(?P<t>[^,;()]{2,80}?)\s*(?:,|;|\(|$)"
)
_AFTER_OF = re.compile(r"^\s+of\s+(?:the\s+)?(?P<c>[A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+)?)")
_AFTER_IS = re.compile(r"^\s+(?:is|was)\s+(?:one of\s+)?(?:the|a|an)\s+(?P<t>[^,;.]{2,60})")
_BEFORE_IS = re.compile(r"(?:^|\b)(?:the|a|an)\s+(?P<t>[^,;.]{2,60}?)\s+(?:is|was)\s*$", re.IGNORECASE)


def _titles_near(statement: str, start: int, end: int) -> list[tuple[str, frozenset[str]]]:
    """Every (role, countries) the statement writes beside the name at ``start:end``."""
    before, after = statement[:start], statement[end:]
    found = [read_title(_title_before(before))]
    if before.rstrip().endswith(","):  # "The first President of Kazakhstan, Nursultan Nazarbayev, …"
        found.append(read_title(_title_before(before.rstrip()[:-1] + " ")))
    if m := _BEFORE_IS.search(before):
        found.append(read_title(m["t"]))
    if (m := _AFTER_APPOSITION.match(after)) and _is_title(m["t"]):
        found.append(read_title(m["t"]))
    if (m := _AFTER_OF.match(after)) and country_of_word(m["c"]):
        found.append(("", frozenset([country_of_word(m["c"]) or ""])))
    if (m := _AFTER_IS.match(after)) and _is_title(m["t"]):
        found.append(read_title(m["t"]))
    return found


def _is_title(fragment: str) -> bool:
    """Whether an apposition is a title ("the first President of Kazakhstan") and not a clause
    ("visited Poland on three occasions"): it opens with a capital or a title word and names an office."""
    words = fragment.split()
    first = fold(words[0]) if words else ""
    opens = (
        words[0][:1].isupper() or first in _ROLE_PREFIXES or singular(first) in PERSON_NOUNS
        if words
        else False
    )
    return opens and any(singular(fold(w.strip(",."))) in PERSON_NOUNS for w in words)


@per_base
def person_profiles(base: tuple[FactData, ...]) -> dict[str, Profile]:
    """Folded bare name → what the base says that person is (see the module docstring)."""
    roles: dict[str, set[str]] = {}
    countries: dict[str, set[str]] = {}
    names = {fold(bare_name(f)): bare_name(f) for f in base if f.answer_type is AnswerType.PERSON}
    for f in base:
        if f.answer_type is not AnswerType.PERSON:
            continue
        key = fold(bare_name(f))
        role, named = normal_role(f.role)
        if role:
            roles.setdefault(key, set()).add(role)
        countries.setdefault(key, set()).update(named)
        _learn_from_stem(f, key, roles, countries)
    for statement in dict.fromkeys(f.statement for f in base):
        for key, name in names.items():
            for m in re.finditer(rf"(?<![\w]){re.escape(name)}(?![\w])", statement):
                for role, named in _titles_near(statement, m.start(), m.end()):
                    if role:
                        roles.setdefault(key, set()).add(role)
                    countries.setdefault(key, set()).update(named)
    return {
        key: Profile(frozenset(roles.get(key, ())), frozenset(c for c in countries.get(key, ()) if c))
        for key in names
    }


def _learn_from_stem(
    f: FactData, key: str, roles: dict[str, set[str]], countries: dict[str, set[str]]
) -> None:
    """A reviewed stem "Which Polish president …" says its answer is a Polish president."""
    if not f.question or not stem_fits(f.question, f.answer_type):
        return
    wh = read_wh(f.question)
    if wh is None or wh.word not in ("which", "what"):
        return
    if wh.country:
        countries.setdefault(key, set()).add(wh.country)
    role, _ = normal_role(wh.noun)
    if role and wh.head not in GENERIC_PERSON and wh.head in PERSON_NOUNS:
        roles.setdefault(key, set()).add(role)


# "Azerbaijan has an embassy in Warsaw", "Peru opened its embassy in Warsaw".
_HOSTED_IN = re.compile(
    r"(?P<owner>[A-Z][\w'’\- ]*?)\s+(?:has|have|had|maintains?|maintained|opened|established|opens)\s+"
    r"(?:an?\s+|its\s+|their\s+)?(?:honorary\s+)?(?:embassy|consulate(?:[- ]general)?|consulate general|mission)"
    r"\s+in\s+(?P<place>" + _NAME + ")"
)
# "an honorary consulate of Poland in Bishkek", "the Embassy of Kazakhstan in Warsaw".
_OF_OWNER_IN = re.compile(
    r"(?:embassy|consulate(?:[- ]general)?|consulate general|mission)\s+of\s+(?:the\s+)?(?P<owner>[A-Z][\w'’\- ]*?)"
    r"\s+in\s+(?P<place>" + _NAME + ")",
    re.IGNORECASE,
)
# "Otar in Kazakhstan", "Jalal-Abad, in present-day Kyrgyzstan", "Lima, Peru".
_PLACE_IN_COUNTRY = re.compile(
    r"(?P<place>" + _NAME + r"),?\s+(?:in\s+)?(?:(?:present-day|modern-day|modern|today's|southern|northern|"
    r"eastern|western|central)\s+)*(?P<country>[A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+)?)\b"
)


@per_base
def place_countries(base: tuple[FactData, ...]) -> dict[str, frozenset[str]]:
    """Folded place name → the countries the base (or the gazetteer) puts it in."""
    found: dict[str, set[str]] = {}

    def add(place: str, country: str | None) -> None:
        if country:
            found.setdefault(fold(place), set()).add(country_key(country))

    for f in base:
        if f.answer_type is AnswerType.PLACE and f.question and stem_fits(f.question, f.answer_type):
            wh = read_wh(f.question)
            add(f.answer, wh.country if wh else None)
        parties = _parties(f)
        for pattern in (_HOSTED_IN, _OF_OWNER_IN):
            for m in pattern.finditer(f.statement):
                owner = country_of_word(m["owner"].split()[-1]) or country_of_word(m["owner"])
                others = [p for p in parties if p != owner]
                if owner and len(others) == 1 and not city_country(m["place"]):
                    add(m["place"], others[0])
        for m in _PLACE_IN_COUNTRY.finditer(f.statement):
            country = country_of_word(m["country"])
            if country and fold(m["country"]) == fold(country) and not country_of_word(m["place"]):
                add(m["place"], country)
    for key in found:
        known = city_country(key)
        if known:  # the atlas beats a guess from an article's two countries
            found[key] = {known}
    return {k: frozenset(v) for k, v in found.items()}


def country_of_place(name: str, base: Iterable[FactData]) -> frozenset[str]:
    """The countries ``name`` is in: the gazetteer's for capitals and large cities, else the base's."""
    known = city_country(name)
    if known:
        return frozenset([known])
    return place_countries(tuple(base)).get(fold(name), frozenset())


def _parties(fact: FactData) -> list[str]:
    """The two countries of an "A–B relations" article, or of a statement naming exactly two."""
    m = _PARTIES.match(fact.document.strip()) if fact.document else None
    if m:
        return [country_key(m["a"].strip()), country_key(m["b"].strip())]
    return sorted(nationalities(fact.statement))


# Organisations by kind, read from the words of their names; the first kind whose word appears wins,
# so "Polish Tank Training Centre" is a military unit and "Center for Polish Language" a school.
_ORG_KIND_WORDS: tuple[tuple[str, frozenset[str]], ...] = (
    (
        "military",
        words_of(
            "regiment division army corps brigade battalion fleet navy legion squadron tank artillery infantry "
            "cavalry uhlan uhlans military armoured armored rifle rifles guard"
        ),
    ),
    (
        "education",
        words_of("university school college academy institute centre center library museum theatre"),
    ),
    (
        "government",
        words_of(
            "ministry police government parliament sejm senate cabinet office department court embassy agency "
            "service"
        ),
    ),
    (
        "company",
        words_of(
            "airline airlines post bank company works corporation corp ltd inc railway railways venture "
            "enterprise firm shipping broadcaster"
        ),
    ),
    (
        "international",
        words_of(
            "organization organisation nations union council alliance community commonwealth league commission "
            "bloc"
        ),
    ),
)
# Acronyms too well known to spell out: kind and the noun a stem would use.
_ACRONYMS = {
    "nato": ("international", "alliance"),
    "csto": ("international", "alliance"),
    "osce": ("international", "organisation"),
    "un": ("international", "organisation"),
    "eu": ("international", "union"),
    "wto": ("international", "organisation"),
    "cis": ("international", "organisation"),
    "sco": ("international", "organisation"),
    "oecd": ("international", "organisation"),
    "imf": ("international", "organisation"),
    "unesco": ("international", "organisation"),
    "nnsc": ("international", "commission"),
    "nkvd": ("government", "police"),
    "kgb": ("government", "police"),
    "gestapo": ("government", "police"),
    "bbc": ("company", "broadcaster"),
}


@dataclass(frozen=True, slots=True)
class OrgProfile:
    """An organisation's ``kind`` (military, education, government, company, international or "") and the
    ``nouns`` it answers to (its name's words, its acronym's noun, the stems asking for it), and
    ``countries`` (the nationality its name or a stem gives it)."""

    kind: str
    nouns: frozenset[str]
    countries: frozenset[str]


def org_kind(words: Iterable[str]) -> str:
    """The kind of organisation named by these folded words, or ""."""
    bag = {singular(w) for w in words} | set(words)
    for kind, keys in _ORG_KIND_WORDS:
        if bag & keys:
            return kind
    return ""


_SPELLINGS = {"organization": "organisation", "center": "centre", "organizations": "organisations"}


def _name_words(name: str) -> list[str]:
    """Folded words of a name, American spellings made British so "Center" and "Centre" meet."""
    return [_SPELLINGS.get(w, w) for w in re.split(r"[\s\-–'’()]+", fold(name)) if w]


@per_base
def org_profiles(base: tuple[FactData, ...]) -> dict[str, OrgProfile]:
    """Folded organisation name → its profile (see :class:`OrgProfile`)."""
    learned: dict[str, set[str]] = {}
    countries: dict[str, set[str]] = {}
    names: dict[str, str] = {}
    for f in base:
        if f.answer_type is not AnswerType.ORGANISATION:
            continue
        key = fold(f.answer)
        names[key] = f.answer
        countries.setdefault(key, set()).update(nationalities(f.answer))
        if f.role.strip():
            learned.setdefault(key, set()).update(singular(w) for w in _name_words(f.role))
        if f.question and stem_fits(f.question, f.answer_type):
            wh = read_wh(f.question)
            if wh and wh.word in ("which", "what") and wh.head:
                head_words = _name_words(wh.noun.split(" of ")[0])
                learned.setdefault(key, set()).update(singular(w) for w in head_words)
                if wh.country:
                    countries[key].add(wh.country)
    return {
        key: _org_profile(name, learned.get(key, set()), countries.get(key, set()))
        for key, name in names.items()
    }


def _org_profile(name: str, learned: set[str], countries: set[str]) -> OrgProfile:
    words = _name_words(name)
    acronym = _ACRONYMS.get(fold(name).strip())
    nouns = {singular(w) for w in words} | learned | ({acronym[1]} if acronym else set())
    kind = org_kind(words) or (acronym[0] if acronym else "") or org_kind(learned)
    if len({c for w in words if (c := country_of_word(w))}) >= 2:
        # "Polish-Kazakh Intergovernmental Commission": a body of exactly the two parties. Offered beside
        # international organisations it may be one "both countries are members of", so it is its own kind.
        kind = "bilateral"
    return OrgProfile(kind, frozenset(nouns), frozenset(countries))


def org_profile(name: str, base: Iterable[FactData]) -> OrgProfile:
    """The profile of one organisation, also for a name the base does not hold as an answer."""
    known = org_profiles(tuple(base)).get(fold(name))
    return known or _org_profile(name, set(), set(nationalities(name)))
