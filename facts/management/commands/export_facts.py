"""manage.py export_facts [--document TITLE_OR_SLUG] — JSON Lines on stdout."""

from django.core.management.base import BaseCommand, CommandError
from django.db.models import Q

from facts.models import Document
from facts.services import facts_export


class Command(BaseCommand):
    help = "Writes facts as JSON Lines to stdout, one object per fact."

    def add_arguments(self, parser):
        parser.add_argument("--document", help="Only this document (title or slug).")

    def handle(self, *args, document=None, **options):
        if document and not Document.objects.filter(Q(title=document) | Q(slug=document)).exists():
            raise CommandError(f"No document with the title or slug {document!r}.")
        for line in facts_export(document):
            self.stdout.write(line)
