"""Turn a statement and its answer span into a question stem that does not give the answer away.

"Poland recognized Kyrgyzstan on 27 December 1991" + "27 December 1991" → "On what date did
Poland recognize Kyrgyzstan?". When the grammar is beyond these rules the stem is "", and
question generation falls back to its own templates.
"""

from __future__ import annotations

import re

from .gazetteer import COUNTRIES, DEMONYMS
from .grammar import AUXILIARIES, base_form, find_verb
from .holes import find_hole
from .types import AnswerType, DatePrecision

_ADVERBIAL_RE = re.compile(
    r"^((?:In|On|From|During|After|Following|As of|According to|Since|By|At|Before|Until)\b[^,]{1,80}),\s+"
)
_TIME_OPENER = re.compile(r"^(At present|Currently|Today|Nowadays|Now),?\s+")
_PREPS = ("on", "in", "from", "since", "to", "at", "with", "by", "during", "as of", "into", "upon")
# Closed-class words that are capitalised only because they open the sentence.
_LOWER_FIRST = frozenset(
    [
        "The",
        "A",
        "An",
        "Several",
        "Some",
        "Many",
        "Only",
        "Both",
        "Most",
        "Over",
        "Nearly",
        "About",
        "There",
        "It",
        "Its",
        "This",
        "These",
        "Those",
        "Almost",
        "All",
        "Each",
        "Every",
        "Few",
        "More",
        "Less",
        "Much",
        "Such",
        "Another",
        "Other",
        "Various",
        "Numerous",
        "Small",
        "Large",
        "Further",
        "Also",
        "Still",
    ]
)
# Capitalised function words that, inside a question, betray an unmoved sentence opening.
_STRAY_CAPITALS = frozenset(
    [
        "The",
        "A",
        "An",
        "It",
        "Its",
        "There",
        "This",
        "These",
        "Those",
        "They",
        "He",
        "She",
        "His",
        "Her",
        "At",
        "In",
        "On",
        "From",
        "During",
        "After",
        "Since",
        "As",
    ]
)
_DANGLING_END = re.compile(
    r"\b(?:the|a|an|and|or|than|which|that|number|was|were|is|are|its|their|his|her)\s*\?$",
    re.I,
)
_WH_START = re.compile(
    r"^(?:(?:In|On|From|Since|To|By|With|At|During|As of|For|Of|Into|Until|Before|After|Among|"
    r"From its \w+ in)\s+(?:what|which|whom|whose)\b)"
    r"|^(?:What|Which|Who|Whom|How|When|Where|Whose)\b"
    r"|^(?:Name one|Which)\b"
)


def wh_phrase(kind: AnswerType, precision: DatePrecision, unit: str, preposition: str, role: str) -> str:
    """The question phrase that stands for an answer of this kind ("On what date", "How many Poles")."""
    prep = preposition.capitalize()
    if kind is AnswerType.DATE:
        if precision is DatePrecision.DAY and prep == "Between":
            return "When"  # a span of days: "from 23 to 26 May 2002"
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
        AnswerType.COUNTRY: "state" if role == "state" else "country",
        AnswerType.ORGANISATION: "organisation",
        AnswerType.PLACE: role if role and role != "place" else "place",
    }.get(kind, "")
    if not noun:
        return ""
    return f"{prep} which {noun}" if prep else f"Which {noun}"


def _is_common_word(word: str, common_words: frozenset[str]) -> bool:
    """Is a sentence-initial capitalised ``word`` an ordinary word rather than (part of) a name?

    Closed-class words always are; other words are when the document itself writes them in lower
    case somewhere ("Bilateral relations …" when "bilateral" appears later), unless they are a
    demonym or a country ("Polish", "Peru"), which English capitalises everywhere.
    """
    bare = word.strip(",")
    if bare in _LOWER_FIRST:
        return True
    if bare in DEMONYMS or bare in COUNTRIES or not bare[:1].isupper() or bare.isupper():
        return False
    return bare.lower() in common_words


