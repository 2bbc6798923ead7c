"""Property tests: the invariants hold for every fact, hand-made or random.

1. exactly one option equals the answer; 2. no duplicate options; 3. every option has the answer's
type (and layout); 4. the prompt never contains the answer (nor a date's year, nor a number's digits).
"""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from facts.extraction.types import AnswerType, DatePrecision, FactData
from facts.language.dates import MONTHS
from facts.language.numbers import cardinal_word, fraction_word
from quizzes.bank.generation import generate_questions
from quizzes.bank.generation.ordinals import ordinal_digits
from quizzes.bank.generation.spans import parse_day_span, parse_numbered_span
from tests.unit.generation.corpus import FACTS
from tests.unit.generation.helpers import assert_invariants

TODAY = date(2025, 6, 1)
SUBJECTS = [
    "Poland",
    "Kazakhstan",
    "The Polish embassy",
    "Trade between Peru and Poland",
    "President Andrzej Duda",
]
VERBS = ["signed the agreement", "opened a consulate", "visited Lima", "hosted the forum", "was founded"]


@pytest.mark.parametrize("fact", FACTS, ids=lambda f: f"{f.answer_type}:{f.answer}")
def test_invariants_hold_on_the_hand_corpus(fact: FactData) -> None:
    for question in generate_questions(fact, FACTS, today=TODAY):
        assert_invariants(question, fact, FACTS)


def _fact(statement: str, answer: str, answer_type: AnswerType, **extra: object) -> FactData:
    return FactData(
        statement=statement,
        answer=answer,
        answer_type=answer_type,
        section="",
        source_start=0,
        source_end=len(statement),
        document="Kazakhstan–Poland relations",
        **extra,
    )  # type: ignore[arg-type]


@st.composite
def date_facts(draw: st.DrawFn) -> FactData:
    day = draw(st.dates(min_value=date(1000, 1, 1), max_value=TODAY))
    precision = draw(st.sampled_from([DatePrecision.DAY, DatePrecision.MONTH, DatePrecision.YEAR]))
    style = draw(st.sampled_from(["dmy", "mdy"]))
    month = MONTHS[day.month - 1]
    if precision is DatePrecision.DAY:
        text = f"{day.day} {month} {day.year}" if style == "dmy" else f"{month} {day.day}, {day.year}"
        preposition = "on"
    elif precision is DatePrecision.MONTH:
        text, preposition = f"{month} {day.year}", "in"
    else:
        text, preposition = str(day.year), "in"
    subject, verb = draw(st.sampled_from(SUBJECTS)), draw(st.sampled_from(VERBS))
    return _fact(
        f"{subject} {verb} {preposition} {text}.",
        text,
        AnswerType.DATE,
        date=day.isoformat(),
        date_precision=precision,
    )


@st.composite
def number_facts(draw: st.DrawFn) -> FactData:
    value = draw(st.integers(min_value=1, max_value=5_000_000))
    zeros = draw(st.integers(min_value=0, max_value=3))
    value = max(1, round(value, -zeros))
    qualifier = draw(st.sampled_from(["", "over ", "nearly ", "about "]))
    form = draw(st.sampled_from(["plain", "comma", "money", "percent", "decimal"]))
    if form == "percent":
        text = f"{qualifier}{value % 99 + 1}%"
    elif form == "money":
        text = f"{qualifier}US${value % 900 + 10} million"
    elif form == "decimal":
        text = f"{qualifier}${(value % 900 + 11) / 10:.1f} billion"
    else:
        text = f"{qualifier}{value:,}" if form == "comma" else f"{qualifier}{value}"
    if form in ("money", "decimal"):
        statement = f"In 2014, trade between Kazakhstan and Poland totaled {text}."
    elif form == "percent":
        statement = f"According to a 2013 poll, {text} of Poles view Kazakhstan positively."
    else:
        statement = f"In 2016, Poland donated {text} books to Kazakhstan."
    return _fact(statement, text, AnswerType.NUMBER, number=float(value), qualifier=qualifier.strip())


@st.composite
def ordinal_facts(draw: st.DrawFn) -> FactData:
    n = draw(st.integers(min_value=1, max_value=150))
    words = draw(st.booleans()) and n < 100
    from quizzes.bank.generation.ordinals import ordinal_digits, ordinal_word

    text = ordinal_word(n) if words else ordinal_digits(n)
    year = draw(st.integers(min_value=1990, max_value=2024))
    return _fact(
        f"Kazakhstani students were the {text} largest group of foreign students in Poland in {year}.",
        str(text),
        AnswerType.ORDINAL,
    )


@st.composite
def entity_facts(draw: st.DrawFn) -> FactData:
    """A fact shaped like a corpus fact of a named kind, with the answer swapped for another name."""
    template = draw(
        st.sampled_from(
            [
                f
                for f in FACTS
                if f.answer_type
                in (AnswerType.PERSON, AnswerType.COUNTRY, AnswerType.PLACE, AnswerType.ORGANISATION)
            ]
        )
    )
    same_type = sorted({f.answer for f in FACTS if f.answer_type is template.answer_type})
    new_answer = draw(st.sampled_from(same_type))
    statement = template.statement.replace(template.answer, new_answer)
    return _fact(statement, new_answer, template.answer_type, role=template.role)


