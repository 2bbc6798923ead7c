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

import hashlib
import math
import random
from collections.abc import Callable, Hashable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, time, timedelta
from enum import IntEnum
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import fsrs
import fsrs_rs_python
from fsrs.scheduler import DEFAULT_PARAMETERS as _FSRS_DEFAULT_PARAMETERS
from fsrs.scheduler import FUZZ_RANGES as _FUZZ_RANGES
from fsrs.scheduler import LOWER_BOUNDS_PARAMETERS as _LOWER_BOUNDS
from fsrs.scheduler import UPPER_BOUNDS_PARAMETERS as _UPPER_BOUNDS

__all__ = [
    "DEFAULT_DESIRED_RETENTION",
    "DEFAULT_NEW_PER_DAY",
    "DEFAULT_PARAMETERS",
    "DEFAULT_REVIEWS_PER_DAY",
    "DEFAULT_ROLLOVER_HOUR",
    "LEECH_THRESHOLD",
    "MIN_TRAINING_REVIEWS",
    "CardState",
    "DailyAllowance",
    "OptimizeResult",
    "Rating",
    "ReviewOutcome",
    "ReviewRecord",
    "SchedulerConfig",
    "State",
    "bury_until",
    "format_interval",
    "is_leech",
    "is_new_leech",
    "long_term_review_count",
    "new_card_state",
    "next_day_start",
    "optimize_parameters",
    "preview_intervals",
    "rating_for_answer",
    "remaining_today",
    "retrievability",
    "review",
    "review_seed",
    "study_date",
    "study_day_start",
    "verify_replay",
]

DEFAULT_PARAMETERS: tuple[float, ...] = tuple(_FSRS_DEFAULT_PARAMETERS)
DEFAULT_DESIRED_RETENTION = 0.9
DEFAULT_ROLLOVER_HOUR = 4
DEFAULT_NEW_PER_DAY = 20
DEFAULT_REVIEWS_PER_DAY = 200
LEECH_THRESHOLD = 8

# The optimiser keeps the default parameters until a learner has this many long-term reviews (a
# review at least one day after the previous review of the same card: only those say anything about
# forgetting over days). fsrs-rs itself returns the defaults below 8 such reviews and below 64 only
# re-fits the four initial stabilities; 400 is a deliberately more conservative floor so that a
# learner's schedule is not rebuilt from a few weeks of noisy answers (with ~30 % lapses, 400
# outcomes still leave a ±5 % standard error on a recall rate).
MIN_TRAINING_REVIEWS = 400

_MONTH_DAYS = 30.0
_YEAR_DAYS = 365.0


class Rating(IntEnum):
    """The four answer grades, numbered as in Anki and FSRS (so keys 1–4 map directly)."""

    AGAIN = 1
    HARD = 2
    GOOD = 3
    EASY = 4


class State(IntEnum):
    """Where a card is in its life: first steps, long-term review, or relearning after a lapse."""

    LEARNING = 1
    REVIEW = 2
    RELEARNING = 3


def _as_utc(value: datetime, name: str) -> datetime:
    """Return ``value`` as a datetime whose tzinfo is exactly ``timezone.utc`` (what fsrs requires).

    Naive datetimes are refused: guessing their timezone would silently move due dates by hours.
    """
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"{name} must be timezone-aware, got naive {value!r}")
    return value.astimezone(UTC)


