"""A real browser: a new user signs up and lands home; axe finds no serious problem on any page."""

import pytest
from playwright.sync_api import Page, expect

from tests.browser.pages import log_in, serious_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_new_user_signs_up_and_lands_on_home(page: Page, live_server, django_user_model):
    page.goto(f"{live_server.url}/")
    page.get_by_role("link", name="Sign up").first.click()
    page.get_by_label("Username").fill("ada")
    page.get_by_label("Password", exact=True).fill("a-long-pass-phrase")
    page.get_by_label("Password confirmation").fill("a-long-pass-phrase")
    page.get_by_role("button", name="Sign up").click()
    expect(page).to_have_url(f"{live_server.url}/")
    expect(page.get_by_text("Welcome to Factdeck, ada")).to_be_visible()
    expect(page.get_by_role("link", name="Study", exact=True)).to_be_visible()
    assert django_user_model.objects.filter(username="ada").exists()


ANONYMOUS_PAGES = ["/", "/accounts/login/", "/accounts/signup/", "/accounts/password_reset/"]
LEARNER_PAGES = ["/", "/study/", "/stats/", "/join/", "/accounts/password_change/"]
TEACHER_PAGES = ["/teach/"]
STAFF_PAGES = ["/admin/"]


def test_axe_finds_no_serious_violation_on_any_page(page: Page, live_server, learner, teacher, staff):
    problems: dict[str, list[str]] = {}

    def check(paths: list[str], who: str) -> None:
        for path in paths:
            page.goto(f"{live_server.url}{path}")
            found = serious_violations(page)
            if found:
                problems[f"{who} {path}"] = found

    check(ANONYMOUS_PAGES, "anonymous")
    log_in(page, live_server.url, learner.username)
    check(LEARNER_PAGES, "learner")
    page.get_by_role("button", name="Log out").click()
    log_in(page, live_server.url, teacher.username)
    check(TEACHER_PAGES, "teacher")
    page.get_by_role("button", name="Log out").click()
    log_in(page, live_server.url, staff.username)
    check(STAFF_PAGES, "staff")
    assert problems == {}


def test_pages_raise_no_csp_violation(page: Page, live_server, learner):
    violations: list[str] = []
    page.on(
        "console", lambda msg: violations.append(msg.text) if "Content Security Policy" in msg.text else None
    )
    log_in(page, live_server.url, learner.username)
    for path in ["/", "/study/", "/stats/", "/join/"]:
        page.goto(f"{live_server.url}{path}")
    assert page.evaluate("typeof window.htmx") == "object"
    assert violations == []
