"""Questions are stored one per (fact, kind), regenerated in place, and exported as JSON Lines."""

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from facts.models import Fact
from quizzes.bank.services import questions_regenerate
from quizzes.models import Card, Question, ReviewLog
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

DOCUMENTS = Path(__file__).resolve().parents[3] / "fixtures" / "documents"


@pytest.fixture
def kyrgyzstan():
    call_command("ingest", str(DOCUMENTS / "kyrgyzstan-poland-relations.txt"), "--approve", stdout=StringIO())
    return Fact.objects.get(answer="27 December 1991")


def test_one_question_per_fact_and_kind(kyrgyzstan):
    assert Question.objects.exists()
    pairs = list(Question.objects.values_list("fact_id", "kind"))
    assert len(pairs) == len(set(pairs))
    kinds = set(kyrgyzstan.questions.values_list("kind", flat=True))
    assert {"date_choice", "year_choice"} <= kinds


def test_an_edit_regenerates_in_place_and_keeps_history(kyrgyzstan):
    question = kyrgyzstan.questions.get(kind="year_choice")
    learner = UserFactory()
    card = Card.objects.create(user=learner, question=question, due=question.updated_at, state=2, reps=3)
    ReviewLog.objects.create(
        card=card,
        user=learner,
        rating=3,
        correct=True,
        reviewed_at=question.updated_at,
        state_before={},
        state_after={},
        idempotency_key="k1",
    )
    # an admin corrects the date: the question changes, its id, the card and the log stay
    kyrgyzstan.statement = kyrgyzstan.statement.replace("27 December 1991", "28 December 1991")
    kyrgyzstan.answer, kyrgyzstan.date = "28 December 1991", "1991-12-28"
    kyrgyzstan.human_edited = True
    kyrgyzstan.save()
    questions_regenerate(fact_ids=[kyrgyzstan.pk])
    question.refresh_from_db()
    date_question = kyrgyzstan.questions.get(kind="date_choice")
    assert date_question.answer == "28 December 1991"
    assert "28 December 1991" in date_question.options
    assert question.active
    assert Card.objects.get(pk=card.pk).reps == 3 and ReviewLog.objects.filter(card=card).count() == 1


def test_rejected_facts_have_no_questions(kyrgyzstan):
    kyrgyzstan.status = Fact.Status.REJECTED
    kyrgyzstan.save()
    questions_regenerate(fact_ids=[kyrgyzstan.pk])
    assert not kyrgyzstan.questions.filter(active=True).exists()
    # approving it again brings the same rows back
    ids = set(kyrgyzstan.questions.values_list("pk", flat=True))
    kyrgyzstan.status = Fact.Status.APPROVED
    kyrgyzstan.save()
    questions_regenerate(fact_ids=[kyrgyzstan.pk])
    assert set(kyrgyzstan.questions.filter(active=True).values_list("pk", flat=True)) == ids


def test_questions_follow_an_import(kyrgyzstan, tmp_path):
    out = StringIO()
    call_command("export_facts", stdout=out)
    rows = [json.loads(line) for line in out.getvalue().splitlines()]
    row = next(r for r in rows if r["id"] == kyrgyzstan.pk)
    row["statement"] = row["statement"].replace("27 December 1991", "26 December 1991")
    row["answer"], row["date"] = "26 December 1991", "1991-12-26"
    path = tmp_path / "facts.jsonl"
    path.write_text(json.dumps(row, ensure_ascii=False), encoding="utf-8")
    call_command("import_facts", str(path), stdout=StringIO())
    assert kyrgyzstan.questions.get(kind="date_choice").answer == "26 December 1991"


def test_export_questions_has_exactly_the_documented_keys(kyrgyzstan):
    out = StringIO()
    call_command("export_questions", stdout=out)
    rows = [json.loads(line) for line in out.getvalue().splitlines()]
    assert rows
    for row in rows:
        assert list(row) == ["id", "fact_id", "kind", "prompt", "options", "answer", "answer_index"]
        if row["kind"] in {"typed_year", "typed_number", "typed_text"}:
            assert row["options"] is None and row["answer_index"] is None
        else:
            assert row["options"][row["answer_index"]] == row["answer"]
            assert len(row["options"]) == 4
