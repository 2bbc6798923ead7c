"""Fact extraction: pure functions from document text to atomic, self-contained facts.

``parse_document`` reads the markup, ``extract_facts`` returns FactData in document order;
``parse_date`` and ``parse_number`` are the typed readers the rules (and others) use.
"""

from facts.language.dates import parse_date
from facts.language.numbers import parse_number

from .confidence import REVIEW_THRESHOLD
from .markup import MarkupError, parse_document
from .pipeline import extract_facts

__all__ = ["REVIEW_THRESHOLD", "MarkupError", "extract_facts", "parse_date", "parse_document", "parse_number"]
