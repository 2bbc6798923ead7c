"""FSRS-6 scheduling for Factdeck: the only module that imports ``fsrs`` or ``fsrs_rs_python``.

Everything here is a pure function over plain data, so the database layer, views, commands and the
benchmark share one implementation and tests need no database:

- ``CardState`` mirrors ``fsrs.Card`` (state, step, stability, difficulty, due, last review) so a Card row
  converts to and from it field by field, and ``review()`` returns the state after an answer.
- ``review()`` seeds the interval fuzz from an explicit ``rng_seed`` (see ``review_seed``), so a double
  submit, an undo followed by the same answer, or a replay of the log gives the same due date.
- The learner's study day starts at ``rollover_hour`` (04:00, as in Anki) in their own timezone.
- ``optimize_parameters()`` fits per-learner FSRS parameters from review logs with fsrs-rs (no torch).

Time convention: like py-fsrs, elapsed time between reviews is counted in whole 24-hour periods
(``(now - last_review).days``). The optimiser builds its training data with the same convention, so the
parameters it fits are the ones this scheduler's arithmetic expects.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta

import fsrs
import fsrs_rs_python
from fsrs.scheduler import DEFAULT_PARAMETERS as _FSRS_DEFAULT_PARAMETERS
from fsrs.scheduler import FUZZ_RANGES as _FUZZ_RANGES
from fsrs.scheduler import LOWER_BOUNDS_PARAMETERS as _LOWER_BOUNDS
from fsrs.scheduler import UPPER_BOUNDS_PARAMETERS as _UPPER_BOUNDS

from quizzes.study.scheduling.states import CardState, Rating, State, as_utc

DEFAULT_PARAMETERS: tuple[float, ...] = tuple(_FSRS_DEFAULT_PARAMETERS)
DEFAULT_DESIRED_RETENTION = 0.9

# The optimiser keeps the default parameters until a learner has this many long-term reviews (a
# review at least one day after the previous review of the same card: only those say anything about
# forgetting over days). fsrs-rs itself returns the defaults below 8 such reviews and below 64 only
# re-fits the four initial stabilities; 400 is a deliberately more conservative floor so that a
# learner's schedule is not rebuilt from a few weeks of noisy answers (with ~30 % lapses, 400
# outcomes still leave a ±5 % standard error on a recall rate).
MIN_TRAINING_REVIEWS = 400


@dataclass(frozen=True, slots=True)
class SchedulerConfig:
    """Per-learner scheduling settings; ``parameters=None`` means the FSRS-6 defaults."""

    desired_retention: float = DEFAULT_DESIRED_RETENTION
    parameters: tuple[float, ...] | None = None
    learning_steps: tuple[timedelta, ...] = (timedelta(minutes=1), timedelta(minutes=10))
    relearning_steps: tuple[timedelta, ...] = (timedelta(minutes=10),)
    enable_fuzzing: bool = True
    maximum_interval: int = 36500

    def __post_init__(self) -> None:
        if not 0.0 < self.desired_retention < 1.0:
            raise ValueError(f"desired_retention must be between 0 and 1, got {self.desired_retention}")
        if self.parameters is not None:
            params = tuple(float(p) for p in self.parameters)
            object.__setattr__(self, "parameters", params)
            # Let fsrs validate count and bounds now rather than at the first review.
            fsrs.Scheduler(parameters=params)
        object.__setattr__(self, "learning_steps", tuple(self.learning_steps))
        object.__setattr__(self, "relearning_steps", tuple(self.relearning_steps))
        if self.maximum_interval < 1:
            raise ValueError("maximum_interval must be at least one day")

    @property
    def effective_parameters(self) -> tuple[float, ...]:
        """The parameters actually used: the learner's fitted ones, else the defaults."""
        return self.parameters if self.parameters is not None else DEFAULT_PARAMETERS


