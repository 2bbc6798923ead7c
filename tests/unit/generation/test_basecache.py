"""The per-base cache: built once for a base, never served for a base that has changed."""

from __future__ import annotations

from dataclasses import replace

from facts.extraction.types import FactData
from quizzes.bank.generation.ambiguity import is_also_true
from quizzes.bank.generation.basecache import per_base
from tests.unit.generation import corpus
from tests.unit.generation.corpus import FACTS

PROMPT = "Which country did Poland recognize on 27 December 1991?"


def test_work_on_one_base_is_done_once_and_redone_for_an_equal_copy_only_if_needed() -> None:
    calls: list[int] = []

    def build(base: tuple[FactData, ...]) -> int:
        calls.append(len(base))
        return len(base)

    cached = per_base(build)
    base = list(FACTS)
    assert cached(base) == cached(base) == cached(list(FACTS)) == len(FACTS)
    assert calls == [len(FACTS)]  # an equal base built anew is the same base
    assert cached(base[:-1]) == len(FACTS) - 1
    assert calls == [len(FACTS), len(FACTS) - 1]


def test_a_base_edited_in_place_is_not_served_from_the_cache() -> None:
    """The service may grow one list as it goes: the answer must follow the list, not a stale index."""
    recognised = {corpus.RECOGNITION_AZ, corpus.RECOGNITION_AZ_COUNTRY}
    base = [f for f in FACTS if f not in recognised]
    assert not is_also_true("Azerbaijan", corpus.RECOGNITION_KG_COUNTRY, base, PROMPT)
    base.append(corpus.RECOGNITION_AZ)
    assert is_also_true("Azerbaijan", corpus.RECOGNITION_KG_COUNTRY, base, PROMPT)
    base[-1] = replace(corpus.RECOGNITION_AZ, statement="Poland recognized Azerbaijan in 1992.")
    assert not is_also_true("Azerbaijan", corpus.RECOGNITION_KG_COUNTRY, base, PROMPT)
