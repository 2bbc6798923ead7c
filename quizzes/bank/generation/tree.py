"""Question stems from the dependency tree of the statement.

"Soon after the war, Freedonia recognised Sylvania in 1950" + "1950" → "In which year did Freedonia
recognise Sylvania soon after the war?": the answer's clause is found by walking up from the answer to
its verb; the wh-phrase comes from the answer's kind and its governing preposition; the verb is inverted
(an auxiliary or "be" moves before the subject) or gets do-support with the verb's lemma; phrases fronted
before the subject move after the verb; asides that do not hold the answer (non-restrictive relative
clauses, appositions, parentheses, adverbial clauses, other coordinated clauses) are left out.
When the shape is beyond these rules the stem is None and the next way of asking is tried.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from facts.extraction.types import AnswerType, FactData
from facts.language.text import collapse_spaces, fold
from quizzes.bank.generation.gate import parse_cached
from quizzes.bank.generation.prompts import _entity_wh, _number_wh, _wh
from quizzes.bank.generation.stems import PERSON_NOUNS, singular
from quizzes.bank.generation.types import QuestionKind

Span = Any  # a spaCy span: facts.language.nlp owns spaCy
Token = Any  # a spaCy token: facts.language.nlp owns spaCy

_SUBJECTS = frozenset({"nsubj", "nsubjpass", "expl"})
_AUXILIARIES = frozenset({"aux", "auxpass"})
# Children left out unless they hold the answer: asides and other clauses.
_ASIDES = frozenset({"appos", "advcl", "parataxis", "intj", "discourse", "meta", "dep", "mark", "preconj"})
# Verbs whose clause has no subject of its own: the question is asked of the verb above them.
_SUBJECTLESS = frozenset({"xcomp", "advcl", "pcomp", "acomp"})
_DISCOURSE = frozenset(
    {"however", "meanwhile", "moreover", "furthermore", "nevertheless", "nonetheless", "thus"}
)
_YEAR_KINDS = (QuestionKind.YEAR_CHOICE, QuestionKind.TYPED_YEAR)
# Prepositions of place and time: a person is not found "at" or "since" them.
_NOT_OF_PERSONS = frozenset({"in", "at", "on", "since", "until", "during", "near", "into", "across", "along"})


def tree_stem(fact: FactData, kind: QuestionKind) -> str | None:
    """A question for ``fact`` asked as ``kind``, built on the statement's parse, or None."""
    statement = fact.statement.strip()
    if not statement or not fact.answer.strip():
        return None
    doc = parse_cached(statement)
    span = _answer_span(doc, statement, fact.answer)
    if span is None:
        return None
    if kind in _YEAR_KINDS or fact.answer_type is AnswerType.DATE:
        span = _whole_date(span)
    return _Stem(fact, kind, span).build()


def _answer_span(doc, statement: str, answer: str) -> Span | None:  # noqa: ANN001
    m = re.search(r"(?<!\w)" + re.escape(answer.strip()) + r"(?!\w)", statement, re.IGNORECASE)
    if m is None:
        return None
    return doc.char_span(m.start(), m.end(), alignment_mode="expand")


def _whole_date(span: Span) -> Span:
    """The DATE entity holding the answer ("5 and 6 July 1980" for "1980"): all of it leaves the stem."""
    for ent in span.doc.ents:
        if ent.label_ == "DATE" and ent.start <= span.start and span.end <= ent.end:
            return ent
    return span


