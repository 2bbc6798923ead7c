"""Find named things in a sentence: people (with their office), countries, organisations, places.

The rules are shallow on purpose: a run of capitalised words is cut at commas and at "and",
then typed by what surrounds it — an office before it makes a person, a keyword such as
Council or Army an organisation, the gazetteer a country, a preposition such as "in" a place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache

from facts.language import nlp
from facts.language.dates import MONTHS, find_dates

from .gazetteer import (
    CITIES,
    COUNTRIES,
    COUNTRY_ALIASES,
    DEMONYMS,
    OCCUPATIONS,
    ORG_WORDS,
    TITLES,
)
from .grammar import singular
from .types import AnswerType

_CAP = r"(?:[A-Z][\w'’.-]*|[A-Z]\w*[-–][A-Z]\w*)"
_UPPER = "".join(c for c in map(chr, range(0xC0, 0x250)) if c.isupper())  # Ś, Ł, Ž … as well as A–Z
_CAP_WORD = re.compile(rf"[A-Z{_UPPER}][\w'’.-]*")
_CONNECTORS = frozenset({"of", "the", "for", "and", "y", "de", "la", "in", "on", "al", "del", "van", "von"})
_PLACE_PREPS = frozenset({"in", "to", "from", "at", "near", "into", "towards", "toward", "via", "across"})
CONTINENTS = frozenset({"Europe", "Asia", "Africa", "America", "Americas", "Oceania", "Antarctica"})
PLACE_WORDS = frozenset(
    {"SSR", "SSRs", "River", "Islands", "Mountains", "Province", "Oblast", "Region", "Sea", "Lake"}
)
_MONTH_NAMES = frozenset(m.casefold() for m in MONTHS)
_TITLE_WORDS = frozenset(w for t in TITLES for w in t.split())
TOKEN_RE = re.compile(r"[\wÀ-ž'’.-]+|[^\s\w]", re.UNICODE)


@dataclass(frozen=True, slots=True)
class Entity:
    """A typed name found at ``start:end`` of a sentence; ``role`` is a person's office or a place's kind."""

    start: int
    end: int
    text: str
    kind: AnswerType
    role: str = ""
    canonical: str = ""  # country name for demonym-free country mentions, full name for persons
    # who vouches for the kind: "rules" (cues and the gazetteer), "recogniser" (spaCy's entity recogniser),
    # "both" when they agree, "disputed" when they do not (the kind then is the better-informed one's)
    source: str = "rules"


@dataclass(slots=True)
class Registry:
    """What the document has taught so far: people's full names and offices, named armies, companies."""

    persons: dict[str, str] = field(default_factory=dict)  # full name → office
    surnames: dict[str, str] = field(default_factory=dict)  # last word → full name
    states: set[str] = field(default_factory=set)  # names the text called a state, kingdom, dynasty …
    countries: set[str] = field(default_factory=set)  # countries the gazetteer lacks (an article's parties)
    names: dict[str, str] = field(default_factory=dict)  # name → the entity recogniser's label, document-wide
    common_words: frozenset[str] = frozenset()  # words the document writes in lower case ("embassy", "war")
    _pattern: tuple[int, re.Pattern[str] | None] | None = None
    _found: dict[tuple[str, int, int, int], list[Entity]] = field(default_factory=dict)

    def country(self, name: str) -> str | None:
        """The country ``name`` denotes, from the gazetteer or from what this article declared."""
        bare = name.strip()
        return country_of(bare) or (bare if bare in self.countries else None)

    def names_pattern(self) -> re.Pattern[str] | None:
        """One pattern for every name-like recognised name, longest first, built once per set of names."""
        key = len(self.names)
        if self._pattern is None or self._pattern[0] != key:
            usable = sorted((t for t in self.names if _is_name_like(t)), key=len, reverse=True)
            alternation = "|".join(re.escape(t) for t in usable)
            self._pattern = (key, re.compile(_NAME_EDGE.format(f"(?:{alternation})")) if usable else None)
        return self._pattern[1]

    def add_person(self, name: str, role: str) -> None:
        if role or name not in self.persons:
            self.persons[name] = role or self.persons.get(name, "")
        parts = name.split()
        if len(parts) > 1:
            self.surnames.setdefault(parts[-1], name)


