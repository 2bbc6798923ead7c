"""What an answer means for the schedule: its grade, its fuzz seed, and how an interval is shown."""

from __future__ import annotations

import hashlib
import math
from datetime import timedelta

from quizzes.study.scheduling.states import Rating

_MONTH_DAYS = 30.0
_YEAR_DAYS = 365.0


def rating_for_answer(correct: bool, regrade: int | None = None) -> Rating:
    """Map an answer to a grade: wrong is always Again; right is Good unless re-graded Hard or Easy.

    A learner may re-grade a right answer with keys 2–4 (Anki's buttons); re-grading cannot turn a
    wrong answer into a pass, and "Again" is not a re-grade of a right answer.
    """
    if not correct:
        return Rating.AGAIN
    if regrade is None:
        return Rating.GOOD
    if regrade not in (Rating.HARD, Rating.GOOD, Rating.EASY):
        raise ValueError(f"a right answer can be re-graded 2 (Hard), 3 (Good) or 4 (Easy), not {regrade}")
    return Rating(regrade)


def review_seed(card_id: int | str, review_number: int) -> int:
    """A stable fuzz seed for the ``review_number``-th review of a card.

    Derived with a hash (not Python's salted ``hash()``), so every app server and every re-run gives
    the same seed — and therefore the same fuzzed due date — for the same review.
    """
    digest = hashlib.blake2b(f"{card_id}:{review_number}".encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big")


def _one_decimal(value: float) -> str:
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def format_interval(interval: timedelta) -> str:
    """Short label like Anki's answer buttons: "45s", "10m", "3h", "12d", "2.1mo", "1.3y".

    Months are 30 days and years 365 days, as in Anki; months and years keep one decimal because
    "1mo" for anything between 30 and 59 days would hide a real difference.
    """
    seconds = interval.total_seconds()
    if seconds < 0:
        raise ValueError(f"an interval cannot be negative: {interval}")
    if seconds < 60:
        return f"{math.floor(seconds + 0.5)}s"
    minutes = seconds / 60
    if minutes < 59.5:
        return f"{math.floor(minutes + 0.5)}m"
    hours = minutes / 60
    if hours < 23.5:
        return f"{math.floor(hours + 0.5)}h"
    days = hours / 24
    if days < _MONTH_DAYS:
        return f"{math.floor(days + 0.5)}d"
    if days < _YEAR_DAYS:
        return f"{_one_decimal(days / _MONTH_DAYS)}mo"
    return f"{_one_decimal(days / _YEAR_DAYS)}y"
