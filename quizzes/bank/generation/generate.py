"""From one fact and its fact base to the questions that fit it.

``generate_questions`` is pure and deterministic: the same fact, base and ``today`` give the same
questions, option order included. Options are stored in a canonical order (chronological, ascending
or alphabetical) and shuffled only when shown, with ``shuffle_options``.
"""

from __future__ import annotations

import random
import re
from collections.abc import Sequence
from datetime import date
from functools import lru_cache

from facts.extraction.types import AnswerType, DatePrecision, FactData
from facts.language.dates import DateText, parse_date_text
from facts.language.numbers import parse_number_text, parse_word_number
from facts.language.text import contains_phrase, fold, stable_seed
from quizzes.bank.generation import distractors as dx
from quizzes.bank.generation.ambiguity import claim_tokens, countries_named, is_also_true, support_tokens
from quizzes.bank.generation.basecache import per_base
from quizzes.bank.generation.ordinals import parse_ordinal
from quizzes.bank.generation.profiles import bare_name
from quizzes.bank.generation.prompts import build_prompt, prompt_candidates
from quizzes.bank.generation.spans import (
    DaySpan,
    NumberedSpan,
    parse_day_span,
    parse_numbered_span,
    phase_year,
)
from quizzes.bank.generation.types import QuestionData, QuestionKind


def generate_questions(fact: FactData, fact_base: Sequence[FactData], *, today: date) -> list[QuestionData]:
    """Every question that fits ``fact``, at most one per kind; none that would be weak or ambiguous."""
    if not fact.statement.strip() or not fact.answer.strip():
        return []
    common = _base_common_words(fact_base) | _common_words((fact.statement,))
    seed = stable_seed(fact.statement, fact.answer, str(fact.answer_type))
    builders = {
        AnswerType.DATE: _date_questions,
        AnswerType.NUMBER: _number_questions,
        AnswerType.ORDINAL: _ordinal_questions,
    }
    builder = builders.get(fact.answer_type, _entity_questions)
    return builder(_Job(fact, fact_base, today, seed, common))


def shuffle_options(
    options: Sequence[str], answer_index: int, seed: int | str
) -> tuple[tuple[str, ...], int]:
    """The options in a seeded random order, and where the answer went. Pure: call it at show time."""
    rng = random.Random(seed if isinstance(seed, int) else stable_seed(seed))
    order = list(range(len(options)))
    rng.shuffle(order)
    return tuple(options[i] for i in order), order.index(answer_index)


class _Job:
    """The inputs shared by the builders of one fact's questions."""

    def __init__(
        self, fact: FactData, base: Sequence[FactData], today: date, seed: int, common: frozenset[str]
    ):
        self.fact, self.base, self.today, self.seed, self.common = fact, base, today, seed, common

    def prompt(self, kind: QuestionKind, answer: str) -> str | None:
        return build_prompt(self.fact, kind, answer, common_words=self.common)

    def context(self, prompt: str) -> dx.Context:
        return dx.Context(self.fact, self.base, prompt, self.today, self.seed)

    def choice(
        self, kind: QuestionKind, prompt: str, answer: str, distractors: Sequence[str]
    ) -> QuestionData:
        """A choice question with the answer among the distractors in canonical order."""
        options = _canonical_order([answer, *distractors], self.fact.answer_type, kind)
        return QuestionData(
            kind,
            prompt,
            answer,
            tuple(options),
            options.index(answer),
            self.fact.answer_type,
            self.fact.statement,
        )

    def typed(self, kind: QuestionKind, prompt: str, answer: str) -> QuestionData:
        return QuestionData(kind, prompt, answer, None, None, self.fact.answer_type, self.fact.statement)


