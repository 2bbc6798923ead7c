"""Simultaneous requests from one learner or teacher (a double click, two tabs) must not duplicate rows."""

import pytest

from quizzes.models import Attempt, QuizItem
from quizzes.teaching.attempts import attempt_start
from quizzes.teaching.quizzes import quiz_item_add
from tests.concurrency import at_once, database_server_only

pytestmark = pytest.mark.django_db(transaction=True)


_database_server_only = pytest.fixture(autouse=True)(database_server_only)


def test_simultaneous_starts_make_one_attempt(quiz, learner):
    quiz.attempts_allowed = 5
    quiz.save()
    assert at_once(lambda: attempt_start(quiz=quiz, user=learner), 6) == []
    attempts = Attempt.objects.filter(quiz=quiz, user=learner)
    assert attempts.count() == 1, list(attempts.values("number", "finished_at"))


def test_simultaneous_adds_of_one_question_make_one_item(quiz, questions):
    QuizItem.objects.filter(quiz=quiz).delete()
    quiz.published_at = None
    quiz.save()
    assert at_once(lambda: quiz_item_add(quiz=quiz, question_id=questions[3].pk), 4) == []
    assert QuizItem.objects.filter(quiz=quiz).count() == 1
