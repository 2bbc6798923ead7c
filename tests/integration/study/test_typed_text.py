"""Studying a typed-name card: a plain text box, kind grading, and the right answer in the feedback."""

import pytest

from quizzes.models import ReviewLog
from tests.factories import QuestionFactory

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}
NAME = {
    "kind": "typed_text",
    "options": None,
    "answer_index": None,
    "answer": "Aleksander Kwaśniewski",
    "answer_type": "person",
    "prompt": "Who visited Kyrgyzstan in 2002?",
}


@pytest.fixture
def studying(client, learner):
    client.force_login(learner)
    return client


def _form(response) -> dict:
    ctx = response.context
    return {"card": ctx["card"].pk, "key": ctx["idempotency_key"], "shown": ctx["shown"]}


def test_a_typed_name_card_asks_for_text_not_a_number(studying):
    QuestionFactory(**NAME)
    html = studying.get("/study/").content.decode()
    assert 'id="typed-answer"' in html
    assert "Type your answer" in html
    assert "(a number)" not in html and "(a year)" not in html
    assert 'inputmode="numeric"' not in html


def test_a_name_typed_without_accents_or_capitals_is_right(studying):
    QuestionFactory(**NAME)
    page = studying.get("/study/")
    html = studying.post(
        "/study/answer/", {**_form(page), "answer": "aleksander kwasniewski"}
    ).content.decode()
    log = ReviewLog.objects.get()
    assert log.correct and log.answer_given == "aleksander kwasniewski"
    assert "Right!" in html and "Not quite" not in html


def test_a_wrong_name_shows_the_right_one_once(studying):
    QuestionFactory(**NAME)
    page = studying.get("/study/")
    response = studying.post("/study/answer/", {**_form(page), "answer": "Kwasniewski"}, **HTMX)
    html = response.content.decode()
    assert not ReviewLog.objects.get().correct
    assert "Not quite." in html and "Aleksander Kwaśniewski" in html
    assert "Not quite: the answer is" not in html  # the verdict is said once, not twice
