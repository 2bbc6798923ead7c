"""The quality gate: a finished stem is parsed again and refused unless a careful teacher would sign it off.

No question is better than a bad one. :func:`check_stem` returns ``None`` for a stem that is one
well-formed question, names enough context to be answered, uses only English words or words of its
own document, and does not contain its answer; otherwise it returns the reason it refuses, one of
:data:`REFUSAL_REASONS`. Generation records every refusal (see ``generate.generate``) so the content
bench can count them by reason.

The parse comes from ``facts.language.nlp`` (the one module that owns spaCy); parses are cached by
text, and :func:`prime` parses many texts in one batch first.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from wordfreq import zipf_frequency

from facts.language import nlp
from facts.language.text import fold

Doc = Any  # a spaCy doc: facts.language.nlp owns spaCy
Token = Any  # a spaCy token: facts.language.nlp owns spaCy

# Every reason a stem can be refused for, in the order the checks run.
REFUSAL_REASONS: tuple[str, ...] = (
    "not_a_question",  # does not end with one "?", or starts in lower case
    "several_sentences",  # the parser reads more than one sentence
    "no_finite_verb",  # nothing in it is a finite verb (a fragment)
    "not_interrogative",  # opens with neither a wh-phrase nor an auxiliary
    "misplaced_phrase",  # a phrase between the inverted auxiliary and the subject ("did soon after the war, X …")
    "broken_verb",  # do-support before a verb that is not in its base form ("did … became")
    "dangling_end",  # ends on a determiner, a conjunction, or a preposition the wh-phrase already has
    "vague_reference",  # a pronoun with nothing before it to refer to ("Which country refused to sign it?")
    "no_anchor",  # nothing beyond the wh-phrase names what is asked about
    "unknown_word",  # a word that is neither English nor in the document ("settl", "belonge")
    "broken_punctuation",  # empty or unbalanced quotes or brackets, a word cut at a hyphen ("-old")
    "gives_answer",  # the answer (accent- and case-folded) is in the stem
    "answer_kind",  # the recogniser never reads the answer as a name of its type (a "who" for a place)
)
# Generation adds only wh-words, auxiliaries and base forms of the statement's verbs, all common English
# words: a word that is in neither the document nor the statement's lemmas must be at least this frequent
# (Zipf 2: about once in ten million words) to be taken for English rather than a word cut short.
ENGLISH_ZIPF = 2.0

_WH_WORDS = frozenset({"who", "whom", "whose", "what", "which", "when", "where", "how", "why"})
_DO_FORMS = frozenset({"do", "does", "did"})
_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
# Clauses with their own subject or verb form: a finite verb inside them is not the question's own.
_CLAUSAL = frozenset({"relcl", "acl", "advcl", "ccomp", "csubj", "csubjpass", "pcomp", "xcomp", "parataxis"})
_DANGLING_TAGS = frozenset({"DT", "CC", "PRP$", "WDT", "TO", "POS"})
_VAGUE_PRONOUNS = frozenset({"it", "they", "them", "he", "him", "she", "her", "this", "these", "those"})
_ANCHOR_ENTITIES = frozenset(
    {"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "LANGUAGE"}
)
# Prepositions the tagger may read as adverbs when they end a stem ("… settle along?").
_PREPOSITIONS = frozenset(
    {"along", "across", "around", "through", "over", "past", "about", "after", "before", "since"}
)
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


@dataclass(frozen=True, slots=True)
class Refusal:
    """A stem the gate refused, and why (one of :data:`REFUSAL_REASONS`)."""

    reason: str
    stem: str
    statement: str = ""


_CACHE_SIZE = 16384
_parses: dict[str, Doc] = {}


def parse_cached(text: str) -> Doc:
    """The parse of ``text``, once per distinct text (a batch :func:`prime` ran, or parsed now)."""
    doc = _parses.get(text)
    if doc is None:
        doc = _remember(text, nlp.parse(text))
    return doc


def prime(texts: Iterable[str]) -> None:
    """Parse every text not parsed yet in one batch, so later :func:`parse_cached` calls are cache hits."""
    fresh = [t for t in dict.fromkeys(texts) if t and t not in _parses]
    for text, doc in zip(fresh, nlp.parse_many(fresh), strict=True):
        _remember(text, doc)


def _remember(text: str, doc: Doc) -> Doc:
    if len(_parses) >= _CACHE_SIZE:
        _parses.clear()
    _parses[text] = doc
    return doc


@lru_cache(maxsize=64)
def vocabulary(text: str) -> frozenset[str]:
    """The folded words of a document's text: a word found there is never "unknown"."""
    return frozenset(fold(w) for w in _WORD.findall(text))


def is_english(word: str) -> bool:
    return zipf_frequency(word, "en") >= ENGLISH_ZIPF


