"""Turn a statement and its answer span into a question stem that does not give the answer away.

"Poland recognized Kyrgyzstan on 27 December 1991" + "27 December 1991" → "On what date did
Poland recognize Kyrgyzstan?". When the grammar is beyond these rules the stem is "", and
question generation falls back to its own templates.
"""

from __future__ import annotations

import re

from .grammar import AUXILIARIES, base_form, find_verb
from .types import AnswerType, DatePrecision

_ADVERBIAL_RE = re.compile(
    r"^((?:In|On|From|During|After|Following|As of|According to|Since|By|At|Before|Until)\b[^,]{1,80}),\s+"
)
_PREPS = ("on", "in", "from", "since", "to", "at", "with", "by", "during", "as of", "into", "upon")
_LOWER_FIRST = frozenset(
    ["The", "A", "An", "Several", "Some", "Many", "Only", "Both", "Most", "Over", "Nearly", "About"]
)


def wh_phrase(kind: AnswerType, precision: DatePrecision, unit: str, preposition: str, role: str) -> str:
    """The question phrase that stands for an answer of this kind ("On what date", "How many Poles")."""
    prep = preposition.capitalize()
    if kind is AnswerType.DATE:
        if precision is DatePrecision.DAY:
            return f"{prep} what date" if prep in ("On", "From", "Since", "By") else "On what date"
        noun = {
            DatePrecision.MONTH: "month and year",
            DatePrecision.YEAR_RANGE: "years",
            DatePrecision.DECADE: "decade",
            DatePrecision.CENTURY: "period",
        }.get(precision, "year")
        return f"{prep or 'In'} which {noun}"
    if kind is AnswerType.NUMBER:
        if unit == "%":
            return "What percentage"
        if unit in ("US$", "€", "£", "¥") or not unit:
            return "How much" if unit else "How many"
        return f"How many {unit}"
    if kind is AnswerType.PERSON:
        return f"{prep} whom" if prep and prep not in ("By",) else ("By whom" if prep == "By" else "Who")
    noun = {
        AnswerType.COUNTRY: "country",
        AnswerType.ORGANISATION: "organisation",
        AnswerType.PLACE: role if role and role != "place" else "place",
    }.get(kind, "")
    if not noun:
        return ""
    return f"{prep} which {noun}" if prep else f"Which {noun}"


def _lower_subject(subject: str) -> str:
    first, _, rest = subject.partition(" ")
    return (first.lower() + (" " + rest if rest else "")) if first in _LOWER_FIRST else subject


