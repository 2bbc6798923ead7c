"""Wrong options of the answer's own sort: nationality, office, the country of a city, kinds of bodies.

The facts are invented (Chile–Norway relations, made-up people) so that the rules are seen to work
from what the base says, not from anything known about the seed articles.
"""

from __future__ import annotations

from datetime import date

from facts.extraction.types import AnswerType, FactData
from facts.language.text import fold
from quizzes.bank.generation import QuestionKind, generate_questions
from quizzes.bank.generation.profiles import country_of_place, org_profile, person_profiles
from tests.unit.generation.helpers import assert_invariants

TODAY = date(2025, 6, 1)
DOC = "Chile–Norway relations"
P, PL, O = AnswerType.PERSON, AnswerType.PLACE, AnswerType.ORGANISATION  # noqa: E741


def fact(statement: str, answer: str, answer_type: AnswerType, **values: object) -> FactData:
    return FactData(statement, answer, answer_type, "", 0, len(statement), document=DOC, **values)  # type: ignore[arg-type]


PRESIDENT_ROJAS = fact(
    "Chilean President Ana Rojas visited Norway in 2001.",
    "Ana Rojas",
    P,
    role="President",
    question="Which Chilean president visited Norway in 2001?",
)
CHILEAN_PRESIDENTS = [
    fact("Chilean President Luis Soto visited Norway in 2005.", "Luis Soto", P, role="President"),
    fact("Chilean President Marta Vidal visited Sweden in 2009.", "Marta Vidal", P, role="President"),
    fact("President Pablo Reyes of Chile hosted a summit in 2012.", "Pablo Reyes", P, role="President"),
]
ENGINEER = fact(
    "Norwegian engineer Nils Lund built a bridge in Santiago.",
    "Nils Lund",
    P,
    role="engineer",
    question="Which Norwegian engineer built a bridge in Santiago?",
)
OTHER_PEOPLE = [
    fact("Norwegian Prime Minister Erik Dahl visited Chile in 2003.", "Erik Dahl", P, role="Prime Minister"),
    fact("Argentine President Jorge Paz visited Norway in 2007.", "Jorge Paz", P, role="President"),
    fact(
        "Kari Holm, then Prime Minister of Norway, visited Chile in 2010.",
        "Kari Holm",
        P,
        role="Prime Minister",
    ),
    fact("Norwegian writer Ola Nes wrote a novel in 1990.", "Ola Nes", P, role="writer"),
    ENGINEER,
]
PEOPLE = [PRESIDENT_ROJAS, *CHILEAN_PRESIDENTS, *OTHER_PEOPLE]


def _mc(f: FactData, base: list[FactData]):  # noqa: ANN202
    questions = [q for q in generate_questions(f, base, today=TODAY) if q.kind is QuestionKind.MC]
    for q in questions:
        assert_invariants(q, f, base)
    return questions[0] if questions else None


def test_profiles_read_office_and_nationality_from_titles_and_stems() -> None:
    profiles = person_profiles(PEOPLE)
    assert profiles["pablo reyes"].countries == {"Chile"}  # "President Pablo Reyes of Chile"
    assert profiles["kari holm"].roles == {"prime minister"}  # ", then Prime Minister of Norway,"
    assert profiles["kari holm"].countries == {"Norway"}
    assert profiles["ana rojas"].roles == {"president"} and profiles["ana rojas"].countries == {"Chile"}


def test_a_nationality_in_the_stem_keeps_every_option_of_that_nationality_and_office() -> None:
    question = _mc(PRESIDENT_ROJAS, PEOPLE)
    assert question is not None and question.prompt == PRESIDENT_ROJAS.question
    assert set(question.options or ()) == {"Ana Rojas", "Luis Soto", "Marta Vidal", "Pablo Reyes"}


def test_too_few_of_the_named_nationality_means_no_question_that_names_it() -> None:
    base = [PRESIDENT_ROJAS, CHILEAN_PRESIDENTS[0], *OTHER_PEOPLE]
    question = _mc(PRESIDENT_ROJAS, base)
    if question is not None:  # a stem that no longer says "Chilean" may be asked instead …
        assert "Chilean" not in question.prompt
        # … but never with a Norwegian beside "Who visited Norway …"
        profiles = person_profiles(base)
        for option in question.options or ():
            assert "Norway" not in profiles[fold(option)].countries


def test_an_office_named_in_the_stem_is_never_mixed_with_other_offices() -> None:
    question = _mc(ENGINEER, PEOPLE)
    assert question is None or "engineer" not in question.prompt
    engineers = [
        fact(f"Norwegian engineer {name} built a dam in {year}.", name, P, role="engineer")
        for name, year in (("Per Vik", 1971), ("Arne Lie", 1975), ("Tor Berg", 1980))
    ]
    question = _mc(ENGINEER, [*PEOPLE, *engineers])
    assert question is not None and question.prompt == ENGINEER.question
    assert set(question.options or ()) == {"Nils Lund", "Per Vik", "Arne Lie", "Tor Berg"}


# --- places ---------------------------------------------------------------------------------------

