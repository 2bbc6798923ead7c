"""Taking a quiz: joining by code, one question per page, the server-enforced time limit, resuming after a
reload, feedback settings, attempts allowed and the study queue."""

import datetime as dt
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from quizzes.models import Attempt, Card, Quiz, Response
from quizzes.teaching import quizzes as teaching
from tests.factories import QuizItemFactory, UserFactory

from .conftest import answer, finish, start, take

pytestmark = pytest.mark.django_db


def shown_options(html: str) -> list[str]:
    """The option texts in the order the page shows them."""
    return re.findall(r'<label for="option-\d">([^<]*)', html)


def test_the_page_posts_positions_never_the_stored_option_index(client, quiz, learner):
    Quiz.objects.filter(pk=quiz.pk).update(shuffle_options=True)
    client.force_login(learner)
    attempt_id = start(client, quiz)
    page = client.get(reverse("attempt_question", args=[attempt_id, 1])).content.decode()
    assert re.findall(r'name="answer" id="option-(\d)" value="(\d)"', page) == [(n, n) for n in "1234"]
    attempt = Attempt.objects.get(pk=attempt_id)
    order = attempt.option_orders[str(attempt.order[0])]
    right_position = order.index(2) + 1  # the fixture's right answer is option 2
    assert answer(client, attempt_id, 1, str(right_position)).status_code == 302
    assert Response.objects.get(attempt_id=attempt_id).correct


def test_join_code_is_case_insensitive_and_leads_to_the_quiz(client, quiz, learner):
    client.force_login(learner)
    response = client.get(reverse("join"), {"code": f"  {quiz.join_code.lower()} "})
    assert response.status_code == 302 and response["Location"] == reverse("join_quiz", args=[quiz.join_code])
    page = client.get(response["Location"]).content.decode()
    assert "Treaty check" in page and "Start the quiz" in page
    # The link form of the code works in lower case too.
    assert client.get(f"/join/{quiz.join_code.lower()}/").status_code == 302


@pytest.mark.parametrize("state", ["unknown", "unpublished"])
def test_unknown_or_unpublished_codes_get_a_friendly_404(client, quiz, learner, state):
    if state == "unpublished":
        Quiz.objects.filter(pk=quiz.pk).update(published_at=None)
    code = quiz.join_code if state == "unpublished" else "ZZZZZZ"
    client.force_login(learner)
    response = client.get(reverse("join"), {"code": code})
    assert response.status_code == 404
    assert f"No quiz has the code “{code}”" in response.content.decode()
    assert client.get(reverse("join_quiz", args=[code])).status_code == 404
    assert client.post(reverse("join_start", args=[code])).status_code == 404


def test_an_empty_code_is_a_400_with_a_message(client, learner):
    client.force_login(learner)
    response = client.get(reverse("join"), {"code": ""})
    assert response.status_code == 400 and "This field is required" in response.content.decode()


def test_a_closed_quiz_refuses_new_attempts_with_a_message(client, quiz, learner, teacher):
    teaching.quiz_close(quiz=quiz)
    client.force_login(learner)
    page = client.get(reverse("join_quiz", args=[quiz.join_code]))
    assert page.status_code == 200 and "This quiz is closed" in page.content.decode()
    refused = client.post(reverse("join_start", args=[quiz.join_code]))
    assert refused.status_code == 403 and "not accepting new attempts" in refused.content.decode()
    assert not Attempt.objects.exists()


def test_closing_submits_attempts_in_progress_and_refuses_their_answers(client, quiz, learner):
    client.force_login(learner)
    attempt_id = start(client, quiz)
    answer(client, attempt_id, 1, 2)
    teaching.quiz_close(quiz=quiz)
    refused = answer(client, attempt_id, 2, 2)
    assert refused.status_code == 409
    attempt = Attempt.objects.get(pk=attempt_id)
    assert attempt.finished_at is not None and attempt.score == pytest.approx(1 / 3)
    assert Response.objects.filter(attempt=attempt).count() == 1
    review = client.get(reverse("attempt_review", args=[attempt_id])).content.decode()
    assert "submitted automatically when your teacher closed the quiz" in review


