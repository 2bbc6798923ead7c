"""Writes for teachers' quizzes and learners' attempts.

Rules, as Moodle does them:

- A quiz's questions can change until its first attempt; after that only its settings can, so that
  every attempt and the item analysis refer to the same questions.
- Publishing gives the quiz a join code and freezes each item's wording and options on the item,
  so a fact edited later (which regenerates its question in place) never changes a running quiz.
- The time limit is enforced here, on the server clock: an answer arriving after the deadline is
  refused and the attempt is finished with what was saved before.
- Closing a quiz stops new attempts and new answers: attempts in progress are submitted at once
  (Moodle's "open attempts are submitted automatically"). Reopening allows new attempts again.
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

from quizzes.exports.types import MAX_OPTIONS, ExportQuestion, ImportResult
from quizzes.generation import grade_typed, validate_options
from quizzes.imports import parse_csv, parse_gift
from quizzes.models import Attempt, Question, Quiz, QuizItem, Response, new_join_code
from quizzes.selectors_teach import ItemContent, item_content, typed_answer_plain
from quizzes.services.study import quiz_misses_to_study


class TeachingError(Exception):
    """A request the rules refuse; ``status`` is the HTTP status a view answers with."""

    status = 400

    def __init__(self, message: str, *, messages: list[str] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.messages = messages or [message]


class QuizLocked(TeachingError):
    status = 409


class QuizNotOpen(TeachingError):
    status = 403


class NoAttemptsLeft(TeachingError):
    status = 403


class TimeUp(TeachingError):
    status = 409


class AttemptFinished(TeachingError):
    status = 409


class InvalidAnswer(TeachingError):
    status = 400


# --------------------------------------------------------------------------------------------- quizzes


def quiz_create(*, owner, title: str, description: str = "") -> Quiz:
    return Quiz.objects.create(owner=owner, title=title.strip(), description=description.strip())


def _ensure_editable(quiz: Quiz) -> None:
    if Attempt.objects.filter(quiz=quiz).exists():
        raise QuizLocked(
            "Learners have already taken this quiz, so its questions can no longer change "
            "(the results would stop making sense). Copy the questions into a new quiz instead."
        )


def _lock(quiz: Quiz) -> None:
    """Serialise writes to one quiz's item list (two tabs, a double click): positions stay unique."""
    Quiz.objects.select_for_update().filter(pk=quiz.pk).first()


def _next_position(quiz: Quiz) -> int:
    top = QuizItem.objects.filter(quiz=quiz).aggregate(top=Max("position"))["top"]
    return 0 if top is None else top + 1


@transaction.atomic
def quiz_item_add(*, quiz: Quiz, question_id: int) -> tuple[QuizItem, bool]:
    """Add a question at the end; adding it twice is harmless (returns the existing item, False)."""
    _lock(quiz)
    _ensure_editable(quiz)
    question = Question.objects.filter(pk=question_id, active=True).first()
    if question is None:
        raise TeachingError("That question does not exist or is no longer in use.")
    existing = QuizItem.objects.filter(quiz=quiz, question=question).first()
    if existing is not None:
        return existing, False
    try:
        with transaction.atomic():
            item = QuizItem.objects.create(quiz=quiz, question=question, position=_next_position(quiz))
    except IntegrityError:  # added by a simultaneous request the lock could not see (a new transaction)
        return QuizItem.objects.get(quiz=quiz, question=question), False
    return item, True


@transaction.atomic
def quiz_item_remove(*, quiz: Quiz, item_id: int) -> bool:
    _ensure_editable(quiz)
    deleted, _ = QuizItem.objects.filter(quiz=quiz, pk=item_id).delete()
    _renumber(quiz)
    return bool(deleted)


def _renumber(quiz: Quiz) -> None:
    items = list(QuizItem.objects.filter(quiz=quiz).order_by("position", "id"))
    for position, item in enumerate(items):
        item.position = position
    QuizItem.objects.bulk_update(items, ["position"])


