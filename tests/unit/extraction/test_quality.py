"""Quality rules added on top of the pipeline: question validation, atomic splits, entity typing.

Sentences here are invented (about countries and people the seed articles never mention), so the
rules are shown to generalise rather than to fit the seeds.
"""

from __future__ import annotations

import pytest

from facts.extraction import extract_facts, parse_document
from facts.extraction.entities import find_entities
from facts.extraction.pipeline import strip_discourse_marker
from facts.extraction.questions import lower_first, make_question, validate_question
from facts.extraction.rules.distributive import distributive_claims
from facts.extraction.rules.ordinals import rank_question
from facts.extraction.types import AnswerType
from facts.extraction.types import DatePrecision as P


def facts_of(body: str, title: str = "Chile–Norway relations") -> list:
    return extract_facts(parse_document(f"= {title} =\n\n==History==\n{body}\n"))


def by_answer(facts: list, answer: str) -> list:
    return [f for f in facts if f.answer == answer]


@pytest.mark.parametrize(
    "stem",
    [
        "Which organisation are Chile and Norway full members of the?",  # dangling article
        "Which organisation are Chile and Norway full members of and the?",
        "In early which year did the army move to Tromsø?",  # wh-phrase not at the front
        "In the which decade did settlers reach Bergen?",
        "In which place is There a Chilean cemetery?",  # sentence opening left capitalised
        "How many settlers are At present there in Bergen?",
        "By which country was Chile divided (later ) in the war?",  # leftover of a removed answer
        "Which country was Chile divided by Spain ( ) in the war?",
        "Who 's novel was published in Oslo in 1901?",
        "In which year did  Chile open an embassy?",  # doubled space
        "In which year did Chile and and Norway sign a treaty?",
        "Which number was the treaty signed?",
        "In which year did the army take over the camps and expelled the settlers?",  # two finite verbs
        "In which year did the settlers were deported to Bergen?",
        "Who met his wife in Oslo in 1901?",  # pronoun lost its antecedent
    ],
)
def test_validation_rejects_broken_stems(stem: str) -> None:
    assert validate_question(stem, "1901-X") == ""


@pytest.mark.parametrize(
    "stem",
    [
        "On what date did Chile recognize Norway?",
        "Which organisation are Chile and Norway members of?",
        "In which city does Norway have an embassy?",
        "How many settlers lived in Bergen in 1890?",
        "What was the rank of Chilean students among the largest groups of foreign students in Norway in 2020?",
    ],
)
def test_validation_keeps_good_stems(stem: str) -> None:
    assert validate_question(stem, "Santiago") == stem


def test_validation_rejects_a_stem_that_contains_its_answer() -> None:
    assert validate_question("Which city hosts the Oslo embassy?", "Oslo") == ""


def test_sentence_initial_common_words_are_lowered_but_names_kept() -> None:
    common = frozenset({"bilateral", "turnover", "goods"})
    assert lower_first("Bilateral relations", common) == "bilateral relations"
    assert lower_first("There", common) == "there"
    assert lower_first("Norwegian settlers", common) == "Norwegian settlers"  # a demonym stays
    assert lower_first("Chile", common) == "Chile"  # a country stays
    assert lower_first("Haugland", common) == "Haugland"  # not a word the document writes in lower case
    question = make_question(
        "Bilateral relations were established on 3 March 1994.",
        "3 March 1994",
        AnswerType.DATE,
        P.DAY,
        common_words=common,
    )
    assert question == "On what date were bilateral relations established?"


def test_expletive_there_and_time_openers_invert_cleanly() -> None:
    assert (
        make_question("There is a Chilean cemetery in Tromsø.", "Tromsø", AnswerType.PLACE)
        == "In which place is there a Chilean cemetery?"
    )
    assert (
        make_question(
            "At present there are over 900 Chileans in Norway.",
            "over 900",
            AnswerType.NUMBER,
            unit="Chileans",
        )
        == "How many Chileans are there in Norway at present?"
    )


def test_early_year_is_one_date_and_its_question_has_no_stray_qualifier() -> None:
    [fact] = by_answer(
        facts_of("In early 1944, the Norwegian brigade was moved to Valparaíso."), "early 1944"
    )
    assert fact.answer_type is AnswerType.DATE and fact.date == "1944"
    assert fact.question == "In which year was the Norwegian brigade moved to Valparaíso?"


def test_ordinal_facts_get_a_rank_question() -> None:
    facts = facts_of(
        "Chilean students were the seventh largest group of foreign students in Norway in 2019, "
        "and the fourth largest in 2020."
    )
    [seventh] = by_answer(facts, "seventh")
    [fourth] = by_answer(facts, "fourth")
    assert seventh.question == (
        "What was the rank of Chilean students among the largest groups of foreign students in Norway in 2019?"
    )
    assert fourth.statement.endswith("in 2020.") and "2019" not in fourth.statement
    assert rank_question("The delegation is", "biggest", "team at the games") == (
        "What is the rank of the delegation among the biggest teams at the games?"
    )


