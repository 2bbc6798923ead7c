"""Reads for teachers' quizzes and learners' attempts: builder, take page, results, exports.

Every function here runs a fixed number of queries whatever the number of items, attempts or
responses, so the builder, the take page and the results page stay fast as a class grows.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from facts.language.dates import parse_year
from facts.language.numbers import parse_number_text
from facts.models import Document, Fact
from quizzes.bank.answers import ShownOption, options_shown
from quizzes.bank.generation.types import CHOICE_KINDS, KIND_LABELS, QuestionKind
from quizzes.interchange import ExportDeck, ExportQuestion
from quizzes.interchange.types import format_number
from quizzes.models import Attempt, Question, Quiz, QuizItem, Response
from quizzes.teaching import analysis

SEARCH_LIMIT = 50


# --------------------------------------------------------------------------------------------- items


@dataclass(frozen=True, slots=True)
class ItemContent:
    """What a quiz item asks, with the teacher's edits applied over the generated question."""

    item_id: int
    question_id: int | None
    kind: str
    prompt: str
    options: tuple[str, ...] | None
    answer_index: int | None
    answer: str
    explanation: str = ""
    source: str = ""

    @property
    def is_choice(self) -> bool:
        return self.options is not None

    @property
    def is_typed_text(self) -> bool:
        return self.kind == QuestionKind.TYPED_TEXT

    @property
    def kind_label(self) -> str:
        return KIND_LABELS.get(self.kind, "Question")

    @property
    def correct_text(self) -> str:
        if (
            self.options is not None
            and self.answer_index is not None
            and 0 <= self.answer_index < len(self.options)
        ):
            return self.options[self.answer_index]
        return self.answer


def item_content(item: QuizItem) -> ItemContent:
    """The item's own fields win; blanks fall back to its question (imported items have none).

    Callers select_related ``question__fact__document`` so this never queries.
    """
    question = item.question
    explanation = source = ""
    if question is not None:
        fact = question.fact
        explanation = question.explanation or fact.statement
        source = " — ".join(part for part in (fact.document.title, fact.section) if part)
    options = item.options if item.options is not None else (question.options if question else None)
    if item.options is not None:
        answer_index = item.answer_index
    else:
        answer_index = question.answer_index if question else item.answer_index
    answer = item.answer or (question.answer if question else "")
    if options is not None and answer_index is not None and 0 <= answer_index < len(options):
        answer = options[answer_index]
    return ItemContent(
        item_id=item.pk,
        question_id=item.question_id,
        kind=item.kind or (question.kind if question else ""),
        prompt=item.prompt or (question.prompt if question else ""),
        options=tuple(options) if options is not None else None,
        answer_index=answer_index,
        answer=answer,
        explanation=explanation,
        source=source,
    )


def quiz_items(quiz: Quiz) -> list[QuizItem]:
    """The quiz's items in order, with their questions, facts and documents in the same query."""
    return list(QuizItem.objects.filter(quiz=quiz).with_source().order_by("position", "id"))


def quiz_contents(quiz: Quiz) -> list[ItemContent]:
    return [item_content(item) for item in quiz_items(quiz)]


# --------------------------------------------------------------------------------------------- teacher


def teacher_quizzes(user) -> QuerySet[Quiz]:
    """The teacher's own quizzes with item and attempt counts (one query)."""
    return (
        Quiz.objects.filter(owner=user)
        .annotate(
            item_count=Count("items", distinct=True),
            attempt_count=Count("attempts", filter=Q(attempts__finished_at__isnull=False), distinct=True),
        )
        .order_by("-created_at")
    )


def quiz_for_owner(user, quiz_id: int) -> Quiz:
    """The quiz if ``user`` owns it; 404 otherwise, so nobody learns that another teacher's quiz exists."""
    return get_object_or_404(Quiz, pk=quiz_id, owner=user)


def quiz_has_attempts(quiz: Quiz) -> bool:
    return Attempt.objects.filter(quiz=quiz).exists()


@dataclass(frozen=True, slots=True)
class SearchFilters:
    text: str = ""
    document: str = ""  # slug
    section: str = ""
    kind: str = ""

    @property
    def active(self) -> bool:
        return bool(self.text or self.document or self.section or self.kind)


def question_search(filters: SearchFilters, *, limit: int = SEARCH_LIMIT) -> list[Question]:
    """Active questions matching every filter given; the text matches the prompt, answer or fact."""
    questions = Question.objects.filter(active=True).exclude(fact__status=Fact.Status.REJECTED)
    if filters.document:
        questions = questions.filter(fact__document__slug=filters.document)
    if filters.section:
        questions = questions.filter(fact__section=filters.section)
    if filters.kind:
        questions = questions.filter(kind=filters.kind)
    for word in filters.text.split()[:8]:
        questions = questions.filter(
            Q(prompt__icontains=word) | Q(answer__icontains=word) | Q(fact__statement__icontains=word)
        )
    return list(questions.with_source()[:limit])


