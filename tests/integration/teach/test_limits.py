"""What one teacher can store is bounded, and each limit is said in words: long texts, many quizzes,
many questions in a quiz."""

import pytest
from django.urls import reverse

from quizzes.models import Question, Quiz, QuizItem
from quizzes.models.teaching import ITEMS_PER_QUIZ, QUIZ_DESCRIPTION_MAX, QUIZZES_PER_TEACHER
from tests.factories import QuestionFactory, QuizFactory, QuizItemFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def teaching(client, teacher):
    client.force_login(teacher)
    return client


def test_a_two_megabyte_description_is_a_400_with_a_message_and_no_quiz(teaching):
    response = teaching.post(reverse("teach"), {"title": "Week 1", "description": "x" * 2_000_000})
    assert response.status_code == 400
    assert (
        f"Keep the description under {QUIZ_DESCRIPTION_MAX} characters (it has 2000000)"
        in response.content.decode()
    )
    assert not Quiz.objects.exists()


def test_a_long_description_cannot_come_in_through_the_settings_either(teaching, teacher):
    quiz = QuizFactory(owner=teacher)
    form = {"title": "Week 1", "description": "y" * (QUIZ_DESCRIPTION_MAX + 1), "attempts_allowed": 1}
    form |= {"grading": "highest", "feedback": "end"}
    response = teaching.post(reverse("teach_quiz_settings", args=[quiz.pk]), form)
    assert response.status_code == 400 and "Keep the description under" in response.content.decode()
    quiz.refresh_from_db()
    assert len(quiz.description) <= QUIZ_DESCRIPTION_MAX


def test_a_teacher_has_at_most_so_many_quizzes(teaching, teacher):
    Quiz.objects.bulk_create(Quiz(owner=teacher, title=f"Quiz {n}") for n in range(QUIZZES_PER_TEACHER))
    response = teaching.post(reverse("teach"), {"title": "One more", "description": ""})
    assert response.status_code == 400
    assert f"You already have {QUIZZES_PER_TEACHER} quizzes" in response.content.decode()
    assert Quiz.objects.filter(owner=teacher).count() == QUIZZES_PER_TEACHER


def test_a_quiz_holds_at_most_so_many_questions(teaching, teacher):
    quiz = QuizFactory(owner=teacher)
    QuizItem.objects.bulk_create(
        QuizItem(quiz=quiz, position=n, prompt=f"Q{n}", answer="1991", kind="typed_year")
        for n in range(ITEMS_PER_QUIZ)
    )
    question = QuestionFactory()
    response = teaching.post(reverse("teach_item_add", args=[quiz.pk]), {"question": question.pk})
    assert response.status_code == 400
    assert f"A quiz holds at most {ITEMS_PER_QUIZ} questions" in response.content.decode()
    assert not QuizItem.objects.filter(quiz=quiz, question=question).exists()
    assert Question.objects.filter(pk=question.pk).exists()


def test_an_import_that_would_overfill_the_quiz_adds_nothing(teaching, teacher):
    from django.core.files.uploadedfile import SimpleUploadedFile

    quiz = QuizFactory(owner=teacher)
    QuizItemFactory(quiz=quiz)
    gift = "\n\n".join(
        f"::Q{n}:: In which year was treaty {n} signed? {{#1991}}" for n in range(ITEMS_PER_QUIZ)
    )
    upload = SimpleUploadedFile("many.gift", gift.encode(), content_type="text/plain")
    response = teaching.post(reverse("teach_quiz_import", args=[quiz.pk]), {"file": upload, "format": "auto"})
    assert response.status_code == 400
    assert f"the file adds {ITEMS_PER_QUIZ}" in response.content.decode()
    assert QuizItem.objects.filter(quiz=quiz).count() == 1