OSLO = fact(
    "Chile has an embassy in Oslo.",
    "Oslo",
    PL,
    role="city",
    question="In which Norwegian city does Chile have its embassy?",
)
SANTIAGO = fact(
    "Norway has an embassy in Santiago.",
    "Santiago",
    PL,
    role="city",
    question="In which Chilean city does Norway have its embassy?",
)
PLACES = [
    OSLO,
    SANTIAGO,
    fact("There is an honorary consulate of Chile in Bergen.", "Bergen", PL, role="city"),
    fact("Chile opened a consulate in Stavanger in 1990.", "Stavanger", PL, role="city"),
    fact("A Chilean school opened in Tromsø, Norway, in 1999.", "Tromsø", PL, role="city"),
    fact("Norway opened an honorary consulate in Valparaíso in 1950.", "Valparaíso", PL, role="city"),
    fact("The Chilean President flew to Lima in 2002.", "Lima", PL, role="city"),
    fact("Chilean miners settled in Kiruna in 1905.", "Kiruna", PL, role="city"),
]


def test_the_country_of_a_place_is_read_from_the_base_and_the_atlas() -> None:
    assert country_of_place("Bergen", PLACES) == {"Norway"}  # consulate of Chile in a Chile–Norway article
    assert country_of_place("Stavanger", PLACES) == {"Norway"}  # Chile opened a consulate there
    assert country_of_place("Tromsø", PLACES) == {"Norway"}  # "Tromsø, Norway"
    assert country_of_place("Lima", PLACES) == {"Peru"}  # the atlas beats the article's two countries
    assert country_of_place("Kiruna", PLACES) == frozenset()


def test_a_city_named_as_in_a_country_gets_only_cities_of_that_country() -> None:
    question = _mc(OSLO, PLACES)
    assert question is not None and question.prompt == OSLO.question
    assert set(question.options or ()) == {"Oslo", "Bergen", "Stavanger", "Tromsø"}


def test_too_few_cities_of_the_named_country_gives_no_question_naming_it() -> None:
    question = _mc(SANTIAGO, PLACES)
    assert question is None or "Chilean" not in question.prompt
    if question is not None:  # "In which city does Norway have an embassy?" offers no Norwegian city
        assert not {"Oslo", "Bergen", "Stavanger", "Tromsø"} & set(question.options or ())


# --- organisations -------------------------------------------------------------------------------

ORGS = [
    fact("Chile and Norway are members of the United Nations.", "United Nations", O),
    fact("Chile and Norway are members of the World Trade Organization.", "World Trade Organization", O),
    fact("Chile and Norway are members of the OECD.", "OECD", O),
    fact("Norway is a member of the Council of Europe.", "Council of Europe", O),
    fact("Norway is a member of NATO.", "NATO", O, question="Norway is a member of which military alliance?"),
    fact("The 3rd Rifle Regiment was stationed in Tromsø.", "3rd Rifle Regiment", O),
    fact("The 5th Infantry Division was stationed in Bergen.", "5th Infantry Division", O),
    fact("Norwegian Post issued a stamp in 2010.", "Norwegian Post", O),
    fact("The Ministry of Culture of Chile funded a festival in 2011.", "Ministry of Culture of Chile", O),
    fact("The University of Oslo hosted a conference in 2012.", "University of Oslo", O),
]


def test_organisations_are_sorted_into_kinds_by_name() -> None:
    kinds = {f.answer: org_profile(f.answer, ORGS).kind for f in ORGS}
    assert kinds["3rd Rifle Regiment"] == kinds["5th Infantry Division"] == "military"
    assert kinds["Norwegian Post"] == "company"
    assert kinds["Ministry of Culture of Chile"] == "government"
    assert kinds["University of Oslo"] == "education"
    assert kinds["OECD"] == kinds["NATO"] == kinds["United Nations"] == "international"


def test_an_international_organisation_gets_only_international_organisations() -> None:
    wto = fact(
        "Chile and Norway are members of the World Trade Organization.",
        "World Trade Organization",
        O,
        question="Besides the United Nations, which organisation are Chile and Norway both members of?",
    )
    question = _mc(wto, [*ORGS, wto])
    assert question is not None
    for option in question.options or ():
        assert org_profile(option, ORGS).kind == "international", question.options


def test_a_military_alliance_in_the_stem_is_respected() -> None:
    nato = ORGS[4]
    question = _mc(nato, ORGS)
    assert question is None or "alliance" not in question.prompt  # NATO is the only alliance known
    alliances = [
        fact(f"Chile is not a member of the {name}.", name, O)
        for name in ("Rio Treaty Alliance", "Pacific Defence Alliance", "Andean Alliance")
    ]
    question = _mc(nato, [*ORGS, *alliances])
    assert question is not None and "alliance" in question.prompt
    assert set(question.options or ()) == {
        "NATO",
        "Rio Treaty Alliance",
        "Pacific Defence Alliance",
        "Andean Alliance",
    }


def test_a_derived_stem_asks_for_a_military_unit_with_units_as_options() -> None:
    regiment = ORGS[5]
    question = _mc(regiment, ORGS)
    assert question is None  # one other unit is too few
    units = [
        fact(f"The {name} was stationed in Oslo.", name, O)
        for name in ("2nd Armoured Brigade", "Northern Cavalry Regiment", "1st Artillery Battalion")
    ]
    question = _mc(regiment, [*ORGS, *units])
    assert question is not None and question.prompt == "Which military unit was stationed in Tromsø?"
    for option in question.options or ():
        assert org_profile(option, ORGS).kind == "military"


def test_a_body_named_after_two_countries_is_not_offered_beside_international_organisations():
    from quizzes.bank.generation.profiles import org_profile

    # "Which organisation are Chile and Norway both members of?" must not offer the Chilean-Norwegian
    # commission: both countries are, in a sense, its members.
    assert org_profile("Chilean-Norwegian Joint Commission on Trade", []).kind == "bilateral"
    assert org_profile("Organization for Security and Co-operation in Europe", []).kind == "international"
