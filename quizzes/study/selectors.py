"""Reads for studying and statistics. Query counts stay constant as a learner's cards grow."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.db.models import Count, Exists, Min, OuterRef, Q, QuerySet
from django.db.models.functions import TruncHour

from facts.models import Document, Fact
from quizzes.models import Card, Question, ReviewLog, StudyProfile
from quizzes.study import scheduling, stats


@dataclass(frozen=True)
class Deck:
    """What to study: everything, one document, or one section of a document."""

    document: Document | None = None
    section: str = ""

    @property
    def label(self) -> str:
        if self.document is None:
            return "Everything"
        return f"{self.document.title} › {self.section}" if self.section else self.document.title

    def query_string(self) -> str:
        from urllib.parse import urlencode

        params = {}
        if self.document is not None:
            params["document"] = self.document.slug
            if self.section:
                params["section"] = self.section
        return urlencode(params)

    def filter_questions(self, questions: QuerySet) -> QuerySet:
        if self.document is not None:
            questions = questions.filter(fact__document=self.document)
            if self.section:
                questions = questions.filter(fact__section=self.section)
        return questions

    def filter_cards(self, cards: QuerySet) -> QuerySet:
        if self.document is not None:
            cards = cards.filter(question__fact__document=self.document)
            if self.section:
                cards = cards.filter(question__fact__section=self.section)
        return cards


def deck_from_params(document_slug: str | None, section: str | None) -> Deck | None:
    """None when the deck named does not exist (the view answers 404)."""
    if not document_slug:
        return Deck()
    document = Document.objects.filter(slug=document_slug).first()
    if document is None:
        return None
    if section and not Fact.objects.filter(document=document, section=section).exists():
        return None
    return Deck(document=document, section=section or "")


@dataclass(frozen=True)
class StudyDay:
    start: dt.datetime
    end: dt.datetime


def study_day(profile: StudyProfile, now: dt.datetime) -> StudyDay:
    return StudyDay(
        start=scheduling.study_day_start(now, profile.timezone),
        end=scheduling.next_day_start(now, profile.timezone),
    )


def studyable_questions() -> QuerySet:
    return Question.objects.studyable()


def _buried_fact_ids(user, day: StudyDay):
    """Facts one of whose questions the learner answered today: their other questions wait until tomorrow."""
    return Card.objects.filter(user=user, last_review__gte=day.start).values("question__fact_id")


# Like Anki's "learn ahead limit": when nothing else is left, a learning card due within this long is shown
# now rather than leaving the learner on a "come back in 3 minutes" page.
LEARN_AHEAD = dt.timedelta(minutes=20)


@dataclass(frozen=True)
class Queue:
    """Today's counts and the next thing to show."""

    new: int
    learning: int
    review: int
    next_card: Card | None
    next_new_question: Question | None
    next_due: dt.datetime | None  # when something is next due, for the "done for today" page

    @property
    def done(self) -> bool:
        return self.next_card is None and self.next_new_question is None

    @property
    def total(self) -> int:
        return self.new + self.learning + self.review


