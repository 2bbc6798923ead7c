"""Which stem to ask: the drafts for a fact in order of preference, each checked by the quality gate.

The drafts are the fact's own (hand-written) question adapted to the kind, the stem built on the
statement's dependency tree (``tree``), and the stem the word rules derive (``prompts``). The first
that reads as a whole question, asks for the answer's type and passes the gate (``gate``) is used;
every draft the gate refuses is recorded with its reason.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from facts.extraction.types import FactData
from quizzes.bank.generation.gate import Refusal, check_stem, vocabulary
from quizzes.bank.generation.prompts import (
    _adapt_question,
    _answer_shape,
    _derive,
    answer_forms,
    mend_verb_stems,
    prompt_is_valid,
)
from quizzes.bank.generation.stems import stem_fits
from quizzes.bank.generation.tree import tree_stem
from quizzes.bank.generation.types import QuestionKind


def build_prompt(fact: FactData, kind: QuestionKind, answer: str, **options: Any) -> str | None:
    """The first stem :func:`prompt_candidates` gives (same keyword options), or None.

    ``fact.question`` wins when it is valid for the kind (its wh-phrase switched to what the kind
    asks for: "In which year" for year kinds, "On what date" for dates, "In which month and year" for
    months, "When" for runs of days).
    """
    return next(prompt_candidates(fact, kind, answer, **options), None)


def prompt_candidates(
    fact: FactData,
    kind: QuestionKind,
    answer: str,
    *,
    common_words: frozenset[str] = frozenset(),
    known_words: frozenset[str] = frozenset(),
    refusals: list[Refusal] | None = None,
) -> Iterator[str]:
    """Every valid prompt for ``fact`` as ``kind``, best first (see :func:`stem_drafts`) and each passed
    by the quality gate; refused ones are appended to ``refusals``. ``common_words`` are words the fact
    base writes in lower case (a capitalised first word found there is lowered when it moves inside the
    question); ``known_words`` are the document's own words, never unknown to the gate. A caller that cannot build good options for the first (its
    wh-phrase asks for "a Polish city" and the base knows too few) may try the next.

    A prompt is valid when it reads as a whole question (see :func:`prompt_is_valid`), its wh-phrase
    asks for the answer's type (a stem asking "In which city …" is not used for a person), year kinds
    ask for a year, and a British verb cut by a rule ("recognis") is mended from the statement.
    """
    forbidden = answer_forms(fact, answer)
    year = kind in (QuestionKind.YEAR_CHOICE, QuestionKind.TYPED_YEAR)
    words = known_words | vocabulary(fact.statement)
    seen: set[str] = set()
    for candidate in stem_drafts(fact, kind, common_words):
        if candidate in seen or not prompt_is_valid(candidate, forbidden):
            continue
        if not stem_fits(candidate, fact.answer_type, year=year):
            continue
        seen.add(candidate)
        reason = check_stem(candidate, answers=forbidden, context=fact.statement, known_words=words)
        if reason is not None:
            if refusals is not None:
                refusals.append(Refusal(reason, candidate, fact.statement))
            continue
        yield candidate


@lru_cache(maxsize=4096)
def stem_drafts(
    fact: FactData, kind: QuestionKind, common_words: frozenset[str] = frozenset()
) -> tuple[str, ...]:
    """The stems to try for ``fact`` as ``kind``, best first and not yet checked: the adapted
    ``fact.question``, the stem built on the statement's dependency tree, the stem the word rules
    derive. Cheap to make, so a caller can parse them all in one batch before gating them."""
    shape = _answer_shape(fact.answer)
    drafts = (
        _adapt_question(fact.question, kind, shape),
        tree_stem(fact, kind),
        _derive(fact, kind, common_words),
    )
    return tuple(dict.fromkeys(mend_verb_stems(d, fact.statement) for d in drafts if d))
