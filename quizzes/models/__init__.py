"""The app's models, split by domain and re-exported so ``quizzes.models.X`` (and migrations) keep working.

``bank`` (questions), ``study`` (profiles, cards, reviews), ``teaching`` (quizzes, items, attempts, responses).
Model modules may import ``facts.models``, the pure definitions they are built from (question kinds in
``quizzes.bank.generation.types``, card states in ``quizzes.study.scheduling.states``) and each other in the
order bank -> study / teaching; nothing else. Reads are QuerySet methods here (``Question.objects.studyable()``,
``.with_source()``, ``Quiz.objects.published()``, ``Attempt.objects.finished()`` / ``in_progress()``).
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
