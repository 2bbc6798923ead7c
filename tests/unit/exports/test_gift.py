"""GIFT: export then parse gives the same questions; bad GIFT gives an error naming its line."""

import textwrap

import pytest

from quizzes.interchange.gift import escape, parse_gift, to_gift
from quizzes.interchange.imports import parse_gift as reexported_parse_gift
from quizzes.interchange.types import ExportDeck, ExportQuestion


def test_round_trip_gives_back_every_question_exactly(deck):
    result = parse_gift(to_gift(deck))

    assert result.errors == []
    assert result.questions == deck.questions


def test_special_characters_are_escaped_in_the_file(deck):
    text = to_gift(deck)
    assert escape(r"a~b=c#d{e}f:g\h") == r"a\~b\=c\#d\{e\}f\:g\\h"
    assert r"uses \~ \= \# \{ \} \: and \\ in its name?" in text
    assert "=back\\\\slash & <tag>" in text


def test_newlines_inside_a_prompt_survive_the_round_trip():
    question = ExportQuestion("k-1", "mc", "First line\nsecond line", ("a", "b"), 0, "a")
    result = parse_gift(to_gift(ExportDeck("d", "D", [question])))
    assert result.questions == [question]


def test_numbers_are_written_the_gift_way(deck):
    text = to_gift(deck)
    assert "{#1995" in text and "{#34057" in text


def test_parses_hand_written_moodle_style_gift():
    text = textwrap.dedent(
        """\
        // A comment Moodle ignores
        $CATEGORY: $course$/top/History

        ::Capital::What is the capital of Kazakhstan? {
          ~Almaty#It was, until 1997.
          =Astana
          ~Shymkent
        }

        Poland joined the EU in {#2004}.

        Kazakhstan is landlocked.{T}

        The capital of Poland is {=Warsaw ~Kraków ~Gdańsk} since 1596.
        """
    )
    result = parse_gift(text)

    assert result.errors == []
    capital, joined, landlocked, blank = result.questions
    assert (capital.key, capital.kind, capital.options, capital.answer) == (
        "Capital",
        "mc",
        ("Almaty", "Astana", "Shymkent"),
        "Astana",
    )
    assert capital.answer_index == 1
    assert (joined.kind, joined.answer, joined.options) == ("typed_year", "2004", None)
    assert (landlocked.options, landlocked.answer) == (("True", "False"), "True")
    assert blank.prompt == "The capital of Poland is _____ since 1596."
    assert blank.answer == "Warsaw"


def test_kind_is_inferred_when_no_kind_comment_is_given():
    text = "Which year? {=1991 ~1992 ~1990}\n\nHow many? {#12.5}\n\nWhich year typed? {#1991:0}\n"
    years, number, typed_year = parse_gift(text).questions
    assert years.kind == "year_choice"
    assert (number.kind, number.answer) == ("typed_number", "12.5")
    assert (typed_year.kind, typed_year.answer) == ("typed_year", "1991")


@pytest.mark.parametrize(
    ("gift", "line", "message"),
    [
        ("::T1::First {=a ~b}\n\n::T2::Second {=a ~b\n~c\n", 3, "never closed"),
        ("Question without answers\n", 1, "no answer block"),
        ("\n\nWhat? {=a =b ~c}\n", 3, "exactly one right"),
        ("What? {~a ~b}\n", 1, "exactly one right"),
        ("What? {=Paris =paris}\n", 1, "short-answer"),
        ("What? {~%50%a ~%50%b ~c}\n", 1, "partial credit"),
        ("When? {#1990..2000}\n", 1, "ranges"),
        ("When? {#1995:2}\n", 1, "tolerance"),
        ("How many? {#lots}\n", 1, "not a number"),
        ("Match {=a -> 1 =b -> 2}\n", 1, "matching"),
        ("Write an essay {}\n", 1, "essay"),
        ("What? {=a ~b ~a}\n", 1, "appears twice"),
        ("What? {=a ~b ~c ~d ~e}\n", 1, "at most 4"),
        ("A { brace {=a ~b}\n", 1, "'{' inside"),
        ("::Broken title What? {=a ~b}\n", 1, "title is not closed"),
        ("::T::A {=a ~b}\n\n::T::B {=a ~b}\n", 3, "already used on line 1"),
        ("{=a ~b}\n", 1, "question text is empty"),
    ],
)
def test_bad_questions_give_an_error_with_their_line(gift, line, message):
    result = parse_gift(gift)

    assert len(result.errors) == 1
    error = result.errors[0]
    assert error.line == line
    assert message in error.message
    assert f"line {line}:" in str(error)


def test_one_bad_question_does_not_hide_the_others_errors_or_count_as_imported():
    text = "Good {=a ~b}\n\nBad {=a\n\nAlso bad {~a ~b}\n"
    result = parse_gift(text)
    assert [e.line for e in result.errors] == [3, 5]
    assert not result.ok
    with pytest.raises(ValueError, match="line 3"):
        result.questions_or_raise()


def test_imports_module_reexports_the_gift_parser():
    assert reexported_parse_gift is parse_gift


def test_a_question_right_after_the_category_line_is_not_lost():
    result = parse_gift("$CATEGORY: $course$/top/X\nWhat? {=a ~b}\n")
    assert [q.prompt for q in result.questions] == ["What?"]
    assert parse_gift("$CATEGORY: $course$/top/X\nWhat? {=a\n").errors[0].line == 2