def test_one_question_per_page_then_finish_and_review(client, quiz, learner):
    client.force_login(learner)
    attempt_id = start(client, quiz)
    first = client.get(reverse("attempt_resume", args=[attempt_id]))
    assert first["Location"] == reverse("attempt_question", args=[attempt_id, 1])
    page = client.get(first["Location"]).content.decode()
    assert "Question 1 of 3" in page and "When was the first treaty signed?" in page
    assert "When did the embassy open?" not in page
    assert answer(client, attempt_id, 1, 2)["Location"] == reverse("attempt_question", args=[attempt_id, 2])
    assert answer(client, attempt_id, 2, 0)["Location"] == reverse("attempt_question", args=[attempt_id, 3])
    assert answer(client, attempt_id, 3, 2)["Location"] == reverse("attempt_finish", args=[attempt_id])
    assert "You answered 3 of 3" in client.get(reverse("attempt_finish", args=[attempt_id])).content.decode()
    assert finish(client, attempt_id)["Location"] == reverse("attempt_review", args=[attempt_id])
    review = client.get(reverse("attempt_review", args=[attempt_id])).content.decode()
    assert "2 of 3" in review and "67%" in review
    assert "Right answer: <strong>1991</strong>" in review  # shown for the one missed


def test_late_answer_is_refused_and_the_attempt_finishes_itself(client, quiz, learner):
    Quiz.objects.filter(pk=quiz.pk).update(time_limit_minutes=5)
    client.force_login(learner)
    attempt_id = start(client, quiz)
    attempt = Attempt.objects.get(pk=attempt_id)
    assert attempt.deadline == attempt.started_at + dt.timedelta(minutes=5)
    page = client.get(reverse("attempt_question", args=[attempt_id, 1])).content.decode()
    assert 'id="countdown"' in page and "data-deadline=" in page
    assert answer(client, attempt_id, 1, 2).status_code == 302  # in time: saved

    # The server clock passes the deadline.
    Attempt.objects.filter(pk=attempt_id).update(deadline=timezone.now() - dt.timedelta(seconds=1))
    late = answer(client, attempt_id, 2, 2)

    assert late.status_code == 409
    assert "Time is up" in late.content.decode() and "was not saved" in late.content.decode()
    attempt.refresh_from_db()
    assert attempt.finished_at == attempt.deadline and attempt.timed_out
    assert list(Response.objects.filter(attempt=attempt).values_list("chosen_index", flat=True)) == [2]
    assert attempt.score == pytest.approx(1 / 3)
    # Any later answer is refused too, and nothing changes.
    assert answer(client, attempt_id, 3, 2).status_code == 409
    assert Response.objects.filter(attempt=attempt).count() == 1


def test_visiting_an_expired_attempt_finishes_it(client, quiz, learner):
    Quiz.objects.filter(pk=quiz.pk).update(time_limit_minutes=1)
    client.force_login(learner)
    attempt_id = start(client, quiz)
    Attempt.objects.filter(pk=attempt_id).update(deadline=timezone.now() - dt.timedelta(seconds=1))
    response = client.get(reverse("attempt_question", args=[attempt_id, 1]))
    assert response["Location"] == reverse("attempt_review", args=[attempt_id])
    attempt = Attempt.objects.get(pk=attempt_id)
    assert attempt.finished_at is not None and attempt.timed_out and attempt.score == 0
    review = client.get(response["Location"]).content.decode()
    assert "submitted automatically when time ran out" in review


def test_reload_resumes_with_the_same_order_and_answers(client, quiz, learner):
    Quiz.objects.filter(pk=quiz.pk).update(shuffle_questions=True, shuffle_options=True)
    client.force_login(learner)
    attempt_id = start(client, quiz)
    attempt = Attempt.objects.get(pk=attempt_id)
    first_visit = client.get(reverse("attempt_question", args=[attempt_id, 1])).content.decode()
    prompt = re.search(r'<legend class="prompt">(.*?)</legend>', first_visit).group(1)
    options = shown_options(first_visit)
    assert len(options) == 4
    answer(client, attempt_id, 1, "4")  # the last one shown

    # Reload, or come back later through the quiz page: same attempt, same order, answer kept.
    client.logout()
    client.force_login(learner)
    assert start(client, quiz) == attempt_id
    assert client.get(reverse("attempt_resume", args=[attempt_id]))["Location"].endswith("/q/2/")
    again = client.get(reverse("attempt_question", args=[attempt_id, 1])).content.decode()
    assert re.search(r'<legend class="prompt">(.*?)</legend>', again).group(1) == prompt
    assert shown_options(again) == options
    assert re.search(r'value="4"\s+checked', again)
    attempt.refresh_from_db()
    assert Attempt.objects.filter(quiz=quiz, user=learner).count() == 1