def make_question(
    statement: str,
    answer: str,
    kind: AnswerType,
    precision: DatePrecision = DatePrecision.NONE,
    unit: str = "",
    role: str = "",
) -> str:
    """A question whose answer is ``answer``, built from ``statement``; "" when unsure."""
    if kind is AnswerType.ORDINAL or statement.count(answer) != 1:
        return ""
    body = statement.rstrip(". ")
    adverbial = ""
    lead = _ADVERBIAL_RE.match(body)
    if lead and answer not in lead.group(1):
        adverbial = lead.group(1)
        body = body[lead.end() :]
    elif (
        lead
        and lead.group(1).split()[0].lower() in ("in", "on", "from", "since", "as", "during")
        and (kind is AnswerType.DATE)
    ):
        prep = re.sub(r"\s+the$", "", lead.group(1)[: lead.group(1).index(answer)].strip().lower())
        wh = wh_phrase(kind, precision, unit, prep, role)
        question = _invert(body[lead.end() :], wh)
        return _finish(question, "", answer)
    start = body.find(answer)
    if start < 0:
        return ""
    end = start + len(answer)
    if (
        kind is AnswerType.NUMBER
        and unit
        and unit not in ("%", "US$", "€", "£", "¥")
        and body[end:].lstrip().startswith(unit)
    ):
        end = body.index(unit, end) + len(unit)
    before = body[:start]
    if kind is not AnswerType.DATE and (
        re.search(r"(?:,|\band)\s+(?:the\s+)?$", before)
        or re.match(r"\s*(?:,|\band\b)\s+(?:the\s+)?[A-Z]", body[end:])
    ):
        return ""  # one item of a list: the question would still name the others
    prep_match = re.search(rf"\b({'|'.join(_PREPS)})\s+(?:the\s+)?$", before, re.I)
    if kind is AnswerType.NUMBER:
        prep_match = None  # "amounted to €5 million" → "How much did … amount to?"
    prep = prep_match.group(1).lower() if prep_match else ""
    words_before = before.split()
    verb_index = find_verb(body.split())
    in_subject = verb_index is not None and len(words_before) <= verb_index
    if in_subject:
        wh = wh_phrase(kind, precision, unit, "", role)
        if not wh:
            return ""
        if kind is AnswerType.PERSON and words_before:
            wh = f"Which {role}" if role else ""
            if not wh:
                return ""
        elif words_before and not (len(words_before) == 1 and words_before[0].lower() in ("only", "the")):
            return ""
        question = wh + " " + body[end:].strip()
        return _finish(question, adverbial, answer)
    wh = wh_phrase(kind, precision, unit, prep, role)
    if not wh or (kind is AnswerType.PERSON and role and before.rstrip().endswith(role)):
        return ""  # "met President X": asking "Who did he meet President?" reads badly
    article = re.search(r"\bthe\s+$", before)
    cut_start = prep_match.start() if prep_match else article.start() if article else start
    remainder = (body[:cut_start] + " " + body[end:]).strip()
    remainder = re.sub(r"\s+,", ",", re.sub(r"\s{2,}", " ", remainder)).rstrip(", ")
    return _finish(_invert(remainder, wh), adverbial, answer)


def _invert(clause: str, wh: str) -> str:
    """Front ``wh`` and invert subject and verb: "Poland recognized X" → "On what date did Poland recognize X"."""
    words = clause.split()
    verb = find_verb(words)
    if verb is None or verb == 0:
        return ""
    subject_words = words[:verb]
    if any(w.strip(",").lower() in ("which", "who", "that", "whose") for w in subject_words) or any(
        w.endswith(",") for w in subject_words[:-1]
    ):
        return ""  # a relative clause or apposition in the subject: inversion would garble it
    later = [w.lower().strip(",") for w in words[verb + 1 :]]
    if any(w in ("was", "were", "is", "are") for w in later[: later.index("") if "" in later else 8]):
        return ""  # a second finite verb close behind: the first was probably a participle
    subject = _lower_subject(" ".join(subject_words))
    verb_word = words[verb].strip(",")
    rest = " ".join(words[verb + 1 :])
    following = words[verb + 1] if verb + 1 < len(words) else ""
    if verb_word.lower() in ("has", "have", "had") and not (
        following.endswith("ed") or following in ("been", "become")
    ):
        do = {"has": "does", "have": "do", "had": "did"}[verb_word.lower()]
        return f"{wh} {do} {subject} have {rest}".strip()
    if verb_word.lower() in AUXILIARIES:
        return f"{wh} {verb_word.lower()} {subject} {rest}".strip()
    base = base_form(verb_word)
    if base is None:
        return ""
    do = "does" if verb_word.lower().endswith("s") and not verb_word.lower().endswith("ed") else "did"
    return f"{wh} {do} {subject} {base} {rest}".strip()


def _finish(question: str, adverbial: str, answer: str) -> str:
    if not question:
        return ""
    question = question.rstrip(" ,.")
    if adverbial:
        adverbial = adverbial[0].lower() + adverbial[1:]
        question += " " + adverbial
    question = re.sub(r"\s{2,}", " ", question).strip()
    question = question[0].upper() + question[1:] + "?"
    return "" if answer.lower() in question.lower() else question
