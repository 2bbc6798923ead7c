"""The .apkg is read back by the official ``anki`` package, as a learner's Anki would import it."""

from pathlib import Path

import pytest
from anki.collection import Collection, ImportAnkiPackageOptions, ImportAnkiPackageRequest
from anki.import_export_pb2 import ImportAnkiPackageUpdateCondition

from quizzes.interchange.anki import MODEL_NAME, stable_id, to_apkg
from quizzes.interchange.types import ExportDeck, ExportQuestion


@pytest.fixture
def collection(tmp_path):
    col = Collection(str(tmp_path / "collection.anki2"))
    yield col
    col.close()


def _import(
    col: Collection,
    data: bytes,
    path: Path,
    *,
    update=ImportAnkiPackageUpdateCondition.IMPORT_ANKI_PACKAGE_UPDATE_CONDITION_IF_NEWER,
):
    path.write_bytes(data)
    options = ImportAnkiPackageOptions(update_notes=update, with_scheduling=False)
    return col.import_anki_package(ImportAnkiPackageRequest(package_path=str(path), options=options))


def _notes_by_question(col: Collection) -> dict[str, dict[str, str]]:
    notes = [col.get_note(nid) for nid in col.find_notes("")]
    return {note["Question"]: dict(note.items()) | {"_tags": " ".join(note.tags)} for note in notes}


def test_import_creates_one_note_per_question_with_its_fields(collection, deck, tmp_path):
    _import(collection, to_apkg(deck), tmp_path / "deck.apkg")

    notes = _notes_by_question(collection)
    assert collection.note_count() == len(deck.questions)
    assert collection.card_count() == len(deck.questions)
    president = notes["Who was President of Poland when the embassy in Astana opened?"]
    assert president["Options"] == (
        "<ol><li>Lech Kaczyński</li><li>Aleksander Kwaśniewski</li>"
        "<li>Bronisław Komorowski</li><li>Andrzej Duda</li></ol>"
    )
    assert president["Answer"] == "Aleksander Kwaśniewski"
    assert president["Source"] == "Kazakhstan–Poland relations — Diplomatic relations"
    assert president["Explanation"].startswith("The embassy opened in 2000")
    assert set(president["_tags"].split()) == {"diplomacy", "people_of_note"}
    typed = notes["In which year was the double tax avoidance agreement signed?"]
    assert typed["Options"] == "" and typed["Answer"] == "1995"
    name = notes["Which Polish President visited Astana in 2002?"]
    assert name["Options"] == "" and name["Answer"] == "Aleksander Kwaśniewski"
    deck_names = {d.name for d in collection.decks.all_names_and_ids()}
    assert deck.title in deck_names
    assert {m["name"] for m in collection.models.all()} >= {MODEL_NAME}


def test_special_characters_are_html_escaped_so_anki_shows_them_as_typed(collection, deck, tmp_path):
    _import(collection, to_apkg(deck), tmp_path / "deck.apkg")

    escaped_prompt = 'Which treaty (the "A &amp; B &lt;pact&gt;") uses ~ = # { } : and \\ in its name?'
    note = _notes_by_question(collection)[escaped_prompt]
    assert note["Answer"] == "back\\slash &amp; &lt;tag&gt;"
    assert "<li>back\\slash &amp; &lt;tag&gt;</li>" in note["Options"]


def test_second_import_of_a_new_export_adds_nothing(collection, deck, tmp_path):
    _import(collection, to_apkg(deck, timestamp=1_700_000_000), tmp_path / "first.apkg")
    notes_before = set(collection.find_notes(""))

    log = _import(collection, to_apkg(deck, timestamp=1_700_000_000), tmp_path / "second.apkg").log

    assert collection.note_count() == len(deck.questions)
    assert set(collection.find_notes("")) == notes_before
    assert len(log.new) == 0
    assert len([d for d in collection.decks.all_names_and_ids() if d.name == deck.title]) == 1
    assert len([m for m in collection.models.all() if m["name"] == MODEL_NAME]) == 1


def test_reimport_after_an_edit_updates_the_note_in_place(collection, deck, tmp_path):
    _import(collection, to_apkg(deck, timestamp=1_700_000_000), tmp_path / "first.apkg")
    first = deck.questions[0]
    edited = ExportQuestion(**{**_fields(first), "prompt": "Who was Poland's President in 2000?"})
    later = ExportDeck(deck.key, deck.title, [edited, *deck.questions[1:]])

    _import(collection, to_apkg(later, timestamp=1_800_000_000), tmp_path / "second.apkg")

    notes = _notes_by_question(collection)
    assert collection.note_count() == len(deck.questions)
    assert "Who was Poland's President in 2000?" in notes
    assert "Who was President of Poland when the embassy in Astana opened?" not in notes


def test_ids_are_stable_and_differ_between_decks():
    assert stable_id("factdeck", "deck", "quiz:ABC123") == stable_id("factdeck", "deck", "quiz:ABC123")
    assert stable_id("factdeck", "deck", "quiz:ABC123") != stable_id("factdeck", "deck", "quiz:ABC124")
    assert (1 << 30) <= stable_id("x") < (1 << 31)


def test_a_broken_question_is_refused_not_exported(deck):
    broken = ExportQuestion("k", "mc", "Q?", ("a", "b"), 5, "c")
    with pytest.raises(ValueError, match="answer_index"):
        to_apkg(ExportDeck(deck.key, deck.title, [broken]))
    not_a_number = ExportQuestion("k", "typed_number", "Q?", None, None, "many")
    with pytest.raises(ValueError, match="not a number"):
        to_apkg(ExportDeck(deck.key, deck.title, [not_a_number]))


def _fields(question: ExportQuestion) -> dict:
    return {name: getattr(question, name) for name in question.__slots__}
