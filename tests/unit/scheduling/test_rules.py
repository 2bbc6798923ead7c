"""Answer grades, interval labels, daily limits and leeches."""

from __future__ import annotations

from datetime import timedelta

import pytest

from quizzes.study.scheduling import (
    LEECH_THRESHOLD,
    DailyAllowance,
    Rating,
    format_interval,
    is_leech,
    is_new_leech,
    rating_for_answer,
    remaining_today,
)


def test_wrong_answer_is_again_whatever_the_regrade() -> None:
    assert rating_for_answer(False) == Rating.AGAIN
    for regrade in (None, 2, 3, 4):
        assert rating_for_answer(False, regrade) == Rating.AGAIN


def test_right_answer_is_good_unless_regraded_hard_or_easy() -> None:
    assert rating_for_answer(True) == Rating.GOOD
    assert rating_for_answer(True, 2) == Rating.HARD
    assert rating_for_answer(True, 3) == Rating.GOOD
    assert rating_for_answer(True, 4) == Rating.EASY
    for invalid in (1, 0, 5):
        with pytest.raises(ValueError):
            rating_for_answer(True, invalid)


@pytest.mark.parametrize(
    ("interval", "label"),
    [
        (timedelta(seconds=30), "30s"),
        (timedelta(minutes=1), "1m"),
        (timedelta(minutes=5, seconds=30), "6m"),
        (timedelta(minutes=10), "10m"),
        (timedelta(minutes=59, seconds=40), "1h"),
        (timedelta(hours=5), "5h"),
        (timedelta(days=1), "1d"),
        (timedelta(days=3), "3d"),
        (timedelta(days=29), "29d"),
        (timedelta(days=30), "1mo"),
        (timedelta(days=63), "2.1mo"),
        (timedelta(days=364), "12.1mo"),
        (timedelta(days=365), "1y"),
        (timedelta(days=475), "1.3y"),
        (timedelta(days=36500), "100y"),
    ],
)
def test_format_interval_like_anki_buttons(interval: timedelta, label: str) -> None:
    assert format_interval(interval) == label


def test_format_interval_refuses_negative() -> None:
    with pytest.raises(ValueError):
        format_interval(timedelta(seconds=-1))


def test_remaining_today_counts_down_and_never_goes_negative() -> None:
    assert remaining_today(0, 0) == DailyAllowance(new_left=20, reviews_left=200)
    assert remaining_today(5, 150) == DailyAllowance(new_left=15, reviews_left=50)
    assert remaining_today(25, 250) == DailyAllowance(new_left=0, reviews_left=0)
    assert remaining_today(3, 10, new_limit=5, review_limit=50) == DailyAllowance(2, 40)
    with pytest.raises(ValueError):
        remaining_today(-1, 0)


def test_leech_at_eight_lapses() -> None:
    assert LEECH_THRESHOLD == 8
    assert not is_leech(7)
    assert is_leech(8)
    assert is_leech(9)


def test_leech_flag_fires_at_threshold_and_every_half_threshold_after() -> None:
    flagged = [n for n in range(0, 21) if is_new_leech(n)]
    assert flagged == [8, 12, 16, 20]
