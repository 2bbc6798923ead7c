"""Studying: the scheduler (``scheduling/``, pure), reads (``selectors``), writes (``services``),
statistics (``stats``, pure), the settings form and the study views.

May import ``facts``, ``quizzes.models`` and ``quizzes.bank``; never ``quizzes.teaching`` or ``quizzes.interchange``.
"""
