"""One grader for study and quizzes (quizzes.bank.answers): the stricter of the two old rule sets."""

import pytest

from quizzes.bank.answers import AnswerRefused, answer_grade, options_shown

OPTIONS = ("1989", "1990", "1991", "1992")


def grade(raw, kind="mc", options=OPTIONS, answer_index=2, answer="1991"):
    return answer_grade(kind=kind, options=options, answer_index=answer_index, answer=answer, raw=raw)


def test_a_choice_is_graded_by_its_canonical_index():
    right, wrong = grade("2"), grade(" 0 ")
    assert (right.correct, right.given, right.chosen_index) == (True, "1991", 2)
    assert (wrong.correct, wrong.given, wrong.chosen_index) == (False, "1989", 0)


@pytest.mark.parametrize("raw", ["4", "-1", "x", ""])
def test_an_option_that_is_not_the_questions_own_is_refused(raw):
    with pytest.raises(AnswerRefused):
        grade(raw)


def test_an_over_long_answer_is_refused_even_for_a_choice_question():
    with pytest.raises(AnswerRefused, match="too long"):
        grade("2" + " " * 300 + "x")


def test_typed_answers_empty_refused_question_mark_is_no_answer():
    with pytest.raises(AnswerRefused, match="Type an answer first"):
        grade("  ", kind="typed_year", options=None, answer_index=None)
    dont_know = grade("?", kind="typed_year", options=None, answer_index=None)
    assert (dont_know.correct, dont_know.given, dont_know.message) == (False, "", "No answer given.")


def test_detail_hides_exactly_right_and_off_by_for_names():
    exact = grade("1991", kind="typed_year", options=None, answer_index=None)
    off = grade("1988", kind="typed_year", options=None, answer_index=None)
    name = grade("Warsaw", kind="typed_text", options=None, answer_index=None, answer="Kraków")
    assert exact.correct and exact.detail == ""
    assert not off.correct and "3" in off.detail
    assert not name.correct and name.detail == ""


def test_options_shown_in_display_order_with_keys_and_marks():
    shown = options_shown(OPTIONS, [3, 2, 9, 0], answer_index=2, chosen_index=0)
    assert [(o.key, o.index, o.text, o.correct, o.chosen) for o in shown] == [
        (1, 3, "1992", False, False),
        (2, 2, "1991", True, False),
        (3, 0, "1989", False, True),
    ]
