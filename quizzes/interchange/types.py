"""Plain data handed to every exporter and returned by the importers.

Views, services and the ``export_deck`` command build an :class:`ExportDeck` from rows; the
exporters turn it into bytes or text and never touch the database. The same shapes come back
from :mod:`quizzes.interchange.imports`, so an exported file re-imports into the very questions it came from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from facts.language.numbers import parse_plain_number as parse_number
from quizzes.bank.generation.types import ALL_KINDS, CHOICE_KINDS, NUMERIC_KINDS, TYPED_KINDS, QuestionKind


def format_number(value: float) -> str:
    """Write a number the way a learner would type it: "1995", not "1995.0"."""
    if value == int(value):
        return str(int(value))
    return format(Decimal(repr(value)), "f")  # plain digits, never "1e-05"


@dataclass(frozen=True, slots=True)
class ExportQuestion:
    """One question, independent of any storage.

    ``key`` is stable across exports (e.g. "factdeck-q-123") so that re-importing a file
    updates instead of duplicating. Choice kinds carry ``options`` and a 0-based
    ``answer_index``; typed kinds have ``options=None`` and an ``answer`` that is a number
    (typed_year, typed_number) or a short text such as a name (typed_text).
    ``explanation`` is the source sentence, ``source`` the document title and section.
    """

    key: str
    kind: str
    prompt: str
    options: tuple[str, ...] | None
    answer_index: int | None
    answer: str
    explanation: str = ""
    source: str = ""
    tags: tuple[str, ...] = field(default_factory=tuple)

    @property
    def is_choice(self) -> bool:
        return self.kind in CHOICE_KINDS

    @property
    def is_typed(self) -> bool:
        return self.kind in TYPED_KINDS

    @property
    def is_numeric(self) -> bool:
        """A typed question whose answer is a number (or year), graded as one."""
        return self.kind in NUMERIC_KINDS

    def correct_option(self) -> str:
        """The right option's text; exporters call this so a broken question fails loudly."""
        if not self.options or self.answer_index is None or not 0 <= self.answer_index < len(self.options):
            raise ValueError(f"question {self.key!r}: answer_index does not point at one of its options")
        return self.options[self.answer_index]

    def numeric_answer(self) -> float:
        """The typed answer as a number; a typed question whose answer is not a number is a bug upstream."""
        value = parse_number(self.answer)
        if value is None:
            raise ValueError(f"question {self.key!r}: typed answer {self.answer!r} is not a number")
        return value


@dataclass(frozen=True, slots=True)
class ExportDeck:
    """A named, ordered set of questions: a quiz or all questions of one document.

    ``key`` is stable ("document:<slug>" or "quiz:<code>"); the Anki deck id is derived from it.
    """

    key: str
    title: str
    questions: list[ExportQuestion]


# The study screen picks options with the keys 1–4, so no question may have more than four.
MAX_OPTIONS = 4
MIN_OPTIONS = 2
# What the database holds (QuizItem.answer is 500 characters) and what a question sensibly is.
MAX_PROMPT_LENGTH = 2000
MAX_OPTION_LENGTH = 500


def question_problems(question: ExportQuestion) -> list[str]:
    """Everything wrong with an imported question, as sentences a teacher can act on.

    Shared by the GIFT and CSV importers so both refuse the same things.
    """
    problems: list[str] = []
    if not question.prompt.strip():
        problems.append("the question text is empty")
    if len(question.prompt) > MAX_PROMPT_LENGTH:
        problems.append(f"the question text is longer than {MAX_PROMPT_LENGTH} characters")
    if "\x00" in question.prompt + question.answer + "".join(question.options or ()):
        problems.append("the question contains a NUL character (is this a binary file?)")
    if len(question.answer) > MAX_OPTION_LENGTH or any(
        len(o) > MAX_OPTION_LENGTH for o in question.options or ()
    ):
        problems.append(f"an answer or option is longer than {MAX_OPTION_LENGTH} characters")
    if question.kind not in ALL_KINDS:
        problems.append(f"unknown kind {question.kind!r} (use one of {', '.join(sorted(ALL_KINDS))})")
        return problems
    if question.is_typed:
        if question.options:
            problems.append("a typed question takes no options")
        if not question.is_numeric:
            if not question.answer.strip():
                problems.append("a typed question needs an answer")
            return problems
        value = parse_number(question.answer)
        if value is None:
            problems.append(f"the answer {question.answer!r} of a typed question is not a number")
        elif question.kind == QuestionKind.TYPED_YEAR and value != int(value):
            problems.append(f"the year {question.answer!r} is not a whole number")
        return problems
    options = question.options or ()
    if len(options) < MIN_OPTIONS:
        problems.append(f"a choice question needs at least {MIN_OPTIONS} options, found {len(options)}")
    if len(options) > MAX_OPTIONS:
        problems.append(f"a choice question takes at most {MAX_OPTIONS} options, found {len(options)}")
    if any(not option.strip() for option in options):
        problems.append("an option is empty")
    seen: set[str] = set()
    for option in options:
        folded = " ".join(option.casefold().split())
        if folded in seen:
            problems.append(f"the option {option!r} appears twice")
        seen.add(folded)
    if question.answer_index is None or not 0 <= question.answer_index < len(options):
        problems.append(f"the answer {question.answer!r} is not one of the options")
    elif question.answer and options[question.answer_index] != question.answer:
        problems.append(
            f"the answer {question.answer!r} does not match option {question.answer_index + 1} "
            f"({options[question.answer_index]!r})"
        )
    return problems


@dataclass(frozen=True, slots=True)
class LineError:
    """One problem in an imported file, with the 1-based line where its question starts."""

    line: int
    message: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}"


class ImportFailed(ValueError):
    """Raised by :meth:`ImportResult.questions_or_raise` so that a bad file imports nothing."""

    def __init__(self, errors: list[LineError]) -> None:
        self.errors = errors
        super().__init__("; ".join(str(error) for error in errors))


@dataclass(frozen=True, slots=True)
class ImportResult:
    """What an importer read: the questions it understood and an error per bad question.

    All or nothing: when ``errors`` is non-empty the caller must import none of ``questions``
    (they are kept only so a page can preview what was understood). ``questions_or_raise``
    enforces this for callers that just want the questions.
    """

    questions: list[ExportQuestion]
    errors: list[LineError]

    @property
    def ok(self) -> bool:
        return not self.errors

    def questions_or_raise(self) -> list[ExportQuestion]:
        if self.errors:
            raise ImportFailed(self.errors)
        return self.questions


def infer_kind(options: tuple[str, ...] | None, answer: str) -> str:
    """Guess a kind when a file does not say: years among the options or as the typed answer.

    A typed whole number between 1000 and 2100 is taken for a year; a typed answer without a
    digit ("Lima") is typed text; anything else typed is a number (so a mistyped figure is reported,
    not taken for text). Date choices cannot be told from plain multiple choice, so files should say so.
    """
    if options:
        return (
            QuestionKind.YEAR_CHOICE
            if all(re.fullmatch(r"\d{3,4}", o.strip()) for o in options)
            else QuestionKind.MC
        )
    value = parse_number(answer)
    if value is not None and value == int(value) and 1000 <= value <= 2100:
        return QuestionKind.TYPED_YEAR
    if value is None and answer.strip() and not any(c.isdigit() for c in answer):
        return QuestionKind.TYPED_TEXT
    return QuestionKind.TYPED_NUMBER
