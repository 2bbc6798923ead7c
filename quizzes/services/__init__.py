"""Writes that touch several rows, each one transaction (HackSoft style: ``<entity>_<action>``).

One module per concern: ``questions`` (generation into rows), ``study`` (answers, undo, cards),
``teaching`` (quizzes, attempts). Reads live in ``quizzes.selectors``.
"""

from quizzes.services.questions import fact_base, fact_data, questions_regenerate

__all__ = ["fact_base", "fact_data", "questions_regenerate"]
