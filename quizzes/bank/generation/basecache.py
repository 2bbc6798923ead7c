"""Memoise work done once per fact base, so that generating one fact's questions does not redo it.

A service regenerates every question of a document against the same base, and each distractor check
reads the whole base; anything derived from the base alone (token postings, the years it names, its
lower-case words) is built once and reused while the base is unchanged.

The key is the base's content itself, compared element by element: the same list (or a copy holding
the same ``FactData`` objects) matches by identity in microseconds, an equal base built anew matches
by value, and any edit, addition or removal gives a different key. Nothing stale can be served.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence

from facts.extraction.types import FactData

_KEPT = 4  # bases remembered per derived value: a service works on one, tests switch between a few


def per_base[T](build: Callable[[tuple[FactData, ...]], T]) -> Callable[[Sequence[FactData]], T]:
    """Wrap ``build(base)`` so it runs once per distinct base content (see the module docstring)."""
    entries: list[tuple[tuple[FactData, ...], T]] = []
    lock = threading.Lock()

    def cached(base: Sequence[FactData]) -> T:
        key = tuple(base)
        with lock:
            for position, (known, value) in enumerate(entries):
                # Tuple equality checks length first, then identity before value for each element.
                if known == key:
                    if position:
                        entries.insert(0, entries.pop(position))
                    return value
        value = build(key)
        with lock:
            entries.insert(0, (key, value))
            del entries[_KEPT:]
        return value

    cached.__doc__ = build.__doc__
    cached.__name__ = getattr(build, "__name__", "cached")
    return cached
