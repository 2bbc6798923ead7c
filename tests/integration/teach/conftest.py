"""A small document with questions, a teacher's quiz over them, and helpers that take a quiz the way a
browser does (through the views), so tests exercise the real request path."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from tests.factories import DocumentFactory, FactFactory, QuestionFactory, QuizFactory, QuizItemFactory


@pytest.fixture
def document(db):
    return DocumentFactory(title="Treaties of the North", slug="treaties-of-the-north")


@pytest.fixture
def questions(document):
    """Three choice questions (right answer "1991", option 3) and one typed year, in one document."""
    made = []
    for n, (section, prompt) in enumerate(
        [
            ("History", "When was the first treaty signed?"),
            ("History", "When did the embassy open?"),
            ("Trade", "When did trade reach its peak?"),
        ]
    ):
        fact = FactFactory(document=document, section=section, position=n)
        made.append(QuestionFactory(fact=fact, prompt=prompt))
    fact = FactFactory(document=document, section="Trade", position=9)
    made.append(QuestionFactory(fact=fact, typed_year=True, prompt="In which year was the port built?"))
    return made


@pytest.fixture
def quiz(teacher, questions):
    """A published quiz of the ``teacher`` fixture with the three choice questions, in order."""
    quiz = QuizFactory(owner=teacher, published=True, title="Treaty check")
    for position, question in enumerate(questions[:3]):
        QuizItemFactory(quiz=quiz, question=question, position=position)
    return quiz


def start(client, quiz):
    """Start (or continue) an attempt; returns the attempt id."""
    response = client.post(reverse("join_start", args=[quiz.join_code]))
    assert response.status_code == 302, response.content.decode()[:500]
    return int(re.search(r"/join/attempt/(\d+)/", response["Location"]).group(1))


def answer(client, attempt_id: int, number: int, value) -> object:
    """Answer question ``number``: an int is a canonical option index, posted as the position the page
    shows it at (as a click would); a string is posted as it is (typed text, or a position read off the page)."""
    if isinstance(value, int):
        from quizzes.models import Attempt

        attempt = Attempt.objects.get(pk=attempt_id)
        order = attempt.option_orders.get(str(attempt.order[number - 1])) or list(range(value + 1))
        value = order.index(value) + 1
    return client.post(reverse("attempt_question", args=[attempt_id, number]), {"answer": str(value)})


def finish(client, attempt_id: int):
    return client.post(reverse("attempt_finish", args=[attempt_id]))


def take(client, user, quiz, picks: list[int | str | None]) -> int:
    """Log ``user`` in and take ``quiz``, answering question n (in attempt order) with picks[n]
    (a canonical option index, or text for typed questions; None skips it), then finish."""
    client.force_login(user)
    attempt_id = start(client, quiz)
    for number, pick in enumerate(picks, start=1):
        if pick is not None:
            assert answer(client, attempt_id, number, pick).status_code == 302
    assert finish(client, attempt_id).status_code == 302
    return attempt_id
