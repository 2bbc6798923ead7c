"""One shown card takes one answer: further answers to the same showing (a double click, a replay with
fresh idempotency keys, two tabs) get the first answer's result; a re-grade applies to the latest answer only."""

import uuid

import pytest
from django.test import Client

from quizzes.models import Card, ReviewLog
from tests.concurrency import at_once, database_server_only

HTMX = {"HTTP_HX_REQUEST": "true"}


def shown_page(client):
    page = client.get("/study/")
    ctx = page.context
    form = {"card": ctx["card"].pk, "shown": ctx["shown"]}
    positions = {o.index: str(o.key) for o in ctx["options"]}
    return ctx["card"], form, positions, ctx["card"].question.answer_index


@pytest.fixture
def one_card(client, learner, make_questions):
    """A learner with one choice question, shown once: (card, form, positions by index, right index)."""
    make_questions(1)
    client.force_login(learner)
    return shown_page(client)


@pytest.mark.django_db
def test_twenty_answers_to_one_showing_with_fresh_keys_make_one_review(client, one_card):
    card, form, positions, right = one_card
    wrong = next(i for i in positions if i != right)
    first = client.post(
        "/study/answer/", {**form, "key": uuid.uuid4().hex, "answer": positions[wrong]}, **HTMX
    )
    assert "Not quite." in first.content.decode()
    for _ in range(19):  # the right answer now, each with a new key: still the first answer's result
        again = client.post(
            "/study/answer/", {**form, "key": uuid.uuid4().hex, "answer": positions[right]}, **HTMX
        )
        assert again.status_code == 200 and "Not quite." in again.content.decode()
    card.refresh_from_db()
    assert ReviewLog.objects.count() == 1 and card.reps == 1


@pytest.mark.django_db
def test_the_next_showing_of_the_same_card_takes_a_new_answer(client, one_card):
    card, form, positions, right = one_card
    client.post("/study/answer/", {**form, "key": "a", "answer": positions[right]})
    page = client.get(f"/study/?card={card.pk}")  # shown again (as after a lapse, or ?card=)
    again = {"card": card.pk, "shown": page.context["shown"], "key": "b", "answer": positions[right]}
    assert client.post("/study/answer/", again).status_code == 200
    card.refresh_from_db()
    assert ReviewLog.objects.count() == 2 and card.reps == 2


@pytest.mark.django_db
def test_an_answer_without_a_valid_showing_is_shown_the_question_again(client, one_card):
    _card, form, positions, right = one_card
    for shown in ["", form["shown"][:-3] + "abc"]:
        response = client.post(
            "/study/answer/", {**form, "shown": shown, "key": uuid.uuid4().hex, "answer": positions[right]}
        )
        assert response.status_code == 409 and "out of date" in response.content.decode()
    assert not ReviewLog.objects.exists()


@pytest.mark.django_db
def test_only_the_latest_answer_can_be_regraded(client, learner, make_questions):
    make_questions(2)
    client.force_login(learner)
    _card, form, positions, right = shown_page(client)
    client.post("/study/answer/", {**form, "key": "first", "answer": positions[right]})
    older = ReviewLog.objects.get()
    _card2, form2, positions2, right2 = shown_page(client)
    client.post("/study/answer/", {**form2, "key": "second", "answer": positions2[right2]})
    refused = client.post("/study/regrade/", {"log": older.pk, "rating": 4})
    assert refused.status_code == 400 and "latest answer" in refused.content.decode()
    older.refresh_from_db()
    assert older.rating == 3
    latest = ReviewLog.objects.get(idempotency_key="second")
    assert client.post("/study/regrade/", {"log": latest.pk, "rating": 4}).status_code == 200
    latest.refresh_from_db()
    assert latest.rating == 4


@pytest.mark.django_db(transaction=True)
def test_twenty_parallel_answers_to_one_showing_make_one_review(learner, make_questions):
    database_server_only()
    make_questions(1)
    browser = Client()
    browser.force_login(learner)
    card, form, positions, right = shown_page(browser)
    clients = []
    for _ in range(20):
        tab = Client()
        tab.force_login(learner)
        clients.append(tab)
    statuses = []

    def answer():
        tab = clients.pop()
        response = tab.post("/study/answer/", {**form, "key": uuid.uuid4().hex, "answer": positions[right]})
        statuses.append(response.status_code)

    assert at_once(answer, 20) == []
    assert statuses == [200] * 20
    assert ReviewLog.objects.filter(card=card).count() == 1
    assert Card.objects.get(pk=card.pk).reps == 1
