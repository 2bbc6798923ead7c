"""Ingest speed and memory: documents → facts → questions, on a scratch SQLite database.

Run: ``uv run python -m bench.ingest [--documents N]``. Ingests N documents (100 by default): the five shipped
ones, the twelve dev documents when ``../shared`` is there, then renamed variants of them (the parties' names
replaced, so every text is new and the fact base — which every distractor is checked against — grows), in
rounds of 20. Each document is read cold (the language layer's cache is emptied first), parsed once.
Reports wall time per document per round (linear ingest keeps it flat), facts and questions, and peak resident
memory of the process (ru_maxrss; tracemalloc would slow the run several-fold).
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
    parser.add_argument("--documents", type=int, default=100, help="documents to ingest (default 100)")
    args = parser.parse_args(argv)

    from bench.django_env import setup_scratch_django

    setup_scratch_django()
    from bench.gold import shared_dir
    from facts.language import nlp
    from facts.models import Fact
    from facts.services import document_ingest, documents_prepare
    from quizzes.models import Question

    texts = [p.read_text(encoding="utf-8") for p in sorted(DOCUMENTS.glob("*.txt"))]
    shared = shared_dir()
    if shared:
        texts += [p.read_text(encoding="utf-8") for p in sorted((shared / "dev_documents").glob("*.txt"))]
    documents = [_variant(texts[i % len(texts)], i // len(texts)) for i in range(args.documents)]
    batches = [documents[i : i + 20] for i in range(0, len(documents), 20)]
    nlp.pipeline()  # the model loads once per process; not part of any document's time

    rows = []
    started = time.perf_counter()
    for round_number, batch in enumerate(batches):
        t0, c0 = time.perf_counter(), time.process_time()
        parse = 0.0
        for text in batch:
            nlp.forget()
            p0 = time.perf_counter()
            documents_prepare([text])  # what ingest's parse costs, timed on its own
            parse += time.perf_counter() - p0
            document_ingest(text=text, approve=True)
        elapsed, cpu = time.perf_counter() - t0, time.process_time() - c0
        print(f"round {round_number}: {elapsed:.1f} s wall, {cpu:.1f} s CPU, parse {parse:.1f} s", flush=True)
        rows.append(
            {
                "round": round_number,
                "documents": len(batch),
                "seconds": round(elapsed, 3),
                # this process's CPU time: on a shared machine wall time also counts other people's work
                "cpu_seconds": round(cpu, 3),
                "ms_per_document": round(1000 * elapsed / len(batch), 1),
                "parse_ms_per_document": round(1000 * parse / len(batch), 1),
                "facts_total": Fact.objects.count(),
                "questions_total": Question.objects.filter(active=True).count(),
            }
        )
    total = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # kilobytes on Linux

    t0 = time.perf_counter()
    document_ingest(text=documents[0], approve=True)
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
                "documents": len(documents),
                "total_seconds": round(total, 3),
                "total_cpu_seconds": round(sum(r["cpu_seconds"] for r in rows), 3),
                "peak_mib": round(peak / 2**20, 1),
                "reingest_unchanged_ms": round(reingest_ms, 1),
            },
            indent=2,
        )
        + "\n"
    )
    print(f"wrote {OUT.relative_to(PROJECT_ROOT)}")
    return 0


_INVENTED = ["Zembla", "Ruritania", "Freedonia", "Sylvania", "Florin", "Genovia", "Latveria", "Elbonia"]


def _variant(text: str, n: int) -> str:
    """The n-th variant of a document: its title and its first party renamed, so no paragraph repeats."""
    if n == 0:
        return text
    import re

    title = text.splitlines()[0]
    party = re.split(r"[–—-]| relations| \(", title.strip("= "))[0].strip()
    name = f"{_INVENTED[n % len(_INVENTED)]}{n}"
    body = text.replace(party, name) if party else text
    return body if body.splitlines()[0] != title else f"= {title.strip('= ')} ({n}) =" + body[len(title) :]


if __name__ == "__main__":
    sys.exit(main())
