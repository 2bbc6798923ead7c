"""Fit FSRS-6 parameters to each learner's own review log and store them in their study profile."""

from __future__ import annotations

import sys

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from quizzes.models import ReviewLog
from quizzes.study import scheduling
from quizzes.study.services import profile_parameters_store


def review_records(user) -> list[scheduling.ReviewRecord]:
    """The learner's answers as the optimiser reads them: card, grade, time."""
    rows = (
        ReviewLog.objects.filter(user=user)
        .order_by("reviewed_at", "id")
        .values_list("card_id", "rating", "reviewed_at")
    )
    return [
        scheduling.ReviewRecord(card_key=card, rating=rating, reviewed_at=at) for card, rating, at in rows
    ]


class Command(BaseCommand):
    help = (
        "Fit FSRS parameters to learners' review logs with fsrs-rs (no torch) and store them in their "
        "profiles. Learners with too few reviews keep the default parameters."
    )

    def add_arguments(self, parser):
        parser.add_argument("--user", dest="username", help="Only this learner (username).")
        parser.add_argument(
            "--min-reviews",
            type=int,
            default=scheduling.MIN_TRAINING_REVIEWS,
            help="Long-term reviews needed before fitting (default: %(default)s).",
        )

    def handle(self, *args, username: str | None = None, min_reviews: int, verbosity: int = 1, **options):
        users = get_user_model().objects.order_by("username")
        if username:
            users = users.filter(username=username)
            if not users.exists():
                raise CommandError(f"There is no user called {username!r}.")
        else:
            users = users.filter(reviews__isnull=False).distinct()
        count = 0
        for user in users:
            count += 1
            self._optimize(user, min_reviews, show_progress=verbosity > 0)
        if not count:
            self.stdout.write("No learner has any reviews yet; nothing to fit.")

    def _optimize(self, user, min_reviews: int, *, show_progress: bool) -> None:
        records = review_records(user)
        with tqdm(
            total=3,
            desc=f"{user.username}",
            unit="step",
            file=sys.stderr,
            disable=not show_progress,
            leave=False,
        ) as bar:

            def progress(done: int, total: int) -> None:
                bar.total = total
                bar.update(done - bar.n)

            result = scheduling.optimize_parameters(
                records, progress=progress, min_training_reviews=min_reviews
            )
        profile_parameters_store(user=user, parameters=result.parameters, review_count=result.review_count)
        if result.used_defaults:
            self.stdout.write(f"{user.username}: kept the default parameters ({result.reason}).")
        else:
            self.stdout.write(self.style.SUCCESS(f"{user.username}: stored new parameters, {result.reason}."))
