"""The one grader of an answer to a question, shared by the study loop and quiz attempts (pure).

A choice question takes the canonical index of one of its own options; a typed question takes text,
graded by :func:`quizzes.bank.generation.grade_typed`. Where study and quizzes used to differ, the stricter
rule holds for both: an over-long answer is refused before anything else, an empty one is refused, and
"?" ("I don't know") is recorded as no answer and counted wrong.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from quizzes.bank.generation import grade_typed
from quizzes.bank.generation.types import EXACTLY_RIGHT, QuestionKind

MAX_ANSWER_LENGTH = 200
DONT_KNOW = "?"


class AnswerRefused(ValueError):
    """An answer the question cannot take (an option that is not one of its own, an empty typed answer)."""


@dataclass(frozen=True)
class Verdict:
    correct: bool
    given: str  # what the learner answered, as text
    chosen_index: int | None  # canonical option index, for choice questions
    message: str = ""  # "Off by 3 years" for typed answers
    off_by: float | None = None
    kind: str = ""

    @property
    def detail(self) -> str:
        """What to add to "Right!" / "Not quite": the typed grader's remark, unless it is only "Exactly right."
        or the answer is a name (where "off by" means nothing)."""
        if not self.message or self.message == EXACTLY_RIGHT or self.kind == QuestionKind.TYPED_TEXT:
            return ""
        return self.message


@dataclass(frozen=True, slots=True)
class ShownOption:
    """One option as a learner sees it, in study and in quizzes alike."""

    index: int  # canonical index (never on the page)
    text: str
    key: int  # 1-based position on screen: the digit that picks it, and what the form posts
    correct: bool = False
    chosen: bool = False


def options_shown(
    options: Sequence[str], order: Sequence[int], answer_index: int | None, chosen_index: int | None = None
) -> list[ShownOption]:
    """The options in display ``order`` (canonical indexes; any out of range are dropped)."""
    order = [i for i in order if 0 <= i < len(options)]
    return [
        ShownOption(index=i, text=options[i], key=key, correct=i == answer_index, chosen=i == chosen_index)
        for key, i in enumerate(order, start=1)
    ]


def answer_grade(
    *, kind: str, options: Sequence[str] | None, answer_index: int | None, answer: str, raw: str | None
) -> Verdict:
    """Grade a raw form value; raises :class:`AnswerRefused` with a message for the learner."""
    raw = (raw or "").strip()
    if len(raw) > MAX_ANSWER_LENGTH:
        raise AnswerRefused(f"That answer is too long: keep it under {MAX_ANSWER_LENGTH} characters.")
    if options is not None:
        try:
            index = int(raw)
        except ValueError:
            raise AnswerRefused("Pick one of the options.") from None
        if not 0 <= index < len(options):
            raise AnswerRefused("That option does not belong to this question.")
        return Verdict(correct=index == answer_index, given=options[index], chosen_index=index, kind=kind)
    if not raw:
        raise AnswerRefused("Type an answer first — or type “?” if you don't know.")
    if raw == DONT_KNOW:
        return Verdict(correct=False, given="", chosen_index=None, message="No answer given.", kind=kind)
    grade = grade_typed(kind or QuestionKind.TYPED_NUMBER, answer, raw)
    return Verdict(
        correct=grade.correct,
        given=raw,
        chosen_index=None,
        message=grade.message,
        off_by=grade.off_by,
        kind=kind,
    )
