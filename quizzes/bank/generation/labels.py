"""What the parser says a name is in its own sentence, and which names a sentence lists together.

Distractors are drawn from the fact base's answers. Two checks on the statements' parses keep the
options fair:

- a candidate must be a name of the answer's fine kind where it was found: "Church" or "Partition",
  capitalised at a sentence start, are not persons, so the entity recogniser's label of the candidate
  in its source sentence must fit the question's answer type (:func:`fits_answer_type`);
- a candidate the text lists beside the answer for the same predicate ("partitioned by Russia,
  Prussia and Austria", "members of the OECD and the WTO") is true too, never a wrong option
  (:func:`listed_with`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from facts.extraction.types import AnswerType, FactData
from facts.language.text import contains_phrase, fold
from quizzes.bank.generation.basecache import per_base
from quizzes.bank.generation.gate import parse_cached

# The recogniser's labels each answer type may carry.
_LABELS: dict[AnswerType, frozenset[str]] = {
    AnswerType.PERSON: frozenset({"PERSON"}),
    AnswerType.COUNTRY: frozenset({"GPE", "NORP", "LOC"}),
    AnswerType.PLACE: frozenset({"GPE", "LOC", "FAC"}),
    AnswerType.ORGANISATION: frozenset({"ORG", "NORP", "FAC", "PRODUCT"}),
}


def _span(fact: FactData):  # noqa: ANN202
    m = re.search(r"(?<!\w)" + re.escape(fact.answer.strip()) + r"(?!\w)", fact.statement, re.I)
    if m is None:
        return None
    return parse_cached(fact.statement).char_span(m.start(), m.end(), alignment_mode="expand")


def entity_label(fact: FactData) -> str:
    """The recogniser's label of the fact's answer in its statement; "" when it marks no name there."""
    span = _span(fact)
    if span is None:
        return ""
    labels = [t.ent_type_ for t in span if t.ent_type_]
    return max(set(labels), key=labels.count) if labels else ""


# Labels that say a name is surely not of the type (the small model mixes people with ORG and WORK_OF_ART,
# so those two never count against a person).
_SURELY_NOT: dict[AnswerType, frozenset[str]] = {
    AnswerType.PERSON: frozenset(
        {"GPE", "LOC", "FAC", "LAW", "PRODUCT", "DATE", "EVENT", "MONEY", "CARDINAL"}
    ),
    AnswerType.PLACE: frozenset({"PERSON", "DATE", "LAW", "MONEY", "CARDINAL"}),
    AnswerType.COUNTRY: frozenset({"PERSON", "DATE", "LAW", "MONEY", "CARDINAL"}),
}


def contradicts_type(fact: FactData, base: Sequence[FactData]) -> bool:
    """Whether every sentence that names the answer has the recogniser read it as something the answer
    type cannot be ("Article V" or "Fort Erie" typed as a person): then no question asks "who"."""
    surely_not = _SURELY_NOT.get(fact.answer_type)
    if surely_not is None:
        return False
    facts = [
        fact,
        *[f for f in sources(base).get(fold(fact.answer), ()) if f.statement != fact.statement][:4],
    ]
    labels = [entity_label(f) for f in facts]
    return bool(labels) and all(label in surely_not for label in labels)


def fits_answer_type(candidate_fact: FactData, answer_type: AnswerType, answer_label: str) -> bool:
    """Whether the candidate, as its own sentence uses it, is a name of ``answer_type``.

    A person needs a PERSON label (a capitalised common word has none); a place or a body is refused
    only when its label says it surely is something else. A label the answer itself carries is accepted too (the recogniser may call a fort an ORG; its
    rivals then are ORGs as well). Types without a recogniser label (dates, numbers, other) always fit.
    """
    wanted = _LABELS.get(answer_type)
    if wanted is None:
        return True
    label = entity_label(candidate_fact)
    if (
        answer_type is not AnswerType.PERSON
    ):  # places and bodies: the small model often leaves them unlabelled
        return label not in _SURELY_NOT.get(answer_type, frozenset()) or label == answer_label
    return bool(label) and (label in wanted or label == answer_label)


@per_base
def sources(base: tuple[FactData, ...]) -> dict[str, tuple[FactData, ...]]:
    """The base's facts by folded answer: where each candidate name comes from."""
    found: dict[str, list[FactData]] = {}
    for f in base:
        found.setdefault(fold(f.answer), []).append(f)
    return {name: tuple(facts) for name, facts in found.items()}


# Legal forms that end a company's name: such a name is never a person's, whatever the recogniser says.
COMPANY_FORMS = frozenset(
    {"oy", "oyj", "ab", "as", "asa", "ltd", "inc", "plc", "gmbh", "ag", "sa", "spa", "bv", "nv", "llc", "co"}
)


def is_company_name(name: str) -> bool:
    words = fold(name).replace(".", "").split()
    return len(words) > 1 and words[-1] in COMPANY_FORMS


def named_as_kind(
    candidate: str, answer_type: AnswerType, answer_label: str, base: Sequence[FactData]
) -> bool:
    """A candidate the base gives as an answer is kept only where some sentence of it names it as a
    name of the answer's kind; a name the base never gives as an answer (a gazetteer's) is kept."""
    if answer_type is AnswerType.PERSON and is_company_name(candidate):
        return False
    facts = sources(base).get(fold(candidate), ())
    if not facts:
        return True
    return any(fits_answer_type(f, answer_type, answer_label) for f in facts[:3])


def listed_with(fact: FactData, base: Sequence[FactData]) -> frozenset[str]:
    """Folded names the statements list beside the fact's answer (its conjuncts in the parse): in the
    fact's own statement, and in any statement of the same document that names the answer too."""
    listed: set[str] = set()
    statements = [fact.statement] + [
        f.statement
        for f in base
        if f.document == fact.document
        and f.statement != fact.statement
        and contains_phrase(f.statement, fact.answer)
    ]
    for statement in dict.fromkeys(statements):
        m = re.search(r"(?<!\w)" + re.escape(fact.answer.strip()) + r"(?!\w)", statement, re.I)
        if m is None:
            continue
        span = parse_cached(statement).char_span(m.start(), m.end(), alignment_mode="expand")
        if span is None:
            continue
        root = span.root
        others = list(root.conjuncts)
        if root.dep_ == "pobj" and root.head.head.i != root.head.i:
            # "members of X and Y" is often parsed as "(members of X) and Y": Y hangs on "members".
            others += [t for t in root.head.head.conjuncts if t.pos_ == "PROPN"]
        for other in others:
            listed.add(fold(" ".join(t.text for t in _name_tokens(other))))
    return frozenset(listed)


def _name_tokens(token):  # noqa: ANN001, ANN202
    """The name a conjunct stands for: the token and the words of its subtree just before it
    ("Northern Water Union"), without the article."""
    doc = token.doc
    inside = {t.i for t in token.subtree}
    start = token.i
    while start - 1 in inside and doc[start - 1].dep_ not in ("det", "punct", "cc", "prep", "poss"):
        start -= 1
    return list(doc[start : token.i + 1])
