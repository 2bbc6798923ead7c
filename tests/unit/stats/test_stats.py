"""The statistics arithmetic: study days, heatmap, forecast, retention, mastery."""

import datetime as dt
from zoneinfo import ZoneInfo

from quizzes.study.stats import (
    CELL,
    CHART_HEIGHT,
    Mastery,
    Retention,
    activity_level,
    counts_per_day,
    current_streak,
    due_forecast,
    heatmap,
)

D = dt.date(2025, 3, 12)  # a Wednesday
WARSAW = ZoneInfo("Europe/Warsaw")


def test_reviews_before_four_in_the_morning_count_for_the_day_before():
    hours = [
        (dt.datetime(2025, 3, 12, 3, 0, tzinfo=WARSAW), 5),
        (dt.datetime(2025, 3, 12, 4, 0, tzinfo=WARSAW), 2),
        (dt.datetime(2025, 3, 11, 23, 0, tzinfo=WARSAW), 1),
    ]
    assert counts_per_day(hours) == {dt.date(2025, 3, 11): 6, dt.date(2025, 3, 12): 2}


def test_heatmap_covers_whole_weeks_ending_today_monday_on_top():
    counts = {D: 3, D - dt.timedelta(days=1): 1, D - dt.timedelta(days=400): 50}
    chart = heatmap(counts, D, weeks=4)
    assert len(chart.cells) == 3 * 7 + 3  # three full weeks, then Monday–Wednesday
    assert chart.cells[0].day.weekday() == 0 and chart.cells[-1].day == D
    assert chart.cells[-1].y - chart.cells[0].y == 2 * CELL  # Wednesday is two rows below Monday
    assert chart.total == 4 and chart.days_studied == 2  # the old day is outside the chart
    assert chart.busiest.day == D and chart.cells[-1].level == 4
    assert chart.summary == (
        "4 reviews on 2 of the last 24 days. Busiest day: Wed 12 Mar 2025: 3 reviews. Current streak: 2 days."
    )
    assert chart.cells[-1].label == "Wed 12 Mar 2025: 3 reviews"


def test_an_empty_heatmap_says_so():
    chart = heatmap({}, D, weeks=2)
    assert chart.summary == "No reviews in the last 10 days."
    assert {cell.level for cell in chart.cells} == {0}


def test_months_are_labelled_at_their_first_monday():
    chart = heatmap({}, D, weeks=10)
    labels = [name for _x, name in chart.months]
    assert labels == ["Jan", "Feb", "Mar"]


def test_activity_levels_scale_with_the_busiest_day():
    assert [activity_level(c, 100) for c in (0, 1, 25, 26, 50, 100)] == [0, 1, 1, 2, 2, 4]
    assert activity_level(5, 0) == 0


def test_streak_counts_back_from_today_or_yesterday():
    days = {D: 1, D - dt.timedelta(days=1): 2, D - dt.timedelta(days=3): 1}
    assert current_streak(days, D) == 2
    assert current_streak({D - dt.timedelta(days=1): 1}, D) == 1  # today not studied yet
    assert current_streak({D - dt.timedelta(days=2): 1}, D) == 0


def test_forecast_puts_overdue_cards_today_and_scales_bars():
    due = {D - dt.timedelta(days=5): 2, D: 1, D + dt.timedelta(days=2): 6, D + dt.timedelta(days=40): 9}
    forecast = due_forecast(due, D, days=30)
    assert len(forecast.bars) == 30
    assert [bar.count for bar in forecast.bars[:3]] == [3, 0, 6]
    assert forecast.total == 9  # day 40 is beyond the window
    assert forecast.bars[2].height == CHART_HEIGHT and forecast.bars[2].y == 0
    assert forecast.bars[0].height == CHART_HEIGHT // 2
    assert forecast.bars[1].height == 0
    assert forecast.bars[0].label == "Today" and forecast.bars[7].label == "19 Mar"
    assert (
        forecast.summary
        == "9 cards due in the next 30 days; 3 today; the busiest day is Fri 14 Mar: 6 cards due."
    )


def test_forecast_with_nothing_due():
    assert due_forecast({}, D).summary == "Nothing is due in the next 30 days."


def test_retention_and_mastery_shares():
    assert Retention(7, 9, 10).percent == "90%"
    assert Retention(30, 0, 0).rate is None and Retention(30, 0, 0).percent == "—"
    assert Mastery("Doc", "doc", questions=8, seen=5, mastered=2).percent == "25%"
    assert Mastery("Empty", "empty", questions=0, seen=0, mastered=0).share == 0.0
