"""Item analysis against a small example worked out by hand, as Moodle's statistics report computes it."""

import csv
import io

import pytest

from quizzes.teaching.analysis import (
    Flag,
    ItemResponse,
    analyse_items,
    analysis_to_csv,
    discrimination_index,
    discriminative_efficiency,
)

# Five first attempts × three questions. Marks are fractions of 1; s3 got half marks on B.
#
#        A    B    C    total
#   s1   1    1    1    3
#   s2   1    1    0    2
#   s3   1    0.5  0    1.5
#   s4   0    1    1    2
#   s5   0    0    1    1
MARKS = {
    "s1": {"A": 1, "B": 1, "C": 1},
    "s2": {"A": 1, "B": 1, "C": 0},
    "s3": {"A": 1, "B": 0.5, "C": 0},
    "s4": {"A": 0, "B": 1, "C": 1},
    "s5": {"A": 0, "B": 0, "C": 1},
}
CHOICES = {"A": {1: "Astana", 0: "Almaty"}, "C": {1: "1991", 0: "1992"}}


def _responses() -> list[ItemResponse]:
    responses = []
    for attempt, marks in MARKS.items():
        for question, mark in marks.items():
            chosen = CHOICES.get(question, {}).get(mark, f"typed {mark}")
            responses.append(ItemResponse(attempt, question, float(mark), chosen))
    return responses


@pytest.fixture
def stats():
    analysis = analyse_items(_responses(), options={"A": ("Astana", "Almaty", "Shymkent")})
    return {s.question_key: s for s in analysis.questions}


def test_facility_is_the_mean_mark_as_a_percentage(stats):
    # A: (1+1+1+0+0)/5 = 0.6 → 60 %.  B: (1+1+0.5+1+0)/5 = 3.5/5 = 0.7 → 70 %.  C: 3/5 → 60 %.
    assert round(stats["A"].facility, 2) == 60.00
    assert round(stats["B"].facility, 2) == 70.00
    assert round(stats["C"].facility, 2) == 60.00
    assert {s.n for s in stats.values()} == {5}


def test_discrimination_index_correlates_the_item_with_the_rest_of_the_test(stats):
    # D = 100 · Σdx·dy / sqrt(Σdx² · Σdy²)   (the n − 1 divisors cancel)
    #
    # A: x = 1,1,1,0,0 (mean 0.6)   rest = total − x = 2,1,0.5,2,1 (mean 6.5/5 = 1.3)
    #    dx = .4,.4,.4,−.6,−.6      dy = .7,−.3,−.8,.7,−.3
    #    Σdx·dy = .28 − .12 − .32 − .42 + .18 = −0.40
    #    Σdx² = 3·.16 + 2·.36 = 1.20;  Σdy² = .49+.09+.64+.49+.09 = 1.80
    #    D = 100 · −0.40 / sqrt(2.16) = 100 · −0.40 / 1.469694 = −27.22
    assert round(stats["A"].discrimination, 2) == -27.22
    # B: x = 1,1,.5,1,0 (mean 0.7)  rest = 2,1,1,1,1 (mean 1.2)
    #    dx = .3,.3,−.2,.3,−.7      dy = .8,−.2,−.2,−.2,−.2
    #    Σdx·dy = .24 − .06 + .04 − .06 + .14 = 0.30
    #    Σdx² = .09+.09+.04+.09+.49 = 0.80;  Σdy² = .64 + 4·.04 = 0.80
    #    D = 100 · 0.30 / sqrt(0.64) = 100 · 0.30 / 0.8 = 37.50
    assert round(stats["B"].discrimination, 2) == 37.50
    # C: x = 1,0,0,1,1 (mean 0.6)   rest = 2,2,1.5,1,0 (mean 1.3)
    #    dx = .4,−.6,−.6,.4,.4      dy = .7,.7,.2,−.3,−1.3
    #    Σdx·dy = .28 − .42 − .12 − .12 − .52 = −0.90
    #    Σdx² = 1.20;  Σdy² = .49+.49+.04+.09+1.69 = 2.80
    #    D = 100 · −0.90 / sqrt(3.36) = 100 · −0.90 / 1.833030 = −49.10
    assert round(stats["C"].discrimination, 2) == -49.10


