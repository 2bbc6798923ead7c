"""The reads every page shares are QuerySet methods with one definition each (issue 9)."""

import pytest
from django.utils import timezone

from quizzes.models import Attempt, Card, Question, Quiz
from tests.factories import CardFactory, FactFactory, QuestionFactory, QuizFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_studyable_questions_are_active_and_of_approved_facts():
    shown = QuestionFactory()
    QuestionFactory(active=False)
    QuestionFactory(fact=FactFactory(status="draft"))
    QuestionFactory(fact=FactFactory(status="rejected"))
    assert list(Question.objects.studyable()) == [shown]


def test_studyable_cards_follow_the_same_rule_and_leave_out_suspended_ones():
    user = UserFactory()
    shown = CardFactory(user=user)
    CardFactory(user=user, suspended=True)
    CardFactory(user=user, question=QuestionFactory(active=False))
    CardFactory(user=user, question=QuestionFactory(fact=FactFactory(status="draft")))
    assert list(Card.objects.for_user(user).studyable()) == [shown]


def test_with_source_loads_question_fact_and_document_in_the_same_query(django_assert_num_queries):
    CardFactory.create_batch(3)
    with django_assert_num_queries(1):
        titles = [card.question.fact.document.title for card in Card.objects.with_source()]
    assert len(titles) == 3


def test_published_quizzes_and_finished_or_running_attempts():
    draft, live = QuizFactory(), QuizFactory(published=True)
    assert list(Quiz.objects.published()) == [live]
    now = timezone.now()
    running = Attempt.objects.create(quiz=live, user=UserFactory(), started_at=now)
    done = Attempt.objects.create(quiz=live, user=UserFactory(), started_at=now, finished_at=now)
    assert list(Attempt.objects.in_progress()) == [running]
    assert list(Attempt.objects.finished()) == [done]
    assert draft.pk not in Quiz.objects.published().values_list("pk", flat=True)
