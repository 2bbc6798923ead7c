"""Turn a fact into a real question: "Poland donated 55,200 COVID-19 vaccines to Kyrgyzstan in
October 2021" → "How many COVID-19 vaccines did Poland donate to Kyrgyzstan in October 2021?".

The statement is reshaped with a few English rules rather than templates per predicate, so the same
code serves any article of the same style: a fronted adverbial ("In October 2021, …") moves to the
end, the answer (with its preposition) is replaced by a wh-phrase chosen from the answer's type and
date precision, and the verb gets do-support ("did … donate") or inversion ("were … established").
Every prompt is validated; when no valid prompt can be built the kind is skipped.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from facts.extraction.holes import find_hole
from facts.extraction.types import AnswerType, DatePrecision, FactData
from facts.language.dates import parse_date_text
from facts.language.numbers import QUALIFIERS, parse_number_text, parse_word_number
from facts.language.text import collapse_spaces, contains_phrase, fold
from facts.language.verbs import (
    AUXILIARIES,
    BE_FORMS,
    HAVE_FORMS,
    base_form,
    is_participle,
    is_past_form,
)
from quizzes.bank.generation.kinds import place_kind
from quizzes.bank.generation.profiles import org_kind
from quizzes.bank.generation.spans import parse_day_span, parse_numbered_span
from quizzes.bank.generation.stems import PERSON_NOUNS, singular, stem_fits
from quizzes.bank.generation.types import QuestionKind

PREPOSITIONS = frozenset(
    [
        "in",
        "on",
        "at",
        "to",
        "from",
        "by",
        "since",
        "until",
        "during",
        "after",
        "before",
        "for",
        "with",
        "into",
        "onto",
        "of",
        "upon",
        "toward",
        "towards",
        "as",
    ]
)
_DETERMINERS = frozenset(
    ["the", "a", "an", "its", "their", "his", "her", "our", "this", "these", "those", "that", "every", "each"]
)
_ADVERBS = frozenset(
    [
        "also",
        "still",
        "first",
        "then",
        "already",
        "never",
        "later",
        "once",
        "officially",
        "formally",
        "successfully",
        "jointly",
        "finally",
        "again",
    ]
)
_PARTICLES = frozenset(["in", "on", "up", "out", "off", "over", "away", "back", "down"])
_TITLE_FILLERS = frozenset(["then", "former", "late", "the", "of", "'s"])
_PRONOUNS = frozenset(
    [
        "he",
        "she",
        "it",
        "they",
        "him",
        "her",
        "them",
        "his",
        "its",
        "their",
        "this",
        "these",
        "those",
        "we",
        "you",
    ]
)
_VAGUE_REFERENCES = (
    "the two countries",
    "both countries",
    "the countries",
    "the two nations",
    "both nations",
    "the two states",
    "both states",
    "the two sides",
    "both sides",
)
_PRESENT_PLURAL = frozenset(
    [
        "include",
        "view",
        "remain",
        "consist",
        "live",
        "maintain",
        "have",
        "hold",
        "operate",
        "share",
        "exist",
        "continue",
        "support",
        "see",
        "regard",
        "consider",
        "form",
        "make",
        "account",
        "border",
    ]
)
_LEADING_ADVERBIAL = re.compile(
    r"^(?P<adv>(?:In|On|From|During|After|Since|As of|According to|By|Following|Before|At|Until|Between|"
    r"Throughout|Under|Over|Upon|Despite|Due to|For)\b(?:[^,]|,\s*\d{3,4}\b){1,90}),\s+(?P<main>.+)$"
)
_TRAILING_CLAUSE = re.compile(
    r",\s+(?:with|which|who|becoming|making|while|whereas|shortly|although|when|including|as well as|"
    r"the first|the last)\b[^,]*(?=,|$)",
    re.IGNORECASE,
)
_PARTIES = re.compile(r"^(?P<a>.+?)\s*[–—-]\s*(?P<b>[^–—-]+?)\s+relations$", re.IGNORECASE)
_VAGUE_RE = re.compile("|".join(re.escape(v) for v in _VAGUE_REFERENCES), re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class _Word:
    text: str
    start: int
    end: int

    @property
    def bare(self) -> str:
        return self.text.strip(",.;:()\"'").casefold()


def build_prompt(
    fact: FactData, kind: QuestionKind, answer: str, *, common_words: frozenset[str] = frozenset()
) -> str | None:
    """A valid question for ``fact`` asked as ``kind`` whose answer is ``answer``, or None.

    ``fact.question`` wins when it is valid for the kind (its wh-phrase switched to what the kind
    asks for: "In which year" for year kinds, "On what date" for dates, "In which month and year" for
    months, "When" for runs of days). ``common_words`` are words the fact base writes in lower case; a
    capitalised first word found there is lowered when it moves inside the question.
    """
    return next(prompt_candidates(fact, kind, answer, common_words=common_words), None)


def prompt_candidates(
    fact: FactData, kind: QuestionKind, answer: str, *, common_words: frozenset[str] = frozenset()
) -> Iterator[str]:
    """Every valid prompt for ``fact`` as ``kind``, best first: the adapted ``fact.question``, then the
    stem derived from the statement. A caller that cannot build good options for the first (its
    wh-phrase asks for "a Polish city" and the base knows too few) may try the next.

    A prompt is valid when it reads as a whole question (see :func:`prompt_is_valid`), its wh-phrase
    asks for the answer's type (a stem asking "In which city …" is not used for a person), year kinds
    ask for a year, and a British verb cut by a rule ("recognis") is mended from the statement.
    """
    forbidden = answer_forms(fact, answer)
    shape = _answer_shape(answer)
    year = kind in (QuestionKind.YEAR_CHOICE, QuestionKind.TYPED_YEAR)
    seen: set[str] = set()
    for make in (
        lambda: _adapt_question(fact.question, kind, shape),
        lambda: _derive(fact, kind, common_words),
    ):
        candidate = make()
        if not candidate:
            continue
        candidate = mend_verb_stems(candidate, fact.statement)
        if candidate in seen or not prompt_is_valid(candidate, forbidden):
            continue
        if not stem_fits(candidate, fact.answer_type, year=year):
            continue
        seen.add(candidate)
        yield candidate


def mend_verb_stems(prompt: str, statement: str) -> str:
    """Give back the "e" a rule cut from a British or American verb: "did Poland recognis X" → "recognise"
    when the statement says "recognised" (also organis-, apologis-, realis-, analys-, -iz-)."""
    said = {w.casefold() for w in re.findall(r"[A-Za-z]+", statement)}

    def mend(m: re.Match[str]) -> str:
        word = m.group(0)
        if word.casefold() + "ed" in said or word.casefold() + "es" in said or word.casefold() + "e" in said:
            return word + "e"
        return word

    return re.sub(r"\b[a-z]+(?:is|iz|ys|yz)\b", mend, prompt)


def answer_forms(fact: FactData, answer: str) -> list[str]:
    """Every way the answer could leak into a prompt: its text, a date's years, a number's digits."""
    forms = [answer, fact.answer]
    for text in (answer, fact.answer):
        parsed_date = parse_date_text(text)
        if parsed_date is not None:
            forms.append(str(parsed_date.year))
        parsed_number = parse_number_text(text)
        if parsed_number is not None:
            plain = f"{parsed_number.value:.{parsed_number.decimals}f}"
            forms.extend(
                {
                    plain,
                    f"{parsed_number.value:,.{parsed_number.decimals}f}",
                    f"{parsed_number.value:,.{parsed_number.decimals}f}".replace(",", " "),
                }
            )
        words = parse_word_number(text)
        if words is not None and not words.is_fraction:
            forms.append(str(words.numerator))
        if fact.answer_type is AnswerType.DATE:
            # The years, decades and centuries of a range or period: "1946", "1948", "1950s", "19th".
            forms.extend(re.findall(r"(?<![\w])(?:\d{3,4}s?|\d{1,2}(?:st|nd|rd|th))(?![\w])", text))
    if fact.date and fact.answer_type is AnswerType.DATE:
        forms.append(fact.date[:4])
    if (
        fact.date_end
        and fact.answer_type is AnswerType.DATE
        and fact.date_precision is DatePrecision.YEAR_RANGE
    ):
        forms.append(fact.date_end[:4])
    return [f for f in dict.fromkeys(forms) if f.strip()]


def _answer_shape(answer: str) -> str:
    """ "days" for a run of days, "month" for a month and year, "" for anything else."""
    if parse_day_span(answer) is not None:
        return "days"
    parsed = parse_date_text(answer)
    if parsed is not None and parsed.month is not None and parsed.day is None:
        return "month"
    return ""


def prompt_is_valid(prompt: str, forbidden: Iterable[str]) -> bool:
    """A prompt is a self-contained question that does not give its answer away."""
    prompt = prompt.strip()
    words = prompt.split()
    if len(words) < 3 or len(prompt) > 300 or not prompt.endswith("?") or not prompt[0].isupper():
        return False
    if prompt.count("?") != 1 or "respectively" in prompt.casefold():
        return False
    if any(contains_phrase(prompt, form) for form in forbidden):
        return False
    if _VAGUE_RE.search(prompt):
        return False
    opening = [w.strip(",.;:?").casefold() for w in words[:5]]
    if any(w in _PRONOUNS for w in opening[1:]) and opening[0] not in ("who", "whom"):
        return False
    if re.search(r"\(\s*\)|,\s*\?|\s{2,}|,,", prompt):
        return False
    return not prompt_hole(prompt)


# Words that end a question only when something after them was lost: "… in 1830 and?", "… of its?".
_DANGLING = re.compile(
    r"\b(?:the|a|an|and|or|than|that|its|their|his|her|whose|both|between|either)\s*\?$", re.I
)
# Function words written with a capital inside a question: a sentence opening that was not lowered.
_STRAY_CAPITAL = re.compile(
    r"(?<=\s)(?:The|A|An|It|Its|There|This|These|Those|They|He|She|His|Her|Some|Small|Many|Several|Both|All)\b"
)


def prompt_hole(prompt: str) -> str:
    """What was lost when the prompt was cut from its statement ("an empty parenthesis"), or "".

    Rules that drop an answer from a list or a parenthesis leave "both the and the", "(later )" or
    "in 1830 and?"; such a prompt is not shown. Extraction's ``find_hole`` names the gaps it knows;
    a dangling function word, a colon or semicolon (a second clause) and a capitalised "The" inside
    the question are checked here too.
    """
    found = find_hole(prompt)
    if found:
        return found
    if _DANGLING.search(prompt):
        return "a dangling end"
    if re.search(r"[:;]", prompt):
        return "a second clause"
    if re.search(
        r"\b(?:did|does|do)\s+(?:(?!\b(?:who|which|that|whose)\b).)*?\b(?:was|were|is|are)\b", prompt
    ):
        return "two finite verbs"  # "did Poles deport … were moving": a participle read as the verb
    quoted = re.sub(r'"[^"]*"|“[^”]*”|\([^)]*\)', " ", prompt)
    if _STRAY_CAPITAL.search(quoted):
        return "a capitalised word left inside"
    return ""


_ASKS_WHEN = (
    r"^(?:On what dates?|On which dates?|When|In which year|In what year|In which month and year|"
    r"In what month and year|In which month|In what month)\b"
)


def _adapt_question(question: str, kind: QuestionKind, shape: str = "") -> str | None:
    """Reuse a hand-written question, switching its wh-phrase to what the kind asks for.

    ``shape`` is what the answer looks like (see :func:`_answer_shape`): a month-and-year answer is
    asked "In which month and year", a run of days "When", a single day "On what date".
    """
    question = question.strip()
    if not question:
        return None
    if kind in (QuestionKind.YEAR_CHOICE, QuestionKind.TYPED_YEAR):
        return re.sub(_ASKS_WHEN, "In which year", question)
    if kind is QuestionKind.DATE_CHOICE:
        return re.sub(_ASKS_WHEN, "When" if shape == "days" else "On what date", question)
    if shape == "month":
        return re.sub(
            r"^(?:On what date|On which date|In which year|In what year)\b",
            "In which month and year",
            question,
        )
    return question


def _derive(fact: FactData, kind: QuestionKind, common_words: frozenset[str]) -> str | None:
    """Reshape ``fact.statement`` into a question whose gap is ``fact.answer``."""
    if not fact.statement.strip() or not fact.answer.strip():
        return None
    sentence = _lower_first(_prepare(fact, common_words), common_words)
    span = _find(sentence, fact.answer)
    if span is None:
        return None
    words = [_Word(m.group(), m.start(), m.end()) for m in re.finditer(r"\S+", sentence)]
    verb = _find_verb(words, span)
    if verb is None:
        return None
    if span[0] < words[verb].start:
        prompt = _subject_question(fact, kind, sentence, span, words, verb)
    else:
        prompt = _object_question(fact, kind, sentence, span, words, verb)
    if prompt is None:
        return None
    prompt = collapse_spaces(prompt).rstrip(",;: ")
    return prompt[0].upper() + prompt[1:] + "?"


def _prepare(fact: FactData, common_words: frozenset[str]) -> str:
    """Plain one-clause sentence: no final stop, vague references resolved, adverbials at the end."""
    sentence = fact.statement.strip().rstrip(".!")
    parties = _PARTIES.match(fact.document.strip()) if fact.document else None
    if parties:
        named = f"{parties['a'].strip()} and {parties['b'].strip()}"
        sentence = _VAGUE_RE.sub(named, sentence)
    if ", and " in sentence:
        clauses = sentence.split(", and ")
        holding = [c for c in clauses if _find(c, fact.answer) is not None]
        if len(holding) == 1:
            sentence = holding[0]
    answer_span = _find(sentence, fact.answer)

    def drop(m: re.Match[str]) -> str:
        inside = answer_span is not None and m.start() <= answer_span[0] < m.end()
        return m.group() if inside else ""

    sentence = _TRAILING_CLAUSE.sub(drop, sentence)
    for _ in range(2):
        m = _LEADING_ADVERBIAL.match(sentence)
        if not m or _find(m["adv"], fact.answer) is not None and _find(m["main"], fact.answer) is not None:
            break
        adverbial = m["adv"][0].lower() + m["adv"][1:]
        sentence = f"{_lower_first(m['main'], common_words)} {adverbial}"
    return sentence


def _lower_first(text: str, common_words: frozenset[str]) -> str:
    """Lower a capitalised first word that the fact base also writes in lower case."""
    first, _, rest = text.partition(" ")
    if first.casefold() in common_words or first.casefold() in _DETERMINERS or first.casefold() == "there":
        return f"{first[0].lower()}{first[1:]} {rest}".rstrip()
    return text


def _find(sentence: str, answer: str) -> tuple[int, int] | None:
    """The span of ``answer`` in ``sentence`` as whole words, ignoring case."""
    m = re.search(r"(?<!\w)" + re.escape(answer.strip()) + r"(?!\w)", sentence, re.IGNORECASE)
    return (m.start(), m.end()) if m else None


def _find_verb(words: list[_Word], span: tuple[int, int]) -> int | None:
    """Index of the main clause's first verb, outside the answer."""
    for i, word in enumerate(words):
        if i == 0 or span[0] <= word.start < span[1]:
            continue
        bare = word.bare
        previous = words[i - 1].bare
        if not word.text[0].islower() or previous in _DETERMINERS or "-" in bare:
            continue
        if bare in AUXILIARIES or is_past_form(bare):
            return i
        following = words[i + 1].bare if i + 1 < len(words) else ""
        if (
            bare.endswith("s")
            and not bare.endswith(("ss", "us", "is"))
            and (following in _DETERMINERS or following[:1].isdigit() or base_form(bare) in _PRESENT_PLURAL)
        ):
            return i
        if bare in _PRESENT_PLURAL:
            return i
    return None