def lower_first(text: str, common_words: frozenset[str] = frozenset()) -> str:
    """Lower-case the first word of a clause moved inside a question, when it is not a name."""
    first, _, rest = text.partition(" ")
    if not first or not _is_common_word(first, common_words):
        return text
    return first.lower() + (" " + rest if rest else "")


def make_question(
    statement: str,
    answer: str,
    kind: AnswerType,
    precision: DatePrecision = DatePrecision.NONE,
    unit: str = "",
    role: str = "",
    common_words: frozenset[str] = frozenset(),
) -> str:
    """A question whose answer is ``answer``, built from ``statement``; "" when unsure.

    ``common_words`` are words the document writes in lower case: they tell a sentence-initial
    "Bilateral" (lower-cased once it moves behind the question word) from a name ("Chopol").
    """
    raw = _draft_question(statement, answer, kind, precision, unit, role)
    return validate_question(_lower_inner_subject(raw, common_words), answer)


def _lower_inner_subject(question: str, common_words: frozenset[str]) -> str:
    """ "How much did Turnover of goods …" → "How much did turnover of goods …"."""
    m = re.match(
        r"^(.*?\b(?:did|does|do|was|were|is|are|has|have|had|can|could|will|would)\s+)(\S+)(.*)$", question
    )
    if not m or not _is_common_word(m.group(2), common_words):
        return question
    return m.group(1) + m.group(2).lower() + m.group(3)


def validate_question(question: str, answer: str) -> str:
    """``question`` when it reads as a grammatical, self-contained question; "" otherwise.

    The checks catch the ways rule-built stems go wrong: a wh-phrase not at the front ("In early
    which year"), dangling words ("… full members of the?"), leftovers of a removed answer ("( )",
    "(later )", doubled words, " ,"; see holes.py), an adverbial where the subject should be ("did for
    the first time X gain"), a sentence opening left capitalised mid-question ("are At
    present there"), two finite verbs after do-support, pronouns that lost their antecedent, or the
    answer itself. Generation derives its own stem from the statement when this returns "".
    """
    q = question.strip()
    if not q or not q.endswith("?") and not q.startswith("Name one"):
        return ""
    if answer and answer.lower() in q.lower():
        return ""
    if not _WH_START.match(q) or _DANGLING_END.search(q) or re.search(r"\bwhich number\b", q, re.I):
        return ""
    if find_hole(q) or re.search(r"[:;]|\s['’]s\b", q):
        return ""
    if re.search(r"\b(?:did|does|do)\s+(?:for|in|on|at|by|from|with|during|after|before|since|until)\s", q):
        return ""  # "did for the first time … Chile gain": an adverbial left where the subject belongs
    if re.search(r"\b(\w+)\s+\1\b", q, re.I) or q.count("(") != q.count(")") or q.count('"') % 2:
        return ""
    if re.search(r"\b(?:the|a|an)\s+(?:was|were|is|are|did|does|has|have|had|of|and|the)\b", q, re.I):
        return ""
    if _unmoved_capital(q) or len(q.split()) > 25 or re.search(r"\b(?:by|on|at|for|in)\s+\w+\s+of\?$", q):
        return ""
    if q.startswith("Who ") and re.search(r"\b(?:his|her)\b", q):
        return ""  # the person was the pronoun's antecedent: "Who met his wife …" points nowhere
    do_support = re.search(r"\b(?:did|does|do)\s+\S+.*?$", q)
    if do_support and re.search(
        r"\b(?:was|were|is|are|has|have been)\b|\band\s+\w+ed\b", do_support.group(0)[3:]
    ):
        return ""  # "did … were", "did X take over … and expelled …": the clause held two verbs
    if re.search(r"\b(?:do|does|did)\s+.*\bhave\s+(?:\w+ly\s+)?(?:had|been|\w+ed)\b", q):
        return ""
    return q


