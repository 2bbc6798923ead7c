"""Production settings: check --deploy is clean, and gunicorn serves the app with DEBUG off (make serve)."""

import os
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def production_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DATABASE_URL", "DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    env.update(
        DEBUG="0",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="factdeck.example,127.0.0.1",
        SQLITE_PATH=str(tmp_path / "prod.sqlite3"),
        STATIC_ROOT=str(tmp_path / "static"),
        **extra,
    )
    return env


def manage(env: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


def test_check_deploy_is_clean_with_production_settings(tmp_path):
    result = manage(production_env(tmp_path), "check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key(tmp_path):
    env = production_env(tmp_path)
    env.pop("SECRET_KEY")
    result = manage(env, "check")
    assert result.returncode != 0 and "SECRET_KEY must be set" in result.stderr


def test_a_database_url_without_debug_means_production(tmp_path):
    env = production_env(tmp_path, DATABASE_URL="postgres://nobody@127.0.0.1:1/none")
    env.pop("DEBUG")
    env.pop("SECRET_KEY")
    result = manage(env, "check")
    # not silently in debug mode on the published development key
    assert result.returncode != 0 and "SECRET_KEY must be set" in result.stderr


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_gunicorn_serves_pages_and_static_files_with_debug_off(tmp_path):
    env = production_env(tmp_path, HTTPS="0")
    assert manage(env, "migrate", "--no-input").returncode == 0
    assert manage(env, "collectstatic", "--no-input").returncode == 0
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "config.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "1"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        for _ in range(100):
            try:
                health = urllib.request.urlopen(f"{base}/healthz", timeout=2)
                break
            except OSError:
                time.sleep(0.1)
        else:
            pytest.fail("gunicorn did not start: " + server.stderr.read1().decode())
        assert health.status == 200 and b'"ok"' in health.read()
        home = urllib.request.urlopen(f"{base}/", timeout=5).read().decode()
        stylesheet = home.split('rel="stylesheet" href="')[1].split('"')[0]
        assert (
            stylesheet.startswith("/static/css/site.") and stylesheet != "/static/css/site.css"
        )  # hashed name
        css = urllib.request.urlopen(f"{base}{stylesheet}", timeout=5)
        assert css.status == 200 and "max-age" in css.headers.get("Cache-Control", "")
        with pytest.raises(urllib.error.HTTPError) as missing:
            urllib.request.urlopen(f"{base}/no-such-page/", timeout=5)
        assert missing.value.code == 404
        assert b"Page not found" in missing.value.read()
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_a_missing_secret_key_is_one_clear_line_not_a_traceback(tmp_path):
    env = production_env(tmp_path)
    env.pop("SECRET_KEY")
    result = manage(env, "migrate", "--no-input")
    lines = result.stderr.strip().splitlines()
    assert result.returncode == 1
    assert lines == [
        "Factdeck cannot start: SECRET_KEY must be set when DEBUG is off "
        "(export SECRET_KEY=..., or DEBUG=1 for development)."
    ]


def test_make_serve_works_with_a_database_url_and_no_key(tmp_path):
    """With DATABASE_URL set DEBUG is off, so the key must exist before migrate runs; no gunicorn control
    socket is made, so two servers on one host do not clobber each other."""
    port = free_port()
    env = production_env(
        tmp_path,
        DATABASE_URL=f"sqlite:///{tmp_path / 'served.sqlite3'}",
        SECRET_KEY_FILE=str(tmp_path / "key"),
        PORT=str(port),
        HOME=str(tmp_path),  # where gunicorn would put ~/.gunicorn/gunicorn.ctl
    )
    env.pop("SECRET_KEY")
    env.pop("DEBUG")
    server = subprocess.Popen(
        ["make", "--no-print-directory", "serve"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    try:
        for _ in range(1200):
            try:
                health = urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2)
                break
            except OSError:
                if server.poll() is not None:
                    pytest.fail("make serve stopped: " + server.stderr.read().decode()[-2000:])
                time.sleep(0.25)
        else:
            pytest.fail("make serve did not start in 5 minutes")
        assert health.status == 200 and b'"ok"' in health.read()
        assert len((tmp_path / "key").read_text().strip()) >= 50
        assert not (tmp_path / ".gunicorn").exists()
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
