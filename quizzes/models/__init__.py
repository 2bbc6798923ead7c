"""The app's models, split by domain and re-exported so ``quizzes.models.X`` (and migrations) keep working.

``bank`` (questions), ``study`` (profiles, cards, reviews), ``teaching`` (quizzes, items, attempts, responses).
Model modules may import ``facts.models`` and each other in the order bank -> study / teaching; nothing else.
"""

from quizzes.models.bank import Question
from quizzes.models.study import Card, CardQuerySet, ReviewLog, StudyProfile, validate_timezone
from quizzes.models.teaching import Attempt, Quiz, QuizItem, Response, new_join_code

__all__ = [
    "Attempt",
    "Card",
    "CardQuerySet",
    "Question",
    "Quiz",
    "QuizItem",
    "Response",
    "ReviewLog",
    "StudyProfile",
    "new_join_code",
    "validate_timezone",
]
