"""No second true option: the seed documents' own traps."""

from __future__ import annotations

from datetime import date

from facts.extraction.types import AnswerType, FactData
from quizzes.bank.generation import QuestionData, QuestionKind, generate_questions
from quizzes.bank.generation.ambiguity import is_also_true
from tests.unit.generation import corpus
from tests.unit.generation.corpus import FACTS

TODAY = date(2025, 6, 1)


def _question(fact: FactData, kind: QuestionKind, base: list[FactData] = FACTS) -> QuestionData | None:
    return next((q for q in generate_questions(fact, base, today=TODAY) if q.kind is kind), None)


def _names(question: QuestionData) -> set[str]:
    assert question.options is not None
    return set(question.options)


def test_recognised_on_the_same_day_the_other_country_is_not_an_option() -> None:
    """Poland recognised Kyrgyzstan and Azerbaijan on 27 December 1991."""
    question = _question(corpus.RECOGNITION_KG_COUNTRY, QuestionKind.MC)
    assert question is not None
    assert question.answer == "Kyrgyzstan"
    assert "Azerbaijan" not in _names(question)
    reverse = _question(corpus.RECOGNITION_AZ_COUNTRY, QuestionKind.MC)
    assert reverse is not None and "Kyrgyzstan" not in _names(reverse)


def test_the_recognition_check_is_not_fooled_by_a_different_date_layout() -> None:
    """The two statements write the date differently; the check compares dates, not strings."""
    assert "27 December 1991" in corpus.RECOGNITION_KG.statement
    assert "December 27, 1991" in corpus.RECOGNITION_AZ.statement
    question = _question(
        corpus.RECOGNITION_KG_COUNTRY, QuestionKind.MC, [corpus.RECOGNITION_AZ_COUNTRY, *FACTS]
    )
    assert question is not None and "Azerbaijan" not in _names(question)


def test_the_exclusion_comes_from_the_fact_base_not_a_list_of_names() -> None:
    """Without the Azerbaijani recognition fact, Azerbaijan is a fair distractor again."""
    prompt = "Which country did Poland recognize on 27 December 1991?"
    with_az = [corpus.RECOGNITION_AZ, corpus.RECOGNITION_AZ_COUNTRY]
    without_az = [f for f in FACTS if f not in with_az]
    assert is_also_true("Azerbaijan", corpus.RECOGNITION_KG_COUNTRY, FACTS, prompt)
    assert not is_also_true("Azerbaijan", corpus.RECOGNITION_KG_COUNTRY, without_az, prompt)
    assert not is_also_true("Kazakhstan", corpus.RECOGNITION_KG_COUNTRY, FACTS, prompt)


def test_kwasniewski_visited_kyrgyzstan_and_peru_in_2002() -> None:
    to_kyrgyzstan = _question(corpus.KWASNIEWSKI_KG, QuestionKind.MC)
    to_peru = _question(corpus.KWASNIEWSKI_PE, QuestionKind.MC)
    assert to_kyrgyzstan is not None and to_peru is not None
    assert "Peru" not in _names(to_kyrgyzstan)
    assert "Kyrgyzstan" not in _names(to_peru)
    assert "2002" in to_kyrgyzstan.prompt and "2002" in to_peru.prompt  # the year stays in the question


def test_kaczynski_visited_kazakhstan_and_azerbaijan_in_2007() -> None:
    """Worded differently ("Poland's then President" / "Polish President"), still the same claim."""
    to_azerbaijan = _question(corpus.KACZYNSKI_AZ, QuestionKind.MC)
    to_kazakhstan = _question(corpus.KACZYNSKI_KZ, QuestionKind.MC)
    assert to_azerbaijan is not None and to_kazakhstan is not None
    assert "Kazakhstan" not in _names(to_azerbaijan)
    assert "Azerbaijan" not in _names(to_kazakhstan)


def test_a_visit_to_another_country_in_the_same_year_is_a_fair_distractor() -> None:
    """Lech Wałęsa (not Kaczyński) visited Peru in 2007: Peru may be offered for Kaczyński."""
    offered = set()
    for fact in (corpus.KACZYNSKI_AZ, corpus.KACZYNSKI_KZ):
        question = _question(fact, QuestionKind.MC)
        assert question is not None
        offered |= _names(question)
    assert "Peru" in offered


def test_who_visited_poland_in_1998_leaves_out_the_other_visitor() -> None:
    """Askar Akayev and Alberto Fujimori both visited Poland in 1998."""
    akayev = next(f for f in FACTS if f.answer == "Askar Akayev")
    question = _question(akayev, QuestionKind.MC)
    assert question is not None and question.prompt == "Who visited Poland in 1998?"
    assert "Alberto Fujimori" not in _names(question)


def test_year_of_a_repeated_visit_excludes_the_other_year_and_is_not_typed() -> None:
    """Akayev visited Poland in 1998 and 2004: typing 2004 would be right too, so no typed question."""
    visit_1998 = next(f for f in FACTS if f.answer == "1998" and "Akayev" in f.statement)
    kinds = {q.kind: q for q in generate_questions(visit_1998, FACTS, today=TODAY)}
    assert QuestionKind.TYPED_YEAR not in kinds
    assert QuestionKind.YEAR_CHOICE in kinds
    assert "2004" not in _names(kinds[QuestionKind.YEAR_CHOICE])


def test_a_property_many_things_share_is_not_asked() -> None:
    """ "Which country has an embassy in Warsaw?" has four true answers in the base: no question."""
    embassy = next(f for f in FACTS if f.statement == "Kazakhstan has an embassy in Warsaw.")
    assert _question(embassy, QuestionKind.MC) is None


def test_option_named_in_the_statement_is_never_offered() -> None:
    fact = corpus.fact(
        "Kyrgyzstani students were the 22nd largest group of foreign students in Poland in 2021, and the 21st "
        "largest in 2022.",
        "22nd",
        AnswerType.ORDINAL,
        corpus.KG,
    )
    question = _question(fact, QuestionKind.MC, [fact, *FACTS])
    assert question is not None and "21st" not in _names(question)
