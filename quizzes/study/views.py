"""Learner pages: the study loop, the source document, settings and statistics.

Views parse the request, call a service or selector, and render. Under htmx only the ``#study-area``
partial is rendered and swapped; without JavaScript every form is a plain POST that renders the whole page
(or redirects), so studying works either way. The server does all the logic; ``static/js/study.js`` only
maps keys to the buttons on the page.
"""

from __future__ import annotations

import datetime as dt
import uuid
import zoneinfo
from dataclasses import dataclass
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from facts.models import Document, Fact
from facts.passages import document_blocks, readable_passage
from quizzes.bank.answers import ShownOption, options_shown
from quizzes.bank.generation import shuffle_options
from quizzes.models import Card, ReviewLog
from quizzes.study import scheduling, selectors
from quizzes.study.forms import StudySettingsForm
from quizzes.study.services import (
    AnswerError,
    StaleShowing,
    Verdict,
    card_suspend,
    grade_previews,
    profile_for,
    review_regrade,
    review_submit,
    review_undo,
    scheduler_config,
    study_next,
    verdict_from_log,
)

SHOWN_SALT = "factdeck.study.shown"
SHOWN_MAX_AGE_MS = 24 * 60 * 60 * 1000  # a page left open overnight shows its question again
MAX_KEY_LENGTH = 64
TEMPLATE = "study/study.html"

GRADE_LABELS = {
    scheduling.Rating.AGAIN: "Again",
    scheduling.Rating.HARD: "Hard",
    scheduling.Rating.GOOD: "Good",
    scheduling.Rating.EASY: "Easy",
}
STATE_LABELS = {
    Card.State.NEW: "New card",
    Card.State.LEARNING: "Learning",
    Card.State.REVIEW: "Review",
    Card.State.RELEARNING: "Relearning",
}


class BadRequest(Exception):
    """A form that is missing fields or carries values no page of ours would send (answered with 400)."""


# --- small parsing helpers ---------------------------------------------------------------------


def _int(value: str | None) -> int | None:
    try:
        return int((value or "").strip())
    except ValueError:
        return None


def _deck(params) -> selectors.Deck:
    deck = selectors.deck_from_params(params.get("document"), params.get("section"))
    if deck is None:
        raise Http404("There is no such document or section to study.")
    return deck


def _study_url(deck: selectors.Deck, **extra) -> str:
    query = "&".join(q for q in (deck.query_string(), urlencode(extra)) if q)
    return reverse("study") + (f"?{query}" if query else "")


def shown_token(card: Card, now: dt.datetime) -> str:
    """A signed "this card, in this state, with these options, shown at" stamp. The card's ``reps`` make
    one showing take one answer; the option order maps the position a learner picks back to the option
    (so the page never carries the stored option index); response time comes from the server's clock."""
    order = display_order(len(card.question.options), card.pk) if card.question.options else []
    return signing.dumps([card.pk, int(now.timestamp() * 1000), card.reps, order], salt=SHOWN_SALT)


@dataclass(frozen=True)
class Showing:
    reps: int  # the card's reps when it was shown
    order: list[int]  # canonical option indexes in the order shown (empty for typed questions)
    response_ms: int | None  # milliseconds since, None when the clock went backwards

    def option_index(self, position: str) -> int | None:
        """The canonical index of the option at a 1-based ``position`` on the page, None if there is none."""
        try:
            number = int(position.strip())
        except ValueError:
            return None
        return self.order[number - 1] if 1 <= number <= len(self.order) else None


def read_shown(token: str | None, card_id: int, now: dt.datetime) -> Showing | None:
    """The showing a page's token stands for, or None for a missing, forged, day-old or other card's one."""
    try:
        stamped_card, shown_ms, reps, order = signing.loads(
            token or "", salt=SHOWN_SALT, max_age=dt.timedelta(days=1)
        )
        elapsed = int(now.timestamp() * 1000) - int(shown_ms)
    except (signing.BadSignature, ValueError, TypeError):
        return None
    if stamped_card != card_id or not isinstance(reps, int) or elapsed > SHOWN_MAX_AGE_MS:
        return None
    return Showing(reps=reps, order=list(order), response_ms=elapsed if elapsed > 0 else None)


def display_order(option_count: int, card_id: int) -> list[int]:
    """Canonical option indexes in the order this learner sees them: shuffled, the same every time for a
    card (so the question and its feedback agree, and a reload does not reshuffle)."""
    shuffled, _ = shuffle_options(tuple(str(i) for i in range(option_count)), 0, seed=f"card:{card_id}")
    return [int(i) for i in shuffled]


# --- what the templates get --------------------------------------------------------------------


@dataclass(frozen=True)
class GradeButton:
    rating: int
    label: str
    interval: str
    pressed: bool


def _options(card: Card, verdict: Verdict | None = None) -> list[ShownOption]:
    question = card.question
    if question.options is None:
        return []
    order = display_order(len(question.options), card.pk)
    chosen = verdict.chosen_index if verdict is not None else None
    return options_shown(question.options, order, question.answer_index, chosen)


