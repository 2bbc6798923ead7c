"""The study page and an answer cost the same number of queries with 10 cards as with 1,000."""

import pytest
from django.utils import timezone

from tests.factories import studied_library

pytestmark = pytest.mark.django_db

# One budget for both sizes: what matters is that it does not grow with the number of cards.
STUDY_PAGE_MAX = 9
ANSWER_MAX = 18
STATS_MAX = 11  # includes the leeches list


def library(user, cards: int) -> None:
    """``cards`` studied cards (half due for review, half learning) plus as many new questions."""
    studied_library(user, cards, now=timezone.now())


@pytest.mark.parametrize("cards", [10, 1000])
def test_study_page_and_answer_queries_do_not_grow_with_cards(
    client, learner, cards, django_assert_max_num_queries
):
    library(learner, cards)
    client.force_login(learner)
    client.get("/study/")  # the profile is created on the first visit
    with django_assert_max_num_queries(STUDY_PAGE_MAX):
        page = client.get("/study/", HTTP_HX_REQUEST="true")
    ctx = page.context
    right = next(str(o.key) for o in ctx["options"] if o.correct)
    form = {"card": ctx["card"].pk, "key": ctx["idempotency_key"], "shown": ctx["shown"], "answer": right}
    with django_assert_max_num_queries(ANSWER_MAX):
        response = client.post("/study/answer/", form, HTTP_HX_REQUEST="true")
    assert response.status_code == 200 and b"Right!" in response.content
    with django_assert_max_num_queries(STUDY_PAGE_MAX + 2):
        client.get("/study/")  # the full page adds the deck menu
    with django_assert_max_num_queries(STATS_MAX):
        assert client.get("/stats/").status_code == 200
