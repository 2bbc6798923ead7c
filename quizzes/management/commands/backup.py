"""manage.py backup PATH — the whole database, every row exactly, while the app keeps running."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from config.backups import BackupError, backup
from config.commands import stops_on_ctrl_c


class Command(BaseCommand):
    help = "Writes the whole database to PATH (SQLite: online backup; PostgreSQL: pg_dump custom format)."

    def add_arguments(self, parser):
        parser.add_argument("path", help="The backup file to write; it must not exist yet.")

    def handle(self, *args, path, **options):
        target = Path(path)
        try:
            with stops_on_ctrl_c("no backup was written."):
                backup(target)
        except BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(f"Backed up to {target} ({target.stat().st_size:,} bytes).")
