"""Item analysis of a quiz, computed as Moodle's quiz statistics report does.

Sources (Moodle):

- "Quiz statistics calculations" (docs.moodle.org/dev/Quiz_statistics_calculations) and the code
  that implements it, ``question/classes/statistics/questions/calculator.php``:
  facility F = mean mark / max mark; discrimination index
  D = 100 · Cov(x, X − x) / sqrt(V(x) · V(X − x)), the correlation between the item's mark x and
  the rest of the test X − x, with sample (n − 1) (co)variances; discriminative efficiency
  E = 100 · Cov(x, X − x) / CovMax, where CovMax pairs the sorted item marks with the sorted
  rest-of-test marks (the largest covariance those marks could have). D or E is undefined
  (None) with fewer than 2 attempts or when either variance (or CovMax) is zero.
- Only first attempts are analysed ("Quizzes that allow multiple attempts": later attempts break
  the assumptions); the caller filters. An attempt with no response to a question counts as a
  mark of 0 for it, as every Moodle attempt holds every question.

Flags and their thresholds:

- "discriminates badly": D < 30, Moodle's question bank "Needs checking?" column
  (``qbank_statistics\\helper::NEED_FOR_REVISION_LOWER_THRESHOLD = 30``, "very likely"), or
  E < 15, the quiz statistics report's "dubious question" test
  (``quiz_statistics_table::is_dubious_question``).
- "too easy" / "too hard": F ≥ 90 / F ≤ 10, the "very easy" (90–94) and "extremely easy" (95–100)
  bands and the "very difficult" (6–10) and "extremely difficult" (≤ 5) bands of Moodle's guidance
  on reading the facility index (docs.moodle.org, "Quiz report statistics"). Moodle's code has no
  facility threshold, so these two are module constants a deployment may tune.
- Missing responses follow approach 1 of "Incomplete attempts" in the calculations page: an
  omitted question scores 0.
"""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Literal

TOO_EASY_FACILITY = 90.0
TOO_HARD_FACILITY = 10.0
WEAK_DISCRIMINATION = 30.0
DUBIOUS_EFFICIENCY = 15.0
_EPSILON = 1e-12


class Flag(StrEnum):
    TOO_EASY = "too easy"
    TOO_HARD = "too hard"
    DISCRIMINATES_BADLY = "discriminates badly"


@dataclass(frozen=True, slots=True)
class ItemResponse:
    """One question answered in one first attempt. ``score`` is the fraction of the mark, 0..1."""

    attempt_key: str
    question_key: str
    score: float
    chosen: str | None = None  # the option text picked or the answer typed; None when unanswered


@dataclass(frozen=True, slots=True)
class QuestionStats:
    question_key: str
    n: int  # attempts analysed
    facility: float | None  # 0..100; None without attempts
    sd: float | None  # standard deviation of the mark, as a percentage of the max; None below 2 attempts
    discrimination: float | None  # -100..100
    discriminative_efficiency: float | None
    option_shares: dict[str | None, float] = field(default_factory=dict)  # chosen → fraction of n
    flags: tuple[Flag, ...] = ()


@dataclass(frozen=True, slots=True)
class AttemptTotal:
    attempt_key: str
    total: float  # sum of the question marks
    max_total: float  # number of questions (each is worth 1)

    @property
    def percent(self) -> float:
        return 100.0 * self.total / self.max_total if self.max_total else 0.0


@dataclass(frozen=True, slots=True)
class QuizAnalysis:
    questions: list[QuestionStats]
    attempts: list[AttemptTotal]


def _mean(values: Sequence[float]) -> float:
    return sum(values) / len(values)


