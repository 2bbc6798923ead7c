"""GIFT export and import (Moodle's plain-text question format).

What we write, per question (blank line between questions)::

    // Source: Document title — Section
    // [tag:history]
    // factdeck-kind: date_choice
    ::factdeck-q-12::[plain]When did Poland recognise Kyrgyzstan? {
    =27 December 1991
    ~1 January 1992
    ####Poland recognised Kyrgyzstan on 27 December 1991.
    }

Typed numbers use ``{#1995}``, typed names a short answer with one right text: ``{=Lima}``. The characters ``~ = # { } :`` and the backslash are escaped with
a backslash, a newline inside a text as ``\\n`` (GIFT spec, docs.moodle.org/en/GIFT_format).
``[plain]`` tells Moodle to show the text as typed, so "<" or "&" in a prompt is not taken for HTML.
``// [tag:x]`` is Moodle's own tag syntax; ``// factdeck-kind:`` keeps kinds GIFT cannot express
(a date choice looks like any multiple choice), and is only a comment to Moodle.

The parser reads the subset of GIFT our questions can hold: single-answer multiple choice,
true/false (as a two-option choice), exact numerical answers and short answers with one right text
(typed_text, graded ignoring case and accents). Anything else (short answers with several accepted
texts, matching, essay, partial credit, numeric ranges or tolerances) is reported as an error on the
line where the question starts, never silently changed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from quizzes.bank.generation.types import CHOICE_KINDS, NUMERIC_KINDS, QuestionKind

from .types import (
    ALL_KINDS,
    ExportDeck,
    ExportQuestion,
    ImportResult,
    LineError,
    format_number,
    infer_kind,
    parse_number,
    question_problems,
)

_SPECIAL = "~=#{}:"
KIND_COMMENT = "factdeck-kind:"
SOURCE_COMMENT = "Source:"


# --------------------------------------------------------------------------------------------- export


def escape(text: str) -> str:
    """Escape a text for GIFT: backslash first, then the six special characters, then newlines."""
    out = text.replace("\\", "\\\\")
    for char in _SPECIAL:
        out = out.replace(char, "\\" + char)
    return out.replace("\r\n", "\n").replace("\n", "\\n")


def _comment(text: str) -> str:
    """A comment is one line; fold any newline so it cannot end the comment early."""
    return "// " + " ".join(text.split())


def question_to_gift(question: ExportQuestion) -> str:
    """One question as a GIFT block (no trailing blank line)."""
    lines: list[str] = []
    if question.source:
        lines.append(_comment(f"{SOURCE_COMMENT} {question.source}"))
    if question.tags:
        lines.append("// " + " ".join(f"[tag:{tag.replace(']', ')')}]" for tag in question.tags))
    lines.append(f"// {KIND_COMMENT} {question.kind}")
    head = f"::{escape(question.key)}::[plain]{escape(question.prompt)}"
    feedback = f"####{escape(question.explanation)}" if question.explanation else ""
    if question.is_choice:
        question.correct_option()  # refuse a question whose answer_index points nowhere
        lines.append(head + " {")
        for index, option in enumerate(question.options or ()):
            lines.append(("=" if index == question.answer_index else "~") + escape(option))
    elif question.is_numeric:
        lines.append(f"{head} {{#{format_number(question.numeric_answer())}")
    else:
        lines.append(f"{head} {{={escape(question.answer)}")
    if feedback:
        lines.append(feedback)
    lines.append("}")
    return "\n".join(lines)


def to_gift(deck: ExportDeck) -> str:
    """The deck as a GIFT file, with a ``$CATEGORY`` line so Moodle files it under the deck's title."""
    category = "$course$/top/" + deck.title.replace("/", "//")
    blocks = [_comment(f"{deck.title}"), f"$CATEGORY: {' '.join(category.split())}"]
    text = "\n".join(blocks) + "\n\n"
    return text + "\n\n".join(question_to_gift(q) for q in deck.questions) + "\n"


# --------------------------------------------------------------------------------------------- import

# Escaped characters are swapped for private-use code points while parsing, so the structural
# characters left in the text are exactly the unescaped ones (the approach Moodle's parser takes).
_NEWLINE = "\ue010"
_PLACEHOLDERS = {
    "\\\\": "\ue000",
    **{"\\" + c: chr(0xE001 + i) for i, c in enumerate(_SPECIAL)},
    "\\n": _NEWLINE,
}
_RESTORE = {v: ("\n" if v == _NEWLINE else k[1]) for k, v in _PLACEHOLDERS.items()}
_FORMAT = re.compile(r"^\s*\[(html|moodle|plain|markdown)\]", re.IGNORECASE)
_TAG = re.compile(r"\[tag:([^\]]+)\]")
_WEIGHT = re.compile(r"^%(-?\d+(?:\.\d+)?)%")
_TRUE_FALSE = {"t": True, "true": True, "f": False, "false": False}


