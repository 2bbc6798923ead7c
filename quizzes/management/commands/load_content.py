"""Load the shipped content — the five documents and their reviewed facts — then generate questions.

Idempotent and safe for edits: content is loaded only into a database that has none of the shipped
documents yet, so running `make run` again never overwrites what an admin changed since.
"""

import json
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction

from config.commands import stops_on_ctrl_c
from facts.models import Document
from quizzes.bank.services import questions_regenerate
from quizzes.models import Question

CONTENT_FIXTURE = "content.json"


class Command(BaseCommand):
    help = "Loads the shipped documents and reviewed facts (fixtures/content.json) once, and their questions."

    def handle(self, *args, **options):
        path = Path(settings.FIXTURE_DIRS[0]) / CONTENT_FIXTURE
        if not path.is_file():
            self.stdout.write("No content fixture to load.")
            return
        titles = [
            row["fields"]["title"]
            for row in json.loads(path.read_text(encoding="utf-8"))
            if row["model"] == "facts.document"
        ]
        with stops_on_ctrl_c("nothing was loaded; run it again."), transaction.atomic():
            if Document.objects.filter(title__in=titles).exists():
                self.stdout.write("Shipped content is already loaded; leaving it (and any edits) as it is.")
            else:
                call_command("loaddata", CONTENT_FIXTURE, verbosity=0)
                self.stdout.write(f"Loaded {len(titles)} documents and their reviewed facts.")
            if not Question.objects.exists():
                counts = questions_regenerate()
                self.stdout.write(f"Generated {counts['created']} questions.")
