"""Is a would-be distractor also a true answer according to the fact base?

A question keeps the claim of its fact minus the answer: "Poland recognised ___ on 27 December
1991". A candidate option is *also true* when some fact in the base states that same claim with the
candidate in the gap ("Poland recognized Azerbaijan's independence on December 27, 1991"). Claims are
compared as bags of normalised tokens, not as strings, so that different wordings of one claim
match: spellings are folded ("recognised"/"recognized"), dates and numbers become canonical tokens
("27 December 1991" and "December 27, 1991" are both ``d1991-12-27``), and a less precise time in
the question ("in 2007") is satisfied by a more precise one in the base ("on 3 May 2007").

The test errs on the side of "also true": a false alarm costs one candidate distractor, a miss puts
a second right answer among the options.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

from facts.extraction.types import AnswerType, FactData
from quizzes.generation.countries import canonical_country, country_names
from quizzes.generation.dates import MONTHS
from quizzes.generation.numbers import QUALIFIERS, SCALES
from quizzes.generation.ordinals import parse_ordinal
from quizzes.generation.text import fold

_STOPWORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "in",
        "on",
        "at",
        "to",
        "for",
        "from",
        "by",
        "with",
        "as",
        "and",
        "or",
        "but",
        "nor",
        "so",
        "than",
        "then",
        "that",
        "which",
        "who",
        "whom",
        "whose",
        "this",
        "these",
        "those",
        "it",
        "its",
        "they",
        "them",
        "their",
        "he",
        "him",
        "his",
        "she",
        "her",
        "we",
        "our",
        "you",
        "your",
        "i",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "am",
        "has",
        "have",
        "had",
        "do",
        "does",
        "did",
        "will",
        "would",
        "shall",
        "should",
        "can",
        "could",
        "may",
        "might",
        "must",
        "there",
        "here",
        "also",
        "still",
        "only",
        "just",
        "both",
        "either",
        "neither",
        "each",
        "all",
        "some",
        "any",
        "such",
        "respectively",
        "same",
        "time",
        "very",
        "about",
        "over",
        "nearly",
        "almost",
        "around",
        "approximately",
        "roughly",
        "more",
        "less",
        "fewer",
        "under",
        "least",
        "most",
        "up",
        "into",
        "onto",
        "upon",
        "during",
        "after",
        "before",
        "since",
        "until",
        "between",
        "among",
        "against",
        "per",
        "via",
        "not",
        "no",
    ]
) | {q for q in QUALIFIERS if " " not in q}

_MONTH_ALT = "|".join(m.casefold() for m in MONTHS) + "|" + "|".join(m[:3].casefold() for m in MONTHS)
_MONTH_NUM = {m.casefold(): i + 1 for i, m in enumerate(MONTHS)} | {
    m[:3].casefold(): i + 1 for i, m in enumerate(MONTHS)
}
_DMY = re.compile(rf"\b(\d{{1,2}})\s+({_MONTH_ALT})\.?,?\s+(\d{{3,4}})\b")
_MDY = re.compile(rf"\b({_MONTH_ALT})\.?\s+(\d{{1,2}}),?\s+(\d{{3,4}})\b")
_MY = re.compile(rf"\b({_MONTH_ALT})\.?,?\s+(\d{{3,4}})\b")
_NUM = re.compile(
    r"(?<![\w.])(?:us\$|\$|€|£)?\s?(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?:\s?(thousand|million|billion|trillion|bn)\b)?(?!\w)"
)
_ORD = re.compile(r"\b(\d+(?:st|nd|rd|th)|[a-z]+(?:-[a-z]+)?)\b")
_WORD = re.compile(r"[a-z0-9§][a-z0-9§\-.]*[a-z0-9]|[a-z0-9]")


def _stem(word: str) -> str:
    """A crude stem so that "visited", "visits" and "visit" meet, and "recognised"/"recognized"."""
    word = word.replace("iz", "is")
    if word.endswith("'s"):
        word = word[:-2]
    if len(word) > 4:
        if word.endswith("ies"):
            return word[:-3] + "y"
        for suffix in ("ing", "ed", "es", "s"):
            if word.endswith(suffix) and not word.endswith("ss"):
                word = word[: -len(suffix)]
                break
    return word[:-1] if len(word) > 4 and word.endswith("e") else word


def _number_token(digits: str, scale: str | None) -> str:
    value = float(digits.replace(",", "")) * SCALES.get(scale or "", 1.0)
    return f"n{int(value)}" if value.is_integer() else f"n{value!r}"


@lru_cache(maxsize=8192)
def claim_tokens(text: str) -> frozenset[str]:
    """The normalised tokens of a claim: stems plus ``d``/``m``/``y`` date, ``n`` number, ``o`` ordinal tokens."""
    folded = fold(text).replace("'s ", " ").replace("s' ", "s ")
    tokens: set[str] = set()

    def mark(token: str) -> str:
        tokens.add(token)
        return " "

    folded = _DMY.sub(lambda m: mark(f"d{int(m[3]):04d}-{_MONTH_NUM[m[2]]:02d}-{int(m[1]):02d}"), folded)
    folded = _MDY.sub(lambda m: mark(f"d{int(m[3]):04d}-{_MONTH_NUM[m[1]]:02d}-{int(m[2]):02d}"), folded)
    folded = _MY.sub(lambda m: mark(f"m{int(m[2]):04d}-{_MONTH_NUM[m[1]]:02d}"), folded)

    def number(m: re.Match[str]) -> str:
        digits, scale = m[1], m[2]
        if (
            scale is None
            and "," not in digits
            and "." not in digits
            and len(digits) == 4
            and 1000 <= int(digits) <= 2100
        ):
            return mark(f"y{int(digits)}")
        if re.fullmatch(r"\d{3}", digits) and scale is None and int(digits) >= 500:
            tokens.add(f"y{int(digits)}")  # a three-digit figure may be an early year
        return mark(_number_token(digits, scale))

    folded = re.sub(r"(\d{4})\s*[-–]\s*(\d{4})", r"\1 \2", folded)
    folded = _NUM.sub(number, folded)
    for m in _ORD.finditer(folded):
        parsed = parse_ordinal(m[1])
        if parsed is not None:
            tokens.add(f"o{parsed.value}")
    for word in _WORD.findall(folded):
        if word not in _STOPWORDS and not word.isdigit():
            ordinal = parse_ordinal(word)
            if ordinal is None:
                tokens.add(_stem(word))
    return frozenset(tokens)


def _expand(tokens: Iterable[str]) -> frozenset[str]:
    """Add the coarser times implied by precise ones: a day implies its month and year."""
    out = set(tokens)
    for token in tokens:
        if token[0] == "d" and token[1:2].isdigit():
            out.add("m" + token[1:8])
            out.add("y" + str(int(token[1:5])))
        elif token[0] == "m" and token[1:2].isdigit():
            out.add("y" + str(int(token[1:5])))
    return frozenset(out)


def _is_anchor(token: str) -> bool:
    return token[0] in "dmyno" and token[1:2].isdigit()


def frame_tokens(statement: str, answer: str) -> frozenset[str]:
    """The claim with the answer taken out: what a question on this fact still says."""
    return claim_tokens(statement) - claim_tokens(answer)


def _person_surname(candidate: str) -> str | None:
    words = [w for w in re.findall(r"[a-z]+", fold(candidate)) if len(w) > 3]
    return _stem(words[-1]) if words else None


@lru_cache(maxsize=8192)
def countries_named(text: str) -> frozenset[str]:
    """The countries a text names outright ("Poland", "the DPRK"); adjectives like "Polish" do not count."""
    folded = f" {fold(text)} "
    found = set()
    for name in country_names():
        if f" {name} " in folded or f" {name}'" in folded or f" {name}," in folded or f" {name}." in folded:
            found.add(canonical_country(name) or name)
    return frozenset(found)


@lru_cache(maxsize=64)
def _index(statements: tuple[str, ...]) -> dict[str, frozenset[int]]:
    """Token → positions of the statements holding it (with implied coarser times), for fast look-ups."""
    postings: dict[str, set[int]] = {}
    for position, statement in enumerate(statements):
        for token in _expand(claim_tokens(statement)):
            postings.setdefault(token, set()).add(position)
    return {token: frozenset(positions) for token, positions in postings.items()}


_QUESTION_WORDS = frozenset(
    [
        "which",
        "what",
        "who",
        "whom",
        "whose",
        "where",
        "when",
        "how",
        "many",
        "much",
        "share",
        "did",
        "does",
        "do",
        "year",
        "years",
        "date",
        "month",
        "decade",
        "century",
        "rank",
        "among",
        "country",
        "countries",
        "city",
        "place",
        "organisation",
        "person",
    ]
)
_CAPITALISED = re.compile(r"(?<![\w'’])([A-ZÀ-Þ][\w\-’']*)")


@lru_cache(maxsize=8192)
def name_tokens(text: str) -> frozenset[str]:
    """Stems of the proper names in ``text`` (capitalised words), the first word only if it is a country."""
    names: set[str] = set()
    for m in _CAPITALISED.finditer(text):
        word = fold(m.group(1)).split("'")[0].split("’")[0]
        if m.start() == 0 and not countries_named(m.group(1)):
            continue
        if word and word not in _STOPWORDS and word not in _QUESTION_WORDS and not word[0].isdigit():
            names.add(_stem(word))
    return frozenset(names)


def _same_name(a: str, b: str) -> bool:
    """Loose match so that a country and its adjective meet: "poland"/"polish", "peru"/"peruvian"."""
    if a == b:
        return True
    prefix = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        prefix += 1
    return prefix >= 3 and prefix >= min(len(a), len(b)) - 3


# Words that change how a claim is worded but not what it claims: "paid an official visit" ≈ "visited".
_LIGHT_WORDS = frozenset(
    [
        "pay",
        "paid",
        "make",
        "made",
        "take",
        "took",
        "hold",
        "held",
        "give",
        "gave",
        "official",
        "offici",
        "state",
        "formal",
        "formally",
        "officially",
        "first",
        "former",
        "then",
        "several",
        "also",
        "present-day",
        "present",
        "later",
        "earlier",
    ]
)


def is_also_true(
    candidate: str, fact: FactData, fact_base: Sequence[FactData], prompt: str | None = None
) -> bool:
    """Whether the fact base supports ``candidate`` as an answer to a question on ``fact``.

    With ``prompt``, the claim is what the prompt says (what a learner can go by); without it,
    the fact's statement minus its answer. The fact itself counts too: a candidate named in the
    fact's own statement ("the second largest group" when asking for "ninth") would confuse.
    """
    if prompt:
        role_words = claim_tokens(fact.role) if fact.role else frozenset()
        frame = claim_tokens(prompt) - _QUESTION_WORDS - role_words
        our_names = name_tokens(prompt)
    else:
        frame = frame_tokens(fact.statement, fact.answer)
        our_names = name_tokens(fact.statement) - name_tokens(fact.answer)
    anchors = {t for t in frame if _is_anchor(t)}
    words = frame - anchors
    cand = claim_tokens(candidate)
    if not cand:
        return False
    # The index covers the base alone (so one index serves every fact of it); the fact is added here.
    statements = tuple(f.statement for f in fact_base)
    index = _index(statements)
    holders = frozenset.intersection(*(index.get(t, frozenset()) for t in cand))
    surname = _person_surname(candidate) if fact.answer_type is AnswerType.PERSON else None
    if surname is not None:
        holders |= index.get(surname, frozenset())
    predicate = words - our_names - _LIGHT_WORDS
    own = _expand(claim_tokens(fact.statement))
    names_it = cand <= own or (surname is not None and surname in own)
    for other in ((fact.statement,) if names_it else ()) + tuple(statements[p] for p in sorted(holders)):
        expanded = _expand(claim_tokens(other))
        if not anchors <= expanded:
            continue
        theirs = (expanded | name_tokens(other)) - _expand(cand)
        if not all(any(_same_name(name, t) for t in theirs) for name in our_names):
            continue
        missing = [word for word in predicate if not any(_similar(word, t) for t in theirs)]
        if not missing:
            return True
        # One word of ours unsaid is tolerated when theirs says nothing else either: "Poland recognised
        # X on <date>" supports "Which country's independence did Poland recognise on <date>?", but
        # "… signed a double tax agreement in 1998" does not answer "… signed an agreement on tourism".
        their_words = {t for t in theirs if not _is_anchor(t)} - name_tokens(other) - _LIGHT_WORDS
        extras = [t for t in their_words if not any(_similar(t, w) for w in words)]
        if len(missing) == 1 and not extras:
            return True
    return False


def _similar(a: str, b: str) -> bool:
    """Same stem, or a long shared start ("recognis" / "recognition")."""
    if a == b:
        return True
    prefix = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        prefix += 1
    return prefix >= 5 and prefix >= max(len(a), len(b)) - 4