def test_options_are_shuffled_per_attempt_but_graded_by_meaning(client, quiz):
    Quiz.objects.filter(pk=quiz.pk).update(shuffle_options=True, attempts_allowed=0)
    orders = set()
    for n in range(8):
        user = UserFactory(username=f"shuffler{n}")
        attempt_id = take(client, user, quiz, [2, 2, 2])
        attempt = Attempt.objects.get(pk=attempt_id)
        assert attempt.score == 1.0
        orders.add(tuple(attempt.option_orders[str(attempt.order[0])]))
    assert len(orders) > 1


def test_end_feedback_lets_answers_change_until_finish(client, quiz, learner):
    client.force_login(learner)
    attempt_id = start(client, quiz)
    answer(client, attempt_id, 1, 0)
    page = client.get(reverse("attempt_question", args=[attempt_id, 1])).content.decode()
    assert "Not quite" not in page and "You can change your answer" in page
    answer(client, attempt_id, 1, 2)
    assert Response.objects.get(attempt_id=attempt_id).chosen_index == 2


def test_immediate_feedback_shows_the_verdict_and_the_first_answer_stands(client, quiz, learner):
    Quiz.objects.filter(pk=quiz.pk).update(feedback=Quiz.Feedback.IMMEDIATE)
    client.force_login(learner)
    attempt_id = start(client, quiz)
    response = answer(client, attempt_id, 1, 0)
    assert response["Location"] == reverse("attempt_question", args=[attempt_id, 1])
    page = client.get(response["Location"]).content.decode()
    assert "Not quite. The right answer is “1991”." in page and "Next question" in page
    # A double submit (or a second try) changes nothing.
    assert answer(client, attempt_id, 1, 2).status_code == 302
    response = Response.objects.get(attempt_id=attempt_id)
    assert response.chosen_index == 0 and not response.correct


def test_bad_answers_are_400_with_a_message_and_nothing_saved(client, quiz, learner):
    client.force_login(learner)
    attempt_id = start(client, quiz)
    for bad in ["", "seven", "9", "-1", "0"]:
        response = answer(client, attempt_id, 1, bad)
        assert response.status_code == 400, bad
        assert "option" in response.content.decode().lower()
    assert not Response.objects.exists()


def test_typed_question_is_graded_with_the_typed_rules(client, quiz, learner, questions):
    QuizItemFactory(quiz=quiz, question=questions[3], position=5)
    client.force_login(learner)
    attempt_id = start(client, quiz)
    page = client.get(reverse("attempt_question", args=[attempt_id, 4])).content.decode()
    assert 'id="typed-answer"' in page
    assert answer(client, attempt_id, 4, "").status_code == 400
    assert answer(client, attempt_id, 4, " 1991 ").status_code == 302
    assert Response.objects.get(attempt_id=attempt_id).correct


def test_attempts_allowed_and_grading_method(client, quiz, learner):
    Quiz.objects.filter(pk=quiz.pk).update(attempts_allowed=2, grading=Quiz.Grading.AVERAGE)
    take(client, learner, quiz, [2, 2, 2])
    take(client, learner, quiz, [0, 2, None])
    refused = client.post(reverse("join_start", args=[quiz.join_code]))
    assert refused.status_code == 403 and "used all 2 attempts" in refused.content.decode()
    page = client.get(reverse("join_quiz", args=[quiz.join_code])).content.decode()
    assert "Your grade: <strong>67%</strong>" in page  # (100% + 33%) / 2
    Quiz.objects.filter(pk=quiz.pk).update(grading=Quiz.Grading.LAST)
    assert (
        "Your grade: <strong>33%</strong>"
        in client.get(reverse("join_quiz", args=[quiz.join_code])).content.decode()
    )


def test_missed_questions_enter_the_study_queue(client, quiz, learner, questions):
    take(client, learner, quiz, [2, 0, None])
    cards = Card.objects.filter(user=learner)
    assert set(cards.values_list("question_id", flat=True)) == {questions[1].pk, questions[2].pk}
    assert all(card.due <= timezone.now() for card in cards)


def test_finishing_twice_is_harmless(client, quiz, learner):
    client.force_login(learner)
    attempt_id = start(client, quiz)
    answer(client, attempt_id, 1, 2)
    finish(client, attempt_id)
    first = Attempt.objects.get(pk=attempt_id)
    assert finish(client, attempt_id).status_code == 302
    again = Attempt.objects.get(pk=attempt_id)
    assert (again.finished_at, again.score) == (first.finished_at, first.score)
    assert answer(client, attempt_id, 2, 2).status_code == 409
