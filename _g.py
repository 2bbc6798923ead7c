import os; os.environ.setdefault("DJANGO_SETTINGS_MODULE","config.settings")
import django; django.setup()
from quizzes.generation.gate import check_stem, vocabulary
ctx="Soon after the war, Freedonia recognised the Republic of Sylvania in 1950, and Marek Olbrycht settled in Duckburg along the river."
voc=vocabulary(ctx)
for s in ["In which year did Freedonia recognise the Republic of Sylvania soon after the war?",
 "In which year did soon after the war, Freedonia recognize the Republic of Sylvania?",
 "In which year does as early a Marek Olbrycht became aware of Sylvania?",
 "In which year did Marek Olbrycht settl in Duckburg?",
 "In which year did Marek Olbrycht settle in Duckburg?",
 "Which river did Marek Olbrycht settle in Duckburg along?",
 "In which place did Marek Olbrycht settle along?",
 "Which country refused to sign it?",
 "In which year did the war end?",
 "In which year did Freedonia recognise the Republic of Sylvania? Who settled?",
 "Freedonia recognised the Republic of Sylvania in 1950?",
 "In which year Freedonia the Republic of Sylvania?",
 "Who settled in Duckburg?",
 "In which year did Marek Olbrycht settle in Duckburg in 1950?",
 "Was Marek Olbrycht in Duckburg in 1950?",
 "On what date did Freedonia lead by Marek Olbrycht won the war?",
 "In which year did Kari Kairamo, the chief executive who had driven the expansion, die?",
 "How many skilled workers were trained in Duckburg?",
 "Which organisation are Freedonia and Sylvania members of?",
]:
    print(check_stem(s, answers=["1950"], context=ctx, known_words=voc), "|", s)
