"""Typed names in quizzes: a short answer imported from GIFT, taken in a text box, graded kindly."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from quizzes.models import Attempt, Response
from quizzes.teaching import quizzes as teaching
from tests.factories import FactFactory, QuestionFactory, QuizFactory, QuizItemFactory

from .conftest import start

pytestmark = pytest.mark.django_db

GIFT = """::q1:: Which Polish President visited Astana in 2002? {=Aleksander Kwaśniewski}

::q2:: What is the capital of Peru? {=Lima}
"""


def _upload(client, quiz, text: str):
    file = SimpleUploadedFile("names.gift", text.encode("utf-8"), content_type="text/plain")
    return client.post(reverse("teach_quiz_import", args=[quiz.pk]), {"file": file, "format": "auto"})


def test_a_gift_short_answer_imports_as_a_typed_name_and_is_graded_kindly(client, teacher, learner):
    quiz = QuizFactory(owner=teacher, title="Names")
    client.force_login(teacher)
    assert _upload(client, quiz, GIFT).status_code == 302
    items = list(quiz.items.order_by("position"))
    assert [(i.kind, i.answer, i.options) for i in items] == [
        ("typed_text", "Aleksander Kwaśniewski", None),
        ("typed_text", "Lima", None),
    ]
    teaching.quiz_publish(quiz=quiz)
    client.force_login(learner)
    attempt_id = start(client, quiz)
    page = client.get(reverse("attempt_question", args=[attempt_id, 1])).content.decode()
    assert 'id="typed-answer"' in page and 'inputmode="numeric"' not in page
    client.post(
        reverse("attempt_question", args=[attempt_id, 1]), {"answer": "president aleksander kwasniewski"}
    )
    client.post(reverse("attempt_question", args=[attempt_id, 2]), {"answer": "Cusco"})
    client.post(reverse("attempt_finish", args=[attempt_id]))
    graded = list(Response.objects.filter(attempt_id=attempt_id).order_by("item__position"))
    assert [r.correct for r in graded] == [True, False]
    assert Attempt.objects.get(pk=attempt_id).score == 0.5


def test_a_generated_typed_name_exports_as_a_moodle_short_answer(client, teacher, document):
    fact = FactFactory(document=document, position=3)
    question = QuestionFactory(
        fact=fact,
        kind="typed_text",
        options=None,
        answer_index=None,
        answer="Lima",
        answer_type="place",
        prompt="Which city did the delegation visit?",
    )
    quiz = QuizFactory(owner=teacher, title="Places")
    QuizItemFactory(quiz=quiz, question=question, position=0)
    client.force_login(teacher)
    xml = client.get(reverse("teach_export", args=[quiz.pk, "moodle"])).content.decode()
    assert 'type="shortanswer"' in xml and "<text>Lima</text>" in xml
