"""Sentence splitting, clause splitting, coreference, entities and question stems."""

from __future__ import annotations

from facts.extraction.clauses import split_clauses
from facts.extraction.coref import Context, parties_from_title, resolve, update
from facts.extraction.entities import find_entities
from facts.extraction.questions import make_question
from facts.extraction.sentences import split_sentences
from facts.extraction.types import AnswerType
from facts.extraction.types import DatePrecision as P


def test_sentences_respect_abbreviations_and_initials_with_offsets() -> None:
    text = "Aid came from the U.S. in 1990. Dr. Smith met J. R. Brown in St. Petersburg. It rained."
    spans = split_sentences(text, offset=10)
    assert [s.text for s in spans] == [
        "Aid came from the U.S. in 1990.",
        "Dr. Smith met J. R. Brown in St. Petersburg.",
        "It rained.",
    ]
    assert all(text[s.start - 10 : s.end - 10] == s.text for s in spans)


def test_clauses_split_two_dated_events_and_restore_the_gapped_verb() -> None:
    clauses = split_clauses(
        "The embassy of Chile opened in Hungary on May 3, 1990, and the Hungarian Embassy in Chile on June 1, 1991."
    )
    assert clauses == [
        "The embassy of Chile opened in Hungary on May 3, 1990",
        "the Hungarian Embassy opened in Chile on June 1, 1991",
    ]


def test_clauses_keep_shared_subject_verb_phrases_together() -> None:
    assert len(split_clauses("Chile took in and offered shelter to 300 refugees, mostly children.")) == 1


def _ctx(title: str) -> Context:
    return Context(parties=parties_from_title(title))


def test_group_references_resolve_to_the_two_parties() -> None:
    ctx = _ctx("Chile–Poland relations")
    assert (
        resolve("Both nations are members of the OECD.", ctx) == "Chile and Poland are members of the OECD."
    )
    assert resolve("A treaty was signed between the two countries in 1999.", ctx).endswith(
        "between Chile and Poland in 1999."
    )
    assert resolve("Trade between the countries grew.", ctx) == "Trade between Chile and Poland grew."


def test_he_they_army_and_same_year_resolve_to_earlier_names() -> None:
    ctx = _ctx("Peru–Poland relations")
    for clause in (
        "The most famous engineer was Ernest Malinowski who built a railway",
        "the Polish Second Army was moved to Peru in 1901",
    ):
        update(ctx, resolve(clause, ctx))
    assert resolve("He also fought in 1866", ctx) == "Ernest Malinowski also fought in 1866"
    assert resolve("In 1902, the army was disbanded", ctx) == "In 1902, the Polish Second Army was disbanded"
    assert resolve("That same year, Peru opened an embassy", ctx) == "In 1901, Peru opened an embassy"
    ctx2 = _ctx("Chile–Poland relations")
    update(ctx2, "Poland recognized Chile on 1 May 1920")
    assert resolve("They backed Chile for membership", ctx2) == "Poland backed Chile for membership"


def test_entities_are_typed_with_offices() -> None:
    entities = find_entities(
        "During the visit, he met President Gabriel Boric, Marshal of the Senate Jan Nowak and the Council of Europe in Lima."
    )
    kinds = {(e.text, e.kind, e.role) for e in entities}
    assert ("Gabriel Boric", AnswerType.PERSON, "President") in kinds
    assert ("Jan Nowak", AnswerType.PERSON, "Marshal of the Senate") in kinds
    assert ("Council of Europe", AnswerType.ORGANISATION, "") in kinds
    assert ("Lima", AnswerType.PLACE, "place") in kinds


def test_questions_front_the_answer_and_never_contain_it() -> None:
    assert (
        make_question(
            "Poland recognized Slovenia on 15 January 1992.", "15 January 1992", AnswerType.DATE, P.DAY
        )
        == "On what date did Poland recognize Slovenia?"
    )
    assert (
        make_question(
            "According to the census of 1959, 1,086 Poles lived in the Kyrgyz SSR.",
            "1,086",
            AnswerType.NUMBER,
            unit="Poles",
        )
        == "How many Poles lived in the Kyrgyz SSR according to the census of 1959?"
    )
    assert (
        make_question(
            "A trade agreement was signed between Chile and Poland in 1995.", "1995", AnswerType.DATE, P.YEAR
        )
        == "In which year was a trade agreement signed between Chile and Poland?"
    )
    assert make_question("Poland has an embassy in Santiago.", "Santiago", AnswerType.PLACE, role="city") == (
        "In which city does Poland have an embassy?"
    )
