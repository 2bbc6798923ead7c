"""Names, their kinds, references and confidence, on documents invented for these tests.

Freedonia, Sylvania and their people are made up; nothing here can pass by fitting the seed or dev articles.
Every entry of ``gazetteer.ORG_WORDS`` is shown here on an invented name.
"""

from __future__ import annotations

import pytest

from facts.extraction import REVIEW_THRESHOLD, extract_facts, parse_document
from facts.extraction.confidence import Doubt, confidence
from facts.extraction.entities import Registry, find_entities, is_common_word
from facts.extraction.gazetteer import ORG_WORDS
from facts.extraction.types import AnswerType


def facts_of(body: str, title: str = "Freedonia–Sylvania relations"):
    return extract_facts(parse_document(f"= {title} =\n\n== History ==\n{body}\n"))


def answers(facts, kind: AnswerType | None = None) -> set[str]:
    return {f.answer for f in facts if kind is None or f.answer_type is kind}


@pytest.mark.parametrize("head", sorted(ORG_WORDS - {"Nations"}))
def test_each_organisation_head_makes_an_organisation(head: str) -> None:
    facts = facts_of(f"The Marrow Valley {head} was set up in Sylvania in 1950 by Ana Kovač.")
    assert f"Marrow Valley {head}" in answers(facts, AnswerType.ORGANISATION)


def test_united_nations_is_an_organisation_not_two_countries() -> None:
    facts = facts_of("Sylvania joined the United Nations in 1955.")
    assert "United Nations" in answers(facts, AnswerType.ORGANISATION)


@pytest.mark.parametrize(
    "units",
    [
        ("Uhlan Regiment", "Infantry Division"),
        ("Lancer Brigade", "Rifle Battalion"),
        ("Hussar Squadron", "Mountain Brigade"),
    ],
)
def test_military_units_of_any_name_pair_with_their_places(units: tuple[str, str]) -> None:
    first, second = units
    facts = facts_of(
        f"The 1st {first}, the 8th {second} and 10th {second} were stationed in Otar, Shokpak and Lugovoy, "
        "respectively."
    )
    assert answers(facts, AnswerType.ORGANISATION) >= {f"1st {first}", f"8th {second}", f"10th {second}"}
    otar = next(f for f in facts if f.answer == "Otar")
    assert (
        otar.answer_type is AnswerType.PLACE and otar.statement == f"The 1st {first} was stationed in Otar."
    )


def test_a_word_the_document_writes_in_lower_case_is_not_a_name() -> None:
    common = frozenset({"embassy", "war"})
    assert is_common_word("Embassy", common) and is_common_word("Wars", common)
    assert is_common_word("However") and is_common_word("September") and is_common_word("Minister")
    assert not is_common_word("Kovač", common)


def test_a_capitalised_common_word_is_no_person_and_no_distractor() -> None:
    facts = facts_of(
        "The church in Otar was rebuilt in 1921. In 1923 Church and State were separated in Sylvania, "
        "and the partition of the estate followed."
    )
    assert not answers(facts, AnswerType.PERSON)


def test_the_recogniser_finds_a_name_with_no_cue_the_rules_would_miss() -> None:
    facts = facts_of("LOT Polish Airlines has long been a customer of Airbus, and Sylvania Air of Boeing.")
    assert "Airbus" in answers(facts, AnswerType.ORGANISATION)


def test_the_recogniser_corrects_a_person_guessed_from_two_capitalised_words() -> None:
    registry = Registry(names={"Santa Catarina": "GPE", "Ana Kovač": "PERSON"})
    found = {
        e.text: e
        for e in find_entities("Settlers landed in Santa Catarina with Ana Kovač in 1869.", registry)
    }
    assert found["Santa Catarina"].kind is AnswerType.PLACE and found["Santa Catarina"].source == "disputed"
    assert found["Ana Kovač"].kind is AnswerType.PERSON and found["Ana Kovač"].source == "both"