def _date_questions(job: _Job) -> list[QuestionData]:
    """date_choice for days, mc for months and periods, and year_choice + typed_year where one year answers."""
    answer = job.fact.answer
    span = parse_numbered_span(answer, job.fact.date_precision)
    if span is not None:
        return _span_questions(job, span)
    days = parse_day_span(answer)
    if days is not None:
        return _day_span_questions(job, days)
    year = phase_year(answer)
    if year is not None:  # "early 1942": the year is what a learner can be asked for
        return _year_questions(job, year) if year <= job.today.year else []
    parsed = parse_date_text(answer)
    if parsed is None or job.fact.date_precision in (
        DatePrecision.YEAR_RANGE,
        DatePrecision.DECADE,
        DatePrecision.CENTURY,
    ):
        return []
    if date(parsed.year, parsed.month or 1, parsed.day or 1) > job.today:
        return []
    questions: list[QuestionData] = []
    if parsed.day is not None:
        questions += _grid_question(job, QuestionKind.DATE_CHOICE, parsed, dx.date_distractors)
    elif parsed.month is not None:
        questions += _grid_question(job, QuestionKind.MC, parsed, dx.month_distractors)
    return questions + _year_questions(job, parsed.year)


def _year_questions(job: _Job, answer_year: int) -> list[QuestionData]:
    """year_choice and typed_year on the year of the fact's time, unless the base makes other years right."""
    questions: list[QuestionData] = []
    year = str(answer_year)
    prompt = job.prompt(QuestionKind.YEAR_CHOICE, year)
    other_years = _other_true_years(job, answer_year, prompt) if prompt else 0
    if prompt and other_years <= dx.MAX_OTHER_TRUE:
        years = dx.year_distractors(answer_year, job.context(prompt))
        if years:
            questions.append(job.choice(QuestionKind.YEAR_CHOICE, prompt, year, [str(y) for y in years]))
    prompt = job.prompt(QuestionKind.TYPED_YEAR, year)
    if prompt and not _other_true_years(job, answer_year, prompt):
        questions.append(job.typed(QuestionKind.TYPED_YEAR, prompt, year))
    return questions


def _span_questions(job: _Job, span: NumberedSpan) -> list[QuestionData]:
    """mc over same-shaped periods: year ranges, decades, centuries (no single year answers them)."""
    if span.first_year > job.today.year:
        return []
    prompt = job.prompt(QuestionKind.MC, job.fact.answer)
    if not prompt:
        return []
    options = dx.span_distractors(span, job.context(prompt))
    if not options:
        return []
    return [job.choice(QuestionKind.MC, prompt, job.fact.answer, [o.format() for o in options])]


def _day_span_questions(job: _Job, days: DaySpan) -> list[QuestionData]:
    """date_choice over runs of days of the same length ("6 to 8 September 2017"), and the year."""
    if date(days.year, days.month, days.last) > job.today:
        return []
    questions: list[QuestionData] = []
    prompt = job.prompt(QuestionKind.DATE_CHOICE, job.fact.answer)
    options = dx.day_span_distractors(days, job.context(prompt)) if prompt else None
    if prompt and options:
        answer = job.fact.answer
        questions.append(job.choice(QuestionKind.DATE_CHOICE, prompt, answer, [o.format() for o in options]))
    return questions + _year_questions(job, days.year)


def _grid_question(job: _Job, kind: QuestionKind, parsed: DateText, make) -> list[QuestionData]:  # noqa: ANN001
    prompt = job.prompt(kind, job.fact.answer)
    if not prompt:
        return []
    options = make(parsed, job.context(prompt))
    if not options:
        return []
    return [job.choice(kind, prompt, job.fact.answer, [o.format() for o in options])]


def _number_questions(job: _Job) -> list[QuestionData]:
    """mc over similar quantities, and typed_number when no other figure is also true."""
    parsed = parse_number_text(job.fact.answer)
    if parsed is None:
        return _word_number_questions(job)
    prompt = job.prompt(QuestionKind.MC, job.fact.answer)
    if not prompt:
        return []
    questions: list[QuestionData] = []
    context = job.context(prompt)
    options = dx.number_distractors(parsed, context) or dx.number_distractors(parsed, context, finer=True)
    if options:
        questions.append(job.choice(QuestionKind.MC, prompt, job.fact.answer, [o.format() for o in options]))
    if not _other_true_numbers(job, parsed.total, prompt):
        questions.append(job.typed(QuestionKind.TYPED_NUMBER, prompt, job.fact.answer))
    return questions


