"""The builder and the take page run a fixed number of queries, whatever the number of questions."""

import pytest
from django.urls import reverse

from tests.factories import FactFactory, QuestionFactory, QuizFactory, QuizItemFactory

from .conftest import answer, start

pytestmark = pytest.mark.django_db


def quiz_with(teacher, document, count: int):
    quiz = QuizFactory(owner=teacher, published=True, shuffle_options=True, shuffle_questions=True)
    for n in range(count):
        question = QuestionFactory(fact=FactFactory(document=document), prompt=f"When did event {n} happen?")
        QuizItemFactory(quiz=quiz, question=question, position=n)
    return quiz


@pytest.mark.parametrize("count", [3, 12])
def test_builder_page_queries_do_not_grow_with_items(
    client, teacher, document, count, django_assert_max_num_queries
):
    quiz = quiz_with(teacher, document, count)
    client.force_login(teacher)
    with django_assert_max_num_queries(9):
        page = client.get(reverse("teach_quiz", args=[quiz.pk]), {"q": "event", "document": document.slug})
    assert page.content.decode().count('class="item"') == count


@pytest.mark.parametrize("count", [3, 12])
def test_take_pages_queries_do_not_grow_with_items(
    client, teacher, learner, document, count, django_assert_max_num_queries
):
    quiz = quiz_with(teacher, document, count)
    client.force_login(learner)
    attempt_id = start(client, quiz)
    answer(client, attempt_id, 1, 0)
    with django_assert_max_num_queries(8):
        page = client.get(reverse("attempt_question", args=[attempt_id, 2]))
    assert page.content.decode().count("(not answered)") == count - 1
    with django_assert_max_num_queries(8):
        assert client.get(reverse("attempt_finish", args=[attempt_id])).status_code == 200
