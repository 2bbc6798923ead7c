"""Wrong options that look like the answer and are really wrong.

Every function returns exactly the distractors it could justify, or None when three good ones do
not exist (the caller then skips the choice question). A candidate is dropped when it equals the
answer, is named in the prompt, or is also true according to the fact base (see ``ambiguity``).
Choices are drawn with a ``random.Random`` seeded from a stable hash of the fact, so generation is
deterministic but different facts get different distractor sets.
"""

from __future__ import annotations

import math
import random
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from facts.extraction.types import AnswerType, FactData
from facts.language.dates import DateText
from facts.language.numbers import NumberText, WordNumber, relative_gap, round_to_step
from facts.language.text import contains_phrase, fold, stable_seed
from quizzes.bank.generation.ambiguity import countries_named, is_also_true
from quizzes.bank.generation.basecache import per_base
from quizzes.bank.generation.countries import canonical_country, country_regions, region_of
from quizzes.bank.generation.kindred import org_tiers, person_tiers, place_tiers
from quizzes.bank.generation.kinds import names_of_same_shape, other_kind, place_kind
from quizzes.bank.generation.labels import entity_label, listed_with, named_as_kind
from quizzes.bank.generation.ordinals import OrdinalText, ordinal_word
from quizzes.bank.generation.profiles import bare_name
from quizzes.bank.generation.spans import DaySpan, NumberedSpan

NEEDED = 3


@dataclass(frozen=True, slots=True)
class Context:
    """What every distractor check needs: the fact, its base, the prompt shown, and today."""

    fact: FactData
    base: Sequence[FactData]
    prompt: str
    today: date
    seed: int

    def rng(self, salt: str) -> random.Random:
        return random.Random(self.seed ^ stable_seed(salt))

    def acceptable(self, candidate: str, answer: str) -> bool:
        """Not the answer, not named in the prompt, not another true answer."""
        if fold(candidate) == fold(answer) or contains_phrase(self.prompt, candidate):
            return False
        return not is_also_true(candidate, self.fact, self.base, self.prompt)


def below_count(rng: random.Random, below: int, above: int) -> int:
    """How many of the three distractors fall below the answer: a seeded draw uniform over 0–3, so the
    answer is as often the earliest (smallest) option as the second, third or latest, and its rank among
    ordered options tells nothing. Clamped to what each side has (no future years, no negative counts)."""
    return min(max(rng.randrange(NEEDED + 1), NEEDED - above), below)


def year_window(year: int) -> int:
    """How far year distractors may stray: a few years for modern events, decades for medieval ones."""
    if year >= 1900:
        return 8
    if year >= 1800:
        return 15
    if year >= 1500:
        return 25
    return 40


