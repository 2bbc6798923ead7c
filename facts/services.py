"""Writes to documents and facts: ingest, import, edits. Each document is one transaction.

Extraction (``facts.extraction``) is pure; this module turns its plain data into rows and keeps the rule
that a fact a person has edited is never overwritten by a machine.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify

from facts.extraction import REVIEW_THRESHOLD, MarkupError, extract_facts, parse_date, parse_document
from facts.extraction.pipeline import block_texts
from facts.extraction.types import AnswerType, FactData
from facts.language import nlp
from facts.models import DOCUMENT_TEXT_MAX, Document, Fact
from facts.signals import facts_changed_announce

EXPORT_KEYS = (
    "id",
    "document",
    "section",
    "statement",
    "answer",
    "answer_type",
    "date",
    "date_precision",
    "number",
    "unit",
    "status",
    "source_start",
    "source_end",
    "confidence",
)
# Keys an older export may lack; a missing one leaves the fact's value as it is (or the default for a new fact).
OPTIONAL_EXPORT_KEYS = frozenset({"confidence"})


class IngestError(Exception):
    """A document that cannot be ingested; the message names the file (and line, where there is one)."""


@dataclass
class IngestResult:
    document: Document
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    kept_human_edits: int = 0
    document_created: bool = False
    warnings: tuple[str, ...] = ()  # what the reader skipped or read with a guess ("line 9: skipped …")


def extraction_key(fact: FactData) -> str:
    """Identifies a machine-extracted fact across re-ingests: the same claim gets the same key."""
    raw = "\x1f".join([fact.section, fact.statement, fact.answer, str(fact.answer_type)])
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:40]


def read_document_file(path: Path) -> str:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise IngestError(f"{path}: cannot be read ({exc.strerror or exc}).") from exc
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise IngestError(
            f"{path}, line {line}: not UTF-8 text (byte {exc.start}). Save the file as UTF-8."
        ) from exc
    if len(text) > DOCUMENT_TEXT_MAX:
        raise IngestError(
            f"{path}: {len(text):,} characters is more than one document may hold ({DOCUMENT_TEXT_MAX:,})."
        )
    return text.removeprefix("\ufeff")


def document_files(paths: Iterable[str | Path]) -> Iterator[Path]:
    """The ``.txt`` files named, and those inside named folders (sorted, so runs are repeatable)."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*.txt") if p.is_file())
        else:
            yield path


FACT_FIELDS = (
    "section",
    "statement",
    "answer",
    "answer_type",
    "date",
    "date_precision",
    "date_end",
    "number",
    "unit",
    "qualifier",
    "role",
    "subject",
    "question",
    "source_start",
    "source_end",
    "confidence",
)


def _fact_values(data: FactData) -> dict:
    values = {name: getattr(data, name) for name in FACT_FIELDS}
    for name in ("question", "date", "date_end"):
        values[name] = values[name] or ""
    values["answer_type"] = str(data.answer_type)
    values["date_precision"] = str(data.date_precision)
    return values


def documents_prepare(texts: Iterable[str]) -> None:
    """Read the names of many documents in one batch of the language layer, before they are ingested one by one.

    ``document_ingest`` then finds each paragraph already read; a document that does not parse is left for
    ``document_ingest`` to refuse with its message.
    """
    blocks: list[str] = []
    for text in texts:
        try:
            blocks.extend(block_texts(parse_document(text)))
        except MarkupError:
            continue
    if blocks:
        nlp.analyse(blocks)


