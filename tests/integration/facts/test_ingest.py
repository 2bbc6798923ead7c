"""manage.py ingest / export_facts / import_facts against a real database."""

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from facts.models import Document, Fact
from quizzes.models import Question

pytestmark = pytest.mark.django_db

SEEDS = Path(__file__).resolve().parents[3] / "fixtures" / "documents"
KYRGYZSTAN = SEEDS / "kyrgyzstan-poland-relations.txt"
PERU = SEEDS / "peru-poland-relations.txt"


def snapshot() -> list[tuple]:
    return list(
        Fact.objects.order_by("pk").values_list("pk", "statement", "answer", "status", "human_edited")
    )


def test_ingest_reads_facts_with_provenance_and_makes_questions():
    call_command("ingest", str(KYRGYZSTAN), stdout=StringIO())
    document = Document.objects.get()
    assert document.title == "Kyrgyzstan–Poland relations"
    facts = list(document.facts.all())
    assert len(facts) >= 20
    for fact in facts:
        # every fact points at the sentence or list item it came from
        passage = document.text[fact.source_start : fact.source_end]
        assert passage.strip(), fact
        assert fact.source_end <= len(document.text)
    recognition = next(f for f in facts if f.answer == "27 December 1991")
    assert recognition.answer_type == "date"
    assert recognition.date == "1991-12-27" and recognition.date_precision == "day"
    assert "27 December 1991" in document.text[recognition.source_start : recognition.source_end]
    assert Question.objects.filter(fact__document=document, active=True).exists()


def test_ingest_twice_adds_nothing():
    call_command("ingest", str(KYRGYZSTAN), stdout=StringIO())
    before = snapshot()
    questions_before = list(Question.objects.order_by("pk").values_list("pk", "prompt"))
    out = StringIO()
    call_command("ingest", str(KYRGYZSTAN), stdout=out)
    assert snapshot() == before
    assert list(Question.objects.order_by("pk").values_list("pk", "prompt")) == questions_before
    assert "0 new, 0 updated" in out.getvalue()
    assert Document.objects.count() == 1


def test_a_human_edit_survives_reingest():
    call_command("ingest", str(KYRGYZSTAN), stdout=StringIO())
    fact = Fact.objects.get(answer="27 December 1991")
    fact.statement = "Poland recognised Kyrgyzstan's independence on 27 December 1991."
    fact.human_edited = True
    fact.save()
    out = StringIO()
    call_command("ingest", str(KYRGYZSTAN), stdout=out)
    fact.refresh_from_db()
    assert fact.statement == "Poland recognised Kyrgyzstan's independence on 27 December 1991."
    assert "human edits kept" in out.getvalue()


@pytest.mark.parametrize(
    "content, message",
    [
        (b"", "empty"),
        (b"   \n\n", "empty"),
        (b"No title line here\n\nJust text.\n", "line 1"),
        ("= Tytuł =\n\nZażółć gęślą jaźń.\n".encode("cp1250"), "not UTF-8"),
    ],
)
def test_a_malformed_file_is_named_and_changes_nothing(tmp_path, content, message):
    call_command("ingest", str(PERU), stdout=StringIO())
    before = snapshot()
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    err = StringIO()
    with pytest.raises(CommandError, match="1 of 2"):
        call_command("ingest", str(bad), str(KYRGYZSTAN), stdout=StringIO(), stderr=err)
    assert str(bad) in err.getvalue() and message in err.getvalue()
    # the good file still went in, the Peru facts are untouched
    assert Document.objects.count() == 2
    assert [row for row in snapshot() if row[0] in {r[0] for r in before}] == before


def test_ingest_a_folder_with_a_progress_bar(tmp_path):
    err = StringIO()
    call_command("ingest", str(SEEDS), stdout=StringIO(), stderr=err)
    assert Document.objects.count() == 5
    assert "Ingesting" in err.getvalue() and "5/5" in err.getvalue()


def test_ingest_nothing_found_is_a_clear_error(tmp_path):
    with pytest.raises(CommandError, match="No documents found"):
        call_command("ingest", str(tmp_path))


def export(*args) -> str:
    out = StringIO()
    call_command("export_facts", *args, stdout=out)
    return out.getvalue()


EXPORT_KEYS = [
    "id",
    "document",
    "section",
    "statement",
    "answer",
    "answer_type",
    "date",
    "date_precision",
    "number",
    "unit",
    "status",
    "source_start",
    "source_end",
    "confidence",
]


def test_export_has_exactly_the_documented_keys():
    call_command("ingest", str(KYRGYZSTAN), str(PERU), stdout=StringIO())
    rows = [json.loads(line) for line in export().splitlines()]
    assert rows and all(list(row) == EXPORT_KEYS for row in rows)
    dated = next(r for r in rows if r["answer"] == "27 December 1991")
    assert dated["date"] == "1991-12-27" and dated["date_precision"] == "day" and dated["number"] is None
    counted = next(r for r in rows if r["answer_type"] == "number")
    assert isinstance(counted["number"], float)
    only_peru = [json.loads(line) for line in export("--document", "peru-poland-relations").splitlines()]
    assert only_peru and {r["document"] for r in only_peru} == {"Peru–Poland relations"}


def test_export_of_an_unknown_document_is_an_error():
    with pytest.raises(CommandError, match="No document"):
        export("--document", "atlantis")


