"""Simultaneous requests from one learner (a double click, two tabs) must not create two attempts."""

import threading

import pytest
from django.db import connection

from quizzes.models import Attempt
from quizzes.services.teaching import attempt_start

pytestmark = pytest.mark.django_db(transaction=True)


def test_simultaneous_starts_make_one_attempt(quiz, learner):
    if connection.vendor == "sqlite":
        # The in-memory test database shares one cache between threads and has no busy timeout, so threads
        # fail with "table is locked" instead of waiting. A real SQLite file runs IMMEDIATE transactions,
        # which serialise writers the same way; this test runs on PostgreSQL in make test.
        pytest.skip("needs a database server; runs in the PostgreSQL pass")
    quiz.attempts_allowed = 5
    quiz.save()
    barrier = threading.Barrier(6)
    errors: list[BaseException] = []

    def start() -> None:
        try:
            barrier.wait(timeout=10)
            attempt_start(quiz=quiz, user=learner)
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=start) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert errors == []
    attempts = Attempt.objects.filter(quiz=quiz, user=learner)
    assert attempts.count() == 1, list(attempts.values("number", "finished_at"))


def test_simultaneous_adds_of_one_question_make_one_item(quiz, questions):
    from quizzes.models import QuizItem
    from quizzes.services.teaching import quiz_item_add

    if connection.vendor == "sqlite":
        pytest.skip("needs a database server; runs in the PostgreSQL pass")
    QuizItem.objects.filter(quiz=quiz).delete()
    quiz.published_at = None
    quiz.save()
    barrier = threading.Barrier(4)
    errors: list[BaseException] = []

    def add() -> None:
        try:
            barrier.wait(timeout=10)
            quiz_item_add(quiz=quiz, question_id=questions[3].pk)
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=add) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert errors == []
    assert QuizItem.objects.filter(quiz=quiz).count() == 1
