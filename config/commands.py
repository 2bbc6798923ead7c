"""What every long management command shares: Ctrl-C ends it with one line, not a traceback."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from django.core.management.base import CommandError

INTERRUPTED = 130  # the shell's exit status for a program stopped by Ctrl-C


@contextmanager
def stops_on_ctrl_c(kept: str | Callable[[], str]) -> Iterator[None]:
    """Turn Ctrl-C (KeyboardInterrupt) into a one-line CommandError saying what was kept (``kept`` is
    called then, when it depends on progress). The work inside keeps its own promise — one transaction
    per unit — so what was cut short is rolled back."""
    try:
        yield
    except KeyboardInterrupt:
        said = kept() if callable(kept) else kept
        raise CommandError(f"Interrupted (Ctrl-C): {said}", returncode=INTERRUPTED) from None
