"""import_facts takes each value only in its own type: anything else is a line error and nothing changes."""

import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from facts.models import Fact

from .test_ingest import KYRGYZSTAN, export, snapshot

pytestmark = pytest.mark.django_db


@pytest.fixture
def exported():
    call_command("ingest", str(KYRGYZSTAN), stdout=StringIO())
    return [json.loads(line) for line in export().splitlines()]


def import_rows(tmp_path, rows):
    path = tmp_path / "facts.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    call_command("import_facts", str(path), stdout=StringIO())


def test_id_true_is_a_line_error_and_fact_one_is_untouched(tmp_path, exported):
    first = Fact.objects.order_by("pk").first()
    row = {**exported[1], "id": True, "statement": "Overwritten?", "answer": "Overwritten"}
    before = snapshot()
    with pytest.raises(CommandError) as excinfo:
        import_rows(tmp_path, [row])
    assert "line 1: id must be a positive whole number or null, not true" in str(excinfo.value)
    assert snapshot() == before
    first.refresh_from_db()
    assert first.statement != "Overwritten?"


@pytest.mark.parametrize(
    "change, message",
    [
        ({"id": 0}, "id must be a positive whole number"),
        ({"id": -4}, "id must be a positive whole number"),
        ({"id": "1"}, "id must be a positive whole number"),
        ({"id": 1.5}, "id must be a positive whole number"),
        ({"source_start": "abc"}, "source_start and source_end must be whole numbers"),
        ({"source_start": True}, "source_start and source_end must be whole numbers"),
        ({"source_end": -1}, "source_start and source_end must be whole numbers"),
        ({"source_start": 50, "source_end": 10}, "source_start (50) is after source_end (10)"),
        ({"statement": "Poland\x00 recognised it."}, "statement contains a NUL character"),
        ({"answer": 1991}, "answer must be text, not 1991"),
        ({"section": ["History"]}, "section must be text"),
        ({"number": "12"}, "number must be a number or null"),
        ({"number": False}, "number must be a number or null"),
        ({"document": None}, "document must be text"),
    ],
)
def test_a_value_of_the_wrong_type_is_a_line_error_and_nothing_changes(tmp_path, exported, change, message):
    rows = [{**exported[0], "status": "approved"}, {**exported[1], **change}]
    before = snapshot()
    with pytest.raises(CommandError) as excinfo:
        import_rows(tmp_path, rows)
    assert f"line 2: {message}" in str(excinfo.value)
    assert "Traceback" not in str(excinfo.value)
    assert snapshot() == before


def test_every_bad_line_is_reported_at_once(tmp_path, exported):
    rows = [{**exported[0], "id": False}, exported[1], {**exported[2], "source_end": "x"}]
    with pytest.raises(CommandError) as excinfo:
        import_rows(tmp_path, rows)
    assert "line 1: id" in str(excinfo.value) and "line 3: source_start" in str(excinfo.value)