def test_export_import_export_is_identical(tmp_path):
    call_command("ingest", str(KYRGYZSTAN), stdout=StringIO())
    first = export()
    path = tmp_path / "facts.jsonl"
    path.write_text(first, encoding="utf-8")
    call_command("import_facts", str(path), stdout=StringIO())
    assert export() == first


def test_import_applies_a_reviewed_edit_and_marks_it_human(tmp_path):
    call_command("ingest", str(KYRGYZSTAN), stdout=StringIO())
    rows = [json.loads(line) for line in export().splitlines()]
    rows[0]["status"] = "approved"
    rows[1]["status"] = "rejected"
    path = tmp_path / "facts.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    out = StringIO()
    call_command("import_facts", str(path), stdout=out)
    assert "2 updated" in out.getvalue()
    approved, rejected = Fact.objects.get(pk=rows[0]["id"]), Fact.objects.get(pk=rows[1]["id"])
    assert approved.status == "approved" and approved.human_edited
    assert rejected.status == "rejected"
    assert not rejected.questions.filter(active=True).exists()


def test_import_with_one_bad_line_imports_nothing(tmp_path):
    call_command("ingest", str(KYRGYZSTAN), stdout=StringIO())
    before = snapshot()
    rows = [json.loads(line) for line in export().splitlines()][:3]
    rows[0]["status"] = "approved"
    rows[1]["answer_type"] = "date"
    rows[1]["date"] = "1991-02-30"
    rows[1]["date_precision"] = "day"
    lines = [json.dumps(r, ensure_ascii=False) for r in rows] + ["{not json"]
    path = tmp_path / "facts.jsonl"
    path.write_text("\n".join(lines), encoding="utf-8")
    with pytest.raises(CommandError) as excinfo:
        call_command("import_facts", str(path), stdout=StringIO())
    assert "line 2" in str(excinfo.value) and "not a real calendar date" in str(excinfo.value)
    assert "line 4" in str(excinfo.value) and "not valid JSON" in str(excinfo.value)
    assert snapshot() == before


def test_import_rejects_a_span_outside_the_document(tmp_path):
    call_command("ingest", str(PERU), stdout=StringIO())
    row = json.loads(export().splitlines()[0])
    row["source_end"] = 10**6
    path = tmp_path / "facts.jsonl"
    path.write_text(json.dumps(row), encoding="utf-8")
    with pytest.raises(CommandError, match="inside the document"):
        call_command("import_facts", str(path), stdout=StringIO())


def test_confidence_goes_out_and_back_in_and_an_older_export_without_it_still_imports(tmp_path):
    call_command("ingest", str(KYRGYZSTAN), stdout=StringIO())
    rows = [json.loads(line) for line in export().splitlines()]
    assert all(0.0 <= r["confidence"] <= 1.0 for r in rows)
    guessed = min(rows, key=lambda r: r["confidence"])
    old_format = [{k: v for k, v in r.items() if k != "confidence"} for r in rows]
    path = tmp_path / "old.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in old_format), encoding="utf-8")
    out = StringIO()
    call_command("import_facts", str(path), stdout=out)
    assert "0 updated" in out.getvalue()
    assert Fact.objects.get(pk=guessed["id"]).confidence == guessed["confidence"]


def test_import_refuses_a_confidence_outside_0_to_1(tmp_path):
    call_command("ingest", str(PERU), stdout=StringIO())
    before = snapshot()
    row = json.loads(export().splitlines()[0])
    row["confidence"] = 1.5
    path = tmp_path / "facts.jsonl"
    path.write_text(json.dumps(row), encoding="utf-8")
    with pytest.raises(CommandError, match="line 1: confidence"):
        call_command("import_facts", str(path), stdout=StringIO())
    assert snapshot() == before


def test_a_document_with_an_odd_infobox_line_is_ingested_and_the_skipped_line_is_named(tmp_path):
    path = tmp_path / "league.txt"
    path.write_text(
        "= Freedonian League =\n\nInfobox\n- Secretary-General: Ana Kovač\n- 1990s boom years\n\n"
        "== History ==\nThe Freedonian League was founded in Sylvania on 3 May 1961.\n",
        encoding="utf-8",
    )
    out, err = StringIO(), StringIO()
    call_command("ingest", str(path), stdout=out, stderr=err)
    assert Fact.objects.filter(answer="3 May 1961", date="1961-05-03").exists()
    assert "line 5: skipped an infobox line" in err.getvalue()


def test_approve_leaves_facts_below_the_confidence_threshold_as_drafts(tmp_path, monkeypatch):
    monkeypatch.setattr("facts.services.REVIEW_THRESHOLD", 0.95)
    path = tmp_path / "freedonia.txt"
    path.write_text(
        "= Freedonia–Sylvania relations =\n\n== History ==\nFreedonia recognised Sylvania on 3 May 1921. "
        "Both nations opened embassies in 1922.\n",
        encoding="utf-8",
    )
    call_command("ingest", str(path), "--approve", stdout=StringIO())
    recognition = Fact.objects.get(answer="3 May 1921")
    embassies = Fact.objects.get(answer="1922")
    assert recognition.confidence == 1.0 and recognition.status == Fact.Status.APPROVED
    assert embassies.confidence < 0.95 and embassies.status == Fact.Status.DRAFT
    assert embassies.statement.startswith("Freedonia and Sylvania")
