"""Question generation: pure functions from a fact and its fact base to quiz questions.

Public API:

- ``generate_questions(fact, fact_base, *, today) -> list[QuestionData]``
- ``generate(fact, fact_base, *, today) -> Generation`` (the questions and the stems the gate refused)
- ``refusal_counts(refusals) -> Counter`` by reason, one of ``REFUSAL_REASONS`` (see ``gate``)
- ``shuffle_options(options, answer_index, seed) -> (options, answer_index)``
- ``grade_typed(kind, expected, given) -> TypedGrade``
- ``validate_options(options, answer_index) -> list[str]``
- ``QuestionKind``, ``QuestionData``, ``TypedGrade``, ``GENERATOR_VERSION``
"""

from quizzes.bank.generation.gate import REFUSAL_REASONS, Refusal, refusal_counts
from quizzes.bank.generation.generate import (
    Generation,
    generate,
    generate_questions,
    prepare,
    shuffle_options,
)
from quizzes.bank.generation.grading import grade_typed, validate_options
from quizzes.bank.generation.types import GENERATOR_VERSION, QuestionData, QuestionKind, TypedGrade

__all__ = [
    "GENERATOR_VERSION",
    "REFUSAL_REASONS",
    "Generation",
    "Refusal",
    "QuestionData",
    "QuestionKind",
    "TypedGrade",
    "generate",
    "generate_questions",
    "prepare",
    "grade_typed",
    "refusal_counts",
    "shuffle_options",
    "validate_options",
]
