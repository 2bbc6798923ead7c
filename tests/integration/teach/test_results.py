"""The results page: learners' grades, and item analysis over first attempts checked against numbers
worked out by hand, reached through real attempts."""

import csv
import io

import pytest
from django.urls import reverse
from django.utils import timezone

from quizzes.models import Attempt, Quiz, Response
from tests.factories import UserFactory

from .conftest import take

pytestmark = pytest.mark.django_db

RIGHT, WRONG = 2, 0  # canonical option indexes: "1991" is right, "1989" is a distractor

# Four learners' first attempts (1 = right):     Q1 Q2 Q3   total
#   ann                                            1  1  1     3
#   ben                                            1  1  0     2
#   cat                                            1  0  0     1
#   dan                                            0  0  1     1
#
# Facility = mean mark: Q1 3/4 = 75%, Q2 2/4 = 50%, Q3 2/4 = 50%.
# Discrimination = 100 · r(item mark, rest of the test), sample (n−1) moments:
#   Q1: x = 1,1,1,0; rest = 2,1,0,1 (mean 1). Cov = (.25·1 + .25·0 + .25·(−1) − .75·0)/3 = 0 → 0.0
#   Q2: x = 1,1,0,0; rest = 2,1,1,1 (mean 1.25). Cov = (.5·.75 + .5·(−.25) − .5·(−.25) − .5·(−.25))/3 = 1/6;
#       V(x) = 1/3, V(rest) = (.5625 + 3·.0625)/3 = 1/4 → 100 · (1/6)/√(1/12) = 57.7
#   Q3: x = 1,0,0,1; rest = 2,2,1,0 (mean 1.25). Cov = (.375 − .375 + .125 − .625)/3 = −1/6;
#       V(rest) = (.5625 + .5625 + .0625 + 1.5625)/3 = 11/12 → 100 · (−1/6)/√(11/36) = −30.2
# Flags: Q1 and Q3 discriminate badly (below 30); Q2 none.
# Option shares of Q1: "1991" 3 of 4 = 75%, "1989" 1 of 4 = 25%, "1990" and "1992" 0%.
PICKS = {
    "ann": [RIGHT, RIGHT, RIGHT],
    "ben": [RIGHT, RIGHT, WRONG],
    "cat": [RIGHT, WRONG, WRONG],
    "dan": [WRONG, WRONG, RIGHT],
}


@pytest.fixture
def taken(client, quiz):
    Quiz.objects.filter(pk=quiz.pk).update(attempts_allowed=2, grading=Quiz.Grading.HIGHEST)
    for username, picks in PICKS.items():
        take(client, UserFactory(username=username), quiz, picks)
    # A second attempt must not enter the analysis (first attempts only), but it does count for grades.
    take(client, UserFactory(username="dan"), quiz, [RIGHT, RIGHT, RIGHT])
    return quiz


def stats_rows(page: str) -> list[str]:
    table = page.split('id="question-stats"')[1].split("</table>")[0]
    return [row for row in table.split("<tr>")[2:]]


def test_results_page_shows_the_hand_computed_item_analysis(client, teacher, taken):
    client.force_login(teacher)
    page = client.get(reverse("teach_results", args=[taken.pk])).content.decode()
    q1, q2, q3 = stats_rows(page)
    assert "75.0%" in q1 and '<td class="num">0.0</td>' in q1 and "discriminates badly" in q1
    assert "1991: 75%" in q1 and "1989: 25%" in q1 and "1990: 0%" in q1
    assert "50.0%" in q2 and '<td class="num">57.7</td>' in q2 and "badge flag" not in q2
    assert "50.0%" in q3 and '<td class="num">-30.2</td>' in q3 and "discriminates badly" in q3
    assert "over each learner's first finished attempt (4 so far)" in page


def test_results_table_lists_learners_with_grade_attempts_and_time(client, teacher, taken):
    client.force_login(teacher)
    page = client.get(reverse("teach_results", args=[taken.pk])).content.decode()
    learners = page.split('id="learners"')[1].split("</table>")[0]
    rows = {
        name.strip(): row
        for name, row in ((r.split("</th>")[0], r) for r in learners.split('<th scope="row">')[1:])
    }
    assert set(rows) == {"ann", "ben", "cat", "dan"}
    assert '<td class="num">100%</td>' in rows["ann"] and '<td class="num">1</td>' in rows["ann"]
    assert '<td class="num">33%</td>' in rows["cat"]
    assert (
        '<td class="num">100%</td>' in rows["dan"] and '<td class="num">2</td>' in rows["dan"]
    )  # highest of 2
    assert " s</td>" in rows["ann"]  # time taken


def test_csv_downloads(client, teacher, taken):
    client.force_login(teacher)
    response = client.get(reverse("teach_results_csv", args=[taken.pk]))
    assert response["Content-Type"].startswith("text/csv") and "attachment" in response["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert len(rows) == 5
    dan = [row for row in rows if row["learner"] == "dan"]
    assert [row["score_percent"] for row in dan] == ["33.3", "100.0"]
    assert all(row["grade_percent (highest grade)"] == "100.0" for row in dan)

    stats = client.get(reverse("teach_stats_csv", args=[taken.pk])).content.decode("utf-8-sig")
    table = list(csv.DictReader(io.StringIO(stats)))
    assert [row["facility_percent"] for row in table] == ["75.00", "50.00", "50.00"]
    assert [row["discrimination_index"] for row in table] == ["0.00", "57.74", "-30.15"]
    assert table[0]["question"] == "Q1. When was the first treaty signed?"


def test_a_first_attempt_with_no_answer_counts_as_all_wrong(client, teacher, quiz):
    take(client, UserFactory(username="ann"), quiz, [RIGHT, RIGHT, RIGHT])
    take(client, UserFactory(username="eve"), quiz, [None, None, None])
    client.force_login(teacher)
    page = client.get(reverse("teach_results", args=[quiz.pk])).content.decode()
    assert page.count("50.0%") == 3 and "(2 so far)" in page


def make_attempts(quiz, count: int) -> None:
    """``count`` finished first attempts written directly (fast), each answering every item."""
    items = list(quiz.items.order_by("position"))
    now = timezone.now()
    for n in range(count):
        user = UserFactory(username=f"bulk{n}")
        attempt = Attempt.objects.create(
            quiz=quiz,
            user=user,
            number=1,
            started_at=now,
            finished_at=now,
            score=0.5,
            order=[i.pk for i in items],
            option_orders={},
        )
        Response.objects.bulk_create(
            Response(
                attempt=attempt,
                item=item,
                answer_given="1991" if (n + k) % 2 else "1989",
                chosen_index=2 if (n + k) % 2 else 0,
                correct=bool((n + k) % 2),
                score=float((n + k) % 2),
                answered_at=now,
            )
            for k, item in enumerate(items)
        )


@pytest.mark.parametrize("attempts", [5, 50])
def test_results_query_count_does_not_grow_with_attempts(
    client, teacher, quiz, attempts, django_assert_max_num_queries
):
    make_attempts(quiz, attempts)
    client.force_login(teacher)
    with django_assert_max_num_queries(7):
        response = client.get(reverse("teach_results", args=[quiz.pk]))
    assert response.status_code == 200 and response.content.decode().count('<th scope="row">') == attempts