def _when(moment: dt.datetime, now: dt.datetime, tz: str) -> str:
    """ "today at 14:35", "tomorrow at 04:00" or "Mon 3 Mar at 04:00", in the learner's timezone."""
    local = moment.astimezone(zoneinfo.ZoneInfo(tz))
    today = now.astimezone(zoneinfo.ZoneInfo(tz)).date()
    if local.date() == today:
        day = "today"
    elif local.date() == today + dt.timedelta(days=1):
        day = "tomorrow"
    else:
        day = f"{local:%a} {local.day} {local:%b}"
    return f"{day} at {local:%H:%M}"


class StudyPage:
    """Builds the context of the study area for one request: the counts plus a question, feedback or "done"."""

    def __init__(self, request: HttpRequest, deck: selectors.Deck, now: dt.datetime | None = None):
        self.request = request
        self.user = request.user
        self.deck = deck
        self.now = now or timezone.now()
        self.profile = profile_for(self.user)

    def _base(self, queue: selectors.Queue, *, can_undo: bool | None = None, **extra) -> dict:
        if can_undo is None:
            can_undo = selectors.last_study_review(self.user) is not None
        return {
            "can_undo": can_undo,
            "deck": self.deck,
            "deck_params": {
                "document": self.deck.document.slug if self.deck.document else "",
                "section": self.deck.section,
            },
            "queue": queue,
            "study_url": _study_url(self.deck),
            **extra,
        }

    def question(self, card: Card | None = None, *, error: str = "", notice: str = "") -> dict:
        """The next card (or ``card``), or the "done" state when nothing is left."""
        if card is None:
            queue, card = study_next(user=self.user, profile=self.profile, deck=self.deck, now=self.now)
        else:
            queue = selectors.study_queue(self.user, self.profile, self.deck, self.now)
        if card is None:
            return self._base(queue, notice=notice, **self._done(queue))
        return self._base(
            queue,
            card=card,
            options=_options(card),
            state_label=STATE_LABELS.get(card.state, ""),
            idempotency_key=uuid.uuid4().hex,
            shown=shown_token(card, self.now),
            error=error,
            notice=notice,
        )

    def _done(self, queue: selectors.Queue) -> dict:
        next_due = queue.next_due
        day_end = scheduling.next_day_start(self.now, self.profile.timezone)
        return {
            "done": True,
            "next_due": next_due,
            "next_due_text": _when(next_due, self.now, self.profile.timezone) if next_due else "",
            "done_for_today": next_due is None or next_due >= day_end,
        }

    def feedback(self, log: ReviewLog, verdict: Verdict, card: Card) -> dict:
        queue = selectors.study_queue(self.user, self.profile, self.deck, self.now)
        previews = grade_previews(log, scheduler_config(self.profile))
        grades = []
        if log.correct:
            grades = [
                GradeButton(int(r), GRADE_LABELS[r], scheduling.format_interval(previews[r]), log.rating == r)
                for r in (scheduling.Rating.HARD, scheduling.Rating.GOOD, scheduling.Rating.EASY)
            ]
        fact = card.question.fact
        return self._base(
            queue,
            can_undo=log.source == "study",
            feedback=True,
            log=log,
            verdict=verdict,
            card=card,
            options=_options(card, verdict),
            grades=grades,
            again_interval=scheduling.format_interval(previews[scheduling.Rating.AGAIN]),
            passage=readable_passage(fact.document.text, fact.source_start, fact.source_end),
            passage_url=reverse("study_document", args=[fact.document.slug])
            + f"?fact={fact.pk}#fact-{fact.pk}",
            leech=card.leech and card.suspended,
        )


def _render(request: HttpRequest, context: dict, status: int = 200) -> HttpResponse:
    template = f"{TEMPLATE}#study" if request.htmx else TEMPLATE
    if not request.htmx:
        context["decks"] = selectors.deck_menu()
    return render(request, template, context, status=status)


# --- views -------------------------------------------------------------------------------------


@login_required
@require_GET
def study(request: HttpRequest) -> HttpResponse:
    """The next card of the chosen deck (``?card=`` shows one of the learner's own cards, as after undo)."""
    page = StudyPage(request, _deck(request.GET))
    card = None
    card_id = _int(request.GET.get("card"))
    if card_id is not None:
        card = selectors.card_to_show(request.user, card_id)
    return _render(request, page.question(card))