def country_of(name: str) -> str | None:
    """The country a name or alias denotes ("DPRK" → "North Korea"), or None."""
    bare = re.sub(r"^(?:the\s+)", "", name.strip(), flags=re.I)
    bare = re.sub(r"^Republic of\s+", "", bare)
    if bare in COUNTRIES:
        return bare
    return COUNTRY_ALIASES.get(bare) or COUNTRY_ALIASES.get(name.strip())


@lru_cache(maxsize=1 << 15)
def is_common_word(word: str, common: frozenset[str] = frozenset()) -> bool:
    """Is a capitalised ``word`` an ordinary word rather than part of a name?

    General rules, no list grown on any article: English function words ("The", "However", "Several"), month
    names, office titles and organisation or place heads, and any word the same document also writes in lower
    case ("Embassy" when the text says "the embassy", "War" when it says "the war").
    """
    core = _bare(word)
    lower = core.casefold()
    return (
        lower in nlp.stop_words()
        or lower in _MONTH_NAMES
        or core in _TITLE_WORDS
        or _is_head_word(core)
        or lower in common
        or singular(lower) in common
    )


def _is_head_word(word: str) -> bool:
    return word in ORG_WORDS or singular(word) in ORG_WORDS or word in PLACE_WORDS


def _is_acronym(word: str) -> bool:
    return bool(re.fullmatch(r"[A-Z]{2,6}s?", _bare(word)))


def _is_name_word(word: str, common: frozenset[str] = frozenset()) -> bool:
    core = re.sub(r"['’]s?$", "", word.rstrip("."))  # "Government's" → "Government"; "Affairs" stays
    return bool(
        _CAP_WORD.fullmatch(word)
        and not is_common_word(core, common)
        and core not in DEMONYMS
        and core not in COUNTRIES
        and not core.isupper()
    )


def _runs(sentence: str) -> list[tuple[int, int]]:
    """Maximal runs of capitalised words, allowing lower-case connectors between them."""
    tokens = [(m.start(), m.end(), m.group(0)) for m in re.finditer(r"[^\s,;:()“”\"]+", sentence)]
    runs: list[tuple[int, int]] = []
    i = 0
    while i < len(tokens):
        starts_ordinal = bool(
            re.fullmatch(r"\d+(?:st|nd|rd|th)", tokens[i][2])
            and i + 1 < len(tokens)
            and _CAP_WORD.match(tokens[i + 1][2])
        )
        if not _CAP_WORD.match(tokens[i][2]) and not starts_ordinal:
            i += 1
            continue
        j = i
        while j + 1 < len(tokens):
            gap = sentence[tokens[j][1] : tokens[j + 1][0]]
            if gap.strip() or (tokens[j][2].endswith(".") and not re.fullmatch(r"[A-Z]\.", tokens[j][2])):
                break
            nxt = tokens[j + 1][2]
            if _CAP_WORD.match(nxt) or re.fullmatch(r"\d+(?:st|nd|rd|th)?", nxt) and j > i:
                j += 1
                continue
            k = j + 1
            while (
                k < len(tokens)
                and tokens[k][2] in _CONNECTORS
                and not sentence[tokens[k - 1][1] : tokens[k][0]].strip()
            ):
                k += 1
            if k > j + 1 and k < len(tokens) and _CAP_WORD.match(tokens[k][2]):
                j = k
                continue
            break
        runs.append((tokens[i][0], tokens[j][1]))
        i = j + 1
    return runs


def _split_run(sentence: str, start: int, end: int, registry: Registry) -> list[tuple[int, int]]:
    """Cut a run at "and"/"in"/"on" unless an organisation keyword holds it together."""
    text = sentence[start:end]
    if any(_is_head_word(_bare(w)) for w in text.split()) or re.search(
        r"\b(?:Agreement|Treaty|Order|Convention)\b", text
    ):
        return _split_organisations(sentence, start, end)
    pieces: list[tuple[int, int]] = []
    cursor = start
    for m in re.finditer(r"\s+(?:and|in|on|of)\s+", text):
        left = sentence[cursor : start + m.start()]
        right = sentence[start + m.end() : end]
        if m.group(0).strip() == "of" and not (registry.country(right) or registry.country(left)):
            continue
        pieces.append((cursor, start + m.start()))
        cursor = start + m.end()
    pieces.append((cursor, end))
    return pieces


