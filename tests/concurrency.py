"""Running requests or service calls at the same moment, for the tests of simultaneous submits."""

import threading
from collections.abc import Callable

import pytest
from django.db import connection


def database_server_only():
    """Skip on SQLite: its in-memory test database shares one cache between threads and has no busy
    timeout, so threads fail with "table is locked" instead of waiting. A real SQLite file runs IMMEDIATE
    transactions, which serialise writers the same way; these tests run on PostgreSQL in make test."""
    if connection.vendor == "sqlite":
        pytest.skip("needs a database server; runs in the PostgreSQL pass")


def at_once(action: Callable[[], object], times: int) -> list[BaseException]:
    """Run ``action`` in ``times`` threads released together; return what they raised."""
    barrier = threading.Barrier(times)
    errors: list[BaseException] = []

    def run() -> None:
        try:
            barrier.wait(timeout=10)
            action()
        except BaseException as exc:  # noqa: BLE001 - reported to the test
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(times)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return errors