class _Stem:
    def __init__(self, fact: FactData, kind: QuestionKind, span: Span):
        self.fact, self.kind, self.span = fact, kind, span
        self.doc = span.doc
        self.answer = set(range(span.start, span.end))
        self.removed: set[int] = set()

    def build(self) -> str | None:
        root = self.span.root
        if root.dep_ in ("conj", "compound", "amod", "poss", "nmod") or any(
            c.dep_ == "conj" for c in root.children
        ):
            return None  # one of several ("A and B"), or a modifier inside another name
        if root.dep_ == "pobj" and any(
            c.dep_ == "conj" and c.pos_ == "PROPN" for c in root.head.head.children
        ):
            return None  # "members of X and Y" parsed as "(members of X) and Y": still one of several
        verb = self._clause_verb(root)
        if verb is None:
            return None
        subject = self._subject(verb)
        if subject is None:
            return None
        target, wh, preposition_token, stranded = self._target(root)
        if wh is None:
            return None
        self.removed |= {t.i for t in target.subtree} | self.answer
        if preposition_token is not None and not stranded:
            self.removed.add(preposition_token.i)
        self._prune_asides(verb)
        subject_tokens = [t for t in subject if t.i not in self.removed]
        in_subject = any(t.i in self.answer for t in subject) or target.i in {t.i for t in subject}
        if in_subject:
            if target not in subject or any(
                t.i not in self.removed for t in subject_tokens if not t.is_punct
            ):
                return None  # the answer is only part of the subject
            rest = self._rest(verb, exclude=set())
            return _finish([wh, _render(rest)])
        if not subject_tokens:
            return None
        subject_ids = {t.i for t in subject_tokens}
        auxiliaries = [c for c in verb.children if c.dep_ in _AUXILIARIES and c.i < verb.i]
        first_word = min(subject_ids | {verb.i})
        if auxiliaries:
            lead = auxiliaries[0]
            rest = self._rest(verb, exclude=subject_ids | {lead.i}, front_before=first_word)
            return _finish([wh, lead.lower_, _render(subject_tokens), _render(rest)])
        if verb.lemma_ == "be" and verb.tag_ in ("VBD", "VBZ", "VBP"):
            rest = self._rest(verb, exclude=subject_ids | {verb.i}, front_before=first_word)
            return _finish([wh, verb.lower_, _render(subject_tokens), _render(rest)])
        if verb.tag_ == "VBN" and self._reduced_passive:
            be = "were" if self._plural_subject else "was"
            rest = self._rest(verb, exclude=subject_ids, front_before=first_word)
            return _finish([wh, be, _render(subject_tokens), _render(rest)])
        if verb.tag_ not in ("VBD", "VBZ", "VBP"):
            return None
        do = {"VBD": "did", "VBZ": "does"}.get(verb.tag_, "do")
        lemma = verb.lemma_.casefold()
        if not lemma.isalpha():
            return None
        rest = self._rest(verb, exclude=subject_ids | {verb.i}, front_before=first_word)
        between = [t for t in rest if first_word <= t.i < verb.i]  # "did they later make", "did it not"
        after = [t for t in rest if t not in between]
        return _finish([wh, do, _render(subject_tokens), _render(between), lemma, _render(after)])

    # -- the clause -------------------------------------------------------------------------------

    _reduced_passive = False
    _plural_subject = False

    def _clause_verb(self, root: Token) -> Token | None:
        """The verb whose clause holds the answer; a clause without its own subject defers upward."""
        token = root
        while token.head.i != token.i:
            token = token.head
            if token.pos_ not in ("VERB", "AUX") or token.dep_ in _AUXILIARIES:
                continue
            if any(c.dep_ in _SUBJECTS for c in token.children):
                return token
            if token.dep_ == "conj" and any(c.dep_ in _SUBJECTS for c in token.head.children):
                return token
            if token.dep_ == "acl" and token.tag_ == "VBN":
                return token
            if token.dep_ == "relcl":
                return token
            if token.dep_ in _SUBJECTLESS or token.dep_ == "ROOT":
                continue
            return None
        return None

    def _subject(self, verb: Token) -> list[Token] | None:
        """The subject's tokens: its own, a coordinated verb's, or the noun a reduced clause describes."""
        own = [c for c in verb.children if c.dep_ in _SUBJECTS]
        if own and verb.dep_ == "relcl" and own[0].tag_ in ("WDT", "WP"):
            noun = verb.head  # "the company, which made tyres" → "the company made tyres"
            self.removed.add(own[0].i)
            return self._noun_phrase(noun, skip=verb)
        if own:
            return self._kept(own[0])
        if verb.dep_ == "conj":
            head_subjects = [c for c in verb.head.children if c.dep_ in _SUBJECTS]
            return self._kept(head_subjects[0]) if head_subjects else None
        if verb.dep_ == "acl" and verb.tag_ == "VBN":
            self._reduced_passive = True
            noun = verb.head
            self._plural_subject = noun.tag_ in ("NNS", "NNPS")
            return self._noun_phrase(noun, skip=verb)
        return None

    def _noun_phrase(self, noun: Token, *, skip: Token) -> list[Token]:
        drop = {t.i for t in skip.subtree}
        return [t for t in self._kept(noun) if t.i not in drop]

    def _kept(self, token: Token) -> list[Token]:
        """``token``'s subtree without its asides (unless they hold the answer)."""
        out: list[Token] = []

        def walk(t: Token) -> None:
            out.append(t)
            for child in t.children:
                if not self._holds_answer(child) and self._is_aside(child):
                    continue
                walk(child)

        walk(token)
        return sorted(out, key=lambda t: t.i)

    def _holds_answer(self, token: Token) -> bool:
        return any(t.i in self.answer for t in token.subtree)

    def _is_aside(self, child: Token) -> bool:
        before = self.doc[child.left_edge.i - 1] if child.left_edge.i > 0 else None
        parenthesised = before is not None and before.text in ("(", "[")
        if parenthesised or child.dep_ in _ASIDES:
            return True
        if child.dep_ in ("relcl", "acl") and before is not None and before.text in (",", "–", "—"):
            return True  # non-restrictive: ", which …", ", founded by …"
        if child.dep_ in ("conj", "cc") and child.head.pos_ in ("VERB", "AUX"):
            return True  # another coordinated clause
        if child.dep_ == "advmod" and child.lower_ in _DISCOURSE:
            return True
        if child.tag_ == "WRB" and child.head.dep_ in ("advcl", "relcl", "ccomp"):
            return True  # "when", "where" joining the answer's clause to another
        return child.dep_ == "punct" and child.text in ("(", ")", "[", "]", ";", ":")

    def _prune_asides(self, verb: Token) -> None:
        kept = {t.i for t in self._kept(verb)}
        self.removed |= {t.i for t in verb.subtree if t.i not in kept}

    def _rest(self, verb: Token, *, exclude: set[int], front_before: int | None = None) -> list[Token]:
        """The clause without the subject, the removed words and ``exclude``; phrases that stood before
        the subject (``front_before``) move to the end."""
        tokens = [t for t in self._kept(verb) if t.i not in self.removed and t.i not in exclude]
        if front_before is None:
            return tokens
        fronted = [t for t in tokens if t.i < front_before]
        return [t for t in tokens if t.i >= front_before] + fronted

    # -- the wh-phrase ----------------------------------------------------------------------------

    def _target(self, root: Token) -> tuple[Token, str | None, Token | None, bool]:
        """What leaves the stem (the answer, or the noun a number counts), the wh-phrase, the preposition
        that governed it, and whether that preposition stays where it was ("… a member of?")."""
        fact, kind = self.fact, self.kind
        preposition = root.head if root.dep_ == "pobj" and root.head.dep_ in ("prep", "agent") else None
        prep_text = preposition.lower_ if preposition is not None else ""
        if fact.answer_type is AnswerType.NUMBER and kind not in _YEAR_KINDS:
            if root.dep_ != "nummod" or root.head.pos_ != "NOUN":
                return root, None, None, False
            noun = root.head
            counted = [
                t for t in self._kept(noun) if t.i not in {x.i for x in root.subtree} and t.dep_ != "det"
            ]
            counted = [t for t in counted if t.i <= noun.i]
            wh = _number_wh(fact, _render(counted))
            if wh is None:
                return root, None, None, False
            self.removed |= {t.i for t in counted}
            noun_prep = noun.head if noun.dep_ == "pobj" else None
            if noun_prep is not None:
                self.removed.add(noun_prep.i)
                wh = f"{noun_prep.lower_} {wh}"
            return root, wh, None, False
        if kind in _YEAR_KINDS or fact.answer_type is AnswerType.DATE:
            if preposition is None and root.dep_ not in ("npadvmod", "pobj"):
                return root, None, None, False
            return root, _wh(fact, kind, prep_text), preposition, False
        wh = _entity_wh(fact) if fact.answer_type is not AnswerType.PERSON else "who"
        leftover = [t for t in self._kept(root) if t.i not in self.answer and t.dep_ not in ("det", "punct")]
        titled = any(singular(fold(t.text)) in PERSON_NOUNS for t in leftover if t.pos_ in ("NOUN", "PROPN"))
        if fact.answer_type is AnswerType.PERSON and titled and any(t.dep_ == "prep" for t in leftover):
            wh = "which " + _render(leftover)  # "Prime Minister … of Japan" → "which Prime Minister of Japan"
        if wh is None:
            return root, None, None, False
        stranded = prep_text == "of" and preposition is not None and preposition.head.pos_ == "NOUN"
        if wh == "who" and prep_text in _NOT_OF_PERSONS:
            return root, None, None, False  # "at whom did X build …": a place typed as a person
        if preposition is not None and not stranded:
            wh = f"{prep_text} {'whom' if wh == 'who' else wh}"
        return root, wh, preposition, stranded


