"""Split a sentence into clauses that each carry one event, restoring verbs that were left out.

"The embassy of Poland opened in Azerbaijan on August 23, 2001, and the Azerbaijani Embassy in
Poland on August 30, 2004" becomes two clauses, the second given back its verb ("opened").
"""

from __future__ import annotations

import re

from .grammar import find_verb
from .rules.enumerations import enumeration_claims

_SPLIT_RE = re.compile(
    r",\s+(?:and|but|while|whereas)\s+|;\s+|:\s+|\s+and\s+(?=(?:he|she|they|it|then)\s)|,\s+and\s+|\s+and\s+(?=(?:in|on)\s+\S*\d)"
    r"|(?P<bare>\s+and\s+)(?=(?:the\s+)?[A-Z]|the\s)"
)
_PREPOSITIONS = frozenset(
    [
        "in",
        "on",
        "at",
        "to",
        "from",
        "by",
        "with",
        "for",
        "of",
        "into",
        "during",
        "after",
        "before",
        "since",
        "as",
    ]
)
_RESPECTIVELY_TAIL = re.compile(r",?\s+respectively\b")


def _has_verb(text: str) -> bool:
    return find_verb(text.split()) is not None


def _gapped(previous: str, fragment: str) -> str | None:
    """Give a verbless fragment the verb phrase of the clause before it, placed after its subject."""
    words = previous.split()
    verb = find_verb(words)
    if verb is None:
        return None
    end = verb + 1
    while end < len(words) and words[end].lower() not in _PREPOSITIONS:
        end += 1
    verb_phrase = " ".join(words[verb:end])
    frag_words = fragment.split()
    cut = next((i for i, w in enumerate(frag_words) if w.lower() in _PREPOSITIONS), None)
    if not cut:
        return None
    return " ".join(frag_words[:cut] + [verb_phrase] + frag_words[cut:])


def split_clauses(sentence: str) -> list[str]:
    """Clauses of ``sentence``, each with its own subject and verb where the text allows it.

    A split happens only when both sides have a verb, or the right side is a verbless gap
    ("..., and the Azerbaijani Embassy in Poland on August 30, 2004") that can borrow one.
    A "respectively" sentence is kept whole: its lists are paired up by another rule.
    """
    sentence = sentence.strip()
    if enumeration_claims(sentence.rstrip(".")):
        return [sentence.rstrip(".").strip()]  # "…: A (1968); B (2008)": the semicolons separate list items
    if _RESPECTIVELY_TAIL.search(sentence):
        head, tail = _split_respectively(sentence)
        lead, colon, listed = head.partition(": ")
        verb = find_verb(listed.split()) if colon else None
        heads = [lead, listed] if verb and _has_verb(lead) else [head]
        if tail and not _has_verb(tail):  # "…, and President D on a state visit in 2017": borrow "visited X"
            tail = _gapped(_RESPECTIVELY_TAIL.sub("", heads[-1]), tail) or tail
        return [*heads, *split_clauses(tail)] if tail else heads
    clauses: list[str] = []
    rest = sentence
    while True:
        match = next((m for m in _SPLIT_RE.finditer(rest) if _acceptable(rest, m)), None)
        if match is None:
            clauses.append(rest)
            break
        left, right = rest[: match.start()], rest[match.end() :]
        clauses.append(left)
        if not _has_verb(right):
            right = _gapped(left, right) or right
        rest = right
    return [c.strip().rstrip(".").strip() for c in clauses if c.strip()]


def _acceptable(text: str, match: re.Match[str]) -> bool:
    left, right = text[: match.start()], text[match.end() :]
    if re.match(r"(?:the\s+)?\w+\s+(?:largest|biggest|smallest|highest|lowest)\b", right):
        return False  # "…, and the 18th largest in 2024": a ranking list, read by the ordinal rule
    if not _has_verb(left):
        return False
    verb = find_verb(right.split())
    if match.group("bare"):  # "Chile opened a consulate and Norway apologised": a new subject and verb
        return verb is not None and 0 < verb <= 4
    if match.group(0).startswith(":"):
        return verb is not None and verb > 0  # "…: Polish presidents A and B visited …" is a clause
    if verb is not None and verb > 0:
        return True
    if verb == 0:
        return False  # "…, and offered …": the same subject goes on; one clause
    has_dates = bool(re.search(r"\d{4}", right)) and bool(re.search(r"\d{4}", left))
    short = len(right.split()) <= 6
    return (has_dates or short) and _gapped(left, right) is not None


def _split_respectively(sentence: str) -> tuple[str, str]:
    """Keep "…, respectively" with its lists; what follows ", and …" is a clause of its own."""
    m = _RESPECTIVELY_TAIL.search(sentence)
    assert m is not None
    head = sentence[: m.end()]
    tail = sentence[m.end() :].strip()
    tail = re.sub(r"^[,;]?\s*(?:and\s+)?", "", tail).rstrip(".")
    return head, tail
