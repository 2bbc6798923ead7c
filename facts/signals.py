"""How ``facts`` tells the rest of the site that facts changed, without importing it.

``facts`` is the bottom layer: it never imports ``quizzes``. Every write that changes facts calls
:func:`facts_changed_announce` once, inside its transaction; the question bank connects a receiver in its
``AppConfig.ready`` and regenerates those facts' questions in place (so a failure rolls the edit back too).
"""

from __future__ import annotations

from collections.abc import Iterable

from django.dispatch import Signal

# Sent with ``fact_ids``: the primary keys of the facts created, edited, approved or rejected.
facts_changed = Signal()


def facts_changed_announce(*, fact_ids: Iterable[int]) -> None:
    ids = list(fact_ids)
    if ids:
        facts_changed.send(sender=facts_changed_announce, fact_ids=ids)
