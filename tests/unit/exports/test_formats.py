"""The single entry point used by the download views and ``manage.py export_deck``."""

import xml.etree.ElementTree as ET
import zipfile
from io import BytesIO

import pytest

from quizzes.interchange import FORMATS, export_filename, render
from quizzes.interchange.imports import parse_csv, parse_gift
from quizzes.interchange.types import format_number, parse_number


def test_every_format_renders_a_file_its_reader_accepts(deck):
    assert zipfile.ZipFile(BytesIO(render(deck, "apkg"))).namelist()[0] == "collection.anki2"
    assert ET.fromstring(render(deck, "moodle")).tag == "quiz"
    assert parse_gift(render(deck, "gift").decode("utf-8")).questions == deck.questions
    assert parse_csv(render(deck, "csv").decode("utf-8")).questions == deck.questions


def test_csv_starts_with_a_bom_for_excel(deck):
    assert render(deck, "csv").startswith(b"\xef\xbb\xbfkey,kind,prompt")


def test_unknown_format_is_refused(deck):
    with pytest.raises(ValueError, match="apkg, moodle, gift, csv"):
        render(deck, "pdf")


def test_file_names_are_ascii_slugs_of_the_title(deck):
    assert export_filename(deck, FORMATS["moodle"]) == "kazakhstan-poland-relations.moodle.xml"
    assert export_filename(deck, FORMATS["apkg"]) == "kazakhstan-poland-relations.apkg"


@pytest.mark.parametrize(
    ("text", "value", "written"),
    [
        ("1995", 1995.0, "1995"),
        ("1,200,000", 1200000.0, "1200000"),
        ("-3.25", -3.25, "-3.25"),
        ("0.00001", 1e-05, "0.00001"),
    ],
)
def test_numbers_read_and_write_as_a_learner_types_them(text, value, written):
    assert parse_number(text) == value
    assert format_number(value) == written


@pytest.mark.parametrize("text", ["", "1e3", "nan", "inf", "12,34", "1 200", "about 5"])
def test_things_that_are_not_typed_numbers(text):
    assert parse_number(text) is None
