"""Exports of a deck of questions (a quiz, or a document's questions) to other tools.

One entry point serves the download views and ``manage.py export_deck`` alike::

    fmt = FORMATS["moodle"]
    data = fmt.render(deck)                      # bytes
    name = export_filename(deck, fmt)            # "kazakhstan-poland-relations.moodle.xml"

Every exporter takes plain data (:class:`ExportDeck`) and never touches the database; ``imports`` reads
GIFT and CSV back into the same shapes.

Owns all interchange formats, out and in. May import the question bank's pure definitions
(``quizzes.bank``) and the standard library; never the models, ``quizzes.study`` or ``quizzes.teaching``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from .anki import to_apkg
from .csv import to_csv
from .gift import to_gift
from .moodle import to_moodle_xml
from .types import ExportDeck, ExportQuestion

__all__ = ["FORMATS", "ExportDeck", "ExportFormat", "ExportQuestion", "export_filename", "render"]


@dataclass(frozen=True, slots=True)
class ExportFormat:
    name: str
    label: str
    extension: str
    content_type: str
    render: Callable[[ExportDeck], bytes]


FORMATS: dict[str, ExportFormat] = {
    fmt.name: fmt
    for fmt in (
        ExportFormat("apkg", "Anki deck (.apkg)", ".apkg", "application/octet-stream", to_apkg),
        ExportFormat(
            "moodle",
            "Moodle XML",
            ".moodle.xml",
            "application/xml; charset=utf-8",
            lambda deck: to_moodle_xml(deck).encode("utf-8"),
        ),
        ExportFormat(
            "gift",
            "GIFT",
            ".gift.txt",
            "text/plain; charset=utf-8",
            lambda deck: to_gift(deck).encode("utf-8"),
        ),
        # The byte-order mark lets Excel open the UTF-8 file with accents intact; the importer strips it.
        ExportFormat(
            "csv", "CSV", ".csv", "text/csv; charset=utf-8", lambda deck: to_csv(deck).encode("utf-8-sig")
        ),
    )
}


def render(deck: ExportDeck, format_name: str) -> bytes:
    """The file for ``format_name`` (one of ``FORMATS``); ValueError for an unknown format."""
    try:
        fmt = FORMATS[format_name]
    except KeyError:
        raise ValueError(f"unknown export format {format_name!r}; use one of {', '.join(FORMATS)}") from None
    return fmt.render(deck)


def export_filename(deck: ExportDeck, fmt: ExportFormat) -> str:
    """A safe ASCII file name from the deck title: "Kazakhstan–Poland relations" → "kazakhstan-poland-relations"."""
    decomposed = unicodedata.normalize("NFKD", deck.title)
    # Punctuation and symbols (an en dash, "/") separate words; accents are dropped ("ń" → "n").
    spaced = "".join(" " if unicodedata.category(c)[0] in "PSZ" else c for c in decomposed)
    ascii_title = spaced.encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_title.lower()).strip("-") or "questions"
    return slug[:80] + fmt.extension