def check_stem(
    stem: str, *, answers: Sequence[str], context: str, known_words: frozenset[str] = frozenset()
) -> str | None:
    """``None`` when ``stem`` passes the gate, else the reason it is refused.

    ``answers`` are the ways the answer could be written; ``context`` is the fact's statement (an anchor
    must come from it); ``known_words`` are the folded words of the document (see :func:`vocabulary`).
    """
    text = stem.strip()
    if not text.endswith("?") or text.count("?") != 1 or not text[:1].isupper():
        return "not_a_question"
    doc = parse_cached(text)
    words = [t for t in doc if not t.is_punct and not t.is_space]
    if sum(1 for s in doc.sents if any(t.is_alpha for t in s)) > 1:
        return "several_sentences"
    if not any(_is_finite(t) for t in words):
        return "no_finite_verb"
    wh_end = _wh_phrase_end(words)
    if wh_end is None and not _aux_initial(words) and not _wh_in_situ(words):
        return "not_interrogative"
    if wh_end is not None and _misplaced_phrase(words, wh_end):
        return "misplaced_phrase"
    if _broken_verb(doc) or _who_without_verb(words, wh_end):
        return "broken_verb"
    if _dangling(words, wh_end):
        return "dangling_end"
    rest = words[wh_end or 0 :]
    if _vague_pronoun(rest):
        return "vague_reference"
    if not _anchored(rest, context):
        return "no_anchor"
    lemmas = {fold(t.lemma_) for t in parse_cached(context)} if context else set()
    for token in words:
        word = token.text
        unseen = _WORD.fullmatch(word) and fold(word) not in known_words and fold(word) not in lemmas
        if unseen and not is_english(word):
            return "unknown_word"
    if _broken_punctuation(text):
        return "broken_punctuation"
    for answer in answers:
        if answer.strip() and re.search(r"(?<!\w)" + re.escape(fold(answer)) + r"(?!\w)", fold(text)):
            return "gives_answer"
    return None


def refusal_counts(refusals: Iterable[Refusal]) -> Counter[str]:
    """How many stems were refused for each reason (every reason present, zero or not)."""
    counts: Counter[str] = Counter(dict.fromkeys(REFUSAL_REASONS, 0))
    counts.update(r.reason for r in refusals)
    return counts


def _is_finite(token: Token) -> bool:
    return token.tag_ in _FINITE_TAGS or "Fin" in token.morph.get("VerbForm")


def _wh_in_situ(words: list[Token]) -> bool:
    """ "Norway is a member of which alliance?": the wh-phrase stays where the answer stood."""
    return any(t.lower_ in ("which", "what") and t.dep_ == "det" for t in words[1:]) or (
        len(words) > 1 and words[-1].lower_ in ("whom", "what")
    )


def _misplaced_phrase(words: list[Token], wh_end: int) -> bool:
    """An inverted auxiliary must be followed by its subject, not by an adverb, a preposition or a comma."""
    if wh_end >= len(words) - 1 or words[wh_end].pos_ != "AUX" and words[wh_end].lower_ not in _DO_FORMS:
        return False
    doc = words[wh_end].doc
    after = doc[words[wh_end].i + 1]
    if after.i + 1 < len(doc) and doc[after.i + 1].pos_ == "NUM":
        return False  # "were over 62,000 Poles …": a quantifier of the subject
    return after.pos_ in ("ADV", "ADP", "SCONJ", "PUNCT") and after.lower_ not in ("not", "n't", "there")


def _wh_phrase_end(words: list[Token]) -> int | None:
    """Index after the opening wh-phrase ("In which year", "How many ships", "Who"), or None.

    A phrase set off by a comma may come first ("Besides the UN, which body …")."""
    end = _wh_from(words, 0)
    if end is None and words:
        comma = next((t.i for t in words[0].doc if t.text == ","), None)
        start = next((k for k, t in enumerate(words) if comma is not None and t.i > comma), None)
        if start is not None:
            end = _wh_from(words, start)
    return end


def _wh_from(words: list[Token], i: int) -> int | None:
    if i < len(words) and (words[i].dep_ == "prep" or words[i].tag_ in ("IN", "TO")):
        i += 1  # "In which …", "By whom …", "Since when …"
    if i >= len(words) or words[i].lower_ not in _WH_WORDS:
        return None
    head = words[i]
    end = i + 1
    if head.lower_ in ("which", "what", "whose", "how"):
        # The noun the wh-word determines, with its modifiers: "which Polish city", "how many skilled workers".
        while end < len(words) and words[end].pos_ in ("ADJ", "NOUN", "PROPN", "ADV", "NUM", "CCONJ"):
            if words[end].pos_ == "CCONJ" and not (end + 1 < len(words) and words[end + 1].pos_ == "NOUN"):
                break
            end += 1
            if (
                words[end - 1].pos_ == "NOUN"
                and end < len(words)
                and words[end].pos_ not in ("NOUN", "CCONJ")
            ):
                break
    return end


