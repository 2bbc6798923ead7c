"""Create the demo learner, teacher and admin accounts (idempotent)."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

DEMO_ACCOUNTS = (
    # username, password, role
    ("learner", "learn-facts-2026", "learner"),
    ("teacher", "teach-facts-2026", "teacher"),
    ("admin", "admin-facts-2026", "admin"),
)


class Command(BaseCommand):
    help = "Creates a demo learner, teacher and admin and prints their credentials. Refuses with DEBUG off unless --force."

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="Create the accounts even with DEBUG off.")

    def handle(self, *args, force: bool = False, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                "DEBUG is off, so this looks like production: demo accounts with published passwords "
                "would be a security hole. Pass --force if you really want them."
            )
        with transaction.atomic():
            teachers, _ = Group.objects.get_or_create(name=settings.TEACHERS_GROUP)
            user_model = get_user_model()
            for username, password, role in DEMO_ACCOUNTS:
                user, _ = user_model.objects.get_or_create(username=username)
                user.set_password(password)
                user.is_staff = role == "admin"
                user.is_superuser = role == "admin"
                user.save()
                if role == "teacher":
                    user.groups.add(teachers)
        self.stdout.write("Demo accounts (log in at /accounts/login/):")
        for username, password, role in DEMO_ACCOUNTS:
            self.stdout.write(f"  {role:<8} username: {username:<8} password: {password}")