def test_an_office_before_a_name_wins_over_the_recogniser() -> None:
    registry = Registry(names={"Rufus Firefly": "ORG"})
    [person] = [
        e
        for e in find_entities("President Rufus Firefly visited Sylvania in 1933.", registry)
        if e.text == "Rufus Firefly"
    ]
    assert person.kind is AnswerType.PERSON and person.role == "President" and person.source == "disputed"


# --- "both nations", "the two countries": the pair the text points back to ------------------------------


def test_the_two_countries_after_another_pair_are_that_pair() -> None:
    facts = facts_of(
        "The United States and Mexico fought a war in 1846. The two countries signed a treaty in 1848."
    )
    [treaty] = [f for f in facts if f.answer == "1848"]
    assert treaty.statement == "The United States and Mexico signed a treaty in 1848."


def test_both_nations_with_no_other_pair_named_are_the_articles_parties() -> None:
    facts = facts_of("Trade grew quickly in 2019. Both nations signed a customs treaty in 2020.")
    [treaty] = [f for f in facts if f.answer == "2020"]
    assert treaty.statement == "Freedonia and Sylvania signed a customs treaty in 2020."


def test_both_countries_after_a_third_country_are_that_one_and_the_party() -> None:
    facts = facts_of("Sylvania signed a pact with Germany in 1925. Both countries ratified it in 1926.")
    [pact] = [f for f in facts if f.answer == "1926"]
    assert pact.statement.startswith("Sylvania and Germany ratified")


def test_both_countries_after_three_countries_make_no_fact() -> None:
    facts = facts_of(
        "Germany, France and Italy met in Sylvania in 1925. Both countries ratified a pact in 1926."
    )
    assert not [f for f in facts if f.answer == "1926"]
    assert [f for f in facts if f.answer == "1925"]


def test_a_new_section_starts_again_from_the_parties() -> None:
    text = (
        "= Freedonia–Sylvania relations =\n\n== War ==\nGermany and France fought in Sylvania in 1914.\n\n"
        "== Trade ==\nThe two countries signed a trade agreement in 1995.\n"
    )
    [trade] = [f for f in extract_facts(parse_document(text)) if f.answer == "1995"]
    assert trade.statement == "Freedonia and Sylvania signed a trade agreement in 1995."


# --- confidence ---------------------------------------------------------------------------------------------


def test_confidence_multiplies_its_doubts() -> None:
    assert confidence(()) == 1.0
    assert confidence((Doubt.REFERENCE_GUESSED, Doubt.KIND_UNCONFIRMED)) < REVIEW_THRESHOLD
    assert confidence((Doubt.REFERENCE_RESOLVED,)) > REVIEW_THRESHOLD


def test_a_plain_fact_is_certain_and_a_resolved_reference_is_less_so() -> None:
    facts = facts_of("Freedonia recognised Sylvania on 3 May 1921. Both nations opened embassies in 1922.")
    [recognition] = [f for f in facts if f.answer == "3 May 1921"]
    [embassies] = [f for f in facts if f.answer == "1922"]
    assert recognition.confidence == 1.0
    assert embassies.confidence < 1.0 and embassies.statement.startswith("Freedonia and Sylvania")


def test_a_disputed_kind_lowers_the_confidence() -> None:
    facts = facts_of(
        "The 1st Lancer Brigade, the 8th Rifle Battalion and 10th Rifle Battalion were stationed in "
        "Otar, Shokpak and Lugovoy, respectively."
    )
    by_answer = {f.answer: f for f in facts}
    assert by_answer["1st Lancer Brigade"].confidence == 1.0
    assert all(by_answer[p].confidence <= 1.0 for p in ("Otar", "Shokpak", "Lugovoy"))


def test_a_country_named_with_its_long_form_keeps_no_article_in_the_pair() -> None:
    facts = facts_of(
        "Relations between the Republic of Freedonia and the Kingdom of Sylvania began in 1920. "
        "The two countries signed a treaty in 1921."
    )
    [treaty] = [f for f in facts if f.answer == "1921"]
    assert treaty.statement == "Freedonia and Sylvania signed a treaty in 1921."
