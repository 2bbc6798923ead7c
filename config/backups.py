"""Whole-database backups that keep every row exactly (sessions, axes lockouts and timestamps to the
microsecond, which ``dumpdata`` cuts to milliseconds): SQLite's online backup API, and PostgreSQL's own
``pg_dump``/``pg_restore`` in their custom format. Used by ``manage.py backup`` and ``restore``."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

from django.db import connections

SQLITE_MAGIC = b"SQLite format 3\x00"
PG_MAGIC = b"PGDMP"


class BackupError(Exception):
    """A backup or restore that cannot be done, in words for the person running it."""


def _sqlite_path(alias: str) -> str:
    return str(connections[alias].settings_dict["NAME"])


def _pg_env(alias: str) -> tuple[dict[str, str], str]:
    """The environment pg_dump/pg_restore read the connection from (no password on a command line)."""
    settings = connections[alias].settings_dict
    env = dict(os.environ)
    for var, key in (("PGHOST", "HOST"), ("PGPORT", "PORT"), ("PGUSER", "USER"), ("PGPASSWORD", "PASSWORD")):
        if settings.get(key):
            env[var] = str(settings[key])
    return env, settings["NAME"]


def _pg_tool(name: str) -> str:
    tool = shutil.which(name)
    if tool is None:
        raise BackupError(
            f"{name} is not on PATH; install the PostgreSQL client tools (apt install postgresql-client)."
        )
    return tool


def backup(path: Path, alias: str = "default") -> None:
    """Write the whole database to ``path`` (which must not exist yet) while the app keeps running."""
    if path.exists():
        raise BackupError(f"{path} already exists; choose a new file name (backups are never overwritten).")
    vendor = connections[alias].vendor
    partial = path.with_name(path.name + ".partial")
    try:
        if vendor == "sqlite":
            source = sqlite3.connect(_sqlite_path(alias))
            target = sqlite3.connect(partial)
            try:
                source.backup(target)  # a consistent copy, page by page, while others keep writing
            finally:
                target.close()
                source.close()
        elif vendor == "postgresql":
            env, name = _pg_env(alias)
            _run([_pg_tool("pg_dump"), "--format=custom", "--no-owner", f"--file={partial}", name], env)
        else:
            raise BackupError(f"Backups of {vendor} databases are not supported.")
        partial.rename(path)  # a backup file is always complete
    finally:
        partial.unlink(missing_ok=True)


def restore(path: Path, alias: str = "default") -> None:
    """Replace everything in the database with the backup at ``path``."""
    try:
        with path.open("rb") as file:
            head = file.read(16)
    except FileNotFoundError:
        raise BackupError(f"{path}: no such file.") from None
    vendor = connections[alias].vendor
    if vendor == "sqlite":
        if not head.startswith(SQLITE_MAGIC):
            raise BackupError(f"{path} is not a SQLite backup (made by manage.py backup on SQLite).")
        connections[alias].close()
        source = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        target = sqlite3.connect(_sqlite_path(alias))
        try:
            source.backup(target)
        finally:
            target.close()
            source.close()
    elif vendor == "postgresql":
        if not head.startswith(PG_MAGIC):
            raise BackupError(f"{path} is not a PostgreSQL backup (made by manage.py backup on PostgreSQL).")
        connections[alias].close()
        env, name = _pg_env(alias)
        _run(
            [
                _pg_tool("pg_restore"),
                "--clean",
                "--if-exists",
                "--no-owner",
                "--single-transaction",  # all or nothing: a failed restore leaves the database as it was
                "--exit-on-error",
                f"--dbname={name}",
                str(path),
            ],
            env,
        )
    else:
        raise BackupError(f"Restoring {vendor} databases is not supported.")


def _run(command: list[str], env: dict[str, str]) -> None:
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        detail = (result.stderr or result.stdout).strip().splitlines()
        raise BackupError(f"{Path(command[0]).name} failed: {detail[-1] if detail else 'no message'}")