class _SeededScheduler(fsrs.Scheduler):
    """``fsrs.Scheduler`` whose fuzz draws from a private ``random.Random`` instead of the global one.

    fsrs calls the module-level ``random()``; seeding or patching that would be a process-wide side
    effect (and racy under threads). Only the single random draw is replaced: the fuzz range below is
    fsrs's own formula, and a unit test checks the result equals fsrs with the global RNG seeded alike.
    """

    def __init__(self, config: SchedulerConfig, rng: random.Random) -> None:
        super().__init__(
            parameters=config.effective_parameters,
            desired_retention=config.desired_retention,
            learning_steps=config.learning_steps,
            relearning_steps=config.relearning_steps,
            maximum_interval=config.maximum_interval,
            enable_fuzzing=config.enable_fuzzing,
        )
        self._rng = rng

    def _get_fuzzed_interval(self, *, interval: timedelta) -> timedelta:
        interval_days = interval.days
        if interval_days < 2.5:  # fsrs does not fuzz intervals shorter than 2.5 days
            return interval
        delta = 1.0
        for fuzz_range in _FUZZ_RANGES:
            delta += fuzz_range["factor"] * max(
                min(float(interval_days), fuzz_range["end"]) - fuzz_range["start"], 0.0
            )
        min_ivl = max(2, round(interval_days - delta))
        max_ivl = min(round(interval_days + delta), self.maximum_interval)
        min_ivl = min(min_ivl, max_ivl)
        fuzzed = self._rng.random() * (max_ivl - min_ivl + 1) + min_ivl
        return timedelta(days=min(round(fuzzed), self.maximum_interval))


def _scheduler(config: SchedulerConfig, rng_seed: int | None = None) -> _SeededScheduler:
    """A scheduler for one computation; a fresh private RNG each time keeps calls independent."""
    return _SeededScheduler(config, random.Random(rng_seed))


def _to_fsrs_card(state: CardState) -> fsrs.Card:
    return fsrs.Card(
        card_id=0,
        state=fsrs.State(state.state),
        step=state.step,
        stability=state.stability,
        difficulty=state.difficulty,
        due=state.due,
        last_review=state.last_review,
    )


def _from_fsrs_card(card: fsrs.Card) -> CardState:
    return CardState(
        state=int(card.state),
        step=card.step,
        stability=card.stability,
        difficulty=card.difficulty,
        due=card.due,
        last_review=card.last_review,
    )


@dataclass(frozen=True, slots=True)
class ReviewOutcome:
    """What one answer did: the new state, the interval until due, and what was predicted before."""

    state_after: CardState
    interval: timedelta
    retrievability_before: float | None
    is_lapse: bool


def review(
    state: CardState,
    rating: Rating | int,
    now: datetime,
    config: SchedulerConfig,
    *,
    rng_seed: int | None = None,
) -> ReviewOutcome:
    """Apply one answer to a card at ``now`` and return the new state.

    The same ``(state, rating, now, config, rng_seed)`` always gives the same result, which is what
    makes a double submit harmless and an undo exact: pass ``rng_seed=review_seed(card_id, reps)``
    (the number of reviews the card had before this one), and store the state before in the log. A ``now`` slightly before the last review (clock
    skew between app servers) is treated as the moment of the last review instead of failing.
    """
    rating = Rating(rating)
    now = as_utc(now, "now")
    if state.last_review is not None and now < state.last_review:
        now = state.last_review
    scheduler = _scheduler(config, rng_seed)
    card = _to_fsrs_card(state)
    before = None if state.is_new else scheduler.get_card_retrievability(card, current_datetime=now)
    after, _log = scheduler.review_card(card, fsrs.Rating(int(rating)), review_datetime=now)
    state_after = _from_fsrs_card(after)
    return ReviewOutcome(
        state_after=state_after,
        interval=state_after.due - now,
        retrievability_before=before,
        is_lapse=state.state == State.REVIEW and rating == Rating.AGAIN,
    )


def verify_replay(
    state_before: CardState,
    state_after: CardState,
    rating: Rating | int,
    now: datetime,
    config: SchedulerConfig,
    *,
    rng_seed: int | None,
) -> bool:
    """True if replaying a logged review reproduces the logged state exactly.

    The undo/redo path and data checks use it to prove a log entry is consistent with the scheduler.
    """
    return review(state_before, rating, now, config, rng_seed=rng_seed).state_after == state_after


def preview_intervals(state: CardState, now: datetime, config: SchedulerConfig) -> dict[Rating, timedelta]:
    """The interval each grade would give, without fuzz, for "next review in …" button labels."""
    unfuzzed = replace(config, enable_fuzzing=False)
    return {rating: review(state, rating, now, unfuzzed).interval for rating in Rating}


def retrievability(state: CardState, now: datetime, config: SchedulerConfig) -> float:
    """Predicted probability of recalling the card at ``now`` (0.0 for a card never reviewed)."""
    now = as_utc(now, "now")
    return _scheduler(config).get_card_retrievability(_to_fsrs_card(state), current_datetime=now)


# --- parameter optimisation --------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ReviewRecord:
    """One logged answer, as the optimiser needs it."""

    card_key: Hashable
    rating: int
    reviewed_at: datetime


