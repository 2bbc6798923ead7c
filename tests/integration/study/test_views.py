"""The study pages over HTTP: with and without htmx, bad input, double submits, undo, settings."""

import datetime as dt
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from facts.passages import document_blocks
from quizzes.models import Card, ReviewLog
from quizzes.study.services import profile_for
from quizzes.study.views import display_order, read_shown, shown_token
from tests.factories import CardFactory, DocumentFactory, FactFactory, QuestionFactory, UserFactory

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def studying(client, learner):
    client.force_login(learner)
    return client


def answer_form(response, choose: int | None = None) -> dict:
    """The hidden fields of the answer form on a study page, as a browser would post them; with ``choose``
    (a canonical option index) also the answer a click on that option posts: its position on the page."""
    ctx = response.context
    form = {"card": ctx["card"].pk, "key": ctx["idempotency_key"], "shown": ctx["shown"]}
    if choose is not None:
        form["answer"] = next(str(o.key) for o in ctx["options"] if o.index == choose)
    return form


def test_study_needs_a_login(client):
    response = client.get("/study/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_the_study_page_shows_the_first_question_with_shuffled_options(studying, make_questions):
    first, _second = make_questions(2)
    response = studying.get("/study/")
    assert response.status_code == 200
    html = response.content.decode()
    assert first.prompt in html
    card = response.context["card"]
    # the buttons post their position on the page, never the stored option index
    assert re.findall(r'name="answer" value="(\d)"', html) == ["1", "2", "3", "4"]
    texts = re.findall(r"<kbd>\d</kbd>([^<]*)</button>", html)
    assert texts == [first.options[i] for i in display_order(4, card.pk)]
    assert 'data-count="new">2<' in html
    assert "<html" in html and 'src="/static/js/study.js"' in html
    assert "style=" not in html


def test_under_htmx_only_the_study_area_is_sent(studying, make_questions):
    make_questions(1)
    html = studying.get("/study/", **HTMX).content.decode()
    assert html.lstrip().startswith('<section id="study-area"')
    assert "<html" not in html


def test_a_right_answer_shows_feedback_with_source_and_grade_intervals(studying, make_questions):
    (question,) = make_questions(1)
    page = studying.get("/study/")
    response = studying.post("/study/answer/", answer_form(page, question.answer_index), **HTMX)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Right!" in html
    assert "The first treaty was signed in 1991." in html
    fact = question.fact
    assert f"/study/document/{fact.document.slug}/?fact={fact.pk}#fact-{fact.pk}" in html
    grades = re.findall(
        r'value="(\d)" data-key="\d" aria-pressed="(\w+)"><kbd>\d</kbd>(\w+) <span class="interval">([^<]+)<',
        html,
    )
    assert [(g[0], g[2]) for g in grades] == [("2", "Hard"), ("3", "Good"), ("4", "Easy")]
    assert [g[1] for g in grades] == ["false", "true", "false"]
    assert grades[1][3] == "10m"  # Good on a new card: the second learning step
    assert 'id="announcer"' in html and 'hx-swap-oob="true"' in html
    log = ReviewLog.objects.get()
    assert log.correct and log.rating == 3 and log.response_ms is not None


def test_a_wrong_answer_shows_the_right_one_and_when_it_comes_back(studying, make_questions):
    (question,) = make_questions(1)
    page = studying.get("/study/")
    html = studying.post("/study/answer/", answer_form(page, 0)).content.decode()
    assert "Not quite." in html
    assert re.search(r'class="option correct">\s*<kbd>\d</kbd>1991', html)
    assert re.search(r'class="option wrong">\s*<kbd>\d</kbd>1989', html)
    assert "You will see this card again in 1m" in html
    assert 'name="rating"' not in html


def test_a_typed_year_shows_how_far_off_it_was(studying):
    QuestionFactory(typed_year=True)
    page = studying.get("/study/")
    assert 'id="typed-answer"' in page.content.decode()
    html = studying.post("/study/answer/", {**answer_form(page), "answer": "1989"}).content.decode()
    assert "Off by 2 years (too early)" in html and "1991" in html


def test_a_double_submit_records_one_review_and_shows_the_same_feedback(studying, make_questions):
    make_questions(1)
    form = answer_form(studying.get("/study/"), 0)
    first = studying.post("/study/answer/", form, **HTMX)
    second = studying.post(
        "/study/answer/", {**form, "answer": "4" if form["answer"] != "4" else "3"}, **HTMX
    )
    assert ReviewLog.objects.count() == 1
    assert "Not quite." in first.content.decode() and "Not quite." in second.content.decode()


def test_someone_elses_card_is_404(studying):
    card = CardFactory(user=UserFactory(username="owner"))
    response = studying.post("/study/answer/", {"card": card.pk, "key": "k", "answer": "2"})
    assert response.status_code == 404
    assert not ReviewLog.objects.exists()


@pytest.mark.parametrize("answer", ["7", "-1", "abc", "0"])
def test_an_option_not_of_the_question_is_400_with_a_message(studying, make_questions, answer):
    make_questions(1)
    form = {**answer_form(studying.get("/study/")), "answer": answer}
    response = studying.post("/study/answer/", form, **HTMX)
    assert response.status_code == 400
    html = response.content.decode()
    assert "That option does not belong to this question." in html or "Pick one of the options." in html
    assert 'role="alert"' in html and 'name="answer"' in html  # the question again, to answer properly
    assert not ReviewLog.objects.exists()


@pytest.mark.parametrize("missing", ["card", "key", "answer"])
def test_missing_fields_are_400(studying, make_questions, missing):
    make_questions(1)
    form = answer_form(studying.get("/study/"), 2)
    del form[missing]
    response = studying.post("/study/answer/", form)
    assert response.status_code == 400
    assert b"Something was missing" in response.content


def test_a_card_id_that_is_not_a_number_is_400(studying):
    assert studying.post("/study/answer/", {"card": "x", "key": "k", "answer": "1"}).status_code == 400


def test_an_unknown_deck_is_404(studying):
    assert studying.get("/study/?document=nope").status_code == 404


def test_response_time_and_option_order_come_from_the_signed_stamp_only():
    now = timezone.now()
    card = CardFactory(reps=3)
    token = shown_token(card, now - dt.timedelta(seconds=3))
    showing = read_shown(token, card.pk, now)
    assert showing.response_ms == 3000 and showing.reps == 3
    order = display_order(len(card.question.options), card.pk)
    assert [showing.option_index(str(n)) for n in range(1, len(order) + 1)] == order
    assert showing.option_index("0") is None and showing.option_index("9") is None
    assert read_shown(token, card.pk + 1, now) is None  # a stamp for another card
    assert read_shown(token[:-2] + "xx", card.pk, now) is None  # forged
    assert read_shown("", card.pk, now) is None
    assert read_shown(token, card.pk, now + dt.timedelta(days=2)) is None  # a day old


def test_undo_without_js_redirects_to_the_same_card(studying, make_questions):
    make_questions(2)
    page = studying.get("/study/")
    card = page.context["card"]
    studying.post("/study/answer/", answer_form(page, 2))
    response = studying.post("/study/undo/", {"document": "", "section": ""})
    assert response.status_code == 302 and response["Location"] == f"/study/?card={card.pk}"
    again = studying.get(response["Location"])
    assert again.context["card"] == card
    assert "Your last answer was undone." in again.content.decode()
    assert not ReviewLog.objects.exists()
    card.refresh_from_db()
    assert card.state == Card.State.NEW


def test_undo_under_htmx_shows_the_card_again_and_the_counts_go_back(studying, make_questions):
    make_questions(3)
    page = studying.get("/study/")
    card = page.context["card"]
    assert page.context["queue"].new == 3
    after = studying.post("/study/answer/", answer_form(page, 2), **HTMX)
    assert after.context["queue"].new == 2
    response = studying.post("/study/undo/", {}, **HTMX)
    assert response.context["card"] == card and response.context["queue"].new == 3
    assert "Your last answer was undone." in response.content.decode()


def test_undo_with_nothing_to_undo_says_so(studying, make_questions):
    make_questions(1)
    response = studying.post("/study/undo/", {}, **HTMX)
    assert "There is nothing to undo." in response.content.decode()


def test_regrade_changes_the_pressed_grade(studying, make_questions):
    make_questions(1)
    page = studying.get("/study/")
    studying.post("/study/answer/", answer_form(page, 2))
    log = ReviewLog.objects.get()
    html = studying.post("/study/regrade/", {"log": log.pk, "rating": "4"}, **HTMX).content.decode()
    assert re.search(r'value="4" data-key="4" aria-pressed="true"', html)
    log.refresh_from_db()
    assert log.rating == 4
    assert studying.post("/study/regrade/", {"log": log.pk, "rating": "1"}).status_code == 400
    assert studying.post("/study/regrade/", {"log": log.pk}).status_code == 400
    other = UserFactory(username="other")
    studying.force_login(other)
    assert studying.post("/study/regrade/", {"log": log.pk, "rating": "2"}).status_code == 404


def test_the_done_page_says_when_the_next_card_is_due(studying, learner, make_questions):
    profile = profile_for(learner)
    profile.new_per_day = 1
    profile.save()
    make_questions(2)
    page = studying.get("/study/")
    studying.post("/study/answer/", answer_form(page, 2))
    card = page.context["card"]
    Card.objects.filter(pk=card.pk).update(due=timezone.now() + dt.timedelta(days=2), state=Card.State.REVIEW)
    html = studying.get("/study/").content.decode()
    assert "Done for today!" in html
    # The learner's day turns at 04:00 (UTC here): before 04:00 that is still today's calendar date.
    day = "today" if timezone.now().hour < 4 else "tomorrow"
    assert f"The next card is due {day} at 04:00" in html


def test_an_empty_library_says_there_is_nothing_yet(studying):
    assert "Nothing to study here yet" in studying.get("/study/").content.decode()


def test_the_document_page_highlights_the_source_passage(studying):
    fact = FactFactory()
    html = studying.get(f"/study/document/{fact.document.slug}/?fact={fact.pk}").content.decode()
    assert f'<mark id="fact-{fact.pk}" tabindex="-1">The first treaty was signed in 1991.</mark>' in html
    assert "<h2>History</h2>" in html


def test_document_blocks_keep_the_highlight_on_the_exact_characters():
    text = "= T =\n\nOne two three.\n- four five\n"
    start = text.index("two")
    end = text.index("five") + 4
    blocks = document_blocks(text, start, end)
    assert [b.kind for b in blocks] == ["title", "paragraph", "item"]
    assert blocks[1].parts == [("One ", False, False), ("two three.", True, True)]
    assert blocks[2].parts == [("four five", True, False)]


def test_settings_are_validated_and_saved(studying, learner):
    url = reverse("study_settings")
    good = {
        "timezone": "Europe/Warsaw",
        "desired_retention": "0.85",
        "new_per_day": "5",
        "reviews_per_day": "50",
    }
    assert studying.post(url, good).status_code == 302
    profile = profile_for(learner)
    assert (profile.timezone, profile.desired_retention, profile.new_per_day) == ("Europe/Warsaw", 0.85, 5)
    for field, bad in [
        ("timezone", "Mars/Olympus"),
        ("desired_retention", "0.5"),
        ("new_per_day", "10000"),
        ("reviews_per_day", "-1"),
        ("desired_retention", "0.995"),
    ]:
        response = studying.post(url, {**good, field: bad})
        assert response.status_code == 400, field
        assert response.context["form"].errors[field]
    profile.refresh_from_db()
    assert profile.new_per_day == 5


def test_stats_show_reviews_retention_forecast_and_mastery(studying, learner):
    document = DocumentFactory(title="Alpha relations")
    now = timezone.now()
    mastered = CardFactory(
        user=learner,
        question=QuestionFactory(fact=FactFactory(document=document)),
        state=Card.State.REVIEW,
        stability=30.0,
        difficulty=5.0,
        due=now + dt.timedelta(days=3),
        last_review=now - dt.timedelta(days=1),
    )
    QuestionFactory(fact=FactFactory(document=document))
    for i, rating in enumerate([3, 3, 1, 4]):
        ReviewLog.objects.create(
            card=mastered,
            user=learner,
            rating=rating,
            correct=rating > 1,
            reviewed_at=now - dt.timedelta(days=i * 3),
            state_before={"state": 2},
            state_after={"state": 2},
            idempotency_key=f"k{i}",
        )
    html = studying.get("/stats/").content.decode()
    assert 'data-stat="reviews-total">4<' in html
    assert "4 reviews on 4 of the last" in html
    # Last 7 days: the reviews 0, 3 and 6 days ago (3, 3, 1) -> 2 of 3; last 30: 3 of 4.
    assert "67%" in html and "(2 of 3)" in html and "75%" in html and "(3 of 4)" in html
    assert "1 card due in the next 30 days" in html
    assert '<meter min="0" max="2" value="1"' in html and "Alpha relations" in html
    assert "<title>" in html and "style=" not in html


def test_a_deck_of_one_section_keeps_to_it_through_answer_and_continue(studying):
    document = DocumentFactory()
    QuestionFactory(fact=FactFactory(document=document, section="Economy", position=0), prompt="Economy Q?")
    QuestionFactory(fact=FactFactory(document=document, section="History", position=1), prompt="History Q?")
    url = f"/study/?document={document.slug}&section=History"
    page = studying.get(url)
    assert page.context["card"].question.prompt == "History Q?"
    assert page.context["queue"].new == 1
    html = page.content.decode()
    assert 'name="section" value="History"' in html
    form = {**answer_form(page, 2), "document": document.slug, "section": "History"}
    feedback = studying.post("/study/answer/", form).content.decode()
    assert f'href="/study/?document={document.slug}&amp;section=History"' in feedback
    done = studying.get(url).content.decode()
    assert "Economy Q?" not in done


def test_the_eighth_miss_says_the_card_is_now_a_leech(studying, learner):
    now = timezone.now()
    card = CardFactory(
        user=learner,
        state=Card.State.REVIEW,
        step=None,
        stability=3.0,
        difficulty=8.0,
        due=now - dt.timedelta(hours=1),
        last_review=now - dt.timedelta(days=3),
        reps=20,
        lapses=7,
    )
    page = studying.get("/study/")
    assert page.context["card"] == card
    html = studying.post("/study/answer/", answer_form(page, 0)).content.decode()
    assert "suspended as a leech" in html
    card.refresh_from_db()
    assert card.leech and card.suspended
    assert "Nothing to study here yet" in studying.get("/study/").content.decode()


def test_an_overlong_typed_answer_is_400_before_any_grading(studying, make_questions):
    make_questions(1, typed_number=True)
    form = {**answer_form(studying.get("/study/")), "answer": "1" + " " * 5000 + "x"}
    response = studying.post("/study/answer/", form)
    assert response.status_code == 400
    assert "too long" in response.content.decode()
    assert not ReviewLog.objects.exists()


def test_a_suspended_card_cannot_be_answered(studying, make_questions):
    make_questions(1)
    form = answer_form(studying.get("/study/"), 2)
    Card.objects.update(suspended=True)
    response = studying.post("/study/answer/", form)
    assert response.status_code == 400
    assert "not in your study queue" in response.content.decode()
    assert not ReviewLog.objects.exists()
