"""Plain data returned by question generation and typed grading.

Kept free of Django so that generation can run in commands, services and tests alike;
services turn ``QuestionData`` into Question rows (one row per fact and kind).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from facts.extraction.types import AnswerType

# Bump whenever a change to generation would produce different questions for the same facts,
# so that stored questions can be found and regenerated in place.
GENERATOR_VERSION: int = 5


class QuestionKind(StrEnum):
    MC = "mc"  # multiple choice on the fact's answer, four options of the answer's type
    YEAR_CHOICE = "year_choice"  # four years
    DATE_CHOICE = "date_choice"  # four full dates, for day-precision dates
    TYPED_YEAR = "typed_year"  # the learner types a year
    TYPED_NUMBER = "typed_number"  # the learner types a number
    TYPED_TEXT = "typed_text"  # the learner types a name, when three good distractors do not exist


# The one definition of the kinds: Question.Kind (the model's choices) and the exchange formats are built
# from these, and StrEnum members compare equal to their stored strings ("mc" in CHOICE_KINDS).
KIND_LABELS: dict[QuestionKind, str] = {
    QuestionKind.MC: "Multiple choice",
    QuestionKind.YEAR_CHOICE: "Pick the year",
    QuestionKind.DATE_CHOICE: "Pick the date",
    QuestionKind.TYPED_YEAR: "Type the year",
    QuestionKind.TYPED_NUMBER: "Type the number",
    QuestionKind.TYPED_TEXT: "Type the answer",
}
CHOICE_KINDS = frozenset({QuestionKind.MC, QuestionKind.YEAR_CHOICE, QuestionKind.DATE_CHOICE})
TYPED_KINDS = frozenset({QuestionKind.TYPED_YEAR, QuestionKind.TYPED_NUMBER, QuestionKind.TYPED_TEXT})
NUMERIC_KINDS = frozenset({QuestionKind.TYPED_YEAR, QuestionKind.TYPED_NUMBER})
ALL_KINDS = CHOICE_KINDS | TYPED_KINDS

# What typed grading says to an answer that is exactly right (templates show no detail then).
EXACTLY_RIGHT = "Exactly right."


@dataclass(frozen=True, slots=True)
class QuestionData:
    """One generated question.

    ``options`` is stored in a canonical, deterministic order (chronological for years and
    dates, ascending for numbers and ordinals, alphabetical for names) and is ``None`` for typed
    kinds; shuffle with :func:`quizzes.bank.generation.shuffle_options` when showing it.
    ``answer`` is exactly ``options[answer_index]`` for choice kinds.
    """

    kind: QuestionKind
    prompt: str
    answer: str
    options: tuple[str, ...] | None
    answer_index: int | None
    answer_type: AnswerType
    explanation: str = ""


@dataclass(frozen=True, slots=True)
class TypedGrade:
    """The verdict on a typed answer: ``off_by`` is the numeric distance when both parse."""

    correct: bool
    message: str
    off_by: float | None
    normalized: str
