"""CSV export of questions, readable by spreadsheets and by :func:`quizzes.interchange.imports.parse_csv`.

Columns: ``key,kind,prompt,option_1..option_4,answer,answer_index,explanation,source,tags``.
``answer_index`` is 1-based, naming the ``option_N`` column that holds the right answer, so a
teacher editing the sheet never counts from zero; it is empty for typed questions. ``tags`` are
separated by ";". Cells are not prefixed against spreadsheet formula injection because the file
must re-import exactly; the item-analysis report CSV (for reading, not re-import) is.
"""

from __future__ import annotations

import csv
import io

from .types import MAX_OPTIONS, ExportDeck, ExportQuestion, format_number

OPTION_COLUMNS = tuple(f"option_{n}" for n in range(1, MAX_OPTIONS + 1))
HEADER = ("key", "kind", "prompt", *OPTION_COLUMNS, "answer", "answer_index", "explanation", "source", "tags")


def question_row(question: ExportQuestion) -> list[str]:
    """One CSV row; raises ValueError for a question no importer would accept back."""
    options = list(question.options or ())
    if len(options) > MAX_OPTIONS:
        raise ValueError(f"question {question.key!r} has {len(options)} options; CSV holds {MAX_OPTIONS}")
    if question.is_choice:
        answer, index = question.correct_option(), str((question.answer_index or 0) + 1)
    elif question.is_numeric:
        answer, index = format_number(question.numeric_answer()), ""
    else:
        answer, index = question.answer, ""
    padded = options + [""] * (MAX_OPTIONS - len(options))
    return [
        question.key,
        question.kind,
        question.prompt,
        *padded,
        answer,
        index,
        question.explanation,
        question.source,
        ";".join(question.tags),
    ]


def to_csv(deck: ExportDeck) -> str:
    """The deck as CSV text (RFC 4180 quoting, "\\r\\n" line ends as the csv module writes them)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(HEADER)
    for question in deck.questions:
        writer.writerow(question_row(question))
    return out.getvalue()
