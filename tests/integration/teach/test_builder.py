"""The quiz builder: create, find questions (htmx), add, remove, reorder, edit for this quiz, settings,
publish / close / reopen, and all-or-nothing import."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from quizzes.models import Attempt, Question, Quiz, QuizItem
from quizzes.teaching import quizzes as teaching
from tests.factories import QuizFactory

from .conftest import answer, start

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def draft(teacher):
    return QuizFactory(owner=teacher, title="Draft quiz")


def prompts(quiz) -> list[str]:
    return [
        item.prompt or item.question.prompt
        for item in QuizItem.objects.filter(quiz=quiz).order_by("position")
    ]


def test_a_teacher_creates_a_quiz(client, teacher):
    client.force_login(teacher)
    assert client.post(reverse("teach"), {"title": ""}).status_code == 400
    response = client.post(reverse("teach"), {"title": "Week 1", "description": "Treaties"})
    quiz = Quiz.objects.get(title="Week 1")
    assert quiz.owner == teacher and quiz.published_at is None
    assert response["Location"] == reverse("teach_quiz", args=[quiz.pk])


def test_search_filters_by_text_document_section_and_kind(client, teacher, draft, questions):
    client.force_login(teacher)
    url = reverse("teach_quiz", args=[draft.pk])
    page = client.get(url, {"q": "embassy"}).content.decode()
    assert "When did the embassy open?" in page and "When was the first treaty signed?" not in page

    # htmx typing swaps only the results list.
    fragment = client.get(url, {"q": "when", "section": "Trade"}, HTTP_HX_TARGET="search-results", **HTMX)
    body = fragment.content.decode()
    assert '<div id="search-results"' in body and "<html" not in body and "Settings" not in body
    assert (
        body.count('aria-label="Add: ') == 3
    )  # three prompts say "when"; a section without a document is ignored
    only_trade = client.get(
        url,
        {"document": "treaties-of-the-north", "section": "Trade"},
        HTTP_HX_TARGET="search-results",
        **HTMX,
    ).content.decode()
    assert "When did trade reach its peak?" in only_trade and "first treaty" not in only_trade
    typed = client.get(url, {"kind": "typed_year"}, HTTP_HX_TARGET="search-results", **HTMX).content.decode()
    assert "In which year was the port built?" in typed and "embassy" not in typed
    # Picking a document refreshes the whole filter block so the section list fits the document.
    block = client.get(
        url, {"document": "treaties-of-the-north"}, HTTP_HX_TARGET="search", **HTMX
    ).content.decode()
    assert '<section id="search"' in block and '<option value="Trade"' in block


def test_search_hides_inactive_questions(client, teacher, draft, questions):
    Question.objects.filter(pk=questions[0].pk).update(active=False)
    client.force_login(teacher)
    page = client.get(reverse("teach_quiz", args=[draft.pk]), {"q": "treaty"}).content.decode()
    assert "first treaty" not in page
    response = client.post(reverse("teach_item_add", args=[draft.pk]), {"question": questions[0].pk})
    assert response.status_code == 400 and not draft.items.exists()


def test_add_remove_and_reorder_with_htmx(client, teacher, draft, questions):
    client.force_login(teacher)
    add = reverse("teach_item_add", args=[draft.pk])
    for question in questions[:3]:
        fragment = client.post(add, {"question": question.pk}, **HTMX)
        assert fragment.status_code == 200 and '<section id="items"' in fragment.content.decode()
    client.post(add, {"question": questions[0].pk}, **HTMX)  # twice: harmless
    assert prompts(draft) == [q.prompt for q in questions[:3]]

    third = QuizItem.objects.get(quiz=draft, question=questions[2])
    client.post(reverse("teach_item_move", args=[draft.pk, third.pk]), {"direction": "up"}, **HTMX)
    client.post(reverse("teach_item_move", args=[draft.pk, third.pk]), {"direction": "up"}, **HTMX)
    client.post(
        reverse("teach_item_move", args=[draft.pk, third.pk]), {"direction": "up"}, **HTMX
    )  # already first
    assert prompts(draft) == [questions[2].prompt, questions[0].prompt, questions[1].prompt]
    assert (
        client.post(
            reverse("teach_item_move", args=[draft.pk, third.pk]), {"direction": "sideways"}
        ).status_code
        == 400
    )

    first = QuizItem.objects.get(quiz=draft, question=questions[0])
    fragment = client.post(reverse("teach_item_remove", args=[draft.pk, first.pk]), **HTMX)
    assert "Questions in this quiz (2)" in fragment.content.decode()
    assert prompts(draft) == [questions[2].prompt, questions[1].prompt]
    assert list(QuizItem.objects.filter(quiz=draft).values_list("position", flat=True)) == [0, 1]


def test_without_javascript_the_forms_redirect_back(client, teacher, draft, questions):
    client.force_login(teacher)
    response = client.post(reverse("teach_item_add", args=[draft.pk]), {"question": questions[0].pk})
    assert response.status_code == 302 and response["Location"] == reverse("teach_quiz", args=[draft.pk])
    assert "Question added." in client.get(response["Location"]).content.decode()


def edit(client, quiz, item, **data):
    return client.post(reverse("teach_item_edit", args=[quiz.pk, item.pk]), data)


def test_editing_a_question_for_this_quiz_only(client, teacher, draft, questions):
    client.force_login(teacher)
    item = QuizItem.objects.create(quiz=draft, question=questions[0], position=0)
    form = client.get(reverse("teach_item_edit", args=[draft.pk, item.pk])).content.decode()
    assert 'value="1991"' in form and re.search(r'id="correct-3" value="3"\s+checked', form)  # the right one
    response = edit(
        client,
        draft,
        item,
        prompt="In which year was the first treaty signed?",
        option_1="1990",
        option_2="1991",
        option_3="",
        option_4="1993",
        correct="2",
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.prompt == "In which year was the first treaty signed?"
    assert item.options == ["1990", "1991", "1993"] and item.answer_index == 1 and item.answer == "1991"
    questions[0].refresh_from_db()
    assert questions[0].options == ["1989", "1990", "1991", "1992"]  # the document's question is untouched


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"option_1": "1990", "option_2": "1990 ", "correct": "1"}, "the same"),
        ({"option_1": "1990", "option_2": "1991"}, "Mark exactly one option"),
        ({"option_1": "1990", "option_2": "1991", "correct": "3"}, "Mark exactly one option"),
        ({"option_1": "1990", "correct": "1"}, "between 2 and"),
        ({"prompt": "", "option_1": "1990", "option_2": "1991", "correct": "1"}, "required"),
    ],
)
def test_bad_edits_are_refused_with_a_message(client, teacher, draft, questions, data, message):
    client.force_login(teacher)
    item = QuizItem.objects.create(quiz=draft, question=questions[0], position=0)
    response = edit(client, draft, item, **{"prompt": "Which year?", **data})
    assert response.status_code == 400
    assert message in response.content.decode()
    item.refresh_from_db()
    assert item.prompt == "" and item.options is None


def test_typed_answers_must_stay_numbers(client, teacher, draft, questions):
    client.force_login(teacher)
    item = QuizItem.objects.create(quiz=draft, question=questions[3], position=0)
    assert edit(client, draft, item, prompt="Year?", answer="soon").status_code == 400
    assert edit(client, draft, item, prompt="Year the port opened?", answer="1992").status_code == 302
    item.refresh_from_db()
    assert (item.answer, item.options) == ("1992", None)


def test_settings_are_saved_and_validated(client, teacher, draft):
    client.force_login(teacher)
    url = reverse("teach_quiz_settings", args=[draft.pk])
    good = {
        "title": "Draft quiz",
        "time_limit_minutes": "10",
        "attempts_allowed": "0",
        "grading": "average",
        "shuffle_questions": "on",
        "feedback": "immediate",
    }
    assert client.post(url, good).status_code == 302
    draft.refresh_from_db()
    assert (draft.time_limit_minutes, draft.attempts_allowed, draft.grading) == (10, 0, "average")
    assert draft.shuffle_questions and not draft.shuffle_options and draft.feedback == "immediate"
    bad = client.post(url, {**good, "time_limit_minutes": "-5", "grading": "median"})
    assert bad.status_code == 400
    assert "greater than or equal to 1" in bad.content.decode()
    draft.refresh_from_db()
    assert draft.time_limit_minutes == 10


def test_publish_close_and_reopen(client, teacher, draft, questions, learner):
    client.force_login(teacher)
    refused = client.post(reverse("teach_publish", args=[draft.pk]))
    assert refused.status_code == 400 and "Add at least one question" in refused.content.decode()
    QuizItem.objects.create(quiz=draft, question=questions[0], position=0)
    assert client.post(reverse("teach_publish", args=[draft.pk])).status_code == 302
    draft.refresh_from_db()
    assert draft.is_open and len(draft.join_code) == 6
    page = client.get(reverse("teach_quiz", args=[draft.pk])).content.decode()
    assert draft.join_code in page and f"/join/{draft.join_code}/" in page
    # Publishing froze the wording: regenerating the question later does not change the quiz.
    Question.objects.filter(pk=questions[0].pk).update(prompt="Regenerated wording")
    assert prompts(draft) == ["When was the first treaty signed?"]

    client.post(reverse("teach_close", args=[draft.pk]))
    draft.refresh_from_db()
    assert draft.closed and not draft.is_open
    code = draft.join_code
    client.post(reverse("teach_reopen", args=[draft.pk]))
    draft.refresh_from_db()
    assert draft.is_open and draft.join_code == code


def test_questions_are_fixed_once_learners_have_attempts(client, teacher, quiz, learner, questions):
    client.force_login(learner)
    start(client, quiz)
    client.force_login(teacher)
    item = quiz.items.first()
    response = client.post(reverse("teach_item_remove", args=[quiz.pk, item.pk]), **HTMX)
    assert response.status_code == 409 and "can no longer change" in response.content.decode()
    assert (
        client.post(reverse("teach_item_add", args=[quiz.pk]), {"question": questions[3].pk}).status_code
        == 409
    )
    assert edit(client, quiz, item, prompt="New?", option_1="a", option_2="b", correct="1").status_code == 409
    assert quiz.items.count() == 3
    # Settings can still change.
    assert (
        client.post(
            reverse("teach_quiz_settings", args=[quiz.pk]),
            {"title": "Renamed", "attempts_allowed": "3", "grading": "highest", "feedback": "end"},
        ).status_code
        == 302
    )


GIFT = """// two questions
::q1:: Which river flows through the capital? {=Vistula ~Oder ~Warta}

