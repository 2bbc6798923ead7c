"""Writes for studying: answers, re-grades, undo, cards. Each is one transaction."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.db import IntegrityError, transaction
from django.utils import timezone

from facts.models import Fact
from quizzes.bank.answers import AnswerRefused, Verdict, answer_grade
from quizzes.bank.generation import grade_typed
from quizzes.models import Card, Question, ReviewLog, StudyProfile
from quizzes.study import scheduling, selectors


def profile_for(user) -> StudyProfile:
    profile, _ = StudyProfile.objects.get_or_create(user=user)
    return profile


def scheduler_config(profile: StudyProfile) -> scheduling.SchedulerConfig:
    return scheduling.SchedulerConfig(
        desired_retention=profile.desired_retention,
        parameters=tuple(profile.fsrs_parameters) if profile.fsrs_parameters else None,
    )


def card_state(card: Card, now: dt.datetime) -> scheduling.CardState:
    if card.state == Card.State.NEW:
        return scheduling.new_card_state(now)
    return scheduling.CardState(
        state=card.state,
        step=card.step,
        stability=card.stability,
        difficulty=card.difficulty,
        due=card.due,
        last_review=card.last_review,
    )


def snapshot_state(snap: dict, now: dt.datetime) -> scheduling.CardState:
    """The scheduler state stored in a log snapshot (a new card's state is "new, as of ``now``")."""
    if snap["state"] == Card.State.NEW:
        return scheduling.new_card_state(now)
    return scheduling.CardState.from_dict(snap)


def grade_previews(
    log: ReviewLog, config: scheduling.SchedulerConfig
) -> dict[scheduling.Rating, dt.timedelta]:
    """What each grade would have given this answer, from the state before it (for the grade buttons)."""
    return scheduling.preview_intervals(
        snapshot_state(log.state_before, log.reviewed_at), log.reviewed_at, config
    )


def _snapshot(card: Card) -> dict:
    """Everything undo must put back, JSON-ready."""
    return {
        "state": card.state,
        "step": card.step,
        "stability": card.stability,
        "difficulty": card.difficulty,
        "due": card.due.isoformat(),
        "last_review": card.last_review.isoformat() if card.last_review else None,
        "reps": card.reps,
        "lapses": card.lapses,
        "suspended": card.suspended,
        "leech": card.leech,
    }


def _restore(card: Card, snap: dict) -> None:
    card.state = snap["state"]
    card.step = snap["step"]
    card.stability = snap["stability"]
    card.difficulty = snap["difficulty"]
    card.due = dt.datetime.fromisoformat(snap["due"])
    card.last_review = dt.datetime.fromisoformat(snap["last_review"]) if snap["last_review"] else None
    card.reps = snap["reps"]
    card.lapses = snap["lapses"]
    card.suspended = snap["suspended"]
    card.leech = snap["leech"]


# One grader for study and quizzes (quizzes.bank.answers); these names are what study callers catch and get.
AnswerError = AnswerRefused


class StaleShowing(Exception):
    """The card changed since it was shown, and not by an answer to that showing (the view shows it again)."""


def answer_check(question: Question, raw: str) -> Verdict:
    """Grade a raw form value: a canonical option index for choice questions, text for typed ones."""
    return answer_grade(
        kind=question.kind,
        options=question.options,
        answer_index=question.answer_index,
        answer=question.answer,
        raw=raw,
    )


def _apply_review(card: Card, rating: int, now: dt.datetime, config: scheduling.SchedulerConfig) -> None:
    before = card_state(card, now)
    outcome = scheduling.review(
        before, rating, now, config, rng_seed=scheduling.review_seed(card.pk, card.reps)
    )
    after = outcome.state_after
    card.state = after.state
    card.step = after.step
    card.stability = after.stability
    card.difficulty = after.difficulty
    card.due = after.due
    card.last_review = after.last_review
    card.reps += 1
    if outcome.is_lapse:
        card.lapses += 1
        if scheduling.is_new_leech(card.lapses):
            card.leech = True
            card.suspended = True


@transaction.atomic
def review_submit(
    *,
    user,
    card_id: int,
    raw_answer: str,
    idempotency_key: str,
    response_ms: int | None = None,
    now: dt.datetime | None = None,
    source: str = "study",
    shown_reps: int | None = None,
) -> tuple[ReviewLog, Verdict]:
    """Record one answer. A repeated ``idempotency_key`` returns the first review and changes nothing.

    ``shown_reps`` is the card's ``reps`` when it was shown (from the page's signed token): one showing
    takes one answer, so once the card has moved on, a further answer to the same showing — whatever
    its key — returns the review that showing got (or StaleShowing when there is none).

    Raises Card.DoesNotExist for a card that is not the user's (the view answers 404) and AnswerError for
    an answer the question cannot take (400).

    The card row is locked before the key is looked up, so two concurrent submits of the same answer are
    serialised: the second one finds the first one's log and returns it.
    """
    now = now or timezone.now()
    card = (
        Card.objects.select_for_update(of=("self",))
        .select_related("question__fact")
        .get(pk=card_id, user=user)
    )
    existing = ReviewLog.objects.filter(user=user, idempotency_key=idempotency_key).first()
    if existing is not None:
        question = card.question if existing.card_id == card.pk else existing.card.question
        return existing, verdict_from_log(existing, question)
    if shown_reps is not None and card.reps != shown_reps:
        first = (
            ReviewLog.objects.filter(card=card, state_before__reps=shown_reps)
            .order_by("reviewed_at", "id")
            .first()
        )
        if first is None:
            raise StaleShowing("This card has changed since it was shown.")
        return first, verdict_from_log(first, card.question)
    studyable = (
        not card.suspended and card.question.active and card.question.fact.status == Fact.Status.APPROVED
    )
    if source == "study" and not studyable:
        raise AnswerError(
            "This card is not in your study queue any more (it is suspended, or its fact was withdrawn)."
        )
    verdict = answer_check(card.question, raw_answer)
    profile = profile_for(user)
    rating = scheduling.rating_for_answer(verdict.correct)
    snap_before = _snapshot(card)
    _apply_review(card, rating, now, scheduler_config(profile))
    try:
        # A savepoint: if the same key was used concurrently for another card, only the insert is rolled back
        # and the outer transaction stays usable to fetch the winner.
        with transaction.atomic():
            log = ReviewLog.objects.create(
                card=card,
                user=user,
                rating=int(rating),
                answer_given=verdict.given[:500],
                correct=verdict.correct,
                response_ms=response_ms if response_ms and 0 < response_ms < 3_600_000 else None,
                reviewed_at=now,
                state_before=snap_before,
                state_after=_snapshot(card),
                was_new=snap_before["state"] == Card.State.NEW,
                idempotency_key=idempotency_key,
                source=source,
            )
    except IntegrityError:
        log = ReviewLog.objects.select_related("card__question").get(
            user=user, idempotency_key=idempotency_key
        )
        return log, verdict_from_log(log, log.card.question)
    card.save()
    return log, verdict


def verdict_from_log(log: ReviewLog, question: Question) -> Verdict:
    chosen = None
    if question.options is not None and log.answer_given in question.options:
        chosen = question.options.index(log.answer_given)
    message, off_by = "", None
    if question.options is None and log.answer_given:
        grade = grade_typed(question.kind, question.answer, log.answer_given)
        message, off_by = grade.message, grade.off_by
    elif question.options is None:
        message = "No answer given."
    return Verdict(
        correct=log.correct,
        given=log.answer_given,
        chosen_index=chosen,
        message=message,
        off_by=off_by,
        kind=question.kind,
    )


@transaction.atomic
def review_regrade(*, user, log_id: int, rating: int, now: dt.datetime | None = None) -> ReviewLog:
    """After a right answer the learner may say Hard (2), Good (3) or Easy (4) instead: replay from the state
    before with the new grade. Raises ReviewLog.DoesNotExist (404) or ValueError (400)."""
    log = ReviewLog.objects.select_for_update().select_related("card").get(pk=log_id, user=user)
    if not log.correct:
        raise ValueError("Only a right answer can be re-graded.")
    new_rating = scheduling.rating_for_answer(True, int(rating))
    latest = ReviewLog.objects.filter(user=user, source=log.source).order_by("-reviewed_at", "-id").first()
    if latest is None or latest.pk != log.pk:
        raise ValueError("Only your latest answer can be re-graded; this one is older.")
    if log.rating == new_rating:
        return log
    card = Card.objects.select_for_update().get(pk=log.card_id)
    if (
        card.reps != log.state_after["reps"]
        or ReviewLog.objects.filter(card=card, reviewed_at__gt=log.reviewed_at).exists()
    ):
        raise ValueError("This card was answered again since; it can no longer be re-graded.")
    _restore(card, log.state_before)
    _apply_review(card, new_rating, log.reviewed_at, scheduler_config(profile_for(user)))
    card.save()
    log.rating = int(new_rating)
    log.state_after = _snapshot(card)
    log.save(update_fields=["rating", "state_after"])
    return log


@transaction.atomic
def review_undo(*, user) -> ReviewLog | None:
    """Undo the learner's last study answer: the card gets back exactly its state before; the log row goes."""
    log = (
        ReviewLog.objects.select_for_update()
        .filter(user=user, source="study")
        .order_by("-reviewed_at", "-id")
        .select_related("card")
        .first()
    )
    if log is None:
        return None
    card = Card.objects.select_for_update().get(pk=log.card_id)
    _restore(card, log.state_before)
    card.save()
    log.delete()
    return log


def card_for_question(*, user, question: Question, now: dt.datetime | None = None) -> Card:
    """The learner's card for a question, created (new, due now) the first time it is shown."""
    card, _ = Card.objects.get_or_create(
        user=user, question=question, defaults={"due": now or timezone.now()}
    )
    return card


def study_next(
    *, user, profile: StudyProfile, deck: selectors.Deck, now: dt.datetime
) -> tuple[selectors.Queue, Card | None]:
    """Today's queue and the card to show next (None when nothing is left). A new question gets its card
    here, the first time it is shown (new, due now), so the answer form can name the card."""
    queue = selectors.study_queue(user, profile, deck, now)
    card = queue.next_card
    if card is None and queue.next_new_question is not None:
        card = card_for_question(user=user, question=queue.next_new_question, now=now)
        card.question = queue.next_new_question  # already loaded with its fact and document
    return queue, card


@transaction.atomic
def quiz_misses_to_study(*, user, question_ids: Iterable[int], now: dt.datetime | None = None) -> int:
    """Questions missed in a quiz enter the learner's study queue: a new card is created, or an existing
    card not due soon is made due now (its FSRS memory state is kept)."""
    now = now or timezone.now()
    added = 0
    for question in Question.objects.filter(pk__in=list(question_ids), active=True):
        card, created = Card.objects.get_or_create(user=user, question=question, defaults={"due": now})
        if created:
            added += 1
        elif card.due > now and not card.suspended:
            Card.objects.filter(pk=card.pk).update(due=now)
            added += 1
    return added


def card_suspend(*, user, card_id: int, suspended: bool) -> int:
    """Suspend or restore one of the learner's cards (restoring a leech keeps its leech flag for the record)."""
    return Card.objects.filter(pk=card_id, user=user).update(suspended=suspended)


@transaction.atomic
def profile_parameters_store(
    *, user, parameters: Iterable[float] | None, review_count: int, now: dt.datetime | None = None
) -> StudyProfile:
    """Store fitted FSRS parameters (``None``: back to the defaults); the scheduler uses them from the next
    answer on, through ``scheduler_config``."""
    profile = profile_for(user)
    profile.fsrs_parameters = [float(p) for p in parameters] if parameters is not None else None
    profile.optimized_at = now or timezone.now()
    profile.optimized_review_count = review_count
    profile.save(update_fields=["fsrs_parameters", "optimized_at", "optimized_review_count"])
    return profile