@st.composite
def junk_facts(draw: st.DrawFn) -> FactData:
    """Whatever extraction might hand over: empty fields, answers not in the statement, odd types."""
    text = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=60)
    return FactData(
        statement=draw(text),
        answer=draw(text),
        answer_type=draw(st.sampled_from(list(AnswerType))),
        section="",
        source_start=0,
        source_end=0,
        role=draw(st.sampled_from(["", "President", "city"])),
        question=draw(st.sampled_from(["", "What?", draw(text)])),
        date_precision=draw(st.sampled_from(list(DatePrecision))),
    )


@st.composite
def period_facts(draw: st.DrawFn) -> FactData:
    """Times that are not one date: year ranges, decades, centuries, runs of days, "early 1942"."""
    shape = draw(st.sampled_from(["years", "decades", "century", "hundreds", "days", "phase"]))
    subject, verb = draw(st.sampled_from(SUBJECTS)), draw(st.sampled_from(VERBS))
    if shape == "years":
        start = draw(st.integers(min_value=1000, max_value=TODAY.year - 1))
        end = min(TODAY.year, start + draw(st.integers(min_value=1, max_value=4)))
        text = f"{start}{draw(st.sampled_from(['–', '-']))}{end}"
        values = {"date": str(start), "date_end": str(end), "date_precision": DatePrecision.YEAR_RANGE}
    elif shape == "decades":
        first = draw(st.integers(min_value=100, max_value=TODAY.year // 10)) * 10
        pair = draw(st.booleans()) and first + 10 <= TODAY.year
        text = f"the {first}s" + (f" and {first + 10}s" if pair else "")
        values = {"date": str(first), "date_precision": DatePrecision.DECADE}
    elif shape in ("century", "hundreds"):
        n = draw(st.integers(min_value=5, max_value=20))
        phase = draw(st.sampled_from(["", "early ", "middle of the ", "late "]))
        hundreds = f"{phase}{(n - 1) * 100}s"
        text = hundreds if shape == "hundreds" else f"{phase}{ordinal_digits(n)} century"
        values = {"date": str((n - 1) * 100 + 1), "date_precision": DatePrecision.CENTURY}
    elif shape == "days":
        day = draw(st.dates(min_value=date(1900, 1, 1), max_value=date(TODAY.year - 1, 12, 20)))
        first = min(day.day, 24)
        last = first + draw(st.integers(min_value=1, max_value=4))
        month = MONTHS[day.month - 1]
        text = draw(
            st.sampled_from([f"{first} to {last} {month} {day.year}", f"{month} {first}–{last}, {day.year}"])
        )
        values = {"date": date(day.year, day.month, first).isoformat(), "date_precision": DatePrecision.DAY}
        return _fact(f"{subject} {verb} from {text}.", text, AnswerType.DATE, **values)
    else:
        year = draw(st.integers(min_value=1000, max_value=TODAY.year - 1))
        text = f"{draw(st.sampled_from(['early ', 'late ', 'mid-']))}{year}"
        values = {"date": str(year), "date_precision": DatePrecision.YEAR}
    return _fact(f"{subject} {verb} in {text}.", text, AnswerType.DATE, **values)


@st.composite
def word_number_facts(draw: st.DrawFn) -> FactData:
    """Counts and shares written in words: "three occasions", "two-thirds of the value"."""
    if draw(st.booleans()):
        n = draw(st.integers(min_value=1, max_value=40))
        word = cardinal_word(n) or "one"
        statement = f"Poland donated {word} ambulances to Kazakhstan in 2016."
        return _fact(statement, word, AnswerType.NUMBER, number=float(n))
    denominator = draw(st.sampled_from([2, 3, 4, 5]))
    numerator = draw(st.integers(min_value=1, max_value=denominator - 1))
    word = fraction_word(numerator, denominator) or "one-half"
    statement = f"As of 2017, {word} of the value of Polish imports from Peru was fruit."
    return _fact(statement, word, AnswerType.NUMBER, number=numerator / denominator)


any_fact = st.one_of(
    date_facts(), number_facts(), ordinal_facts(), entity_facts(), period_facts(), word_number_facts()
)
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(any_fact)
def test_invariants_hold_on_random_facts(fact: FactData) -> None:
    base = [*FACTS, fact]
    for question in generate_questions(fact, base, today=TODAY):
        assert_invariants(question, fact, base)


@SETTINGS
@given(period_facts())
def test_period_options_are_past_and_of_the_same_length(fact: FactData) -> None:
    base = [*FACTS, fact]
    questions = generate_questions(fact, base, today=TODAY)
    for question in questions:
        assert_invariants(question, fact, base)
        for option in question.options or ():
            span, days = parse_numbered_span(option, fact.date_precision), parse_day_span(option)
            if span is not None:
                assert span.first_year <= TODAY.year and (span.ordinal or span.values[-1] <= TODAY.year)
            if days is not None:
                assert date(days.year, days.month, days.last) <= TODAY


@SETTINGS
@given(junk_facts())
def test_junk_never_crashes_and_keeps_invariants(fact: FactData) -> None:
    base = [*FACTS, fact]
    for question in generate_questions(fact, base, today=TODAY):
        assert_invariants(question, fact, base)


def test_random_facts_do_produce_choice_questions() -> None:
    """Guard against the property tests passing vacuously because nothing is generated."""
    produced = {q.kind for f in FACTS for q in generate_questions(f, FACTS, today=TODAY)}
    assert produced == {"mc", "year_choice", "date_choice", "typed_year", "typed_number", "typed_text"}
