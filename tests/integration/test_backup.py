"""manage.py backup / restore: a round trip into a fresh database gives back every row of every table,
timestamps to the microsecond, sessions and lockouts included (what dumpdata/loaddata would lose)."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import psycopg
import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]

# Rows a real database holds, with timestamps that have microseconds.
POPULATE = """
import datetime as dt
from django.contrib.sessions.backends.db import SessionStore
from axes.models import AccessAttempt
from quizzes.models import ReviewLog
from tests.factories import CardFactory, QuizFactory, UserFactory
moment = dt.datetime(2026, 3, 4, 5, 6, 7, 891011, tzinfo=dt.UTC)
card = CardFactory(user=UserFactory(username="lena"), due=moment, last_review=moment)
ReviewLog.objects.create(card=card, user=card.user, rating=3, correct=True, reviewed_at=moment,
    state_before={"state": 0}, state_after={"state": 1}, idempotency_key="k", answer_given="Zażółć 1991")
QuizFactory(title="Week 1 ✓", published=True)
session = SessionStore(); session["learner"] = "lena"; session.create()
AccessAttempt.objects.create(username="lena", ip_address="203.0.113.7", user_agent="x", failures_since_start=3,
    get_data="", post_data="", http_accept="", path_info="/accounts/login/")
"""


def run(env: dict[str, str], *args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result


def base_env(**extra: str) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DATABASE_URL", "DJANGO_SETTINGS_MODULE", "SQLITE_PATH"}
    }
    env.update(DEBUG="1", **extra)
    return env


def round_trip(source_env: dict[str, str], target_env: dict[str, str], backup_file: Path) -> None:
    run(source_env, "migrate", "--no-input")
    run(source_env, "shell", "-c", POPULATE)
    assert "Backed up to" in run(source_env, "backup", str(backup_file)).stdout
    assert "Restored from" in run(target_env, "restore", str(backup_file), "--no-input").stdout


def test_sqlite_backup_restores_every_row_exactly(tmp_path):
    if connection.vendor != "sqlite":
        pytest.skip("the SQLite round trip runs in the SQLite pass")
    source, target = tmp_path / "live.sqlite3", tmp_path / "fresh.sqlite3"
    round_trip(
        base_env(SQLITE_PATH=str(source)), base_env(SQLITE_PATH=str(target)), tmp_path / "backup.sqlite3"
    )
    with sqlite3.connect(source) as a, sqlite3.connect(target) as b:
        tables = [r[0] for r in a.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")]
        assert tables == [
            r[0] for r in b.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")
        ]
        for table in tables:
            rows = a.execute(f'SELECT * FROM "{table}" ORDER BY 1').fetchall()  # noqa: S608 - our own table names
            assert rows == b.execute(f'SELECT * FROM "{table}" ORDER BY 1').fetchall(), table  # noqa: S608
        assert (
            a.execute("SELECT reviewed_at FROM quizzes_reviewlog")
            .fetchone()[0]
            .startswith("2026-03-04 05:06:07.891011")
        )
        assert a.execute("SELECT COUNT(*) FROM django_session").fetchone()[0] == 1


def test_a_backup_never_overwrites_and_a_wrong_file_is_refused(tmp_path):
    if connection.vendor != "sqlite":
        pytest.skip("runs in the SQLite pass")
    env = base_env(SQLITE_PATH=str(tmp_path / "live.sqlite3"))
    existing = tmp_path / "taken.bak"
    existing.write_text("keep me")
    refused = subprocess.run(
        [sys.executable, "manage.py", "backup", str(existing)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert (
        refused.returncode == 1 and "already exists" in refused.stderr and existing.read_text() == "keep me"
    )
    wrong = subprocess.run(
        [sys.executable, "manage.py", "restore", str(existing), "--no-input"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert wrong.returncode == 1 and "is not a SQLite backup" in wrong.stderr


def test_postgresql_backup_restores_every_row_exactly(tmp_path):
    if connection.vendor != "postgresql":
        pytest.skip("the PostgreSQL round trip runs in the PostgreSQL pass")
    server = connection.settings_dict
    params = {"host": server["HOST"] or None, "port": server["PORT"] or None, "user": server["USER"] or None}
    if server.get("PASSWORD"):
        params["password"] = server["PASSWORD"]
    names = [f"{server['NAME']}_backup_source", f"{server['NAME']}_backup_fresh"]
    with psycopg.connect(dbname="postgres", autocommit=True, **params) as admin:
        for name in names:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
            admin.execute(f'CREATE DATABASE "{name}"')
    auth = f"{params['user'] or ''}{':' + params['password'] if 'password' in params else ''}@"
    url = f"postgres://{auth}{params['host'] or '127.0.0.1'}:{params['port'] or 5432}/"
    try:
        round_trip(
            base_env(DATABASE_URL=url + names[0]),
            base_env(DATABASE_URL=url + names[1]),
            tmp_path / "backup.pgdump",
        )
        with psycopg.connect(dbname=names[0], **params) as a, psycopg.connect(dbname=names[1], **params) as b:
            list_tables = "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename"
            tables = [r[0] for r in a.execute(list_tables)]
            assert tables == [r[0] for r in b.execute(list_tables)] and "django_session" in tables
            for table in tables:
                rows = a.execute(f'SELECT * FROM "{table}" ORDER BY 1').fetchall()  # noqa: S608
                assert rows == b.execute(f'SELECT * FROM "{table}" ORDER BY 1').fetchall(), table  # noqa: S608
            reviewed = b.execute("SELECT reviewed_at FROM quizzes_reviewlog").fetchone()[0]
            assert reviewed.microsecond == 891011
    finally:
        with psycopg.connect(dbname="postgres", autocommit=True, **params) as admin:
            for name in names:
                admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
