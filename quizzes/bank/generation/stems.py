"""What a question stem asks for, read from its wh-phrase.

"In which Azerbaijani city does Poland have an embassy?" asks for a place (a city) in Azerbaijan;
"Which Polish president visited …" for a person holding the office of president, of Poland;
"Which military alliance …" for an organisation that is an alliance. A stem whose wh-phrase does
not fit the answer's type is not used, and distractors keep to what the wh-phrase names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from facts.extraction.types import AnswerType
from facts.language.text import fold
from facts.language.verbs import AUXILIARIES
from quizzes.bank.generation.nations import country_of_word, is_demonym_compound


def words_of(text: str) -> frozenset[str]:
    """A word list written as one string, for the long lexicons below."""
    return frozenset(text.split())


PLACE_NOUNS = words_of(
    "city town village place capital region province river lake island mountain site settlement district "
    "area location port sea oblast republic territory valley peninsula coast county municipality"
)
COUNTRY_NOUNS = words_of("country nation state power kingdom empire khanate republic")
DATE_NOUNS = words_of("year date month day decade century period time era season")
NUMBER_NOUNS = words_of("number percentage percent share proportion amount sum figure total quantity")
ORDINAL_NOUNS = words_of("rank position anniversary ranking")
ORG_NOUNS = words_of(
    "organisation organization body alliance union council commission ministry company airline army "
    "regiment division corps university school college academy institute institution agency bank party "
    "committee centre center police service government parliament association firm enterprise venture "
    "unit battalion brigade fleet navy bloc league community fund court office department works post "
    "corporation"
)
PERSON_NOUNS = words_of(
    "person man woman president premier minister ambassador chairman chairwoman marshal general engineer "
    "architect statesman stateswoman writer poet painter composer scientist officer diplomat explorer "
    "politician king queen emperor empress priest pope leader head member founder author consul envoy "
    "commander ruler chancellor secretary senator governor mayor speaker deputy representative translator "
    "artist musician prince princess duke tsar sultan khan shah monarch admiral colonel soldier hero scholar "
    "historian philosopher journalist activist bishop niece nephew wife husband son daughter father mother "
    "citizen national native migrant inventor businessman physician professor figure chief"
)
_ALL_NOUNS = (
    PLACE_NOUNS | COUNTRY_NOUNS | DATE_NOUNS | NUMBER_NOUNS | ORDINAL_NOUNS | ORG_NOUNS | PERSON_NOUNS
)
# Person nouns that name no office: "which member", "which prominent figure".
GENERIC_PERSON = words_of(
    "person man woman member figure citizen national native one individual statesman politician leader "
    "personality official"
)
# Words that qualify the head noun without changing what is asked.
_MODIFIERS = words_of(
    "other former then first second third last prominent ethnic famous late current future only sole main "
    "new old early another two three the a an"
)
_WH = re.compile(r"\b(who|whom|whose|when|where|how many|how much|which|what)\b", re.IGNORECASE)
_STOP = words_of(
    "that who whom which whose to for from with by at on during after before since until as into than and or"
)


@dataclass(frozen=True, slots=True)
class WhPhrase:
    """The wh-phrase of a stem: ``word`` ("which"), the folded ``noun`` phrase it asks for ("prime
    minister", "military alliance", "city"), the ``country`` it names ("Polish city", "city in Peru"),
    and the ``category`` of answer that fits (person, place, country, date, number, ordinal,
    organisation, other; "" when the noun says nothing)."""

    word: str
    noun: str
    country: str | None
    category: str

    @property
    def head(self) -> str:
        """The noun's head word, singular: "minister" for "prime minister of Peru"."""
        return _head_word(self.noun.split())


def singular(word: str) -> str:
    """ "architects" → "architect", "cities" → "city"; leaves "corps", "works", "news" alone."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith(("ss", "us", "os", "corps", "works")) and len(word) > 3:
        return word[:-1]
    return word


@lru_cache(maxsize=4096)
def read_wh(stem: str) -> WhPhrase | None:
    """The first wh-phrase of ``stem``, or None when it has none."""
    m = _WH.search(stem)
    if m is None:
        return None
    word = fold(m.group(1))
    if word not in ("which", "what"):
        return WhPhrase(word, "", None, _WORD_CATEGORY[word])
    tokens = stem[m.end() :].split()
    if (
        len(tokens) > 1
        and fold(tokens[0]) in ("was", "is", "were", "are")
        and fold(tokens[1]) in ("the", "a", "an")
    ):
        tokens = tokens[1:]  # "What was the only company …": the noun follows the article
    noun_words, country = _noun_phrase(tokens)
    noun = " ".join(noun_words)
    return WhPhrase(word, noun, country, _category(noun_words))


_WORD_CATEGORY = {
    "who": "person",
    "whom": "person",
    "whose": "person",
    "when": "date",
    "where": "place",
    "how many": "number",
    "how much": "number",
}


def _noun_phrase(tokens: list[str]) -> tuple[list[str], str | None]:
    """The folded words of the noun phrase after "which" (modifiers and nationality taken out), and
    the country it names: before the noun ("Polish city") or in a trailing "of/in <Country>"."""
    words: list[str] = []
    country: str | None = None
    seen_noun = False  # a head noun the lists know ends the phrase unless "of"/"in" follows
    i = 0
    while i < len(tokens) and len(words) < 8:
        raw = tokens[i]
        bare = raw.strip(',.;:?!()"“”')
        low = fold(bare)
        if low in ("of", "in") and (words or country):
            chain, found, used = _of_chain(tokens[i + 1 :])
            if not chain and not found:
                break
            if found and (low == "in" or not chain):
                country = country or found
            else:
                words += [low, *chain]
            i += 1 + used
            if tokens[i - 1].endswith((",", ";", ":", "?")) or not _continues(tokens, i):
                break
            continue
        if not bare or low in AUXILIARIES or low in _STOP and not (low == "and" and not seen_noun):
            break
        if seen_noun and (_looks_like_verb(low) or singular(low) not in _ALL_NOUNS):
            break
        pair = f"{bare} {tokens[i + 1].strip(',?')}" if i + 1 < len(tokens) else ""
        if pair and bare[:1].isupper() and country_of_word(pair):
            country = country or country_of_word(pair)  # "North Korean"
            i += 2
            continue
        if bare[:1].isupper() and is_demonym_compound(bare):
            country = country or country_of_word(bare.split("-")[0])
            if _is_last_noun(tokens, i):
                words.append(low)  # "which Pole", "which Azerbaijani": the nationality is the noun
                seen_noun = True
        elif low not in _MODIFIERS or words:
            words.append(low)
            seen_noun = seen_noun or singular(low) in _ALL_NOUNS
        i += 1
        if raw.endswith((",", ";", ":", "?")) or (words and not _continues(tokens, i)):
            break
    return words, country


def _is_last_noun(tokens: list[str], i: int) -> bool:
    """Whether the nationality at ``tokens[i]`` ends the noun phrase (so it is the noun itself)."""
    if tokens[i].endswith((",", "?")) or i + 1 >= len(tokens):
        return True
    following = fold(tokens[i + 1].strip(",?"))
    return following in AUXILIARIES or following in _STOP or _looks_like_verb(following)


def _continues(tokens: list[str], i: int) -> bool:
    """Whether the noun phrase goes on at ``tokens[i]`` (a verb or auxiliary ends it)."""
    if i >= len(tokens):
        return False
    low = fold(tokens[i].strip(",.;:?!"))
    return (
        low not in AUXILIARIES
        and low not in _STOP
        and not _looks_like_verb(low)
        or low in ("of", "in", "and")
    )


def _looks_like_verb(word: str) -> bool:
    """A past or third-person verb after the noun: "which Pole founded", "which airline operates"."""
    if word in PERSON_NOUNS or word in ORG_NOUNS or word in PLACE_NOUNS:
        return False
    return bool(re.fullmatch(r"[a-z]+(?:ed|es)", word)) or word in (
        "met",
        "led",
        "held",
        "took",
        "sent",
        "won",
    )


def _of_chain(tokens: list[str]) -> tuple[list[str], str | None, int]:
    """Read "(the) Sejm", "Foreign Affairs", "Peru" after "of"/"in": capitalised words only.

    Returns the chain's folded words (empty when it is a country), the country it names, and how
    many tokens it used.
    """
    taken: list[str] = []
    used = 0
    for raw in tokens:
        bare = raw.strip(",.;:?!()")
        if fold(bare) == "the" and not taken:
            used += 1
            continue
        if not bare[:1].isupper():
            break
        taken.append(bare)
        used += 1
        if raw.endswith((",", ";", ":", "?")):
            break
    if not taken:
        return [], None, 0
    whole = " ".join(taken)
    country = country_of_word(whole)
    if country:
        return [], country, used
    prefix = ["the"] if used > len(taken) else []
    return prefix + [fold(t) for t in taken], None, used


def _head_word(noun_words: list[str]) -> str:
    """The last word before any "of …"/"in …" chain, singular: "minister" in "prime minister of Peru"."""
    core = re.split(r" (?:of|in) ", " ".join(noun_words))[0].split()
    return singular(core[-1]) if core else ""


def _category(noun_words: list[str]) -> str:
    """The kind of answer a noun phrase asks for, from its head word."""
    head = _head_word(noun_words)
    if not head:
        return ""
    if is_demonym_compound(head):
        return "person"
    for nouns, category in (
        (DATE_NOUNS, "date"),
        (NUMBER_NOUNS, "number"),
        (ORDINAL_NOUNS, "ordinal"),
        (PERSON_NOUNS, "person"),
        (ORG_NOUNS, "organisation"),
        (COUNTRY_NOUNS, "country"),
        (PLACE_NOUNS, "place"),
    ):
        if head in nouns:
            return category
    return ""


# What each answer type may be asked as; "" (a noun the lists do not know) fits anything but a
# question word that names another type ("who", "when", "how many").
_FITS: dict[AnswerType, frozenset[str]] = {
    AnswerType.PERSON: frozenset(["person"]),
    AnswerType.PLACE: frozenset(["place"]),
    AnswerType.COUNTRY: frozenset(["country", "place"]),
    AnswerType.ORGANISATION: frozenset(["organisation"]),
    AnswerType.DATE: frozenset(["date"]),
    AnswerType.NUMBER: frozenset(["number"]),
    AnswerType.ORDINAL: frozenset(["ordinal", "number"]),
    AnswerType.OTHER: frozenset(["other", "country", "place", "organisation"]),
}


def stem_fits(stem: str, answer_type: AnswerType, *, year: bool = False) -> bool:
    """Whether the stem's wh-phrase asks for an answer of ``answer_type`` (and for a year, with ``year``).

    "In which Azerbaijani city …" does not fit a person; "In which month and year …" does not fit a
    question whose answer is typed as a year.
    """
    wh = read_wh(stem)
    if wh is None:
        return False
    if year:
        return wh.word in ("which", "what") and wh.head == "year" and "month" not in wh.noun.split()
    if answer_type is AnswerType.ORDINAL and wh.word == "where" and re.search(r"\brank\b", stem):
        return True  # "Where did X rank among …"
    if wh.head in ("republic", "state") and answer_type in (AnswerType.PLACE, AnswerType.COUNTRY):
        return True  # "which Soviet republic", "which state": a country or a part of one
    if not wh.category:
        return True
    return wh.category in _FITS.get(answer_type, frozenset())