def search_facets(document_slug: str = "") -> dict:
    """Documents, the chosen document's sections, and question kinds for the filter selects."""
    documents = list(Document.objects.only("id", "title", "slug").order_by("position", "title"))
    sections: list[str] = []
    if document_slug:
        sections = list(
            Fact.objects.filter(document__slug=document_slug)
            .exclude(section="")
            .order_by("position")
            .values_list("section", flat=True)
            .distinct()
        )
        sections = list(dict.fromkeys(sections))
    return {"documents": documents, "sections": sections, "kinds": Question.Kind.choices}


# --------------------------------------------------------------------------------------------- learner


def quiz_by_code(code: str) -> Quiz | None:
    """The published quiz with this join code (case and surrounding spaces ignored), or None."""
    cleaned = "".join(code.split()).upper()
    if not cleaned or len(cleaned) > 12:
        return None
    return Quiz.objects.published().filter(join_code=cleaned).select_related("owner").first()


def attempt_for_user(user, attempt_id: int) -> Attempt:
    """The learner's own attempt; anyone else's is a 404."""
    return get_object_or_404(Attempt.objects.select_related("quiz"), pk=attempt_id, user=user)


def learner_attempts(quiz: Quiz, user) -> list[Attempt]:
    return list(Attempt.objects.filter(quiz=quiz, user=user).order_by("number"))


def learner_grade(quiz: Quiz, attempts: list[Attempt]) -> float | None:
    """The learner's grade (0–1) by the quiz's grading method over finished attempts, oldest first."""
    scores = [a.score or 0.0 for a in sorted(attempts, key=lambda a: a.number) if a.finished_at]
    return analysis.grade_attempt(scores, quiz.grading) if scores else None


@dataclass
class AttemptSlot:
    """One question of an attempt as the learner sees it."""

    number: int  # 1-based position in this attempt
    content: ItemContent
    shown_options: list[ShownOption]
    response: Response | None

    @property
    def answered(self) -> bool:
        return self.response is not None


def attempt_slots(attempt: Attempt) -> list[AttemptSlot]:
    """The attempt's questions in its own order with its option orders and the answers given (2 queries)."""
    items = {item.pk: item for item in QuizItem.objects.filter(pk__in=attempt.order).with_source()}
    responses = {r.item_id: r for r in Response.objects.filter(attempt=attempt)}
    slots: list[AttemptSlot] = []
    for item_id in attempt.order:
        item = items.get(item_id)
        if item is None:  # removed after the attempt started (only possible before any attempt locked it)
            continue
        content = item_content(item)
        shown: list[ShownOption] = []
        if content.options is not None:
            order = attempt.option_orders.get(str(item_id)) or list(range(len(content.options)))
            shown = options_shown(content.options, order, content.answer_index)
        slots.append(AttemptSlot(len(slots) + 1, content, shown, responses.get(item_id)))
    return slots


def attempt_slot(attempt: Attempt, number: int) -> tuple[AttemptSlot, list[AttemptSlot]]:
    slots = attempt_slots(attempt)
    if not 1 <= number <= len(slots):
        raise Http404("This attempt has no question with that number.")
    return slots[number - 1], slots


# --------------------------------------------------------------------------------------------- results


def format_duration(value: dt.timedelta | None) -> str:
    """ "12 min 05 s", "45 s", or "—" when there is nothing to show."""
    if value is None:
        return "—"
    seconds = max(0, int(value.total_seconds()))
    minutes, seconds = divmod(seconds, 60)
    return f"{minutes} min {seconds:02d} s" if minutes else f"{seconds} s"


@dataclass
class LearnerRow:
    username: str
    attempts: int
    grade: float | None  # 0–1
    time_taken: dt.timedelta | None  # of the latest finished attempt
    in_progress: bool

    @property
    def time_label(self) -> str:
        return format_duration(self.time_taken)


@dataclass
class AttemptRow:
    username: str
    number: int
    started_at: dt.datetime
    finished_at: dt.datetime | None
    score: float | None
    timed_out: bool

    @property
    def time_taken(self) -> dt.timedelta | None:
        return self.finished_at - self.started_at if self.finished_at else None

    @property
    def time_label(self) -> str:
        return format_duration(self.time_taken)


@dataclass
class QuestionReport:
    number: int
    content: ItemContent
    stats: analysis.QuestionStats
    shares: list[tuple[str, float, bool]] = field(default_factory=list)  # option, share, is right


@dataclass
class QuizResults:
    learners: list[LearnerRow]
    attempts: list[AttemptRow]
    questions: list[QuestionReport]
    first_attempts: int
    analysis: analysis.QuizAnalysis
    labels: dict[str, str]