def _protect(text: str) -> str:
    return re.sub(r"\\(\\|[~=#{}:]|n)", lambda m: _PLACEHOLDERS[m.group(0)], text)


def _text(protected: str) -> str:
    """The literal text of a protected piece.

    Source line breaks and indentation are only layout and become single spaces; a written
    ``\\n`` becomes a real newline; escaped characters become themselves.
    """
    collapsed = " ".join(protected.split())
    out = "".join(_RESTORE.get(char, char) for char in collapsed)
    return "\n".join(part.strip() for part in out.split("\n")).strip()


@dataclass
class _Block:
    """One question's source: its lines (comments removed) and what the comments said."""

    line: int
    lines: list[tuple[int, str]] = field(default_factory=list)
    kind: str = ""
    source: str = ""
    tags: list[str] = field(default_factory=list)


def _blocks(text: str) -> Iterator[_Block]:
    """Split the file into questions at blank lines, keeping each line's number."""
    current: _Block | None = None
    pending = _Block(line=0)  # comments seen before a question's first line belong to it
    for number, raw in enumerate(text.lstrip("\ufeff").splitlines(), start=1):
        stripped = raw.strip()
        if not stripped:
            if current is not None:
                yield current
            current, pending = None, _Block(line=0)
            continue
        target = current if current is not None else pending
        if stripped.startswith("//"):
            _read_comment(stripped[2:].strip(), target)
            continue
        if current is None:
            current = pending
            current.line = number
        current.lines.append((number, raw))
    if current is not None:
        yield current


def _read_comment(comment: str, block: _Block) -> None:
    if comment.startswith(KIND_COMMENT):
        block.kind = comment[len(KIND_COMMENT) :].strip()
    elif comment.startswith(SOURCE_COMMENT):
        block.source = comment[len(SOURCE_COMMENT) :].strip()
    block.tags.extend(tag.strip() for tag in _TAG.findall(comment) if tag.strip())


class _GiftError(Exception):
    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


def parse_gift(text: str) -> ImportResult:
    """Read GIFT text into questions, with one error per question that cannot be imported.

    Nothing is half-imported: callers import none of the questions when ``errors`` is not empty.
    A question without a ``::title::`` gets an empty key (a new question for the caller).
    """
    questions: list[ExportQuestion] = []
    errors: list[LineError] = []
    keys: dict[str, int] = {}
    for block in _blocks(text):
        if block.lines[0][1].strip().startswith("$CATEGORY:"):
            block.lines = block.lines[1:]  # Moodle's category line; a question may follow it directly
            if not block.lines:
                continue
            block.line = block.lines[0][0]
        try:
            question = _parse_block(block)
        except _GiftError as error:
            errors.append(LineError(error.line, error.message))
            continue
        problems = question_problems(question)
        if question.key and question.key in keys:
            problems.append(f"the title {question.key!r} was already used on line {keys[question.key]}")
        if problems:
            errors.append(LineError(block.line, "; ".join(problems)))
            continue
        if question.key:
            keys[question.key] = block.line
        questions.append(question)
    return ImportResult(questions=questions, errors=errors)


def _line_of(block: _Block, joined: str, offset: int) -> int:
    """The source line holding character ``offset`` of the block's joined text."""
    return block.lines[min(joined.count("\n", 0, offset), len(block.lines) - 1)][0]


def _parse_block(block: _Block) -> ExportQuestion:
    joined = "\n".join(raw for _, raw in block.lines)
    body = _protect(joined)
    key = ""
    start = len(body) - len(body.lstrip())
    if body.startswith("::", start):
        end = body.find("::", start + 2)
        if end < 0:
            raise _GiftError(block.line, "the title is not closed: write ::title:: before the question")
        key = _text(body[start + 2 : end])
        start = end + 2
    open_at = body.find("{", start)
    if open_at < 0:
        if "}" in body[start:]:
            raise _GiftError(block.line, "'}' without an opening '{' (write \\} for a literal brace)")
        raise _GiftError(block.line, "no answer block: a question needs {…} with its answers")
    close_at = body.find("}", open_at)
    if close_at < 0:
        raise _GiftError(_line_of(block, body, open_at), "the answer block '{' is never closed with '}'")
    if "}" in body[start:open_at]:
        raise _GiftError(block.line, "'}' before the answer block (write \\} for a literal brace)")
    nested = body.find("{", open_at + 1, close_at)
    if nested >= 0:
        raise _GiftError(
            _line_of(block, body, nested), "'{' inside an answer block (write \\{ for a literal brace)"
        )
    after = body[close_at + 1 :]
    if "{" in after or "}" in after:
        raise _GiftError(_line_of(block, body, close_at + 1), "a question can have only one answer block {…}")
    before = _FORMAT.sub("", body[start:open_at], count=1)
    prompt = _text(before)
    tail = _text(after)
    if tail:  # "The capital is {=Paris ~Rome} of France." — a blank inside the sentence
        prompt = f"{prompt} _____ {tail}"
    answers, explanation = _split_general_feedback(body[open_at + 1 : close_at])
    line = _line_of(block, body, open_at)
    common = {
        "key": key,
        "prompt": prompt,
        "explanation": explanation,
        "source": block.source,
        "tags": tuple(block.tags),
    }
    if block.kind and block.kind not in ALL_KINDS:
        raise _GiftError(block.line, f"unknown {KIND_COMMENT} {block.kind!r}")
    if answers.startswith("#"):
        return _numeric(answers[1:], line, block.kind, common)
    return _choice(answers, line, block.kind, common)


