"""manage.py export_questions [--document TITLE_OR_SLUG] — JSON Lines on stdout."""

import json

from django.core.management.base import BaseCommand, CommandError

from facts.models import Document
from quizzes.models import Question


class Command(BaseCommand):
    help = (
        "Writes the active questions as JSON Lines: id, fact_id, kind, prompt, options, answer, answer_index."
    )

    def add_arguments(self, parser):
        parser.add_argument("--document", help="Only this document (title or slug).")

    def handle(self, *args, document=None, **options):
        questions = Question.objects.filter(active=True)
        if document:
            doc = (
                Document.objects.filter(title=document).first()
                or Document.objects.filter(slug=document).first()
            )
            if doc is None:
                raise CommandError(f"No document with the title or slug {document!r}.")
            questions = questions.filter(fact__document=doc)
        for q in questions.iterator(chunk_size=500):
            row = {
                "id": q.pk,
                "fact_id": q.fact_id,
                "kind": q.kind,
                "prompt": q.prompt,
                "options": q.options,
                "answer": q.answer,
                "answer_index": q.answer_index,
            }
            self.stdout.write(json.dumps(row, ensure_ascii=False))
