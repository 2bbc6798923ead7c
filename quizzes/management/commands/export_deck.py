"""manage.py export_deck --document TITLE_OR_SLUG --format apkg|moodle|gift|csv -o FILE

Writes a document's questions with the same code as the quiz export downloads: the deck is built
by ``quizzes.teaching.selectors.deck_for_document`` and rendered by ``quizzes.interchange.render``.
Ids are stable, so importing a newer file into Anki updates notes instead of adding copies.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from quizzes.interchange import FORMATS, export_filename, render
from quizzes.teaching.selectors import deck_for_document, document_by_title_or_slug


class Command(BaseCommand):
    help = "Exports a document's questions as an Anki deck, Moodle XML, GIFT or CSV."

    def add_arguments(self, parser):
        parser.add_argument("--document", required=True, help="The document's title or slug.")
        parser.add_argument("--format", required=True, choices=sorted(FORMATS), dest="fmt")
        parser.add_argument(
            "-o", "--output", help="File to write (default: a name made from the title, in this folder)."
        )
        parser.add_argument(
            "--include-drafts",
            action="store_true",
            help="Also export questions whose fact has not been reviewed yet (rejected facts never are).",
        )

    def handle(self, *args, document, fmt, output=None, include_drafts=False, **options):
        found = document_by_title_or_slug(document)
        if found is None:
            raise CommandError(f"No document has the title or slug {document!r}.")
        deck = deck_for_document(found, include_drafts=include_drafts)
        if not deck.questions:
            hint = "" if include_drafts else " (pass --include-drafts to export unreviewed facts' questions)"
            raise CommandError(f"“{found.title}” has no questions to export{hint}.")
        try:
            data = render(deck, fmt)
        except ValueError as error:
            raise CommandError(f"Cannot write the {fmt} file: {error}") from error
        path = Path(output) if output else Path(export_filename(deck, FORMATS[fmt]))
        try:
            path.write_bytes(data)
        except OSError as error:
            raise CommandError(f"Cannot write {path}: {error.strerror}") from error
        self.stdout.write(f"Wrote {len(deck.questions)} question(s) from “{found.title}” to {path}.")