def quiz_results(quiz: Quiz) -> QuizResults:
    """Learners' grades and item analysis over first attempts, as Moodle's statistics report (3 queries)."""
    contents = quiz_contents(quiz)
    attempts = list(
        Attempt.objects.filter(quiz=quiz)
        .select_related("user")
        .prefetch_related(
            Prefetch(
                "responses", queryset=Response.objects.only("attempt_id", "item_id", "score", "answer_given")
            )
        )
        .order_by("user__username", "number")
    )
    by_user: dict[str, list[Attempt]] = defaultdict(list)
    for attempt in attempts:
        by_user[attempt.user.username].append(attempt)
    learners = []
    for username, own in by_user.items():
        finished = [a for a in own if a.finished_at]
        latest = max(finished, key=lambda a: a.number) if finished else None
        learners.append(
            LearnerRow(
                username=username,
                attempts=len(finished),
                grade=learner_grade(quiz, own),
                time_taken=(latest.finished_at - latest.started_at) if latest else None,
                in_progress=any(a.finished_at is None for a in own),
            )
        )
    rows = [
        AttemptRow(a.user.username, a.number, a.started_at, a.finished_at, a.score, a.timed_out)
        for a in attempts
    ]
    first = [a for a in attempts if a.number == 1 and a.finished_at]
    responses = [
        analysis.ItemResponse(str(a.pk), str(r.item_id), r.score, r.answer_given)
        for a in first
        for r in a.responses.all()
    ]
    # An attempt with no response at all must still count (every question scores 0 in it).
    keys = [str(c.item_id) for c in contents]
    responses += [
        analysis.ItemResponse(str(a.pk), keys[0], 0.0, None) for a in first if keys and not a.responses.all()
    ]
    options = {str(c.item_id): list(c.options) for c in contents if c.options is not None}
    result = analysis.analyse_items(responses, question_keys=keys, options=options)
    reports = []
    for number, (content, stats) in enumerate(zip(contents, result.questions, strict=True), start=1):
        shares = [
            ("(no answer)" if option is None else option, share, option == content.correct_text)
            for option, share in stats.option_shares.items()
        ]
        reports.append(QuestionReport(number, content, stats, shares))
    labels = {str(c.item_id): f"Q{n}. {c.prompt}" for n, c in enumerate(contents, start=1)}
    return QuizResults(learners, rows, reports, len(first), result, labels)


# --------------------------------------------------------------------------------------------- exports


def typed_answer_plain(kind: str, answer: str) -> str | None:
    """A typed answer as exporters need it: plain digits for numbers ("over 11,000" → "11000"), the
    text itself for typed names; None if unreadable."""
    if kind == QuestionKind.TYPED_TEXT:
        return answer.strip() or None
    if kind == QuestionKind.TYPED_YEAR:
        year = parse_year(answer)
        return None if year is None else str(year)
    parsed = parse_number_text(answer)
    return None if parsed is None else format_number(parsed.total)


def export_question(content: ItemContent, *, key: str, tags: tuple[str, ...] = ()) -> ExportQuestion | None:
    """Plain export data for one question, or None when it cannot be written (a typed answer with no number)."""
    if content.kind in CHOICE_KINDS or content.options is not None:
        if content.options is None or content.answer_index is None:
            return None
        answer = content.options[content.answer_index]
        options: tuple[str, ...] | None = content.options
    else:
        typed = typed_answer_plain(content.kind, content.answer)
        if typed is None:
            return None
        answer, options = typed, None
    return ExportQuestion(
        key=key,
        kind=content.kind,
        prompt=content.prompt,
        options=options,
        answer_index=content.answer_index if options is not None else None,
        answer=answer,
        explanation=content.explanation,
        source=content.source,
        tags=tags,
    )


def _question_content(question: Question) -> ItemContent:
    return item_content(QuizItem(pk=None, question=question))


def deck_from_contents(
    key: str, title: str, contents: list[tuple[str, ItemContent, tuple[str, ...]]]
) -> ExportDeck:
    """The one place an :class:`ExportDeck` is built, for the download views and ``export_deck`` alike."""
    questions = [q for k, c, tags in contents if (q := export_question(c, key=k, tags=tags)) is not None]
    return ExportDeck(key=key, title=title, questions=questions)


def _question_key(content: ItemContent) -> str:
    if content.question_id is not None:
        return f"factdeck-q-{content.question_id}"
    return f"factdeck-item-{content.item_id}"


def _tags(content: ItemContent) -> tuple[str, ...]:
    section = content.source.split(" — ", 1)[1] if " — " in content.source else ""
    return (section,) if section else ()


def deck_for_quiz(quiz: Quiz) -> ExportDeck:
    contents = quiz_contents(quiz)
    return deck_from_contents(
        f"quiz:{quiz.pk}", quiz.title, [(_question_key(c), c, _tags(c)) for c in contents]
    )


def document_questions(document: Document, *, include_drafts: bool = False) -> QuerySet[Question]:
    questions = Question.objects.filter(fact__document=document, active=True)
    if include_drafts:
        questions = questions.exclude(fact__status=Fact.Status.REJECTED)
    else:
        questions = questions.filter(fact__status=Fact.Status.APPROVED)
    return questions.with_source().order_by("fact__position", "fact_id", "kind")


def deck_for_document(document: Document, *, include_drafts: bool = False) -> ExportDeck:
    contents = [_question_content(q) for q in document_questions(document, include_drafts=include_drafts)]
    return deck_from_contents(
        f"document:{document.slug}", document.title, [(_question_key(c), c, _tags(c)) for c in contents]
    )


def document_by_title_or_slug(value: str) -> Document | None:
    return Document.objects.filter(Q(slug=value) | Q(title=value)).first()