@transaction.atomic
def document_ingest(
    *, text: str, name: str = "<text>", source_url: str = "", attribution: str = "", approve: bool = False
) -> IngestResult:
    """Parse ``text``, store the document and its facts. Idempotent; human edits win.

    ``name`` is only used in error messages (usually the file path). Raises IngestError and writes nothing
    when the text is malformed.
    """
    if not text.strip():
        raise IngestError(f"{name}: the file is empty.")
    try:
        parsed = parse_document(text)
        extracted = extract_facts(parsed)
    except MarkupError as exc:
        where = f", line {exc.line}" if exc.line else ""
        raise IngestError(f"{name}{where}: {exc.message}") from exc

    document = Document.objects.filter(title=parsed.title).first()
    result_created = document is None
    if document is None:
        document = Document(
            title=parsed.title, slug=_unique_slug(parsed.title), position=Document.objects.count()
        )
    if document.text != text and not result_created:
        # The text changed: old spans may no longer point at the right place. Machine facts are re-extracted
        # below; human-edited ones keep their spans but are clipped so they stay inside the text.
        for fact in document.facts.filter(human_edited=True):
            if fact.source_end > len(text):
                fact.source_start, fact.source_end = min(fact.source_start, len(text)), len(text)
                fact.save(update_fields=["source_start", "source_end"])
    document.text = text
    document.source_url = source_url or document.source_url
    document.attribution = attribution or document.attribution
    document.save()

    result = IngestResult(document=document, document_created=result_created, warnings=parsed.warnings)
    existing = {f.extraction_key: f for f in document.facts.exclude(extraction_key="")}
    changed_ids: list[int] = []
    for position, data in enumerate(extracted):
        key = extraction_key(data)
        values = _fact_values(data)
        fact = existing.get(key)
        if fact is None:
            fact = Fact.objects.create(
                document=document,
                extraction_key=key,
                position=position,
                origin=Fact.Origin.EXTRACTED,
                status=(
                    Fact.Status.APPROVED
                    if approve and data.confidence >= REVIEW_THRESHOLD
                    else Fact.Status.DRAFT
                ),
                **values,
            )
            result.created += 1
            changed_ids.append(fact.pk)
        elif fact.human_edited:
            result.kept_human_edits += 1
        elif any(getattr(fact, k) != v for k, v in values.items()) or fact.position != position:
            for k, v in values.items():
                setattr(fact, k, v)
            fact.position = position
            fact.save()
            result.updated += 1
            changed_ids.append(fact.pk)
        else:
            result.unchanged += 1
    facts_changed_announce(fact_ids=changed_ids)
    return result


def _unique_slug(title: str) -> str:
    # En and em dashes join words in titles ("Peru–Poland relations"): keep them as hyphens in the slug.
    base = slugify(title.replace("–", "-").replace("—", "-"))[:280] or "document"
    slug, n = base, 2
    while Document.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


# Export and import ---------------------------------------------------------------------------------------


def fact_to_export(fact: Fact) -> dict:
    return {
        "id": fact.pk,
        "document": fact.document.title,
        "section": fact.section,
        "statement": fact.statement,
        "answer": fact.answer,
        "answer_type": fact.answer_type,
        "date": fact.date or None,
        "date_precision": fact.date_precision,
        "number": fact.number,
        "unit": fact.unit,
        "status": fact.status,
        "source_start": fact.source_start,
        "source_end": fact.source_end,
        "confidence": fact.confidence,
    }


def facts_export(document: str | None = None) -> Iterator[str]:
    """JSON Lines, one object per fact, document order. ``document`` is a title or slug."""
    facts = Fact.objects.select_related("document")
    if document:
        facts = facts.for_document(document)
    for fact in facts.iterator(chunk_size=500):
        yield json.dumps(fact_to_export(fact), ensure_ascii=False)


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list[str] = field(default_factory=list)


class ImportFailed(Exception):
    def __init__(self, errors: list[str]):
        super().__init__("\n".join(errors))
        self.errors = errors


_TEXT_KEYS = ("document", "statement", "answer", "answer_type", "status")
_OPTIONAL_TEXT_KEYS = ("section", "unit", "date", "date_precision")


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)  # JSON true is not fact 1


def row_type_errors(row: dict) -> list[str]:
    """What is wrong with the types of an export row, in words; empty when every value has its type.

    Pure. Ids are positive integers or null, offsets non-negative integers in order, the number a
    finite number or null, and text is text without NUL characters (no database can store one)."""
    errors = []
    if row["id"] is not None and not (_is_int(row["id"]) and row["id"] > 0):
        errors.append(f"id must be a positive whole number or null, not {json.dumps(row['id'])}")
    for key in _TEXT_KEYS + _OPTIONAL_TEXT_KEYS:
        value = row[key]
        if value is None and key in _OPTIONAL_TEXT_KEYS:
            continue
        if not isinstance(value, str):
            errors.append(f"{key} must be text, not {json.dumps(value)[:40]}")
        elif "\x00" in value:
            errors.append(f"{key} contains a NUL character")
    number = row["number"]
    if number is not None and (
        not isinstance(number, int | float) or isinstance(number, bool) or not math.isfinite(number)
    ):
        errors.append(f"number must be a number or null, not {json.dumps(number)[:40]}")
    offsets = [row["source_start"], row["source_end"]]
    if not all(_is_int(o) and o >= 0 for o in offsets):
        errors.append(
            f"source_start and source_end must be whole numbers from 0, not {json.dumps(offsets)[:60]}"
        )
    elif offsets[0] > offsets[1]:
        errors.append(f"source_start ({offsets[0]}) is after source_end ({offsets[1]})")
    return errors


