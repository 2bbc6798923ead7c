"""Card states and answer grades, shaped like FSRS's own (``fsrs.State``, ``fsrs.Rating``) without importing it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import IntEnum
from typing import Any


class Rating(IntEnum):
    """The four answer grades, numbered as in Anki and FSRS (so keys 1–4 map directly)."""

    AGAIN = 1
    HARD = 2
    GOOD = 3
    EASY = 4


# What a card that was never answered stores as its state (FSRS itself has no "new" state).
NEW_STATE = 0


class State(IntEnum):
    """Where a card is in its life: first steps, long-term review, or relearning after a lapse."""

    LEARNING = 1
    REVIEW = 2
    RELEARNING = 3


def as_utc(value: datetime, name: str) -> datetime:
    """Return ``value`` as a datetime whose tzinfo is exactly ``timezone.utc`` (what fsrs requires).

    Naive datetimes are refused: guessing their timezone would silently move due dates by hours.
    """
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"{name} must be timezone-aware, got naive {value!r}")
    return value.astimezone(UTC)


@dataclass(frozen=True, slots=True)
class CardState:
    """The FSRS memory state of one card, mirroring ``fsrs.Card`` without its id.

    Datetimes are normalised to UTC on construction, so two equal states compare equal whatever
    timezone the caller used.
    """

    state: int
    step: int | None
    stability: float | None
    difficulty: float | None
    due: datetime
    last_review: datetime | None

    def __post_init__(self) -> None:
        object.__setattr__(self, "state", int(State(self.state)))
        object.__setattr__(self, "due", as_utc(self.due, "due"))
        if self.last_review is not None:
            object.__setattr__(self, "last_review", as_utc(self.last_review, "last_review"))
        if self.state != State.REVIEW and self.step is None:
            raise ValueError("a learning or relearning card needs a step")

    @property
    def is_new(self) -> bool:
        """True until the card is answered for the first time."""
        return self.last_review is None

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form, for storing the state before/after a review in the log (exact undo)."""
        return {
            "state": self.state,
            "step": self.step,
            "stability": self.stability,
            "difficulty": self.difficulty,
            "due": self.due.isoformat(),
            "last_review": self.last_review.isoformat() if self.last_review else None,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> CardState:
        """Inverse of ``to_dict``; floats survive a JSON round trip exactly (repr round-trips)."""
        last_review = data.get("last_review")
        return cls(
            state=int(data["state"]),
            step=data.get("step"),
            stability=None if data.get("stability") is None else float(data["stability"]),
            difficulty=None if data.get("difficulty") is None else float(data["difficulty"]),
            due=datetime.fromisoformat(data["due"]),
            last_review=datetime.fromisoformat(last_review) if last_review else None,
        )


def new_card_state(now: datetime) -> CardState:
    """State of a card nobody has studied yet: learning step 0, due immediately."""
    return CardState(state=State.LEARNING, step=0, stability=None, difficulty=None, due=now, last_review=None)
