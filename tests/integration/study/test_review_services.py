"""Answers, re-grades and undo at the database level: what a learner's click does to cards and the log."""

import datetime as dt

import pytest

from quizzes.models import Card, ReviewLog
from quizzes.study import scheduling
from quizzes.study.services import (
    AnswerError,
    card_for_question,
    profile_for,
    review_regrade,
    review_submit,
    review_undo,
    scheduler_config,
)
from tests.factories import CardFactory, FactFactory, QuestionFactory, UserFactory

from .conftest import NOW

pytestmark = pytest.mark.django_db

CARD_FIELDS = [
    "state",
    "step",
    "stability",
    "difficulty",
    "due",
    "last_review",
    "reps",
    "lapses",
    "suspended",
    "leech",
]


def card_fields(card: Card) -> dict:
    card.refresh_from_db()
    return {name: getattr(card, name) for name in CARD_FIELDS}


def review_card(user, *, lapses=0, days_ago=10, stability=8.0):
    """A card in long-term review, last seen ``days_ago`` days ago and due now."""
    return CardFactory(
        user=user,
        state=Card.State.REVIEW,
        step=None,
        stability=stability,
        difficulty=5.0,
        due=NOW - dt.timedelta(hours=1),
        last_review=NOW - dt.timedelta(days=days_ago),
        reps=5 + lapses,
        lapses=lapses,
    )


def test_a_right_answer_is_good_and_logs_everything(learner):
    question = QuestionFactory()
    card = card_for_question(user=learner, question=question, now=NOW)
    log, verdict = review_submit(
        user=learner, card_id=card.pk, raw_answer="2", idempotency_key="k1", response_ms=4200, now=NOW
    )
    assert verdict.correct and verdict.given == "1991"
    assert log.rating == scheduling.Rating.GOOD
    assert log.correct and log.answer_given == "1991" and log.response_ms == 4200 and log.was_new
    assert log.state_before["state"] == Card.State.NEW
    card.refresh_from_db()
    assert card.state == Card.State.LEARNING and card.reps == 1
    assert log.state_after["due"] == card.due.isoformat()
    # Good on a new card moves to the second learning step: 10 minutes.
    assert card.due - NOW == dt.timedelta(minutes=10)


def test_a_wrong_answer_is_again_and_comes_back_in_a_minute(learner):
    card = card_for_question(user=learner, question=QuestionFactory(), now=NOW)
    log, verdict = review_submit(user=learner, card_id=card.pk, raw_answer="0", idempotency_key="k", now=NOW)
    assert not verdict.correct and verdict.chosen_index == 0 and verdict.given == "1989"
    assert log.rating == scheduling.Rating.AGAIN and not log.correct
    card.refresh_from_db()
    assert card.due - NOW == dt.timedelta(minutes=1)


def test_a_review_card_is_scheduled_exactly_as_fsrs_says(learner):
    card = review_card(learner)
    state = scheduling.CardState(
        state=2, step=None, stability=8.0, difficulty=5.0, due=card.due, last_review=card.last_review
    )
    expected = scheduling.review(
        state,
        3,
        NOW,
        scheduler_config(profile_for(learner)),
        rng_seed=scheduling.review_seed(card.pk, card.reps),
    ).state_after
    review_submit(user=learner, card_id=card.pk, raw_answer="2", idempotency_key="k", now=NOW)
    card.refresh_from_db()
    assert (card.due, card.stability, card.difficulty) == (
        expected.due,
        expected.stability,
        expected.difficulty,
    )
    assert card.due - NOW > dt.timedelta(days=3)


def test_desired_retention_of_the_learner_changes_the_interval(learner):
    strict = UserFactory(username="strict")
    profile = profile_for(strict)
    profile.desired_retention = 0.97
    profile.save()
    relaxed_card, strict_card = review_card(learner), review_card(strict)
    review_submit(user=learner, card_id=relaxed_card.pk, raw_answer="2", idempotency_key="a", now=NOW)
    review_submit(user=strict, card_id=strict_card.pk, raw_answer="2", idempotency_key="a", now=NOW)
    relaxed_card.refresh_from_db()
    strict_card.refresh_from_db()
    assert strict_card.due < relaxed_card.due