def _parse_line(number: int, line: str, documents: dict[str, Document]) -> tuple[dict, Document]:
    try:
        row = json.loads(line)
    except json.JSONDecodeError as exc:
        raise ValueError(f"line {number}: not valid JSON ({exc.msg}).") from exc
    if not isinstance(row, dict):
        raise ValueError(f"line {number}: expected a JSON object.")
    missing = [k for k in EXPORT_KEYS if k not in row and k not in OPTIONAL_EXPORT_KEYS]
    unknown = [k for k in row if k not in EXPORT_KEYS]
    if missing or unknown:
        parts = []
        if missing:
            parts.append("missing " + ", ".join(missing))
        if unknown:
            parts.append("unknown " + ", ".join(unknown))
        raise ValueError(f"line {number}: {'; '.join(parts)}.")
    if errors := row_type_errors(row):
        raise ValueError(f"line {number}: {'; '.join(errors)}.")
    document = documents.get(row["document"])
    if document is None:
        document = Document.objects.filter(title=row["document"]).first()
        if document is None:
            raise ValueError(f"line {number}: no document titled {row['document']!r}; ingest it first.")
        documents[row["document"]] = document
    return row, document


@transaction.atomic
def facts_import(lines: Iterable[str]) -> ImportResult:
    """Read JSON Lines in the export format. All or nothing: any bad line raises ImportFailed, nothing is saved.

    A row whose ``id`` names an existing fact updates it (and marks it human-edited when anything changed,
    since the file is a person's review); ``id: null`` or an unknown id creates a new fact.
    """
    result = ImportResult()
    documents: dict[str, Document] = {}
    changed_ids: list[int] = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            row, document = _parse_line(number, line, documents)
            fact = Fact.objects.filter(pk=row["id"]).first() if row["id"] is not None else None
            created = fact is None
            if created:
                fact = Fact(document=document, origin=Fact.Origin.IMPORTED, human_edited=True)
                if row["id"] is not None:
                    fact.pk = row["id"]
                fact.position = document.facts.count()
            before = fact_to_export(fact) if not created else None
            fact.document = document
            for key in EXPORT_KEYS[2:]:
                if key not in row:
                    continue
                value = row[key]
                if key in {"unit", "section", "date_precision", "date"}:
                    value = value or ""
                setattr(fact, key, value)
            if (
                fact.answer_type == AnswerType.DATE
                and fact.date_precision == "year_range"
                and not fact.date_end
            ):
                parsed = parse_date(fact.answer)
                fact.date_end = (parsed[2] if parsed else None) or ""
            fact.full_clean(exclude=["extraction_key"])
        except ValueError as exc:
            result.errors.append(str(exc))
            continue
        except ValidationError as exc:
            messages = "; ".join(f"{k}: {' '.join(v)}" for k, v in exc.message_dict.items())
            result.errors.append(f"line {number}: {messages}")
            continue
        after = fact_to_export(fact)
        if created:
            fact.save()
            result.created += 1
            changed_ids.append(fact.pk)
        elif after != before:
            fact.human_edited = True
            fact.save()
            result.updated += 1
            changed_ids.append(fact.pk)
        else:
            result.unchanged += 1
    if result.errors:
        raise ImportFailed(result.errors)
    facts_changed_announce(fact_ids=changed_ids)
    return result


@transaction.atomic
def fact_update(*, fact: Fact, created: bool = False, changed: bool = True) -> Fact:
    """Save a fact a person wrote or edited: it is marked as human-edited (so re-ingesting its document keeps
    the edit), a new one as manual, and its questions are regenerated in place in the same transaction."""
    if created:
        fact.origin = Fact.Origin.MANUAL
        fact.human_edited = True
    elif changed:
        fact.human_edited = True
    fact.save()
    facts_changed_announce(fact_ids=[fact.pk])
    return fact


@transaction.atomic
def facts_status_set(*, fact_ids: Iterable[int], status: str) -> int:
    """Approve or reject facts (each through ``save()`` so the edit history records it); returns how many
    changed. Their questions follow: rejected facts leave every deck, approved ones enter it."""
    ids = list(fact_ids)
    changed = 0
    for fact in Fact.objects.filter(pk__in=ids):
        if fact.status != status:
            fact.status = status
            fact.human_edited = True
            fact.save()
            changed += 1
    facts_changed_announce(fact_ids=ids)
    return changed