::q2:: In which year was the port built? {#1991}
"""

BAD_CSV = """prompt,option_1,option_2,option_3,answer
Which river flows through the capital?,Vistula,Oder,Warta,Vistula
Which sea is to the north?,Baltic,Baltic,North,Baltic
Which city is the capital?,Warsaw,Krakow,,Gdansk
"""


def upload(client, quiz, name: str, text: str, fmt: str = "auto"):
    file = SimpleUploadedFile(name, text.encode("utf-8"), content_type="text/plain")
    return client.post(reverse("teach_quiz_import", args=[quiz.pk]), {"file": file, "format": fmt})


def test_gift_import_adds_questions_without_facts(client, teacher, draft):
    client.force_login(teacher)
    assert upload(client, draft, "week1.gift", GIFT).status_code == 302
    items = list(draft.items.order_by("position"))
    assert [(i.question, i.kind, i.answer) for i in items] == [
        (None, "mc", "Vistula"),
        (None, "typed_year", "1991"),
    ]
    assert items[0].options == ["Vistula", "Oder", "Warta"] and items[0].answer_index == 0


def test_a_bad_csv_imports_nothing_and_lists_each_bad_line(client, teacher, draft):
    client.force_login(teacher)
    response = upload(client, draft, "questions.csv", BAD_CSV)
    assert response.status_code == 400
    page = response.content.decode()
    assert "Nothing was imported" in page
    assert "line 3:" in page and "appears twice" in page
    assert "line 4:" in page and "Gdansk" in page
    assert "line 2:" not in page
    assert not draft.items.exists()


def test_import_refuses_unknown_formats_and_non_utf8(client, teacher, draft):
    client.force_login(teacher)
    assert "Cannot tell the format" in upload(client, draft, "questions.docx", GIFT).content.decode()
    file = SimpleUploadedFile("q.csv", "prompt,answer\nCafé?,1\n".encode("latin-1"))
    response = client.post(reverse("teach_quiz_import", args=[draft.pk]), {"file": file, "format": "csv"})
    assert response.status_code == 400 and "not UTF-8" in response.content.decode()
    assert not draft.items.exists()


def test_imported_questions_can_be_taken(client, teacher, draft, learner):
    client.force_login(teacher)
    upload(client, draft, "week1.gift", GIFT)
    teaching.quiz_publish(quiz=draft)
    client.force_login(learner)
    attempt_id = start(client, draft)
    answer(client, attempt_id, 1, 0)
    client.post(reverse("attempt_question", args=[attempt_id, 2]), {"answer": "1990"})
    client.post(reverse("attempt_finish", args=[attempt_id]))
    assert Attempt.objects.get(pk=attempt_id).score == 0.5


def test_a_question_whose_fact_was_rejected_is_not_published(client, teacher, draft, questions):
    QuizItem.objects.create(quiz=draft, question=questions[0], position=0)
    QuizItem.objects.create(quiz=draft, question=questions[1], position=1)
    # an admin rejects the second question's fact: its question is withdrawn
    Question.objects.filter(pk=questions[1].pk).update(active=False)
    client.force_login(teacher)
    refused = client.post(reverse("teach_publish", args=[draft.pk]))
    assert refused.status_code == 400
    assert "Remove them before publishing" in refused.content.decode()
    assert questions[1].prompt in refused.content.decode()
    draft.refresh_from_db()
    assert not draft.is_open
    QuizItem.objects.filter(quiz=draft, question=questions[1]).delete()
    assert client.post(reverse("teach_publish", args=[draft.pk])).status_code == 302
