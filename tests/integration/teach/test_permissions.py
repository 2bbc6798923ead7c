"""A teacher sees and edits only their own quizzes and results; learners reach no teacher page and no
other learner's attempt."""

import pytest
from django.urls import reverse

from quizzes.models import Quiz, QuizItem
from tests.factories import TeacherFactory, UserFactory

from .conftest import start

pytestmark = pytest.mark.django_db


def teacher_urls(quiz):
    item = quiz.items.first()
    return {
        "get": [
            reverse("teach_quiz", args=[quiz.pk]),
            reverse("teach_results", args=[quiz.pk]),
            reverse("teach_results_csv", args=[quiz.pk]),
            reverse("teach_stats_csv", args=[quiz.pk]),
            reverse("teach_export", args=[quiz.pk, "gift"]),
            reverse("teach_item_edit", args=[quiz.pk, item.pk]),
        ],
        "post": [
            reverse("teach_quiz_settings", args=[quiz.pk]),
            reverse("teach_item_add", args=[quiz.pk]),
            reverse("teach_item_remove", args=[quiz.pk, item.pk]),
            reverse("teach_item_move", args=[quiz.pk, item.pk]),
            reverse("teach_item_edit", args=[quiz.pk, item.pk]),
            reverse("teach_publish", args=[quiz.pk]),
            reverse("teach_close", args=[quiz.pk]),
            reverse("teach_reopen", args=[quiz.pk]),
            reverse("teach_quiz_import", args=[quiz.pk]),
        ],
    }


def test_another_teacher_gets_404_on_every_page_and_changes_nothing(client, quiz):
    client.force_login(TeacherFactory(username="other-teacher"))
    urls = teacher_urls(quiz)
    for url in urls["get"]:
        assert client.get(url).status_code == 404, url
    for url in urls["post"]:
        assert (
            client.post(url, {"direction": "up", "question": "1", "title": "Hijacked"}).status_code == 404
        ), url
    quiz.refresh_from_db()
    assert quiz.title == "Treaty check" and not quiz.closed
    assert QuizItem.objects.filter(quiz=quiz).count() == 3
    assert "Treaty check" not in client.get(reverse("teach")).content.decode()


def test_the_owner_reaches_every_page(client, quiz, teacher):
    client.force_login(teacher)
    for url in teacher_urls(quiz)["get"]:
        assert client.get(url).status_code == 200, url
    assert "Treaty check" in client.get(reverse("teach")).content.decode()


def test_a_learner_cannot_open_teacher_pages(client, quiz, learner):
    client.force_login(learner)
    urls = teacher_urls(quiz)
    for url in [reverse("teach"), *urls["get"]]:
        assert client.get(url).status_code == 404, url
    for url in urls["post"]:
        assert client.post(url, {"title": "Hijacked"}).status_code == 404, url
    assert Quiz.objects.get(pk=quiz.pk).title == "Treaty check"


def test_a_learner_cannot_open_another_learners_attempt(client, quiz, learner):
    client.force_login(learner)
    attempt_id = start(client, quiz)
    client.force_login(UserFactory(username="mallory"))
    for name, args in [
        ("attempt_resume", [attempt_id]),
        ("attempt_question", [attempt_id, 1]),
        ("attempt_finish", [attempt_id]),
        ("attempt_review", [attempt_id]),
    ]:
        assert client.get(reverse(name, args=args)).status_code == 404, name
    assert client.post(reverse("attempt_question", args=[attempt_id, 1]), {"answer": "2"}).status_code == 404
    assert client.post(reverse("attempt_finish", args=[attempt_id])).status_code == 404
    client.force_login(learner)
    assert client.get(reverse("attempt_question", args=[attempt_id, 1])).status_code == 200


def test_anonymous_visitors_are_sent_to_log_in(client, quiz):
    for url in [
        reverse("join"),
        reverse("join_quiz", args=[quiz.join_code]),
        reverse("teach_quiz", args=[quiz.pk]),
    ]:
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")


def test_tampered_ids_are_404_not_500(client, quiz, teacher, learner):
    client.force_login(teacher)
    assert client.get(reverse("teach_quiz", args=[999999])).status_code == 404
    assert client.get(reverse("teach_item_edit", args=[quiz.pk, 999999])).status_code == 404
    assert client.post(reverse("teach_item_remove", args=[quiz.pk, 999999])).status_code == 404
    assert (
        client.post(reverse("teach_item_move", args=[quiz.pk, 999999]), {"direction": "up"}).status_code
        == 404
    )
    assert client.get(reverse("teach_export", args=[quiz.pk, "docx"])).status_code == 404
    client.force_login(learner)
    attempt_id = start(client, quiz)
    assert client.get(reverse("attempt_question", args=[attempt_id, 99])).status_code == 404
    assert client.get(reverse("attempt_review", args=[999999])).status_code == 404