def _split_general_feedback(answers: str) -> tuple[str, str]:
    at = answers.find("####")
    if at < 0:
        return answers.strip(), ""
    return answers[:at].strip(), _text(answers[at + 4 :])


def _numeric(spec: str, line: int, kind: str, common: dict) -> ExportQuestion:
    """``#1995``, ``#1995:0`` or ``#=1995:0`` — one exact number; ranges and tolerances are refused."""
    spec = spec.split("#", 1)[0].strip()  # drop the answer's own feedback
    if spec.startswith("="):
        if "=" in spec[1:] or "~" in spec:
            raise _GiftError(line, "only one numerical answer is supported")
        spec = _WEIGHT.sub("", spec[1:].strip())
    if ".." in spec:
        raise _GiftError(line, "numerical ranges (a..b) are not supported; give the exact number")
    value_text, _, tolerance = spec.partition(":")
    if tolerance.strip() and parse_number(tolerance) != 0:
        raise _GiftError(line, f"a tolerance of {tolerance.strip()} is not supported; answers are exact")
    value = parse_number(_text(value_text))
    if value is None:
        raise _GiftError(line, f"{_text(value_text)!r} is not a number")
    kind = kind or infer_kind(None, format_number(value))
    if kind not in NUMERIC_KINDS:
        raise _GiftError(line, f"a numerical answer cannot be a {kind!r} question")
    return ExportQuestion(kind=kind, options=None, answer_index=None, answer=format_number(value), **common)


def _choice(spec: str, line: int, kind: str, common: dict) -> ExportQuestion:
    if not spec:
        raise _GiftError(line, "essay questions ({}) are not supported")
    if "->" in spec:
        raise _GiftError(line, "matching questions are not supported")
    word = spec.split("#", 1)[0].strip().casefold()
    if word in _TRUE_FALSE:
        right = 0 if _TRUE_FALSE[word] else 1
        return ExportQuestion(
            kind=kind or "mc",
            options=("True", "False"),
            answer_index=right,
            answer=("True", "False")[right],
            **common,
        )
    parts = re.split(r"([=~])", spec)
    if parts[0].strip():
        raise _GiftError(line, f"answers must start with = or ~, found {_text(parts[0])!r}")
    options: list[str] = []
    right: list[int] = []
    has_wrong = False
    for marker, raw in zip(parts[1::2], parts[2::2], strict=True):
        text = raw.split("#", 1)[0].strip()  # drop per-answer feedback
        weight_match = _WEIGHT.match(text)
        weight = float(weight_match.group(1)) if weight_match else (100.0 if marker == "=" else 0.0)
        text = _WEIGHT.sub("", text, count=1).strip()
        if 0 < weight < 100:
            raise _GiftError(line, f"partial credit (%{weight:g}%) is not supported: one option is right")
        if weight >= 100:
            right.append(len(options))
        has_wrong = has_wrong or marker == "~"
        options.append(_text(text))
    if not has_wrong:
        return _short_answer(options, len(right), line, kind, common)
    if len(right) != 1:
        raise _GiftError(
            line, f"a multiple-choice question needs exactly one right (=) answer, found {len(right)}"
        )
    kind = kind or infer_kind(tuple(options), options[right[0]])
    if kind not in CHOICE_KINDS:
        raise _GiftError(line, f"options cannot belong to a {kind!r} question")
    return ExportQuestion(
        kind=kind, options=tuple(options), answer_index=right[0], answer=options[right[0]], **common
    )


def _short_answer(texts: list[str], right: int, line: int, kind: str, common: dict) -> ExportQuestion:
    """``{=Lima}``: the learner types the answer (typed_text). One accepted text, since a typed name
    is graded against one answer; several ``=`` texts or a lower weight are refused."""
    if len(texts) != 1 or right != 1:
        raise _GiftError(
            line,
            f"a short-answer question may accept only one answer, found {len(texts)}; "
            "keep the main spelling (case and accents are ignored when grading)",
        )
    if kind and kind != QuestionKind.TYPED_TEXT:
        raise _GiftError(line, f"a short answer cannot be a {kind!r} question")
    return ExportQuestion(
        kind=QuestionKind.TYPED_TEXT, options=None, answer_index=None, answer=texts[0], **common
    )
