"""Shared fixtures. Browser tests drive Debian's Chromium through Playwright (never a downloaded browser)."""

import os

import pytest
from hypothesis import HealthCheck, settings

# Property tests: random examples on a developer's machine (to find new bugs), the same examples on CI
# (so a run is reproducible), and no per-example deadline on a shared 2-core runner.
settings.register_profile("ci", derandomize=True, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("dev", deadline=None)
settings.load_profile("ci" if os.environ.get("CI") else "dev")

# Playwright's sync API runs an event loop in the test thread; the ORM calls our tests make
# beside it are ordinary blocking calls, which Django would otherwise refuse.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS, "headless": True}


@pytest.fixture(autouse=True)
def _fast_password_hashing(request):
    # Tests create many users; the default PBKDF2 rounds would dominate the run time.
    # Pure unit tests may run without pytest-django (-p no:django); then there is nothing to do.
    if request.config.pluginmanager.hasplugin("django"):
        request.getfixturevalue("settings").PASSWORD_HASHERS = [
            "django.contrib.auth.hashers.MD5PasswordHasher"
        ]


@pytest.fixture(autouse=True)
def _fresh_throttles(request):
    """Login failures and rate-limit counts never leak from one test to the next: axes' table rolls back
    with the test, and the cache (the database cache table, or Redis) is cleared after it."""
    yield
    uses_db = {"db", "transactional_db"} & set(request.fixturenames) or request.node.get_closest_marker(
        "django_db"
    )
    if uses_db:
        from django.core.cache import cache

        with request.getfixturevalue("django_db_blocker").unblock():
            cache.clear()


@pytest.fixture
def learner(db):
    from tests.factories import UserFactory

    return UserFactory(username="lena")


@pytest.fixture
def teacher(db):
    from tests.factories import TeacherFactory

    return TeacherFactory(username="tom")


@pytest.fixture
def staff(db):
    from tests.factories import StaffFactory

    return StaffFactory(username="sam")
