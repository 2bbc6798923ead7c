"""manage.py import_facts FILE — read facts back in the export format (all or nothing)."""

import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from config.commands import stops_on_ctrl_c
from facts.services import ImportFailed, facts_import


class Command(BaseCommand):
    help = "Reads facts as JSON Lines (the export_facts format). Any bad line: nothing is imported."

    def add_arguments(self, parser):
        parser.add_argument("file", help="A .jsonl file, or - for standard input.")

    def handle(self, *args, file, **options):
        if file == "-":
            lines = sys.stdin.read().splitlines()
        else:
            path = Path(file)
            try:
                lines = path.read_text(encoding="utf-8").splitlines()
            except FileNotFoundError:
                raise CommandError(f"{file}: no such file.") from None
            except UnicodeDecodeError as exc:
                raise CommandError(f"{file}: not UTF-8 text ({exc.reason} at byte {exc.start}).") from None
        try:
            with stops_on_ctrl_c("nothing was imported (the import is all or nothing)."):
                result = facts_import(lines)
        except ImportFailed as exc:
            raise CommandError(f"{file}: nothing imported, because:\n  " + "\n  ".join(exc.errors)) from None
        self.stdout.write(
            f"{result.created} created, {result.updated} updated, {result.unchanged} unchanged."
        )
