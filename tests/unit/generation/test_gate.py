"""The quality gate, one rule at a time, on invented sentences (never the seeds' or dev documents')."""

from __future__ import annotations

import pytest

from quizzes.bank.generation.gate import REFUSAL_REASONS, Refusal, check_stem, refusal_counts, vocabulary

STATEMENT = (
    "Soon after the war, Freedonia recognised the Republic of Sylvania in 1950, and the painter Marek Olbrycht "
    "settled in Duckburg along the Wharf river."
)
WORDS = vocabulary(STATEMENT)


def gate(stem: str, answers: tuple[str, ...] = ("1950",)) -> str | None:
    return check_stem(stem, answers=answers, context=STATEMENT, known_words=WORDS)


@pytest.mark.parametrize(
    "stem",
    [
        "In which year did Freedonia recognise the Republic of Sylvania soon after the war?",
        "Who settled in Duckburg along the Wharf river?",
        "Which river did Marek Olbrycht settle in Duckburg along?",
        "Did Freedonia recognise the Republic of Sylvania soon after the war?",
        "Soon after the war, which republic did Freedonia recognise?",
        "Freedonia recognised which republic soon after the war?",
        "To which republic did Freedonia pay a visit?",
        "In which years were over 3,000 settlers from Freedonia sent to Duckburg after the war?",
    ],
)
def test_a_well_formed_answerable_question_passes(stem: str) -> None:
    assert gate(stem, ("Sylvania", "1950")) is None if "Sylvania" not in stem else gate(stem) is None


@pytest.mark.parametrize(
    ("stem", "reason"),
    [
        ("In which year did Freedonia recognise the Republic of Sylvania", "not_a_question"),
        ("In which year did Freedonia recognise it? Who settled?", "not_a_question"),
        ("in which year did Freedonia recognise the Republic of Sylvania?", "not_a_question"),
        ("In which year Freedonia the Republic of Sylvania?", "no_finite_verb"),
        ("Freedonia recognised the Republic of Sylvania soon after the war?", "not_interrogative"),
        # A fronted phrase left between the auxiliary and the subject, and do-support before a past form.
        (
            "In which year did soon after the war, Freedonia recognize the Republic of Sylvania?",
            "misplaced_phrase",
        ),
        ("In which year was, after the war, the Republic of Sylvania recognised?", "misplaced_phrase"),
        ("In which year does as early a Marek Olbrycht became aware of Duckburg?", "misplaced_phrase"),
        ("In which year did Marek Olbrycht became aware of Duckburg?", "broken_verb"),
        ("On what date did Freedonia lead by Marek Olbrycht won the war?", "broken_verb"),
        ("In which place did Marek Olbrycht settle along?", "dangling_end"),
        ("In which year did the war end after?", "dangling_end"),
        ("Which republic did Freedonia recognise and?", "dangling_end"),
        ("Which republic is Freedonia a neighbour of and the Wharf river?", "dangling_end"),
        (
            "In which year did Marek Olbrycht settle in Duckburg in the summer of with his family?",
            "dangling_end",
        ),
        ("Who was Freedonia led by Marek Olbrycht and by?", "dangling_end"),
        ("Who painting, the Wharf river, hung in Duckburg?", "broken_verb"),
        ("Which country refused to sign it?", "vague_reference"),
        ("In which year did the war end?", "no_anchor"),
        ("In which year did Marek Olbrycht settl in Duckburg?", "unknown_word"),
        ("In which year did Marek Olbrycht belonge to Duckburg?", "unknown_word"),
        ("In which year did Marek Olbrycht restor the Wharf river?", "unknown_word"),
        ('In which year did Marek Olbrycht paint " " Wharf River"?', "broken_punctuation"),
        ("How many -year did Marek Olbrycht live in Duckburg?", "broken_punctuation"),
        ("In which year did Freedonia recognise the Republic of Sylvania in 1950?", "gives_answer"),
    ],
)
def test_each_rule_refuses_its_fault(stem: str, reason: str) -> None:
    assert reason in REFUSAL_REASONS
    assert gate(stem) == reason


def test_the_answer_is_found_whatever_its_accents_and_case() -> None:
    assert gate("Who did Freedonia honour with the Order of Olbrycht?", ("ÓLBRYCHT",)) == "gives_answer"


def test_a_word_of_the_document_is_known_even_when_english_lacks_it() -> None:
    statement = "The Zbrowski brothers founded Kwiatkowo in 1902."
    stem = "Who founded Kwiatkowo in 1902?"
    assert (
        check_stem(stem, answers=("Zbrowski",), context=statement, known_words=vocabulary(statement)) is None
    )
    elsewhere = "Who founded Kwiatkowo in Plorvania?"  # a name from no document
    assert check_stem(
        elsewhere, answers=("Zbrowski",), context=statement, known_words=vocabulary(statement)
    ) == ("unknown_word")


def test_a_base_form_of_the_statements_verb_is_known() -> None:
    """ "baptise" is not in the document (which says "baptised") and is rare in English, but it is the
    lemma of the statement's own verb."""
    statement = "The missionaries baptised Jan Kowal in Duckburg in 1596."
    stem = "In which year did the missionaries baptise Jan Kowal in Duckburg?"
    assert check_stem(stem, answers=("1596",), context=statement, known_words=vocabulary(statement)) is None


def test_the_anchor_must_come_from_the_fact() -> None:
    """A name the fact does not mention is no anchor: the question would be about something else."""
    assert gate("In which year did Ruritania recognise its neighbour?") == "no_anchor"


def test_refusals_are_counted_by_reason_with_every_reason_present() -> None:
    counts = refusal_counts(
        [Refusal("no_anchor", "a?"), Refusal("no_anchor", "b?"), Refusal("unknown_word", "c?")]
    )
    assert counts["no_anchor"] == 2 and counts["unknown_word"] == 1
    assert set(counts) == set(REFUSAL_REASONS) and counts["gives_answer"] == 0
