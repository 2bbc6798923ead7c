"""Tiny English helpers: spotting finite verbs, their base forms, singular nouns, agreement fixes.

They are heuristics sized for encyclopaedic prose (past tense, third person), used to split
clauses, to rewrite a plural claim about a list into one claim per item, and to turn a
statement into a question ("Poland recognised X on D" → "On what date did Poland recognise X?").
"""

from __future__ import annotations

import re

AUXILIARIES = frozenset(
    [
        "is",
        "are",
        "was",
        "were",
        "has",
        "have",
        "had",
        "does",
        "do",
        "did",
        "will",
        "would",
        "can",
        "could",
        "may",
        "might",
        "must",
        "shall",
        "should",
    ]
)
IRREGULAR_PAST = {
    "went": "go", "met": "meet", "became": "become", "took": "take", "fell": "fall", "held": "hold", "paid": "pay",
    "wrote": "write", "began": "begin", "made": "make", "gave": "give", "sent": "send", "lost": "lose", "won": "win",
    "fought": "fight", "stood": "stand", "rose": "rise", "left": "leave", "kept": "keep", "saw": "see", "led": "lead",
    "built": "build", "brought": "bring", "grew": "grow", "shot": "shoot", "came": "come", "found": "find",
    "sold": "sell", "bought": "buy", "spent": "spend", "told": "tell", "said": "say", "ran": "run", "broke": "break",
    "chose": "choose", "drew": "draw", "flew": "fly", "forgot": "forget", "froze": "freeze", "hid": "hide",
    "knew": "know", "lay": "lie", "meant": "mean", "rode": "ride", "rang": "ring", "sang": "sing", "sat": "sit",
    "slept": "sleep", "spoke": "speak", "struck": "strike", "swore": "swear", "taught": "teach", "threw": "throw",
    "understood": "understand", "wore": "wear", "withdrew": "withdraw", "overthrew": "overthrow", "signed": "sign", "died": "die", "lied": "lie", "tied": "tie",
}  # fmt: skip
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
    """The infinitive of a past or 3rd-person present verb, or None when unsure."""
    lower = verb.lower()
    if lower in IRREGULAR_PAST:
        return IRREGULAR_PAST[lower]
    if lower in PRESENT_VERBS:
        return lower[:-2] if lower.endswith(("ches", "shes", "sses", "xes")) else lower[:-1]
    if not lower.endswith("ed") or len(lower) < 5:
        return None
    if lower.endswith("ied"):
        return lower[:-3] + "y"
    stem = lower[:-2]
    if len(stem) > 3 and stem[-1] == stem[-2] and stem[-1] not in "lsfz":
        return stem[:-1]  # stopped → stop
    if stem.endswith("ll") and len(stem) > 5:
        return stem[:-1]  # totalled → total, expelled → expel
    if stem.endswith(("er", "en", "on", "om", "it", "et", "ow", "ew", "ay", "ey", "oy", "ain", "eal", "oin")):
        return stem
    if stem[-1] == "u":
        return stem + "e"  # continued → continue
    if stem[-1] == "e":
        return stem
    if stem.endswith("cus"):
        return stem  # focused → focus
    if stem.endswith(("is", "ns", "ps", "ls")) and not stem.endswith("ss"):
        return stem + "e"  # British -ised (recognised → recognise), licensed → license, collapsed → collapse
    if stem.endswith(
        (
            "at",
            "iz",
            "ys",
            "ov",
            "iv",
            "av",
            "ev",
            "ag",
            "ud",
            "ac",
            "ic",
            "os",
            "as",
            "us",
            "ut",
            "ur",
            "ar",
            "ir",
            "ad",
            "ud",
            "id",
            "it",
            "ot",
            "ag",
            "ng",
            "rs",
            "ib",
            "ot",
            "lv",
            "rv",
            "dg",
            "nc",
            "rc",
            "ap",
            "ok",
            "in",
            "as",
        )
    ):
        if stem.endswith(("ad", "id")) and len(stem) > 2 and stem[-3] in _VOWELS:
            return stem  # avoided, loaded
        if stem.endswith(("ar", "ir", "in")) and len(stem) > 2 and stem[-3] in _VOWELS:
            return stem  # appeared, gained, repaired
        if stem.endswith(("ng", "ud")) and not stem.endswith(("ang", "ung", "ong", "lud", "ud")):
            return stem
        return stem + "e"
    return stem


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
