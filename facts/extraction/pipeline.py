"""From a parsed document to atomic facts: blocks → sentences → clauses → claims → facts.

Each step is a small pure function; this module only wires them in document order and
turns claims into FactData with typed answers, provenance and a question stem.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from functools import partial

from facts.language import nlp
from facts.language.dates import find_dates
from facts.language.nlp import Analysis
from facts.language.numbers import find_numbers

from .claims import Claim
from .clauses import split_clauses
from .confidence import Doubt, confidence
from .coref import Context, new_section, parties_from_title, resolve, unresolved_reference, update
from .entities import Entity, find_entities
from .grammar import find_verb, is_finite_verb, make_singular_agreement, sentence_case
from .holes import find_hole, repair_holes
from .markup import SUBSECTION_SEPARATOR
from .questions import make_question, validate_question
from .rules.distributive import distributive_claims
from .rules.enumerations import enumeration_claims
from .rules.missions import infobox_envoy_claims, infobox_mission_claim, mission_claims
from .rules.ordinals import ORDINAL, ordinal_claims
from .rules.respectively import respectively_claims
from .rules.visits import Direction, visit_claims, visit_direction
from .sentences import split_sentences
from .types import AnswerType, Block, DatePrecision, FactData, ParsedDocument

_SKIPPED_SECTIONS = re.compile(
    r"^(?:see also|references|external links|further reading|notes|sources)$", re.I
)
_ORDINAL_RE = re.compile(
    rf"\bthe\s+(?P<ord>{ORDINAL})\s+(?:largest|biggest|smallest|highest|most|anniversary)\b"
)
_LIST_GAP = re.compile(r",?\s*(?:and\s+|or\s+)?(?:the\s+)?")


def block_texts(doc: ParsedDocument) -> list[str]:
    """The texts the language layer parses for ``doc``: its paragraphs and list items, in order."""
    return [b.text for b in doc.blocks if b.kind != "infobox"]


def extract_facts(doc: ParsedDocument, analyses: Sequence[Analysis] | None = None) -> list[FactData]:
    """All atomic facts of ``doc`` in document order, each (statement, answer) pair once.

    ``analyses`` are the language layer's parses of ``block_texts(doc)``; when not given they are made here
    (in one batch). Pass them to parse many documents in one batch, or to feed a test by hand.
    """
    if analyses is None:
        analyses = nlp.analyse(block_texts(doc))
    ctx = Context(parties=parties_from_title(doc.title) or _parties_from_infobox(doc.infobox))
    ctx.registry.countries.update(ctx.parties)  # "Freedonia" is a country even if no atlas lists it
    ctx.registry.names.update(name_lexicon(analyses))
    common_words = frozenset(re.findall(r"(?<![\w'’-])[a-z][a-z]+(?![\w'’-])", doc.text))
    ctx.registry.common_words = common_words
    facts: list[FactData] = []
    seen: set[tuple[str, str]] = set()

    def emit(block: Block, start: int, end: int, claims: list[Claim], doubts: tuple[Doubt, ...] = ()) -> None:
        for claim in claims:
            for fact in _facts_from_claim(
                claim, block.section, start, end, ctx, doc.title, common_words, doubts
            ):
                key = (fact.statement.lower(), fact.answer.lower())
                if key not in seen:
                    seen.add(key)
                    facts.append(fact)

    list_headings = {b.heading for b in doc.blocks if b.kind == "item" and b.heading}
    envoys = [(_infobox_span(doc.blocks, c), c) for c in infobox_envoy_claims(doc.infobox)]
    section = None
    for block in doc.blocks:
        if block.section != section:
            section = block.section
            new_section(ctx)
        if _SKIPPED_SECTIONS.match(block.section.partition(SUBSECTION_SEPARATOR)[0].strip()):
            continue
        if block.kind == "infobox":
            for (start, end), claim in envoys:
                if start == block.start:  # in document order: where the envoy's lines begin
                    emit(block, start, end, [claim])
            key, _, value = block.text.partition(":")
            is_mission = re.fullmatch(r"Mission\d*", key.strip(), re.I)
            claim = infobox_mission_claim(value, ctx.parties) if is_mission else None
            if claim:
                emit(block, block.start, block.end, [claim])
            continue
        if block.kind == "paragraph" and _is_bare_list_heading(block, list_headings, ctx.parties):
            continue
        if block.kind == "item":
            direction = _visit_direction_of(block, ctx.parties)
            visits = visit_claims(block.text, direction) if direction and block.depth == 0 else []
            if visits:
                emit(block, block.start, block.end, visits)
                continue
        sentences = split_sentences(block.text, block.start)
        is_item = block.kind == "item" and bool(sentences)
        keyed = _keyed_item_claim(block, doc.blocks, sentences[0].text) if is_item else None
        if keyed:
            first = sentences.pop(0)
            emit(
                block,
                first.start if sentences else block.start,
                first.end if sentences else block.end,
                [keyed],
            )
        for sentence in sentences:
            previous = ""
            for clause in split_clauses(sentence.text):
                plain = strip_discourse_marker(clause)
                resolved = resolve(_it_from_previous(plain, previous), ctx)
                doubts = _reference_doubts(plain, resolved)
                emit(block, sentence.start, sentence.end, _claims_for(resolved, ctx), doubts)
                update(ctx, resolved)
                previous = resolved
    return facts


_NAME_LABELS = frozenset(
    {"PERSON", "GPE", "LOC", "FAC", "ORG", "NORP", "WORK_OF_ART", "EVENT", "LAW", "PRODUCT"}
)


def name_lexicon(analyses: Sequence[Analysis]) -> dict[str, str]:
    """Every name the recogniser found in the document → its most frequent label there.

    One label per name for the whole document, so "Sverdrup" is the same kind of thing in every sentence;
    a leading "the" and a possessive "'s" are not part of the name.
    """
    votes: dict[str, Counter[str]] = {}
    for analysis in analyses:
        for name in analysis.names:
            if name.label not in _NAME_LABELS:
                continue
            text = re.sub(r"^(?:the|The)\s+|['’]s?$", "", name.text.strip()).strip(" ,.;:")
            if text and "\n" not in text:
                votes.setdefault(text, Counter())[name.label] += 1
    return {text: counts.most_common(1)[0][0] for text, counts in votes.items()}


def _reference_doubts(clause: str, resolved: str) -> tuple[Doubt, ...]:
    """A clause whose opening pronoun was rewritten is a guess; one whose "both nations" was, a smaller doubt."""
    if resolved == clause:
        return ()
    if re.match(r"^(?:They|It|Its|Their)\b", clause) and not re.match(r"^(?:They|It|Its|Their)\b", resolved):
        return (Doubt.REFERENCE_GUESSED,)
    return (Doubt.REFERENCE_RESOLVED,)


_LEADING_ADVERBIAL = re.compile(
    r"^(?:In|On|From|During|After|Following|As of|Since|By|At|Before|Until)\b[^,]{1,80},\s+"
)
_PRONOUNS = frozenset(
    {"it", "its", "they", "their", "he", "she", "his", "her", "this", "these", "that", "those"}
)


def _it_from_previous(clause: str, previous: str) -> str:
    """ "…, trade between A and B continued to grow and it totaled $5 million": "it" is that trade.

    Within one sentence, a clause opening with "it" and a verb refers to the subject of the clause
    before it; the subject is the words before that clause's verb, once a leading "In 2022," is set aside.
    """
    m = re.match(r"^[Ii]t\s+(?=(\S+))", clause)
    if not m or not previous or not is_finite_verb(m.group(1), "it"):
        return clause
    body = _LEADING_ADVERBIAL.sub("", previous)
    words = body.split()
    verb = find_verb(words)
    subject = words[:verb] if verb else []
    if not 1 <= len(subject) <= 8 or any(w.lower().strip(",") in _PRONOUNS for w in subject):
        return clause
    if any(w.endswith(",") for w in subject):
        return clause
    name = " ".join(subject)
    return name[:1].upper() + name[1:] + " " + clause[m.end() :]


def _visit_direction_of(block: Block, parties: tuple[str, ...]) -> Direction | None:
    """Who visited whom in a list item: from the line introducing the list, or with the (sub)section titles.

    The nearest text wins; titles are joined to the heading when only together they name both the
    visits and the countries.
    """
    titles = block.section.split(SUBSECTION_SEPARATOR)
    candidates = [block.heading] if block.heading else []
    # "== Visits ==" over "=== From Poland to Freedonia ===" or over "From Poland to Freedonia:"
    candidates += [f"{' '.join(titles[i:])} {block.heading}".strip() for i in reversed(range(len(titles)))]
    for text in candidates:
        direction = visit_direction(text, parties)
        if direction:
            return direction
    return None


def _is_bare_list_heading(block: Block, list_headings: set[str], parties: tuple[str, ...]) -> bool:
    """Is this paragraph only the title of the list below it ("Visits of Polish leaders to Freedonia:")?

    Such a line is a caption, not a claim: it has no finite verb, or it is a visit heading whose
    content the list items state in full. A line that introduces a list but says something
    ("Trade grew in 2017; main items:") still gives facts.
    """
    if block.text.strip() not in list_headings:
        return False
    return find_verb(block.text.split()) is None or visit_direction(block.text, parties) is not None


_CAPTION_WORDS = frozenset({"of", "the", "and", "de", "y", "la", "von", "van", "as", "in", "on"})


def _opens_with_a_loose_pronoun(statement: str) -> bool:
    """ "It totaled $5 million in 2022.": coreference found no antecedent, so the claim cannot stand alone.

    "It is known … that …" is an impersonal opening, not a reference, and is left alone.
    """
    m = re.match(r"^(?:It|They|He|She)\s+(\S+)", statement)
    if not m or not is_finite_verb(m.group(1), "it"):
        return False
    return not re.match(r"^It (?:is|was)\b.*\bthat\b", statement)


def is_caption(statement: str) -> bool:
    """Is ``statement`` a label rather than a claim ("President Lech Wałęsa (1994).", "As of 2017.")?

    With its dates and numbers taken out, a label is only names and connecting words: nothing says
    what happened, so it cannot stand alone in front of a learner.
    """
    spans = [(d.start, d.end) for d in find_dates(statement)] + [
        (n.start, n.end) for n in find_numbers(statement)
    ]
    rest = statement
    for start, end in sorted(spans, reverse=True):
        rest = rest[:start] + " " + rest[end:]
    words = re.findall(r"[^\W\d_][\w'’.-]*", rest)
    return bool(words) and all(w[0].isupper() or w.lower() in _CAPTION_WORDS for w in words)


def _infobox_span(blocks: tuple[Block, ...], claim: Claim) -> tuple[int, int]:
    """The infobox lines a claim was read from (the envoy's name and title), as one span."""
    lines = [
        b
        for b in blocks
        if b.kind == "infobox"
        and re.fullmatch(r"Envoy(?:title)?\d*", b.text.partition(":")[0].strip(), re.I)
        and (value := b.text.partition(":")[2].strip())
        and value in claim.text
    ]
    if not lines:
        first = next(b for b in blocks if b.kind == "infobox")
        return first.start, first.end
    return min(b.start for b in lines), max(b.end for b in lines)


_KEYED_ITEM = re.compile(
    r"^(?P<key>[A-Z][\w\s-]{1,40}?):\s+(?P<value>(?:[^.;(]|(?<=\d)\.(?=\d))+?)[\s,.]*(?:\(.*\))?[\s,.]*(?:and)?\s*$"
)


def _keyed_item_claim(block: Block, blocks: tuple[Block, ...], first_sentence: str) -> Claim | None:
    """ "Polyethylene: €540 thousand" under "Polish imports: …" → "Polish imports of polyethylene amounted to …".

    Only the item's first sentence is read ("Polish imports: €1.7 million. Most of it was …"), after
    a broken source template in it is dropped; the caller reads the other sentences as prose.
    """
    m = _KEYED_ITEM.match(repair_holes(first_sentence))
    if not m or not find_numbers(m.group("value")):
        return None
    subject = m.group("key").strip()
    if block.depth > 0:
        parent = next(
            (
                b
                for b in reversed(blocks[: blocks.index(block)])
                if b.kind == "item" and b.depth < block.depth
            ),
            None,
        )
        parent_key = re.match(r"^(?P<key>[A-Z][\w\s-]{1,40}?):", parent.text) if parent else None
        if parent_key:
            subject = f"{parent_key.group('key').strip()} of {subject.lower()}"
    as_of = re.search(r"\b(?:As of|In) (\d{4})\b", block.heading)
    lead = f"As of {as_of.group(1)}, " if as_of else ""
    return Claim(sentence_case(f"{lead}{subject} amounted to {m.group('value').strip()}"))


_DISCOURSE_MARKER = re.compile(
    r"^(?:(?:So|Thus|Hence|Therefore|Moreover|However|Furthermore|In addition|Additionally|Also|Nevertheless|"
    r"Consequently|As a result|Indeed|Taking (?:this|that|these) into account),\s+"
    r"|It is (?:also |further )?(?:notable|noteworthy|known|worth noting|said|reported|believed) that\s+)"
)


def strip_discourse_marker(clause: str) -> str:
    """Drop an opening that links to the previous sentence ("So, …", "It is also notable that …").

    Such openings make a statement lean on its neighbour; the claim reads on its own without them.
    """
    stripped = _DISCOURSE_MARKER.sub("", clause, count=1)
    return stripped[:1].upper() + stripped[1:] if stripped else clause


def _parties_from_infobox(infobox: dict[str, str]) -> tuple[str, ...]:
    parties = tuple(v for k, v in sorted(infobox.items()) if re.fullmatch(r"Party\d", k))
    return parties if len(parties) == 2 else ()


def _claims_for(clause: str, ctx: Context) -> list[Claim]:
    """The focused claims special rules make of a clause, then the clause itself for what is left."""
    for rule in (
        partial(mission_claims, parties=ctx.parties),
        respectively_claims,
        enumeration_claims,
        ordinal_claims,
        distributive_claims,
    ):
        claims = rule(clause)
        if claims:
            return claims
    listed = _list_claims(clause, ctx)
    whole = Claim(sentence_case(clause), focus=())
    if listed:
        covered = tuple(a for c in listed for a in c.focus)
        return [*listed, Claim(whole.text, focus=("!",) + covered)]  # "!" marks an exclusion list
    return [whole]


def _list_claims(clause: str, ctx: Context) -> list[Claim]:
    """One claim per item of a coordinated list of names ("members of A, B and C")."""
    entities = [e for e in find_entities(clause, ctx.registry) if e.kind is not AnswerType.OTHER]
    claims: list[Claim] = []
    i = 0
    while i < len(entities):
        j = i
        while (
            j + 1 < len(entities)
            and entities[j + 1].kind is entities[i].kind
            and _LIST_GAP.fullmatch(clause[entities[j].end : _item_start(clause, entities[j + 1])])
        ):
            j += 1
        group = entities[i : j + 1]
        if len(group) >= 2 and not all(
            e.kind is AnswerType.COUNTRY and e.canonical in ctx.parties for e in group
        ):
            claims.extend(_distribute(clause, group))
        i = j + 1
    return claims


def _item_start(clause: str, entity: Entity) -> int:
    """Where a list item starts, including the office before a person's name."""
    if entity.kind is AnswerType.PERSON and entity.role:
        role_start = clause.rfind(entity.role, 0, entity.start)
        if role_start >= 0 and not clause[role_start + len(entity.role) : entity.start].strip():
            return role_start
    return entity.start


def _distribute(clause: str, group: list[Entity]) -> list[Claim]:
    start, end = _item_start(clause, group[0]), group[-1].end
    both = re.search(r"\b(?:both|either)\s+(?=(?:the\s+)?$)", clause[:start], re.I)
    if both:  # "membership in both the A and the B" → "membership in the A"
        clause = clause[: both.start()] + clause[both.end() :]
        shift = both.end() - both.start()
        start, end = start - shift, end - shift
        group = [replace(e, start=e.start - shift, end=e.end - shift) for e in group]
    before = clause[:start]
    article = re.search(r"\b(?:the|The)\s+$", before)
    is_subject = not before.strip() or bool(re.fullmatch(r"(?:[A-Z][^,]*,\s*)?(?:the\s+|The\s+)?", before))
    claims = []
    after = clause[end:]
    note = re.match(r"\s*\([^()]*\)", after)  # "Prussia (later Germany)": said of the last item only
    for entity in group:
        item = clause[_item_start(clause, entity) : entity.end]
        tail = after[note.end() :] if note and entity is not group[-1] else after
        text = clause[:start] + item + tail
        if is_subject:
            text = make_singular_agreement(text)
        if article and item.startswith(("the ", "The ")):
            text = clause[: article.start()] + item + tail
        claims.append(
            Claim(sentence_case(text), focus=(entity.text,), kinds=((entity.text, group[0].kind.value),))
        )
    return claims


def _kind_doubts(entity: Entity) -> tuple[Doubt, ...]:
    """How well the name's kind is vouched for: by both the recogniser and the rules, by one, or disputed."""
    if entity.source == "disputed":
        return (Doubt.KIND_DISPUTED,)
    if entity.source == "recogniser" or (
        entity.kind is AnswerType.PERSON and not entity.role and entity.source == "rules"
    ):
        return (Doubt.KIND_UNCONFIRMED,)
    return ()


def _allowed(claim: Claim, answer: str) -> bool:
    if not claim.focus:
        return True
    if claim.focus[0] == "!":
        return answer not in claim.focus[1:]
    return answer in claim.focus


def _facts_from_claim(
    claim: Claim,
    section: str,
    start: int,
    end: int,
    ctx: Context,
    title: str,
    common_words: frozenset[str] = frozenset(),
    doubts: tuple[Doubt, ...] = (),
) -> list[FactData]:
    """Every askable answer in the claim's statement, typed, with its provenance and question.

    A statement that still holds several answers of one kind (two dates, two amounts) makes more
    than one claim; its facts keep the statement, but get no rule-built stem: asking for one date
    while the stem names the other reads badly, so generation derives the question instead.
    """
    text = repair_holes(claim.text)
    if find_hole(text) or is_caption(text) or _opens_with_a_loose_pronoun(text) or unresolved_reference(text):
        return []  # a gap ("both the and the") or a bare label would be shown to learners as it is
    dates = find_dates(text)
    numbers = find_numbers(text)
    crowded = {AnswerType.DATE: len(dates) > 1, AnswerType.NUMBER: len(numbers) > 1}
    kinds = dict(claim.kinds)
    roles = dict(claim.roles)
    stems = dict(claim.questions)
    base = {"section": section, "source_start": start, "source_end": end, "document": title}
    facts: list[FactData] = []
    taken: list[tuple[int, int]] = []

    long = (Doubt.LONG,) if len(text.split()) > 45 else ()

    def add(
        answer: str, kind: AnswerType, span: tuple[int, int], extra: tuple[Doubt, ...] = (), **values: object
    ) -> None:
        if not answer or not _allowed(claim, answer) or any(span[0] < e and s < span[1] for s, e in taken):
            return
        taken.append(span)
        fact_doubts = doubts + long + extra
        if crowded.get(kind):
            fact_doubts += (Doubt.CROWDED,)
        if kind is AnswerType.OTHER:
            fact_doubts += (Doubt.UNTYPED,)
        role = roles.get(answer, str(values.pop("role", "")))
        if answer in stems:
            question = validate_question(stems[answer], answer)
        elif crowded.get(kind):
            question = ""
        else:
            question = make_question(
                text,
                answer,
                kind,
                values.get("date_precision", DatePrecision.NONE),  # type: ignore[arg-type]
                str(values.get("unit", "")),
                role,
                common_words,
            )
        facts.append(
            FactData(
                statement=text,
                answer=answer,
                answer_type=kind,
                role=role,
                question=question,
                confidence=confidence(fact_doubts),
                **base,
                **values,
            )  # type: ignore[arg-type]
        )

    for d in dates:
        add(
            d.text,
            AnswerType.DATE,
            (d.start, d.end),
            date=d.iso,
            date_precision=d.precision,
            date_end=d.iso_end,
        )
    for m in _ORDINAL_RE.finditer(text):
        add(m.group("ord"), AnswerType.ORDINAL, (m.start("ord"), m.end("ord")))
    for n in numbers:
        add(n.text, AnswerType.NUMBER, (n.start, n.end), number=n.value, unit=n.unit, qualifier=n.qualifier)
    for e in find_entities(text, ctx.registry):
        kind = AnswerType(kinds[e.text]) if e.text in kinds else e.kind
        if kind is AnswerType.COUNTRY and (e.canonical in ctx.parties or e.text in ctx.parties):
            continue  # the article's own two countries are in every question: nothing to ask
        if kind is AnswerType.OTHER and not claim.focus:
            continue
        add(
            e.text,
            kind,
            (e.start, e.end),
            _kind_doubts(e),
            role=e.role,
            subject=e.canonical if e.canonical != e.text else "",
        )
    return facts
