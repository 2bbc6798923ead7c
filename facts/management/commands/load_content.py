"""Load the shipped content (documents and their reviewed facts) from fixtures/ — idempotent."""

from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Loads the documents and reviewed facts shipped in fixtures/ (safe to run again)."

    def handle(self, *args, **options):
        fixtures = sorted(p.name for d in settings.FIXTURE_DIRS for p in Path(d).glob("*.json"))
        if not fixtures:
            self.stdout.write("No content fixtures to load.")
            return
        call_command("loaddata", *fixtures, verbosity=0)
        self.stdout.write(f"Loaded {len(fixtures)} content fixture(s).")
