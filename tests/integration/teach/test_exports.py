"""Exports of a quiz (download) and of a document (``manage.py export_deck``), read back by real consumers:
the official ``anki`` package for .apkg, and our own importers for GIFT and CSV (Moodle XML is parsed)."""

import xml.etree.ElementTree as ET

import pytest
from anki.collection import Collection
from django.core.management import CommandError, call_command
from django.urls import reverse

from quizzes.interchange.imports import parse_csv, parse_gift
from quizzes.models import Question, QuizItem
from tests.factories import FactFactory, QuestionFactory
from tests.unit.exports.test_anki import _import, _notes_by_question

pytestmark = pytest.mark.django_db


@pytest.fixture
def collection(tmp_path):
    col = Collection(str(tmp_path / "collection.anki2"))
    yield col
    col.close()


@pytest.fixture
def draft_question(document):
    fact = FactFactory(document=document, status="draft", section="Drafts")
    return QuestionFactory(fact=fact, prompt="An unreviewed question?")


def test_export_deck_apkg_imports_into_anki_and_a_second_import_adds_nothing(
    document, questions, draft_question, collection, tmp_path, capsys
):
    out = tmp_path / "north.apkg"
    call_command("export_deck", "--document", "Treaties of the North", "--format", "apkg", "-o", str(out))
    assert "Wrote 4 question(s)" in capsys.readouterr().out

    _import(collection, out.read_bytes(), tmp_path / "first.apkg")
    notes = _notes_by_question(collection)
    assert set(notes) == {q.prompt for q in questions}  # the draft is left out by default
    treaty = notes["When was the first treaty signed?"]
    assert treaty["Answer"] == "1991" and "<li>1989</li>" in treaty["Options"]
    assert treaty["Source"] == "Treaties of the North — History"
    assert notes["In which year was the port built?"]["Answer"] == "1991"

    # Export again (by slug this time) and import: stable ids, so nothing new.
    again = tmp_path / "again.apkg"
    call_command("export_deck", "--document", document.slug, "--format", "apkg", "-o", str(again))
    log = _import(collection, again.read_bytes(), tmp_path / "second.apkg").log
    assert len(log.new) == 0 and collection.note_count() == 4
    assert len([d for d in collection.decks.all_names_and_ids() if d.name == document.title]) == 1


def test_export_deck_can_include_drafts_and_writes_every_format(
    document, questions, draft_question, tmp_path
):
    gift = tmp_path / "north.gift"
    call_command(
        "export_deck", "--document", document.slug, "--format", "gift", "-o", str(gift), "--include-drafts"
    )
    result = parse_gift(gift.read_text(encoding="utf-8"))
    assert result.ok and len(result.questions) == 5
    assert {q.key for q in result.questions} >= {f"factdeck-q-{q.pk}" for q in questions}

    sheet = tmp_path / "north.csv"
    call_command("export_deck", "--document", document.slug, "--format", "csv", "-o", str(sheet))
    parsed = parse_csv(sheet.read_text(encoding="utf-8-sig"))
    assert parsed.ok and [(q.prompt, q.answer) for q in parsed.questions][0] == (
        "When was the first treaty signed?",
        "1991",
    )

    moodle = tmp_path / "north.xml"
    call_command("export_deck", "--document", document.slug, "--format", "moodle", "-o", str(moodle))
    root = ET.parse(moodle).getroot()
    kinds = [q.get("type") for q in root.findall("question") if q.get("type") != "category"]
    assert kinds.count("multichoice") == 3 and kinds.count("numerical") == 1


def test_export_deck_refuses_unknown_documents_and_formats(document, questions, tmp_path):
    with pytest.raises(CommandError, match="No document has the title or slug 'Atlantis'"):
        call_command("export_deck", "--document", "Atlantis", "--format", "csv", "-o", str(tmp_path / "x"))
    with pytest.raises(CommandError):
        call_command("export_deck", "--document", document.slug, "--format", "docx")
    Question.objects.update(active=False)
    with pytest.raises(CommandError, match="no questions to export"):
        call_command("export_deck", "--document", document.slug, "--format", "csv", "-o", str(tmp_path / "x"))


def test_quiz_downloads_use_the_teachers_wording(client, teacher, quiz, collection, tmp_path):
    item = quiz.items.order_by("position").first()
    QuizItem.objects.filter(pk=item.pk).update(
        prompt="Which year saw the first treaty?", options=["1990", "1991"], answer_index=1, answer="1991"
    )
    client.force_login(teacher)
    response = client.get(reverse("teach_export", args=[quiz.pk, "apkg"]))
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="treaty-check.apkg"'
    _import(collection, response.content, tmp_path / "quiz.apkg")
    notes = _notes_by_question(collection)
    assert "Which year saw the first treaty?" in notes and len(notes) == 3
    assert notes["Which year saw the first treaty?"]["Options"] == "<ol><li>1990</li><li>1991</li></ol>"

    gift = client.get(reverse("teach_export", args=[quiz.pk, "gift"]))
    assert gift["Content-Type"].startswith("text/plain")
    assert [q.prompt for q in parse_gift(gift.content.decode()).questions][
        0
    ] == "Which year saw the first treaty?"
    moodle = client.get(reverse("teach_export", args=[quiz.pk, "moodle"]))
    assert ET.fromstring(moodle.content).tag == "quiz"
    csv_file = client.get(reverse("teach_export", args=[quiz.pk, "csv"]))
    assert len(parse_csv(csv_file.content.decode("utf-8-sig")).questions) == 3


def test_a_gift_export_of_a_quiz_imports_back_into_another_quiz(client, teacher, quiz):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from tests.factories import QuizFactory

    client.force_login(teacher)
    gift = client.get(reverse("teach_export", args=[quiz.pk, "gift"])).content
    copy = QuizFactory(owner=teacher)
    upload = SimpleUploadedFile("copy.gift", gift)
    assert (
        client.post(
            reverse("teach_quiz_import", args=[copy.pk]), {"file": upload, "format": "auto"}
        ).status_code
        == 302
    )
    assert [i.prompt for i in copy.items.order_by("position")] == [
        i.question.prompt for i in quiz.items.order_by("position")
    ]
