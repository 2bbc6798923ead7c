"""The learner's day (rollover hour, timezone, DST), daily limits and leeches: what may be shown today."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from quizzes.study.scheduling.states import as_utc

DEFAULT_ROLLOVER_HOUR = 4
DEFAULT_NEW_PER_DAY = 20
DEFAULT_REVIEWS_PER_DAY = 200
LEECH_THRESHOLD = 8


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
    local = as_utc(now, "now").astimezone(_zone(tz))
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
