"""Documents parsed once per test session: the seeds, the dev documents (when ../shared is there), the held-out set.

spaCy's small model parses a few thousand characters a second on this shared machine, so every corpus is
parsed once, in one batch, and each test reads the cached facts.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.gold import load_gold, shared_dir
from facts.extraction import extract_facts, parse_document
from facts.extraction.pipeline import block_texts
from facts.language import nlp

ROOT = Path(__file__).resolve().parents[3]
SEEDS = ROOT / "fixtures" / "documents"
HELD_OUT = ROOT / "tests" / "data" / "held_out"


def _corpus(folder: Path) -> dict[str, tuple]:
    docs = {p.name: parse_document(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.txt"))}
    nlp.analyse([t for d in docs.values() for t in block_texts(d)])  # one batch for the whole corpus
    return {name: (doc, extract_facts(doc)) for name, doc in docs.items()}


@pytest.fixture(scope="session")
def seed_corpus() -> dict[str, tuple]:
    return _corpus(SEEDS)


@pytest.fixture(scope="session")
def dev_corpus() -> tuple[dict[str, tuple], list]:
    shared = shared_dir()
    if shared is None:
        pytest.skip("no ../shared/dev_documents beside the project")
    folder = shared / "dev_documents"
    return _corpus(folder), load_gold(folder)


@pytest.fixture(scope="session")
def held_out_corpus() -> tuple[dict[str, tuple], list]:
    return _corpus(HELD_OUT), load_gold(HELD_OUT)
