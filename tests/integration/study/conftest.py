"""Helpers for the study tests: decks of questions and a fixed clock."""

import datetime as dt

import pytest

from tests.factories import DocumentFactory, FactFactory, QuestionFactory

# A Monday, midday UTC: far from any day boundary unless a test moves it.
NOW = dt.datetime(2025, 3, 10, 12, 0, tzinfo=dt.UTC)


@pytest.fixture
def make_questions(db):
    """``make_questions(n)``: n approved facts with one multiple-choice question each, in document order."""

    def make(n, *, document=None, section="History", **question_fields):
        document = document or DocumentFactory()
        return [
            QuestionFactory(
                fact=FactFactory(document=document, section=section, position=i), **question_fields
            )
            for i in range(n)
        ]

    return make