def _aux_initial(words: list[Token]) -> bool:
    return bool(words) and (words[0].pos_ == "AUX" or words[0].lower_ in _DO_FORMS)


def _broken_verb(doc: Doc) -> bool:
    """Do-support before a verb not in its base form ("did … became", "does … became aware")."""
    for token in doc:
        if token.lower_ in _DO_FORMS and token.dep_ == "aux" and _not_base_form(token.head):
            return True
    first_do = next((t for t in doc if t.lower_ in _DO_FORMS and t.i < 4), None)
    if first_do is None:
        return False
    for token in doc:
        finite = (
            token.tag_ in ("VBD", "VBZ") or token.tag_ == "VBP" and token.lower_ != token.lemma_.casefold()
        )
        if token.i <= first_do.i or not finite:
            continue  # "did … pay": a present form that is also the base form is the verb do-support wants
        own_clause = not any(a.dep_ in _CLAUSAL for a in (token, *token.ancestors))
        subordinate = any(c.tag_ in ("WDT", "WP", "WRB") or c.dep_ == "mark" for c in token.children)
        if own_clause and token.dep_ not in ("aux", "auxpass") and not subordinate:
            return True  # a second finite verb of the main clause: "did Argentina lead … won the title"
    return False


def _broken_punctuation(text: str) -> bool:
    plain = text.replace("“", '"').replace("”", '"')
    if plain.count('"') % 2 or plain.count("(") != plain.count(")"):
        return True
    if re.search(r'"\s*"|\(\s*\)|\[\s*\]', plain):
        return True
    return bool(re.search(r"(?<![\w])-[^\W\d_]|[^\W\d_]-(?![\w])", plain))


def _who_without_verb(words: list[Token], wh_end: int | None) -> bool:
    """ "Who account, …": a bare "who"/"whom" must be followed by a verb (or an adverb before one)."""
    if wh_end != 1 or words[0].lower_ not in ("who", "whom") or len(words) < 2:
        return False
    return words[1].tag_ not in ("VBD", "VBZ", "VBP", "MD") and words[1].pos_ not in ("AUX", "ADV")


def _not_base_form(verb: Token) -> bool:
    """ "became", "settled", "goes" — not "become" (which the tagger may read as a participle)."""
    if verb.tag_ in ("VBD", "VBZ", "VBG"):
        return True
    return verb.tag_ == "VBN" and verb.lower_ != verb.lemma_.casefold()


def _dangling(words: list[Token], wh_end: int | None) -> bool:
    if not words:
        return True
    last = words[-1]
    if last.tag_ in _DANGLING_TAGS:
        return True
    for a, b in zip(words, words[1:], strict=False):
        if a.pos_ == "ADP" and not list(a.children) and b.pos_ in ("CCONJ", "ADP"):
            return True  # "… members of and the X?", "… the summer of with …": a preposition lost its object
    if len(words) > 1 and last.pos_ == "ADP" and words[-2].pos_ == "CCONJ":
        return True  # "… led by X and by?"
    wh_at = next((i for i, t in enumerate(words) if t.lower_ in _WH_WORDS), None)
    asks_with_preposition = (
        wh_end is not None and wh_at is not None and wh_at > 0 and words[wh_at - 1].tag_ in ("IN", "TO")
    )
    stranded = last.pos_ == "ADP" or last.lower_ in _PREPOSITIONS
    return asks_with_preposition and stranded and not list(last.children)


def _vague_pronoun(rest: list[Token]) -> bool:
    """A third-person pronoun before anything it could refer to."""
    for token in rest:
        if token.pos_ in ("NOUN", "PROPN") or token.ent_type_:
            return False
        if token.lower_ in _VAGUE_PRONOUNS and token.tag_ in ("PRP", "DT") and token.dep_ not in ("det",):
            return True
    return False


def _anchored(rest: list[Token], context: str) -> bool:
    """A named entity, a proper noun, or a noun phrase of two or more content words from the fact."""
    folded = fold(context)
    for token in rest:
        if not re.search(r"(?<!\w)" + re.escape(fold(token.text)) + r"(?!\w)", folded):
            continue
        if token.ent_type_ in _ANCHOR_ENTITIES or token.pos_ == "PROPN":
            return True
        if token.pos_ == "NOUN" and any(
            c.dep_ in ("amod", "compound", "nmod", "poss", "prep", "nummod") and c.pos_ != "DET"
            for c in token.children
        ):
            return True
    return False