def test_a_double_submit_records_one_review_and_returns_the_same_feedback(learner):
    card = card_for_question(user=learner, question=QuestionFactory(), now=NOW)
    first, verdict1 = review_submit(
        user=learner, card_id=card.pk, raw_answer="0", idempotency_key="same", now=NOW
    )
    after_first = card_fields(card)
    second, verdict2 = review_submit(
        user=learner,
        card_id=card.pk,
        raw_answer="2",
        idempotency_key="same",
        now=NOW + dt.timedelta(seconds=2),
    )
    assert second.pk == first.pk
    assert verdict2.correct is False and verdict2.chosen_index == verdict1.chosen_index == 0
    assert ReviewLog.objects.count() == 1
    assert card_fields(card) == after_first


def test_a_key_reused_for_another_card_changes_neither(learner):
    question_a, question_b = QuestionFactory(), QuestionFactory()
    card_a = card_for_question(user=learner, question=question_a, now=NOW)
    card_b = card_for_question(user=learner, question=question_b, now=NOW)
    review_submit(user=learner, card_id=card_a.pk, raw_answer="2", idempotency_key="k", now=NOW)
    before_b = card_fields(card_b)
    log, _ = review_submit(user=learner, card_id=card_b.pk, raw_answer="2", idempotency_key="k", now=NOW)
    assert log.card_id == card_a.pk
    assert card_fields(card_b) == before_b


def test_the_same_key_from_two_learners_is_two_reviews(learner):
    other = UserFactory(username="other")
    question = QuestionFactory()
    for user in (learner, other):
        card = card_for_question(user=user, question=question, now=NOW)
        review_submit(user=user, card_id=card.pk, raw_answer="2", idempotency_key="k", now=NOW)
    assert ReviewLog.objects.count() == 2


def test_answering_someone_elses_card_is_refused(learner):
    card = CardFactory(user=UserFactory(username="owner"))
    with pytest.raises(Card.DoesNotExist):
        review_submit(user=learner, card_id=card.pk, raw_answer="2", idempotency_key="k", now=NOW)
    assert not ReviewLog.objects.exists()


@pytest.mark.parametrize("raw", ["4", "-1", "two", ""])
def test_an_option_that_is_not_the_questions_is_refused(learner, raw):
    card = card_for_question(user=learner, question=QuestionFactory(), now=NOW)
    with pytest.raises(AnswerError):
        review_submit(user=learner, card_id=card.pk, raw_answer=raw, idempotency_key="k", now=NOW)
    assert not ReviewLog.objects.exists()
    card.refresh_from_db()
    assert card.state == Card.State.NEW


def test_a_typed_year_says_how_far_off_it_was(learner):
    card = card_for_question(user=learner, question=QuestionFactory(typed_year=True), now=NOW)
    log, verdict = review_submit(
        user=learner, card_id=card.pk, raw_answer="1995", idempotency_key="k", now=NOW
    )
    assert not verdict.correct and verdict.off_by == 4
    assert "Off by 4 years" in verdict.message
    assert log.answer_given == "1995" and log.rating == scheduling.Rating.AGAIN


def test_a_typed_question_mark_gives_up_and_an_empty_answer_is_refused(learner):
    card = card_for_question(user=learner, question=QuestionFactory(typed_year=True), now=NOW)
    with pytest.raises(AnswerError):
        review_submit(user=learner, card_id=card.pk, raw_answer="  ", idempotency_key="k1", now=NOW)
    log, verdict = review_submit(user=learner, card_id=card.pk, raw_answer="?", idempotency_key="k2", now=NOW)
    assert not verdict.correct and log.rating == scheduling.Rating.AGAIN


def test_a_right_answer_can_be_regraded_easy_exactly_as_if_answered_easy(learner):
    mine = review_card(learner)
    log, _ = review_submit(user=learner, card_id=mine.pk, raw_answer="2", idempotency_key="k", now=NOW)
    review_regrade(user=learner, log_id=log.pk, rating=4, now=NOW + dt.timedelta(seconds=5))
    # As if the learner had answered Easy in the first place, with the same fuzz seed.
    state = scheduling.CardState.from_dict(log.state_before)
    expected = scheduling.review(
        state, 4, NOW, scheduler_config(profile_for(learner)), rng_seed=scheduling.review_seed(mine.pk, 5)
    ).state_after
    mine.refresh_from_db()
    log.refresh_from_db()
    assert log.rating == 4 and mine.due == expected.due and mine.reps == 6
    assert log.state_after["due"] == expected.due.isoformat()


