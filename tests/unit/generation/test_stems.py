"""Stems that fit their answer, mended British verbs, no holes in derived stems, year questions that
ask for a year — and typed years graded on the year inside a typed date."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from facts.extraction import extract_facts, parse_document
from facts.extraction.types import AnswerType, DatePrecision, FactData
from facts.language.verbs import base_form
from quizzes.bank.generation import QuestionKind, generate_questions, grade_typed
from quizzes.bank.generation.prompts import build_prompt, mend_verb_stems, prompt_hole
from quizzes.bank.generation.stems import read_wh, stem_fits

TODAY = date(2025, 6, 1)
ROOT = Path(__file__).resolve().parents[3]
DOC = "Freedonia–Poland relations"


def fact(statement: str, answer: str, answer_type: AnswerType, **values: object) -> FactData:
    return FactData(statement, answer, answer_type, "", 0, len(statement), document=DOC, **values)  # type: ignore[arg-type]


# --- 2. the wh-phrase must fit the answer's type ---------------------------------------------------


@pytest.mark.parametrize(
    ("stem", "answer_type", "fits"),
    [
        ("In which Freedonian city does Poland have an embassy?", AnswerType.PERSON, False),
        ("In which Freedonian city does Poland have an embassy?", AnswerType.PLACE, True),
        ("Who opened the embassy in 1992?", AnswerType.PLACE, False),
        ("Who opened the embassy in 1992?", AnswerType.PERSON, True),
        ("Which Polish president visited Freedonia?", AnswerType.PERSON, True),
        ("Which Polish president visited Freedonia?", AnswerType.ORGANISATION, False),
        ("To which country did Poland send aid?", AnswerType.COUNTRY, True),
        ("To which country did Poland send aid?", AnswerType.PLACE, False),
        ("When did Poland recognise Freedonia?", AnswerType.DATE, True),
        ("When did Poland recognise Freedonia?", AnswerType.NUMBER, False),
        ("In which year did Poland recognise Freedonia?", AnswerType.PERSON, False),
        ("How many Poles live in Freedonia?", AnswerType.NUMBER, True),
        ("How many Poles live in Freedonia?", AnswerType.DATE, False),
        ("What percentage of Poles view Freedonia positively?", AnswerType.NUMBER, True),
        ("Which military alliance did Freedonia join?", AnswerType.ORGANISATION, True),
        ("Which military alliance did Freedonia join?", AnswerType.COUNTRY, False),
        ("Sanctions imposed by which body limit trade with Freedonia?", AnswerType.ORGANISATION, True),
        ("Which agreement did Poland and Freedonia sign in 2014?", AnswerType.OTHER, True),
    ],
)
def test_a_stem_fits_only_answers_of_the_type_it_asks_for(
    stem: str, answer_type: AnswerType, fits: bool
) -> None:
    assert stem_fits(stem, answer_type) is fits


def test_the_wh_phrase_names_noun_and_country() -> None:
    polish = read_wh("Which Polish Prime Minister visited Freedonia in 2008?")
    assert polish is not None and (polish.noun, polish.country, polish.category) == (
        "prime minister",
        "Poland",
        "person",
    )
    of_peru = read_wh("Which Deputy Minister of Foreign Affairs of Peru visited Poland in 2023?")
    assert (
        of_peru is not None
        and of_peru.noun == "deputy minister of foreign affairs"
        and of_peru.country == "Peru"
    )
    place = read_wh("In which place in Kyrgyzstan is there a Polish cemetery?")
    assert place is not None and (place.head, place.country) == ("place", "Kyrgyzstan")


def test_a_stem_asking_for_a_city_is_not_used_for_a_person() -> None:
    ambassador = fact(
        "Jan Nowak is the Polish Ambassador to Freedonia.",
        "Jan Nowak",
        AnswerType.PERSON,
        role="Ambassador",
        question="In which Freedonian city does Poland have an embassy?",
    )
    prompt = build_prompt(ambassador, QuestionKind.MC, "Jan Nowak")
    assert prompt == "Who is the Polish Ambassador to Freedonia?"


def test_a_misfit_stem_with_nothing_to_derive_gives_no_question() -> None:
    misfit = fact(
        "Jan Nowak, Anna Kowal and Piotr Zieliński were ambassadors.",
        "Anna Kowal",
        AnswerType.PERSON,
        question="In which city does Poland have an embassy?",
    )
    assert build_prompt(misfit, QuestionKind.MC, "Anna Kowal") is None


# --- 3. British and American verbs keep their ending ----------------------------------------------


@pytest.mark.parametrize(
    ("verb", "base"),
    [
        ("recognised", "recognise"),
        ("recognized", "recognize"),
        ("organised", "organise"),
        ("apologised", "apologise"),
        ("realised", "realise"),
        ("analysed", "analyse"),
        ("paralyzed", "paralyze"),
        ("privatised", "privatise"),
        ("recognises", "recognise"),
    ],
)
def test_ised_and_ized_verbs_keep_their_e(verb: str, base: str) -> None:
    assert base_form(verb) == base


@pytest.mark.parametrize("verb", ["recognis", "organis", "apologis", "realis", "analys", "recogniz"])
def test_a_verb_cut_by_a_rule_is_mended_from_the_statement(verb: str) -> None:
    statement = f"Poland {verb}ed Freedonia on 3 May 1991."
    assert mend_verb_stems(f"On what date did Poland {verb} Freedonia?", statement) == (
        f"On what date did Poland {verb}e Freedonia?"
    )


def test_a_cut_verb_in_a_hand_written_stem_is_never_shown() -> None:
    recognition = fact(
        "Poland recognised Freedonia on 3 May 1991.",
        "3 May 1991",
        AnswerType.DATE,
        date="1991-05-03",
        date_precision=DatePrecision.DAY,
        question="On what date did Poland recognis Freedonia?",
    )
    prompts = [q.prompt for q in generate_questions(recognition, [recognition], today=TODAY)]
    assert "On what date did Poland recognise Freedonia?" in prompts
    assert "In which year did Poland recognise Freedonia?" in prompts
    assert not any(re.search(r"\brecognis\b", p) for p in prompts)


def test_analysed_and_organised_derive_whole_verbs() -> None:
    for statement, verb in (
        ("Freedonia organised a summit in 1999.", "organise"),
        ("Poland analysed the treaty in 1999.", "analyse"),
        ("Poland apologised to Freedonia in 1999.", "apologise"),
    ):
        f = fact(statement, "1999", AnswerType.DATE, date="1999", date_precision=DatePrecision.YEAR)
        prompt = build_prompt(f, QuestionKind.TYPED_YEAR, "1999")
        assert prompt is not None and f" {verb} " in prompt


# --- 4. no holes in derived stems -----------------------------------------------------------------

# Written independently of the checks in prompts.py, so the test does not grade the code with its own ruler.
HOLES = re.compile(
    "|".join(
        [
            r"\b(?:the|a|an)\s+(?:and|or|of|the|a|an|in|to|by|with|for|was|were|is|are)\b",  # "both the and"
            r"\b(?:and|or)\s+(?:and|or)\b",
            r"\(\s*\)|\(\s|\s\)",  # "( )"
            r"\(\s*(?:later|formerly|now|then|and|or|the|of|in)\s*\)",  # "(later )"
            r"\b(?:and|or|the|a|an|both|between|either|than|its)\s*\?$",  # "in 1830 and?"
            r"\bof the\s*\?$",
            r"[-–—,;:]\s*\?$",
            r"\s{2}",
            r"\s[,.;:?!]",
            r"\b(\w+)\s+\1\b",
            r"\b(?:recognis|organis|apologis|realis)\b",
        ]
    ),
    re.IGNORECASE,
)


@pytest.mark.parametrize(
    ("statement", "answer", "answer_type"),
    [
        (
            "Poland backed Freedonia for membership in both the Council of Europe and the World Trade Organization.",
            "Council of Europe",
            AnswerType.ORGANISATION,
        ),
        ("Poland was divided by Russia, Austria and Prussia (later Germany).", "Germany", AnswerType.COUNTRY),
        ("Poles rose against Russian rule most notably in 1830 and 1863.", "1863", AnswerType.DATE),
        (
            "Poland supports Freedonia's bid to join the European Union and NATO.",
            "European Union",
            AnswerType.ORGANISATION,
        ),
    ],
)
def test_statements_that_would_leave_a_hole_give_no_derived_prompt(
    statement: str, answer: str, answer_type: AnswerType
) -> None:
    f = fact(statement, answer, answer_type, date=answer if answer.isdigit() else None)
    for kind in (QuestionKind.MC, QuestionKind.YEAR_CHOICE):
        prompt = build_prompt(f, kind, answer)
        assert prompt is None or not HOLES.search(prompt), prompt


@pytest.mark.parametrize(
    "prompt",
    [
        "Which organisation did Poland back Freedonia for membership in both the and the WTO?",
        "Which country was Poland divided by Russia, Austria and Prussia (later )?",
        "In which year did Poles stand up against Russian rule most notably in 1830 and?",
        "When did Small numbers of Polish migrants emigrate to Peru?",
        "In which decades did Poles deport to Kazakhstan were moving to Kyrgyzstan?",
    ],
)
def test_the_hole_check_names_what_was_lost(prompt: str) -> None:
    assert prompt_hole(prompt)


def _seed_facts() -> list[FactData]:
    facts: list[FactData] = []
    for path in sorted((ROOT / "fixtures" / "documents").glob("*.txt")):
        doc = parse_document(path.read_text(encoding="utf-8"))
        facts += [f if f.document else replace(f, document=doc.title) for f in extract_facts(doc)]
    return facts


@pytest.mark.parametrize("derived", [False, True], ids=["extracted stems", "derived stems"])
def test_every_prompt_on_the_seed_articles_is_whole(derived: bool) -> None:
    facts = _seed_facts()
    if derived:  # make every stem one generation derives itself
        facts = [replace(f, question="") for f in facts]
    prompts = [q.prompt for f in facts for q in generate_questions(f, facts, today=TODAY)]
    assert len(prompts) > 150
    bad = [p for p in prompts if HOLES.search(p) or not p.endswith("?") or not p[:1].isupper()]
    assert bad == []


# --- 5. year questions ask for a year, and a typed date is graded on its year ----------------------


def test_typed_year_never_asks_for_a_month() -> None:
    visit = fact(
        "Prime Minister Jan Nowak paid an official visit to Freedonia in May 2008.",
        "May 2008",
        AnswerType.DATE,
        date="2008-05",
        date_precision=DatePrecision.MONTH,
        question="In which month and year did Prime Minister Jan Nowak pay an official visit to Freedonia?",
    )
    questions = {q.kind: q for q in generate_questions(visit, [visit], today=TODAY)}
    assert questions[QuestionKind.MC].prompt.startswith("In which month and year")
    typed = questions[QuestionKind.TYPED_YEAR]
    assert typed.prompt == "In which year did Prime Minister Jan Nowak pay an official visit to Freedonia?"
    assert typed.answer == "2008"


def test_a_stem_that_asks_for_the_month_is_not_used_for_a_year() -> None:
    visit = fact(
        "Jan Nowak visited Freedonia in May 2008.",
        "May 2008",
        AnswerType.DATE,
        date="2008-05",
        date_precision=DatePrecision.MONTH,
        question="Which month and year saw Jan Nowak visit Freedonia?",
    )
    assert not stem_fits(visit.question, AnswerType.DATE, year=True)
    assert (
        build_prompt(visit, QuestionKind.TYPED_YEAR, "2008") == "In which year did Jan Nowak visit Freedonia?"
    )


@pytest.mark.parametrize("typed", ["May 2008", "3 May 2008", "May 3, 2008", "2008-05"])
def test_a_typed_date_is_graded_on_its_year(typed: str) -> None:
    grade = grade_typed(QuestionKind.TYPED_YEAR, "2008", typed)
    assert grade.correct and grade.message == "Right — the year is what counts here."


def test_a_typed_date_in_another_year_says_how_far_off() -> None:
    grade = grade_typed(QuestionKind.TYPED_YEAR, "2008", "May 2005")
    assert not grade.correct and grade.off_by == 3 and "it was 2008" in grade.message
    assert grade_typed(QuestionKind.TYPED_YEAR, "2008", "2008").message == "Exactly right."
