"""Teaching: quiz authoring (``quizzes``) and attempts (``attempts``) as services, reads (``selectors``),
item analysis and grading methods (``analysis``, pure), forms and the teacher and learner views (``views/``).

May import ``facts``, ``quizzes.models``, ``quizzes.bank``, ``quizzes.interchange`` and ``quizzes.study``'s
services (a missed quiz question becomes a study card); the study package never imports this one.
"""