def _covariance(xs: Sequence[float], ys: Sequence[float]) -> float:
    """Sample covariance (divides by n − 1, as Moodle does); callers ensure n ≥ 2."""
    mx, my = _mean(xs), _mean(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / (len(xs) - 1)


def discrimination_index(marks: Sequence[float], rest: Sequence[float]) -> float | None:
    """100 × Pearson correlation of an item's marks with the rest-of-test marks, or None if undefined."""
    if len(marks) < 2:
        return None
    variance = _covariance(marks, marks) * _covariance(rest, rest)
    if variance < _EPSILON:  # zero variance (up to float noise): the correlation is undefined
        return None
    return 100.0 * _covariance(marks, rest) / math.sqrt(variance)


def discriminative_efficiency(marks: Sequence[float], rest: Sequence[float]) -> float | None:
    """100 × Cov(x, X − x) / CovMax, CovMax pairing both lists sorted; None if undefined."""
    if len(marks) < 2:
        return None
    cov_max = _covariance(sorted(marks), sorted(rest))
    if abs(cov_max) < _EPSILON:
        return None
    return 100.0 * _covariance(marks, rest) / cov_max


def flags_for(
    facility: float | None, discrimination: float | None, efficiency: float | None
) -> tuple[Flag, ...]:
    """The warnings a teacher sees beside a question; thresholds are documented at the top."""
    flags: list[Flag] = []
    if facility is not None and facility >= TOO_EASY_FACILITY:
        flags.append(Flag.TOO_EASY)
    if facility is not None and facility <= TOO_HARD_FACILITY:
        flags.append(Flag.TOO_HARD)
    weak = discrimination is not None and discrimination < WEAK_DISCRIMINATION
    dubious = efficiency is not None and efficiency < DUBIOUS_EFFICIENCY
    if weak or dubious:
        flags.append(Flag.DISCRIMINATES_BADLY)
    return tuple(flags)


def _option_shares(chosen: Sequence[str | None], options: Sequence[str]) -> dict[str | None, float]:
    """Fraction of attempts choosing each answer; listed options first (zeros included), then others."""
    shares: dict[str | None, float] = dict.fromkeys(options, 0.0)
    for value in chosen:
        shares[value] = shares.get(value, 0.0) + 1.0
    return {key: count / len(chosen) for key, count in shares.items()} if chosen else shares


def analyse_items(
    responses: Iterable[ItemResponse],
    *,
    question_keys: Sequence[str] | None = None,
    options: Mapping[str, Sequence[str]] | None = None,
) -> QuizAnalysis:
    """Per-question facility, discrimination, efficiency, option shares and flags, and per-attempt totals.

    ``question_keys`` fixes the questions and their order (default: in order of first appearance);
    ``options`` lists each choice question's options so that options nobody chose show as 0.
    Responses to questions outside ``question_keys`` are ignored. Scores are clamped to 0..1.
    """
    marks: dict[str, dict[str, float]] = {}
    chosen: dict[str, dict[str, str | None]] = {}
    seen_questions: dict[str, None] = {}  # insertion-ordered set
    for response in responses:
        attempt = marks.setdefault(response.attempt_key, {})
        attempt[response.question_key] = min(1.0, max(0.0, response.score))
        chosen.setdefault(response.attempt_key, {})[response.question_key] = response.chosen
        seen_questions.setdefault(response.question_key)
    keys = list(question_keys) if question_keys is not None else list(seen_questions)
    attempt_keys = list(marks)
    totals = {a: sum(marks[a].get(q, 0.0) for q in keys) for a in attempt_keys}
    stats = [
        _question_stats(q, attempt_keys, marks, chosen, totals, (options or {}).get(q, ())) for q in keys
    ]
    attempts = [AttemptTotal(a, totals[a], float(len(keys))) for a in attempt_keys]
    return QuizAnalysis(questions=stats, attempts=attempts)


def _question_stats(
    question_key: str,
    attempt_keys: list[str],
    marks: dict[str, dict[str, float]],
    chosen: dict[str, dict[str, str | None]],
    totals: dict[str, float],
    options: Sequence[str],
) -> QuestionStats:
    item = [marks[a].get(question_key, 0.0) for a in attempt_keys]
    rest = [totals[a] - x for a, x in zip(attempt_keys, item, strict=True)]
    n = len(item)
    facility = 100.0 * _mean(item) if n else None
    sd = 100.0 * math.sqrt(_covariance(item, item)) if n >= 2 else None
    discrimination = discrimination_index(item, rest)
    efficiency = discriminative_efficiency(item, rest)
    picks = [chosen[a].get(question_key) for a in attempt_keys]
    return QuestionStats(
        question_key=question_key,
        n=n,
        facility=facility,
        sd=sd,
        discrimination=discrimination,
        discriminative_efficiency=efficiency,
        option_shares=_option_shares(picks, options),
        flags=flags_for(facility, discrimination, efficiency),
    )


# --------------------------------------------------------------------------------------------- CSV

CSV_HEADER = (
    "question",
    "attempts",
    "facility_percent",
    "sd_percent",
    "discrimination_index",
    "discriminative_efficiency",
    "flags",
    "option_shares",
)


def _cell(value: str) -> str:
    """Guard text cells against spreadsheet formula injection (OWASP): a leading = + - @ becomes literal."""
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def _number(value: float | None) -> str:
    return "" if value is None else f"{value:.2f}"


def analysis_to_csv(analysis: QuizAnalysis, *, labels: Mapping[str, str] | None = None) -> str:
    """The per-question table as CSV for the teacher's download; ``labels`` maps keys to question text."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_HEADER)
    for stats in analysis.questions:
        label = (labels or {}).get(stats.question_key, stats.question_key)
        shares = "; ".join(
            f"{'(no answer)' if option is None else option}: {100 * share:.0f}%"
            for option, share in stats.option_shares.items()
        )
        writer.writerow(
            [
                _cell(label),
                stats.n,
                _number(stats.facility),
                _number(stats.sd),
                _number(stats.discrimination),
                _number(stats.discriminative_efficiency),
                "; ".join(stats.flags),
                _cell(shares),
            ]
        )
    return out.getvalue()


# --------------------------------------------------------------------------------------------- grading

GradingMethod = Literal["highest", "average", "first", "last"]


def grade_attempt(scores: Sequence[float], method: GradingMethod) -> float:
    """The quiz grade from a learner's finished attempts, oldest first (Moodle's grading methods).

    "highest" keeps the best attempt, "average" the mean of all, "first" ignores later attempts,
    "last" counts only the most recent. Raises ValueError without attempts or for an unknown method.
    """
    if not scores:
        raise ValueError("no finished attempt to grade")
    if method == "highest":
        return max(scores)
    if method == "average":
        return sum(scores) / len(scores)
    if method == "first":
        return scores[0]
    if method == "last":
        return scores[-1]
    raise ValueError(f"unknown grading method {method!r}; use highest, average, first or last")


def _percent(value: float | None) -> str:
    return "" if value is None else f"{100 * value:.1f}"


def attempts_to_csv(attempts, learners, *, grading: str) -> str:
    """One row per attempt with the learner's grade (by the quiz's grading method), for a spreadsheet.

    ``attempts`` have username, number, started_at, finished_at, time_taken, score, timed_out;
    ``learners`` have username and grade (0–1)."""
    grades = {row.username: row.grade for row in learners}
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(
        [
            "learner",
            "attempt",
            "started",
            "finished",
            "seconds",
            "score_percent",
            "ran_out_of_time",
            f"grade_percent ({grading.lower()})",
        ]
    )
    for row in attempts:
        taken = row.time_taken
        writer.writerow(
            [
                _cell(row.username),
                row.number,
                row.started_at.isoformat(timespec="seconds"),
                row.finished_at.isoformat(timespec="seconds") if row.finished_at else "in progress",
                int(taken.total_seconds()) if taken else "",
                _percent(row.score),
                "yes" if row.timed_out else "no",
                _percent(grades.get(row.username)),
            ]
        )
    return out.getvalue()
