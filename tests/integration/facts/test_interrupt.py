"""Ctrl-C during a long command: one line saying what was kept, and only whole documents in the database."""

import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
SEEDS = ROOT / "fixtures" / "documents"


def manage_env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "DJANGO_SETTINGS_MODULE"}}
    env.update(DEBUG="1", SQLITE_PATH=str(tmp_path / "db.sqlite3"), PYTHONUNBUFFERED="1")
    return env


def test_ctrl_c_during_ingest_is_one_line_and_keeps_only_complete_documents(tmp_path):
    env = manage_env(tmp_path)
    migrate = subprocess.run(
        [sys.executable, "manage.py", "migrate", "--no-input"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        timeout=300,
    )
    assert migrate.returncode == 0, migrate.stderr
    ingest = subprocess.Popen(
        [sys.executable, "manage.py", "ingest", str(SEEDS)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    reported: dict[str, int] = {}
    for line in ingest.stdout:  # "Title: 40 new, 0 updated, 0 unchanged", printed after each commit
        title, _, rest = line.partition(": ")
        reported[title] = int(rest.split(" new")[0])
        ingest.send_signal(signal.SIGINT)  # in the middle of the second document
        break
    _, stderr = ingest.communicate(timeout=300)
    assert ingest.returncode == 130
    assert stderr.strip().splitlines()[-1].startswith("CommandError: Interrupted (Ctrl-C): ")
    assert "Traceback" not in stderr and "KeyboardInterrupt" not in stderr
    with sqlite3.connect(tmp_path / "db.sqlite3") as db:
        kept = dict(
            db.execute(
                "SELECT d.title, COUNT(f.id) FROM facts_document d LEFT JOIN facts_fact f ON f.document_id = d.id"
                " GROUP BY d.id"
            ).fetchall()
        )
    # the documents that went in are whole (the count the command printed after committing each), the
    # command counted every document in the database as finished, and the interrupted one left nothing
    assert {title: kept[title] for title in reported} == reported
    assert f"{len(kept)} of 5 document(s) went in" in stderr and len(kept) < 5
