"""Every URL pattern × every kind of visitor: who may use it, who is turned away, and never a 500.

The patterns come from the URL resolver itself, so a new URL without a line in ACCESS below fails
``test_every_url_pattern_has_an_access_rule`` with the line to add. Path parameters are filled with the
objects of the *second* learner and the *second* teacher, so the first learner and the first teacher
show that another person's card, attempt or quiz is refused (403/404), while its owner gets through.
Each pattern is requested with GET and with an empty POST by anonymous, two learners, two teachers and staff.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pytest
from django.contrib.contenttypes.models import ContentType
from django.test import Client
from django.urls import URLResolver, get_resolver

from quizzes.models import Attempt
from tests.factories import (
    CardFactory,
    DocumentFactory,
    QuestionFactory,
    QuizFactory,
    QuizItemFactory,
    StaffFactory,
    TeacherFactory,
    UserFactory,
)

ROLES = ("anonymous", "learner", "other_learner", "teacher", "other_teacher", "staff")
SIGNED_IN = frozenset(ROLES) - {"anonymous"}


@dataclass(frozen=True)
class Access:
    """Who gets through; everyone else who is signed in is refused (403/404), and an anonymous visitor is
    sent to log in, unless ``anonymous`` is among those let through. The admin (``admin``) sends everyone
    but staff to its login page."""

    allowed: frozenset[str]
    label: str
    admin: bool = False

    def expected(self, role: str) -> str:
        if role in self.allowed:
            return "allowed"
        if role == "anonymous" or (self.admin and role != "staff"):
            return "login"
        return "refused"


ANYONE = Access(frozenset(ROLES), "ANYONE")
SIGNED_IN_USERS = Access(SIGNED_IN, "SIGNED_IN_USERS")
TEACHERS = Access(frozenset({"teacher", "other_teacher", "staff"}), "TEACHERS")  # superusers teach too
QUIZ_OWNER = Access(frozenset({"other_teacher"}), "QUIZ_OWNER")  # the quiz in the path is other_teacher's
OWN_LEARNER = Access(frozenset({"other_learner"}), "OWN_LEARNER")  # the card/attempt is other_learner's
STAFF = Access(frozenset({"staff"}), "STAFF", admin=True)
# admin pages that refuse even staff when asked bare (no such page, axes' read-only logs, autocomplete without
# its parameters): still nobody else gets in
ADMIN_REFUSES = Access(frozenset(), "ADMIN_REFUSES", admin=True)

# Every URL pattern (as the resolver spells it) and who may use it. Add new URLs here.
ACCESS: dict[str, Access] = {
    "": ANYONE,
    "healthz": ANYONE,
    "accounts/signup/": ANYONE,
    "accounts/login/": ANYONE,
    "accounts/logout/": ANYONE,
    "accounts/password_change/": SIGNED_IN_USERS,
    "accounts/password_change/done/": SIGNED_IN_USERS,
    "accounts/password_reset/": ANYONE,
    "accounts/password_reset/done/": ANYONE,
    "accounts/reset/<uidb64>/<token>/": ANYONE,
    "accounts/reset/done/": ANYONE,
    "admin/login/": ANYONE,
    "admin/logout/": ANYONE,
    "admin/(?P<url>.*)$": ADMIN_REFUSES,
    "admin/autocomplete/": ADMIN_REFUSES,
    "admin/axes/accessattempt/add/": ADMIN_REFUSES,
    "admin/axes/accessfailurelog/add/": ADMIN_REFUSES,
    "admin/axes/accesslog/add/": ADMIN_REFUSES,
    "admin/r/<path:content_type_id>/<path:object_id>/": ADMIN_REFUSES,  # "view on site": users have no page
    "study/": SIGNED_IN_USERS,
    "study/answer/": SIGNED_IN_USERS,
    "study/regrade/": SIGNED_IN_USERS,
    "study/undo/": SIGNED_IN_USERS,
    "study/settings/": SIGNED_IN_USERS,
    "study/document/<slug:slug>/": SIGNED_IN_USERS,
    "study/cards/<int:card_id>/unsuspend/": OWN_LEARNER,
    "stats/": SIGNED_IN_USERS,
    "teach/": TEACHERS,
    "teach/quiz/<int:quiz_id>/": QUIZ_OWNER,
    "teach/quiz/<int:quiz_id>/settings/": QUIZ_OWNER,
    "teach/quiz/<int:quiz_id>/items/add/": QUIZ_OWNER,
    "teach/quiz/<int:quiz_id>/items/<int:item_id>/remove/": QUIZ_OWNER,
    "teach/quiz/<int:quiz_id>/items/<int:item_id>/move/": QUIZ_OWNER,
    "teach/quiz/<int:quiz_id>/items/<int:item_id>/edit/": QUIZ_OWNER,
    "teach/quiz/<int:quiz_id>/import/": QUIZ_OWNER,
    "teach/quiz/<int:quiz_id>/publish/": QUIZ_OWNER,
    "teach/quiz/<int:quiz_id>/close/": QUIZ_OWNER,
    "teach/quiz/<int:quiz_id>/reopen/": QUIZ_OWNER,
    "teach/quiz/<int:quiz_id>/results/": QUIZ_OWNER,
    "teach/quiz/<int:quiz_id>/results.csv": QUIZ_OWNER,
    "teach/quiz/<int:quiz_id>/questions.csv": QUIZ_OWNER,
    "teach/quiz/<int:quiz_id>/export/<str:fmt>/": QUIZ_OWNER,
    "join/": SIGNED_IN_USERS,
    "join/attempt/<int:attempt_id>/": OWN_LEARNER,
    "join/attempt/<int:attempt_id>/q/<int:number>/": OWN_LEARNER,
    "join/attempt/<int:attempt_id>/finish/": OWN_LEARNER,
    "join/attempt/<int:attempt_id>/review/": OWN_LEARNER,
    "join/<str:code>/": SIGNED_IN_USERS,  # a published quiz's page: anyone with the code
    "join/<str:code>/start/": SIGNED_IN_USERS,
}
# Whole sub-trees with one rule (the admin checks staff for every page it has); exact entries win.
PREFIXES: dict[str, Access] = {"admin/": STAFF}


def url_patterns() -> list[str]:
    """Every pattern the resolver knows, prefixes joined ("teach/quiz/<int:quiz_id>/")."""

    def walk(patterns, prefix: str):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                yield from walk(pattern.url_patterns, prefix + str(pattern.pattern))
            else:
                yield prefix + str(pattern.pattern)

    return sorted(set(walk(get_resolver().url_patterns, "")))


def rule_for(pattern: str) -> Access | None:
    if pattern in ACCESS:
        return ACCESS[pattern]
    return next((rule for prefix, rule in PREFIXES.items() if pattern.startswith(prefix)), None)


def unlisted(patterns: list[str]) -> list[str]:
    return [p for p in patterns if rule_for(p) is None]


def test_every_url_pattern_has_an_access_rule():
    missing = unlisted(url_patterns())
    assert not missing, (
        "These URL patterns have no access rule in tests/integration/test_permission_matrix.py. Add a line for "
        "each to ACCESS (ANYONE, SIGNED_IN_USERS, TEACHERS, QUIZ_OWNER, OWN_LEARNER, STAFF; a new path "
        "parameter also needs a value in `fill`):\n"
        + "\n".join(f'    "{p}": SIGNED_IN_USERS,' for p in missing)
    )
    stale = sorted(set(ACCESS) - set(url_patterns()))
    assert not stale, f"ACCESS names patterns that no longer exist; remove them: {stale}"


def test_a_new_url_without_a_rule_is_caught(monkeypatch):
    monkeypatch.delitem(ACCESS, "study/settings/")
    assert unlisted(url_patterns()) == ["study/settings/"]
    assert unlisted(["library/<int:document_id>/"]) == ["library/<int:document_id>/"]


# --- the world each pattern is requested in ---------------------------------------------------------


@pytest.fixture
def world(db):
    users = {
        "learner": UserFactory(username="lena"),
        "other_learner": UserFactory(username="omar"),
        "teacher": TeacherFactory(username="tom"),
        "other_teacher": TeacherFactory(username="tina"),
        "staff": StaffFactory(username="sam"),
    }
    document = DocumentFactory(slug="treaties")
    question = QuestionFactory(fact__document=document)
    quiz = QuizFactory(owner=users["other_teacher"], published=True)
    item = QuizItemFactory(quiz=quiz, question=question)
    QuizItemFactory(quiz=quiz, question=QuestionFactory(fact__document=document), position=1)
    card = CardFactory(user=users["other_learner"], question=question, suspended=True)
    starter = Client()
    starter.force_login(users["other_learner"])
    starter.post(f"/join/{quiz.join_code}/start/")
    attempt = Attempt.objects.get(user=users["other_learner"])
    values = {
        "quiz_id": quiz.pk,
        "item_id": item.pk,
        "attempt_id": attempt.pk,
        "number": 1,
        "card_id": card.pk,
        "slug": document.slug,
        "code": quiz.join_code,
        "fmt": "gift",
        "uidb64": "MQ",
        "token": "set-password",
        "object_id": users["other_learner"].pk,
        "fact_pk": question.fact_id,
        "id": users["other_learner"].pk,
        "app_label": "facts",
        "url": "no-such-page/",
        "content_type_id": ContentType.objects.get_for_model(users["other_learner"]).pk,
    }
    return users, values


def fill(pattern: str, values: dict) -> str:
    """A real path for a pattern: route parameters and regex groups replaced by the world's objects."""
    path = re.sub(r"\(\?P<(\w+)>[^)]*\)", lambda m: str(values[m.group(1)]), pattern)
    path = re.sub(r"<(?:\w+:)?(\w+)>", lambda m: str(values[m.group(1)]), path)
    return "/" + path.replace("^", "").replace("$", "")


