"""review(): same results as fsrs itself, Anki's steps, reproducible fuzz, retention and parameters."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import fsrs
import pytest

from quizzes.study.scheduling import (
    DEFAULT_PARAMETERS,
    CardState,
    Rating,
    SchedulerConfig,
    State,
    new_card_state,
    preview_intervals,
    retrievability,
    review,
    review_seed,
    verify_replay,
)

from .conftest import START

# (rating, time since the previous answer): learning steps, graduation, long intervals, a lapse and
# relearning, Hard and Easy, an early review, and a very late one.
SEQUENCE: list[tuple[int, timedelta]] = [
    (1, timedelta(0)),
    (3, timedelta(minutes=1)),
    (3, timedelta(minutes=10)),
    (3, timedelta(days=2)),
    (3, timedelta(days=9)),
    (4, timedelta(days=30)),
    (1, timedelta(days=75)),
    (3, timedelta(minutes=10)),
    (2, timedelta(days=4)),
    (3, timedelta(hours=5)),
    (3, timedelta(days=200)),
    (4, timedelta(days=400)),
]


def _assert_same(ours: CardState, theirs: fsrs.Card) -> None:
    assert ours.state == int(theirs.state)
    assert ours.step == theirs.step
    assert ours.stability == theirs.stability
    assert ours.difficulty == theirs.difficulty
    assert ours.due == theirs.due
    assert ours.last_review == theirs.last_review


def _walk(
    config: SchedulerConfig, scheduler: fsrs.Scheduler, *, fuzz_seed_base: int | None
) -> list[datetime]:
    """Run SEQUENCE through both and compare after every answer; return the due dates."""
    ours = new_card_state(START)
    theirs = fsrs.Card(card_id=1, due=START)
    now = START
    dues = []
    for index, (rating, gap) in enumerate(SEQUENCE):
        now += gap
        seed = None if fuzz_seed_base is None else fuzz_seed_base + index
        if seed is not None:
            random.seed(seed)
        theirs, _ = scheduler.review_card(theirs, fsrs.Rating(rating), review_datetime=now)
        ours = review(ours, rating, now, config, rng_seed=seed).state_after
        _assert_same(ours, theirs)
        dues.append(ours.due)
    return dues


def test_same_due_stability_difficulty_as_fsrs_without_fuzz() -> None:
    _walk(SchedulerConfig(enable_fuzzing=False), fsrs.Scheduler(enable_fuzzing=False), fuzz_seed_base=None)


@pytest.mark.parametrize("seed_base", [0, 17, 12345])
def test_same_fuzzed_due_as_fsrs_seeded_alike(seed_base: int) -> None:
    dues = _walk(SchedulerConfig(), fsrs.Scheduler(), fuzz_seed_base=seed_base)
    unfuzzed = _walk(
        SchedulerConfig(enable_fuzzing=False), fsrs.Scheduler(enable_fuzzing=False), fuzz_seed_base=None
    )
    assert dues[-1] != unfuzzed[-1] or dues[-2] != unfuzzed[-2], "fuzz should move some long interval"


def test_same_answers_with_custom_parameters_and_retention_as_fsrs() -> None:
    params = list(DEFAULT_PARAMETERS)
    params[8] = 1.2  # slower stability growth
    params[20] = 0.3  # steeper forgetting curve
    config = SchedulerConfig(desired_retention=0.85, parameters=tuple(params), enable_fuzzing=False)
    scheduler = fsrs.Scheduler(parameters=params, desired_retention=0.85, enable_fuzzing=False)
    _walk(config, scheduler, fuzz_seed_base=None)


def test_fuzz_is_reproducible_and_leaves_global_random_alone() -> None:
    graduated = CardState(State.REVIEW, None, 40.0, 5.0, START, START - timedelta(days=30))
    now = START + timedelta(days=1)
    random.seed(99)
    expected_next = random.random()
    random.seed(99)
    first = review(graduated, Rating.GOOD, now, SchedulerConfig(), rng_seed=review_seed(7, 3))
    second = review(graduated, Rating.GOOD, now, SchedulerConfig(), rng_seed=review_seed(7, 3))
    assert random.random() == expected_next
    assert first == second
    spread = {
        review(graduated, Rating.GOOD, now, SchedulerConfig(), rng_seed=seed).state_after.due
        for seed in range(40)
    }
    assert len(spread) > 3


def test_review_seed_is_stable_and_distinct_per_review() -> None:
    assert review_seed(42, 5) == review_seed(42, 5)
    assert len({review_seed(42, n) for n in range(100)}) == 100
    assert review_seed(42, 5) != review_seed(43, 5)


def test_learning_steps_are_one_and_ten_minutes() -> None:
    config = SchedulerConfig(enable_fuzzing=False)
    card = new_card_state(START)
    again = review(card, Rating.AGAIN, START, config)
    assert again.interval == timedelta(minutes=1)
    step_one = review(card, Rating.GOOD, START, config)
    assert step_one.interval == timedelta(minutes=10)
    assert step_one.state_after.state == State.LEARNING
    graduated = review(step_one.state_after, Rating.GOOD, START + timedelta(minutes=10), config)
    assert graduated.state_after.state == State.REVIEW
    assert graduated.interval >= timedelta(days=1)
    assert not graduated.is_lapse


def test_lapse_goes_to_ten_minute_relearning_then_back_to_review() -> None:
    config = SchedulerConfig(enable_fuzzing=False)
    known = CardState(State.REVIEW, None, 20.0, 5.0, START, START - timedelta(days=20))
    lapse = review(known, Rating.AGAIN, START, config)
    assert lapse.is_lapse
    assert lapse.state_after.state == State.RELEARNING
    assert lapse.interval == timedelta(minutes=10)
    assert lapse.state_after.stability < known.stability
    relearned = review(lapse.state_after, Rating.GOOD, START + timedelta(minutes=10), config)
    assert relearned.state_after.state == State.REVIEW
    assert not relearned.is_lapse
    # Again during learning or relearning is not a lapse: only forgetting a graduated card is.
    assert not review(lapse.state_after, Rating.AGAIN, START + timedelta(minutes=10), config).is_lapse


def test_higher_desired_retention_gives_shorter_intervals() -> None:
    known = CardState(State.REVIEW, None, 20.0, 5.0, START, START - timedelta(days=20))
    intervals = [
        review(known, Rating.GOOD, START, SchedulerConfig(desired_retention=r, enable_fuzzing=False)).interval
        for r in (0.8, 0.9, 0.95)
    ]
    assert intervals[0] > intervals[1] > intervals[2]


def test_learner_parameters_change_the_schedule() -> None:
    slow = list(DEFAULT_PARAMETERS)
    slow[2] = 0.5  # first-answer Good stability
    card = new_card_state(START)
    default = review(card, Rating.GOOD, START, SchedulerConfig(enable_fuzzing=False)).state_after
    custom = review(card, Rating.GOOD, START, SchedulerConfig(parameters=tuple(slow), enable_fuzzing=False))
    assert default.stability == DEFAULT_PARAMETERS[2]
    assert custom.state_after.stability == 0.5


def test_out_of_bounds_parameters_are_refused_up_front() -> None:
    bad = list(DEFAULT_PARAMETERS)
    bad[20] = 5.0
    with pytest.raises(ValueError, match="out of bounds"):
        SchedulerConfig(parameters=tuple(bad))
    with pytest.raises(ValueError):
        SchedulerConfig(parameters=(0.1, 0.2))
    with pytest.raises(ValueError):
        SchedulerConfig(desired_retention=1.0)


def test_naive_datetimes_are_refused_and_other_timezones_converted() -> None:
    card = new_card_state(START)
    with pytest.raises(ValueError, match="timezone-aware"):
        review(card, Rating.GOOD, datetime(2024, 3, 1, 9, 30), SchedulerConfig())
    with pytest.raises(ValueError, match="timezone-aware"):
        new_card_state(datetime(2024, 3, 1))
    tokyo = START.astimezone(ZoneInfo("Asia/Tokyo"))
    config = SchedulerConfig(enable_fuzzing=False)
    from_tokyo = review(card, Rating.GOOD, tokyo, config).state_after
    assert from_tokyo == review(card, Rating.GOOD, START, config).state_after
    assert from_tokyo.due.tzinfo is UTC


def test_review_slightly_before_last_review_counts_as_at_last_review() -> None:
    config = SchedulerConfig(enable_fuzzing=False)
    card = review(new_card_state(START), Rating.GOOD, START, config).state_after
    skewed = review(card, Rating.GOOD, START - timedelta(milliseconds=40), config)
    assert skewed == review(card, Rating.GOOD, START, config)


def test_verify_replay_detects_a_tampered_log() -> None:
    config = SchedulerConfig()
    before = CardState(State.REVIEW, None, 30.0, 6.0, START, START - timedelta(days=30))
    seed = review_seed(11, 4)
    after = review(before, Rating.GOOD, START, config, rng_seed=seed).state_after
    assert verify_replay(before, after, Rating.GOOD, START, config, rng_seed=seed)
    assert not verify_replay(before, after, Rating.EASY, START, config, rng_seed=seed)
    moved = CardState(
        after.state,
        after.step,
        after.stability,
        after.difficulty,
        after.due + timedelta(days=1),
        after.last_review,
    )
    assert not verify_replay(before, moved, Rating.GOOD, START, config, rng_seed=seed)


def test_state_round_trips_through_json_form_exactly() -> None:
    state = review(new_card_state(START), Rating.HARD, START, SchedulerConfig()).state_after
    assert CardState.from_dict(state.to_dict()) == state
    assert CardState.from_dict(new_card_state(START).to_dict()) == new_card_state(START)


def test_preview_matches_unfuzzed_reviews_and_is_ordered() -> None:
    config = SchedulerConfig()
    known = CardState(State.REVIEW, None, 15.0, 5.0, START, START - timedelta(days=15))
    preview = preview_intervals(known, START, config)
    unfuzzed = SchedulerConfig(enable_fuzzing=False)
    assert preview == {rating: review(known, rating, START, unfuzzed).interval for rating in Rating}
    assert preview[Rating.AGAIN] < preview[Rating.HARD] < preview[Rating.GOOD] < preview[Rating.EASY]
    new = preview_intervals(new_card_state(START), START, config)
    assert new[Rating.AGAIN] == timedelta(minutes=1)
    assert new[Rating.GOOD] == timedelta(minutes=10)


def test_retrievability_falls_to_desired_retention_by_the_due_date() -> None:
    config = SchedulerConfig(enable_fuzzing=False)
    known = CardState(State.REVIEW, None, 10.0, 5.0, START, START - timedelta(days=10))
    after = review(known, Rating.GOOD, START, config).state_after
    assert retrievability(after, START, config) == 1.0
    at_due = retrievability(after, after.due, config)
    assert at_due == pytest.approx(config.desired_retention, abs=0.01)
    later = retrievability(after, after.due + timedelta(days=30), config)
    assert later < at_due
    assert retrievability(new_card_state(START), START, config) == 0.0
    outcome = review(after, Rating.GOOD, after.due, config)
    assert outcome.retrievability_before == at_due
    assert review(new_card_state(START), Rating.GOOD, START, config).retrievability_before is None
