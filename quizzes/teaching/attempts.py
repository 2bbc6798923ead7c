"""Writes for learners' attempts at a quiz: start, answer, finish, expire.

- The time limit is enforced here, on the server clock: an answer arriving after the deadline is
  refused and the attempt is finished with what was saved before.
- With feedback "after each question" an answer is final once checked (Moodle's immediate
  feedback); with feedback "at the end" a learner may change answers until finishing.
"""

from __future__ import annotations

import datetime as dt
import random
import secrets

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone

from quizzes.bank.answers import AnswerRefused, answer_grade
from quizzes.models import Attempt, Quiz, QuizItem, Response
from quizzes.study.services import quiz_misses_to_study
from quizzes.teaching.errors import (
    AttemptFinished,
    InvalidAnswer,
    NoAttemptsLeft,
    QuizNotOpen,
    TeachingError,
    TimeUp,
)
from quizzes.teaching.selectors import ItemContent, attempt_for_user, item_content, learner_attempts

# --------------------------------------------------------------------------------------------- attempts


def item_freeze(item: QuizItem) -> None:
    """Copy the question's current wording onto the item, so later regeneration cannot change the quiz."""
    content = item_content(item)
    item.prompt, item.kind, item.answer = content.prompt, content.kind, content.answer
    item.options = list(content.options) if content.options is not None else None
    item.answer_index = content.answer_index if content.options is not None else None


def _in_progress(quiz: Quiz, user) -> Attempt | None:
    return Attempt.objects.in_progress().filter(quiz=quiz, user=user).first()


@transaction.atomic
def attempt_start(*, quiz: Quiz, user, now: dt.datetime | None = None) -> Attempt:
    """The learner's attempt in progress, or a new one when the quiz is open and attempts remain.

    The learner's row is locked first, so simultaneous "Start" clicks (a double click, two tabs) see each
    other's attempt instead of each creating one and using up the attempts allowed.
    """
    now = now or timezone.now()
    get_user_model().objects.select_for_update().filter(pk=user.pk).first()
    current = _in_progress(quiz, user)
    if current is not None and not attempt_expire_if_due(attempt=current, now=now):
        return current
    return _attempt_create(quiz=quiz, user=user, now=now)


def _option_order(item: QuizItem, rng: random.Random, shuffle: bool) -> list[int] | None:
    if item.options is None:
        return None
    indexes = list(range(len(item.options)))
    if shuffle:
        rng.shuffle(indexes)
    return indexes


@transaction.atomic
def _attempt_create(*, quiz: Quiz, user, now: dt.datetime) -> Attempt:
    if not quiz.is_open:
        raise QuizNotOpen("This quiz is closed: your teacher is not accepting new attempts.")
    used = Attempt.objects.filter(quiz=quiz, user=user).aggregate(top=Max("number"))["top"] or 0
    if quiz.attempts_allowed and used >= quiz.attempts_allowed:
        plural = "attempt" if quiz.attempts_allowed == 1 else "attempts"
        raise NoAttemptsLeft(f"You have used all {quiz.attempts_allowed} {plural} this quiz allows.")
    items = list(QuizItem.objects.filter(quiz=quiz).with_source())
    if not items:
        raise QuizNotOpen("This quiz has no questions yet.")
    unfrozen = [item for item in items if item.question_id is not None and not item.prompt]
    for item in unfrozen:  # added after publishing: freeze now, before anyone sees it
        item_freeze(item)
    QuizItem.objects.bulk_update(unfrozen, ["prompt", "kind", "answer", "options", "answer_index"])
    rng = random.Random(secrets.randbits(64))
    order = [item.pk for item in items]
    if quiz.shuffle_questions:
        rng.shuffle(order)
    option_orders = {
        str(item.pk): indexes
        for item in items
        if (indexes := _option_order(item, rng, quiz.shuffle_options)) is not None
    }
    deadline = now + dt.timedelta(minutes=quiz.time_limit_minutes) if quiz.time_limit_minutes else None
    try:
        with transaction.atomic():
            return Attempt.objects.create(
                quiz=quiz,
                user=user,
                number=used + 1,
                started_at=now,
                deadline=deadline,
                order=order,
                option_orders=option_orders,
            )
    except IntegrityError:  # a second tab started the same attempt a moment ago
        return Attempt.objects.get(quiz=quiz, user=user, number=used + 1)


def attempt_expire_if_due(*, attempt: Attempt, now: dt.datetime | None = None) -> bool:
    """Finish an open attempt whose time has run out (or whose quiz was closed). True when it did."""
    now = now or timezone.now()
    if attempt.finished_at is not None:
        return False
    late = attempt.deadline is not None and now > attempt.deadline
    if late or attempt.quiz.closed:
        attempt_finish(attempt=attempt, now=min(now, attempt.deadline) if late else now, timed_out=True)
        return True
    return False


