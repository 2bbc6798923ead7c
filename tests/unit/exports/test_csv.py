"""CSV: export, re-import, and an error naming the line for every kind of bad row."""

import csv
import io

import pytest

from quizzes.interchange.csv import HEADER, to_csv
from quizzes.interchange.imports import ImportError as BriefImportError
from quizzes.interchange.imports import LineError, parse_csv
from quizzes.interchange.types import ExportDeck, ExportQuestion

HEADER_LINE = ",".join(HEADER)


def test_header_and_rows(deck):
    rows = list(csv.reader(io.StringIO(to_csv(deck))))
    assert rows[0] == [
        "key", "kind", "prompt", "option_1", "option_2", "option_3", "option_4",
        "answer", "answer_index", "explanation", "source", "tags",
    ]  # fmt: skip
    first = dict(zip(rows[0], rows[1], strict=True))
    assert first["answer"] == "Aleksander Kwaśniewski"
    assert first["answer_index"] == "2"  # 1-based: the option_2 column
    assert first["tags"] == "diplomacy;people of note"
    date_choice = dict(zip(rows[0], rows[4], strict=True))
    assert date_choice["option_4"] == ""  # three options, the fourth column left empty
    typed = dict(zip(rows[0], rows[5], strict=True))
    assert (typed["option_1"], typed["answer"], typed["answer_index"]) == ("", "1995", "")


def test_round_trip(deck):
    result = parse_csv(to_csv(deck))
    assert result.errors == []
    assert result.questions == deck.questions


def test_minimal_sheet_with_only_prompt_options_and_answer():
    text = (
        "prompt,option_1,option_2,answer\nCapital of Poland?,Kraków,Warsaw,Warsaw\nYear of EU entry?,,,2004\n"
    )
    result = parse_csv(text)
    assert result.errors == []
    choice, typed = result.questions
    assert (choice.kind, choice.answer_index, choice.key) == ("mc", 1, "")
    assert (typed.kind, typed.answer) == ("typed_year", "2004")


def test_quoted_cells_may_hold_commas_quotes_and_line_breaks():
    text = f'{HEADER_LINE}\nk1,mc,"Who said ""yes, and""?\nThen what?",A,"B, C",,,"B, C",,,,\nk2,mc,Q?,a,b,,,a,,,,\n'
    result = parse_csv(text)
    assert result.errors == []
    assert result.questions[0].prompt == 'Who said "yes, and"?\nThen what?'
    assert result.questions[0].answer == "B, C"


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("k,mc,,a,b,,,a,,,,", "question text is empty"),
        ("k,mc,Q?,a,b,c,,d,,,,", "'d' is not one of the options"),
        ("k,mc,Q?,a,b,A,,a,,,,", "appears twice"),
        ("k,mc,Q?,a,b,,,a,,,", "expected 12 columns"),
        ("k,mc,Q?,a,b,,,,3,,,", "out of range 1–2"),
        ("k,mc,Q?,a,b,,,,0,,,", "out of range 1–2"),
        ("k,mc,Q?,a,b,,,,two,,,", "not a whole number"),
        ("k,mc,Q?,a,b,,,b,1,,,", "does not match option_1"),
        ("k,typed_year,Year?,,,,,about 1990,,,,", "not a number"),
        ("k,typed_number,How many?,,,,,,,,,", "the answer is empty"),
        ("k,typed_number,How many?,,,,,,1,,,", "no options"),
        ("k,typed_number,How many?,a,b,,,a,,,,", "takes no options"),
        ("k,mc,Q?,a,,c,,a,,,,", "option_2 empty"),
        ("k,mc,Q?,a,,,,a,,,,", "at least 2 options"),
        ("k,quiz,Q?,a,b,,,a,,,,", "unknown kind 'quiz'"),
        ("k,typed_year,Year?,,,,,1990.5,,,,", "not a whole number"),
    ],
)
def test_bad_rows_give_an_error_naming_the_line(row, message):
    text = f"{HEADER_LINE}\nok-1,mc,Fine?,a,b,,,a,,,,\n{row}\n"
    result = parse_csv(text)

    assert [e.line for e in result.errors] == [3]
    assert message in result.errors[0].message
    assert not result.ok


def test_line_numbers_count_physical_lines_and_skip_blank_rows():
    text = f'{HEADER_LINE}\nk1,mc,"two\nlines",a,b,,,a,,,,\n\nk2,mc,Q?,a,b,,,z,,,,\n'
    result = parse_csv(text)
    assert [e.line for e in result.errors] == [5]


def test_duplicate_keys_are_refused():
    text = f"{HEADER_LINE}\nk1,mc,A?,a,b,,,a,,,,\nk1,mc,B?,a,b,,,a,,,,\n"
    (error,) = parse_csv(text).errors
    assert (error.line, "already used on line 2" in error.message) == (3, True)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "empty"),
        ("question,answer\nQ?,a\n", "unknown column(s) question"),
        ("key,kind\nk,mc\n", "needs at least prompt and answer"),
        ("prompt,prompt,answer\n", "appears twice"),
    ],
)
def test_bad_header_is_an_error_on_line_1(text, message):
    result = parse_csv(text)
    assert result.questions == []
    assert [e.line for e in result.errors] == [1]
    assert message in result.errors[0].message


def test_nothing_is_importable_when_any_line_is_bad(deck):
    text = to_csv(deck) + "k-bad,mc,Q?,a,b,,,c,,,,\r\n"
    result = parse_csv(text)
    assert len(result.questions) == len(deck.questions)  # understood, for a preview…
    bad_line = len(deck.questions) + 2  # after the header and every good row
    with pytest.raises(ValueError, match=f"line {bad_line}:"):
        result.questions_or_raise()  # …but the caller gets none of them


def test_excel_bom_and_thousands_separators_are_accepted():
    text = '\ufeffprompt,answer\nHow many Poles?,"34,057"\n'
    (question,) = parse_csv(text).questions_or_raise()
    assert (question.kind, question.answer) == ("typed_number", "34057")


def test_brief_name_for_line_errors_is_an_alias():
    assert BriefImportError is LineError


def test_export_refuses_more_options_than_the_sheet_has_columns():
    question = ExportQuestion("k", "mc", "Q?", ("a", "b", "c", "d", "e"), 0, "a")
    with pytest.raises(ValueError, match="5 options"):
        to_csv(ExportDeck("d", "D", [question]))


@pytest.mark.parametrize(
    "row, message",
    [
        ("Q," + "9" * 400, "not a number"),
        ("Q,a,b,²", "not a whole number"),
        ("Q,a,b,1" + "0" * 5000, "not a whole number"),
        ("Q\x00,a,b,1", "NUL"),
        ("Q," + "x" * 600 + ",b,1", "longer than 500"),
        ("Q" * 2500 + ",a,b,1", "longer than 2000"),
    ],
)
def test_hostile_cells_are_line_errors_not_crashes(row, message):
    header = "prompt,answer" if row.count(",") == 1 else "prompt,option_1,option_2,answer_index"
    result = parse_csv(f"{header}\n{row}\n")
    assert not result.questions
    assert any(message in error.message and error.line == 2 for error in result.errors), result.errors
