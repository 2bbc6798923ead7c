"""What comes next: order, decks, daily limits, burying, the learner's day and timezone."""

import datetime as dt

import pytest

from quizzes.models import Card
from quizzes.study import scheduling
from quizzes.study.selectors import Deck, deck_from_params, study_queue
from quizzes.study.services import card_for_question, profile_for, review_submit
from tests.factories import CardFactory, DocumentFactory, FactFactory, QuestionFactory

from .conftest import NOW

pytestmark = pytest.mark.django_db


def queue(user, now=NOW, deck=None):
    return study_queue(user, profile_for(user), deck or Deck(), now)


def answer_next(user, now=NOW, deck=None, answer="2", key=None):
    """Answer whatever the queue shows next (creating the card of a new question), like the study page."""
    q = queue(user, now, deck)
    card = q.next_card or card_for_question(user=user, question=q.next_new_question, now=now)
    key = key or f"{card.pk}-{now.isoformat()}"
    review_submit(user=user, card_id=card.pk, raw_answer=answer, idempotency_key=key, now=now)
    return card


def set_profile(user, **fields):
    profile = profile_for(user)
    for name, value in fields.items():
        setattr(profile, name, value)
    profile.save()
    return profile


def test_new_questions_come_in_document_order(learner):
    second_doc = DocumentFactory(position=2)
    first_doc = DocumentFactory(position=1)
    late = QuestionFactory(fact=FactFactory(document=first_doc, position=5))
    other = QuestionFactory(fact=FactFactory(document=second_doc, position=0))
    early = QuestionFactory(fact=FactFactory(document=first_doc, position=1))
    shown = []
    for i in range(3):
        q = queue(learner, NOW + dt.timedelta(seconds=i))
        shown.append(q.next_new_question)
        card = card_for_question(user=learner, question=q.next_new_question, now=NOW)
        review_submit(user=learner, card_id=card.pk, raw_answer="2", idempotency_key=str(i), now=NOW)
    assert shown == [early, late, other]


def test_a_deck_of_one_document_or_one_section(learner):
    doc, elsewhere = DocumentFactory(), DocumentFactory()
    history = QuestionFactory(fact=FactFactory(document=doc, section="History", position=2))
    economy = QuestionFactory(fact=FactFactory(document=doc, section="Economy", position=1))
    QuestionFactory(fact=FactFactory(document=elsewhere, position=0))
    assert queue(learner, deck=deck_from_params(doc.slug, "")).next_new_question == economy
    assert queue(learner, deck=deck_from_params(doc.slug, "History")).next_new_question == history
    assert queue(learner, deck=deck_from_params(doc.slug, "History")).new == 1
    assert queue(learner).new == 3
    assert deck_from_params("no-such-document", "") is None
    assert deck_from_params(doc.slug, "No such section") is None


def test_unapproved_facts_and_inactive_questions_are_not_studied(learner):
    QuestionFactory(fact=FactFactory(status="draft"))
    QuestionFactory(active=False)
    q = queue(learner)
    assert q.done and q.new == 0


def test_the_new_card_limit_holds_for_the_day_and_resets_at_the_next(learner, make_questions):
    set_profile(learner, new_per_day=3)
    make_questions(5)
    assert queue(learner).new == 3
    for i in range(3):
        answer_next(learner, NOW + dt.timedelta(seconds=i), answer="2")
    # All three are learning cards due in 10 minutes; after them no fourth new card today.
    later = NOW + dt.timedelta(hours=1)
    for i in range(3):
        answer_next(learner, later + dt.timedelta(seconds=i), answer="2")
    q = queue(learner, NOW + dt.timedelta(hours=2))
    assert q.new == 0 and q.next_new_question is None and q.next_card is None
    tomorrow = scheduling.next_day_start(NOW, "UTC")
    assert q.next_due == tomorrow
    assert queue(learner, tomorrow).new == 2
    assert queue(learner, tomorrow).next_new_question is not None


def test_the_review_limit_caps_reviews_but_not_learning_cards(learner):
    set_profile(learner, reviews_per_day=2)
    for _ in range(5):
        CardFactory(
            user=learner,
            state=Card.State.REVIEW,
            step=None,
            stability=5.0,
            difficulty=5.0,
            due=NOW - dt.timedelta(hours=2),
            last_review=NOW - dt.timedelta(days=5),
            reps=3,
        )
    assert queue(learner).review == 2
    answer_next(learner, NOW, answer="2")
    answer_next(learner, NOW + dt.timedelta(seconds=1), answer="0")  # a lapse: now relearning
    q = queue(learner, NOW + dt.timedelta(minutes=11))
    assert q.review == 0
    assert q.learning == 1 and q.next_card is not None and q.next_card.state == Card.State.RELEARNING
    answer_next(learner, NOW + dt.timedelta(minutes=11), answer="2")
    q = queue(learner, NOW + dt.timedelta(minutes=12))
    assert q.done and q.next_due == scheduling.next_day_start(NOW, "UTC")


def test_a_zero_new_card_limit_shows_no_new_cards(learner, make_questions):
    set_profile(learner, new_per_day=0)
    make_questions(2)
    q = queue(learner)
    assert q.done and q.new == 0


