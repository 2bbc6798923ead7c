"""Guessing is slowed down: sign-in lockouts per (username, address), join-code and sign-up rate limits."""

import datetime as dt
import smtplib

import pytest
from axes.models import AccessAttempt
from django.core import mail
from django.core.cache import cache
from django.test import Client, override_settings
from django.urls import reverse

from tests.factories import PASSWORD, QuizFactory, StaffFactory, UserFactory

pytestmark = pytest.mark.django_db

ATTACKER = "203.0.113.7"
ELSEWHERE = "198.51.100.9"


def login(client, username, password, address=ATTACKER, url="/accounts/login/"):
    return client.post(url, {"username": username, "password": password}, REMOTE_ADDR=address)


def test_twenty_wrong_passwords_lock_the_pair_with_a_message_while_others_sign_in(client, learner):
    other = UserFactory(username="omar")
    statuses = [login(client, "lena", f"guess-{n}").status_code for n in range(20)]
    assert statuses[:9] == [200] * 9  # the login page again, "did not match"
    assert set(statuses[10:]) == {429}
    locked = login(client, "lena", PASSWORD)  # even the right password waits out the pause
    assert locked.status_code == 429
    page = locked.content.decode()
    assert "Sign-in paused" in page and "15 minutes" in page and "ask a member of staff" in page
    assert "_auth_user_id" not in client.session
    # another learner on the same address, and the same learner elsewhere, sign in normally
    assert login(Client(), "omar", PASSWORD).status_code == 302
    assert login(Client(), "lena", PASSWORD, address=ELSEWHERE).status_code == 302
    assert other.pk


def test_the_admin_login_is_throttled_too(client):
    StaffFactory(username="root")
    for n in range(10):
        login(client, "root", f"guess-{n}", url="/admin/login/")
    response = login(client, "root", PASSWORD, url="/admin/login/")
    assert response.status_code == 429 and "Sign-in paused" in response.content.decode()


def test_staff_lift_a_lockout_in_the_admin(client, learner, staff):
    for n in range(10):
        login(client, "lena", f"guess-{n}")
    assert login(client, "lena", PASSWORD).status_code == 429
    attempt = AccessAttempt.objects.get(username="lena")
    admin = Client()
    admin.force_login(staff)
    listing = admin.get(reverse("admin:axes_accessattempt_changelist"))
    assert listing.status_code == 200 and "lena" in listing.content.decode()
    response = admin.post(
        reverse("admin:axes_accessattempt_changelist"),
        {"action": "delete_selected", "_selected_action": [attempt.pk], "post": "yes"},
    )
    assert response.status_code == 302
    assert login(client, "lena", PASSWORD).status_code == 302


def test_the_pause_ends_after_the_cool_off_time(client, learner, settings):
    for n in range(10):
        login(client, "lena", f"guess-{n}")
    assert login(client, "lena", PASSWORD).status_code == 429
    AccessAttempt.objects.update(attempt_time=dt.datetime.now(dt.UTC) - settings.AXES_COOLOFF_TIME * 1.1)
    assert login(client, "lena", PASSWORD).status_code == 302


# --- join codes ------------------------------------------------------------------------------------


def guess_codes(client, count, address=ATTACKER):
    return [
        client.get(reverse("join"), {"code": f"ZZ{n:04d}"}, REMOTE_ADDR=address).status_code
        for n in range(count)
    ]


def assert_join_codes_are_limited(learner):
    quiz = QuizFactory(published=True)
    client = Client()
    client.force_login(learner)
    statuses = guess_codes(client, 200)
    assert statuses[:20] == [404] * 20
    assert set(statuses[21:]) == {429}
    refused = client.get(reverse("join_quiz", args=[quiz.join_code]), REMOTE_ADDR=ATTACKER)
    assert refused.status_code == 429 and "Try again in" in refused.content.decode()
    assert refused["Retry-After"].isdigit()
    # a classmate elsewhere is not held up by the guesser
    classmate = Client()
    classmate.force_login(UserFactory(username="cleo"))
    ok = classmate.get(reverse("join"), {"code": quiz.join_code}, REMOTE_ADDR=ELSEWHERE)
    assert ok.status_code == 302


def test_join_code_guesses_are_limited_on_the_database_cache(learner):
    assert_join_codes_are_limited(learner)


def test_a_right_code_never_counts_as_a_guess(client, learner):
    quiz = QuizFactory(published=True)
    client.force_login(learner)
    for _ in range(40):
        assert client.get(reverse("join_quiz", args=[quiz.join_code])).status_code == 200


REDIS_URL = "redis://127.0.0.1:6379/3"


def redis_answers() -> bool:
    import redis

    try:
        return bool(redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping())
    except redis.RedisError:
        return False


@pytest.mark.skipif(not redis_answers(), reason="Redis does not answer on 127.0.0.1:6379")
def test_join_code_guesses_are_limited_on_redis(learner):
    redis_cache = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
    }
    with override_settings(CACHES=redis_cache):
        cache.clear()
        try:
            assert_join_codes_are_limited(learner)
            assert any(b"join-code" in key or b"rl:" in key for key in cache._cache.get_client().keys("*"))
        finally:
            cache.clear()


# --- sign-up and password reset --------------------------------------------------------------------


def signup(client, username, address=ATTACKER, **extra):
    data = {
        "username": username,
        "password1": "a-long-pass-phrase",
        "password2": "a-long-pass-phrase",
        **extra,
    }
    return client.post("/accounts/signup/", data, REMOTE_ADDR=address)


def test_signups_from_one_address_are_limited(settings, django_user_model):
    settings.SIGNUP_RATE = "5/h"
    statuses = [signup(Client(), f"new{n}").status_code for n in range(8)]
    assert statuses[:5] == [302] * 5 and set(statuses[5:]) == {429}
    assert django_user_model.objects.count() == 5
    refused = signup(Client(), "late")
    assert "Please wait a moment" in refused.content.decode()
    assert signup(Client(), "neighbour", address=ELSEWHERE).status_code == 302


def test_email_is_optional_at_signup_and_kept_when_given(client, django_user_model):
    assert signup(Client(), "noemail").status_code == 302
    assert signup(Client(), "withemail", email="w@example.org").status_code == 302
    assert django_user_model.objects.get(username="noemail").email == ""
    assert django_user_model.objects.get(username="withemail").email == "w@example.org"
    assert "Optional" in client.get("/accounts/signup/").content.decode()


def test_the_reset_form_says_an_email_address_is_needed(client):
    page = client.get("/accounts/password_reset/").content.decode()
    assert "only go to an account that has an email address" in page


def test_a_reset_link_is_mailed_to_an_account_with_an_email(client):
    UserFactory(username="mia", email="mia@example.org")
    response = client.post("/accounts/password_reset/", {"email": "mia@example.org"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1 and "mia@example.org" in mail.outbox[0].to


class RefusingBackend:
    """A mail server that is down."""

    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise smtplib.SMTPConnectError(421, "service not available")

    def __getattr__(self, name):  # open/close and anything else the mailer asks for
        return lambda *args, **kwargs: None


def test_when_the_mail_cannot_be_sent_the_user_is_told_so(client, settings):
    UserFactory(username="mia", email="mia@example.org")
    settings.MAILERS = {"default": {"BACKEND": "tests.integration.test_throttles.RefusingBackend"}}
    response = client.post("/accounts/password_reset/", {"email": "mia@example.org"})
    page = response.content.decode()
    assert response.status_code == 503
    assert "could not send the email" in page and "Check your email" not in page