def _split_organisations(sentence: str, start: int, end: int) -> list[tuple[int, int]]:
    """Cut "the Council of Europe and the Organization for ..." into two, keep "Security and Co-operation"."""
    text = sentence[start:end]
    located = re.search(r"\s+in\s+[A-Z][\w'’-]*[.,;]?$", text)
    if located:
        last = text[: located.start()].split()[-1]
        if _is_head_word(_bare(last)) or last in CONTINENTS or country_of(last):
            # "Council of Europe in Lima": an organisation, then a place
            place_start = start + located.start() + text[located.start() :].index("in ") + 3
            return [*_split_organisations(sentence, start, start + located.start()), (place_start, end)]
    for m in re.finditer(r"\s+and\s+", text):
        left, right = text[: m.start()], text[m.end() :]
        has_org = [
            any(_is_head_word(_bare(w)) or _is_acronym(w) for w in side.split()) for side in (left, right)
        ]
        if right.startswith("the ") or all(has_org):
            return _split_organisations(sentence, start, start + m.start()) + _split_organisations(
                sentence, start + m.end(), end
            )
    return [(start, end)]


def _strip_the(sentence: str, start: int, end: int) -> tuple[int, int]:
    text = sentence[start:end]
    m = re.match(r"(?:The|the|A|An)\s+", text)
    return (start + m.end(), end) if m else (start, end)


def _classify(sentence: str, start: int, end: int, registry: Registry) -> Entity | None:
    text = sentence[start:end].rstrip(".")
    end = start + len(text)
    words = text.split()
    if not words:
        return None
    before = sentence[:start].rstrip()
    prev_word = before.split()[-1].lower() if before.split() else ""
    country = registry.country(text)
    if country:
        return Entity(start, end, text, AnswerType.COUNTRY, canonical=country)
    if text in DEMONYMS or _is_hyphenated_adjective(text):
        return None
    if text in registry.states or _STATE_APPOSITION.match(sentence[end:]) or _STATE_WORDS & set(words[-1:]):
        registry.states.add(text)
        return Entity(start, end, text, AnswerType.COUNTRY, role="state")
    led_by_office = any(" ".join(w for w in words if w not in DEMONYMS).startswith(t + " ") for t in TITLES)
    person = _person(sentence, start, end, registry) if led_by_office else None
    if person:
        return person
    if any(_bare(w) in ORG_WORDS or singular(_bare(w)) in ORG_WORDS for w in words) or _is_acronym(text):
        return Entity(start, end, text, AnswerType.ORGANISATION)
    if any(_bare(w) in PLACE_WORDS for w in words):
        return Entity(start, end, text, AnswerType.PLACE, role="region")
    person = _person(sentence, start, end, registry)
    if person:
        return person
    if all(is_common_word(w, registry.common_words) or w.lower() in _CONNECTORS for w in words):
        return None
    if prev_word in _PLACE_PREPS:
        return Entity(start, end, text, AnswerType.PLACE, role="place")
    return Entity(start, end, text, AnswerType.OTHER)


_STATE_APPOSITION = re.compile(
    r",?\s+(?:which|that)\s+(?:was|is)\s+(?:the|a|an)\s+(?:\w+\s+)?"
    r"(?:state|kingdom|empire|khanate|dynasty|sultanate|caliphate|confederation|principality)\b",
    re.I,
)
_STATE_WORDS = frozenset(
    {"Khanate", "Empire", "Sultanate", "Caliphate", "Dynasty", "Principality", "Khaganate"}
)


