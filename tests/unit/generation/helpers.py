"""Checks shared by the generation tests: what "an option of the answer's type" means."""

from __future__ import annotations

from collections.abc import Sequence

from facts.extraction.types import AnswerType, FactData
from facts.language.dates import parse_date_text, parse_year
from facts.language.numbers import parse_number_text, parse_word_number
from facts.language.text import contains_phrase, fold
from quizzes.bank.generation import QuestionData, QuestionKind
from quizzes.bank.generation.countries import canonical_country
from quizzes.bank.generation.kinds import names_of_same_shape
from quizzes.bank.generation.ordinals import parse_ordinal
from quizzes.bank.generation.prompts import answer_forms
from quizzes.bank.generation.spans import parse_day_span, parse_numbered_span
from quizzes.bank.generation.types import TYPED_KINDS


def option_has_answer_type(question: QuestionData, option: str, base: Sequence[FactData]) -> bool:
    """Whether ``option`` is of the same kind, and written the same way, as the question's answer."""
    answer = question.answer
    if question.kind is QuestionKind.YEAR_CHOICE:
        return parse_year(option) is not None
    if question.answer_type is AnswerType.DATE and parse_numbered_span(answer) is not None:
        span, want_span = parse_numbered_span(option), parse_numbered_span(answer)
        return (
            span is not None
            and want_span is not None
            and (span.template, len(span.values), span.ordinal)
            == (want_span.template, len(want_span.values), want_span.ordinal)
            and span.values[-1] - span.values[0] == want_span.values[-1] - want_span.values[0]
        )
    if question.answer_type is AnswerType.DATE and parse_day_span(answer) is not None:
        days, want_days = parse_day_span(option), parse_day_span(answer)
        return (
            days is not None
            and want_days is not None
            and (days.style, days.joiner, days.prefix)
            == (want_days.style, want_days.joiner, want_days.prefix)
            and days.last - days.first == want_days.last - want_days.first
        )
    if question.kind is QuestionKind.DATE_CHOICE or question.answer_type is AnswerType.DATE:
        got, want = parse_date_text(option), parse_date_text(answer)
        return (
            got is not None
            and want is not None
            and (got.style, got.short_month) == (want.style, want.short_month)
        )
    if question.answer_type is AnswerType.NUMBER and parse_word_number(answer) is not None:
        words, want_words = parse_word_number(option), parse_word_number(answer)
        return (
            words is not None
            and want_words is not None
            and (words.is_fraction, words.capital, words.joiner)
            == (want_words.is_fraction, want_words.capital, want_words.joiner)
        )
    if question.answer_type is AnswerType.NUMBER:
        got, want = parse_number_text(option), parse_number_text(answer)
        return (
            got is not None
            and want is not None
            and (got.qualifier, got.currency, got.scale, got.suffix, got.decimals)
            == (want.qualifier, want.currency, want.scale, want.suffix, want.decimals)
        )
    if question.answer_type is AnswerType.ORDINAL:
        got, want = parse_ordinal(option), parse_ordinal(answer)
        return got is not None and want is not None and (got.words, got.rest) == (want.words, want.rest)
    same_type = {fold(f.answer) for f in base if f.answer_type is question.answer_type}
    same_type |= {
        fold(f.answer.removeprefix(f.role).strip()) for f in base if f.answer_type is question.answer_type
    }
    if question.answer_type is AnswerType.COUNTRY:
        return fold(option) in same_type or canonical_country(option) is not None
    if question.answer_type is AnswerType.OTHER:
        same_type |= {fold(n) for n in names_of_same_shape(answer, base)}
    return fold(option) in same_type


def assert_invariants(question: QuestionData, fact: FactData, base: Sequence[FactData]) -> None:
    """The four invariants every generated question keeps."""
    forms = answer_forms(fact, question.answer)
    leaked = [form for form in forms if contains_phrase(question.prompt, form)]
    assert not leaked, f"prompt {question.prompt!r} gives away {leaked}"
    assert question.prompt.endswith("?")
    if question.options is None:
        assert question.kind in TYPED_KINDS and question.answer_index is None
        return
    folded = [fold(o) for o in question.options]
    assert len(question.options) == 4
    assert folded.count(fold(question.answer)) == 1, question
    assert question.options[question.answer_index] == question.answer
    assert len(set(folded)) == len(folded), f"duplicate options in {question.options}"
    wrong_type = [o for o in question.options if not option_has_answer_type(question, o, base)]
    assert not wrong_type, f"{wrong_type} are not like {question.answer!r}"
