"""Gold-fact scoring for the dev documents, exactly as ``shared/dev_documents/README.md`` states it.

A gold fact counts as covered when some fact extracted from its document has the gold answer — dates by ISO
prefix, years by year, numbers by value (``4,000`` = ``4000``; ``3.43 billion`` = 3,430,000,000), entities by
accent-folded, case-insensitive substring of the extracted answer — **and** that fact's statement contains every
key (case-insensitive). Pure: plain data in, plain data out; the bench and the recall tests share it.
"""

from __future__ import annotations

import json
import math
import os
import re
from dataclasses import dataclass
from pathlib import Path

from facts.extraction.types import AnswerType, FactData
from facts.language.text import fold

PROJECT_ROOT = Path(__file__).resolve().parents[1]

_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "hundred": 100, "a": 1,
}  # fmt: skip
_ENTITY_TYPES = frozenset(t for t in AnswerType if t not in (AnswerType.DATE, AnswerType.NUMBER))


def shared_dir() -> Path | None:
    """``../shared`` beside the project (CI's layout), or beside the main checkout when this is a git worktree.

    ``FACTDECK_SHARED_DIR`` overrides both. None when no copy is there: callers skip.
    """
    candidates = []
    if os.environ.get("FACTDECK_SHARED_DIR"):
        candidates.append(Path(os.environ["FACTDECK_SHARED_DIR"]))
    candidates.append(PROJECT_ROOT.parent / "shared")
    dot_git = PROJECT_ROOT / ".git"
    if dot_git.is_file():  # a worktree: "gitdir: <main>/.git/worktrees/<name>"
        pointer = dot_git.read_text(encoding="utf-8").partition("gitdir:")[2].strip()
        if pointer:
            candidates.append(Path(pointer).resolve().parents[2].parent / "shared")
    return next((c for c in candidates if (c / "dev_documents" / "gold.jsonl").is_file()), None)


@dataclass(frozen=True, slots=True)
class Gold:
    id: str
    doc: str
    type: str  # date | year | number | entity
    answer: str
    keys: tuple[str, ...]


def load_gold(folder: Path) -> list[Gold]:
    rows = []
    for line in (folder / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            g = json.loads(line)
            rows.append(Gold(g["id"], g["doc"], g["type"], g["answer"], tuple(g["keys"])))
    return rows


def document_for(gold: Gold, titles: dict[str, str]) -> str:
    """The file whose title contains ``gold.doc`` (case-insensitive); exactly one must."""
    hits = [name for name, title in titles.items() if gold.doc.lower() in title.lower()]
    if len(hits) != 1:
        raise ValueError(f"{gold.id}: {gold.doc!r} matches {len(hits)} titles")
    return hits[0]


def gold_number(text: str) -> float:
    """ "4,000" → 4000; "3.43 billion" → 3.43e9; "two million" → 2e6."""
    words = text.lower().replace(",", "").split()
    value: float | None = None
    for word in words:
        if re.fullmatch(r"\d+(?:\.\d+)?", word):
            value = float(word)
        elif word in _WORDS and value is None:
            value = float(_WORDS[word])
        elif word in _SCALES:
            value = (value if value is not None else 1.0) * _SCALES[word]
    if value is None:
        raise ValueError(f"not a number: {text!r}")
    return value


def _has_answer(gold: Gold, fact: FactData) -> bool:
    if gold.type == "date":
        return fact.answer_type is AnswerType.DATE and (fact.date or "").startswith(gold.answer)
    if gold.type == "year":
        return fact.answer_type is AnswerType.DATE and (fact.date or "")[:4] == gold.answer
    if gold.type == "number":
        return (
            fact.answer_type is AnswerType.NUMBER
            and fact.number is not None
            and math.isclose(fact.number, gold_number(gold.answer), rel_tol=1e-9)
        )
    return fact.answer_type in _ENTITY_TYPES and fold(gold.answer) in fold(fact.answer)


def covers(gold: Gold, fact: FactData) -> bool:
    statement = fact.statement.casefold()  # keys: case-insensitive, as the README says (not accent-folded)
    return _has_answer(gold, fact) and all(k.casefold() in statement for k in gold.keys)


def missed(golds: list[Gold], facts: list[FactData]) -> list[Gold]:
    return [g for g in golds if not any(covers(g, f) for f in facts)]
