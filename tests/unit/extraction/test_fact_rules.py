"""The fact rules end to end on articles of the seeds' shape about other countries."""

from __future__ import annotations

from facts.extraction import extract_facts, parse_document
from facts.extraction.rules.enumerations import enumeration_claims
from facts.extraction.rules.missions import mission_claims
from facts.extraction.rules.ordinals import ordinal_claims
from facts.extraction.rules.respectively import respectively_claims
from facts.extraction.types import AnswerType, FactData

CHILE = """= Chile–Poland relations =

Infobox
- Party1: Chile
- Party2: Poland
- Mission1: Embassy of Chile, Warsaw
- Envoytitle1: Chilean Ambassador to Poland
- Envoy1: Ana Torres

Chile–Poland relations are bilateral relations. Both nations are members of the OECD and United Nations.

==History==
Poland recognized Chile on 15 January 1922. Several trade agreements were signed between the two countries, concerning fishing (1991), mining (1995) and wine (2003). In October 2020, Poland donated 12,000 COVID-19 vaccines to Chile.

==High-level visits==
High-level visits from Chile to Poland:
- President Michelle Bachelet (2008, 2014)

High-level visits from Poland to Chile:
- Prime Minister Donald Tusk (2012)

==Diplomatic missions==
- Chile has an embassy in Warsaw.
- Poland has an embassy in Santiago and a consulate in Valparaíso.
==See also==
- Foreign relations of Chile
"""


def _facts() -> list[FactData]:
    return extract_facts(parse_document(CHILE))


def _find(facts: list[FactData], answer: str, word: str) -> FactData:
    return next(f for f in facts if f.answer == answer and word in f.statement)


def test_visit_list_gives_one_fact_per_visit_with_direction() -> None:
    facts = _facts()
    first = _find(facts, "2008", "Bachelet")
    assert first.statement == "President Michelle Bachelet of Chile visited Poland in 2008."
    assert _find(facts, "2014", "Bachelet").answer_type is AnswerType.DATE
    person = _find(facts, "Michelle Bachelet", "2014")
    assert (person.answer_type, person.role) == (AnswerType.PERSON, "President")
    assert person.question == "Which President of Chile visited Poland in 2014?"
    assert (
        _find(facts, "2012", "Tusk").statement
        == "Prime Minister Donald Tusk of Poland visited Chile in 2012."
    )


def test_dated_statement_is_self_contained_with_typed_date_and_question() -> None:
    fact = _find(_facts(), "15 January 1922", "recognized")
    assert (fact.date, fact.date_precision.value) == ("1922-01-15", "day")
    assert fact.question == "On what date did Poland recognize Chile?"
    assert fact.document == "Chile–Poland relations" and fact.section == "History"
    assert "15 January 1922" in CHILE[fact.source_start : fact.source_end]


def test_enumeration_gives_one_fact_each_with_resolved_parties() -> None:
    statements = {f.statement for f in _facts() if f.answer in {"1991", "1995", "2003"}}
    assert "A trade agreement was signed between Chile and Poland concerning mining in 1995." in statements
    assert len(statements) == 3
    assert not any("two countries" in s for s in statements)


def test_membership_list_is_split_and_group_reference_resolved() -> None:
    facts = _facts()
    fact = _find(facts, "OECD", "members")
    assert fact.statement == "Chile and Poland are members of the OECD."
    assert fact.answer_type is AnswerType.ORGANISATION


def test_missions_from_list_and_infobox_with_city_role() -> None:
    facts = _facts()
    valparaiso = _find(facts, "Valparaíso", "consulate")
    assert valparaiso.statement == "Poland has a consulate in Valparaíso."
    assert valparaiso.role == "city"
    assert len([f for f in facts if f.statement == "Chile has an embassy in Warsaw."]) == 1
    envoy = _find(facts, "Ana Torres", "Ambassador")
    assert (envoy.role, envoy.question) == ("Ambassador", "Who is the Chilean Ambassador to Poland?")


def test_number_fact_has_value_unit_and_question() -> None:
    fact = _find(_facts(), "12,000", "vaccines")
    assert (fact.number, fact.unit) == (12000.0, "COVID-19 vaccines")
    assert fact.question == "How many COVID-19 vaccines did Poland donate to Chile in October 2020?"


def test_output_is_deterministic_ordered_unique_and_skips_see_also() -> None:
    first, second = _facts(), _facts()
    assert first == second
    keys = [(f.statement, f.answer) for f in first]
    assert len(keys) == len(set(keys))
    assert [f.source_start for f in first] == sorted(f.source_start for f in first)
    assert not any(f.section == "See also" for f in first)
    assert all(f.answer.lower() not in f.question.lower() for f in first if f.question)


def test_respectively_pairs_the_two_lists() -> None:
    claims = respectively_claims(
        "The 2nd Rifle Regiment, the 5th Cavalry Division and 7th Infantry Division were stationed in Tula, Orel and Kursk, respectively"
    )
    assert [c.text for c in claims][:2] == [
        "The 2nd Rifle Regiment was stationed in Tula.",
        "The 5th Cavalry Division was stationed in Orel.",
    ]
    years = respectively_claims(
        "A trade treaty and a visa agreement were signed in 1993 and 1998, respectively"
    )
    assert [c.text for c in years] == [
        "A trade treaty was signed in 1993.",
        "A visa agreement was signed in 1998.",
    ]


def test_enumeration_with_such_as_and_including() -> None:
    such_as = enumeration_claims(
        "Chile and Poland have signed several agreements such as an Agreement on Trade (1968) and an Agreement on Visas (2009)"
    )
    assert [c.text for c in such_as] == [
        "Chile and Poland signed an Agreement on Trade in 1968.",
        "Chile and Poland signed an Agreement on Visas in 2009.",
    ]
    including = enumeration_claims(
        "Several agreements were signed, including a cultural agreement in 2000 and a defense agreement in 2004"
    )
    assert [c.focus[0] for c in including] == ["2000", "2004"]


def test_mission_sentences() -> None:
    [berlin] = mission_claims("Chile is accredited to Poland from its embassy in Berlin")
    assert berlin.text == "Chile is accredited to Poland from its embassy in Berlin."
    [gdansk] = mission_claims("there is an honorary consulate of Chile in Gdańsk")
    assert gdansk.text == "There is an honorary consulate of Chile in Gdańsk."


def test_ordinal_rankings_per_year() -> None:
    claims = ordinal_claims(
        "Chilean students were the 30th largest group of foreign students in Poland in 2021 and the 28th largest in 2022"
    )
    assert [c.text for c in claims] == [
        "Chilean students were the 30th largest group of foreign students in Poland in 2021.",
        "Chilean students were the 28th largest group of foreign students in Poland in 2022.",
    ]