@login_required
@require_POST
def answer(request: HttpRequest) -> HttpResponse:
    """Grade an answer, record the review and show the feedback. A repeated key shows the same feedback."""
    deck = _deck(request.POST)
    page = StudyPage(request, deck)
    card_id = _int(request.POST.get("card"))
    key = (request.POST.get("key") or "").strip()
    raw = request.POST.get("answer")
    if card_id is None or not key or len(key) > MAX_KEY_LENGTH or raw is None:
        return _bad_request(request, "Something was missing from your answer. Reload the page and try again.")
    showing = read_shown(request.POST.get("shown"), card_id, page.now)
    if showing is None:
        return _show_again(request, page, card_id, "This page was out of date. Here is the question again.")
    if showing.order:  # a choice question: the page posts the position of the option picked
        index = showing.option_index(raw)
        if index is None:
            return _show_again(request, page, card_id, "Pick one of the options.", status=400)
        raw = str(index)
    try:
        log, verdict = review_submit(
            user=request.user,
            card_id=card_id,
            raw_answer=raw,
            idempotency_key=key,
            response_ms=showing.response_ms,
            now=page.now,
            shown_reps=showing.reps,
        )
    except Card.DoesNotExist:
        raise Http404("That card is not one of yours.") from None
    except StaleShowing:
        return _show_again(
            request, page, card_id, "This card changed in another window. Here it is as it is now."
        )
    except AnswerError as error:
        card = selectors.card_to_show(request.user, card_id)
        if card is None:
            return _bad_request(request, str(error))
        return _render(request, page.question(card, error=str(error)), status=400)
    card = selectors.card_to_show(request.user, log.card_id) or _card_with_source(log.card_id)
    return _render(request, page.feedback(log, verdict, card))


def _show_again(
    request: HttpRequest, page: StudyPage, card_id: int, error: str, status: int = 409
) -> HttpResponse:
    card = selectors.card_to_show(request.user, card_id)
    if card is None:
        raise Http404("That card is not one of yours.")
    return _render(request, page.question(card, error=error), status=status)


def _card_with_source(card_id: int) -> Card:
    # A card that just became a leech is suspended, so card_to_show (studyable only) no longer finds it.
    return Card.objects.with_source().get(pk=card_id)


@login_required
@require_POST
def regrade(request: HttpRequest) -> HttpResponse:
    """After a right answer: Hard (2), Good (3) or Easy (4) instead of the Good it was given."""
    page = StudyPage(request, _deck(request.POST))
    log_id, rating = _int(request.POST.get("log")), _int(request.POST.get("rating"))
    if log_id is None or rating is None:
        return _bad_request(request, "Choose Hard, Good or Easy.")
    try:
        log = review_regrade(user=request.user, log_id=log_id, rating=rating, now=page.now)
    except ReviewLog.DoesNotExist:
        raise Http404("That answer is not one of yours.") from None
    except ValueError as error:
        return _bad_request(request, str(error))
    card = _card_with_source(log.card_id)
    return _render(request, page.feedback(log, verdict_from_log(log, card.question), card))


@login_required
@require_POST
def undo(request: HttpRequest) -> HttpResponse:
    """Put the last answered card back exactly as it was, and show it again."""
    deck = _deck(request.POST)
    log = review_undo(user=request.user)
    if not request.htmx:
        if log is None:
            messages.info(request, "There is nothing to undo.")
            return redirect(_study_url(deck))
        messages.success(request, "Your last answer was undone.")
        return redirect(_study_url(deck, card=log.card_id))
    page = StudyPage(request, deck)
    if log is None:
        return _render(request, page.question(notice="There is nothing to undo."))
    card = selectors.card_to_show(request.user, log.card_id)
    return _render(request, page.question(card, notice="Your last answer was undone."))


def _bad_request(request: HttpRequest, message: str) -> HttpResponse:
    template = "study/problem.html#problem" if request.htmx else "study/problem.html"
    return render(request, template, {"message": message, "study_url": reverse("study")}, status=400)


# --- the source document -----------------------------------------------------------------------


@login_required
@require_GET
def document(request: HttpRequest, slug: str) -> HttpResponse:
    """A source document, with the passage of ``?fact=`` highlighted (the link from a question's feedback)."""
    doc = get_object_or_404(Document, slug=slug)
    fact = None
    fact_id = _int(request.GET.get("fact"))
    if fact_id is not None:
        fact = Fact.objects.filter(pk=fact_id, document=doc).first()
    blocks = document_blocks(doc.text, fact.source_start if fact else None, fact.source_end if fact else None)
    return render(request, "study/document.html", {"document": doc, "fact": fact, "blocks": blocks})


# --- settings ----------------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def study_settings(request: HttpRequest) -> HttpResponse:
    profile = profile_for(request.user)
    form = StudySettingsForm(request.POST or None, instance=profile)
    if request.method == "POST":
        if form.is_valid():
            form.save()
            messages.success(request, "Your study settings are saved.")
            return redirect("study_settings")
        return render(request, "study/settings.html", {"form": form, "profile": profile}, status=400)
    return render(request, "study/settings.html", {"form": form, "profile": profile})


# --- statistics --------------------------------------------------------------------------------


@login_required
@require_GET
def stats(request: HttpRequest) -> HttpResponse:
    profile = profile_for(request.user)
    context = selectors.study_statistics(request.user, profile, timezone.now())
    return render(request, "study/stats.html", {"profile": profile, **context})


@login_required
@require_POST
def unsuspend(request: HttpRequest, card_id: int) -> HttpResponse:
    """Bring a suspended card (a leech) back into the learner's queue; someone else's card is a 404."""
    if not card_suspend(user=request.user, card_id=card_id, suspended=False):
        raise Http404("That card is not one of yours.")
    messages.success(request, "The card is back in your study queue.")
    return redirect("stats")
