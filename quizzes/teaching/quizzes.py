"""Writes for teachers' quizzes: create, add/remove/move/edit items, publish, close, reopen, import.

Rules, as Moodle does them:

- A quiz's questions can change until its first attempt; after that only its settings can, so that
  every attempt and the item analysis refer to the same questions.
- Publishing gives the quiz a join code and freezes each item's wording and options on the item,
  so a fact edited later (which regenerates its question in place) never changes a running quiz.
- Closing a quiz stops new attempts and new answers: attempts in progress are submitted at once
  (Moodle's "open attempts are submitted automatically"). Reopening allows new attempts again.
"""

from __future__ import annotations

import datetime as dt

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone

from quizzes.bank.generation import validate_options
from quizzes.interchange.imports import parse_csv, parse_gift
from quizzes.interchange.types import MAX_OPTIONS, ExportQuestion, ImportResult
from quizzes.models import Attempt, Question, Quiz, QuizItem, new_join_code
from quizzes.models.teaching import ITEMS_PER_QUIZ, QUIZ_ITEM_PROMPT_MAX, QUIZZES_PER_TEACHER
from quizzes.teaching.attempts import attempt_finish, item_freeze
from quizzes.teaching.errors import QuizLocked, TeachingError
from quizzes.teaching.selectors import ItemContent, item_content, typed_answer_plain

# --------------------------------------------------------------------------------------------- quizzes


@transaction.atomic
def quiz_create(*, owner, title: str, description: str = "") -> Quiz:
    """A new draft quiz; a teacher may keep up to QUIZZES_PER_TEACHER (like a Moodle course's limit)."""
    get_user_model().objects.select_for_update().filter(
        pk=owner.pk
    ).first()  # two tabs cannot both squeeze in
    if Quiz.objects.filter(owner=owner).count() >= QUIZZES_PER_TEACHER:
        raise TeachingError(
            f"You already have {QUIZZES_PER_TEACHER} quizzes, the most one teacher can keep. "
            "Delete an old one (ask an admin) before making another."
        )
    return Quiz.objects.create(owner=owner, title=title.strip(), description=description.strip())


def _ensure_room(quiz: Quiz, adding: int) -> None:
    count = QuizItem.objects.filter(quiz=quiz).count()
    if count + adding > ITEMS_PER_QUIZ:
        raise TeachingError(
            f"A quiz holds at most {ITEMS_PER_QUIZ} questions; this one has {count}"
            + (f", and the file adds {adding}." if adding > 1 else ".")
            + " Split them over two quizzes."
        )


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
    _ensure_room(quiz, 1)
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


@transaction.atomic
def quiz_publish(*, quiz: Quiz, now: dt.datetime | None = None) -> Quiz:
    """Give the quiz a join code (kept if it had one) and open it to learners."""
    items = list(QuizItem.objects.filter(quiz=quiz).with_source())
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
        item_freeze(item)
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
    open_attempts = list(Attempt.objects.in_progress().select_for_update().filter(quiz=quiz))
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
    _ensure_room(quiz, len(questions))
    too_long = [n for n, q in enumerate(questions, start=1) if len(q.prompt) > QUIZ_ITEM_PROMPT_MAX]
    if too_long:
        raise TeachingError(
            f"Question {too_long[0]} of the file is longer than {QUIZ_ITEM_PROMPT_MAX:,} characters; shorten it."
        )
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
