"""Leeches: suspended for the learner (who can bring them back) and flagged for the fact's admin."""

import pytest
from django.urls import reverse

from tests.factories import CardFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def leech(learner):
    return CardFactory(user=learner, state=2, lapses=8, leech=True, suspended=True)


def test_the_learner_sees_their_leech_and_brings_it_back(client, learner, leech):
    client.force_login(learner)
    page = client.get(reverse("stats")).content.decode()
    assert leech.question.prompt in page and "forgotten 8 times" in page
    response = client.post(reverse("study_unsuspend", args=[leech.pk]), follow=True)
    assert "back in your study queue" in response.content.decode()
    leech.refresh_from_db()
    assert not leech.suspended and leech.leech  # the flag stays for the record
    assert leech.question.prompt not in client.get(reverse("stats")).content.decode()


def test_someone_elses_leech_is_a_404(client, leech):
    client.force_login(UserFactory(username="mallory"))
    assert client.post(reverse("study_unsuspend", args=[leech.pk])).status_code == 404
    leech.refresh_from_db()
    assert leech.suspended


def test_the_facts_admin_sees_which_facts_became_leeches(client, staff, leech):
    other = CardFactory()  # a healthy card of another fact
    client.force_login(staff)
    listing = client.get("/admin/facts/fact/?leeches=yes").content.decode()
    assert f"/admin/facts/fact/{leech.question.fact_id}/change/" in listing
    assert f"/admin/facts/fact/{other.question.fact_id}/change/" not in listing
    page = client.get(f"/admin/facts/fact/{leech.question.fact_id}/change/").content.decode()
    assert "1 learner card(s) became leeches" in page


def test_an_admin_cannot_store_a_timezone_that_does_not_exist(client, staff, learner):
    from quizzes.models import StudyProfile

    profile = StudyProfile.objects.create(user=learner)
    client.force_login(staff)
    response = client.post(
        f"/admin/quizzes/studyprofile/{profile.pk}/change/",
        {
            "user": learner.pk,
            "timezone": "Mars/Base",
            "desired_retention": 0.9,
            "new_per_day": 20,
            "reviews_per_day": 200,
        },
    )
    assert response.status_code == 200 and "is not a timezone name" in response.content.decode()
    profile.refresh_from_db()
    assert profile.timezone == "UTC"
