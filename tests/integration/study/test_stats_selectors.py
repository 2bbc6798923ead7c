"""Statistics rows from the database land on the learner's own study days."""

import datetime as dt

import pytest

from quizzes.models import Card, ReviewLog
from quizzes.study import selectors, stats
from tests.factories import CardFactory

pytestmark = pytest.mark.django_db


def log(card, at, rating=3, key="k"):
    return ReviewLog.objects.create(
        card=card,
        user=card.user,
        rating=rating,
        correct=rating > 1,
        reviewed_at=at,
        state_before={"state": 2},
        state_after={"state": 2},
        idempotency_key=key,
    )


def test_reviews_per_day_follow_the_learners_timezone_and_rollover(learner):
    card = CardFactory(user=learner)
    log(card, dt.datetime(2025, 3, 10, 18, 30, tzinfo=dt.UTC), key="a")  # 03:30 on the 11th in Tokyo
    log(card, dt.datetime(2025, 3, 10, 19, 30, tzinfo=dt.UTC), key="b")  # 04:30 on the 11th in Tokyo
    since = dt.datetime(2025, 3, 1, tzinfo=dt.UTC)
    tokyo = stats.counts_per_day(selectors.review_hours(learner, "Asia/Tokyo", since))
    assert tokyo == {dt.date(2025, 3, 10): 1, dt.date(2025, 3, 11): 1}
    utc = stats.counts_per_day(selectors.review_hours(learner, "UTC", since))
    assert utc == {dt.date(2025, 3, 10): 2}


def test_the_due_forecast_counts_overdue_cards_today_and_skips_new_and_suspended(learner):
    day_start = dt.datetime(2025, 3, 10, 4, 0, tzinfo=dt.UTC)
    review = {"state": Card.State.REVIEW, "step": None, "stability": 5.0, "difficulty": 5.0}
    CardFactory(user=learner, due=day_start - dt.timedelta(days=3), **review)
    CardFactory(user=learner, due=day_start + dt.timedelta(days=1, hours=2), **review)
    CardFactory(user=learner, due=day_start + dt.timedelta(days=1, hours=2), suspended=True, **review)
    CardFactory(user=learner, due=day_start)  # new, never studied
    hours = selectors.due_hours(learner, "UTC", day_start, day_start + dt.timedelta(days=31))
    per_day = stats.counts_per_day(hours)
    assert per_day == {dt.date(2025, 3, 10): 1, dt.date(2025, 3, 11): 1}
