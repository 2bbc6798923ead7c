"""A real browser: a teacher builds and publishes a quiz (finding questions by typing, via htmx), a learner
joins with the code and takes it with a countdown running, and the teacher sees the result."""

import re

import pytest
from playwright.sync_api import Page, expect

from tests.browser.pages import log_in, serious_violations
from tests.factories import DocumentFactory, FactFactory, QuestionFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def bank(db):
    document = DocumentFactory(title="Treaties of the North", slug="treaties-of-the-north")
    for n, prompt in enumerate(["When was the first treaty signed?", "When did the embassy open?"]):
        QuestionFactory(fact=FactFactory(document=document, position=n), prompt=prompt)
    QuestionFactory(fact=FactFactory(document=document, position=5), prompt="When did the harbour freeze?")
    return document


def test_teacher_builds_learner_takes_teacher_sees_results(
    page: Page, browser, live_server, teacher, learner, bank
):
    csp: list[str] = []
    page.on("console", lambda msg: csp.append(msg.text) if "Content Security Policy" in msg.text else None)
    base = live_server.url
    log_in(page, base, teacher.username)
    page.get_by_role("link", name="Teach").click()
    page.get_by_label("Title").fill("Treaty check")
    page.get_by_role("button", name="Create quiz").click()
    expect(page.get_by_role("heading", name="Treaty check")).to_be_visible()

    # Typing filters the bank without a page load (htmx), then Add swaps the item list in place.
    page.get_by_label("Text").press_sequentially("treaty", delay=30)
    results = page.locator("#search-results")
    expect(results.locator(".item-prompt", has_text="When was the first treaty signed?")).to_be_visible()
    expect(results.locator(".item-prompt", has_text="embassy")).to_have_count(0)
    results.get_by_role("button", name=re.compile("Add")).click()
    expect(page.locator("#items .item-prompt")).to_have_text(["When was the first treaty signed?"])
    # the result now says it is in the quiz, so the teacher does not press Add on it again
    expect(results.get_by_text("In the quiz")).to_be_visible()
    expect(results.get_by_role("button", name=re.compile("Add"))).to_have_count(0)
    page.get_by_label("Text").fill("")
    page.get_by_label("Text").press_sequentially("embassy", delay=30)
    expect(results.locator(".item-prompt", has_text="When did the embassy open?")).to_be_visible()
    expect(results.locator(".item-prompt")).to_have_count(1)
    results.get_by_role("button", name=re.compile("Add")).click()
    expect(page.locator("#items-title")).to_have_text("Questions in this quiz (2)")
    # Reorder: the embassy question moves to the top.
    page.get_by_role("button", name="Move question 2 up").click()
    expect(page.locator("#items .item-prompt").first).to_have_text("When did the embassy open?")

    page.get_by_label("Time limit (minutes)").fill("10")
    page.get_by_label("Show right answers").select_option("immediate")
    page.get_by_role("button", name="Save settings").click()
    expect(page.get_by_text("Settings saved.")).to_be_visible()
    assert serious_violations(page) == []  # the builder, with a flash message showing
    page.locator("#items").get_by_role("link", name=re.compile("Edit")).first.click()
    expect(page.get_by_role("heading", name=re.compile("Edit"))).to_be_visible()
    assert serious_violations(page) == []  # the per-quiz question editor
    page.go_back()
    page.get_by_role("button", name="Publish").click()
    expect(page.get_by_text("Learners join with the code")).to_be_visible()
    code = page.locator(".code.big").inner_text().strip()
    assert re.fullmatch(r"[A-Z0-9]{6}", code)

    # The learner, in a separate browser session.
    learner_context = browser.new_context()
    other = learner_context.new_page()
    other.on("console", lambda msg: csp.append(msg.text) if "Content Security Policy" in msg.text else None)
    log_in(other, base, learner.username)
    other.get_by_role("navigation", name="Main").get_by_role("link", name="Join a quiz").click()
    other.get_by_label("Join code").fill(code.lower())
    other.get_by_role("button", name="Join").click()
    assert serious_violations(other) == []  # the quiz's landing page
    other.get_by_role("button", name="Start the quiz").click()
    expect(other.get_by_role("heading", name="Question 1 of 2")).to_be_visible()
    expect(other.locator("#countdown")).to_have_text(re.compile(r"^(10:00|9:5\d)$"))
    assert serious_violations(other) == []
    other.get_by_label("1991").check()  # right: every factory question answers "1991"
    other.get_by_role("button", name="Save and next").click()
    expect(other.get_by_text("Right!")).to_be_visible()
    other.reload()  # a reload keeps the answer and the verdict
    expect(other.get_by_text("Right!")).to_be_visible()
    other.get_by_role("link", name="Next question").click()
    other.get_by_label("1989").check()
    other.get_by_role("button", name="Save and finish").click()
    expect(other.get_by_text("Not quite. The right answer is “1991”.")).to_be_visible()
    other.get_by_role("link", name="Finish").click()
    assert serious_violations(other) == []  # the summary before submitting
    other.get_by_role("button", name="Submit and see results").click()
    expect(other.locator("#score")).to_contain_text("1 of 2")
    assert serious_violations(other) == []  # the review of the attempt
    learner_context.close()

    page.get_by_role("link", name="Results").first.click()
    row = page.locator("#learners tbody tr", has_text=learner.username)
    expect(row).to_contain_text("50%")
    expect(page.locator("#question-stats tbody tr").first).to_contain_text("100.0%")
    assert serious_violations(page) == []
    assert csp == []