@dataclass(frozen=True, slots=True)
class CardState:
    """The FSRS memory state of one card, mirroring ``fsrs.Card`` without its id.

    Datetimes are normalised to UTC on construction, so two equal states compare equal whatever
    timezone the caller used.
    """

    state: int
    step: int | None
    stability: float | None
    difficulty: float | None
    due: datetime
    last_review: datetime | None

    def __post_init__(self) -> None:
        object.__setattr__(self, "state", int(State(self.state)))
        object.__setattr__(self, "due", _as_utc(self.due, "due"))
        if self.last_review is not None:
            object.__setattr__(self, "last_review", _as_utc(self.last_review, "last_review"))
        if self.state != State.REVIEW and self.step is None:
            raise ValueError("a learning or relearning card needs a step")

    @property
    def is_new(self) -> bool:
        """True until the card is answered for the first time."""
        return self.last_review is None

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form, for storing the state before/after a review in the log (exact undo)."""
        return {
            "state": self.state,
            "step": self.step,
            "stability": self.stability,
            "difficulty": self.difficulty,
            "due": self.due.isoformat(),
            "last_review": self.last_review.isoformat() if self.last_review else None,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> CardState:
        """Inverse of ``to_dict``; floats survive a JSON round trip exactly (repr round-trips)."""
        last_review = data.get("last_review")
        return cls(
            state=int(data["state"]),
            step=data.get("step"),
            stability=None if data.get("stability") is None else float(data["stability"]),
            difficulty=None if data.get("difficulty") is None else float(data["difficulty"]),
            due=datetime.fromisoformat(data["due"]),
            last_review=datetime.fromisoformat(last_review) if last_review else None,
        )


def new_card_state(now: datetime) -> CardState:
    """State of a card nobody has studied yet: learning step 0, due immediately."""
    return CardState(state=State.LEARNING, step=0, stability=None, difficulty=None, due=now, last_review=None)


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


def rating_for_answer(correct: bool, regrade: int | None = None) -> Rating:
    """Map an answer to a grade: wrong is always Again; right is Good unless re-graded Hard or Easy.

    A learner may re-grade a right answer with keys 2–4 (Anki's buttons); re-grading cannot turn a
    wrong answer into a pass, and "Again" is not a re-grade of a right answer.
    """
    if not correct:
        return Rating.AGAIN
    if regrade is None:
        return Rating.GOOD
    if regrade not in (Rating.HARD, Rating.GOOD, Rating.EASY):
        raise ValueError(f"a right answer can be re-graded 2 (Hard), 3 (Good) or 4 (Easy), not {regrade}")
    return Rating(regrade)


def review_seed(card_id: int | str, review_number: int) -> int:
    """A stable fuzz seed for the ``review_number``-th review of a card.

    Derived with a hash (not Python's salted ``hash()``), so every app server and every re-run gives
    the same seed — and therefore the same fuzzed due date — for the same review.
    """
    digest = hashlib.blake2b(f"{card_id}:{review_number}".encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big")


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
    now = _as_utc(now, "now")
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
    now = _as_utc(now, "now")
    return _scheduler(config).get_card_retrievability(_to_fsrs_card(state), current_datetime=now)


def _one_decimal(value: float) -> str:
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def format_interval(interval: timedelta) -> str:
    """Short label like Anki's answer buttons: "45s", "10m", "3h", "12d", "2.1mo", "1.3y".

    Months are 30 days and years 365 days, as in Anki; months and years keep one decimal because
    "1mo" for anything between 30 and 59 days would hide a real difference.
    """
    seconds = interval.total_seconds()
    if seconds < 0:
        raise ValueError(f"an interval cannot be negative: {interval}")
    if seconds < 60:
        return f"{math.floor(seconds + 0.5)}s"
    minutes = seconds / 60
    if minutes < 59.5:
        return f"{math.floor(minutes + 0.5)}m"
    hours = minutes / 60
    if hours < 23.5:
        return f"{math.floor(hours + 0.5)}h"
    days = hours / 24
    if days < _MONTH_DAYS:
        return f"{math.floor(days + 0.5)}d"
    if days < _YEAR_DAYS:
        return f"{_one_decimal(days / _MONTH_DAYS)}mo"
    return f"{_one_decimal(days / _YEAR_DAYS)}y"


# --- the learner's day -------------------------------------------------------------------------


def _zone(tz: str) -> ZoneInfo:
    try:
        return ZoneInfo(tz)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ValueError(f"unknown timezone {tz!r}") from exc


def study_date(now: datetime, tz: str, rollover_hour: int = DEFAULT_ROLLOVER_HOUR) -> date:
    """The learner's calendar "today": before ``rollover_hour`` local time it is still yesterday.

    This is what daily limits and "buried until tomorrow" count against, so a learner studying past
    midnight keeps their day, as in Anki.
    """
    if not 0 <= rollover_hour <= 23:
        raise ValueError(f"rollover_hour must be 0–23, got {rollover_hour}")
    local = _as_utc(now, "now").astimezone(_zone(tz))
    return local.date() if local.hour >= rollover_hour else local.date() - timedelta(days=1)


def _day_start(day: date, tz: str, rollover_hour: int) -> datetime:
    """UTC instant at which study day ``day`` begins (local wall-clock time, so DST-correct)."""
    local_start = datetime.combine(day, time(rollover_hour), tzinfo=_zone(tz))
    return local_start.astimezone(UTC)


def study_day_start(now: datetime, tz: str, rollover_hour: int = DEFAULT_ROLLOVER_HOUR) -> datetime:
    """When the learner's current study day began, as an aware UTC datetime."""
    return _day_start(study_date(now, tz, rollover_hour), tz, rollover_hour)


def next_day_start(now: datetime, tz: str, rollover_hour: int = DEFAULT_ROLLOVER_HOUR) -> datetime:
    """When the learner's next study day begins (UTC). Not ``start + 24h``: DST days are 23 or 25 h."""
    return _day_start(study_date(now, tz, rollover_hour) + timedelta(days=1), tz, rollover_hour)


def bury_until(now: datetime, tz: str, rollover_hour: int = DEFAULT_ROLLOVER_HOUR) -> datetime:
    """Until when siblings of a just-answered card stay hidden: the start of the learner's next day."""
    return next_day_start(now, tz, rollover_hour)


# --- daily limits and leeches ------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class DailyAllowance:
    """How many new cards and reviews the learner may still be shown today."""

    new_left: int
    reviews_left: int


def remaining_today(
    new_done: int,
    reviews_done: int,
    new_limit: int = DEFAULT_NEW_PER_DAY,
    review_limit: int = DEFAULT_REVIEWS_PER_DAY,
) -> DailyAllowance:
    """What is left of today's limits, never negative (limits may be lowered mid-day).

    ``new_done`` counts cards introduced today; ``reviews_done`` counts answers to cards that were
    already due. The two limits are independent, as the issue specifies.
    """
    if min(new_done, reviews_done, new_limit, review_limit) < 0:
        raise ValueError("counts and limits cannot be negative")
    return DailyAllowance(
        new_left=max(0, new_limit - new_done), reviews_left=max(0, review_limit - reviews_done)
    )


def is_leech(lapses: int, threshold: int = LEECH_THRESHOLD) -> bool:
    """True once a card has lapsed ``threshold`` times: it is suspended and flagged."""
    return lapses >= threshold


def is_new_leech(lapses_after: int, threshold: int = LEECH_THRESHOLD) -> bool:
    """True if the lapse just recorded should (re)flag the card as a leech.

    Like Anki: at the threshold, then every half-threshold more (8, 12, 16 …), so a leech the learner
    un-suspended is flagged again if it keeps failing, without being flagged on every lapse.
    """
    if lapses_after < threshold:
        return False
    return (lapses_after - threshold) % max(1, math.ceil(threshold / 2)) == 0


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
        moment = _as_utc(record.reviewed_at, "reviewed_at")
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