def test_siblings_are_buried_until_the_next_day(learner):
    fact = FactFactory()
    choice = QuestionFactory(fact=fact, kind="mc")
    typed = QuestionFactory(fact=fact, typed_year=True)
    other = QuestionFactory(fact=FactFactory(position=fact.position + 1))
    assert queue(learner).next_new_question == choice
    answer_next(learner, NOW)
    q = queue(learner, NOW + dt.timedelta(seconds=5))
    assert q.next_new_question == other  # the typed sibling waits
    assert q.new == 1
    answer_next(learner, NOW + dt.timedelta(seconds=5))
    # Learning cards due in 10 minutes are shown; the sibling still is not.
    for minutes in (11, 12):
        answer_next(learner, NOW + dt.timedelta(minutes=minutes))
    q = queue(learner, NOW + dt.timedelta(hours=3))
    assert q.done and q.next_new_question is None
    tomorrow = scheduling.next_day_start(NOW, "UTC")
    assert q.next_due == tomorrow
    assert queue(learner, tomorrow).next_new_question == typed


def test_a_sibling_already_studied_is_buried_too(learner):
    fact = FactFactory()
    a = CardFactory(
        user=learner,
        question=QuestionFactory(fact=fact, kind="mc"),
        state=Card.State.REVIEW,
        step=None,
        stability=5.0,
        difficulty=5.0,
        due=NOW - dt.timedelta(hours=1),
        last_review=NOW - dt.timedelta(days=5),
    )
    b = CardFactory(
        user=learner,
        question=QuestionFactory(fact=fact, typed_year=True),
        state=Card.State.REVIEW,
        step=None,
        stability=5.0,
        difficulty=5.0,
        due=NOW - dt.timedelta(hours=1),
        last_review=NOW - dt.timedelta(days=5),
    )
    assert queue(learner).review == 2
    first = answer_next(learner, NOW)
    q = queue(learner, NOW + dt.timedelta(seconds=1))
    assert q.review == 0 and q.done
    assert {first.pk} < {a.pk, b.pk}


@pytest.mark.parametrize(
    "tz, local_rollover_utc",
    [
        ("UTC", dt.datetime(2025, 3, 11, 4, 0, tzinfo=dt.UTC)),
        ("Asia/Tokyo", dt.datetime(2025, 3, 10, 19, 0, tzinfo=dt.UTC)),  # 04:00 JST on 11 March
        ("America/New_York", dt.datetime(2025, 3, 11, 8, 0, tzinfo=dt.UTC)),  # 04:00 EDT (DST began 9 March)
    ],
)
def test_the_day_turns_at_four_in_the_learners_timezone(learner, make_questions, tz, local_rollover_utc):
    set_profile(learner, timezone=tz, new_per_day=1)
    make_questions(3)
    answer_next(learner, local_rollover_utc - dt.timedelta(hours=8), answer="2")
    answer_next(learner, local_rollover_utc - dt.timedelta(hours=7), answer="2")  # graduates to review
    just_before = queue(learner, local_rollover_utc - dt.timedelta(minutes=1))
    assert just_before.new == 0 and just_before.next_due == local_rollover_utc
    at_four = queue(learner, local_rollover_utc)
    assert at_four.new == 1 and at_four.next_new_question is not None


def test_past_midnight_is_still_the_same_study_day(learner, make_questions):
    set_profile(learner, timezone="Europe/Warsaw", new_per_day=1)
    make_questions(2)
    evening = dt.datetime(2025, 3, 10, 21, 0, tzinfo=dt.UTC)  # 22:00 in Warsaw
    answer_next(learner, evening)
    answer_next(learner, evening + dt.timedelta(minutes=11))
    after_midnight = dt.datetime(2025, 3, 11, 1, 30, tzinfo=dt.UTC)  # 02:30 in Warsaw
    assert queue(learner, after_midnight).new == 0
    assert queue(learner, dt.datetime(2025, 3, 11, 3, 0, tzinfo=dt.UTC)).new == 1  # 04:00 in Warsaw


def test_a_learning_card_due_soon_is_shown_rather_than_a_done_page(learner, make_questions):
    make_questions(1)
    card = answer_next(learner, NOW, answer="0")  # Again: due in a minute
    q = queue(learner, NOW + dt.timedelta(seconds=10))
    assert q.next_card == card and q.learning == 1


def test_done_says_when_a_learning_card_comes_back(learner, make_questions):
    set_profile(learner, new_per_day=1)
    make_questions(2)
    answer_next(learner, NOW, answer="2")
    card = answer_next(learner, NOW + dt.timedelta(minutes=1), answer="0")  # Again: back in a minute...
    card = answer_next(learner, NOW + dt.timedelta(minutes=2), answer="2")  # ...Good: back in 10 minutes
    card.refresh_from_db()
    assert card.state == Card.State.LEARNING
    q = queue(learner, NOW + dt.timedelta(minutes=2, seconds=1))
    assert q.done is False  # within the 20-minute learn-ahead window it is shown at once
    card.due = NOW + dt.timedelta(hours=1)
    card.save()
    q = queue(learner, NOW + dt.timedelta(minutes=3))
    assert q.done and q.learning == 1
    assert q.next_due == card.due
