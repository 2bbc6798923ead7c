"""Distractors that are really wrong and really of the answer's kind, on invented fact bases.

- a capitalised common word that extraction typed as a person ("Church" opening a sentence) is never
  offered as a person: the entity recogniser's label of the candidate in its own sentence must fit;
- names the text lists beside the answer for the same predicate are true too, never wrong options.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from facts.extraction.types import AnswerType, FactData
from quizzes.bank.generation import QuestionKind, generate_questions
from quizzes.bank.generation.labels import entity_label, listed_with

TODAY = date(2025, 6, 1)
DOC = "Freedonia–Sylvania relations"
P, O = AnswerType.PERSON, AnswerType.ORGANISATION  # noqa: E741


def fact(statement: str, answer: str, answer_type: AnswerType, **values: object) -> FactData:
    return FactData(statement, answer, answer_type, "", 0, len(statement), document=DOC, **values)  # type: ignore[arg-type]


def _mc(target: FactData, base: list[FactData]):  # noqa: ANN202
    return next((q for q in generate_questions(target, base, today=TODAY) if q.kind is QuestionKind.MC), None)


VISITORS = [
    fact("Ambassador Tomas Brandt visited Sylvania in 1994.", "Tomas Brandt", P, role="Ambassador"),
    fact("Ambassador Greta Holm visited Sylvania in 1999.", "Greta Holm", P, role="Ambassador"),
    fact("Ambassador Lars Engqvist visited Sylvania in 2003.", "Lars Engqvist", P, role="Ambassador"),
    fact("Ambassador Ivo Marsh visited Sylvania in 2007.", "Ivo Marsh", P, role="Ambassador"),
]
# Extraction's mistakes: capitalised sentence openings typed as people.
MISTYPED = [
    fact("Church leaders from Freedonia visited Sylvania in 2001.", "Church", P, role="Ambassador"),
    fact("People from Freedonia settled in Sylvania after the war.", "People", P, role="Ambassador"),
    fact("Partition of the old duchy followed in 1795.", "Partition", P, role="Ambassador"),
]


def test_the_recogniser_names_the_kind_of_a_name_in_its_own_sentence() -> None:
    assert entity_label(VISITORS[0]) == "PERSON"
    assert entity_label(MISTYPED[0]) != "PERSON"


@pytest.mark.parametrize("target", VISITORS[:2])
def test_a_capitalised_common_word_is_never_offered_as_a_person(target: FactData) -> None:
    question = _mc(target, VISITORS + MISTYPED)
    assert question is not None
    assert not {"Church", "People", "Partition"} & set(question.options or ()), question.options


MEMBERSHIPS = [
    fact(
        "Freedonia and Sylvania are members of the Alpine Trade Council and the Northern Water Union.",
        "Alpine Trade Council",
        O,
    ),
    fact(
        "Freedonia and Sylvania are members of the Alpine Trade Council and the Northern Water Union.",
        "Northern Water Union",
        O,
    ),
    fact(
        "Freedonia applied to join the Coastal Fisheries Commission in 2004.",
        "Coastal Fisheries Commission",
        O,
    ),
    fact("Sylvania left the Eastern Rail Organisation in 1999.", "Eastern Rail Organisation", O),
    fact("Freedonia hosted a summit of the Southern Grain Council in 2010.", "Southern Grain Council", O),
    fact("Sylvania chaired the Highland Roads Council in 2012.", "Highland Roads Council", O),
]


def test_names_listed_beside_the_answer_are_not_wrong_options() -> None:
    target = replace(MEMBERSHIPS[0], question="Which organisation are Freedonia and Sylvania members of?")
    assert "northern water union" in listed_with(target, MEMBERSHIPS)
    question = _mc(target, [target, *MEMBERSHIPS[1:]])
    assert question is not None
    assert "Northern Water Union" not in (question.options or ()), question.options


def test_names_listed_with_the_answer_elsewhere_in_the_document_are_not_wrong_options() -> None:
    """Another sentence of the document lists the three partitioning powers; it names no year, so the
    claim-token check cannot tie it to the question, but the list makes the other two true as well."""
    C = AnswerType.COUNTRY
    target = fact(
        "Ruritania took part in the partition of Freedonia in 1772.",
        "Ruritania",
        C,
        question="Which country took part in the partition of Freedonia in 1772?",
    )
    base = [
        target,
        fact("The partitioning powers were Ruritania, Latveria and Borduria.", "Latveria", C),
        fact("The partitioning powers were Ruritania, Latveria and Borduria.", "Borduria", C),
        fact("Freedonia signed a trade treaty with Osterlich in 1990.", "Osterlich", C),
        fact("Freedonia opened an embassy in Grand Fenwick in 1995.", "Grand Fenwick", C),
        fact("Freedonia recognised Sylvania in 1991.", "Sylvania", C),
        fact("Freedonia's president visited Elbonia in 2004.", "Elbonia", C),
    ]
    assert {"latveria", "borduria"} <= listed_with(target, base)
    question = _mc(target, base)
    assert question is not None
    assert not {"Latveria", "Borduria"} & set(question.options or ()), question.options


def test_a_stem_is_not_cut_from_a_list_of_names() -> None:
    """Asking for one of two listed bodies would leave "… members of and the other?"."""
    question = _mc(MEMBERSHIPS[0], MEMBERSHIPS)
    assert question is None or " and " not in question.prompt.split("members of")[-1]


def test_no_who_question_for_an_answer_the_recogniser_reads_as_a_place() -> None:
    """Extraction typed a fortress as a person; the recogniser reads it as a place in its sentence."""
    fort = fact(
        "Freedonia built a bridge over the river at Fort Duckburg.", "Fort Duckburg", P, role="Ambassador"
    )
    assert generate_questions(fort, [fort, *VISITORS], today=TODAY) == []
    assert generate_questions(VISITORS[0], [fort, *VISITORS], today=TODAY) != []


def test_a_company_is_never_a_person_option() -> None:
    company = fact("Kowal Trading Oy visited Sylvania in 2005.", "Kowal Trading Oy", P, role="Ambassador")
    question = _mc(VISITORS[0], [*VISITORS, company])
    assert question is not None and "Kowal Trading Oy" not in (question.options or ())
