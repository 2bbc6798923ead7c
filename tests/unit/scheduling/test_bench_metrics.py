"""The benchmark's metrics behave as their definitions say."""

from __future__ import annotations

import math
from datetime import timedelta

import pytest

from bench.scheduling import Prediction, rmse_bins, score

from .conftest import START


def _prediction(p: float, recalled: int, elapsed: int = 3, reviews: int = 2, lapses: int = 0) -> Prediction:
    return Prediction(START + timedelta(days=elapsed), "c", p, recalled, elapsed, reviews, lapses)


def test_log_loss_of_coin_flip_predictions_is_ln2() -> None:
    predictions = [_prediction(0.5, 1), _prediction(0.5, 0)]
    assert score(predictions).log_loss == pytest.approx(math.log(2))


def test_calibrated_bins_score_zero_and_miscalibrated_bins_do_not() -> None:
    calibrated = [_prediction(0.75, 1)] * 3 + [_prediction(0.75, 0)]
    assert rmse_bins(calibrated) == pytest.approx(0.0)
    overconfident = [_prediction(0.95, 1)] * 3 + [_prediction(0.95, 0)]
    assert rmse_bins(overconfident) == pytest.approx(0.2)


def test_bins_separate_short_and_long_intervals() -> None:
    # Each group is calibrated on its own; pooled in one bin they would also look calibrated, but
    # mixing the groups across bins would not: the score must be 0 only because bins are separate.
    short = [_prediction(0.9, 1, elapsed=1)] * 9 + [_prediction(0.9, 0, elapsed=1)]
    long = [_prediction(0.5, 1, elapsed=100)] * 5 + [_prediction(0.5, 0, elapsed=100)] * 5
    assert rmse_bins(short + long) == pytest.approx(0.0)
    swapped = [_prediction(0.5, 1, elapsed=1)] * 9 + [_prediction(0.5, 0, elapsed=1)]
    swapped += [_prediction(0.9, 1, elapsed=100)] * 5 + [_prediction(0.9, 0, elapsed=100)] * 5
    assert rmse_bins(swapped) == pytest.approx(0.4)
