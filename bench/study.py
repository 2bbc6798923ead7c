"""Study loop speed: the study page and an answer, for a learner with many cards, on a scratch SQLite database.

Run: ``uv run python -m bench.study [--cards 1000 10000]``. For each size it builds that many studied cards
(half in review, half learning, all due) plus as many new questions, then times the study page (GET) and an
answer (POST) through Django's test client — the whole request path, middleware and templates included —
and counts their queries. Writes bench/results/study.json.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
import uuid
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[1]
OUT = PROJECT_ROOT / "bench" / "results" / "study.json"
ROUNDS = 30


def build(user, cards: int) -> None:
    from django.utils import timezone

    from tests.factories import studied_library

    studied_library(
        user,
        cards,
        now=timezone.now(),
        fact={"answer_type": "date", "date": "1991", "date_precision": "year", "answer": "1991"},
        question={"kind": "year_choice"},
    )


def measure(cards: int) -> dict:
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    user = get_user_model().objects.create_user(username=f"bench{cards}", password="x")
    build(user, cards)
    client = Client()
    client.force_login(user)
    page_ms, answer_ms, page_queries, answer_queries = [], [], 0, 0
    for _ in range(ROUNDS):
        with CaptureQueriesContext(connection) as page_ctx:
            t0 = time.perf_counter()
            page = client.get("/study/")
            page_ms.append(1000 * (time.perf_counter() - t0))
        html = page.content.decode()
        card = html.split('name="card" value="')[1].split('"')[0]
        with CaptureQueriesContext(connection) as answer_ctx:
            t0 = time.perf_counter()
            client.post("/study/answer/", {"card": card, "answer": "2", "key": uuid.uuid4().hex})
            answer_ms.append(1000 * (time.perf_counter() - t0))
        page_queries, answer_queries = len(page_ctx.captured_queries), len(answer_ctx.captured_queries)
    return {
        "cards": cards,
        "study_page_ms_median": round(statistics.median(page_ms), 1),
        "study_page_ms_p95": round(sorted(page_ms)[int(0.95 * len(page_ms)) - 1], 1),
        "answer_ms_median": round(statistics.median(answer_ms), 1),
        "answer_ms_p95": round(sorted(answer_ms)[int(0.95 * len(answer_ms)) - 1], 1),
        "study_page_queries": page_queries,
        "answer_queries": answer_queries,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cards", type=int, nargs="+", default=[1000, 10000])
    args = parser.parse_args(argv)
    from bench.django_env import setup_scratch_django

    setup_scratch_django()
    from django.conf import settings

    settings.ALLOWED_HOSTS = ["testserver"]
    rows = [measure(n) for n in args.cards]
    print(f"{'cards':>7} {'page ms (p50/p95)':>19} {'answer ms (p50/p95)':>21} {'queries page/answer':>21}")
    for r in rows:
        print(
            f"{r['cards']:>7} {r['study_page_ms_median']:>9}/{r['study_page_ms_p95']:<9}"
            f"{r['answer_ms_median']:>11}/{r['answer_ms_p95']:<9} {r['study_page_queries']:>10}/{r['answer_queries']}"
        )
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps({"rounds": ROUNDS, "results": rows}, indent=2) + "\n")
    print(f"wrote {OUT.relative_to(PROJECT_ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
