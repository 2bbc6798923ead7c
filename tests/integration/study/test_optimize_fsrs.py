"""manage.py optimize_fsrs: fits a learner's own parameters from their log, and the scheduler uses them."""

import datetime as dt
import io
import random

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from quizzes.models import Card, ReviewLog
from quizzes.study import scheduling
from quizzes.study.services import profile_for, review_submit, scheduler_config
from tests.factories import UserFactory, new_cards

pytestmark = pytest.mark.django_db

START = dt.datetime(2024, 1, 1, 9, 0, tzinfo=dt.UTC)


def history(user, cards: int, reviews_per_card: int, seed: int = 7) -> None:
    """A plausible log: growing gaps, mostly passed, sometimes forgotten (more often after long gaps)."""
    rng = random.Random(seed)
    card_rows = new_cards(user, cards, due=START, question={"options": ["a", "b"], "answer_index": 0})
    logs = []
    for card in card_rows:
        moment = START + dt.timedelta(hours=rng.randint(0, 48))
        gap = 1
        for n in range(reviews_per_card):
            forgot = n > 0 and rng.random() < min(0.5, 0.04 * gap)
            rating = 1 if forgot else rng.choice([2, 3, 3, 3, 4])
            logs.append(
                ReviewLog(
                    card=card,
                    user=user,
                    rating=rating,
                    correct=rating > 1,
                    reviewed_at=moment,
                    state_before={},
                    state_after={},
                    idempotency_key=f"{card.pk}-{n}",
                    was_new=n == 0,
                )
            )
            gap = 1 if forgot else gap * rng.choice([2, 3])
            moment += dt.timedelta(days=gap, hours=rng.randint(0, 5))
    ReviewLog.objects.bulk_create(logs)


def test_many_reviews_give_fitted_parameters_that_the_scheduler_then_uses():
    keen = UserFactory(username="keen")
    history(keen, cards=110, reviews_per_card=6)  # 550 long-term reviews, above the 400 floor
    out = io.StringIO()
    call_command("optimize_fsrs", "--user", "keen", stdout=out, stderr=io.StringIO())
    assert "keen: stored new parameters" in out.getvalue()
    profile = profile_for(keen)
    assert len(profile.fsrs_parameters) == len(scheduling.DEFAULT_PARAMETERS)
    assert tuple(profile.fsrs_parameters) != scheduling.DEFAULT_PARAMETERS
    assert profile.optimized_review_count == 660 and profile.optimized_at is not None
    config = scheduler_config(profile)
    assert config.effective_parameters == tuple(profile.fsrs_parameters)
    # The next answer is scheduled with the learner's parameters, not the defaults.
    card = Card.objects.filter(user=keen).first()
    now = dt.datetime(2025, 1, 1, tzinfo=dt.UTC)
    review_submit(user=keen, card_id=card.pk, raw_answer="0", idempotency_key="new", now=now)
    card.refresh_from_db()
    fitted = scheduling.review(
        scheduling.new_card_state(now), 3, now, config, rng_seed=scheduling.review_seed(card.pk, 0)
    ).state_after
    default = scheduling.review(
        scheduling.new_card_state(now), 3, now, scheduling.SchedulerConfig(), rng_seed=0
    ).state_after
    assert card.stability == pytest.approx(fitted.stability)
    assert fitted.stability != pytest.approx(default.stability)


def test_few_reviews_keep_the_defaults_and_every_learner_gets_a_line():
    UserFactory(username="keen")  # a learner without reviews
    casual = UserFactory(username="casual")
    history(casual, cards=10, reviews_per_card=3)
    profile = profile_for(casual)
    profile.fsrs_parameters = list(scheduling.DEFAULT_PARAMETERS)  # a previous fit is reset
    profile.save()
    out = io.StringIO()
    call_command("optimize_fsrs", stdout=out, stderr=io.StringIO())
    assert "casual: kept the default parameters (20 long-term reviews; at least 400" in out.getvalue()
    assert "keen" not in out.getvalue()  # no reviews, nothing to say
    profile.refresh_from_db()
    assert profile.fsrs_parameters is None and profile.optimized_review_count == 30
    assert scheduler_config(profile).parameters is None


def test_an_unknown_user_is_an_error():
    with pytest.raises(CommandError, match="no user called 'ghost'"):
        call_command("optimize_fsrs", "--user", "ghost", stdout=io.StringIO())
