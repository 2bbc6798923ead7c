"""optimize_parameters(): defaults below the threshold, fitted parameters that predict better above it."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest

from bench.scheduling import group_by_card, load_reviews, replay, score
from quizzes.study.scheduling import (
    DEFAULT_PARAMETERS,
    MIN_TRAINING_REVIEWS,
    ReviewRecord,
    SchedulerConfig,
    long_term_review_count,
    optimize_parameters,
)

from .conftest import START


def _few_reviews() -> list[ReviewRecord]:
    records = []
    for card in range(5):
        for rating, offset in ((1, timedelta(0)), (3, timedelta(minutes=10)), (3, timedelta(days=2))):
            records.append(ReviewRecord(card, rating, START + timedelta(hours=card) + offset))
    return records


def test_too_few_reviews_keep_the_defaults_and_say_why() -> None:
    calls: list[tuple[int, int]] = []
    result = optimize_parameters(_few_reviews(), progress=lambda done, total: calls.append((done, total)))
    assert result.used_defaults
    assert result.parameters is None
    assert result.review_count == 15
    assert result.training_reviews == 5
    assert str(MIN_TRAINING_REVIEWS) in result.reason
    assert calls[0] == (0, 3)
    assert calls[-1] == (3, 3)
    assert [done for done, _ in calls] == sorted(done for done, _ in calls)


def test_only_reviews_a_day_apart_count_as_training_data() -> None:
    assert long_term_review_count(_few_reviews()) == 5
    shuffled = list(reversed(_few_reviews()))  # order of the log must not matter
    assert long_term_review_count(shuffled) == 5


def test_bad_input_is_refused() -> None:
    with pytest.raises(ValueError, match="rating"):
        optimize_parameters([ReviewRecord(1, 5, START)])
    with pytest.raises(ValueError, match="timezone-aware"):
        optimize_parameters([ReviewRecord(1, 3, datetime(2024, 1, 1))])


def _sample_until(sample_csv: Path, fraction: float) -> tuple[list[ReviewRecord], datetime]:
    """The earliest ``fraction`` of the log (by count), and the time the rest begins."""
    reviews = sorted(load_reviews(sample_csv), key=lambda r: r.reviewed_at)
    cutoff = reviews[int(len(reviews) * fraction)].reviewed_at
    return [r for r in reviews if r.reviewed_at < cutoff], cutoff


def test_fits_different_usable_parameters_on_a_real_log(sample_csv: Path) -> None:
    train, _ = _sample_until(sample_csv, 0.5)
    calls: list[tuple[int, int]] = []
    result = optimize_parameters(train, progress=lambda done, total: calls.append((done, total)))
    assert not result.used_defaults
    assert result.training_reviews >= MIN_TRAINING_REVIEWS
    assert result.parameters is not None
    assert len(result.parameters) == len(DEFAULT_PARAMETERS)
    assert max(abs(a - b) for a, b in zip(result.parameters, DEFAULT_PARAMETERS, strict=True)) > 0.05
    SchedulerConfig(parameters=result.parameters)  # within the scheduler's bounds
    assert calls[-1] == (3, 3)


def test_fitted_parameters_predict_later_reviews_better_than_defaults(sample_csv: Path) -> None:
    train, cutoff = _sample_until(sample_csv, 0.5)
    fitted = optimize_parameters(train)
    cards = group_by_card(load_reviews(sample_csv))

    def later(config: SchedulerConfig):
        return score([p for p in replay(cards, config) if p.reviewed_at >= cutoff])

    default_score = later(SchedulerConfig(enable_fuzzing=False))
    fitted_score = later(SchedulerConfig(parameters=fitted.parameters, enable_fuzzing=False))
    assert fitted_score.reviews == default_score.reviews > 1000
    assert fitted_score.log_loss < default_score.log_loss
    assert fitted_score.rmse_bins < default_score.rmse_bins