def _is_hyphenated_adjective(text: str) -> bool:
    """ "Soviet-occupied", "German-speaking", "Polish-born" modify a noun; they never name a place."""
    return " " not in text and bool(re.fullmatch(r"[^\s-]+(?:-[^\s-]+)*-[a-z][a-z]+", text))


def _bare(word: str) -> str:
    """A word without a possessive ending: "Government's" → "Government"."""
    return re.sub(r"['’]s?$", "", word.rstrip(".,;:"))


_REGNAL_NUMBER = re.compile(r"(?=[IVX])X{0,3}(?:IX|IV|V?I{0,3})")


def _title_split(text: str, common: frozenset[str] = frozenset()) -> tuple[str, str]:
    """Split "Marshal of the Sejm Marek Borowski" into ("Marshal of the Sejm", "Marek Borowski")."""
    words = text.split()
    i = len(words)
    if i > 1 and _REGNAL_NUMBER.fullmatch(words[-1]) and _is_name_word(words[-2], common):
        i -= 1  # "King Harald V", "Pope John Paul II": the number belongs to the name
    while i > 0 and (
        _is_name_word(words[i - 1], common) or (words[i - 1] in {"y", "de", "la", "Il"} and i < len(words))
    ):
        i -= 1
    while i < len(words) and words[i] in {"y", "de", "la"}:
        i += 1
    if i == 0 and len(words) > 1 and words[0] in TITLES:
        i = 1  # "King Harald V": an office that is also an ordinary capitalised word
    return " ".join(words[:i]), " ".join(words[i:])


def _person(sentence: str, start: int, end: int, registry: Registry) -> Entity | None:
    """Type a run as a person when an office, an occupation or a known name vouches for it."""
    text = sentence[start:end]
    title, name = _title_split(text, registry.common_words)
    recognised = _recognised_person_suffix(text, registry)
    if recognised and len(recognised) < len(name):
        # "Minister of Foreign Affairs Ignacio Higueras": the recogniser knows where the name starts
        title, name = text[: len(text) - len(recognised)].rstrip(), recognised
    title_words = title.split()
    if not name:
        return None
    title_core = " ".join(w for w in title_words if w not in DEMONYMS and w != "then")
    name_start = start + len(text) - len(name)
    office = next((t for t in sorted(TITLES, key=len, reverse=True) if title_core.startswith(t)), "")
    before = sentence[:start].rstrip().lower()
    occupation = next((o for o in OCCUPATIONS if before.endswith(" " + o) or before == o), "")
    known = registry.persons.get(name) is not None or name in registry.surnames
    demonym_led = bool(title_words) and all(w in DEMONYMS for w in title_words)
    if demonym_led and " " not in name and name.endswith("s") and not known:
        demonym_led = False  # "Chinese Volunteers" is a group, not a person
    plain_name = not title_words and len(name.split()) >= 2 and not _named_like_a_thing(sentence, start, end)
    if not (office or occupation or known or demonym_led or plain_name):
        return None
    role = title_core if office else ""
    if occupation and not role:
        role = (
            occupation.rstrip("s").capitalize()
            if occupation.endswith("presidents")
            else occupation.capitalize()
        )
    full = registry.surnames.get(name, name) if len(name.split()) == 1 else name
    if not role:
        role = registry.persons.get(full, "")
    return Entity(name_start, end, name, AnswerType.PERSON, role=role, canonical=full)


def _recognised_person_suffix(text: str, registry: Registry) -> str:
    """The longest name of two words or more that the recogniser calls a person and that ends ``text``."""
    words = text.split()
    for i in range(1, len(words) - 1):
        suffix = " ".join(words[i:])
        if registry.names.get(suffix) == "PERSON":
            return suffix
    return ""


def _named_like_a_thing(sentence: str, start: int, end: int) -> bool:
    """ "during the Aq Qoyunlu, which …": an article before or "which" after means a thing, not a person."""
    return bool(
        re.search(r"\b(?:the|a|an)\s+$", sentence[:start], re.I) or re.match(r",?\s+which\b", sentence[end:])
    )


_LEADING_FUNCTION_WORDS = frozenset(
    [
        "In",
        "On",
        "At",
        "By",
        "From",
        "During",
        "After",
        "Before",
        "Following",
        "Since",
        "When",
        "As",
        "Both",
        "Several",
        "So",
        "Also",
        "Then",
        "While",
    ]
)