@dataclass(frozen=True, slots=True)
class OptimizeResult:
    """Outcome of fitting: ``parameters`` is ``None`` when the defaults should be kept."""

    parameters: tuple[float, ...] | None
    review_count: int
    training_reviews: int
    used_defaults: bool
    reason: str = field(default="")


ProgressCallback = Callable[[int, int], None]


def _histories(reviews: Iterable[ReviewRecord]) -> list[list[tuple[datetime, int]]]:
    """Group reviews per card, validated and sorted by time."""
    by_card: dict[Hashable, list[tuple[datetime, int]]] = {}
    for record in reviews:
        if record.rating not in (1, 2, 3, 4):
            raise ValueError(f"rating must be 1–4, got {record.rating!r}")
        moment = as_utc(record.reviewed_at, "reviewed_at")
        by_card.setdefault(record.card_key, []).append((moment, int(record.rating)))
    for history in by_card.values():
        history.sort(key=lambda pair: pair[0])
    return list(by_card.values())


def _training_items(
    histories: Iterable[list[tuple[datetime, int]]],
) -> list[tuple[datetime, fsrs_rs_python.FSRSItem]]:
    """fsrs-rs training items: one per long-term review, carrying the card's full history up to it.

    ``delta_t`` is whole elapsed days, the same convention ``review()`` uses via py-fsrs. Items come
    back sorted by the time of the review they predict, which is what a time-series split needs.
    """
    items: list[tuple[datetime, fsrs_rs_python.FSRSItem]] = []
    for history in histories:
        steps: list[fsrs_rs_python.FSRSReview] = []
        previous: datetime | None = None
        for moment, rating in history:
            delta = 0 if previous is None else (moment - previous).days
            steps.append(fsrs_rs_python.FSRSReview(rating, delta))
            if delta > 0:
                items.append((moment, fsrs_rs_python.FSRSItem(list(steps))))
            previous = moment
    items.sort(key=lambda pair: pair[0])
    return items


def long_term_review_count(reviews: Iterable[ReviewRecord]) -> int:
    """How many reviews came at least a day after the same card's previous one (what training uses)."""
    return len(_training_items(_histories(reviews)))


def _fit_to_scheduler_bounds(raw: Iterable[float]) -> tuple[float, ...]:
    """fsrs-rs works in float32; round and clamp into py-fsrs's bounds so ``fsrs.Scheduler`` accepts them.

    (float32 0.8 is 0.800000011…, which py-fsrs would reject as above its 0.8 upper bound.)
    """
    values = list(raw)
    if len(values) != len(DEFAULT_PARAMETERS):
        values = list(fsrs_rs_python.check_and_fill_parameters(values))
    rounded = (round(float(v), 6) for v in values)
    return tuple(min(max(v, lo), hi) for v, lo, hi in zip(rounded, _LOWER_BOUNDS, _UPPER_BOUNDS, strict=True))


def optimize_parameters(
    reviews: Iterable[ReviewRecord],
    *,
    progress: ProgressCallback | None = None,
    min_training_reviews: int = MIN_TRAINING_REVIEWS,
) -> OptimizeResult:
    """Fit FSRS-6 parameters to one learner's review log with fsrs-rs (no torch).

    Below ``min_training_reviews`` long-term reviews the defaults are kept (``parameters=None``).
    fsrs-rs reports no progress from Python, so ``progress(done, total)`` is called at three coarse
    stages: log read, training data built, parameters fitted.
    """
    report = progress or (lambda done, total: None)
    records = list(reviews)
    report(0, 3)
    histories = _histories(records)
    report(1, 3)
    items = [item for _moment, item in _training_items(histories)]
    report(2, 3)
    if len(items) < min_training_reviews:
        report(3, 3)
        return OptimizeResult(
            parameters=None,
            review_count=len(records),
            training_reviews=len(items),
            used_defaults=True,
            reason=(
                f"{len(items)} long-term reviews; at least {min_training_reviews} are needed, "
                "so the default parameters are kept"
            ),
        )
    fitted = fsrs_rs_python.FSRS(list(DEFAULT_PARAMETERS)).compute_parameters(items)
    report(3, 3)
    return OptimizeResult(
        parameters=_fit_to_scheduler_bounds(fitted),
        review_count=len(records),
        training_reviews=len(items),
        used_defaults=False,
        reason=f"fitted on {len(items)} long-term reviews of {len(histories)} cards",
    )
