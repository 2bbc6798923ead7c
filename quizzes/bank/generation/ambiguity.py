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
from dataclasses import dataclass, field
from functools import lru_cache
from os.path import commonprefix

from facts.extraction.types import AnswerType, FactData
from facts.language.dates import MONTHS
from facts.language.numbers import QUALIFIERS, SCALES
from facts.language.text import fold
from quizzes.bank.generation.basecache import per_base
from quizzes.bank.generation.countries import canonical_country, country_names
from quizzes.bank.generation.ordinals import parse_ordinal

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


@dataclass(frozen=True, slots=True)
class ClaimIndex:
    """The fact base's statements as token sets, with postings so a check reads only likely holders.

    ``postings`` maps a token (with implied coarser times) to the statements holding it;
    ``prefixes`` maps the first three characters of any token or proper name to the statements
    holding one, which is all a loose name match (:func:`_same_name`) can need.
    """

    statements: tuple[str, ...]
    expanded: tuple[frozenset[str], ...]
    names: tuple[frozenset[str], ...]
    postings: dict[str, frozenset[int]]
    prefixes: dict[str, frozenset[int]]
    everything: frozenset[int]
    supports: dict[_Frame, frozenset[int]] = field(default_factory=dict)

    def support(self, frame: _Frame) -> frozenset[int]:
        """Statements that hold every anchor of ``frame`` and a look-alike of each of its names.

        Only these can back a candidate as also true, whatever the candidate is.
        """
        known = self.supports.get(frame)
        if known is not None:
            return known
        found = self.everything
        for anchor in sorted(frame.anchors):
            found = found & self.postings.get(anchor, _NOTHING)
        for name in sorted(frame.names):
            found = found & self.prefixes.get(name[:3], _NOTHING)
        self.supports[frame] = found
        return found


_NOTHING: frozenset[int] = frozenset()


def _build_claim_index(base: tuple[FactData, ...]) -> ClaimIndex:
    # Only the text of a statement matters, so a statement repeated in several documents is read once.
    statements = tuple(dict.fromkeys(f.statement for f in base))
    expanded = tuple(_expand(claim_tokens(s)) for s in statements)
    names = tuple(name_tokens(s) for s in statements)
    postings: dict[str, set[int]] = {}
    prefixes: dict[str, set[int]] = {}
    for position, (tokens, proper) in enumerate(zip(expanded, names, strict=True)):
        for token in tokens:
            postings.setdefault(token, set()).add(position)
        for token in tokens | proper:
            prefixes.setdefault(token[:3], set()).add(position)
    return ClaimIndex(
        statements,
        expanded,
        names,
        {t: frozenset(p) for t, p in postings.items()},
        {t: frozenset(p) for t, p in prefixes.items()},
        frozenset(range(len(statements))),
    )


claim_index = per_base(_build_claim_index)


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
    prefix = len(commonprefix([a, b]))
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


@dataclass(frozen=True, slots=True)
class _Frame:
    """What a question on a fact claims, minus its answer: the part every candidate is checked against."""

    anchors: frozenset[str]  # dates, years, numbers and ordinals the claim is pinned to
    words: frozenset[str]  # its other tokens
    names: frozenset[str]  # proper names it mentions
    predicate: frozenset[str]  # what it says of them: words that are neither names nor light words
    own: frozenset[str]  # the fact's own statement, coarser times included


@lru_cache(maxsize=4096)
def _frame(statement: str, answer: str, role: str, prompt: str) -> _Frame:
    if prompt:
        role_words = claim_tokens(role) if role else frozenset()
        frame = claim_tokens(prompt) - _QUESTION_WORDS - role_words
        our_names = name_tokens(prompt)
    else:
        frame = frame_tokens(statement, answer)
        our_names = name_tokens(statement) - name_tokens(answer)
    anchors = frozenset(t for t in frame if _is_anchor(t))
    words = frame - anchors
    predicate = words - our_names - _LIGHT_WORDS
    return _Frame(anchors, words, our_names, predicate, _expand(claim_tokens(statement)))


def is_also_true(
    candidate: str, fact: FactData, fact_base: Sequence[FactData], prompt: str | None = None
) -> bool:
    """Whether the fact base supports ``candidate`` as an answer to a question on ``fact``.

    With ``prompt``, the claim is what the prompt says (what a learner can go by); without it,
    the fact's statement minus its answer. The fact itself counts too: a candidate named in the
    fact's own statement ("the second largest group" when asking for "ninth") would confuse.
    Only statements that share the claim's anchors and names, and hold the candidate, are read.
    """
    frame = _frame(fact.statement, fact.answer, fact.role, prompt or "")
    cand = claim_tokens(candidate)
    if not cand:
        return False
    # The index covers the base alone (so one index serves every fact of it); the fact is added here.
    index = claim_index(fact_base)
    support = index.support(frame)
    holders = support.intersection(*(index.postings.get(t, _NOTHING) for t in cand))
    surname = _person_surname(candidate) if fact.answer_type is AnswerType.PERSON else None
    if surname is not None:
        holders |= support & index.postings.get(surname, _NOTHING)
    names_it = cand <= frame.own or (surname is not None and surname in frame.own)
    readings = [(index.expanded[p], index.names[p]) for p in sorted(holders)]
    if names_it:
        readings.insert(0, (frame.own, name_tokens(fact.statement)))
    cand_times = _expand(cand)
    return any(_supports(frame, expanded, names, cand_times) for expanded, names in readings)


def _supports(frame: _Frame, expanded: frozenset[str], names: frozenset[str], cand: frozenset[str]) -> bool:
    """Whether one statement (as tokens) says the frame's claim with the candidate in the gap."""
    if not frame.anchors <= expanded:
        return False
    theirs = (expanded | names) - cand
    if not all(any(_same_name(name, t) for t in theirs) for name in frame.names):
        return False
    missing = [word for word in frame.predicate if not any(_similar(word, t) for t in theirs)]
    if not missing:
        return True
    # One word of ours unsaid is tolerated when theirs says nothing else either: "Poland recognised
    # X on <date>" supports "Which country's independence did Poland recognise on <date>?", but
    # "… signed a double tax agreement in 1998" does not answer "… signed an agreement on tourism".
    their_words = {t for t in theirs if not _is_anchor(t)} - names - _LIGHT_WORDS
    extras = [t for t in their_words if not any(_similar(t, w) for w in frame.words)]
    return len(missing) == 1 and not extras


def support_tokens(
    fact: FactData, fact_base: Sequence[FactData], prompt: str | None = None
) -> frozenset[str]:
    """Every token of the statements that could back some answer to the question (the fact's too).

    A candidate none of whose tokens is here cannot be also true, so callers that try many
    candidates (every year the base names) need only try those found here.
    """
    frame = _frame(fact.statement, fact.answer, fact.role, prompt or "")
    index = claim_index(fact_base)
    found = set(frame.own)
    for position in index.support(frame):
        found |= index.expanded[position]
    return frozenset(found)


def _similar(a: str, b: str) -> bool:
    """Same stem, or a long shared start ("recognis" / "recognition")."""
    if a == b:
        return True
    prefix = len(commonprefix([a, b]))
    return prefix >= 5 and prefix >= max(len(a), len(b)) - 4
