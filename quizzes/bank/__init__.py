"""The question bank: questions generated from facts (``generation/``, pure) and regenerated in place (``services``).

May import ``facts`` and ``quizzes.models``; never ``quizzes.study``, ``quizzes.teaching`` or ``quizzes.interchange``.
"""
