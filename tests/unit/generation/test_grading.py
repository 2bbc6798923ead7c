"""Typed answers are graded kindly but fairly; teachers' option sets are checked."""

from __future__ import annotations

import pytest

from quizzes.bank.generation import QuestionKind, grade_typed, validate_options


def test_exact_year_earns_credit() -> None:
    grade = grade_typed(QuestionKind.TYPED_YEAR, "1991", " 1991 ")
    assert grade.correct and grade.off_by == 0 and grade.message == "Exactly right."


@pytest.mark.parametrize(
    ("given", "off_by", "words"), [("1994", 3, "Off by 3 years"), ("1990", 1, "Off by 1 year ")]
)
def test_near_year_gets_no_credit_but_says_how_far(given: str, off_by: int, words: str) -> None:
    grade = grade_typed(QuestionKind.TYPED_YEAR, "1991", given)
    assert not grade.correct
    assert grade.off_by == off_by
    assert grade.message.startswith(words.strip())


def test_year_direction_is_reported() -> None:
    assert "too late" in grade_typed(QuestionKind.TYPED_YEAR, "1991", "1994").message
    assert "too early" in grade_typed(QuestionKind.TYPED_YEAR, "1991", "1988").message


def test_not_a_year() -> None:
    grade = grade_typed(QuestionKind.TYPED_YEAR, "1991", "nineteen ninety")
    assert not grade.correct and grade.off_by is None


@pytest.mark.parametrize(
    "given", ["55,200", "55200", "55 200", "55.200", "55\u202f200", "55'200", "55.2k", " 55,200 "]
)
def test_usual_number_formats_are_one_number(given: str) -> None:
    grade = grade_typed(QuestionKind.TYPED_NUMBER, "55,200", given)
    assert grade.correct, (given, grade)
    assert grade.normalized == "55200"


def test_point_is_a_decimal_mark_when_the_answer_is_small() -> None:
    assert grade_typed(QuestionKind.TYPED_NUMBER, "166.9", "166.9").correct
    assert not grade_typed(QuestionKind.TYPED_NUMBER, "55,200", "55.21").correct


def test_exact_figures_need_the_exact_value() -> None:
    grade = grade_typed(QuestionKind.TYPED_NUMBER, "1,086", "1,100")
    assert not grade.correct
    assert grade.off_by == 14
    assert "Off by 14" in grade.message


def test_hedged_figures_accept_values_within_ten_percent() -> None:
    assert grade_typed(QuestionKind.TYPED_NUMBER, "over 11,000", "11,000").correct
    assert grade_typed(QuestionKind.TYPED_NUMBER, "over 11,000", "11500").correct
    assert grade_typed(QuestionKind.TYPED_NUMBER, "nearly 77,000", "75,000").correct
    assert not grade_typed(QuestionKind.TYPED_NUMBER, "over 11,000", "13,000").correct


def test_scale_words_and_currency() -> None:
    assert grade_typed(QuestionKind.TYPED_NUMBER, "US$201 million", "201").correct
    assert grade_typed(QuestionKind.TYPED_NUMBER, "US$201 million", "$201 million").correct
    assert grade_typed(QuestionKind.TYPED_NUMBER, "US$201 million", "201,000,000").correct
    assert not grade_typed(QuestionKind.TYPED_NUMBER, "US$201 million", "266").correct
    assert grade_typed(QuestionKind.TYPED_NUMBER, "$2.2 billion", "2.2bn").correct


def test_percent_sign_is_optional() -> None:
    assert grade_typed(QuestionKind.TYPED_NUMBER, "5%", "5").correct
    assert grade_typed(QuestionKind.TYPED_NUMBER, "5%", "5 %").correct
    assert not grade_typed(QuestionKind.TYPED_NUMBER, "5%", "6%").correct


def test_not_a_number() -> None:
    grade = grade_typed(QuestionKind.TYPED_NUMBER, "55,200", "lots")
    assert not grade.correct and grade.off_by is None


def test_text_ignores_case_accents_and_spaces() -> None:
    assert grade_typed(QuestionKind.MC, "Aleksander Kwaśniewski", "  aleksander   kwasniewski ").correct
    assert grade_typed(QuestionKind.MC, "Lech Wałęsa", "LECH WAŁĘSA").correct
    assert not grade_typed(QuestionKind.MC, "Lech Wałęsa", "Lech Kaczyński").correct
    assert not grade_typed(QuestionKind.MC, "Peru", "").correct


def test_valid_options_have_no_errors() -> None:
    assert validate_options(["Kyrgyzstan", "Kazakhstan", "Peru", "Azerbaijan"], 0) == []


def test_duplicate_options_after_normalisation_are_reported() -> None:
    errors = validate_options(["Kwaśniewski", "kwasniewski ", "Duda"], 2)
    assert len(errors) == 1 and "same" in errors[0]


@pytest.mark.parametrize("count", [1, 7])
def test_option_count_must_be_two_to_six(count: int) -> None:
    errors = validate_options([f"option {i}" for i in range(count)], 0)
    assert any("between 2 and 6" in e for e in errors)


@pytest.mark.parametrize("index", [None, -1, 4])
def test_exactly_one_right_option_must_be_marked(index: int | None) -> None:
    errors = validate_options(["a", "b", "c", "d"], index)
    assert errors == ["Mark exactly one option as the right answer."]


def test_empty_option_is_reported() -> None:
    assert any("empty" in e for e in validate_options(["a", "  ", "c"], 0))


def test_overlong_typed_input_is_refused_before_parsing():
    # A learner could otherwise send megabytes of digits and spaces to the number reader.
    assert not grade_typed("typed_number", "55,200", "55,200" + " " * 300).correct
    assert not grade_typed("typed_number", "55,200", "1" + " " * 5000 + "x").correct


def test_spacing_inside_a_typed_number_is_forgiven():
    assert grade_typed("typed_number", "55,200", "55  200").correct
    assert grade_typed("typed_number", "55,200", " 55 200 ").correct