def _unmoved_capital(question: str) -> bool:
    """A capitalised function word after the first word ("… are At present there …")."""
    outside = re.sub(r'"[^"]*"|“[^”]*”|\([^)]*\)', " ", question)
    words = outside.split()
    return any(w.strip(",") in _STRAY_CAPITALS for w in words[1:])


def _draft_question(
    statement: str,
    answer: str,
    kind: AnswerType,
    precision: DatePrecision,
    unit: str,
    role: str,
) -> str:
    """The rule-built stem before validation; may be ungrammatical."""
    if kind is AnswerType.ORDINAL or statement.count(answer) != 1:
        return ""
    body = statement.rstrip(". ")
    adverbial = ""
    time_word = _TIME_OPENER.match(body)
    if time_word and answer not in time_word.group(0):
        adverbial, body = time_word.group(1), body[time_word.end() :]
    lead = None if adverbial else _ADVERBIAL_RE.match(body)
    if lead and answer not in lead.group(1):
        adverbial = lead.group(1)
        body = body[lead.end() :]
    elif (
        lead
        and lead.group(1).split()[0].lower() in ("in", "on", "from", "since", "as", "during")
        and (kind is AnswerType.DATE)
    ):
        prep = re.sub(r"\s+the$", "", lead.group(1)[: lead.group(1).index(answer)].strip().lower())
        if re.search(r"\d\s*(?:to|[–-])\s*\d", answer) and precision is DatePrecision.DAY:
            prep = "between"
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
    note = re.match(r"\s*\([^()]*\)", body[end:])
    if note:
        end += note.end()  # "Prussia (later Germany)": the note is about the answer and goes with it
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
    if (
        kind is AnswerType.DATE
        and precision is DatePrecision.DAY
        and re.search(r"\d\s*(?:to|[–-])\s*\d", answer)
    ):
        prep = "between"  # "from 6 to 8 September 2017" is a span: "When did …", not "From what date"
    if (
        kind in (AnswerType.PLACE, AnswerType.COUNTRY)
        and prep == "in"
        and re.search(r"\b[A-Z][\w'’-]*\s+$", before[: prep_match.start()])
    ):  # type: ignore[union-attr]
        return ""  # "the Polish Embassy in Pyongyang": the place belongs to a name, not to the verb
    words_before = before.split()
    if re.search(r"\b(?:that|which|who|whom|whose)\b", before):
        return ""  # the answer sits in a relative clause: fronting it would tear the clause apart
    if re.search(r",\s+[a-z]+ing\b[^,]*$", before):
        return ""  # in a participle clause (", losing their independence to Russia"): same problem
    verb_index = find_verb(body.split())
    in_subject = verb_index is not None and len(words_before) <= verb_index
    if in_subject:
        wh = wh_phrase(kind, precision, unit, "", role)
        if kind is AnswerType.DATE:
            wh = re.sub(r"^In which", "Which", wh)  # "2012 marks …" → "Which year marks …"
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
    if subject_words[0].lower() in _PREPS:
        return ""  # "In the middle of the century the epos was …": an unmarked adverbial, not a subject
    if any(w.strip(",").lower() in ("which", "who", "that", "whose") for w in subject_words) or any(
        w.endswith(",") for w in subject_words[:-1]
    ):
        return ""  # a relative clause or apposition in the subject: inversion would garble it
    later = [w.lower().strip(",") for w in words[verb + 1 :]]
    if any(w in ("was", "were", "is", "are") for w in later[: later.index("") if "" in later else 8]):
        return ""  # a second finite verb close behind: the first was probably a participle
    subject = lower_first(" ".join(subject_words))
    verb_word = words[verb].strip(",")
    rest = " ".join(words[verb + 1 :])
    following = words[verb + 1] if verb + 1 < len(words) else ""
    after_adverb = words[verb + 2] if following.endswith("ly") and verb + 2 < len(words) else following
    if verb_word.lower() in ("has", "have", "had") and not (
        after_adverb.endswith("ed") or after_adverb in ("been", "become", "had")
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
