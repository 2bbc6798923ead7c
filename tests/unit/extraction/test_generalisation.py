"""Extraction on articles it has never seen: invented countries, people and headings.

Each test reproduces a failure a reviewer found on an invented document: visit lists headed in
other words, level-3 headings, stems and statements with holes left by a removed answer, British
"-ised" verbs, and infobox questions that named no country. Freedonia and its people are made up
(the gazetteer does not know them), so nothing here can pass by fitting the seed articles.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from facts.extraction import extract_facts, parse_document
from facts.extraction.grammar import base_form
from facts.extraction.questions import make_question, validate_question
from facts.extraction.types import AnswerType, FactData

SEEDS = Path(__file__).resolve().parents[3] / "fixtures" / "documents"

VISITS = """= Freedonia–Poland relations =

==High-level visits==
{heading}
- President Lech Wałęsa (1994)
- Prime Minister Rufus Firefly (1996, 1999)
- 2001 - Foreign Minister Chico Marx
"""

# Heading → (who visited, whom they visited). The people are the same in each list; only the
# heading says which way they travelled.
HEADINGS = {
    "Visits of Polish leaders to Freedonia:": ("Poland", "Freedonia"),
    "Official visits from Freedonia to Poland:": ("Freedonia", "Poland"),
    "High-level visits from Poland to Freedonia": ("Poland", "Freedonia"),
    "Visits by Freedonian officials to Poland:": ("Freedonia", "Poland"),
    "State visits to Freedonia by Polish presidents:": ("Poland", "Freedonia"),
    "Freedonian state visits to Poland": ("Freedonia", "Poland"),
    "Official visits to Poland": ("Freedonia", "Poland"),
}

FREEDONIA = """= Freedonia–Poland relations =

Infobox
- Party1: Freedonia
- Party2: Poland
- Mission1: Embassy of Freedonia, Warsaw
- Mission2: Embassy of Poland, Fredville
- Envoytitle1: Freedonian Ambassador to Poland
- Envoy1: Rufus T. Firefly
- Envoytitle2: Polish Ambassador to Freedonia
- Envoy2: Anna Kowalczyk

Freedonia–Poland relations are the bilateral relations between Freedonia and Poland.

==History==
Poland recognised Freedonia's independence on 3 May 1992. Freedonia apologised to Poland in 1998. The Freedonian Trade Council organised a fair in Gdańsk in 2004. Poland backed Freedonia for membership in both the Council of Europe and the World Trade Organization. Freedonia was divided by Sweden, Russia and Denmark (later Norway) in 1830.

=== Early contacts ===
A Freedonian merchant reached Kraków in 1605. Freedonian envoys realised the importance of the Vistula trade in 1610.

=== Modern era ===
Freedonia and Poland are members of the OSCE, the United Nations and the World Trade Organization.

==Economic relations==
As of 2019:

- Polish imports: €3.5 million ($ million; equivalent to $ million in ). Most of it was timber.
- Polish exports: €1.2 million.

==Diplomatic missions==
- Freedonia has an embassy in Warsaw.
- Poland has an embassy in Fredville and an honorary consulate in Duckburg.
- Freedonia is accredited to Poland from its embassy in Berlin.
"""


RURITANIA = """= Norway–Ruritania relations =

Infobox
- Party1: Norway
- Party2: Ruritania
- Mission1: Embassy of Norway, Strelsau
- Mission2: Embassy of Ruritania, Oslo
- Envoytitle1: Norwegian Ambassador to Ruritania
- Envoy1: Ingrid Solberg
- Envoytitle2: Ruritanian Ambassador to Norway
- Envoy2: Rudolf Elphberg

Norway–Ruritania relations are the foreign relations between Norway and Ruritania. Both countries are members of the United Nations, the Council of Europe and the OSCE.

== History ==
Norway recognised Ruritania on 14 June 1919. In 1921, Ruritania organised a trade fair in Bergen and Norway apologised for a border incident in 1923. Ruritania was occupied by Germany (later West Germany) and Austria in 1940. Norway and Ruritania signed agreements on trade (1995), tourism (2001) and culture (2006).

=== Cold War ===
During the Cold War, Ruritania was a member of the Warsaw Pact. Relations were restored in 1990 and the embassies reopened in 1991.

