"""Ingest speed and memory: documents → facts → questions, on a scratch SQLite database.

Run: ``uv run python -m bench.ingest [--copies N]``. Ingests the five shipped documents, then N renamed
copies of them (so the fact base — which every distractor is checked against — grows), and reports
wall time per document, facts and questions per second, and peak resident memory of the process (ru_maxrss; tracemalloc would slow the run several-fold).
Writes bench/results/ingest.json.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[1]
DOCUMENTS = PROJECT_ROOT / "fixtures" / "documents"
OUT = PROJECT_ROOT / "bench" / "results" / "ingest.json"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--copies", type=int, default=3, help="renamed copies of the seeds to add (default 3)"
    )
    args = parser.parse_args(argv)

    from bench.django_env import setup_scratch_django

    setup_scratch_django()
    from facts.models import Fact
    from facts.services import document_ingest
    from quizzes.models import Question

    texts = [p.read_text(encoding="utf-8") for p in sorted(DOCUMENTS.glob("*.txt"))]
    batches = [texts]
    for n in range(1, args.copies + 1):
        batches.append([t.replace(" relations =", f" relations (copy {n}) =", 1) for t in texts])

    rows = []
    started = time.perf_counter()
    for round_number, batch in enumerate(batches):
        t0 = time.perf_counter()
        for text in batch:
            document_ingest(text=text, approve=True)
        elapsed = time.perf_counter() - t0
        rows.append(
            {
                "round": round_number,
                "documents": len(batch),
                "seconds": round(elapsed, 3),
                "ms_per_document": round(1000 * elapsed / len(batch), 1),
                "facts_total": Fact.objects.count(),
                "questions_total": Question.objects.filter(active=True).count(),
            }
        )
    total = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # kilobytes on Linux

    t0 = time.perf_counter()
    document_ingest(text=texts[0], approve=True)
    reingest_ms = 1000 * (time.perf_counter() - t0)

    print(f"{'round':>5} {'docs':>5} {'ms/doc':>8} {'facts':>7} {'questions':>10}")
    for r in rows:
        print(
            f"{r['round']:>5} {r['documents']:>5} {r['ms_per_document']:>8} {r['facts_total']:>7} {r['questions_total']:>10}"
        )
    print(
        f"total {total:.2f} s, peak memory (RSS) {peak / 2**20:.1f} MiB, re-ingest of an unchanged document {reingest_ms:.0f} ms"
    )
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(
        json.dumps(
            {
                "rounds": rows,
                "total_seconds": round(total, 3),
                "peak_mib": round(peak / 2**20, 1),
                "reingest_unchanged_ms": round(reingest_ms, 1),
            },
            indent=2,
        )
        + "\n"
    )
    print(f"wrote {OUT.relative_to(PROJECT_ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