def test_a_wrong_answer_cannot_be_regraded(learner):
    card = card_for_question(user=learner, question=QuestionFactory(), now=NOW)
    log, _ = review_submit(user=learner, card_id=card.pk, raw_answer="0", idempotency_key="k", now=NOW)
    with pytest.raises(ValueError, match="right answer"):
        review_regrade(user=learner, log_id=log.pk, rating=4)
    with pytest.raises(ReviewLog.DoesNotExist):
        review_regrade(user=UserFactory(username="x"), log_id=log.pk, rating=4)


def test_undo_puts_the_card_back_exactly_and_removes_the_log(learner):
    card = review_card(learner, lapses=2)
    before = card_fields(card)
    review_submit(user=learner, card_id=card.pk, raw_answer="0", idempotency_key="k", now=NOW)
    assert card_fields(card) != before
    undone = review_undo(user=learner)
    assert undone.card_id == card.pk
    assert card_fields(card) == before
    assert not ReviewLog.objects.exists()


def test_undo_then_the_same_answer_gives_the_same_schedule(learner):
    card = review_card(learner)
    review_submit(user=learner, card_id=card.pk, raw_answer="2", idempotency_key="k1", now=NOW)
    first = card_fields(card)
    review_undo(user=learner)
    review_submit(user=learner, card_id=card.pk, raw_answer="2", idempotency_key="k2", now=NOW)
    assert card_fields(card) == first


def test_undo_of_a_new_card_makes_it_new_again_and_only_the_last_answer_goes(learner, make_questions):
    first_q, second_q = make_questions(2)
    first = card_for_question(user=learner, question=first_q, now=NOW)
    review_submit(user=learner, card_id=first.pk, raw_answer="2", idempotency_key="1", now=NOW)
    second = card_for_question(user=learner, question=second_q, now=NOW)
    review_submit(
        user=learner,
        card_id=second.pk,
        raw_answer="2",
        idempotency_key="2",
        now=NOW + dt.timedelta(seconds=9),
    )
    review_undo(user=learner)
    second.refresh_from_db()
    first.refresh_from_db()
    assert second.state == Card.State.NEW and second.reps == 0 and second.last_review is None
    assert first.state == Card.State.LEARNING
    assert list(ReviewLog.objects.values_list("idempotency_key", flat=True)) == ["1"]


def test_undo_touches_only_the_learners_own_answers(learner):
    other = UserFactory(username="other")
    mine = card_for_question(user=learner, question=QuestionFactory(), now=NOW)
    theirs = card_for_question(user=other, question=QuestionFactory(), now=NOW)
    review_submit(user=learner, card_id=mine.pk, raw_answer="2", idempotency_key="a", now=NOW)
    review_submit(
        user=other, card_id=theirs.pk, raw_answer="2", idempotency_key="b", now=NOW + dt.timedelta(1)
    )
    assert review_undo(user=learner).card_id == mine.pk
    assert review_undo(user=learner) is None
    assert ReviewLog.objects.filter(user=other).count() == 1


def test_the_eighth_lapse_makes_a_leech_which_is_suspended_and_undo_restores_it(learner):
    card = review_card(learner, lapses=7)
    review_submit(user=learner, card_id=card.pk, raw_answer="0", idempotency_key="k", now=NOW)
    card.refresh_from_db()
    assert card.lapses == 8 and card.leech and card.suspended
    review_undo(user=learner)
    card.refresh_from_db()
    assert card.lapses == 7 and not card.leech and not card.suspended


def test_a_lapse_below_the_threshold_is_not_a_leech(learner):
    card = review_card(learner, lapses=6)
    review_submit(user=learner, card_id=card.pk, raw_answer="0", idempotency_key="k", now=NOW)
    card.refresh_from_db()
    assert card.lapses == 7 and not card.leech and not card.suspended
    assert card.state == Card.State.RELEARNING


def test_a_wrong_answer_on_a_learning_card_is_not_a_lapse(learner):
    card = card_for_question(user=learner, question=QuestionFactory(fact=FactFactory()), now=NOW)
    review_submit(user=learner, card_id=card.pk, raw_answer="0", idempotency_key="k", now=NOW)
    card.refresh_from_db()
    assert card.lapses == 0