def test_discriminative_efficiency_divides_by_the_best_possible_covariance(stats):
    # CovMax pairs the sorted marks with the sorted rest-of-test marks.
    # A: sorted x 0,0,1,1,1 → dx −.6,−.6,.4,.4,.4; sorted rest .5,1,1,2,2 → dy −.8,−.3,−.3,.7,.7
    #    Σ = .48 + .18 − .12 + .28 + .28 = 1.10  →  E = 100 · −0.40 / 1.10 = −36.36
    assert round(stats["A"].discriminative_efficiency, 2) == -36.36
    # B: sorted x 0,.5,1,1,1 → dx −.7,−.2,.3,.3,.3; sorted rest 1,1,1,1,2 → dy −.2,−.2,−.2,−.2,.8
    #    Σ = .14 + .04 − .06 − .06 + .24 = 0.30  →  E = 100 · 0.30 / 0.30 = 100.00
    assert round(stats["B"].discriminative_efficiency, 2) == 100.00


def test_flags_follow_moodles_thresholds(stats):
    # A (D −27) and C (D −49) are below 30 and their efficiency below 15; B (D 37.5, E 100) is fine.
    assert stats["A"].flags == (Flag.DISCRIMINATES_BADLY,)
    assert stats["B"].flags == ()
    assert stats["C"].flags == (Flag.DISCRIMINATES_BADLY,)


def test_option_shares_list_every_option_even_unchosen_ones(stats):
    # A: Astana chosen by s1, s2, s3 (3/5), Almaty by s4, s5 (2/5), Shymkent by nobody.
    assert stats["A"].option_shares == {"Astana": 0.6, "Almaty": 0.4, "Shymkent": 0.0}
    assert stats["C"].option_shares == {"1991": 0.6, "1992": 0.4}


def test_attempt_totals():
    analysis = analyse_items(_responses())
    totals = {a.attempt_key: (a.total, a.max_total, round(a.percent, 2)) for a in analysis.attempts}
    assert totals == {
        "s1": (3.0, 3.0, 100.0),
        "s2": (2.0, 3.0, 66.67),
        "s3": (1.5, 3.0, 50.0),
        "s4": (2.0, 3.0, 66.67),
        "s5": (1.0, 3.0, 33.33),
    }


def test_everyone_right_is_too_easy_and_everyone_wrong_too_hard_with_undefined_discrimination():
    responses = [ItemResponse(f"s{i}", "easy", 1.0, "x") for i in range(4)]
    responses += [ItemResponse(f"s{i}", "hard", 0.0, "y") for i in range(4)]
    responses += [ItemResponse(f"s{i}", "mid", float(i % 2), "z") for i in range(4)]
    stats = {s.question_key: s for s in analyse_items(responses).questions}

    assert (stats["easy"].facility, stats["easy"].discrimination) == (100.0, None)
    assert stats["easy"].flags == (Flag.TOO_EASY,)
    assert (stats["hard"].facility, stats["hard"].discrimination) == (0.0, None)
    assert stats["hard"].flags == (Flag.TOO_HARD,)


def test_single_attempt_has_facility_but_no_discrimination():
    (stats,) = analyse_items(
        [ItemResponse("s1", "q", 1.0, "a"), ItemResponse("s1", "r", 0.0, "b")]
    ).questions[:1]
    assert (stats.n, stats.facility, stats.sd, stats.discrimination, stats.discriminative_efficiency) == (
        1,
        100.0,
        None,
        None,
        None,
    )


def test_a_question_missing_from_an_attempt_counts_as_unanswered_zero():
    responses = [
        ItemResponse("s1", "q", 1.0, "a"),
        ItemResponse("s1", "r", 1.0, "b"),
        ItemResponse("s2", "r", 0.0, "c"),
    ]
    stats = {s.question_key: s for s in analyse_items(responses, question_keys=["q", "r"]).questions}
    assert stats["q"].n == 2 and stats["q"].facility == 50.0
    assert stats["q"].option_shares == {"a": 0.5, None: 0.5}


def test_helpers_agree_with_a_perfect_and_an_inverted_item():
    assert round(discrimination_index([0, 1, 1], [1, 2, 3]), 2) == 86.60
    assert discrimination_index([0, 1], [1, 0]) == pytest.approx(-100.0)
    assert discriminative_efficiency([0, 1], [0, 1]) == pytest.approx(100.0)
    assert discrimination_index([1, 1], [0, 1]) is None


def test_csv_download_has_a_row_per_question_and_guards_formulas(stats):
    analysis = analyse_items(_responses())
    text = analysis_to_csv(
        analysis, labels={"A": '=HYPERLINK("x")', "B": "Year of EU entry?", "C": "-1+SUM(A1)"}
    )
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [r["question"] for r in rows] == ['\'=HYPERLINK("x")', "Year of EU entry?", "'-1+SUM(A1)"]
    assert rows[0]["facility_percent"] == "60.00"
    assert rows[0]["discrimination_index"] == "-27.22"
    assert rows[0]["flags"] == "discriminates badly"
    assert rows[0]["option_shares"] == "Astana: 60%; Almaty: 40%"
