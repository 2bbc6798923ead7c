"""Shared helpers for the scheduling tests."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

SAMPLE_CSV = Path(__file__).resolve().parents[3] / "bench" / "data" / "review_logs_fsrs_sample.csv"

START = datetime(2024, 3, 1, 9, 30, tzinfo=UTC)


@pytest.fixture
def sample_csv() -> Path:
    """The public FSRS review-log sample (MIT, open-spaced-repetition)."""
    assert SAMPLE_CSV.is_file(), f"the sample review log ships with the project at {SAMPLE_CSV}"
    return SAMPLE_CSV