def _word_number_questions(job: _Job) -> list[QuestionData]:
    """mc over counts or shares written in words ("three", "two-thirds"); typing words is not asked."""
    words = parse_word_number(job.fact.answer)
    if words is None:
        return []
    prompt = job.prompt(QuestionKind.MC, job.fact.answer)
    if not prompt:
        return []
    options = dx.word_number_distractors(words, job.context(prompt))
    if not options:
        return []
    return [job.choice(QuestionKind.MC, prompt, job.fact.answer, [o.format() for o in options])]


def _ordinal_questions(job: _Job) -> list[QuestionData]:
    parsed = parse_ordinal(job.fact.answer)
    if parsed is None:
        return []
    prompt = job.prompt(QuestionKind.MC, job.fact.answer)
    if not prompt:
        return []
    options = dx.ordinal_distractors(parsed, job.context(prompt))
    if not options:
        return []
    return [job.choice(QuestionKind.MC, prompt, job.fact.answer, [o.format() for o in options])]


def _entity_questions(job: _Job) -> list[QuestionData]:
    """mc on a name; when the best stem names a sort the base has too few of ("Which Polish general …"),
    the next stem (derived from the statement, often "Who …") is tried before giving up. When no stem
    gets three good distractors, the learner types the name instead (see :func:`_typed_name_question`)."""
    for prompt in prompt_candidates(job.fact, QuestionKind.MC, job.fact.answer, common_words=job.common):
        options = dx.entity_distractors(job.context(prompt))
        if options:
            return [job.choice(QuestionKind.MC, prompt, job.fact.answer, options)]
    return _typed_name_question(job)


# Names a learner can be asked to type; an "other" answer only when it is short enough to recall.
_TYPED_NAME_TYPES = frozenset(
    {AnswerType.PERSON, AnswerType.PLACE, AnswerType.COUNTRY, AnswerType.ORGANISATION}
)
MAX_TYPED_OTHER_WORDS = 5


def _typed_name_question(job: _Job) -> list[QuestionData]:
    """typed_text on a name that multiple choice cannot ask well, unless the base makes another name
    right too (typing it would then be marked wrong unfairly) or the answer is a long phrase."""
    fact = job.fact
    short_other = fact.answer_type is AnswerType.OTHER and len(fact.answer.split()) <= MAX_TYPED_OTHER_WORDS
    if fact.answer_type not in _TYPED_NAME_TYPES and not short_other:
        return []
    kind = QuestionKind.TYPED_TEXT
    surname = bare_name(fact).split()[-1] if fact.answer_type is AnswerType.PERSON else ""
    for prompt in prompt_candidates(fact, kind, fact.answer, common_words=job.common):
        if surname and contains_phrase(prompt, surname):
            continue  # "Who … Kwaśniewski's wife …?": the surname gives most of the name away
        if not _other_true_names(job, prompt):
            return [job.typed(kind, prompt, fact.answer)]
    return []


def _other_true_names(job: _Job, prompt: str) -> bool:
    """Whether the base makes another name an equally right answer to ``prompt``.

    Candidates are the base's answers of the fact's type (and, for countries, every country its
    statements name); another spelling of the answer itself ("Kwaśniewski" for "Aleksander
    Kwaśniewski") and names already in the question or the fact's own statement are not rivals.
    """
    fact = job.fact
    near = support_tokens(fact, job.base, prompt)
    own = set(fold(fact.answer).split()) | set(fold(bare_name(fact)).split())
    for name in base_names(job.base, fact.answer_type):
        words = set(fold(name).split())
        if not words or words <= own or own <= words:
            continue
        if contains_phrase(prompt, name) or contains_phrase(fact.statement, name):
            continue
        if claim_tokens(name) <= near and is_also_true(name, fact, job.base, prompt):
            return True
    return False