def study_queue(user, profile: StudyProfile, deck: Deck, now: dt.datetime) -> Queue:
    """Learning cards due now first, then reviews due today (within the review limit), then new questions in
    document order (within the new-card limit). Siblings of a fact answered today are buried.

    The number of queries does not depend on how many cards or questions exist.
    """
    day = study_day(profile, now)
    done = ReviewLog.objects.filter(user=user, reviewed_at__gte=day.start, source="study").aggregate(
        new=Count("id", filter=Q(was_new=True)),
        reviews=Count("id", filter=Q(was_new=False, state_before__state=Card.State.REVIEW)),
    )
    allowance = scheduling.remaining_today(
        done["new"], done["reviews"], profile.new_per_day, profile.reviews_per_day
    )

    cards = deck.filter_cards(Card.objects.for_user(user).studyable())
    # A card reviewed today is not buried by itself; its siblings are.
    buried = Q(question__fact_id__in=_buried_fact_ids(user, day)) & (
        Q(last_review__isnull=True) | Q(last_review__lt=day.start)
    )
    available = cards.exclude(buried)
    counts = available.aggregate(
        learning=Count("id", filter=Q(state__in=_LEARNING_STATES, due__lt=day.end)),
        review=Count("id", filter=Q(state=Card.State.REVIEW, due__lt=day.end)),
        started_new=Count("id", filter=Q(state=Card.State.NEW)),
    )
    reviews_left = min(counts["review"], allowance.reviews_left)
    new_left = allowance.new_left

    next_card = _first(available.filter(state__in=_LEARNING_STATES, due__lte=now).order_by("due", "id"))
    if next_card is None and reviews_left:
        next_card = _first(available.filter(state=Card.State.REVIEW, due__lt=day.end).order_by("due", "id"))
    # Cards created for a new question (shown, or added from a quiz miss) but never answered come next.
    if next_card is None and new_left:
        next_card = _first(
            available.filter(state=Card.State.NEW, due__lte=now).order_by(
                "question__fact__document__position", "question__fact__position", "question__kind", "id"
            )
        )
    unstarted = deck.filter_questions(studyable_questions()).exclude(
        Exists(Card.objects.filter(user=user, question=OuterRef("pk")))
    )
    new_questions = unstarted.exclude(fact_id__in=_buried_fact_ids(user, day))
    next_new_question = None
    if next_card is None and new_left:
        next_new_question = (
            new_questions.with_source()
            .order_by("fact__document__position", "fact__position", "fact_id", "kind")
            .first()
        )
    if next_card is None and next_new_question is None:
        next_card = _first(
            available.filter(state__in=_LEARNING_STATES, due__lte=now + LEARN_AHEAD).order_by("due", "id")
        )
    # The new count shown is what is left today: capped by the limit. Counting stops at the limit, so
    # the query stays cheap however many questions exist.
    new_count = 0
    if new_left:
        new_count = min(new_left, counts["started_new"] + new_questions[:new_left].count())
    next_due = None
    if next_card is None and next_new_question is None:
        next_due = _next_due(cards, available, buried, unstarted, day)
    return Queue(
        new=new_count,
        learning=counts["learning"],
        review=reviews_left,
        next_card=next_card,
        next_new_question=next_new_question,
        next_due=next_due,
    )


_LEARNING_STATES = (Card.State.LEARNING, Card.State.RELEARNING)


def _first(cards: QuerySet) -> Card | None:
    return cards.with_source().first()


def _next_due(cards: QuerySet, available: QuerySet, buried: Q, unstarted: QuerySet, day: StudyDay):
    """When the learner can next study, once nothing is left now.

    Learning cards come back at their due time; a review card or a new question held back by a daily limit,
    and anything buried (a card, or a new question whose sibling was answered), waits for the next study day.
    """
    soonest = available.aggregate(
        learning=Min("due", filter=Q(state__in=_LEARNING_STATES)),
        review=Min("due", filter=Q(state=Card.State.REVIEW)),
        new=Count("id", filter=Q(state=Card.State.NEW)),
    )
    candidates = []
    if soonest["learning"] is not None:
        candidates.append(soonest["learning"])
    if soonest["review"] is not None:
        candidates.append(max(soonest["review"], day.end))
    if soonest["new"] or cards.filter(buried).exists() or unstarted.exists():
        candidates.append(day.end)
    return min(candidates) if candidates else None


def card_to_show(user, card_id: int) -> Card | None:
    """One of the learner's own studyable cards, with what its page needs (None if not theirs)."""
    return Card.objects.for_user(user).studyable().with_source().filter(pk=card_id).first()


def last_study_review(user) -> ReviewLog | None:
    """The answer ``u`` would undo."""
    return ReviewLog.objects.filter(user=user, source="study").order_by("-reviewed_at", "-id").first()


# --- statistics --------------------------------------------------------------------------------


def review_hours(user, tz: str, since: dt.datetime) -> list[tuple[dt.datetime, int]]:
    """The learner's answers since ``since``, counted per local hour (at most 24 rows a day)."""
    zone = ZoneInfo(tz)
    rows = (
        ReviewLog.objects.filter(user=user, reviewed_at__gte=since)
        .annotate(hour=TruncHour("reviewed_at", tzinfo=zone))
        .values("hour")
        .annotate(n=Count("id"))
        .order_by("hour")
    )
    return [(row["hour"].astimezone(zone), row["n"]) for row in rows]


def due_hours(user, tz: str, day_start: dt.datetime, until: dt.datetime) -> list[tuple[dt.datetime, int]]:
    """Studied, unsuspended cards due before ``until`` per local hour; everything overdue in one row at
    ``day_start`` (it will all be shown today)."""
    zone = ZoneInfo(tz)
    cards = Card.objects.for_user(user).studyable().exclude(state=Card.State.NEW).filter(due__lt=until)
    overdue = cards.filter(due__lt=day_start).count()
    rows = (
        cards.filter(due__gte=day_start)
        .annotate(hour=TruncHour("due", tzinfo=zone))
        .values("hour")
        .annotate(n=Count("id"))
        .order_by("hour")
    )
    hours = [(row["hour"].astimezone(zone), row["n"]) for row in rows]
    if overdue:
        hours.insert(0, (day_start.astimezone(zone), overdue))
    return hours