def _verb_group_end(words: list[_Word], verb: int) -> int:
    """Index after the verb group: "were still", "was officially established", "has been"."""
    end = verb + 1
    head = words[verb].bare
    while end < len(words) and words[end].bare in _ADVERBS:
        end += 1
    if head in BE_FORMS or head in HAVE_FORMS:
        while end < len(words) and (is_participle(words[end].bare) or words[end].bare in _ADVERBS):
            if words[end].text.endswith(","):
                end += 1
                break
            end += 1
    return end


def _wh(fact: FactData, kind: QuestionKind, preposition: str = "") -> str | None:
    """The wh-phrase for the answer's type, precision and governing preposition."""
    prep = preposition.casefold()
    if kind in (QuestionKind.YEAR_CHOICE, QuestionKind.TYPED_YEAR, QuestionKind.DATE_CHOICE) or (
        fact.answer_type is AnswerType.DATE
    ):
        core, default_prep = _date_wh(fact, kind)
        if core is None:
            return None
        if prep in ("from", "between") and _is_period(fact.answer, fact.date_precision):
            prep = (
                "in"  # "from 6 to 8 September" / "between 1937 and 1938" asked as "when" or "in which year"
            )
        if core == "when":
            return core if prep in ("", "in", "on", "at", "during") else None
        if prep in ("", "in", "on", "at", "during", "of"):
            return f"{default_prep} {core}".strip() if prep or not default_prep else f"{default_prep} {core}"
        if prep in ("since", "by", "until", "after", "before"):
            return f"{prep} {core}"
        return None
    core = _entity_wh(fact)
    if core is None:
        return None
    if not prep:
        return core
    return f"{prep} {'whom' if core == 'who' else core}"