@transaction.atomic
def quiz_item_move(*, quiz: Quiz, item_id: int, direction: str) -> None:
    """Move an item one place up or down (keyboard friendly, no drag and drop needed)."""
    if direction not in ("up", "down"):
        raise TeachingError("Move a question up or down.")
    _ensure_editable(quiz)
    items = list(QuizItem.objects.select_for_update().filter(quiz=quiz).order_by("position", "id"))
    index = next((i for i, item in enumerate(items) if item.pk == item_id), None)
    if index is None:
        raise TeachingError("That question is not in this quiz.")
    other = index - 1 if direction == "up" else index + 1
    if 0 <= other < len(items):
        items[index], items[other] = items[other], items[index]
    for position, item in enumerate(items):
        item.position = position
    QuizItem.objects.bulk_update(items, ["position"])


def _edit_problems(
    content: ItemContent, prompt: str, options: list[str], answer_index: int | None, answer: str
) -> list[str]:
    problems = [] if prompt.strip() else ["The question text may not be empty."]
    if content.is_choice:
        if len(options) > MAX_OPTIONS:
            problems.append(f"Give at most {MAX_OPTIONS} options.")
        problems += validate_options(options, answer_index)
    elif not answer.strip():
        problems.append("The answer may not be empty.")
    elif typed_answer_plain(content.kind, answer) is None:
        problems.append(
            f"“{answer}” cannot be read as a {'year' if content.kind == 'typed_year' else 'number'}."
        )
    return problems


@transaction.atomic
def quiz_item_edit(
    *, quiz: Quiz, item: QuizItem, prompt: str, options: list[str], answer_index: int | None, answer: str = ""
) -> QuizItem:
    """Reword a question for this quiz only: exactly one right option, no duplicates, nothing empty."""
    _ensure_editable(quiz)
    content = item_content(item)
    options = [o.strip() for o in options if o.strip()] if content.is_choice else []
    problems = _edit_problems(content, prompt, options, answer_index, answer)
    if problems:
        raise TeachingError(problems[0], messages=problems)
    item.prompt = prompt.strip()
    item.kind = content.kind
    if content.is_choice:
        item.options, item.answer_index = options, answer_index
        item.answer = options[answer_index]
    else:
        item.options, item.answer_index, item.answer = None, None, answer.strip()
    item.save()
    return item


def _freeze(item: QuizItem) -> None:
    """Copy the question's current wording onto the item, so later regeneration cannot change the quiz."""
    content = item_content(item)
    item.prompt, item.kind, item.answer = content.prompt, content.kind, content.answer
    item.options = list(content.options) if content.options is not None else None
    item.answer_index = content.answer_index if content.options is not None else None


@transaction.atomic
def quiz_publish(*, quiz: Quiz, now: dt.datetime | None = None) -> Quiz:
    """Give the quiz a join code (kept if it had one) and open it to learners."""
    items = list(QuizItem.objects.filter(quiz=quiz).select_related("question__fact__document"))
    if not items:
        raise TeachingError("Add at least one question before publishing.")
    withdrawn = [
        item for item in items if item.question is not None and not item.prompt and not item.question.active
    ]
    if withdrawn:
        prompts = "; ".join(f"“{item.question.prompt}”" for item in withdrawn[:3])
        raise TeachingError(
            "Some questions were withdrawn because an admin rejected or changed their facts. "
            f"Remove them before publishing: {prompts}"
        )
    for item in items:
        _freeze(item)
    QuizItem.objects.bulk_update(items, ["prompt", "kind", "answer", "options", "answer_index"])
    quiz.published_at = quiz.published_at or now or timezone.now()
    quiz.closed = False
    for _ in range(20):
        if quiz.join_code is None:
            quiz.join_code = new_join_code()
        try:
            with transaction.atomic():
                quiz.save()
            return quiz
        except IntegrityError:
            quiz.join_code = None  # the code was taken; draw another
    raise TeachingError("Could not find a free join code; please try again.")