def _render(tokens: Iterable[Token]) -> str:
    """Tokens in the given order; neighbours in the sentence keep their own spacing. The sentence's
    first word is lowered when it is not a name (it no longer opens the sentence)."""
    given = list(tokens)
    kept = {t.i for t in given}
    shown = [t for t in given if not _stray_punct(t, kept)]
    out: list[str] = []
    for position, token in enumerate(shown):
        text = token.text
        opening = token.i == 0 and (token.tag_ == "DT" or not token.ent_type_ and token.pos_ != "PROPN")
        if opening and text[:1].isupper():
            text = text[0].lower() + text[1:]
        following = shown[position + 1] if position + 1 < len(shown) else None
        space = token.whitespace_ if following is not None and following.i == token.i + 1 else " "
        out.append(text + space)
    return "".join(out).strip()


def _stray_punct(token: Token, kept: set[int]) -> bool:
    """The statement's full stop, or a comma or dash whose neighbours are not both kept."""
    if not token.is_punct:
        return False
    if token.i == len(token.doc) - 1:
        return True
    return token.text in (",", "–", "—") and not (token.i - 1 in kept and token.i + 1 in kept)


def _finish(parts: list[str]) -> str | None:
    text = collapse_spaces(" ".join(p for p in parts if p))
    text = re.sub(r"\s*,\s*(?=,|$)", "", text).strip(" ,")
    text = re.sub(r'\(\s*\)|""', "", text)
    text = collapse_spaces(text)
    if not text:
        return None
    return text[0].upper() + text[1:] + "?"