def _date_wh(fact: FactData, kind: QuestionKind) -> tuple[str | None, str]:
    if kind in (QuestionKind.YEAR_CHOICE, QuestionKind.TYPED_YEAR):
        return "which year", "in"
    if parse_day_span(fact.answer) is not None:
        return "when", ""
    if kind is QuestionKind.DATE_CHOICE or fact.date_precision is DatePrecision.DAY:
        return "what date", "on"
    span = parse_numbered_span(fact.answer, fact.date_precision)
    if span is not None and span.phase:
        return "when", ""
    plural = span is not None and len(span.values) > 1
    return {
        DatePrecision.MONTH: ("which month and year", "in"),
        DatePrecision.YEAR: ("which year", "in"),
        DatePrecision.YEAR_RANGE: ("which years", "in"),
        DatePrecision.DECADE: ("which decades" if plural else "which decade", "in"),
        DatePrecision.CENTURY: ("which century", "in"),
    }.get(fact.date_precision, (None, ""))


def _is_period(answer: str, precision: DatePrecision) -> bool:
    """Whether the answer is a run of days or years rather than one point in time."""
    return parse_day_span(answer) is not None or parse_numbered_span(answer, precision) is not None


def _entity_wh(fact: FactData) -> str | None:
    role = fact.role.strip().casefold()
    match fact.answer_type:
        case AnswerType.PERSON:
            return "who"
        case AnswerType.COUNTRY:
            return "which country"
        case AnswerType.PLACE:
            kind = place_kind(fact)
            return f"which {kind}" if kind and len(kind.split()) <= 2 else "which place"
        case AnswerType.ORGANISATION:
            if role and len(role.split()) <= 2:
                return f"which {role}"
            return _ORG_KIND_WH.get(org_kind(fold(fact.answer).split()), "which organisation")
        case AnswerType.OTHER if role and len(role.split()) <= 2:
            return f"which {role}"
    return None


