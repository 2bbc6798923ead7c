"""The shipped content (fixtures/content.json): five reviewed documents whose approved facts hold up.

A teacher relies on these facts without reading the articles, so the checks are the ones a careful
reviewer makes: each answer is in its statement, each statement comes from a real span of its article,
dates are real dates, every document has enough facts to study, and the facts cover what a teacher
would ask about (tests/data/expected_facts.py).
"""

from __future__ import annotations

import re
import unicodedata
from io import StringIO

import pytest
from django.core.management import call_command

from facts.models import Document, Fact, validate_iso_date
from quizzes.models import Question
from tests.data.expected_facts import EXPECTED_FACTS

pytestmark = pytest.mark.django_db

REQUIRED_COVERAGE = 0.95
MIN_APPROVED_PER_DOCUMENT = 25
# Words that carry no content: a statement and its source share more than these.
_STOP = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "in",
        "on",
        "at",
        "to",
        "by",
        "for",
        "from",
        "with",
        "and",
        "or",
        "as",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "has",
        "have",
        "had",
        "its",
        "it",
        "their",
        "this",
        "that",
        "these",
        "those",
        "which",
        "who",
        "whom",
        "whose",
        "during",
        "after",
        "before",
        "since",
        "between",
        "both",
        "also",
        "than",
        "then",
        "there",
        "into",
        "upon",
        "over",
        "about",
    ]
)


@pytest.fixture
def loaded() -> None:
    call_command("load_content", stdout=StringIO())


def approved() -> list[Fact]:
    return list(Fact.objects.approved().select_related("document"))


def normalise(text: str) -> str:
    """Case, dashes, quotes and spacing do not make two answers different (as in the recall test)."""
    text = unicodedata.normalize("NFC", text).lower()
    text = re.sub(r"[–—‐-]", "-", text).replace("’", "'")
    text = re.sub(r"[^\w%$€£'.,\- ]", " ", text)
    return " ".join(text.split()).strip(" .,")


def key_words(text: str) -> set[str]:
    return {w for w in re.findall(r"[\w’'-]+", normalise(text)) if w not in _STOP and len(w) > 2}


def test_loading_gives_five_documents_with_attribution_and_questions(loaded: None) -> None:
    documents = list(Document.objects.order_by("position"))
    assert len(documents) == 5
    assert [d.position for d in documents] == [0, 1, 2, 3, 4]
    assert [d.title for d in documents] == sorted(d.title for d in documents)
    for document in documents:
        assert document.source_url.startswith("https://en.wikipedia.org/wiki/")
        assert document.attribution == "Wikipedia contributors"
        assert document.license == "CC BY-SA 4.0"
    assert Question.objects.count() > 200


def test_every_approved_answer_appears_in_its_statement(loaded: None) -> None:
    wrong = [(f.statement, f.answer) for f in approved() if f.answer.casefold() not in f.statement.casefold()]
    assert wrong == []


def test_every_span_lies_inside_its_document_and_shares_the_statements_key_words(loaded: None) -> None:
    """A statement may resolve "the company" or add the country a list item leaves implicit, but it must
    share the source's content words: at least three of them, or all of a shorter source."""
    problems = []
    for fact in approved():
        if not 0 <= fact.source_start < fact.source_end <= len(fact.document.text):
            problems.append(("span outside the document", fact.statement))
            continue
        source = key_words(fact.source_passage)
        shared = key_words(fact.statement) & source
        if len(shared) < min(3, len(source)):
            problems.append((f"shares only {sorted(shared)} with {fact.source_passage!r}", fact.statement))
    assert problems == []


def test_date_facts_have_valid_dates(loaded: None) -> None:
    problems = [
        (f.statement, f.date, f.date_precision)
        for f in approved()
        if f.answer_type == "date" and validate_iso_date(f.date, f.date_precision)
    ]
    assert problems == []
    number_facts = [f for f in approved() if f.answer_type == "number"]
    assert number_facts and all(f.number is not None for f in number_facts)


def test_each_document_has_enough_approved_facts(loaded: None) -> None:
    for document in Document.objects.all():
        assert document.facts.approved().count() >= MIN_APPROVED_PER_DOCUMENT, document.title


def test_questions_never_contain_their_answer(loaded: None) -> None:
    leaks = [
        (f.question, f.answer)
        for f in approved()
        if f.question and re.search(rf"(?<!\w){re.escape(f.answer)}(?!\w)", f.question, re.I)
    ]
    assert leaks == []


def test_approved_facts_cover_what_a_teacher_would_ask(
    loaded: None, capsys: pytest.CaptureFixture[str]
) -> None:
    by_slug = {d.slug: [f for f in approved() if f.document_id == d.pk] for d in Document.objects.all()}
    found = total = 0
    misses = []
    for name, expected in EXPECTED_FACTS.items():
        facts = by_slug[name.removesuffix(".txt")]
        for answer, keywords in expected:
            total += 1
            if any(
                normalise(f.answer) == normalise(answer)
                and all(normalise(k) in normalise(f.statement) for k in keywords)
                for f in facts
            ):
                found += 1
            else:
                misses.append(f"{name}: {answer!r} {keywords}")
    with capsys.disabled():
        print(f"\ncoverage of expected facts: {found}/{total} = {found / total:.1%}")
        print("\n".join(f"    missed: {m}" for m in misses))
    assert found / total >= REQUIRED_COVERAGE


# What each question word asks for; a stem must ask for the kind of thing its answer is.
_ASKS = [
    (
        re.compile(
            r"^(who|whom)\b|\bwhich (\w+ )?(president|prime minister|minister|ambassador|general|statesman|engineer|politician|person|leader)\b",
            re.I,
        ),
        {"person"},
    ),
    (re.compile(r"\bwhich (\w+ )?(city|place|village|town|region|capital)\b", re.I), {"place"}),
    (re.compile(r"\bwhich (\w+ )?(country|state)\b", re.I), {"country"}),
    (re.compile(r"\b(in which year|what year|on what date|when|in which month)\b", re.I), {"date"}),
    (re.compile(r"^(how many|how much|what percentage|what share)\b", re.I), {"number"}),
]


def test_each_hand_written_question_asks_for_its_answers_kind(loaded: None) -> None:
    mismatched = []
    for fact in approved():
        if not fact.question:
            continue
        for pattern, kinds in _ASKS:
            if pattern.search(fact.question) and fact.answer_type not in kinds | {"other", "organisation"}:
                mismatched.append((fact.pk, fact.question, fact.answer, fact.answer_type))
                break
    assert mismatched == []