def year_distractors(answer_year: int, ctx: Context) -> list[int] | None:
    """Three plausible wrong years near the answer: below it, above it or both, as `below_count` draws.

    Never later than today's year; years the fact base would also make true are skipped.
    """
    window = year_window(answer_year)
    rng = ctx.rng("years")
    latest = ctx.today.year
    if answer_year > latest:
        return None

    def side(years: Iterable[int]) -> list[int]:
        ok = [y for y in years if y > 0 and ctx.acceptable(str(y), str(answer_year))]
        rng.shuffle(ok)
        # Prefer nearer years: a stable sort on distance bands keeps the shuffle within a band.
        ok.sort(key=lambda y: abs(y - answer_year) > window // 2)
        return ok

    below = side(range(answer_year - window, answer_year))
    above = side(range(answer_year + 1, min(answer_year + window, latest) + 1))
    if len(below) + len(above) < NEEDED:
        return None
    wanted_below = below_count(rng, len(below), len(above))
    picked = below[:wanted_below] + above[: NEEDED - wanted_below]
    return sorted(picked)


def date_distractors(answer: DateText, ctx: Context) -> list[DateText] | None:
    """Three wrong dates in the answer's layout, as a 2×2 grid of (day-and-month) × (year).

    Each day-and-month and each year appears in exactly two options, so "the option that shares
    most with the others" gives nothing away.
    """
    rng = ctx.rng("dates")
    years = [answer.year + d for d in (-3, -2, -1, 1, 2, 3)]
    rng.shuffle(years)
    years.sort(key=abs_distance(answer.year))
    shifts: list[tuple[int, int]] = []
    shifts += [(answer.month or 1, answer.day + d) for d in (-9, -6, -4, -3, -2, 2, 3, 4, 6, 9) if answer.day]
    shifts += [((answer.month or 1) + d, answer.day) for d in (-4, -3, -2, -1, 1, 2, 3, 4)]
    rng.shuffle(shifts)
    for alt_year in years[:4]:
        for month, day in shifts:
            grid = [
                answer.with_parts(month=month, day=day),
                answer.with_parts(year=alt_year),
                answer.with_parts(year=alt_year, month=month, day=day),
            ]
            if all(_date_ok(d, answer, ctx) for d in grid):
                return sorted(grid, key=lambda d: d.iso)
    return None


def month_distractors(answer: DateText, ctx: Context) -> list[DateText] | None:
    """Three wrong month-and-year dates ("March 2021") in the same 2×2 grid as full dates."""
    rng = ctx.rng("months")
    years = [answer.year + d for d in (-2, -1, 1, 2)]
    rng.shuffle(years)
    months = [(answer.month or 1) + d for d in (-5, -4, -3, -2, 2, 3, 4, 5)]
    rng.shuffle(months)
    for alt_year in years:
        for month in months:
            grid = [
                answer.with_parts(month=month),
                answer.with_parts(year=alt_year),
                answer.with_parts(year=alt_year, month=month),
            ]
            if all(_date_ok(d, answer, ctx) for d in grid):
                return sorted(grid, key=lambda d: d.iso)
    return None


def abs_distance(center: int) -> Callable[[int], int]:
    return lambda value: abs(value - center)


def _date_ok(candidate: DateText, answer: DateText, ctx: Context) -> bool:
    if not candidate.is_valid() or candidate.iso == answer.iso:
        return False
    month_end = date(candidate.year, candidate.month or 12, 1)
    if candidate.day is not None:
        month_end = date(candidate.year, candidate.month or 1, candidate.day)
    if month_end > ctx.today:
        return False
    return ctx.acceptable(candidate.format(), answer.format())


def number_distractors(answer: NumberText, ctx: Context, *, finer: bool = False) -> list[NumberText] | None:
    """Three wrong quantities of similar size, written like the answer and rounded like it.

    "55,200" gets figures such as "47,800" and "61,300": the same separator, the same number of
    trailing zeros (a round "60,000" would stand out), at least 8% away from the answer (so no
    option is a quibble) and at most about twice or half of it. Percentages stay within 0–100.
    """
    value, step = answer.value, answer.step
    if value <= 0:
        return None
    if finer:
        # A figure with one significant digit ("More than 200") has too few neighbours of its own
        # roundness; halves of its step ("150", "250", "300") still look like it.
        if value / step >= 10 or value < 10:
            return None
        step = step / 2
    rng = ctx.rng("numbers")
    low, high = value * 0.55, value * 1.75
    if answer.is_percent:
        high = min(high, 100.0)
    if value < 10 and step >= 1:
        low, high = max(1.0, value - max(3, value)), value + max(3, value)
    candidates: set[float] = set()
    count = int((high - low) / step) + 1
    raw = range(count) if count <= 400 else rng.sample(range(count), 400)
    for k in raw:
        candidate = round_to_step(low + k * step, step)
        if candidate <= 0 or relative_gap(candidate, value) < 0.08 and value >= 10:
            continue
        if candidate == value or not finer and not _same_roundness(candidate, answer):
            continue
        candidates.add(candidate)
    below = sorted(c for c in candidates if c < value)
    above = sorted(c for c in candidates if c > value)
    rng.shuffle(below)
    rng.shuffle(above)
    picked: list[NumberText] = []
    order = _alternate(below, above, rng)
    for candidate in order:
        option = answer.with_value(candidate)
        if abs(len(option.format()) - len(answer.format())) > 1:
            continue
        if ctx.acceptable(option.format(), answer.format()):
            picked.append(option)
        if len(picked) == NEEDED:
            return sorted(picked, key=lambda n: n.value)
    return None


def _same_roundness(candidate: float, answer: NumberText) -> bool:
    """Same number of trailing zeros (integers) or a non-zero last decimal (decimals)."""
    step = answer.step
    units = round(candidate / step)
    if abs(units * step - candidate) > step / 1000:
        return False
    if answer.value < 10 and not answer.decimals:
        return True
    return units % 10 != 0


def _alternate(below: list[float], above: list[float], rng: random.Random) -> list[float]:
    """Candidates in the order to try: first as many from below as ``below_count`` draws, the rest from
    above, then the others (for when some are refused)."""
    first_below = below_count(rng, len(below), len(above))
    first_above = NEEDED - first_below
    rest = below[first_below:] + above[first_above:]
    rng.shuffle(rest)
    return below[:first_below] + above[:first_above] + rest


def ordinal_distractors(answer: OrdinalText, ctx: Context) -> list[OrdinalText] | None:
    """Three nearby ordinals in the answer's style: "22nd" gets "19th", "21st", "24th"."""
    rng = ctx.rng("ordinals")
    reach = max(3, answer.value // 3)
    below = [n for n in range(answer.value - reach, answer.value) if n >= 1]
    above = list(range(answer.value + 1, answer.value + reach + 1))
    rng.shuffle(below)
    rng.shuffle(above)
    picked: list[OrdinalText] = []
    for n in _alternate([float(b) for b in below], [float(a) for a in above], rng):
        if answer.words and ordinal_word(int(n)) is None:
            continue  # "ninety-ninth" must not sit beside "100th"
        option = answer.with_value(int(n))
        if ctx.acceptable(option.format(), answer.format()):
            picked.append(option)
        if len(picked) == NEEDED:
            return sorted(picked, key=lambda o: o.value)
    return None


def span_distractors(answer: NumberedSpan, ctx: Context) -> list[NumberedSpan] | None:
    """Three times of the answer's shape moved a few units either way, none of them in the future.

    "1946–1948" gets ranges of the same length ("1944–1946", "1949–1951"), "the 1950s and 1960s"
    other pairs of decades, "middle of the 19th century" the middle of other centuries.
    """
    rng = ctx.rng("spans")
    # Move by whole lengths so options do not overlap the answer: the answer is then never the one
    # option that shares most years with the others.
    step = (
        len(answer.values) if answer.unit > 1 or answer.ordinal else answer.values[-1] - answer.values[0] + 1
    )
    reach = 3

    def side(multiples: Iterable[int]) -> list[NumberedSpan]:
        moved = [answer.moved(k * step) for k in multiples]
        ok = [m for m in moved if _span_ok(m, answer, ctx)]
        ok.sort(key=lambda m: abs(m.values[0] - answer.values[0]))
        return ok

    below = side(range(-1, -reach - 1, -1))
    above = side(range(1, reach + 1))
    return _straddle(below, above, rng, key=lambda m: m.values[0])


def _span_ok(candidate: NumberedSpan, answer: NumberedSpan, ctx: Context) -> bool:
    """A real, past time of the answer's shape that the base does not also make right."""
    if not candidate.is_valid or candidate.values == answer.values:
        return False
    if len(str(candidate.values[0])) != len(str(answer.values[0])):
        return False  # "998–999" beside "1000–1001" would stand out
    if candidate.first_year > ctx.today.year:
        return False
    if not candidate.ordinal and candidate.values[-1] > ctx.today.year:
        return False
    return ctx.acceptable(candidate.format(), answer.format())


def _straddle[T](
    below: list[T], above: list[T], rng: random.Random, key: Callable[[T], int]
) -> list[T] | None:
    """Three options around the answer, as many below it as ``below_count`` draws, in order."""
    if len(below) + len(above) < NEEDED:
        return None
    wanted_below = below_count(rng, len(below), len(above))
    return sorted(below[:wanted_below] + above[: NEEDED - wanted_below], key=key)


def day_span_distractors(answer: DaySpan, ctx: Context) -> list[DaySpan] | None:
    """Three runs of days of the same length and layout, as a 2×2 grid of (days and month) × (year).

    As with single dates, each day-and-month and each year appears in exactly two options.
    """
    rng = ctx.rng("day spans")
    years = [answer.year + d for d in (-3, -2, -1, 1, 2, 3)]
    rng.shuffle(years)
    years.sort(key=abs_distance(answer.year))
    shifts = [(answer.month, answer.first + d) for d in (-9, -6, -4, -3, 3, 4, 6, 9)]
    shifts += [(answer.month + d, answer.first) for d in (-4, -3, -2, -1, 1, 2, 3, 4)]
    rng.shuffle(shifts)
    for alt_year in years[:4]:
        for month, first in shifts:
            grid = [
                answer.with_parts(month=month, first=first),
                answer.with_parts(year=alt_year),
                answer.with_parts(year=alt_year, month=month, first=first),
            ]
            if all(_day_span_ok(d, answer, ctx) for d in grid):
                return sorted(grid, key=lambda d: d.iso)
    return None


def _day_span_ok(candidate: DaySpan, answer: DaySpan, ctx: Context) -> bool:
    if not candidate.is_valid or candidate.iso == answer.iso:
        return False
    if date(candidate.year, candidate.month, candidate.last) > ctx.today:
        return False
    return ctx.acceptable(candidate.format(), answer.format())


def word_number_distractors(answer: WordNumber, ctx: Context) -> list[WordNumber] | None:
    """Three other counts or shares written in words like the answer: "three" gets "two", "four", "six";
    "two-thirds" gets other halves, thirds, quarters and fifths at least 8 points away."""
    rng = ctx.rng("word numbers")
    if answer.is_fraction:
        pool = [
            answer.with_parts(a, b)
            for b in (2, 3, 4, 5)
            for a in range(1, b)
            if math.gcd(a, b) == 1 and abs(a / b - answer.value) >= 0.08
        ]
    else:
        n = answer.numerator
        reach = max(3, n // 3)
        pool = [answer.with_parts(k) for k in range(max(1, n - reach), n + reach + 1) if k != n and k < 100]
    below = [w for w in pool if w.value < answer.value]
    above = [w for w in pool if w.value > answer.value]
    rng.shuffle(below)
    rng.shuffle(above)
    below.sort(key=lambda w: answer.value - w.value)
    above.sort(key=lambda w: w.value - answer.value)
    below = [w for w in below if ctx.acceptable(w.format(), answer.format())]
    above = [w for w in above if ctx.acceptable(w.format(), answer.format())]
    return _straddle(below, above, rng, key=lambda w: int(w.value * 1000))


_PARTIES = re.compile(r"^(?P<a>.+?)\s*[–—-]\s*(?P<b>[^–—-]+?)\s+relations$", re.IGNORECASE)


def entity_distractors(ctx: Context) -> list[str] | None:
    """Three other names of the answer's kind: persons, countries, places, organisations.

    Candidates come from the fact base (the deck's own world, so they are plausible), tiered by
    closeness of kind: a President for a President, a city for a city, a neighbouring country for a
    country. Within a tier, names of similar length come first so the answer is not the odd one out.
    """
    fact = ctx.fact
    tiers = _entity_tiers(fact, ctx.base, ctx.prompt)
    if tiers is None or _many_true_answers(tiers[0] + tiers[1], ctx):
        return None
    picked: list[str] = []
    seen = {fold(fact.answer)}
    label = entity_label(fact)
    listed = listed_with(fact, ctx.base)
    for tier in tiers:
        ranked = sorted(
            {fold(c): c for c in tier if c.strip()}.values(),
            key=lambda c: (abs(len(c) - len(fact.answer)) // 5, stable_seed(str(ctx.seed), c)),
        )
        for candidate in ranked:
            if fold(candidate) in seen or fold(candidate) in listed:
                continue  # listed beside the answer for the same predicate: true too
            if not named_as_kind(candidate, fact.answer_type, label, ctx.base):
                continue  # "Church" at a sentence start is not a person
            if not ctx.acceptable(candidate, fact.answer):
                continue
            seen.add(fold(candidate))
            picked.append(candidate)
            if len(picked) == NEEDED:
                return sorted(picked, key=fold)
    return None


MAX_OTHER_TRUE = 1


def _many_true_answers(candidates: Iterable[str], ctx: Context) -> bool:
    """The question names a property several things share ("Which country has an embassy in Warsaw?").

    One other true answer can be left out of the options; with more, the question is a lottery over
    which of them the author meant, so it is not asked.
    """
    others = {
        fold(c): c
        for c in candidates
        if fold(c) != fold(ctx.fact.answer) and c.strip() and not contains_phrase(ctx.fact.statement, c)
    }
    true_count = sum(is_also_true(c, ctx.fact, ctx.base, ctx.prompt) for c in others.values())
    return true_count > MAX_OTHER_TRUE


@dataclass(frozen=True, slots=True)
class _Named:
    """One answer the base gives, as a candidate distractor: its kind (role) and the name to show."""

    role: str  # folded role; for places and "other" answers, their kind (see ``kinds``)
    name: str


def _last_of_each(items: Iterable[_Named]) -> tuple[_Named, ...]:
    """One entry per (role, folded name), kept where it last occurs and with that occurrence's spelling.

    The tiers fold their candidates with ``{fold(c): c}``, which keeps the last spelling seen, so
    dropping earlier repeats first gives the same candidates from a much shorter list.
    """
    seen: set[tuple[str, str]] = set()
    kept: list[_Named] = []
    for item in reversed(list(items)):
        key = (item.role, fold(item.name))
        if key not in seen:
            seen.add(key)
            kept.append(item)
    return tuple(reversed(kept))


@dataclass(frozen=True, slots=True)
class _BaseNames:
    """The base's answers by type, its countries and its hub countries: what entity tiers are cut from."""

    by_type: dict[AnswerType, tuple[_Named, ...]]
    countries: tuple[str, ...]
    hub: frozenset[str]


@per_base
def _base_names(base: tuple[FactData, ...]) -> _BaseNames:
    by_type: dict[AnswerType, list[_Named]] = {}
    for f in base:
        if f.answer.strip():
            name = bare_name(f) if f.answer_type is AnswerType.PERSON else f.answer
            by_type.setdefault(f.answer_type, []).append(_Named(_kind_of(f), name))
    in_base: list[str] = [f.answer for f in base if f.answer_type is AnswerType.COUNTRY]
    for other in base:
        parties = _PARTIES.match(other.document.strip()) if other.document else None
        if parties:
            in_base += [parties["a"].strip(), parties["b"].strip()]
    hub = _hub_countries(base)
    countries = [n.name for n in _last_of_each(_Named("", canonical_country(c) or c) for c in in_base)]
    return _BaseNames(
        {t: _last_of_each(items) for t, items in by_type.items()},
        tuple(c for c in countries if c not in hub),
        frozenset(hub),
    )


def _kind_of(fact: FactData) -> str:
    """What an answer is a name of: a person's office, a place's or other thing's kind."""
    if fact.answer_type is AnswerType.PLACE:
        return place_kind(fact)
    if fact.answer_type is AnswerType.OTHER:
        return other_kind(fact.answer, fact.role)
    return fold(fact.role)


def _entity_tiers(fact: FactData, base: Sequence[FactData], prompt: str) -> list[list[str]] | None:
    names = _base_names(base)
    same_type = names.by_type.get(fact.answer_type, ())
    role = _kind_of(fact)
    match fact.answer_type:
        case AnswerType.PERSON:
            return person_tiers(fact, base, prompt)
        case AnswerType.COUNTRY:
            return _country_tiers(fact, names)
        case AnswerType.PLACE:
            return place_tiers(fact, base, prompt, [(n.role, n.name) for n in same_type])
        case AnswerType.OTHER:
            if not role:
                return None
            same_kind = [n.name for n in same_type if n.role == role]
            return [names_of_same_shape(fact.answer, base), same_kind]
        case AnswerType.ORGANISATION:
            return org_tiers(fact, base, prompt)
    return None


def _country_tiers(fact: FactData, names: _BaseNames) -> list[list[str]]:
    """Base countries near the answer, other base countries, then the world list by nearness."""
    region = region_of(fact.answer) or ""
    continent = region.split("/")[0]
    world = country_regions()
    in_base = list(names.countries)
    return [
        [c for c in in_base if region and region_of(c) == region],
        in_base,
        [c for c, r in world.items() if r == region and c not in names.hub],
        [c for c, r in world.items() if continent and r.startswith(continent) and c not in names.hub],
    ]


def _hub_countries(base: Sequence[FactData]) -> set[str]:
    """Countries named in most of the base: the collection's point of view (Poland in a deck on
    Poland's relations), which as a wrong option would be absurd ("Which country did the Polish
    President visit?" — "Poland")."""
    if len(base) < 10:
        return set()
    counts: dict[str, int] = {}
    for other in base:
        for name in countries_named(other.statement) | countries_named(other.document):
            counts[name] = counts.get(name, 0) + 1
    return {name for name, count in counts.items() if count >= 0.4 * len(base)}
