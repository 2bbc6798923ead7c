"""Question generation: pure functions from a fact and its fact base to quiz questions.

Public API:

- ``generate_questions(fact, fact_base, *, today) -> list[QuestionData]``
- ``shuffle_options(options, answer_index, seed) -> (options, answer_index)``
- ``grade_typed(kind, expected, given) -> TypedGrade``
- ``validate_options(options, answer_index) -> list[str]``
- ``QuestionKind``, ``QuestionData``, ``TypedGrade``, ``GENERATOR_VERSION``
"""

from quizzes.bank.generation.generate import generate_questions, shuffle_options
from quizzes.bank.generation.grading import grade_typed, validate_options
from quizzes.bank.generation.types import GENERATOR_VERSION, QuestionData, QuestionKind, TypedGrade

__all__ = [
    "GENERATOR_VERSION",
    "QuestionData",
    "QuestionKind",
    "TypedGrade",
    "generate_questions",
    "grade_typed",
    "shuffle_options",
    "validate_options",
]
