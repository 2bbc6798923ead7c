"""manage.py ingest PATH... — read documents into facts (idempotent, human edits win)."""

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from config.commands import stops_on_ctrl_c
from facts.services import IngestError, document_files, document_ingest, documents_prepare, read_document_file

BATCH = 16  # documents whose names are read in one batch of the language layer


class Command(BaseCommand):
    help = "Reads documents (files, or folders of .txt files) into atomic facts. Safe to run again."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", help="Document files or folders.")
        parser.add_argument("--approve", action="store_true", help="Mark newly extracted facts approved.")

    def handle(self, *args, paths, approve=False, verbosity=1, **options):
        files = list(document_files(paths))
        if not files:
            raise CommandError("No documents found in " + ", ".join(paths) + " (looked for .txt files).")
        failures: list[str] = []
        done = 0
        show_bar = len(files) > 3 and verbosity > 0
        progress = tqdm(files, desc="Ingesting", unit="doc", disable=not show_bar, file=self.stderr._out)
        # Each document is its own transaction: Ctrl-C keeps the finished ones and none of the one being read.
        with stops_on_ctrl_c(
            lambda: f"{done} of {len(files)} document(s) went in; the one being read did not."
        ):
            texts: dict = {}
            for index, path in enumerate(progress):
                if index % BATCH == 0:
                    texts = {}
                    for later in files[index : index + BATCH]:
                        try:
                            texts[later] = read_document_file(later)
                        except IngestError:
                            continue
                    documents_prepare(texts.values())
                try:
                    text = texts[path] if path in texts else read_document_file(path)
                    result = document_ingest(text=text, name=str(path), approve=approve)
                except IngestError as exc:
                    failures.append(str(exc))
                    self.stderr.write(self.style.ERROR(f"Skipped {exc}"))
                    continue
                done += 1
                if verbosity > 0:
                    line = (
                        f"{result.document.title}: {result.created} new, {result.updated} updated, "
                        f"{result.unchanged} unchanged"
                    )
                    if result.kept_human_edits:
                        line += f", {result.kept_human_edits} human edits kept"
                    progress.write(line) if show_bar else self.stdout.write(line)
                for warning in result.warnings:
                    self.stderr.write(self.style.WARNING(f"{path}, {warning}"))
        if failures:
            raise CommandError(
                f"{len(failures)} of {len(files)} document(s) could not be ingested; the rest went in."
            )
