"""Plain data passed between extraction, storage and question generation.

Nothing here touches the database: extraction returns these, services turn them into
rows, and question generation reads them back (built from rows with ``FactData.from_row``-like
adapters in services) so that every pure step is testable on its own.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from facts.language.dates import DatePrecision


class AnswerType(StrEnum):
    DATE = "date"  # a calendar date of any precision (see DatePrecision)
    NUMBER = "number"  # a quantity, with an optional unit or currency
    PERSON = "person"
    PLACE = "place"  # a city, region or site that is not a country
    COUNTRY = "country"
    ORGANISATION = "organisation"
    ORDINAL = "ordinal"  # "22nd largest", "ninth"
    OTHER = "other"


@dataclass(frozen=True, slots=True)
class Section:
    """A titled part of a document; ``start``/``end`` are character offsets into the text."""

    title: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Block:
    """A paragraph or a list item, with its offsets into the document text.

    ``heading`` is the nearest preceding plain line that introduces a list
    ("High-level visits from Kyrgyzstan to Poland:"), or "" for paragraphs.
    ``depth`` is 0 for paragraphs and top-level list items, 1 for items nested once, ...
    """

    kind: str  # "paragraph" | "item" | "infobox"
    text: str
    start: int
    end: int
    section: str
    heading: str = ""
    depth: int = 0
    line: int = 0  # 1-based line number of the block's first line


@dataclass(frozen=True, slots=True)
class ParsedDocument:
    title: str
    text: str  # the whole document text exactly as read; all offsets point into it
    infobox: dict[str, str]
    sections: tuple[Section, ...]
    blocks: tuple[Block, ...]
    warnings: tuple[
        str, ...
    ] = ()  # "line 12: skipped …": what the reader forgave, for the person who uploaded it


@dataclass(frozen=True, slots=True)
class FactData:
    """One atomic, self-contained claim with its typed answer and provenance.

    ``statement`` reads on its own ("Poland recognised Kyrgyzstan on 27 December 1991").
    ``answer`` is the span of the statement a question would ask for, written as in the
    statement ("27 December 1991"). Typed values:

    - dates: ``date`` is ISO ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` at ``date_precision``;
      ``date_end`` the last year of a range ("1946–1948" → date "1946", date_end "1948").
    - numbers: ``number`` as float, ``unit`` ("Poles", "US$", "%", "COVID-19 vaccines"),
      ``qualifier`` ("over", "nearly", "about", "between") where the text hedges.

    ``subject`` names what the claim is about, for question stems
    ("the double tax avoidance agreement between Poland and Kazakhstan").
    ``role`` is a person's office or a place's kind ("President", "Prime Minister", "city"),
    used to pick distractors of the same kind. ``source_start``/``source_end`` are character
    offsets into the document text covering the sentence or list item the fact came from.
    """

    statement: str
    answer: str
    answer_type: AnswerType
    section: str
    source_start: int
    source_end: int
    date: str | None = None
    date_precision: DatePrecision = DatePrecision.NONE
    date_end: str | None = None
    number: float | None = None
    unit: str = ""
    qualifier: str = ""
    role: str = ""
    subject: str = ""
    question: str = ""  # optional hand-written or rule-derived question stem
    tags: tuple[str, ...] = field(default_factory=tuple)
    document: str = ""  # the document's title (filled in by callers that mix documents)
    confidence: float = 1.0  # 0..1: how sure extraction is (see facts.extraction.confidence)
