"""The foundation a user meets first: health check, accounts, roles, security headers."""

import json

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def test_healthz_touches_the_database_and_answers_json(client, django_assert_num_queries):
    with django_assert_num_queries(1):
        response = client.get("/healthz")
    assert response.status_code == 200
    body = json.loads(response.content)
    assert body["status"] == "ok"
    assert isinstance(body["database_ms"], float) and 0 <= body["database_ms"] < 10_000
    assert "database" not in body and "sqlite" not in response.content.decode()  # the engine is not named


def test_signup_creates_account_logs_in_and_lands_home(client, django_user_model):
    response = client.post(
        "/accounts/signup/",
        {"username": "newbie", "password1": "a-long-pass-phrase", "password2": "a-long-pass-phrase"},
    )
    assert response.status_code == 302 and response["Location"] == reverse("home")
    assert django_user_model.objects.filter(username="newbie").exists()
    home = client.get(response["Location"])
    assert b"Welcome to Factdeck, newbie" in home.content
    assert b"Log out" in home.content


@pytest.mark.parametrize(
    "data, message",
    [
        ({"username": "x", "password1": "a-long-pass-phrase", "password2": "different-pass-phrase"}, b"didn"),
        ({"username": "", "password1": "a-long-pass-phrase", "password2": "a-long-pass-phrase"}, b"required"),
        ({"username": "y", "password1": "123", "password2": "123"}, b"too short"),
    ],
)
def test_signup_with_bad_input_is_a_400_with_a_message(client, django_user_model, data, message):
    response = client.post("/accounts/signup/", data)
    assert response.status_code == 400
    assert message in response.content
    assert not django_user_model.objects.exists()


def test_signup_refuses_a_taken_username(client, learner):
    response = client.post(
        "/accounts/signup/",
        {"username": "lena", "password1": "a-long-pass-phrase", "password2": "a-long-pass-phrase"},
    )
    assert response.status_code == 400
    assert b"already exists" in response.content


def test_login_and_logout(client, learner):
    response = client.post("/accounts/login/", {"username": "lena", "password": PASSWORD})
    assert response.status_code == 302
    assert client.get("/").context["user"].is_authenticated
    client.post("/accounts/logout/")
    assert not client.get("/").context["user"].is_authenticated


def test_password_change_and_reset_pages_exist(client, learner):
    assert client.get("/accounts/password_reset/").status_code == 200
    client.force_login(learner)
    response = client.post(
        "/accounts/password_change/",
        {
            "old_password": PASSWORD,
            "new_password1": "another-long-phrase",
            "new_password2": "another-long-phrase",
        },
    )
    assert response.status_code == 302
    learner.refresh_from_db()
    assert learner.check_password("another-long-phrase")


@pytest.mark.parametrize("url", ["/study/", "/stats/", "/join/", "/teach/"])
def test_learning_pages_need_a_login(client, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_navigation_fits_the_role(client, learner, teacher, staff):
    client.force_login(learner)
    page = client.get("/").content.decode()
    assert 'href="/study/"' in page and 'href="/teach/"' not in page and 'href="/admin/"' not in page
    client.force_login(teacher)
    page = client.get("/").content.decode()
    assert 'href="/teach/"' in page and 'href="/admin/"' not in page
    client.force_login(staff)
    page = client.get("/").content.decode()
    assert 'href="/admin/"' in page


def test_teach_is_for_teachers_only(client, learner, teacher):
    client.force_login(learner)
    assert client.get("/teach/").status_code == 404  # a learner is not told teacher pages exist
    client.force_login(teacher)
    assert client.get("/teach/").status_code == 200


def test_admin_is_for_staff_only(client, learner, teacher, staff):
    for user in (learner, teacher):
        client.force_login(user)
        assert client.get("/admin/").status_code == 302
    client.force_login(staff)
    assert client.get("/admin/").status_code == 200


def test_strict_content_security_policy(client):
    response = client.get("/")
    policy = response["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";") if part.strip())
    script_src = directives["script-src"].split()
    assert "'self'" in script_src
    assert any(token.startswith("'nonce-") for token in script_src)
    assert "'unsafe-inline'" not in policy and "'unsafe-eval'" not in policy
    # every script tag on the page carries the nonce; htmx comes from our own static files
    nonce = next(t for t in script_src if t.startswith("'nonce-"))[7:-1]
    html = response.content.decode()
    assert html.count("<script") == html.count(f'nonce="{nonce}"') >= 1
    assert "/static/django_htmx/htmx" in html
    assert "http://" not in html.split("<body")[0] and "https://" not in html.split("<body")[0]


def test_htmx_csrf_header_on_body(client):
    html = client.get("/").content.decode()
    assert '<body hx-headers=\'{"x-csrftoken": "' in html


def test_seed_demo_creates_the_three_roles_and_prints_credentials(capsys, django_user_model, settings):
    settings.DEBUG = True
    call_command("seed_demo")
    out = capsys.readouterr().out
    learner = django_user_model.objects.get(username="learner")
    teacher = django_user_model.objects.get(username="teacher")
    admin = django_user_model.objects.get(username="admin")
    assert teacher.groups.filter(name="Teachers").exists() and not learner.groups.exists()
    assert admin.is_staff and admin.is_superuser and not teacher.is_staff
    for line in ("learner", "teacher", "admin"):
        assert f"username: {line}" in out
    password = out.split("username: learner")[1].split("password:")[1].split()[0]
    assert learner.check_password(password)
    call_command("seed_demo")  # running twice is harmless
    assert django_user_model.objects.count() == 3


def test_seed_demo_refuses_in_production_unless_forced(settings, django_user_model):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="--force"):
        call_command("seed_demo")
    assert not django_user_model.objects.exists()
    call_command("seed_demo", "--force")
    assert django_user_model.objects.count() == 3


def test_unknown_page_is_a_friendly_404(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "We could not find that page" in response.content.decode()
    assert 'href="/"' in response.content.decode()


def test_the_teachers_group_exists_without_demo_data(client, staff):
    group = Group.objects.get(name="Teachers")
    # an admin grants the role in the admin; the new teacher then reaches /teach/
    newcomer = UserFactory(username="newteacher")
    client.force_login(staff)
    response = client.post(
        f"/admin/auth/user/{newcomer.pk}/change/",
        {
            "username": "newteacher",
            "groups": [group.pk],
            "is_active": "on",
            "date_joined_0": "2026-01-01",
            "date_joined_1": "00:00:00",
            "initial-date_joined_0": "2026-01-01",
            "initial-date_joined_1": "00:00:00",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    client.force_login(newcomer)
    assert client.get("/teach/").status_code == 200


def test_home_tells_a_learner_what_is_waiting_today(client, learner):
    from tests.factories import QuestionFactory

    client.force_login(learner)
    assert "Nothing is waiting for you today" in client.get("/").content.decode()
    QuestionFactory()
    page = client.get("/").content.decode()
    assert "Today: <strong>1</strong> new" in page and "Start studying" in page


@pytest.mark.parametrize(
    "method, url, data",
    [
        ("get", "/study/?document=a%00b", None),
        ("get", "/join/AB%00C/", None),
        ("post", "/study/answer/", {"card": "1", "key": "a\x00b", "answer": "1"}),
        ("post", "/join/", {"code": "AB\x00"}),
    ],
)
def test_a_nul_character_anywhere_is_a_400_not_a_server_error(client, learner, method, url, data):
    client.force_login(learner)
    response = getattr(client, method)(url, data) if data else getattr(client, method)(url)
    assert response.status_code == 400
    assert "Something was wrong with that request" in response.content.decode()
