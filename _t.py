import os, sys; os.environ.setdefault("DJANGO_SETTINGS_MODULE","config.settings")
import django; django.setup()
from facts.extraction.types import AnswerType as A, DatePrecision as P, FactData
from quizzes.generation.tree import tree_stem
from quizzes.generation.types import QuestionKind as K
def f(st, ans, t, prec=P.NONE, **kw): return FactData(st, ans, t, "", 0, 0, date_precision=prec, **kw)
cases=[
 (f("Soon after the war, Freedonia recognised Sylvania in 1950.", "1950", A.DATE, P.YEAR), K.YEAR_CHOICE),
 (f("As early as 1410, King Olaf II became aware of the danger.", "1410", A.DATE, P.YEAR), K.YEAR_CHOICE),
 (f("Marek Olbrycht, who had founded the firm, died in December 1988, and the firm collapsed.", "December 1988", A.DATE, P.MONTH), K.YEAR_CHOICE),
 (f("Marek Olbrycht, who had founded the firm, died in December 1988, and the firm collapsed.", "December 1988", A.DATE, P.MONTH), K.MC),
 (f("The Duckburg Rubber Works, founded by Carl Polon in 1898, made boots and tyres.", "1898", A.DATE, P.YEAR), K.TYPED_YEAR),
 (f("The Duckburg Rubber Works, founded by Carl Polon in 1898, made boots and tyres.", "Carl Polon", A.PERSON), K.MC),
 (f("Over 3,500 skilled workers were also trained in Duckburg.", "Over 3,500", A.NUMBER), K.MC),
 (f("Freedonia donated 55,200 vaccines to Sylvania in October 2021.", "55,200", A.NUMBER), K.MC),
 (f("Among the settlers who reached Duckburg was the painter Anna Kowal.", "Anna Kowal", A.PERSON), K.MC),
 (f("Prime Minister Anna Kowal of Freedonia visited Sylvania in 2016.", "Anna Kowal", A.PERSON), K.MC),
 (f("Prime Minister Anna Kowal of Freedonia visited Sylvania in 2016.", "Sylvania", A.COUNTRY), K.MC),
 (f("Freedonia and Sylvania are members of the World Trade Organization (WTO).", "World Trade Organization", A.ORGANISATION), K.MC),
 (f("Pope Pius stopped in Duckburg on 5 and 6 July 1980 during his first journey to Sylvania.", "5 and 6 July 1980", A.DATE, P.DAY), K.YEAR_CHOICE),
 (f("The treaty entered into force on 23 June 1961, once all twelve signatories had ratified it.", "23 June 1961", A.DATE, P.DAY), K.DATE_CHOICE),
 (f("Sylvania stayed neutral when Freedonia invaded Duckland in September 1939.", "Freedonia", A.COUNTRY), K.MC),
 (f("The Protocol has been in force since 14 January 1998.", "14 January 1998", A.DATE, P.DAY), K.DATE_CHOICE),
 (f("Many of those settlers later made their homes in Duckburg.", "Duckburg", A.PLACE, role="city"), K.MC),
 (f("Freedonia declared war on Sylvania on 22 August 1942.", "Sylvania", A.COUNTRY), K.MC),
 (f("Anna Kowal left the ship in March 1895 with dogs and sledges.", "Anna Kowal", A.PERSON), K.MC),
]
for fact, kind in cases:
    print(kind, "|", tree_stem(fact, kind), "  <=", fact.statement)