# How a derived stem asks for an organisation of each kind (see ``profiles.org_kind``).
_ORG_KIND_WH = {
    "military": "which military unit",
    "company": "which company",
    "education": "which institution",
    "government": "which body",
}


def _number_wh(fact: FactData, noun_phrase: str) -> str | None:
    parsed = parse_number_text(fact.answer)
    if parsed is None:
        words = parse_word_number(fact.answer)
        if words is None:
            return None
        if words.is_fraction:  # "two-thirds of the value" is a share, like a percentage
            return f"what share {noun_phrase}".strip() if noun_phrase.startswith("of ") else None
        return f"how many {noun_phrase}" if noun_phrase else None
    if parsed.is_percent:
        return (
            f"what share {noun_phrase}".strip() if noun_phrase.startswith("of ") or not noun_phrase else None
        )
    if parsed.currency or fact.unit.strip() in ("US$", "$", "€", "£"):
        return "how much"
    if not noun_phrase:
        return None
    return f"how many {noun_phrase}"


def _noun_phrase_after(text: str) -> tuple[str, str]:
    """Split "COVID-19 vaccines to Kyrgyzstan …" into ("COVID-19 vaccines", " to Kyrgyzstan …")."""
    taken: list[str] = []
    words = text.split(" ")
    index = 0
    for index, word in enumerate(words):
        bare = word.strip(",.;:").casefold()
        if not word:
            continue
        if (
            bare in PREPOSITIONS
            and taken
            or bare in AUXILIARIES
            or bare == "and"
            or is_past_form(bare)
            and taken
        ):
            break
        if bare in PREPOSITIONS and not taken and bare != "of":
            break
        taken.append(word.rstrip(","))
        if word.endswith(","):
            index += 1
            break
    else:
        index = len(words)
    return " ".join(taken), " ".join(words[index:])


