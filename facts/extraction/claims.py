"""A claim is a self-contained statement plus, optionally, the answers it was written for."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Claim:
    """``focus`` lists the answer texts this claim exists to ask about; empty means "any answer in it".

    ``roles`` gives an answer's office or kind when a rule knows it better than the entity finder
    (a mission's city), and ``question`` a hand-built stem for an answer, keyed by answer text.
    """

    text: str
    focus: tuple[str, ...] = ()
    roles: tuple[tuple[str, str], ...] = ()
    questions: tuple[tuple[str, str], ...] = ()
    kinds: tuple[tuple[str, str], ...] = ()  # answer text → AnswerType value, when the rule knows it