def attempt_current(*, user, attempt_id: int, now: dt.datetime | None = None) -> Attempt:
    """The learner's own attempt (404 for anyone else's), brought up to date before it is shown: one whose
    time ran out, or whose quiz was closed, is submitted now with the answers saved. Every page of an
    attempt reads it through here, so the expiry rule is applied in one place."""
    attempt = attempt_for_user(user, attempt_id)
    attempt_expire_if_due(attempt=attempt, now=now)
    return attempt


def learner_attempts_current(*, quiz: Quiz, user, now: dt.datetime | None = None) -> list[Attempt]:
    """The learner's attempts at ``quiz``, oldest first, each brought up to date as in ``attempt_current``."""
    now = now or timezone.now()
    attempts = learner_attempts(quiz, user)
    for attempt in attempts:
        attempt.quiz = quiz
        attempt_expire_if_due(attempt=attempt, now=now)
    return attempts


def _grade(content: ItemContent, raw: str) -> tuple[bool, str, int | None, str]:
    """(correct, text given, canonical option index, message) for a raw form value: the study loop's grader."""
    try:
        verdict = answer_grade(
            kind=content.kind,
            options=content.options,
            answer_index=content.answer_index,
            answer=content.answer,
            raw=raw,
        )
    except AnswerRefused as refused:
        raise InvalidAnswer(str(refused)) from None
    return verdict.correct, verdict.given, verdict.chosen_index, verdict.message


def attempt_answer(
    *, attempt: Attempt, item_id: int, raw: str, now: dt.datetime | None = None
) -> tuple[Response, str]:
    """Save (or, with end-of-quiz feedback, replace) one answer. Returns the response and a grading note.

    After the deadline the answer is refused (TimeUp) and the attempt is finished with what was
    saved before. A repeated submission of an answer already checked returns the saved one.
    """
    now = now or timezone.now()
    with transaction.atomic():
        attempt = Attempt.objects.select_for_update().select_related("quiz").get(pk=attempt.pk)
        refusal = _refusal(attempt, now)  # finishes the attempt when time ran out; committed below
        if refusal is None:
            return _save_answer(attempt, item_id, raw, now)
    raise refusal


def _refusal(attempt: Attempt, now: dt.datetime) -> TeachingError | None:
    if attempt.finished_at is not None:
        return AttemptFinished("This attempt is already finished; your answers were saved before it ended.")
    if attempt.deadline is not None and now > attempt.deadline:
        attempt_finish(attempt=attempt, now=attempt.deadline, timed_out=True)
        return TimeUp(
            "Time is up: this answer arrived after the time limit and was not saved. "
            "Your attempt has been submitted with the answers given in time."
        )
    if attempt.quiz.closed:
        attempt_finish(attempt=attempt, now=now, timed_out=True)
        return QuizNotOpen(
            "Your teacher closed this quiz, so no more answers are accepted. "
            "Your attempt has been submitted with the answers given before."
        )
    return None


def _save_answer(attempt: Attempt, item_id: int, raw: str, now: dt.datetime) -> tuple[Response, str]:
    if item_id not in attempt.order:
        raise InvalidAnswer("That question is not part of this attempt.")
    item = QuizItem.objects.with_source().get(pk=item_id)
    content = item_content(item)
    existing = Response.objects.filter(attempt=attempt, item=item).first()
    if existing is not None and attempt.quiz.feedback_is_immediate:
        return existing, ""  # already checked: the first answer stands
    correct, given, index, message = _grade(content, raw)
    response, _ = Response.objects.update_or_create(
        attempt=attempt,
        item=item,
        defaults={
            "answer_given": given,
            "chosen_index": index,
            "correct": correct,
            "score": 1.0 if correct else 0.0,
            "answered_at": now,
        },
    )
    return response, message


@transaction.atomic
def attempt_finish(*, attempt: Attempt, now: dt.datetime | None = None, timed_out: bool = False) -> Attempt:
    """Score the attempt, close it, and send the questions missed into the learner's study queue."""
    now = now or timezone.now()
    updated = Attempt.objects.in_progress().filter(pk=attempt.pk).update(finished_at=now, timed_out=timed_out)
    attempt.refresh_from_db()
    if not updated:
        return attempt  # finished already (double submit, or time ran out first)
    responses = {r.item_id: r for r in Response.objects.filter(attempt=attempt)}
    total = len(attempt.order)
    right = sum(1 for item_id in attempt.order if (r := responses.get(item_id)) is not None and r.correct)
    Attempt.objects.filter(pk=attempt.pk).update(score=right / total if total else 0.0)
    missed_questions = (
        QuizItem.objects.filter(pk__in=attempt.order, question__isnull=False)
        .exclude(pk__in=[r.item_id for r in responses.values() if r.correct])
        .values_list("question_id", flat=True)
    )
    quiz_misses_to_study(user=attempt.user, question_ids=list(missed_questions), now=now)
    attempt.refresh_from_db()
    return attempt