def test_anniversary_ordinal_is_asked_about() -> None:
    facts = facts_of("In 2005, 1999 marked the 100th anniversary of the first Chilean consulate in Oslo.")
    facts += facts_of("2010 marks the 90th anniversary of trade between Chile and Norway.")
    [ninetieth] = by_answer(facts, "90th")
    assert ninetieth.answer_type is AnswerType.ORDINAL
    assert ninetieth.question == "Which anniversary of trade between Chile and Norway does 2010 mark?"


def test_parties_with_their_own_dates_become_separate_claims() -> None:
    claims = distributive_claims(
        "Both peoples rose against colonial rule, Chileans chiefly in 1810 and 1818 and the Mapuche people in 1881"
    )
    assert [c.text for c in claims] == [
        "Chileans rose against colonial rule chiefly in 1810 and 1818.",
        "The Mapuche people rose against colonial rule in 1881.",
    ]
    assert claims[1].focus == ("1881",)
    assert distributive_claims("Chile rose against Spain in 1810, and Norway in 1905") == []


def test_statement_with_several_dates_keeps_no_rule_stem() -> None:
    facts = facts_of("The Chilean Post supported the Neruda Year 2004 and the Ibsen Year 2006 in Norway.")
    dated = [f for f in facts if f.answer_type is AnswerType.DATE]
    assert {f.answer for f in dated} == {"2004", "2006"}
    assert all(f.question == "" for f in dated)


def test_colon_introducing_a_clause_splits_and_respectively_pairs_up() -> None:
    facts = facts_of(
        "Presidents of Chile visited Norway twice: Chilean presidents Ana Ruiz and Tomás Vidal "
        "visited Norway in 1996 and 2003 respectively."
    )
    [vidal] = [f for f in facts if f.answer == "2003"]
    assert vidal.statement == "Chilean president Tomás Vidal visited Norway in 2003."
    assert vidal.question == "In which year did Chilean president Tomás Vidal visit Norway?"


def test_month_names_are_not_verbs_so_a_date_list_stays_whole() -> None:
    facts = facts_of("The king visited Chile twice: on state visits in March 1990 and May 2001.")
    assert {f.statement for f in facts if f.answer_type is AnswerType.DATE} == {
        "The king visited Chile twice: on state visits in March 1990 and May 2001."
    }


def test_hyphenated_adjectives_are_never_places() -> None:
    kinds = {
        e.text: e.kind for e in find_entities("Settlers came from German-occupied western Chile to Oslo.")
    }
    assert "German-occupied" not in kinds
    assert kinds.get("Oslo") is AnswerType.PLACE


def test_a_state_named_with_an_article_is_not_a_person() -> None:
    facts = facts_of(
        "Envoys came in 1520, during the Kara Tepe, which was the state of the highland clans. "
        "In 1521, a mission was sent to Norway by Kara Tepe."
    )
    typed = {f.answer_type for f in by_answer(facts, "Kara Tepe")}
    assert typed == {AnswerType.COUNTRY}
    [asked] = [f for f in by_answer(facts, "Kara Tepe") if f.question]
    assert asked.question == "By which state was a mission sent to Norway in 1521?"


def test_discourse_openers_are_dropped_from_statements() -> None:
    assert strip_discourse_marker("So, in 1520, envoys came to Oslo") == "In 1520, envoys came to Oslo"
    assert strip_discourse_marker("It is also notable that Vidal went to Oslo in 1930") == (
        "Vidal went to Oslo in 1930"
    )
    assert strip_discourse_marker("Southern Chile was settled") == "Southern Chile was settled"


def test_a_place_inside_a_name_is_not_asked_with_in_which_place() -> None:
    assert (
        make_question("The rest was equipment for the Chilean Embassy in Oslo.", "Oslo", AnswerType.PLACE)
        == ""
    )


def test_mission_with_leading_year_keeps_the_year_out_of_the_subject() -> None:
    facts = facts_of("In 1931 Chile opened an honorary consulate in Bergen.")
    [bergen] = by_answer(facts, "Bergen")
    assert bergen.statement == "In 1931, Chile opened an honorary consulate in Bergen."
    assert bergen.question == "In which Norwegian city did Chile open an honorary consulate in 1931?"
    assert by_answer(facts, "1931")


def test_infobox_envoy_facts_point_at_their_own_lines() -> None:
    text = (
        "= Chile–Norway relations =\n\nInfobox\n- Party1: Chile\n- Party2: Norway\n"
        "- Envoytitle1: Chilean Ambassador to Norway\n- Envoy1: Ana Ruiz\n\nChile and Norway trade.\n"
    )
    doc = parse_document(text)
    [fact] = [f for f in extract_facts(doc) if f.answer == "Ana Ruiz"]
    assert doc.text[fact.source_start : fact.source_end] == (
        "Envoytitle1: Chilean Ambassador to Norway\n- Envoy1: Ana Ruiz"
    )
