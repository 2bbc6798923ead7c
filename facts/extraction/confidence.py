"""How sure extraction is of a fact, 0..1, and the threshold under which a fact waits for a reviewer.

Each doubt multiplies the confidence by its factor, so two doubts weigh more than one. A fact below
``REVIEW_THRESHOLD`` stays a draft even when the ingest is told to approve what it reads.
"""

from __future__ import annotations

from enum import Enum

REVIEW_THRESHOLD = 0.65  # a disputed kind of name (0.6) alone is enough to ask a reviewer


class Doubt(float, Enum):
    """A reason to doubt a fact, valued by the factor it multiplies the confidence by."""

    REFERENCE_GUESSED = 0.7  # "they"/"it" rewritten as the previous clause's subject
    REFERENCE_RESOLVED = 0.9  # "both nations", "he", "the army" rewritten as the name they stand for
    KIND_UNCONFIRMED = 0.8  # the name's kind comes from one source only (rules, or the recogniser)
    KIND_DISPUTED = 0.6  # the recogniser and the rules disagree on the kind of name
    CROWDED = 0.9  # the statement holds several answers of the same kind
    LONG = 0.85  # a statement of more than 45 words asks a lot of a learner
    UNTYPED = 0.6  # an answer of no known kind


def confidence(doubts: tuple[Doubt, ...] | list[Doubt]) -> float:
    value = 1.0
    for doubt in doubts:
        value *= doubt.value
    return round(value, 3)