def outcome(response) -> str:
    if response.status_code >= 500:
        return "error"
    if response.status_code in (403, 404):
        return "refused"
    if response.status_code == 302 and "/login/" in response["Location"]:
        return "login"
    return "allowed"  # a page, a redirect elsewhere, or a 4xx about the request itself (400, 405, 409)


def matrix_patterns() -> list[str]:
    return [p for p in url_patterns() if rule_for(p) is not None]


@pytest.mark.parametrize("pattern", matrix_patterns())
def test_each_visitor_gets_what_the_access_rule_says(world, pattern):
    users, values = world
    rule = rule_for(pattern)
    if pattern.startswith("admin/facts/fact/<path:object_id>/"):
        # A fact that exists: on PostgreSQL sequences are not rolled back between tests, so the user's pk
        # names no fact there (simple_history's history page answers 404 for a missing object, as it should).
        values = {**values, "object_id": values["fact_pk"]}
    path = fill(pattern, values)
    problems = []
    methods = ("get",) if rule.admin else ("get", "post")  # the admin checks staff before the method
    for role in ROLES:
        for method in methods:
            client = Client(raise_request_exception=False)
            if role != "anonymous":
                client.force_login(users[role])
            response = getattr(client, method)(path)
            got, want = outcome(response), rule.expected(role)
            # 405 (wrong method) reveals and changes nothing, so it satisfies "refused" as well
            if got == "error" or (got != want and not (response.status_code == 405 and want == "refused")):
                problems.append(
                    f"{method.upper()} {path} as {role}: {response.status_code} ({got}), expected {want}"
                )
    assert not problems, f"{pattern} ({rule.label}):\n" + "\n".join(problems)
