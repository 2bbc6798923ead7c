"""A new learner studies ten cards with the keyboard alone, undoes one, and reads their statistics."""

import pytest
from playwright.sync_api import Page, expect

from quizzes.models import ReviewLog
from tests.browser.pages import serious_violations, sign_up
from tests.factories import DocumentFactory, FactFactory, QuestionFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def library(db):
    document = DocumentFactory(title="Test relations")
    return [
        QuestionFactory(fact=FactFactory(document=document, position=i), prompt=f"Question number {i}?")
        for i in range(12)
    ]


def counts(page: Page) -> tuple[int, int, int]:
    return tuple(
        int(page.locator(f'[data-count="{name}"]').inner_text()) for name in ("new", "learning", "review")
    )


def test_a_new_learner_studies_ten_cards_by_keyboard_undoes_one_and_sees_stats(
    page: Page, live_server, library
):
    csp_errors: list[str] = []
    page.on(
        "console", lambda msg: csp_errors.append(msg.text) if "Content Security Policy" in msg.text else None
    )
    sign_up(page, live_server.url, "kim")
    page.goto(f"{live_server.url}/study/")
    question = page.locator("form.question")
    expect(question).to_be_visible()
    assert counts(page) == (12, 0, 0)
    page.evaluate("window.stillTheSamePage = true")  # gone if anything below reloaded the page

    prompts, before_last = [], None
    for n in range(10):
        expect(page.locator("#prompt")).to_be_focused()  # focus moves to each new question
        prompts.append(page.locator("#prompt").inner_text())
        before_last = counts(page)
        page.keyboard.press("1" if n % 2 else "4")  # a mix of right and wrong answers
        expect(page.locator(".verdict")).to_be_visible()
        expect(page.get_by_role("link", name="Continue")).to_be_focused()
        page.keyboard.press("Enter")
    expect(page.locator("#prompt")).to_be_focused()
    assert ReviewLog.objects.count() == 10
    assert len(set(prompts)) == 10  # ten different cards, all new, in document order
    assert prompts[:3] == ["Question number 0?", "Question number 1?", "Question number 2?"]

    page.keyboard.press("u")
    expect(page.get_by_text("Your last answer was undone.")).to_be_visible()
    expect(page.locator("#prompt")).to_have_text(prompts[-1])
    assert counts(page) == before_last
    assert ReviewLog.objects.count() == 9
    assert page.evaluate("window.stillTheSamePage") is True  # htmx swaps only, no full page loads

    page.goto(f"{live_server.url}/stats/")
    expect(page.locator('[data-stat="reviews-total"]')).to_have_text("9")
    expect(page.get_by_text("9 reviews on 1 of the last")).to_be_visible()
    assert csp_errors == []


def test_typed_answers_take_enter_and_digits_typed_are_not_shortcuts(page: Page, live_server):
    QuestionFactory(typed_year=True, prompt="In which year was the first treaty signed?")
    sign_up(page, live_server.url, "tia")
    page.goto(f"{live_server.url}/study/")
    box = page.get_by_label("Your answer (a year)")
    expect(box).to_be_focused()
    page.keyboard.type("1989")
    expect(box).to_have_value("1989")
    page.keyboard.press("Enter")
    expect(page.locator(".verdict")).to_contain_text("Off by 2 years (too early)")


def test_axe_finds_nothing_serious_on_study_feedback_and_stats(page: Page, live_server, library):
    sign_up(page, live_server.url, "ali")
    problems = {}
    page.goto(f"{live_server.url}/study/")
    expect(page.locator("form.question")).to_be_visible()
    problems["question"] = serious_violations(page)
    page.keyboard.press("2")
    expect(page.get_by_role("link", name="Continue")).to_be_focused()
    problems["feedback"] = serious_violations(page)
    page.keyboard.press("Enter")
    expect(page.locator("form.question")).to_be_visible()
    page.goto(f"{live_server.url}/stats/")
    problems["stats"] = serious_violations(page)
    page.goto(f"{live_server.url}/study/settings/")
    problems["settings"] = serious_violations(page)
    page.goto(f"{live_server.url}/study/document/{library[0].fact.document.slug}/?fact={library[0].fact_id}")
    problems["document"] = serious_violations(page)
    assert {name: found for name, found in problems.items() if found} == {}


def test_a_tampered_card_shows_a_message_instead_of_doing_nothing(page: Page, live_server, library):
    sign_up(page, live_server.url, "eve")
    page.goto(f"{live_server.url}/study/")
    expect(page.locator("form.question")).to_be_visible()
    page.evaluate("document.querySelector('input[name=card]').value = '999999'")
    page.keyboard.press("1")
    expect(page.get_by_role("alert")).to_contain_text("could not be found")
    assert not ReviewLog.objects.exists()
