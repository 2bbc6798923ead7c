"""Set up Django on a throw-away SQLite database for the speed benchmarks (never the developer's db)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def setup_scratch_django() -> Path:
    folder = Path(tempfile.mkdtemp(prefix="factdeck-bench-"))
    os.environ["SQLITE_PATH"] = str(folder / "bench.sqlite3")
    os.environ.pop("DATABASE_URL", None)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)
    return folder