def _mask_dates(sentence: str) -> str:
    """Blank out dates so "August 23, 2001" is never read as a name (offsets are kept)."""
    masked = sentence
    for mention in find_dates(sentence):
        masked = masked[: mention.start] + " " * (mention.end - mention.start) + masked[mention.end :]
    return masked


def find_entities(sentence: str, registry: Registry | None = None) -> list[Entity]:
    """Typed names in ``sentence`` in order; persons found are remembered in ``registry``."""
    registry = registry if registry is not None else Registry()
    # the same clause is read several times (references, lists, facts): once per state of what is known
    key = (sentence, len(registry.persons), len(registry.states), len(registry.names))
    if key in registry._found:
        return list(registry._found[key])
    found = _find_entities(sentence, registry)
    registry._found[(sentence, len(registry.persons), len(registry.states), len(registry.names))] = found
    return list(found)


def _find_entities(sentence: str, registry: Registry) -> list[Entity]:
    entities: list[Entity] = []
    masked = _mask_dates(sentence)
    for run_start, run_end in _runs(masked):
        for piece_start, piece_end in _split_run(masked, run_start, run_end, registry):
            text = sentence[piece_start:piece_end]
            first, _, rest = text.partition(" ")
            if first in _LEADING_FUNCTION_WORDS and rest:
                piece_start += len(first) + 1  # "During the Katyn massacre": "During" names nothing
            elif first in _LEADING_FUNCTION_WORDS:
                continue
            piece_start, piece_end = _strip_the(sentence, piece_start, piece_end)
            possessive = re.search(r"['’]s?$", sentence[piece_start:piece_end])
            if possessive:
                piece_end -= len(possessive.group(0))
            text = sentence[piece_start:piece_end]
            if not text or (" " not in text and is_common_word(text, registry.common_words)):
                continue
            entity = _classify(sentence, piece_start, piece_end, registry)
            if entity is None:
                continue
            if entity.kind is AnswerType.PERSON:
                registry.add_person(entity.canonical or entity.text, entity.role)
            entities.append(entity)
    if registry.names:
        entities = _with_recognised_names(sentence, entities, registry)
    return _propagate_list_types(sentence, entities)


def _propagate_list_types(sentence: str, entities: list[Entity]) -> list[Entity]:
    """Items of one list share a kind: "in Otar, Shokpak and Lugovoy" are all places."""
    result = list(entities)
    for i in range(1, len(result)):
        prev, cur = result[i - 1], result[i]
        gap = sentence[prev.end : cur.start]
        if (
            re.fullmatch(r",?\s*(?:and\s+|or\s+)?", gap)
            and prev.kind is AnswerType.PLACE
            and cur.kind
            in (
                AnswerType.OTHER,
                AnswerType.PERSON,
            )
        ):
            result[i] = Entity(cur.start, cur.end, cur.text, AnswerType.PLACE, role=prev.role)
    # a lone capitalised word with no cue is too uncertain to ask about
    return [e for e in result if e.kind is not AnswerType.OTHER or " " in e.text or e.source != "rules"]


# The entity recogniser as the first opinion on names, the gazetteer and the cues above as the second ----------

# Recogniser labels → answer kinds. NORP (nationalities, religious and political groups) and the numeric labels
# name no thing to ask for; WORK_OF_ART, EVENT, LAW and PRODUCT are names of no kind the options can match.
_LABEL_KINDS = {
    "PERSON": AnswerType.PERSON,
    "GPE": AnswerType.PLACE,
    "LOC": AnswerType.PLACE,
    "FAC": AnswerType.PLACE,
    "ORG": AnswerType.ORGANISATION,
    "WORK_OF_ART": AnswerType.OTHER,
    "EVENT": AnswerType.OTHER,
    "LAW": AnswerType.OTHER,
    "PRODUCT": AnswerType.OTHER,
}
_LABEL_ROLES = {"FAC": "site", "GPE": "place", "LOC": "place", "WORK_OF_ART": "work", "EVENT": "event"}
_LABEL_ROLES |= {"LAW": "law", "PRODUCT": "product"}
_NAME_EDGE = r"(?<![\w'’-]){}(?![\w-]|['’]\w{{2,}})"


