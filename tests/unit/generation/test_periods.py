"""Answers that are not one number or one date: periods, runs of days, counts in words, other names,
places of a kind, month-and-year stems. Each gets a question of its own shape, or none."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from facts.extraction.types import AnswerType, DatePrecision, FactData
from quizzes.bank.generation import QuestionData, QuestionKind, generate_questions
from quizzes.bank.generation.spans import parse_day_span, parse_numbered_span
from tests.unit.generation import corpus
from tests.unit.generation.corpus import FACTS, KZ, PE, fact
from tests.unit.generation.helpers import assert_invariants

TODAY = date(2025, 6, 1)


def _questions(f: FactData, extra: list[FactData] | None = None) -> dict[QuestionKind, QuestionData]:
    base = [*FACTS, *(extra or []), f]
    questions = generate_questions(f, base, today=TODAY)
    for q in questions:
        assert_invariants(q, f, base)
    return {q.kind: q for q in questions}


def test_a_year_range_gets_ranges_of_the_same_length_that_do_not_overlap_it() -> None:
    repatriation = fact(
        "After the war, over 62,000 Poles were repatriated from the Kazakh SSR to Poland in 1946–1948.",
        "1946–1948",
        AnswerType.DATE,
        KZ,
        date="1946",
        date_end="1948",
        date_precision=DatePrecision.YEAR_RANGE,
        question="In which years were over 62,000 Poles repatriated from the Kazakh SSR to Poland after the war?",
    )
    question = _questions(repatriation)[QuestionKind.MC]
    assert question.prompt.startswith("In which years")
    spans = [parse_numbered_span(o) for o in question.options or ()]
    assert all(s is not None and s.values[1] - s.values[0] == 2 for s in spans)
    others = [s for s in spans if s is not None and s.values != (1946, 1948)]
    assert all(s.values[1] < 1946 or s.values[0] > 1948 for s in others)
    assert all("–" in o for o in question.options or ())


def test_a_derived_prompt_for_a_year_range_asks_which_years() -> None:
    range_fact = fact(
        "Poland hosted the forum in 1937–1938.", "1937–1938", AnswerType.DATE, KZ,
        date="1937", date_end="1938", date_precision=DatePrecision.YEAR_RANGE,
    )  # fmt: skip
    question = _questions(range_fact)[QuestionKind.MC]
    assert question.prompt == "In which years did Poland host the forum?"


def test_two_decades_get_other_pairs_of_decades_none_in_the_future() -> None:
    moving = fact(
        "In the 1950s and 1960s, many Poles moved from Kazakhstan to Kyrgyzstan.",
        "1950s and 1960s",
        AnswerType.DATE,
        corpus.KG,
        date="1950",
        date_precision=DatePrecision.DECADE,
    )
    question = _questions(moving)[QuestionKind.MC]
    assert question.prompt == "In which decades did many Poles move from Kazakhstan to Kyrgyzstan?"
    for option in question.options or ():
        span = parse_numbered_span(option)
        assert span is not None and len(span.values) == 2 and span.values[1] <= TODAY.year


def test_a_part_of_a_century_gets_the_same_part_of_other_centuries() -> None:
    translation = fact(
        "In the middle of the 19th century the epos Koroghlu was translated by Aleksander Chodźko.",
        "middle of the 19th century",
        AnswerType.DATE,
        corpus.AZ,
        date="1833",
        date_precision=DatePrecision.CENTURY,
        question="When was the epos Koroghlu translated by Aleksander Chodźko?",
    )
    options = _questions(translation)[QuestionKind.MC].options or ()
    assert all(o.startswith("middle of the ") and o.endswith(" century") for o in options)
    assert "middle of the 21st century" not in options  # still to come


def test_late_1800s_moves_by_centuries_not_decades() -> None:
    migration = fact(
        "In the late 1800s, small numbers of Polish migrants emigrated to Peru.",
        "late 1800s",
        AnswerType.DATE,
        PE,
        date="1870",
        date_precision=DatePrecision.CENTURY,
    )
    options = set(_questions(migration)[QuestionKind.MC].options or ())
    assert "late 1800s" in options and options <= {
        "late 1500s",
        "late 1600s",
        "late 1700s",
        "late 1800s",
        "late 1900s",
    }


def test_early_1942_is_asked_as_a_year() -> None:
    relocation = fact(
        "In early 1942, a portion of the Polish Anders' Army was relocated to southern Kazakhstan.",
        "early 1942",
        AnswerType.DATE,
        KZ,
        date="1942",
        date_precision=DatePrecision.YEAR,
    )
    questions = _questions(relocation)
    assert questions[QuestionKind.YEAR_CHOICE].answer == "1942"
    assert questions[QuestionKind.YEAR_CHOICE].prompt.startswith("In which year was a portion")
    assert questions[QuestionKind.TYPED_YEAR].answer == "1942"


def test_a_run_of_days_gets_runs_of_the_same_length_and_layout_and_the_year() -> None:
    visit = fact(
        "Polish President Andrzej Duda paid a state visit to Kazakhstan from 6 to 8 September 2017.",
        "6 to 8 September 2017",
        AnswerType.DATE,
        KZ,
        date="2017-09-06",
        date_end="2017-09-08",
        date_precision=DatePrecision.DAY,
    )
    questions = _questions(visit)
    choice = questions[QuestionKind.DATE_CHOICE]
    assert choice.prompt == "When did Polish President Andrzej Duda pay a state visit to Kazakhstan?"
    for option in choice.options or ():
        days = parse_day_span(option)
        assert days is not None and days.last - days.first == 2 and " to " in option
    assert questions[QuestionKind.YEAR_CHOICE].answer == "2017"
    assert questions[QuestionKind.YEAR_CHOICE].prompt.startswith("In which year did")


def test_counts_in_words_get_counts_in_words() -> None:
    visits = fact(
        "The first President of Kazakhstan, Nursultan Nazarbayev, visited Poland on three occasions.",
        "three",
        AnswerType.NUMBER,
        KZ,
        number=3.0,
        question="On how many occasions did Nursultan Nazarbayev, the first President of Kazakhstan, visit Poland?",
    )
    questions = _questions(visits)
    assert set(questions) == {QuestionKind.MC}  # typing "3" for "three" is not asked
    options = questions[QuestionKind.MC].options or ()
    assert all(o.isalpha() and o.islower() for o in options) and "three" in options


def test_a_share_in_words_gets_other_shares_in_words() -> None:
    share = fact(
        "As of 2017, two-thirds of the value of Polish imports from North Korea was plastics.",
        "two-thirds",
        AnswerType.NUMBER,
        corpus.NK,
        number=2 / 3,
    )
    question = _questions(share)[QuestionKind.MC]
    assert (
        question.prompt
        == "What share of the value of Polish imports from North Korea was plastics as of 2017?"
    )
    assert all("-" in o for o in question.options or ())


def test_a_round_figure_with_few_neighbours_gets_half_steps() -> None:
    businesses = fact(
        "More than 200 Polish businesses are operating in Kazakhstan.",
        "More than 200",
        AnswerType.NUMBER,
        KZ,
        number=200.0,
        qualifier="more than",
    )
    options = _questions(businesses)[QuestionKind.MC].options or ()
    assert all(o.startswith("More than ") for o in options) and "More than 200" in options


AGREEMENTS = [
    fact(f"Peru and Poland signed an Agreement on {topic} in {year}.", str(year), AnswerType.DATE, PE,
         date=str(year), date_precision=DatePrecision.YEAR)
    for topic, year in (("Trade", 1968), ("Tourism", 2008), ("Scientific and Cultural Cooperation", 2009))
]  # fmt: skip
PRISONERS = fact(
    "Peru and Poland signed an Agreement on the Transfer of Prisoners in 2014.",
    "Agreement on the Transfer of Prisoners",
    AnswerType.OTHER,
    PE,
    question="Which agreement did Peru and Poland sign in 2014?",
)


def test_other_answers_get_look_alike_names_from_the_base() -> None:
    question = _questions(PRISONERS, AGREEMENTS)[QuestionKind.MC]
    assert set(question.options or ()) == {
        "Agreement on the Transfer of Prisoners",
        "Agreement on Trade",
        "Agreement on Tourism",
        "Agreement on Scientific and Cultural Cooperation",
    }


def test_other_answers_without_three_look_alikes_get_a_typed_question_only_when_short() -> None:
    assert _questions(PRISONERS, AGREEMENTS[:2]) == {}  # six words: too long to type from memory
    decoration = fact(
        "In May 2002, President Aleksander Kwaśniewski awarded Nursultan Nazarbayev the Order of the White Eagle.",
        "Order of the White Eagle",
        AnswerType.OTHER,
        KZ,
        role="decoration",
    )
    typed = _questions(decoration)
    assert set(typed) == {QuestionKind.TYPED_TEXT}
    assert typed[QuestionKind.TYPED_TEXT].answer == "Order of the White Eagle"


VILLAGES = [
    fact(f"The {unit} was stationed in the village of {name}.", name, AnswerType.PLACE, KZ, role="place")
    for unit, name in (("1st Uhlan Regiment", "Otar"), ("8th Infantry Division", "Shokpak"),
                       ("10th Infantry Division", "Lugovoy"), ("5th Division", "Kermine"))
]  # fmt: skip


def test_a_city_without_a_role_gets_cities_and_a_capital_gets_capitals_first() -> None:
    lot = fact(
        "LOT Polish Airlines operates a service from Warsaw to Astana.",
        "Warsaw",
        AnswerType.PLACE,
        KZ,
        question="From which city does LOT Polish Airlines operate a service to Astana?",
    )
    question = _questions(lot, VILLAGES)[QuestionKind.MC]
    options = set(question.options or ())
    assert not options & {v.answer for v in VILLAGES}
    embassies = {f.answer for f in FACTS if "embassy in" in f.statement and f.answer_type is AnswerType.PLACE}
    assert options - {"Warsaw"} <= embassies, options


def test_a_village_gets_villages() -> None:
    question = _questions(replace(VILLAGES[0], role=""), VILLAGES[1:])[QuestionKind.MC]
    assert set(question.options or ()) == {v.answer for v in VILLAGES}


def test_a_month_and_year_stem_is_kept_for_months_and_turned_into_a_year_stem_for_years() -> None:
    donation = next(f for f in FACTS if f.date_precision is DatePrecision.MONTH and "vaccines" in f.statement)
    stem = "In which month and year did Poland donate 55,200 COVID-19 vaccines to Kyrgyzstan?"
    questions = _questions(replace(donation, question=stem))
    assert questions[QuestionKind.MC].prompt == stem
    assert questions[QuestionKind.MC].answer == "October 2021"
    year_stem = "In which year did Poland donate 55,200 COVID-19 vaccines to Kyrgyzstan?"
    assert questions[QuestionKind.YEAR_CHOICE].prompt == year_stem
    assert questions[QuestionKind.TYPED_YEAR].prompt == year_stem


def test_a_year_stem_on_a_month_answer_asks_for_the_month_and_year() -> None:
    donation = next(f for f in FACTS if f.date_precision is DatePrecision.MONTH and "vaccines" in f.statement)
    stem = "In which year did Poland donate 55,200 COVID-19 vaccines to Kyrgyzstan?"
    question = _questions(replace(donation, question=stem))[QuestionKind.MC]
    assert question.prompt.startswith("In which month and year did Poland donate")
