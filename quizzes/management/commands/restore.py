"""manage.py restore PATH — replace everything in the database with a backup made by manage.py backup."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from config.backups import BackupError, restore
from config.commands import stops_on_ctrl_c


class Command(BaseCommand):
    help = "Replaces the whole database with the backup at PATH (made by manage.py backup)."

    def add_arguments(self, parser):
        parser.add_argument("path", help="A backup file made by manage.py backup.")
        parser.add_argument("--no-input", action="store_false", dest="interactive", help="Do not ask first.")

    def handle(self, *args, path, interactive=True, **options):
        source = Path(path)
        if interactive:
            answer = input(f"This replaces everything in the database with {source}. Type 'yes' to go on: ")
            if answer.strip().lower() != "yes":
                raise CommandError("Restore cancelled; nothing changed.")
        try:
            with stops_on_ctrl_c(
                "the restore was stopped; on PostgreSQL nothing changed, on SQLite restore again."
            ):
                restore(source)
        except BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(f"Restored from {source}.")
