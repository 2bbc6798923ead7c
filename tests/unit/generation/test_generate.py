"""What generate_questions returns: kinds per fact, determinism, no weak questions, shuffling."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from facts.extraction.types import AnswerType, DatePrecision, FactData
from facts.language.numbers import parse_number_text
from quizzes.bank.generation import GENERATOR_VERSION, QuestionKind, generate_questions, shuffle_options
from tests.unit.generation import corpus
from tests.unit.generation.corpus import FACTS, KG, fact

TODAY = date(2025, 6, 1)
ROOT = Path(__file__).resolve().parents[3]


def _all(base: list[FactData] = FACTS) -> list:
    return [q for f in base for q in generate_questions(f, base, today=TODAY)]


def test_generator_version_is_an_int() -> None:
    assert isinstance(GENERATOR_VERSION, int) and GENERATOR_VERSION >= 1


def test_kinds_follow_the_answer() -> None:
    day = {q.kind for q in generate_questions(corpus.RECOGNITION_AZ, FACTS, today=TODAY)}
    assert day == {QuestionKind.DATE_CHOICE, QuestionKind.YEAR_CHOICE, QuestionKind.TYPED_YEAR}
    donation = next(f for f in FACTS if f.answer == "55,200")
    assert {q.kind for q in generate_questions(donation, FACTS, today=TODAY)} >= {QuestionKind.MC}
    person = next(f for f in FACTS if f.answer == "Kim Il Sung")
    assert {q.kind for q in generate_questions(person, FACTS, today=TODAY)} == {QuestionKind.MC}


def test_at_most_one_question_per_fact_and_kind() -> None:
    for f in FACTS:
        kinds = [q.kind for q in generate_questions(f, FACTS, today=TODAY)]
        assert len(kinds) == len(set(kinds))


def test_same_input_same_output() -> None:
    assert _all() == _all()


def test_output_does_not_depend_on_the_process_hash_seed() -> None:
    """Seeds come from sha256, not the salted built-in hash(): two interpreters agree."""
    script = (
        "import json, datetime\n"
        "from quizzes.bank.generation import generate_questions\n"
        "from tests.unit.generation.corpus import FACTS\n"
        "out = [[q.prompt, q.options] for f in FACTS for q in generate_questions(f, FACTS, "
        "today=datetime.date(2025, 6, 1))]\n"
        "print(json.dumps(out))\n"
    )
    runs = []
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(ROOT)}
        result = subprocess.run(
            [sys.executable, "-c", script], env=env, cwd=ROOT, capture_output=True, text=True, check=True
        )
        runs.append(json.loads(result.stdout))
    assert runs[0] == runs[1] and runs[0]


def test_answer_is_not_always_in_the_same_place() -> None:
    positions = Counter(q.answer_index for q in _all() if q.options)
    assert len(positions) == 4
    assert max(positions.values()) < 0.5 * sum(positions.values())


def test_the_longest_option_is_not_a_giveaway() -> None:
    """Across the corpus the answer is the strictly longest option no more often than chance allows."""
    choice = [q for q in _all() if q.options and q.kind is QuestionKind.MC]
    longest = [q for q in choice if all(len(q.answer) > len(o) for o in q.options if o != q.answer)]
    assert len(longest) <= 0.35 * len(choice)


def test_number_options_are_written_like_the_answer() -> None:
    for q in _all():
        if q.kind is QuestionKind.MC and q.answer_type is AnswerType.NUMBER:
            answer = parse_number_text(q.answer)
            assert answer is not None
            for option in q.options:
                parsed = parse_number_text(option)
                assert parsed is not None
                assert (parsed.separator or "") == (answer.separator or "") or parsed.value < 1000
                if answer.value >= 10:  # small counts step by units instead: 5% gets 1%…9%
                    assert 0.5 <= parsed.total / answer.total <= 2.0
                else:
                    assert abs(parsed.value - answer.value) <= max(3, answer.value)


def test_person_with_too_few_others_gets_a_typed_question_instead_of_choice() -> None:
    """Three good distractors do not exist: no weak multiple choice; the learner types the name."""
    people = [
        fact(
            "President Askar Akayev visited Poland in 1998.",
            "Askar Akayev",
            AnswerType.PERSON,
            KG,
            role="President",
        ),
        fact(
            "Prime Minister Igor Chudinov visited Poland in 2008.",
            "Igor Chudinov",
            AnswerType.PERSON,
            KG,
            role="Prime Minister",
        ),
        fact(
            "President Aleksander Kwaśniewski visited Kyrgyzstan in 2002.",
            "Aleksander Kwaśniewski",
            AnswerType.PERSON,
            KG,
            role="President",
        ),
    ]
    questions = generate_questions(people[0], people, today=TODAY)
    assert [(q.kind, q.prompt, q.answer, q.options) for q in questions] == [
        (QuestionKind.TYPED_TEXT, "Who visited Poland in 1998?", "Askar Akayev", None)
    ]


def test_person_distractors_share_the_role_when_the_corpus_allows() -> None:
    akayev = next(f for f in FACTS if f.answer == "Askar Akayev")
    question = next(q for q in generate_questions(akayev, FACTS, today=TODAY) if q.kind is QuestionKind.MC)
    roles = {f.answer: f.role for f in FACTS if f.answer_type is AnswerType.PERSON}
    assert all(roles[o] == "President" for o in question.options)


def test_place_distractors_are_of_the_same_kind() -> None:
    gliwice = next(f for f in FACTS if f.answer == "Gliwice")
    question = generate_questions(gliwice, FACTS, today=TODAY)[0]
    cities = {f.answer for f in FACTS if f.answer_type is AnswerType.PLACE and f.role == "city"}
    assert set(question.options) <= cities
    assert "Kayyngdy" not in question.options  # a village, not a city


def test_country_distractors_prefer_neighbours_and_never_the_collections_home() -> None:
    question = next(q for q in generate_questions(corpus.KWASNIEWSKI_PE, FACTS, today=TODAY))
    assert "Poland" not in question.options
    assert "Kyrgyzstan" not in question.options


@pytest.mark.parametrize("field", ["subject", "question", "role", "document", "section"])
def test_empty_optional_fields_are_fine(field: str) -> None:
    for f in FACTS:
        stripped = replace(f, **{field: ""})
        generate_questions(stripped, FACTS, today=TODAY)


def test_empty_statement_or_answer_gives_nothing() -> None:
    assert generate_questions(replace(FACTS[0], answer=""), FACTS, today=TODAY) == []
    assert generate_questions(replace(FACTS[0], statement="  "), FACTS, today=TODAY) == []


def test_date_without_a_parseable_answer_gives_nothing() -> None:
    vague = fact(
        "Polish migrants emigrated to Peru some time after the uprising.",
        "some time after the uprising",
        AnswerType.DATE,
        corpus.PE,
        date="1870",
        date_precision=DatePrecision.CENTURY,
    )
    assert generate_questions(vague, FACTS, today=TODAY) == []


def test_shuffle_is_pure_and_tracks_the_answer() -> None:
    options = ("1987", "1989", "1991", "1994")
    first = shuffle_options(options, 2, seed="learner-7:question-3")
    assert first == shuffle_options(options, 2, seed="learner-7:question-3")
    shuffled, index = first
    assert sorted(shuffled) == sorted(options) and shuffled[index] == "1991"
    orders = {shuffle_options(options, 2, seed=s)[0] for s in range(40)}
    assert len(orders) > 10


def test_explanation_is_the_fact_statement() -> None:
    for f in FACTS[:10]:
        for q in generate_questions(f, FACTS, today=TODAY):
            assert q.explanation == f.statement