def retention_counts(
    user, now: dt.datetime, periods: tuple[int, ...] = (7, 30)
) -> dict[int, tuple[int, int]]:
    """For each period in days: (passed, total) answers to cards that were in long-term review."""
    aggregates = {}
    for days in periods:
        window = Q(reviewed_at__gte=now - dt.timedelta(days=days))
        aggregates[f"total{days}"] = Count("id", filter=window)
        aggregates[f"passed{days}"] = Count("id", filter=window & Q(rating__gt=1))
    row = ReviewLog.objects.filter(
        user=user,
        reviewed_at__gte=now - dt.timedelta(days=max(periods)),
        state_before__state=Card.State.REVIEW,
    ).aggregate(**aggregates)
    return {days: (row[f"passed{days}"], row[f"total{days}"]) for days in periods}


def document_mastery(user, stability_days: float) -> list[dict]:
    """Per document with studyable questions: how many questions, seen by the learner, mastered."""
    mine = Card.objects.filter(user=user, question=OuterRef("pk"))
    return list(
        studyable_questions()
        .values("fact__document__title", "fact__document__slug", "fact__document__position")
        .annotate(
            questions=Count("id"),
            seen=Count("id", filter=Exists(mine.exclude(state=Card.State.NEW))),
            mastered=Count(
                "id", filter=Exists(mine.filter(state=Card.State.REVIEW, stability__gte=stability_days))
            ),
        )
        .order_by("fact__document__position", "fact__document__title")
    )


def review_totals(user, since: dt.datetime) -> dict[str, int]:
    return ReviewLog.objects.filter(user=user).aggregate(
        all=Count("id"), today=Count("id", filter=Q(reviewed_at__gte=since))
    )


def deck_menu() -> list[dict]:
    """Documents with studyable questions, each with its sections, for the "what to study" menu."""
    rows = (
        Fact.objects.approved()
        .filter(questions__active=True)
        .values_list("document__slug", "document__title", "section", "document__position")
        .distinct()
        .order_by("document__position", "document__title", "section")
    )
    menu: dict[str, dict] = {}
    for slug, title, section, _position in rows:
        entry = menu.setdefault(slug, {"slug": slug, "title": title, "sections": []})
        if section and section not in entry["sections"]:
            entry["sections"].append(section)
    return list(menu.values())


def leeches(user) -> list[Card]:
    """The learner's suspended leech cards, with what the stats page shows of each (one query)."""
    return list(
        Card.objects.filter(user=user, leech=True, suspended=True).with_source().order_by("-lapses", "pk")
    )


def study_statistics(user, profile: StudyProfile, now: dt.datetime) -> dict:
    """Everything the statistics page shows, in the learner's own days: totals, the review heatmap, the due
    forecast, retention by interval, mastery per document and the leeches (a fixed number of queries)."""
    tz = profile.timezone
    today = scheduling.study_date(now, tz)
    day_start = scheduling.study_day_start(now, tz)
    since = day_start - dt.timedelta(weeks=stats.HEATMAP_WEEKS + 1)
    per_day = stats.counts_per_day(review_hours(user, tz, since))
    forecast_end = day_start + dt.timedelta(days=stats.FORECAST_DAYS + 1)
    due_per_day = stats.counts_per_day(due_hours(user, tz, day_start, forecast_end))
    retention = retention_counts(user, now)
    mastery = [
        stats.Mastery(
            title=row["fact__document__title"],
            slug=row["fact__document__slug"],
            questions=row["questions"],
            seen=row["seen"],
            mastered=row["mastered"],
        )
        for row in document_mastery(user, stats.MASTERY_STABILITY_DAYS)
    ]
    return {
        "totals": review_totals(user, day_start),
        "heatmap": stats.heatmap(per_day, today),
        "forecast": stats.due_forecast(due_per_day, today),
        "retention": [stats.Retention(days, *retention[days]) for days in sorted(retention)],
        "mastery": mastery,
        "mastery_days": int(stats.MASTERY_STABILITY_DAYS),
        "leeches": leeches(user),
        "leech_threshold": scheduling.LEECH_THRESHOLD,
    }
