"""Import questions into a quiz from GIFT or CSV text.

Both parsers return an :class:`ImportResult` of questions and an error per bad line. The rule
for callers is all or nothing: when ``result.errors`` is not empty, import none of
``result.questions`` and show the errors (each names its line); ``result.questions_or_raise()``
does this check for you. The parsers are pure: text in, plain data out.

CSV format: the header line names the columns (any order; ``prompt`` and one of ``answer`` /
``answer_index`` are required), as written by :func:`quizzes.interchange.csv.to_csv`:
``key,kind,prompt,option_1..option_4,answer,answer_index,explanation,source,tags``.
``answer_index`` is 1-based (the number of the ``option_N`` column). ``kind`` may be left empty:
options make it a choice question (a year choice when every option is a year), no options a
typed number (a typed year for whole numbers 1000–2100), or typed text when the answer has no digit.
"""

from __future__ import annotations

import csv
import io

from quizzes.bank.generation.types import QuestionKind
from quizzes.interchange.csv import HEADER, OPTION_COLUMNS
from quizzes.interchange.gift import parse_gift
from quizzes.interchange.types import (
    ExportQuestion,
    ImportFailed,
    ImportResult,
    LineError,
    format_number,
    infer_kind,
    parse_number,
    question_problems,
)

__all__ = ["ImportError", "ImportFailed", "ImportResult", "LineError", "parse_csv", "parse_gift"]

# The brief's name for a line error. Kept as an alias only: inside this module nothing catches the
# builtin ImportError, and new code should say LineError.
ImportError = LineError  # noqa: A001

_KNOWN = frozenset(HEADER)


def parse_csv(text: str) -> ImportResult:
    """Read questions from CSV text; see the module docstring for the columns and the all-or-nothing rule."""
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff"), newline=""))
    try:
        header = [name.strip().lower() for name in next(reader)]
    except StopIteration:
        return ImportResult([], [LineError(1, "the file is empty")])
    except csv.Error as error:
        return ImportResult([], [LineError(1, f"unreadable CSV: {error}")])
    header_error = _check_header(header)
    if header_error:
        return ImportResult([], [LineError(1, header_error)])
    questions: list[ExportQuestion] = []
    errors: list[LineError] = []
    keys: dict[str, int] = {}
    previous_end = reader.line_num
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            errors.append(LineError(previous_end + 1, f"unreadable CSV: {error}"))
            break
        line, previous_end = previous_end + 1, reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            errors.append(
                LineError(line, f"expected {len(header)} columns as in the header, found {len(row)}")
            )
            continue
        question, problems = _row_question(dict(zip(header, row, strict=True)))
        if question is not None:
            problems += question_problems(question)
            if question.key and question.key in keys:
                problems.append(f"the key {question.key!r} was already used on line {keys[question.key]}")
        if problems or question is None:
            errors.append(LineError(line, "; ".join(problems)))
            continue
        if question.key:
            keys[question.key] = line
        questions.append(question)
    return ImportResult(questions=questions, errors=errors)


def _check_header(header: list[str]) -> str:
    unknown = [name for name in header if name not in _KNOWN]
    if unknown:
        return f"unknown column(s) {', '.join(unknown)}; the header must use: {','.join(HEADER)}"
    if len(set(header)) != len(header):
        return "a column appears twice in the header"
    if "prompt" not in header or ("answer" not in header and "answer_index" not in header):
        return f"the header needs at least prompt and answer (or answer_index); expected: {','.join(HEADER)}"
    return ""


def _options(cells: dict[str, str]) -> tuple[tuple[str, ...], list[str]]:
    """The filled option columns in order; a gap (option_3 filled, option_2 empty) is an error."""
    values = [cells.get(column, "").strip() for column in OPTION_COLUMNS]
    last = max((i for i, value in enumerate(values) if value), default=-1)
    gaps = [OPTION_COLUMNS[i] for i in range(last) if not values[i]]
    problems = [f"{', '.join(gaps)} empty while a later option is filled"] if gaps else []
    return tuple(values[: last + 1]), problems


def _answer_index(cells: dict[str, str], options: tuple[str, ...]) -> tuple[int | None, list[str]]:
    raw = cells.get("answer_index", "").strip()
    if not raw:
        return None, []
    if not (raw.isascii() and raw.isdigit() and len(raw) <= 3):
        return None, [f"answer_index {raw[:20]!r} is not a whole number from 1 to 4"]
    number = int(raw)
    if not options:
        return None, ["answer_index is given but the question has no options"]
    if not 1 <= number <= len(options):
        return None, [f"answer_index {number} is out of range 1–{len(options)}"]
    return number - 1, []


def _row_question(cells: dict[str, str]) -> tuple[ExportQuestion | None, list[str]]:
    """Build a question from one row, or say why not. Final checks are in ``question_problems``."""
    options, problems = _options(cells)
    answer = cells.get("answer", "").strip()
    index, index_problems = _answer_index(cells, options)
    problems += index_problems
    kind = cells.get("kind", "").strip().lower() or infer_kind(options or None, answer)
    if options:
        if index is None and not index_problems:
            if not answer:
                problems.append("neither answer nor answer_index is given")
            elif answer in options:
                index = options.index(answer)
            else:
                problems.append(f"the answer {answer!r} is not one of the options")
        elif index is not None and answer and options[index] != answer:
            problems.append(f"the answer {answer!r} does not match option_{index + 1} ({options[index]!r})")
        if index is not None:
            answer = options[index]
    else:
        if not answer:
            problems.append("the answer is empty")
        value = parse_number(answer) if kind != QuestionKind.TYPED_TEXT else None
        if value is not None:
            answer = format_number(value)
    if problems:
        return None, problems
    tags = tuple(tag.strip() for tag in cells.get("tags", "").split(";") if tag.strip())
    return (
        ExportQuestion(
            key=cells.get("key", "").strip(),
            kind=kind,
            prompt=cells.get("prompt", "").strip(),
            options=options or None,
            answer_index=index,
            answer=answer,
            explanation=cells.get("explanation", "").strip(),
            source=cells.get("source", "").strip(),
            tags=tags,
        ),
        [],
    )
