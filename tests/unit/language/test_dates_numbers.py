"""parse_date and parse_number on every form the articles use, plus forms of the same shape."""

from __future__ import annotations

import pytest

from facts.extraction import parse_date, parse_number
from facts.extraction.types import DatePrecision as P
from facts.language.dates import find_dates
from facts.language.numbers import find_numbers


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("on 27 December 1991", ("1991-12-27", P.DAY, None)),
        ("on August 23, 2001", ("2001-08-23", P.DAY, None)),
        ("15 January 1992", ("1992-01-15", P.DAY, None)),
        ("in May 2008", ("2008-05", P.MONTH, None)),
        ("in 1946–1948", ("1946", P.YEAR_RANGE, "1948")),
        ("in 1990-95", ("1990", P.YEAR_RANGE, "1995")),
        ("From 23 to 26 May 2002", ("2002-05-23", P.DAY, "2002-05-26")),
        ("in the 1950s and 1960s", ("1950", P.DECADE, "1969")),
        ("the 1920s", ("1920", P.DECADE, "1929")),
        ("in the late 1800s", ("1870", P.CENTURY, "1899")),
        ("the early 1700s", ("1700", P.CENTURY, "1732")),
        ("the 19th century", ("1801", P.CENTURY, "1900")),
        ("in 1830", ("1830", P.YEAR, None)),
    ],
)
def test_parse_date(text: str, expected: tuple[str, P, str | None]) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize("text", ["US$201 million", "55,200 vaccines", "32 December 1991", "the Poles", ""])
def test_parse_date_rejects_non_dates(text: str) -> None:
    assert parse_date(text) is None


def test_find_dates_keeps_each_year_of_a_list_and_ignores_money() -> None:
    found = find_dates("Poles rose in 1830 and 1863; trade reached $2.2 billion in 2014, not 2,014 units.")
    assert [d.text for d in found] == ["1830", "1863", "2014"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("US$201 million", (201e6, "US$", "")),
        ("55,200 COVID-19 vaccines", (55200.0, "COVID-19 vaccines", "")),
        ("over 11,000", (11000.0, "", "over")),
        ("nearly 77,000", (77000.0, "", "nearly")),
        ("€540 thousand", (540e3, "€", "")),
        ("5%", (5.0, "%", "")),
        ("87.5%", (87.5, "%", "")),
        ("about $130 million", (130e6, "US$", "about")),
        ("More than 200 Polish businesses", (200.0, "Polish businesses", "more than")),
        ("between 300 and 700 people", (300.0, "people", "between")),
        ("over a thousand self-identified Poles", (1000.0, "self-identified Poles", "over")),
        ("£3.5 billion", (3.5e9, "£", "")),
    ],
)
def test_parse_number(text: str, expected: tuple[float, str, str]) -> None:
    assert parse_number(text) == expected


@pytest.mark.parametrize(
    "text", ["in 1995", "the 8th Infantry Division", "COVID-19", "$ million", "the 22nd largest"]
)
def test_parse_number_ignores_years_ordinals_and_names(text: str) -> None:
    assert parse_number(text) is None


def test_unit_stops_before_the_verb() -> None:
    [mention] = find_numbers("In 1890, 240 Poles lived in present-day Kyrgyzstan.")
    assert (mention.text, mention.unit) == ("240", "Poles")
