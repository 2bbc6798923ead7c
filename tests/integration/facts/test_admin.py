"""Admins correct facts: filters, search, highlighted source, validation, bulk actions, history, human edits."""

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from facts.models import Fact
from quizzes.models import Question

pytestmark = pytest.mark.django_db

KYRGYZSTAN = (
    Path(__file__).resolve().parents[3] / "fixtures" / "documents" / "kyrgyzstan-poland-relations.txt"
)


@pytest.fixture
def ingested():
    call_command("ingest", str(KYRGYZSTAN), stdout=StringIO())
    return Fact.objects.get(answer="27 December 1991")


@pytest.fixture
def admin_client(client, staff):
    client.force_login(staff)
    return client


def form_data(fact: Fact, **changes) -> dict:
    data = {
        "document": fact.document_id,
        "section": fact.section,
        "statement": fact.statement,
        "status": fact.status,
        "answer": fact.answer,
        "answer_type": fact.answer_type,
        "question": fact.question,
        "subject": fact.subject,
        "role": fact.role,
        "date": fact.date,
        "date_precision": fact.date_precision,
        "date_end": fact.date_end,
        "number": "" if fact.number is None else fact.number,
        "unit": fact.unit,
        "qualifier": fact.qualifier,
        "source_start": fact.source_start,
        "source_end": fact.source_end,
    }
    data.update(changes)
    return data


def test_change_page_highlights_the_source_span(admin_client, ingested):
    page = admin_client.get(f"/admin/facts/fact/{ingested.pk}/change/").content.decode()
    assert "<mark>" in page
    highlighted = page.split("<mark>")[1].split("</mark>")[0]
    assert "27 December 1991" in highlighted


def test_filters_and_search(admin_client, ingested):
    for query in (
        f"?document__id__exact={ingested.document_id}&answer_type__exact=date",  # one page of the document
        "?answer_type__exact=date",
        "?status__exact=draft&answer_type__exact=date",
        f"?section={ingested.section}",
        "?q=December",
    ):
        response = admin_client.get(f"/admin/facts/fact/{query}")
        assert response.status_code == 200, query
        assert "27 December 1991" in response.content.decode(), query


def test_an_edit_marks_the_fact_human_edited_and_regenerates_its_questions(admin_client, ingested):
    question_ids = set(ingested.questions.values_list("pk", flat=True))
    new_statement = "Poland recognised the independence of Kyrgyzstan on 27 December 1991."
    response = admin_client.post(
        f"/admin/facts/fact/{ingested.pk}/change/",
        form_data(ingested, statement=new_statement, status="approved"),
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    ingested.refresh_from_db()
    assert ingested.human_edited and ingested.statement == new_statement
    # regenerated in place: same question rows (learners keep their history), new explanation
    assert set(ingested.questions.values_list("pk", flat=True)) >= question_ids
    assert all(q.explanation for q in Question.objects.filter(fact=ingested, active=True))
    # and the history shows who changed it
    record = ingested.history.first()
    assert record.history_user.username == "sam" and record.statement == new_statement


@pytest.mark.parametrize(
    "changes, field, message",
    [
        ({"date": "1991-02-30"}, "date", "not a real calendar date"),
        ({"date": ""}, "date", "needs a date"),
        ({"source_end": 999999}, "source_end", "inside the document"),
    ],
)
def test_validation(admin_client, ingested, changes, field, message):
    response = admin_client.post(f"/admin/facts/fact/{ingested.pk}/change/", form_data(ingested, **changes))
    assert response.status_code == 200
    assert message in response.content.decode()
    ingested.refresh_from_db()
    assert not ingested.human_edited


def test_number_fact_needs_a_number(admin_client, ingested):
    number_fact = Fact.objects.filter(answer_type="number").first()
    response = admin_client.post(
        f"/admin/facts/fact/{number_fact.pk}/change/", form_data(number_fact, number="")
    )
    assert response.status_code == 200 and "needs its number" in response.content.decode()


def test_bulk_approve_and_reject(admin_client, ingested):
    ids = list(Fact.objects.values_list("pk", flat=True)[:3])
    response = admin_client.post(
        "/admin/facts/fact/", {"action": "approve", "_selected_action": ids}, follow=True
    )
    assert "3 fact(s) approved" in response.content.decode()
    assert set(Fact.objects.filter(pk__in=ids).values_list("status", flat=True)) == {"approved"}
    admin_client.post("/admin/facts/fact/", {"action": "reject", "_selected_action": ids[:1]})
    rejected = Fact.objects.get(pk=ids[0])
    assert rejected.status == "rejected"
    assert not Question.objects.filter(fact=rejected, active=True).exists()


def test_only_staff_reach_the_fact_admin(client, learner, teacher, ingested):
    for user in (learner, teacher):
        client.force_login(user)
        response = client.get(f"/admin/facts/fact/{ingested.pk}/change/")
        assert response.status_code == 302