def _number_noun_phrase(fact: FactData, right: str) -> tuple[str, str]:
    """What is counted: the fact's unit when the text names it there, else the words after the number."""
    right = right.strip()
    parsed = parse_number_text(fact.answer)
    if parsed is not None and parsed.suffix.strip() and not parsed.is_percent:
        return parsed.suffix.strip(), right
    unit = fact.unit.strip()
    if unit and right.casefold().startswith(unit.casefold()) and unit not in ("%", "$", "US$", "€", "£"):
        return right[: len(unit)], right[len(unit) :]
    return _noun_phrase_after(right)


def _strip_trailing_qualifier(text: str) -> str:
    stripped = text.rstrip()
    for qualifier in sorted(QUALIFIERS, key=len, reverse=True):
        if stripped.casefold().endswith(" " + qualifier) or stripped.casefold() == qualifier:
            return stripped[: len(stripped) - len(qualifier)]
    return text


def _subject_question(
    fact: FactData, kind: QuestionKind, sentence: str, span: tuple[int, int], words: list[_Word], verb: int
) -> str | None:
    """The answer is (in) the subject: "Who visited Poland in 1998?", "How many Poles lived …"."""
    before = sentence[: span[0]]
    between = sentence[span[1] : words[verb].start]
    predicate = sentence[words[verb].start :]
    if fact.answer_type is AnswerType.NUMBER and kind is not QuestionKind.YEAR_CHOICE:
        if fold(_strip_trailing_qualifier(before)).strip() not in ("", "the"):
            return None
        noun_phrase = between.strip().rstrip(",")
        wh = _number_wh(fact, noun_phrase)
        return f"{wh} {predicate}" if wh else None
    if fact.answer_type is AnswerType.ORDINAL:
        return None
    if (
        " and " in f" {before} {between} "
        or "," in between.strip().rstrip(",")
        or not _only_titles(before, fact.role)
    ):
        return None
    wh = _wh(fact, kind)
    if wh is None or wh.split()[0] in ("in", "on", "since", "by", "until", "after", "before"):
        wh = {"what date": "which date"}.get(wh or "", wh)
        if fact.answer_type is AnswerType.DATE:
            return None
    return f"{wh} {predicate}" if wh else None


