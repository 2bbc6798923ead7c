"""Moodle's grading methods for quizzes with several attempts."""

import pytest

from quizzes.teaching.analysis import grade_attempt

ATTEMPTS = [40.0, 90.0, 65.0]  # oldest first


@pytest.mark.parametrize(
    ("method", "expected"),
    [("highest", 90.0), ("average", 65.0), ("first", 40.0), ("last", 65.0)],
)
def test_grading_methods(method, expected):
    assert grade_attempt(ATTEMPTS, method) == expected


def test_single_attempt_is_the_grade_whatever_the_method():
    for method in ("highest", "average", "first", "last"):
        assert grade_attempt([72.5], method) == 72.5


def test_no_attempt_or_unknown_method_is_an_error():
    with pytest.raises(ValueError, match="no finished attempt"):
        grade_attempt([], "highest")
    with pytest.raises(ValueError, match="unknown grading method"):
        grade_attempt([1.0], "best")  # type: ignore[arg-type]
