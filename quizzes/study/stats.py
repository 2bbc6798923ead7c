"""Pure functions behind the statistics page: counts in, chart geometry and summaries out.

The selectors fetch small aggregated rows (counts per local hour, per document); everything here is
plain Python so the arithmetic — study days with the 04:00 rollover, chart scaling, retention, mastery —
is tested without a database. Charts are drawn as SVG by the template from the geometry computed here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from quizzes.study.scheduling import DEFAULT_ROLLOVER_HOUR

# A card counts as mastered once it is in long-term review and FSRS expects it to survive three weeks
# (stability, the interval at which recall falls to 90 %, of at least 21 days — Anki's "mature" line).
MASTERY_STABILITY_DAYS = 21.0

HEATMAP_WEEKS = 26
FORECAST_DAYS = 30

CELL = 12  # heatmap square, px, including a 2 px gap
LABEL_WIDTH = 28  # room for weekday labels left of the heatmap
LABEL_HEIGHT = 14  # room for month labels above it
BAR_WIDTH = 16
CHART_HEIGHT = 120
AXIS_HEIGHT = 16


def study_day_of(local_time: dt.datetime, rollover_hour: int = DEFAULT_ROLLOVER_HOUR) -> dt.date:
    """The study day a local wall-clock time belongs to: before the rollover hour it is still yesterday."""
    return (local_time - dt.timedelta(hours=rollover_hour)).date()


def counts_per_day(
    hourly: Iterable[tuple[dt.datetime, int]], rollover_hour: int = DEFAULT_ROLLOVER_HOUR
) -> dict[dt.date, int]:
    """Fold counts per local hour into counts per study day.

    Working from local hours (not UTC days) is what makes a review at 02:00 local count for the day
    before, whatever the learner's timezone or daylight-saving shift.
    """
    days: dict[dt.date, int] = {}
    for local_hour, count in hourly:
        day = study_day_of(local_hour, rollover_hour)
        days[day] = days.get(day, 0) + count
    return days


@dataclass(frozen=True, slots=True)
class HeatCell:
    day: dt.date
    count: int
    level: int  # 0 (none) to 4 (busiest), a CSS class picks the colour
    x: int
    y: int

    @property
    def label(self) -> str:
        noun = "review" if self.count == 1 else "reviews"
        return f"{self.day:%a %d %b %Y}: {self.count} {noun}"


@dataclass(frozen=True, slots=True)
class Heatmap:
    cells: tuple[HeatCell, ...]
    months: tuple[tuple[int, str], ...]  # x position and short month name, where a month starts
    width: int
    height: int
    total: int
    days_studied: int
    busiest: HeatCell | None
    streak: int

    @property
    def summary(self) -> str:
        """The chart in one sentence, for screen readers and anyone who skips the picture."""
        if not self.total:
            return f"No reviews in the last {len(self.cells)} days."
        text = (
            f"{self.total} review{'s' if self.total != 1 else ''} on {self.days_studied} of the last "
            f"{len(self.cells)} days. "
            f"Busiest day: {self.busiest.label}."
        )
        if self.streak:
            text += f" Current streak: {self.streak} day{'s' if self.streak != 1 else ''}."
        return text


def activity_level(count: int, busiest: int) -> int:
    """0 for no reviews, else 1–4 by quarter of the busiest day, so one big day does not wash out the rest."""
    if count <= 0 or busiest <= 0:
        return 0
    return min(4, max(1, -(-4 * count // busiest)))  # ceil(4 × share of the busiest day)


def current_streak(counts: Mapping[dt.date, int], today: dt.date) -> int:
    """Consecutive study days ending today (or yesterday, if today has no reviews yet)."""
    day = today if counts.get(today, 0) else today - dt.timedelta(days=1)
    streak = 0
    while counts.get(day, 0) > 0:
        streak += 1
        day -= dt.timedelta(days=1)
    return streak


def heatmap(counts: Mapping[dt.date, int], today: dt.date, weeks: int = HEATMAP_WEEKS) -> Heatmap:
    """A calendar of ``weeks`` columns (Monday at the top), ending with the week that contains ``today``."""
    first = today - dt.timedelta(days=today.weekday() + 7 * (weeks - 1))
    busiest_count = max((c for d, c in counts.items() if first <= d <= today), default=0)
    cells: list[HeatCell] = []
    months: list[tuple[int, str]] = []
    day = first
    while day <= today:
        column = (day - first).days // 7
        x = LABEL_WIDTH + column * CELL
        if day.weekday() == 0 and day.day <= 7:  # a month is labelled above the column of its first Monday
            months.append((x, f"{day:%b}"))
        count = counts.get(day, 0)
        cells.append(
            HeatCell(day, count, activity_level(count, busiest_count), x, LABEL_HEIGHT + day.weekday() * CELL)
        )
        day += dt.timedelta(days=1)
    studied = [cell for cell in cells if cell.count]
    busiest = max(studied, key=lambda cell: (cell.count, cell.day), default=None)
    return Heatmap(
        cells=tuple(cells),
        months=tuple(months),
        width=LABEL_WIDTH + weeks * CELL,
        height=LABEL_HEIGHT + 7 * CELL,
        total=sum(cell.count for cell in cells),
        days_studied=len(studied),
        busiest=busiest,
        streak=current_streak(counts, today),
    )


@dataclass(frozen=True, slots=True)
class Bar:
    day: dt.date
    count: int
    x: int
    y: int
    height: int
    label: str  # axis label, empty for most days to keep the axis readable

    @property
    def title(self) -> str:
        noun = "card" if self.count == 1 else "cards"
        return f"{self.day:%a %d %b}: {self.count} {noun} due"


@dataclass(frozen=True, slots=True)
class Forecast:
    bars: tuple[Bar, ...]
    width: int
    height: int
    chart_height: int
    total: int
    peak: Bar | None

    @property
    def summary(self) -> str:
        if not self.total:
            return f"Nothing is due in the next {len(self.bars)} days."
        return (
            f"{self.total} card{'s' if self.total != 1 else ''} due in the next {len(self.bars)} days; "
            f"{self.bars[0].count} today; the busiest day is {self.peak.title}."
        )


def due_forecast(due_per_day: Mapping[dt.date, int], today: dt.date, days: int = FORECAST_DAYS) -> Forecast:
    """A bar per study day from today; anything overdue is counted today (that is when it will be shown)."""
    overdue = sum(count for day, count in due_per_day.items() if day < today)
    counts = [due_per_day.get(today + dt.timedelta(days=i), 0) for i in range(days)]
    counts[0] += overdue
    peak_count = max(counts, default=0)
    bars = []
    for i, count in enumerate(counts):
        day = today + dt.timedelta(days=i)
        height = 0 if not peak_count else max(1 if count else 0, round(CHART_HEIGHT * count / peak_count))
        label = "Today" if i == 0 else (f"{day:%d %b}" if i % 7 == 0 else "")
        bars.append(Bar(day, count, i * (BAR_WIDTH + 2), CHART_HEIGHT - height, height, label))
    peak = max(bars, key=lambda bar: (bar.count, -bar.x)) if peak_count else None
    return Forecast(
        bars=tuple(bars),
        width=days * (BAR_WIDTH + 2),
        height=CHART_HEIGHT + AXIS_HEIGHT,
        chart_height=CHART_HEIGHT,
        total=sum(counts),
        peak=peak,
    )


@dataclass(frozen=True, slots=True)
class Retention:
    """True retention: of the answers to cards in long-term review, the share that were passed."""

    days: int
    passed: int
    total: int

    @property
    def rate(self) -> float | None:
        return self.passed / self.total if self.total else None

    @property
    def percent(self) -> str:
        return "—" if self.rate is None else f"{self.rate:.0%}"


@dataclass(frozen=True, slots=True)
class Mastery:
    """How much of one document the learner knows; see ``MASTERY_STABILITY_DAYS`` for "mastered"."""

    title: str
    slug: str
    questions: int
    seen: int
    mastered: int

    @property
    def share(self) -> float:
        return self.mastered / self.questions if self.questions else 0.0

    @property
    def percent(self) -> str:
        return f"{self.share:.0%}"
