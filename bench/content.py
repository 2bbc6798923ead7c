"""Content quality on documents nobody hand-checked: recall against gold, facts, questions per fact.

Run: ``uv run python -m bench.content`` (``make bench-content``; ``make bench`` runs it too). Reads the twelve
dev documents and their gold facts from ``../shared/dev_documents`` (beside the project, as on CI; see
``bench.gold.shared_dir``) and skips, saying so, when that folder is absent. Also scores the held-out documents
of ``tests/data/held_out`` (never used for tuning) when their gold file is there.

Per document and overall: recall against gold (the README's scoring rules, ``bench.gold``), recall by gold
type, facts extracted, questions per fact (the existing generation), the share of gold facts that at least one
question is made from, and the quality gate's refusals by reason when generation exposes a count of them.
Writes bench/results/content.json.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from datetime import date
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[1]
OUT = PROJECT_ROOT / "bench" / "results" / "content.json"
HELD_OUT = PROJECT_ROOT / "tests" / "data" / "held_out"
TODAY = date(2026, 6, 1)  # fixed, so two runs on different days give the same questions


def _gate_counter():
    """The generation's count of quality-gate refusals by reason, if generation exposes one (else None).

    Read defensively: the gate is being built beside this bench. Accepts a ``refusal_counts()`` function in
    ``quizzes.bank.generation`` (or a ``gate`` module beside it) returning a mapping reason → count.
    """
    import importlib

    for module_name in ("quizzes.bank.generation", "quizzes.bank.generation.gate", "quizzes.bank.gate"):
        try:
            module = importlib.import_module(module_name)
        except ImportError:
            continue
        counter = getattr(module, "refusal_counts", None)
        if callable(counter):
            return counter
    return None


def score_corpus(folder: Path, golds, today: date = TODAY) -> dict:
    """Extract, generate and score every document of ``folder`` against ``golds``."""
    from bench.gold import covers, document_for
    from facts.extraction import extract_facts, parse_document
    from quizzes.bank.generation import generate_questions

    paths = sorted(folder.glob("*.txt"))
    docs = {p.name: parse_document(p.read_text(encoding="utf-8")) for p in paths}
    titles = {name: d.title for name, d in docs.items()}
    started = time.perf_counter()
    facts = {name: extract_facts(d) for name, d in docs.items()}
    extract_seconds = time.perf_counter() - started
    base = [f for fs in facts.values() for f in fs]
    counter = _gate_counter()
    gate_before = Counter(counter() or {}) if counter else None
    started = time.perf_counter()
    asked = {name: [bool(generate_questions(f, base, today=today)) for f in fs] for name, fs in facts.items()}
    questions = {name: 0 for name in facts}
    for name, fs in facts.items():
        questions[name] = sum(len(generate_questions(f, base, today=today)) for f in fs) if fs else 0
    generate_seconds = time.perf_counter() - started
    gate = None
    if counter:
        gate = dict(Counter(counter() or {}) - gate_before)

    by_doc: dict[str, list] = {name: [] for name in docs}
    for g in golds:
        by_doc[document_for(g, titles)].append(g)
    rows = {}
    totals = Counter()
    for name, gs in by_doc.items():
        fs = facts[name]
        found = [g for g in gs if any(covers(g, f) for f in fs)]
        with_question = [g for g in gs if any(covers(g, f) and asked[name][i] for i, f in enumerate(fs))]
        by_type = Counter(g.type for g in gs)
        found_type = Counter(g.type for g in found)
        rows[name] = {
            "title": titles[name],
            "gold": len(gs),
            "found": len(found),
            "recall": _ratio(len(found), len(gs)),
            "recall_by_type": {t: _ratio(found_type[t], n) for t, n in sorted(by_type.items())},
            "facts": len(fs),
            "questions": questions[name],
            "questions_per_fact": _ratio(questions[name], len(fs), 2),
            "facts_with_a_question": sum(asked[name]),
            "gold_with_a_question": _ratio(len(with_question), len(gs)),
            "missed": [f"{g.id} {g.type} {g.answer!r} keys={list(g.keys)}" for g in gs if g not in found],
        }
        totals.update(
            gold=len(gs), found=len(found), facts=len(fs), questions=questions[name], asked=len(with_question)
        )
        for t, n in by_type.items():
            totals[f"gold_{t}"] += n
            totals[f"found_{t}"] += found_type[t]
    types = sorted({g.type for g in golds})
    overall = {
        "documents": len(docs),
        "gold": totals["gold"],
        "found": totals["found"],
        "recall": _ratio(totals["found"], totals["gold"]),
        "recall_by_type": {t: _ratio(totals[f"found_{t}"], totals[f"gold_{t}"]) for t in types},
        "facts": totals["facts"],
        "questions": totals["questions"],
        "questions_per_fact": _ratio(totals["questions"], totals["facts"], 2),
        "gold_with_a_question": _ratio(totals["asked"], totals["gold"]),
        "quality_gate_refusals": gate if gate is not None else "not exposed by generation yet",
        "extract_seconds": round(extract_seconds, 2),
        "generate_seconds": round(generate_seconds, 2),
    }
    return {"overall": overall, "documents": rows}


def _ratio(a: float, b: float, digits: int = 3) -> float | None:
    return round(a / b, digits) if b else None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quiet", action="store_true", help="do not list the missed gold facts")
    args = parser.parse_args(argv)
    from bench.gold import load_gold, shared_dir

    shared = shared_dir()
    if shared is None:
        print(
            "skipped: no ../shared/dev_documents beside the project (set FACTDECK_SHARED_DIR to point at it)"
        )
        return 0
    import os

    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    django.setup()
    dev = shared / "dev_documents"
    result = {"dev_documents": score_corpus(dev, load_gold(dev))}
    if (HELD_OUT / "gold.jsonl").is_file():
        result["held_out"] = score_corpus(HELD_OUT, load_gold(HELD_OUT))
    for corpus, scored in result.items():
        print(f"-- {corpus}")
        for name, row in scored["documents"].items():
            print(
                f"{name:55} recall {row['found']:>3}/{row['gold']:<3} {row['recall']:.0%}  facts {row['facts']:>4}"
                f"  q/fact {row['questions_per_fact']}  gold asked {row['gold_with_a_question']:.0%}"
            )
            if not args.quiet:
                for line in row["missed"]:
                    print(f"      missed {line}")
        o = scored["overall"]
        print(
            f"overall recall {o['found']}/{o['gold']} = {o['recall']:.1%} {o['recall_by_type']}; facts {o['facts']};"
            f" q/fact {o['questions_per_fact']}; gold asked {o['gold_with_a_question']:.0%};"
            f" gate refusals {o['quality_gate_refusals']}"
        )
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {OUT.relative_to(PROJECT_ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
