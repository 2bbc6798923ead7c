"""Anki .apkg export with genanki.

Ids are derived from stable hashes (sha256, never Python's salted ``hash()``), so the same
deck exported twice has the same model id, deck id and note guids: importing the second file
updates the notes of the first instead of adding copies.
"""

from __future__ import annotations

import hashlib
import html
import os
import re
import tempfile
from pathlib import Path

import genanki

from .types import ExportDeck, ExportQuestion

# Changing the fields or templates of a note type that users have already imported forces Anki
# to ask about a schema change; bump the version in the name (and so the id) only when needed.
MODEL_NAME = "Factdeck question v1"
FIELDS = ("Question", "Options", "Answer", "Source", "Explanation")

_FRONT = """<div class="question">{{Question}}</div>
{{#Options}}<div class="options">{{Options}}</div>{{/Options}}"""

_BACK = """{{FrontSide}}
<hr id="answer">
<div class="answer">{{Answer}}</div>
{{#Explanation}}<div class="explanation">{{Explanation}}</div>{{/Explanation}}
{{#Source}}<div class="source">{{Source}}</div>{{/Source}}"""

_CSS = """.card { font-family: system-ui, sans-serif; font-size: 20px; text-align: left;
  color: #1a1a1a; background: #fff; max-width: 40em; margin: 0 auto; }
.options ol { padding-left: 1.5em; }
.answer { font-weight: bold; }
.explanation { margin-top: 1em; }
.source { margin-top: 1em; font-size: 0.8em; color: #555; }
.nightMode.card, .night_mode .card { color: #eee; background: #222; }
.nightMode .source, .night_mode .source { color: #aaa; }
"""


def stable_id(*parts: str) -> int:
    """A 31-bit-ish positive id from names, the same on every machine and Python run.

    Anki ids are int64; genanki's own examples use random ints in [1<<30, 1<<31), which also
    keeps them clear of Anki's default deck (id 1) and millisecond-timestamp ids.
    """
    digest = hashlib.sha256("\x1f".join(parts).encode()).digest()
    return (1 << 30) + int.from_bytes(digest[:8], "big") % (1 << 30)


def _model() -> genanki.Model:
    return genanki.Model(
        stable_id("factdeck", "model", MODEL_NAME),
        MODEL_NAME,
        fields=[{"name": name} for name in FIELDS],
        templates=[{"name": "Recall", "qfmt": _FRONT, "afmt": _BACK}],
        css=_CSS,
        sort_field_index=0,
    )


def _text(value: str) -> str:
    """Fields are HTML: escape user text so "<" or "&" in a prompt shows as typed."""
    return html.escape(value, quote=False).replace("\n", "<br>")


def options_html(question: ExportQuestion) -> str:
    """An ordered list of the options for choice questions; empty for typed ones."""
    if not question.is_choice or not question.options:
        return ""
    items = "".join(f"<li>{_text(option)}</li>" for option in question.options)
    return f"<ol>{items}</ol>"


def _tag(value: str) -> str:
    """Anki tags cannot contain spaces; keep them readable with underscores."""
    return re.sub(r"\s+", "_", value.strip())


def _note(model: genanki.Model, question: ExportQuestion) -> genanki.Note:
    answer = question.correct_option() if question.is_choice else question.answer
    if question.is_numeric:
        question.numeric_answer()  # refuse a typed number whose answer is not a number
    fields = [
        _text(question.prompt),
        options_html(question),
        _text(answer),
        _text(question.source),
        _text(question.explanation),
    ]
    tags = [tag for tag in (_tag(t) for t in question.tags) if tag]
    return genanki.Note(
        model=model, fields=fields, guid=genanki.guid_for("factdeck", question.key), tags=tags
    )


def build_deck(deck: ExportDeck) -> genanki.Deck:
    """The genanki deck for ``deck``; split out so callers can bundle several decks in one package."""
    model = _model()
    anki_deck = genanki.Deck(stable_id("factdeck", "deck", deck.key), deck.title)
    for question in deck.questions:
        anki_deck.add_note(_note(model, question))
    return anki_deck


def write_apkg(deck: ExportDeck, path: str | os.PathLike[str], *, timestamp: float | None = None) -> None:
    """Write the .apkg to ``path``. ``timestamp`` sets the notes' modification time (default: now)."""
    genanki.Package(build_deck(deck)).write_to_file(os.fspath(path), timestamp=timestamp)


def to_apkg(deck: ExportDeck, *, timestamp: float | None = None) -> bytes:
    """The .apkg file as bytes, for an HTTP response or ``manage.py export_deck``."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "deck.apkg"
        write_apkg(deck, path, timestamp=timestamp)
        return path.read_bytes()