def _only_titles(before: str, role: str) -> bool:
    """The words before a subject answer are titles or an apposition ("Poland's then President", "X,")."""
    stripped = before.strip()
    allowed = _TITLE_FILLERS | {w.casefold() for w in role.split()}
    return (
        not stripped
        or stripped.endswith(",")
        or all(w[:1].isupper() or w.casefold() in allowed for w in stripped.replace("’s", " 's").split())
    )


def _object_question(
    fact: FactData, kind: QuestionKind, sentence: str, span: tuple[int, int], words: list[_Word], verb: int
) -> str | None:
    """The answer follows the verb: invert or add do-support, and front the wh-phrase."""
    group_end = _verb_group_end(words, verb)
    if group_end < len(words) and words[group_end - 1].end > span[0]:
        group_end = max(verb + 1, next(i for i, w in enumerate(words) if w.end > span[0]))
    subject = sentence[: words[verb].start].strip().rstrip(",")
    group = [w.text for w in words[verb:group_end]]
    middle_start = words[group_end - 1].end if group_end > verb else words[verb].end
    left = sentence[middle_start : span[0]]
    right = sentence[span[1] :]
    if fact.answer_type is AnswerType.ORDINAL and kind is QuestionKind.MC:
        return _rank_question(subject, group, left, right)
    if _coordinated(left, right):
        return None
    left_words = left.split()
    if fact.answer_type is AnswerType.PERSON and left_words and _is_title_word(left_words[-1]):
        return None  # "meetings with Marshal of the Sejm ___": the title belongs to the answer
    if left_words and left_words[-1].casefold() == "the" and fact.answer_type is not AnswerType.NUMBER:
        left_words.pop()  # "in the 1950s": the wh-phrase takes the article's place
    preposition = ""
    if left_words and left_words[-1].casefold() in PREPOSITIONS:
        is_particle = fact.answer_type is AnswerType.NUMBER and left_words[-1].casefold() in _PARTICLES
        if not is_particle:
            preposition = left_words.pop()
    left = _strip_trailing_qualifier(" ".join(left_words))
    if fact.answer_type is AnswerType.NUMBER and kind is not QuestionKind.YEAR_CHOICE:
        noun_phrase, right = _number_noun_phrase(fact, right)
        if left.strip() and (preposition or any(w.casefold() not in _PARTICLES for w in left.split())):
            return None
        wh = _number_wh(fact, noun_phrase)
        if wh and preposition:
            wh = f"{preposition} {wh}"
    else:
        wh = _wh(fact, kind, preposition)
        possessive = re.match(r"^['’]s\s+(.*)$", right)
        if possessive and wh and not preposition:
            noun_phrase, right = _noun_phrase_after(possessive.group(1))
            wh = f"{'whose' if wh == 'who' else wh + chr(39) + 's'} {noun_phrase}"
        if right.startswith(","):
            right = right[1:]
    if wh is None:
        return None
    return _invert(wh, subject, group, f"{left} {right}")


