"""The learner's study day: starts at 04:00 in their own timezone, right across DST changes."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from quizzes.study.scheduling import bury_until, next_day_start, study_date, study_day_start


def _local(tz: str, *args: int) -> datetime:
    return datetime(*args, tzinfo=ZoneInfo(tz))


@pytest.mark.parametrize("tz", ["Asia/Tokyo", "America/Los_Angeles", "Europe/Berlin", "UTC", "Asia/Kolkata"])
def test_day_turns_over_at_four_local_not_midnight(tz: str) -> None:
    just_before = _local(tz, 2024, 6, 12, 3, 59)
    at_rollover = _local(tz, 2024, 6, 12, 4, 0)
    after_midnight = _local(tz, 2024, 6, 12, 0, 30)
    assert study_date(just_before, tz) == date(2024, 6, 11)
    assert study_date(after_midnight, tz) == date(2024, 6, 11)
    assert study_date(at_rollover, tz) == date(2024, 6, 12)
    assert study_day_start(just_before, tz) == _local(tz, 2024, 6, 11, 4, 0)
    assert study_day_start(at_rollover, tz) == at_rollover
    assert next_day_start(just_before, tz) == at_rollover


def test_results_are_utc_and_accept_any_aware_input() -> None:
    moment = datetime(2024, 6, 11, 18, 59, tzinfo=UTC)  # 03:59 in Tokyo on the 12th
    start = study_day_start(moment, "Asia/Tokyo")
    assert start.tzinfo is UTC
    assert start == datetime(2024, 6, 10, 19, 0, tzinfo=UTC)  # 04:00 JST on the 11th
    assert next_day_start(moment + timedelta(minutes=1), "Asia/Tokyo") == datetime(
        2024, 6, 12, 19, 0, tzinfo=UTC
    )


def test_same_instant_is_a_different_day_for_learners_in_different_zones() -> None:
    instant = datetime(2024, 6, 12, 12, 0, tzinfo=UTC)  # 21:00 in Tokyo, 05:00 in Los Angeles
    assert study_date(instant, "Asia/Tokyo") == date(2024, 6, 12)
    assert study_date(instant, "America/Los_Angeles") == date(2024, 6, 12)
    late = datetime(2024, 6, 12, 20, 0, tzinfo=UTC)  # 05:00 on the 13th in Tokyo, 13:00 on the 12th in LA
    assert study_date(late, "Asia/Tokyo") == date(2024, 6, 13)
    assert study_date(late, "America/Los_Angeles") == date(2024, 6, 12)


def test_spring_forward_day_is_23_hours_and_fall_back_day_25() -> None:
    tz = "America/Los_Angeles"
    # Clocks jump 02:00 -> 03:00 on 10 March 2024 and fall back 02:00 -> 01:00 on 3 November 2024.
    spring = _local(tz, 2024, 3, 9, 22, 0)
    assert next_day_start(spring, tz) - study_day_start(spring, tz) == timedelta(hours=23)
    assert next_day_start(spring, tz) == datetime(2024, 3, 10, 11, 0, tzinfo=UTC)  # 04:00 PDT
    fall = _local(tz, 2024, 11, 2, 22, 0)
    assert next_day_start(fall, tz) - study_day_start(fall, tz) == timedelta(hours=25)
    assert next_day_start(fall, tz) == datetime(2024, 11, 3, 12, 0, tzinfo=UTC)  # 04:00 PST


def test_boundary_on_a_dst_morning_is_still_four_local() -> None:
    tz = "Europe/Berlin"  # 31 March 2024: 02:00 CET -> 03:00 CEST
    before = _local(tz, 2024, 3, 31, 3, 59)
    after = _local(tz, 2024, 3, 31, 4, 0)
    assert study_date(before, tz) == date(2024, 3, 30)
    assert study_date(after, tz) == date(2024, 3, 31)
    assert study_day_start(after, tz) == datetime(2024, 3, 31, 2, 0, tzinfo=UTC)


def test_custom_rollover_hour() -> None:
    tz = "Asia/Tokyo"
    assert study_date(_local(tz, 2024, 6, 12, 0, 0), tz, rollover_hour=0) == date(2024, 6, 12)
    assert study_date(_local(tz, 2024, 6, 12, 5, 59), tz, rollover_hour=6) == date(2024, 6, 11)
    with pytest.raises(ValueError):
        study_date(_local(tz, 2024, 6, 12, 5, 59), tz, rollover_hour=24)


def test_siblings_stay_buried_until_the_next_study_day() -> None:
    tz = "America/Los_Angeles"
    answered = _local(tz, 2024, 6, 12, 1, 30)  # after midnight: still the 11th's study day
    assert bury_until(answered, tz) == _local(tz, 2024, 6, 12, 4, 0)
    assert bury_until(_local(tz, 2024, 6, 12, 4, 0), tz) == _local(tz, 2024, 6, 13, 4, 0)


def test_unknown_timezone_and_naive_times_are_errors() -> None:
    with pytest.raises(ValueError, match="unknown timezone"):
        study_day_start(datetime(2024, 1, 1, tzinfo=UTC), "Mars/Olympus_Mons")
    with pytest.raises(ValueError, match="timezone-aware"):
        study_day_start(datetime(2024, 1, 1), "UTC")
