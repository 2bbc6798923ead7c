"""Tiny English helpers: spotting finite verbs, their base forms, singular nouns, agreement fixes.

They are heuristics sized for encyclopaedic prose (past tense, third person), used to split
clauses, to rewrite a plural claim about a list into one claim per item, and to turn a
statement into a question ("Poland recognised X on D" → "On what date did Poland recognise X?").
"""

from __future__ import annotations

import re

from facts.language import verbs
from facts.language.verbs import AUXILIARIES, IRREGULAR_PAST

__all__ = ["AUXILIARIES", "base_form", "find_verb", "is_finite_verb", "sentence_case", "singular"]

PRESENT_VERBS = frozenset(
    [
        "maintains",
        "remains",
        "supports",
        "marks",
        "shows",
        "operates",
        "continues",
        "provides",
        "regards",
        "refers",
        "consists",
        "lies",
        "holds",
        "exists",
        "includes",
        "shares",
        "borders",
        "hosts",
        "belongs",
        "participates",
        "cooperates",
        "sends",
        "receives",
    ]
)
_NOT_VERBS_ED = frozenset(
    [
        "red",
        "bed",
        "need",
        "seed",
        "speed",
        "feed",
        "hundred",
        "united",
        "indeed",
        "based",
        "related",
        "limited",
    ]
)
_VOWELS = "aeiou"


def is_finite_verb(word: str, previous: str = "") -> bool:
    """Does ``word`` look like the finite verb of a clause (in past or present tense)?"""
    lower = word.lower().strip(",.;:")
    if word[:1].isupper() and previous:
        return False  # mid-sentence capitals are names or months ("in May 2002"), never verbs
    if lower in AUXILIARIES or lower in IRREGULAR_PAST or lower in PRESENT_VERBS:
        return True
    if not lower.endswith("ed") or "-" in lower or lower in _NOT_VERBS_ED or word[:1].isupper():
        return False
    return previous.lower() not in {
        "the",
        "a",
        "an",
        "its",
        "their",
        "his",
        "her",
        "of",
        "and",
        "most",
        "very",
    }


def find_verb(words: list[str]) -> int | None:
    """Index of the first finite verb in ``words``, or None."""
    for i, word in enumerate(words):
        if is_finite_verb(word, words[i - 1] if i else ""):
            return i
    return None


def base_form(verb: str) -> str | None:
    """The infinitive of a past or 3rd-person present verb, or None when ``verb`` does not look like one.

    The forms themselves come from the language layer's one verb table (``facts.language.verbs``).
    """
    lower = verb.lower()
    if lower in IRREGULAR_PAST or lower in PRESENT_VERBS or (lower.endswith("ed") and len(lower) >= 5):
        return verbs.base_form(lower)
    return None


def singular(noun: str) -> str:
    """A plural noun's singular: agreements → agreement, centres → centre, families → family."""
    lower = noun.lower()
    if lower.endswith("ies") and len(noun) > 4:
        return noun[:-3] + ("Y" if noun.isupper() else "y")
    if lower.endswith(("sses", "ches", "shes", "xes")):
        return noun[:-2]
    if lower.endswith("s") and not lower.endswith(("ss", "us", "is")):
        return noun[:-1]
    return noun


def indefinite(phrase: str) -> str:
    """'a' or 'an' before ``phrase``."""
    return "an" if phrase[:1].lower() in _VOWELS else "a"


def make_singular_agreement(text: str) -> str:
    """After replacing a plural subject with one item, fix the verb: were → was, are → is, have → has."""
    for plural, single in (("were", "was"), ("are", "is"), ("have", "has")):
        text = re.sub(rf"\b{plural}\b", single, text, count=1)
    return text


def sentence_case(text: str) -> str:
    """Capitalise the first letter and end with a full stop, as a standalone statement should."""
    text = text.strip().rstrip(",;:")
    if not text:
        return text
    text = text[0].upper() + text[1:]
    return text if text.endswith((".", "!", "?", '"', "”")) else text + "."