def recognised_kind(text: str, label: str, registry: Registry) -> tuple[AnswerType, str, str] | None:
    """The kind, role and canonical name of a recognised name, with the gazetteer's word over the recogniser's.

    The gazetteer knows the world's countries and capitals: "Georgia" is a country whatever the label, "Oslo" a
    place. Returns None for a name that is no answer (a nationality, a date).
    """
    country = registry.country(text)
    if country:
        return AnswerType.COUNTRY, "", country
    if CITIES.get(text):
        return AnswerType.PLACE, "city", ""
    if text in DEMONYMS or label not in _LABEL_KINDS:
        return None
    return _LABEL_KINDS[label], _LABEL_ROLES.get(label, ""), ""


def _is_name_like(text: str) -> bool:
    """A recognised span is used only when it reads as a name: capitalised words, lower-case connectors between."""
    words = text.split()
    return (
        bool(words)
        and all(
            _CAP_WORD.match(w) or w.lower() in _CONNECTORS or re.fullmatch(r"[\dIVX]+(?:st|nd|rd|th)?\.?", w)
            for w in words
        )
        and bool(_CAP_WORD.match(words[-1]) or re.fullmatch(r"[IVX]+", words[-1]))
    )


def _with_recognised_names(sentence: str, entities: list[Entity], registry: Registry) -> list[Entity]:
    """Merge the recogniser's names into the rule-found ones.

    - a recognised name the rules missed is added ("Malindi", "Embraer", "the Bergen Museum");
    - a recognised name that contains a rule-found one and more is taken whole ("King George Island" over
      "George Island" read as a king's name), unless the rules found a person by an office before the name;
    - where both found the same span, a kind the rules only guessed (a person with no office, a place from a
      preposition) yields to the recogniser's; otherwise the rules' cue wins, and the source says "disputed".
    """
    found: list[Entity] = []
    pattern = registry.names_pattern()
    if pattern is None:
        return entities
    for m in pattern.finditer(sentence):
        text = m.group(0)
        typed = recognised_kind(text, registry.names[text], registry)
        if typed:
            kind, role, canonical = typed
            found.append(
                Entity(m.start(), m.end(), text, kind, role=role, canonical=canonical, source="recogniser")
            )
    if not found:
        return entities
    result = list(entities)
    for name in sorted(found, key=lambda e: e.start - e.end):  # longest first
        overlapping = [e for e in result if e.start < name.end and name.start < e.end]
        if not overlapping:
            result.append(name)
            continue
        if len(overlapping) == 1 and (overlapping[0].start, overlapping[0].end) == (name.start, name.end):
            rule = overlapping[0]
            result[result.index(rule)] = _agree(rule, name)
            continue
        inside = all(name.start <= e.start and e.end <= name.end for e in overlapping)
        cued_person = any(
            e.kind is AnswerType.PERSON and e.role and e.source != "recogniser" for e in overlapping
        )
        if inside and not cued_person and name.kind is not AnswerType.PERSON:
            for e in overlapping:
                result.remove(e)
            result.append(
                replace(
                    name, source="disputed" if any(e.kind is not name.kind for e in overlapping) else "both"
                )
            )
    return sorted(result, key=lambda e: e.start)


def _agree(rule: Entity, name: Entity) -> Entity:
    if rule.kind is name.kind or (rule.kind is AnswerType.COUNTRY and name.kind is AnswerType.PLACE):
        return replace(rule, source="both")
    # a person read from two capitalised words with no office, or a name of no kind, is the rules' guess;
    # a place after "in"/"at" is a cue the small recogniser often misreads ("stationed in Otar": ORG)
    guessed = (rule.kind is AnswerType.PERSON and not rule.role) or rule.kind is AnswerType.OTHER
    if guessed:
        return replace(name, source="disputed")
    return replace(rule, source="disputed")
