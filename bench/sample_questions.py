"""Draw random generated questions from the dev documents, for a teacher to read cold.

Run: ``uv run --locked python -m bench.sample_questions [--n 60] [--seed 2026] [--all]``.
The pure pipeline only (no database, no hand edits): every dev document is read and its facts extracted,
the twelve documents' facts form one fact base, every fact gets its questions, and ``--n`` of the questions
are drawn with ``random.Random(seed)``. Prints each drawn question with its options and source statement,
the share of facts (and of gold facts) with at least one question, and the quality gate's refusals by reason.
Writes bench/results/sample_questions.json.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
from collections import Counter
from dataclasses import replace
from datetime import date
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[1]
DEV_DOCUMENTS = Path(
    os.environ.get("FACTDECK_DEV_DOCUMENTS", PROJECT_ROOT.parent.parent / "shared" / "dev_documents")
)
OUT = PROJECT_ROOT / "bench" / "results" / "sample_questions.json"
TODAY = date(2026, 12, 1)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=60)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--documents", type=Path, default=DEV_DOCUMENTS)
    parser.add_argument("--all", action="store_true", help="print every question, not only the sample")
    parser.add_argument("--refusals", action="store_true", help="print every stem the quality gate refused")
    args = parser.parse_args(argv)
    if not args.documents.is_dir():
        print(f"No dev documents at {args.documents}; pass --documents.", file=sys.stderr)
        return 1

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    from facts.extraction import MarkupError, extract_facts, parse_document
    from quizzes.bank.generation import generate, refusal_counts
    from quizzes.bank.generation.generate import prepare

    started = time.perf_counter()
    facts = []
    for path in sorted(args.documents.glob("*.txt")):
        try:
            doc = parse_document(path.read_text(encoding="utf-8"))
        except MarkupError as error:
            print(f"skipped {path.name}: {error}", file=sys.stderr)
            continue
        facts += [replace(f, document=doc.title) for f in extract_facts(doc)]
    extracted = time.perf_counter() - started
    prepare(facts, facts)
    questions = []
    refusals = []
    with_question = 0
    for fact in facts:
        result = generate(fact, facts, today=TODAY)
        with_question += bool(result.questions)
        questions += [(fact, q) for q in result.questions]
        refusals += result.refusals
    generated_seconds = time.perf_counter() - started - extracted

    gold = _gold_coverage(args.documents / "gold.jsonl", facts, {id(f) for f, _ in questions})

    rng = random.Random(args.seed)
    sample = rng.sample(questions, min(args.n, len(questions)))
    shown = questions if args.all else sample
    for number, (fact, q) in enumerate(shown, 1):
        print(f"{number:>3}. [{q.kind}] {q.prompt}")
        if q.options:
            print(
                "     options: "
                + " | ".join(("*" if i == q.answer_index else "") + o for i, o in enumerate(q.options))
            )
        else:
            print(f"     answer: {q.answer}")
        print(f"     from: {fact.statement}  ({fact.document})")
    kinds = Counter(str(q.kind) for _, q in questions)
    summary = {
        "documents": len(list(args.documents.glob("*.txt"))),
        "facts": len(facts),
        "questions": len(questions),
        "facts_with_question": with_question,
        "share_with_question": round(with_question / max(1, len(facts)), 3),
        "gold_facts": gold[0],
        "gold_found": gold[1],
        "gold_with_question": gold[2],
        "share_of_gold_with_question": round(gold[2] / max(1, gold[0]), 3),
        "kinds": dict(sorted(kinds.items())),
        "refusals": dict(refusal_counts(refusals)),
        "extract_seconds": round(extracted, 2),
        "generate_seconds": round(generated_seconds, 2),
        "seed": args.seed,
        "sample": [
            {
                "kind": str(q.kind),
                "prompt": q.prompt,
                "answer": q.answer,
                "options": q.options,
                "statement": f.statement,
            }
            for f, q in sample
        ],
    }
    if args.refusals:
        for r in refusals:
            print(f"REFUSED {r.reason}: {r.stem}")
    print(json.dumps({k: v for k, v in summary.items() if k != "sample"}, indent=1))
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(summary, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


def _gold_coverage(path: Path, facts: list, asked: set[int]) -> tuple[int, int, int]:
    """(gold facts, gold facts found by extraction, gold facts with at least one question), counted as the
    dev documents' README says: same document, the gold answer (date by ISO prefix, year, number by value,
    entity by folded substring) and every key in the statement."""
    if not path.exists():
        return 0, 0, 0
    from facts.extraction import parse_number
    from facts.language.text import fold

    def matches(g: dict, f) -> bool:  # noqa: ANN001
        if fold(g["doc"]) not in fold(f.document) or not all(k in fold(f.statement) for k in g["keys"]):
            return False
        if g["type"] == "date":
            return bool(f.date) and f.date.startswith(g["answer"])
        if g["type"] == "year":
            return bool(f.date) and f.date[:4] == g["answer"]
        if g["type"] == "number":
            wanted = parse_number(g["answer"])
            return (
                f.number is not None
                and wanted is not None
                and abs(f.number - wanted[0]) < 1e-6 * max(1, wanted[0])
            )
        return fold(g["answer"]) in fold(f.answer)

    golds = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    found = with_question = 0
    for g in golds:
        hits = [f for f in facts if matches(g, f)]
        found += bool(hits)
        with_question += any(id(f) in asked for f in hits)
    return len(golds), found, with_question


if __name__ == "__main__":
    sys.exit(main())