@transaction.atomic
def quiz_close(*, quiz: Quiz, now: dt.datetime | None = None) -> int:
    """Stop new attempts and answers; attempts in progress are submitted now. Returns how many."""
    now = now or timezone.now()
    quiz.closed = True
    quiz.save(update_fields=["closed", "updated_at"])
    open_attempts = list(Attempt.objects.select_for_update().filter(quiz=quiz, finished_at__isnull=True))
    for attempt in open_attempts:
        attempt_finish(attempt=attempt, now=now, timed_out=True)
    return len(open_attempts)


def quiz_reopen(*, quiz: Quiz) -> Quiz:
    if quiz.published_at is None:
        raise TeachingError("Publish the quiz first.")
    quiz.closed = False
    quiz.save(update_fields=["closed", "updated_at"])
    return quiz


def parse_import(text: str, fmt: str) -> ImportResult:
    if fmt == "gift":
        return parse_gift(text)
    if fmt == "csv":
        return parse_csv(text)
    raise TeachingError("Choose GIFT or CSV.")


@transaction.atomic
def quiz_import(*, quiz: Quiz, text: str, fmt: str) -> list[QuizItem]:
    """Add every question of a GIFT or CSV file, or none: any bad line raises ImportFailed."""
    _lock(quiz)
    _ensure_editable(quiz)
    questions: list[ExportQuestion] = parse_import(text, fmt).questions_or_raise()
    if not questions:
        raise TeachingError("The file holds no questions.")
    start = _next_position(quiz)
    items = [
        QuizItem(
            quiz=quiz,
            question=None,
            position=start + offset,
            prompt=q.prompt,
            options=list(q.options) if q.options is not None else None,
            answer_index=q.answer_index if q.options is not None else None,
            answer=q.answer,
            kind=q.kind,
        )
        for offset, q in enumerate(questions)
    ]
    return QuizItem.objects.bulk_create(items)


# --------------------------------------------------------------------------------------------- attempts


def _in_progress(quiz: Quiz, user) -> Attempt | None:
    return Attempt.objects.filter(quiz=quiz, user=user, finished_at__isnull=True).first()


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
    items = list(QuizItem.objects.filter(quiz=quiz).select_related("question__fact__document"))
    if not items:
        raise QuizNotOpen("This quiz has no questions yet.")
    unfrozen = [item for item in items if item.question_id is not None and not item.prompt]
    for item in unfrozen:  # added after publishing: freeze now, before anyone sees it
        _freeze(item)
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


def _grade(content: ItemContent, raw: str) -> tuple[bool, str, int | None, str]:
    """(correct, text given, canonical option index, message) for a raw form value."""
    raw = (raw or "").strip()
    if content.options is not None:
        try:
            index = int(raw)
        except ValueError:
            raise InvalidAnswer("Pick one of the options.") from None
        if not 0 <= index < len(content.options):
            raise InvalidAnswer("That option does not belong to this question.")
        return index == content.answer_index, content.options[index], index, ""
    if not raw:
        raise InvalidAnswer("Type an answer first.")
    if len(raw) > 200:
        raise InvalidAnswer("That answer is too long.")
    grade = grade_typed(content.kind or "typed_number", content.answer, raw)
    return grade.correct, raw, None, grade.message


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
    item = QuizItem.objects.select_related("question__fact__document").get(pk=item_id)
    content = item_content(item)
    existing = Response.objects.filter(attempt=attempt, item=item).first()
    if existing is not None and attempt.quiz.feedback == Quiz.Feedback.IMMEDIATE:
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
    updated = Attempt.objects.filter(pk=attempt.pk, finished_at__isnull=True).update(
        finished_at=now, timed_out=timed_out
    )
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


__all__ = [
    "AttemptFinished",
    "InvalidAnswer",
    "NoAttemptsLeft",
    "QuizLocked",
    "QuizNotOpen",
    "TeachingError",
    "TimeUp",
    "attempt_answer",
    "attempt_expire_if_due",
    "attempt_finish",
    "attempt_start",
    "parse_import",
    "quiz_close",
    "quiz_create",
    "quiz_import",
    "quiz_item_add",
    "quiz_item_edit",
    "quiz_item_move",
    "quiz_item_remove",
    "quiz_publish",
    "quiz_reopen",
]
