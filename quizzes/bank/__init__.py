"""The question bank: questions generated from facts (``generation/``, pure: kinds, generation, typed
grading), the one grader of an answer and the shown option (``answers``, pure, shared by study and quizzes),
and regeneration in place (``services``, which also receives ``facts.signals.facts_changed``).

May import ``facts`` and ``quizzes.models``; never ``quizzes.study``, ``quizzes.teaching`` or
``quizzes.interchange``. ``generation/`` imports nothing of ours but ``facts.extraction``.
"""