def _coordinated(left: str, right: str) -> bool:
    """Whether the answer is one of several joined by "and"/"or" ("join the EU and NATO"): cutting it
    out leaves "join and NATO", which these rules cannot turn into a question."""
    before = left.rstrip().casefold().split()
    after = right.lstrip().casefold().split()
    return bool(before and before[-1] in ("and", "or", "both", "either", "nor")) or bool(
        after and after[0] in ("and", "or", "nor")
    )


def _is_title_word(word: str) -> bool:
    """A word of a title written before a name: capitalised ("Sejm", "Minister") or an office."""
    bare = word.strip(",.;:")
    return bare[:1].isupper() or singular(fold(bare)) in PERSON_NOUNS


def _invert(wh: str, subject: str, group: list[str], tail: str) -> str | None:
    """Wh-phrase + auxiliary + subject + rest of the verb group + tail."""
    if not subject or not group:
        return None
    head = group[0].strip(",")
    lower = head.casefold()
    if lower in AUXILIARIES and not (lower in HAVE_FORMS and len(group) == 1):
        return f"{wh} {lower} {subject} {' '.join(group[1:])} {tail}"
    if lower in HAVE_FORMS:
        auxiliary = "did" if lower == "had" else ("does" if lower == "has" else "do")
    elif is_past_form(lower):
        auxiliary = "did"
    else:
        auxiliary = "does" if lower.endswith("s") else "do"
    return f"{wh} {auxiliary} {subject} {base_form(lower)} {' '.join(group[1:])} {tail}"


def _rank_question(subject: str, group: list[str], left: str, right: str) -> str | None:
    """ "X were the 22nd largest group of Y in Z" → "Where did X rank among the largest groups of Y in Z"."""
    head = group[0].strip(",").casefold() if group else ""
    if head not in BE_FORMS or fold(left).strip() not in ("the", ""):
        return None
    m = re.match(r"^\s*(?P<sup>\w+est|most \w+|least \w+)?\s*(?P<noun>[A-Za-z]+)(?P<rest>.*)$", right)
    if not m or not subject:
        return None
    superlative = m["sup"] or ""
    noun = m["noun"]
    plural = (
        noun if noun.endswith("s") else (noun[:-1] + "ies" if re.search(r"[^aeiou]y$", noun) else noun + "s")
    )
    auxiliary = "did" if head in ("was", "were") else ("does" if head == "is" else "do")
    subject = subject[0].lower() + subject[1:] if subject.split()[0].casefold() in _DETERMINERS else subject
    return f"where {auxiliary} {subject} rank among the {superlative} {plural}{m['rest']}"
