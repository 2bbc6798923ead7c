"""factory-boy factories: the one importable place tests build data from."""

import factory
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

PASSWORD = "correct-horse-battery"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def _save(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class TeacherFactory(UserFactory):
    @factory.post_generation
    def teacher_group(obj, create, extracted, **kwargs):
        if create:
            group, _ = Group.objects.get_or_create(name=settings.TEACHERS_GROUP)
            obj.groups.add(group)


class StaffFactory(UserFactory):
    is_staff = True
    is_superuser = True


# --- documents, facts, questions, cards (study) ---------------------------------------------------

DOCUMENT_TEXT = (
    "= A test article =\n\n"
    "The first treaty was signed in 1991. The embassy opened on 23 August 2001.\n\n"
    "== History ==\n\n"
    "Trade reached 55,200 tonnes in 2010.\n"
    "- A list item about the capital.\n"
)


class DocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "facts.Document"

    title = factory.Sequence(lambda n: f"Test article {n}")
    slug = factory.LazyAttribute(lambda o: o.title.lower().replace(" ", "-"))
    text = DOCUMENT_TEXT
    position = factory.Sequence(lambda n: n)


class FactFactory(factory.django.DjangoModelFactory):
    """An approved fact whose source span is the document's first sentence unless given."""

    class Meta:
        model = "facts.Fact"

    document = factory.SubFactory(DocumentFactory)
    section = "History"
    statement = factory.Sequence(lambda n: f"Event {n} happened in {1900 + n % 100}.")
    answer = factory.LazyAttribute(lambda o: o.statement.split()[-1].rstrip("."))
    answer_type = "year"
    status = "approved"
    position = factory.Sequence(lambda n: n)
    source_start = factory.LazyAttribute(lambda o: o.document.text.index("The first treaty"))
    source_end = factory.LazyAttribute(lambda o: o.document.text.index("1991.") + len("1991."))


class QuestionFactory(factory.django.DjangoModelFactory):
    """A four-option multiple-choice question; ``typed_year=True`` / ``typed_number=True`` for typed ones."""

    class Meta:
        model = "quizzes.Question"

    fact = factory.SubFactory(FactFactory)
    kind = "mc"
    prompt = factory.Sequence(lambda n: f"Question {n}: when did it happen?")
    options = ["1989", "1990", "1991", "1992"]
    answer_index = 2
    answer = factory.LazyAttribute(lambda o: o.options[o.answer_index] if o.options else "1991")
    answer_type = "year"

    class Params:
        typed_year = factory.Trait(kind="typed_year", options=None, answer_index=None, answer="1991")
        typed_number = factory.Trait(kind="typed_number", options=None, answer_index=None, answer="55,200")


def _now():
    from django.utils import timezone

    return timezone.now()


class CardFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "quizzes.Card"

    user = factory.SubFactory(UserFactory)
    question = factory.SubFactory(QuestionFactory)
    due = factory.LazyFunction(_now)


# --- quizzes (teach) ------------------------------------------------------------------------------


class QuizFactory(factory.django.DjangoModelFactory):
    """A draft quiz of a teacher; ``published=True`` gives it a join code and opens it."""

    class Meta:
        model = "quizzes.Quiz"

    owner = factory.SubFactory(TeacherFactory)
    title = factory.Sequence(lambda n: f"Quiz {n}")
    attempts_allowed = 1
    shuffle_options = False

    class Params:
        published = factory.Trait(
            join_code=factory.Sequence(lambda n: f"TQ{n:04d}"),
            published_at=factory.LazyFunction(_now),
        )


class QuizItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "quizzes.QuizItem"

    quiz = factory.SubFactory(QuizFactory)
    question = factory.SubFactory(QuestionFactory)
    position = factory.Sequence(lambda n: n)


# --- many rows at once (query-count tests, the optimiser tests, bench/study.py) --------------------


def studied_library(user, cards: int, *, now, fact=None, question=None) -> list:
    """``cards`` studied cards (half due for review, half learning, all due) plus as many unstarted
    questions, in three bulk inserts. The rows are built by the factories above, so their defaults live in
    one place; ``fact`` / ``question`` override factory fields (e.g. ``{"kind": "year_choice"}``)."""
    import datetime as dt

    from facts.models import Fact
    from quizzes.models import Card, Question

    document = DocumentFactory()
    facts = Fact.objects.bulk_create(
        FactFactory.build(document=document, **(fact or {})) for _ in range(cards * 2)
    )
    questions = Question.objects.bulk_create(QuestionFactory.build(fact=f, **(question or {})) for f in facts)
    return Card.objects.bulk_create(
        CardFactory.build(
            user=user,
            question=q,
            state=Card.State.REVIEW if i % 2 else Card.State.LEARNING,
            step=None if i % 2 else 1,
            stability=5.0,
            difficulty=5.0,
            due=now - dt.timedelta(minutes=5 + i),
            last_review=now - dt.timedelta(days=3),
            reps=3,
        )
        for i, q in enumerate(questions[:cards])
    )


def new_cards(user, count: int, *, due, question=None) -> list:
    """``count`` cards never answered, each on its own fact (bulk inserts, rows built by the factories)."""
    from facts.models import Fact
    from quizzes.models import Card, Question

    document = DocumentFactory()
    facts = Fact.objects.bulk_create(FactFactory.build(document=document) for _ in range(count))
    questions = Question.objects.bulk_create(QuestionFactory.build(fact=f, **(question or {})) for f in facts)
    return Card.objects.bulk_create(CardFactory.build(user=user, question=q, due=due) for q in questions)
