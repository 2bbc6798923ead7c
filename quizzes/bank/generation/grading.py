"""Kind grading of typed answers, and checks on options for the teacher's edit form.

Rules (shown to learners as feedback):

- Years: only the exact year earns credit; otherwise the feedback says how far off it was
  ("Off by 3 years"). "1991", " 1991 " and "1991 AD" are read alike, and a typed date ("May 2008",
  "3 May 2008") is graded on its year.
- Numbers: "55,200", "55200", "55 200", "55'200" and "55.200" are one number (a point followed by
  exactly three digits counts as a thousands separator when the expected answer is a whole number of
  at least 1,000); "55.2k", "1.5 million" and "2bn" are read with their scale; an expected answer with a
  scale word ("US$201 million") reads a bare "201" in that scale. Currency, "%" and the unit are ignored.
  A figure the source states exactly needs the exact value. A hedged figure ("over 11,000", "nearly
  77,000", "about 200") is approximate in the source itself, so any value within 10% of the stated
  figure is accepted.
- Text: compared ignoring case, accents (NFKD) and surrounding or repeated spaces.
- Names (typed_text): as text, and also ignoring a leading "the" and final punctuation; a title in
  front of a person's name may be given or left out ("President Aleksander Kwaśniewski" and
  "Aleksander Kwaśniewski" are both right), but a surname alone is not the answer.
"""

from __future__ import annotations

from collections.abc import Sequence

from facts.language.dates import parse_date_text, parse_year
from facts.language.numbers import HEDGES, parse_number_input, parse_number_text
from facts.language.text import fold
from quizzes.bank.generation.stems import PERSON_NOUNS, singular, words_of
from quizzes.bank.generation.types import EXACTLY_RIGHT, QuestionKind, TypedGrade

HEDGE_TOLERANCE = 0.10
# Words a title in front of a name may hold besides an office ("Prime Minister", "the then President").
_TITLE_WORDS = words_of(
    "mr mrs ms dr sir dame lord lady saint st the then former late prime foreign vice deputy acting first"
)
MIN_OPTIONS, MAX_OPTIONS = 2, 6


def grade_typed(kind: QuestionKind | str, expected: str, given: str) -> TypedGrade:
    """Grade a typed answer for ``kind`` (typed_year, typed_number, anything else as text)."""
    kind = QuestionKind(kind)
    if kind is QuestionKind.TYPED_YEAR:
        return _grade_year(expected, given)
    if kind is QuestionKind.TYPED_NUMBER:
        return _grade_number(expected, given)
    if kind is QuestionKind.TYPED_TEXT:
        return _grade_name(expected, given)
    return _grade_text(expected, given)


def _grade_year(expected: str, given: str) -> TypedGrade:
    want, got = parse_year(expected), parse_year(given)
    if want is None:
        return _grade_text(expected, given)
    in_date = False
    if got is None:
        # A learner who knows the day may type it ("May 2008", "3 May 2008"): the year inside counts.
        typed_date = parse_date_text(given)
        got, in_date = (typed_date.year, True) if typed_date is not None else (None, False)
    if got is None:
        return TypedGrade(False, "That is not a year — type it in digits, like 1991.", None, given.strip())
    gap = abs(got - want)
    if gap == 0:
        message = "Right — the year is what counts here." if in_date else EXACTLY_RIGHT
        return TypedGrade(True, message, 0.0, str(got))
    plural = "year" if gap == 1 else "years"
    direction = "too late" if got > want else "too early"
    return TypedGrade(False, f"Off by {gap} {plural} ({direction}): it was {want}.", float(gap), str(got))


def _grade_number(expected: str, given: str) -> TypedGrade:
    parsed = parse_number_text(expected)
    if parsed is None:
        return _grade_text(expected, given)
    got = parse_number_input(given, parsed)
    if got is None:
        return TypedGrade(False, "That is not a number — type digits, like 55,200.", None, given.strip())
    want = parsed.total
    gap = abs(got - want)
    normalized = f"{got:g}" if got < 1e15 else str(got)
    if gap <= 1e-9 * max(1.0, abs(want)):
        return TypedGrade(True, EXACTLY_RIGHT, 0.0, normalized)
    hedged = parsed.qualifier.casefold() in HEDGES
    if hedged and want and gap / abs(want) <= HEDGE_TOLERANCE:
        return TypedGrade(True, f"Accepted: the source says {expected}.", gap, normalized)
    share = f" ({gap / abs(want):.0%})" if want else ""
    return TypedGrade(False, f"Off by {_plain(gap)}{share}: the answer is {expected}.", gap, normalized)


def _plain(value: float) -> str:
    return f"{value:,.0f}" if value >= 100 or value.is_integer() else f"{value:,.2f}".rstrip("0").rstrip(".")


def _grade_text(expected: str, given: str) -> TypedGrade:
    normalized = fold(given)
    if normalized and normalized == fold(expected):
        return TypedGrade(True, EXACTLY_RIGHT, None, normalized)
    return TypedGrade(False, f"The answer is {expected}.", None, normalized)


def _grade_name(expected: str, given: str) -> TypedGrade:
    """A typed name: right when it is the answer once case, accents, spacing, "the" and titles go."""
    want, got = _name_words(expected), _name_words(given)
    normalized = " ".join(got)
    if got and (got == want or _untitled(got) == _untitled(want)):
        return TypedGrade(True, "Right.", None, normalized)
    return TypedGrade(False, f"Not quite: the answer is {expected.strip()}.", None, normalized)


def _name_words(text: str) -> tuple[str, ...]:
    """The folded words of a typed name, without final punctuation or a leading "the"."""
    words = fold(text).strip(" .,;:!?\"'").replace(".", ". ").split()
    words = [w.strip(".") or w for w in words]
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    return tuple(w for w in words if w)


def _untitled(words: tuple[str, ...]) -> tuple[str, ...]:
    """A name without the title in front ("president aleksander kwasniewski" → "aleksander kwasniewski").

    Only words that are offices or honorifics are dropped, and two words of name must remain, so a
    surname alone never matches a full name.
    """
    start = 0
    while len(words) - start > 2 and (words[start] in _TITLE_WORDS or singular(words[start]) in PERSON_NOUNS):
        start += 1
    return words[start:]


def validate_options(options: Sequence[str], answer_index: int | None) -> list[str]:
    """Problems with a set of options, for a teacher editing a question (empty when it is fine)."""
    errors: list[str] = []
    if not MIN_OPTIONS <= len(options) <= MAX_OPTIONS:
        errors.append(f"Give between {MIN_OPTIONS} and {MAX_OPTIONS} options (there are {len(options)}).")
    if any(not fold(o) for o in options):
        errors.append("Options may not be empty.")
    folded = [fold(o) for o in options]
    duplicates = sorted({o for o in options if folded.count(fold(o)) > 1 and fold(o)}, key=fold)
    if duplicates:
        errors.append(
            "These options are the same once case, accents and spacing are ignored: "
            + ", ".join(duplicates)
            + "."
        )
    if answer_index is None or not 0 <= answer_index < len(options):
        errors.append("Mark exactly one option as the right answer.")
    return errors