=== After 1990 ===
Ruritanian students were the 12th largest group of foreign students in Norway in 2020 and the 10th largest in 2022.

== Visits ==
Visits by Norwegian leaders to Ruritania:
- King Harald V (1995)
- Prime Minister Erna Solberg (2015, 2018)

Visits of Ruritanian officials to Norway:
- 1999 - President Rudolf Rassendyll
- 2011 - Foreign Minister Flavia Elphberg (economic consultations)

== Economy ==
In 2020, trade between the two countries amounted to US$210 million. Norway exported mainly fish, while Ruritania exported machinery.

== Diplomatic missions ==
- Norway has an embassy in Strelsau and a consulate in Zenda.
- Ruritania has an embassy in Oslo and an honorary consulate in Bergen.
"""


def facts_of(text: str) -> list[FactData]:
    return extract_facts(parse_document(text))


def with_answer(facts: list[FactData], answer: str) -> list[FactData]:
    return [f for f in facts if f.answer == answer]


# --- 1. visit lists under headings worded differently from the seeds ----------------------------


@pytest.mark.parametrize(("heading", "direction"), HEADINGS.items())
def test_visit_list_gives_a_full_sentence_per_visit_year(heading: str, direction: tuple[str, str]) -> None:
    source, destination = direction
    facts = facts_of(VISITS.format(heading=heading))
    years = {f.answer: f for f in facts if f.answer_type is AnswerType.DATE}
    assert set(years) == {"1994", "1996", "1999", "2001"}
    assert years["1994"].statement == f"President Lech Wałęsa of {source} visited {destination} in 1994."
    assert (
        years["1999"].statement == f"Prime Minister Rufus Firefly of {source} visited {destination} in 1999."
    )
    assert (
        years["2001"].statement == f"Foreign Minister Chico Marx of {source} visited {destination} in 2001."
    )
    assert (
        years["1994"].question == f"In which year did President Lech Wałęsa of {source} visit {destination}?"
    )


@pytest.mark.parametrize("heading", HEADINGS)
def test_visit_heading_never_becomes_a_fact_and_visitors_are_people(heading: str) -> None:
    facts = facts_of(VISITS.format(heading=heading))
    assert not any("visits" in f.statement.lower() for f in facts)
    assert all(f.statement.endswith(" in " + f.statement[-5:-1] + ".") for f in facts)  # "… in 1994."
    [walesa] = with_answer(facts, "Lech Wałęsa")
    assert (walesa.answer_type, walesa.role) == (AnswerType.PERSON, "President")
    assert walesa.question.startswith("Which President of ") and walesa.question.endswith(" in 1994?")


def test_visit_list_directly_under_a_section_heading_takes_the_direction_from_it() -> None:
    text = "= Freedonia–Poland relations =\n\n==Visits from Poland to Freedonia==\n- President Lech Wałęsa (1994)\n"
    [year] = [f for f in facts_of(text) if f.answer == "1994"]
    assert year.statement == "President Lech Wałęsa of Poland visited Freedonia in 1994."


def test_visit_items_written_with_months_commas_or_colons() -> None:
    items = (
        "- 1994: President Lech Wałęsa\n"
        "- President Rufus Firefly, 1996\n"
        "- President Chico Marx (March 1999)\n"
        "- Foreign Minister Gummo Marx (12 May 2008)\n"
    )
    text = "= Freedonia–Poland relations =\n\n==Visits==\nVisits from Freedonia to Poland:\n" + items
    statements = {
        f.answer: (f.statement, f.question) for f in facts_of(text) if f.answer_type is AnswerType.DATE
    }
    assert statements == {
        "1994": (
            "President Lech Wałęsa of Freedonia visited Poland in 1994.",
            "In which year did President Lech Wałęsa of Freedonia visit Poland?",
        ),
        "1996": (
            "President Rufus Firefly of Freedonia visited Poland in 1996.",
            "In which year did President Rufus Firefly of Freedonia visit Poland?",
        ),
        "March 1999": (
            "President Chico Marx of Freedonia visited Poland in March 1999.",
            "In which month and year did President Chico Marx of Freedonia visit Poland?",
        ),
        "12 May 2008": (
            "Foreign Minister Gummo Marx of Freedonia visited Poland on 12 May 2008.",
            "On what date did Foreign Minister Gummo Marx of Freedonia visit Poland?",
        ),
    }


def test_visits_under_a_subsection_take_the_direction_from_the_titles() -> None:
    text = (
        "= Freedonia–Poland relations =\n\n==Visits==\n=== From Poland to Freedonia ===\n"
        "- President Lech Wałęsa (1994)\n=== From Freedonia to Poland ===\n- President Rufus Firefly (1996)\n"
    )
    statements = {f.statement for f in facts_of(text)}
    assert statements == {
        "President Lech Wałęsa of Poland visited Freedonia in 1994.",
        "President Rufus Firefly of Freedonia visited Poland in 1996.",
    }


def test_a_visit_list_whose_direction_is_unknown_gives_no_bare_labels() -> None:
    text = VISITS.format(heading="Visits between the two countries:")
    assert facts_of(text) == []  # "President Lech Wałęsa (1994)." is a label, not a claim


# --- 2. level-3 headings -------------------------------------------------------------------------


def test_level_three_headings_are_subsections_with_exact_offsets() -> None:
    doc = parse_document(FREEDONIA)
    titles = [s.title for s in doc.sections]
    assert titles[:4] == ["", "History", "History › Early contacts", "History › Modern era"]
    merchant = next(b for b in doc.blocks if b.text.startswith("A Freedonian merchant"))
    assert merchant.section == "History › Early contacts"
    assert FREEDONIA[merchant.start : merchant.end] == merchant.text
    for section in doc.sections:
        assert 0 <= section.start < section.end <= len(FREEDONIA)
    early = next(s for s in doc.sections if s.title.endswith("Early contacts"))
    assert FREEDONIA[early.start :].startswith("=== Early contacts ===")
    economy = next(b for b in doc.blocks if b.text.startswith("As of 2019"))
    assert economy.section == "Economic relations"  # a level-2 heading closes the subsection


def test_facts_carry_the_subsection_path() -> None:
    [fact] = with_answer(facts_of(FREEDONIA), "1605")
    assert fact.section == "History › Early contacts"


def test_deeper_headings_nest_and_a_new_level_two_heading_resets_the_path() -> None:
    doc = parse_document("= T =\n==A==\nx.\n===B===\ny.\n====C====\nz.\n===D===\nw.\n==E==\nv.\n")
    assert [b.section for b in doc.blocks] == ["A", "A › B", "A › B › C", "A › D", "E"]


@pytest.mark.parametrize(
    ("text", "line", "fragment"),
    [
        ("= T =\n==A==\nx.\n=== Sub\ny.\n", 4, "=== Sub ==="),
        ("= T =\n==A==\nx.\n=== Sub ==\ny.\n", 4, "=== Sub ==="),
        ("= T =\n\n==History\nText.", 3, "== History =="),
        ("= T =\n==A==\nx.\n=== ===\ny.\n", 4, "=== Section ==="),
    ],
)
def test_an_unclosed_heading_is_read_with_a_warning_naming_its_line_and_the_fix(
    text: str, line: int, fragment: str
) -> None:
    doc = parse_document(text)
    (warning,) = doc.warnings
    assert warning.startswith(f"line {line}:") and (fragment in warning or "no title" in warning)
    assert doc.blocks[-1].text in ("y.", "Text.")


# --- 3. no holes in stems or statements ------------------------------------------------------------

# What a removed answer or a broken source template leaves behind. Written here, independently of
# the checks in questions.py, so that the test does not grade the code with its own ruler.
HOLES = re.compile(
    "|".join(
        [
            r"\b(?:the|a|an)\s+(?:and|or|of|the|a|an|in|to|by|with|for|was|were|is|are)\b",  # "both the and"
            r"\b(?:and|or)\s+(?:and|or)\b",
            r"\(\s*\)|\(\s|\s\)",  # "( )", "( x", "x )"
            r"\(\s*(?:later|formerly|now|then|née|born|and|or|the|of|in)\s*\)",  # "(later )"
            r"\b(?:and|or|the|a|an|both|between|either|than)\s*[?.!]$",  # "in 1830 and?"
            r"[-–—,;:]\s*[?.!]$",  # "for the Polish -?"
            r"\bof the\s*[?.]$",
            r"\s{2}",
            r"\s[,.;:?!]",  # " ,"
            r",,|,\s*[.?]$",
            r"\$\s+(?:million|billion|thousand)",  # a currency with its number missing
            r"\b(\w+)\s+\1\b",  # a doubled word
            r"\b(?:recognis|organis|apologis|realis)\b",  # a British verb cut to a non-word
        ]
    ),
    re.I,
)


def _holes(facts: list[FactData]) -> list[str]:
    found = []
    for fact in facts:
        for label, text in (("question", fact.question), ("statement", fact.statement)):
            hole = HOLES.search(text) if text else None
            if hole:
                found.append(f"{label} {text!r} has {hole.group(0)!r}")
        if fact.question and validate_question(fact.question, fact.answer) != fact.question:
            found.append(f"question {fact.question!r} fails validation")
    return found


@pytest.mark.parametrize("name", sorted(p.name for p in SEEDS.glob("*.txt")))
def test_seed_facts_have_no_holes(name: str) -> None:
    facts = facts_of((SEEDS / name).read_text(encoding="utf-8"))
    assert len(facts) > 30
    assert _holes(facts) == []


@pytest.mark.parametrize("text", [FREEDONIA, RURITANIA, *(VISITS.format(heading=h) for h in HEADINGS)])
def test_invented_article_facts_have_no_holes(text: str) -> None:
    assert _holes(facts_of(text)) == []


def test_hole_check_would_catch_the_reviewers_examples() -> None:
    """The ruler itself must flag what the reviewer saw, or the two tests above prove nothing."""
    for bad in (
        "Poland backed Freedonia for membership in both the and the World Trade Organization.",
        "By which country was Freedonia divided (later ) in 1830?",
        "Which countries divided Freedonia in 1830 and?",
        "Polish imports: €3.5 million ($ million; equivalent to $ million in ).",
    ):
        assert HOLES.search(bad), bad


def test_a_broken_template_in_the_source_is_dropped_from_the_statement() -> None:
    [imports] = with_answer(facts_of(FREEDONIA), "€3.5 million")
    assert imports.statement == "As of 2019, Polish imports amounted to €3.5 million."


def test_a_parenthetical_belongs_to_the_last_item_of_a_distributed_list() -> None:
    facts = facts_of(FREEDONIA)
    [sweden] = with_answer(facts, "Sweden")
    assert sweden.statement == "Freedonia was divided by Sweden in 1830."
    assert sweden.question == "By which country was Freedonia divided in 1830?"
    [denmark] = with_answer(facts, "Denmark")
    assert denmark.statement == "Freedonia was divided by Denmark (later Norway) in 1830."


def test_stem_with_a_fronted_adverbial_inside_the_subject_is_refused() -> None:
    assert validate_question("In which year did for the first time Chile gain a trade surplus?", "2008") == ""


# --- 4. British spellings ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("verb", "base"),
    [
        ("recognised", "recognise"),
        ("organised", "organise"),
        ("apologised", "apologise"),
        ("realised", "realise"),
        ("analysed", "analyse"),
        ("licensed", "license"),
        ("recognized", "recognize"),
        ("travelled", "travel"),
        ("visited", "visit"),
    ],
)
def test_base_form_of_british_and_american_verbs(verb: str, base: str) -> None:
    assert base_form(verb) == base


def test_british_verbs_turn_into_questions() -> None:
    facts = facts_of(FREEDONIA)
    [recognition] = with_answer(facts, "3 May 1992")
    assert recognition.question == "On what date did Poland recognise Freedonia's independence?"
    [apology] = with_answer(facts, "1998")
    assert apology.question == "In which year did Freedonia apologise to Poland?"
    [fair] = [f for f in with_answer(facts, "2004") if "fair" in f.statement]
    assert fair.question == "In which year did the Freedonian Trade Council organise a fair in Gdańsk?"
    assert make_question("Chile realised the risk in 1610.", "1610", AnswerType.DATE) == (
        "In which year did Chile realise the risk?"
    )


# --- 5. infobox envoys and missions --------------------------------------------------------------


def test_envoy_question_asks_for_a_person() -> None:
    [envoy] = with_answer(facts_of(FREEDONIA), "Anna Kowalczyk")
    assert envoy.statement == "Anna Kowalczyk is the Polish Ambassador to Freedonia."
    assert envoy.answer_type is AnswerType.PERSON
    assert envoy.question == "Who is the Polish Ambassador to Freedonia?"


def test_mission_questions_name_the_country_of_the_city() -> None:
    facts = facts_of(FREEDONIA)
    warsaw = [f for f in with_answer(facts, "Warsaw") if "embassy" in f.statement]
    assert warsaw and all(f.answer_type is AnswerType.PLACE for f in warsaw)
    assert {f.question for f in warsaw} == {"In which Polish city does Freedonia have an embassy?"}
    fredville = [f for f in with_answer(facts, "Fredville") if "embassy" in f.statement]
    assert {f.question for f in fredville} == {"In which city in Freedonia does Poland have an embassy?"}
    [duckburg] = with_answer(facts, "Duckburg")
    assert duckburg.question == "In which city in Freedonia does Poland have an honorary consulate?"


def test_no_mission_question_leaves_the_country_open() -> None:
    for text in [FREEDONIA, *(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt")))]:
        for fact in facts_of(text):
            assert not re.match(r"In which city (?:does|do|did) ", fact.question), fact.question


def test_a_city_known_to_lie_elsewhere_is_not_placed_in_the_other_country() -> None:
    [berlin] = with_answer(facts_of(FREEDONIA), "Berlin")
    assert berlin.question == "From its embassy in which city is Freedonia accredited to Poland?"
    text = "= Freedonia–Poland relations =\n\n==Missions==\n- Freedonia has an embassy in Berlin.\n"
    [fact] = with_answer(facts_of(text), "Berlin")
    assert fact.question == "In which German city does Freedonia have an embassy?"


# --- prose shapes met on the invented articles ------------------------------------------------------


def test_two_subjects_joined_by_and_make_two_claims() -> None:
    facts = facts_of(RURITANIA)
    [fair] = with_answer(facts, "1921")
    assert fair.statement == "In 1921, Ruritania organised a trade fair in Bergen."
    [apology] = with_answer(facts, "1923")
    assert apology.statement == "Norway apologised for a border incident in 1923."
    assert apology.question == "In which year did Norway apologise for a border incident?"


def test_a_bare_plural_enumeration_gives_one_agreement_per_year() -> None:
    statements = {f.statement for f in facts_of(RURITANIA) if f.answer in {"2001", "2006"}}
    assert statements == {
        "Norway and Ruritania signed an agreement on tourism in 2001.",
        "Norway and Ruritania signed an agreement on culture in 2006.",
    }


def test_a_regnal_number_stays_with_the_name_and_the_office_is_asked() -> None:
    [king] = with_answer(facts_of(RURITANIA), "Harald V")
    assert (king.answer_type, king.role) == (AnswerType.PERSON, "King")
    assert king.statement == "King Harald V of Norway visited Ruritania in 1995."
    assert king.question == "Which King of Norway visited Ruritania in 1995?"


def test_a_verbless_tail_after_respectively_borrows_the_verb() -> None:
    text = (
        "= Chile–Norway relations =\n\n==Visits==\nChilean presidents Ana Ruiz and Tomás Vidal visited Norway "
        "in 1996 and 2003 respectively, and President Eva Soto on a state visit from 6 to 8 May 2017.\n"
    )
    [soto] = with_answer(facts_of(text), "6 to 8 May 2017")
    assert soto.statement == "President Eva Soto visited Norway on a state visit from 6 to 8 May 2017."
    assert soto.question == "When did President Eva Soto visit Norway on a state visit?"


def test_it_after_and_refers_to_the_subject_of_the_clause_before() -> None:
    text = (
        "= Chile–Norway relations =\n\n==Trade==\n"
        "After 2020, trade between the two nations continued to grow and it totalled US$90 million in 2023.\n"
    )
    [amount] = with_answer(facts_of(text), "US$90 million")
    assert amount.statement == "Trade between Chile and Norway totalled US$90 million in 2023."
    assert amount.question == "How much did trade between Chile and Norway total in 2023?"


def test_a_pronoun_with_no_antecedent_gives_no_fact() -> None:
    text = "= Chile–Norway relations =\n\n==Trade==\nIt totalled US$90 million in 2023.\n"
    assert facts_of(text) == []


def test_an_answer_inside_a_participle_clause_gets_no_stem() -> None:
    question = make_question(
        "Chile and Norway shared a similar fate, losing their independence to Spain.",
        "Spain",
        AnswerType.COUNTRY,
    )
    assert question == ""
