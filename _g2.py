import os; os.environ.setdefault("DJANGO_SETTINGS_MODULE","config.settings")
import django; django.setup()
from quizzes.generation.gate import parse_cached
for s in ["In which place did Marek Olbrycht settle along?","In which year did the three companies come under common control after?", "Which body did the city join in?"]:
    print([(t.text,t.tag_,t.pos_,t.dep_) for t in parse_cached(s)])