@per_base
def _names_by_type(base: tuple[FactData, ...]) -> dict[AnswerType, tuple[str, ...]]:
    found: dict[AnswerType, dict[str, str]] = {}
    for f in base:
        if not f.answer.strip():
            continue
        names = found.setdefault(f.answer_type, {})
        names[fold(f.answer)] = f.answer
        if f.answer_type is AnswerType.PERSON:
            names[fold(bare_name(f))] = bare_name(f)
    countries = found.setdefault(AnswerType.COUNTRY, {})
    for f in base:
        countries.update({fold(c): c for c in countries_named(f.statement)})
    return {t: tuple(sorted(names.values(), key=fold)) for t, names in found.items()}


def base_names(base: Sequence[FactData], answer_type: AnswerType) -> tuple[str, ...]:
    """Every name of ``answer_type`` the base gives as an answer (persons also without their title,
    countries also where a statement merely names them)."""
    return _names_by_type(base).get(answer_type, ())


def _other_true_years(job: _Job, year: int, prompt: str) -> int:
    """How many other years the base makes true (a typed year would then be marked wrong unfairly)."""
    near = support_tokens(job.fact, job.base, prompt)
    seen = [y for y in sorted(base_years(job.base) - {year}) if claim_tokens(str(y)) <= near]
    return sum(is_also_true(str(y), job.fact, job.base, prompt) for y in seen)


def _other_true_numbers(job: _Job, total: float, prompt: str) -> bool:
    """Whether the base makes another figure an equally right answer to the same question."""
    near = support_tokens(job.fact, job.base, prompt)
    return any(
        is_also_true(value, job.fact, job.base, prompt)
        for value in base_numbers(job.base)
        if claim_tokens(value) <= near and abs(float(value) - total) > 1e-9 * max(1.0, total)
    )


@per_base
def base_years(base: tuple[FactData, ...]) -> frozenset[int]:
    """Every year the base's statements name, in a date or alone."""
    return frozenset(
        int(t[1:5]) for f in base for t in claim_tokens(f.statement) if t[0] in "ydm" and t[1:5].isdigit()
    )


@per_base
def base_numbers(base: tuple[FactData, ...]) -> tuple[str, ...]:
    """Every figure the base's statements state, as claim-token values ("55200", "0.5"), sorted."""
    return tuple(
        sorted({t[1:] for f in base for t in claim_tokens(f.statement) if t[0] == "n" and t[1:2].isdigit()})
    )


def _canonical_order(options: list[str], answer_type: AnswerType, kind: QuestionKind) -> list[str]:
    """Chronological, ascending or alphabetical: deterministic and free of position cues."""

    def key(option: str) -> tuple[float, str]:
        if answer_type is AnswerType.DATE and (span := parse_numbered_span(option)) is not None:
            return (float(span.values[0]), fold(option))
        if answer_type is AnswerType.DATE and (days := parse_day_span(option)) is not None:
            return (float(days.iso.replace("-", "")), fold(option))
        if kind in (QuestionKind.YEAR_CHOICE, QuestionKind.DATE_CHOICE) or answer_type is AnswerType.DATE:
            parsed = parse_date_text(option)
            return (float(parsed.iso.replace("-", "").ljust(8, "0")) if parsed else 0.0, fold(option))
        if answer_type is AnswerType.NUMBER:
            number = parse_number_text(option)
            words = parse_word_number(option) if number is None else None
            return (number.total if number else words.value if words else 0.0, fold(option))
        if answer_type is AnswerType.ORDINAL:
            ordinal = parse_ordinal(option)
            return (float(ordinal.value) if ordinal else 0.0, fold(option))
        return (0.0, fold(option))

    return sorted(options, key=key)


@per_base
def _base_common_words(base: tuple[FactData, ...]) -> frozenset[str]:
    """Words the base writes in lower case somewhere, so a capitalised sentence start can be lowered."""
    return _common_words(tuple(f.statement for f in base))


@lru_cache(maxsize=256)
def _common_words(statements: tuple[str, ...]) -> frozenset[str]:
    """Words the given statements write in lower case (after a space)."""
    lower: set[str] = set()
    for statement in statements:
        lower.update(w.casefold() for w in re.findall(r"(?<=\s)[a-z][a-z\-]+", statement))
    return frozenset(lower)
