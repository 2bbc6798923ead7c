"""Scheduling, in Anki's shape: pure functions over plain data, no database.

- ``states``: card states and grades (``CardState``, ``State``, ``Rating``), shaped like the scheduler's.
- ``answering``: an answer's grade, its fuzz seed, and interval labels.
- ``queue``: the learner's day (rollover, timezone), daily limits, leeches.
- ``fsrs``: the FSRS-6 adapter and optimiser — the only module that imports ``fsrs`` or ``fsrs_rs_python``.

May import only the standard library, ``fsrs`` and ``fsrs_rs_python`` (the last two from ``fsrs`` only).
"""

from quizzes.study.scheduling.answering import format_interval, rating_for_answer, review_seed
from quizzes.study.scheduling.fsrs import (
    DEFAULT_DESIRED_RETENTION,
    DEFAULT_PARAMETERS,
    MIN_TRAINING_REVIEWS,
    OptimizeResult,
    ReviewOutcome,
    ReviewRecord,
    SchedulerConfig,
    long_term_review_count,
    optimize_parameters,
    preview_intervals,
    retrievability,
    review,
    verify_replay,
)
from quizzes.study.scheduling.queue import (
    DEFAULT_NEW_PER_DAY,
    DEFAULT_REVIEWS_PER_DAY,
    DEFAULT_ROLLOVER_HOUR,
    LEECH_THRESHOLD,
    DailyAllowance,
    bury_until,
    is_leech,
    is_new_leech,
    next_day_start,
    remaining_today,
    study_date,
    study_day_start,
)
from quizzes.study.scheduling.states import CardState, Rating, State, new_card_state

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
