"""Who recommends what to whom: the kind of each recommendation, its actor and its addressee.

A flagged passage is an **ask** (the author calls on someone to act), a **commitment** (the
author's own side commits) or **reported** (the document reports someone else's announced or
past action). The flag's rule says which family it belongs to ('modal', 'call', 'imperative'
ask; 'commitment', 'announcement', 'funding' commit or report); whose side acts decides between
the last two: 'USAID intends to provide …' commits in a USAID release and is reported in an
NGO's commentary. Parties are found in the cue's subject ('The United States should'), a
call's object ('We urge the Biden administration to'), a pronoun's antecedent ('it will'),
and, for an imperative with none of its own, the lead-in, the section or the document.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace

from brief_tui.corpus.clauses import POLICY_NOUNS, Subject, subject_before
from brief_tui.corpus.model import RECOMMENDATION_KINDS, Document, Passage, Section
from brief_tui.corpus.parties import Party, find_party, last_party, parties_in
from brief_tui.corpus.reasons import CURATOR, KIND, RECOMMENDATION, Reason
from brief_tui.corpus.recommendations import ASK_RULES, passage_contexts, sentence_cue
from brief_tui.corpus.sentences import sentences

ASK, COMMITMENT, REPORTED = RECOMMENDATION_KINDS
ATTRIBUTION_FIELDS = ("recommendation_kind", "actor", "addressee")

_OBJECT_RULES = ("call",)  # the addressee follows the cue: 'We urge Congress to …'
_SAID = re.compile(r"\b(?:said|says|told|stated|confirmed)\b", re.IGNORECASE)
_SALUTATION = re.compile(r"^(?:dear|to)\s+(.{3,80}?)[,:]?$", re.IGNORECASE)
_FOR_WHOM = re.compile(
    r"\b(?i:for|to)\s+((?:the\s+)?[A-Z][\w.’'-]*(?:\s+(?:of\s+|and\s+|the\s+)?[A-Z][\w.’'-]*)*"
    r"|(?i:donors|the private sector|companies|governments)[\w ,]*)",
)
# A memo's or a letter's header: 'To: The incoming administration', 'Memorandum for …'.
_HEADER_TO = re.compile(
    r"^(?:to|attn|attention|memorandum for|memo to|addressed to)\s*:?\s+(.{3,120})$",
    re.IGNORECASE,
)


# Bodies that study or audit a government rather than speak for it: what they report of it
# is reported ('In 2021, USAID announced …' in a GAO report).
_INDEPENDENT = re.compile(
    r"research service|accountability office|inspector general|budget office|"
    r"library of congress|\bGAO\b|\bCRS\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Attribution:
    kind: str
    actor: str | None
    addressee: str | None
    reason: Reason


def author_of(doc: Document, voice: tuple[str, ...] = ()) -> Party | None:
    """The party a document speaks for: a government's or an agency's document speaks for
    that government ('USAID' -> U.S. government); any other body speaks for itself.
    `voice` names bodies the document's traces say it speaks for (see `voice`)."""
    names = doc.organisations or voice
    if not names:
        return None
    if _INDEPENDENT.search(names[0]):
        return Party(names[0], "other")
    if doc.source_type in ("government", "multilateral"):
        for name in names:
            if party := find_party(name):
                return party
    return Party(names[0], "other")


def attribute_document(
    doc: Document, voice: tuple[str, ...] = (), opening: tuple[str, ...] = ()
) -> Document:
    """`attribute` with the document's own author and source type; `opening` holds the
    source's first lines (kept or dropped), where a memo names whom it is for."""
    names = doc.organisations or voice
    official = doc.source_type in ("government", "multilateral") and not (
        names and _INDEPENDENT.search(names[0])
    )
    addressed = next(
        (
            party
            for line in opening
            if (match := _HEADER_TO.match(line.strip())) and (party := find_party(match.group(1)))
        ),
        None,
    )
    return attribute(doc, author_of(doc, voice), official, addressed)


def attribute(
    doc: Document, author: Party | None, is_official: bool, addressed: Party | None = None
) -> Document:
    """The document with every flagged passage's kind, actor and addressee set.

    `author` is the party the document speaks for (None when it names none we know);
    `is_official` says a plan or programme it describes is its own ('The strategy supports …'
    commits in a government's document, and reports in a commentary)."""
    contexts = passage_contexts(
        [(s.title, [(p.kind, p.text) for p in s.passages]) for s in doc.sections]
    )
    default = addressed or _document_addressee(doc, author, is_official)
    previous: Party | None = None
    sections: list[Section] = []
    for section, section_contexts in zip(doc.sections, contexts, strict=True):
        section_addressee = _named_addressee(section.title)
        passages: list[Passage] = []
        for passage, context in zip(section.passages, section_contexts, strict=True):
            if passage.recommendation:
                fallback = _named_addressee(context.lead_in) or section_addressee or default
                found = attribute_passage(
                    passage, author, is_official, fallback, previous, context.lead_in
                )
                passage = replace(
                    passage,
                    recommendation_kind=found.kind,
                    actor=found.actor,
                    addressee=found.addressee,
                    why=(*passage.why, found.reason),
                )
                if found.actor:
                    previous = find_party(found.actor) or previous
            else:
                previous = last_party(passage.text) or previous
            passages.append(passage)
        sections.append(replace(section, passages=tuple(passages)))
    return replace(doc, sections=tuple(sections))


def attribute_passage(
    passage: Passage,
    author: Party | None,
    is_official: bool,
    fallback: Party | None,
    previous: Party | None,
    lead_in: str = "",
) -> Attribution:
    """Kind, actor and addressee of one flagged passage (see the module's docstring)."""
    rule = next((r.rule for r in passage.why if r.tag == RECOMMENDATION), "")
    sentence, cue_rule, cue_words = _cue_sentence(passage.text)
    if rule in ("", CURATOR):
        rule = cue_rule or "imperative"
    if rule in ("lead-in", "funding") and lead_in:
        # An item carries on its lead-in: 'We urge Congress to:' asks, 'Enhancements
        # announced today include:' commits or reports.
        lead_sentence, lead_rule, lead_words = _cue_sentence(sentences(lead_in)[-1])
        if lead_rule:
            sentence, rule, cue_words = lead_sentence, lead_rule, lead_words
    reporter = _reporter(sentence, cue_words, author) if rule in ASK_RULES else None
    if rule == "call" and reporter is None:
        reporter = _caller(sentence, cue_words, author)
    if reporter is not None:
        # 'DHS outlined the need for …', 'Officials said the region must …': a report.
        asked = _asked(rule, sentence, cue_words, None, None)
        note = f"by {reporter.name}" + (f", asking {asked.name}" if asked else "")
        return Attribution(
            REPORTED,
            reporter.name,
            asked.name if asked else None,
            Reason(KIND, REPORTED, _words(cue_words), note),
        )
    if rule in ASK_RULES and not (rule == "funding" and passage.kind != "item" and not lead_in):
        who = _asked(rule, sentence, cue_words, author, previous, is_official) or fallback
        name = who.name if who else None
        note = f"asks {name}" if name else "asks someone to act"
        return Attribution(ASK, name, name, Reason(KIND, ASK, _words(cue_words), note))
    subject = _subject(sentence, cue_words)
    acting = _acting(subject, sentence, cue_words, author, is_official, previous)
    said = _SAID.search(sentence[: _position(sentence, cue_words)])
    own = not said and _own_side(acting, subject, sentence, author, is_official, rule)
    kind = COMMITMENT if own else REPORTED
    who = next((p for p in acting if own and _same_side(p, author)), acting[0] if acting else None)
    name = who.name if who else (author.name if own and author else None)
    note = (
        ("by " + name if name else "by the author") if own else ("by " + (name or "someone else"))
    )
    return Attribution(kind, name, None, Reason(KIND, kind, _words(cue_words), note))


def _words(cue_words: str) -> tuple[str, ...]:
    return (cue_words,) if cue_words else ()


def _cue_sentence(text: str) -> tuple[str, str, str]:
    """The first sentence carrying a cue, the cue's rule and words; the whole text if none."""
    for sentence in sentences(text):
        if cue := sentence_cue(sentence):
            return sentence, cue.rule, cue.words
    return text, "", ""


def _position(sentence: str, words: str) -> int:
    found = sentence.lower().find(words.lower()) if words else -1
    return max(found, 0)


# The verb of a cue that carries its subject: 'task force will', 'program provides'.
_FINITE_LAST = re.compile(
    r"(?:will|shall|[’']ll|includes|supports|maintains|provides|targets|funds|prioriti[sz]es|"
    r"invests|expands|increases|sustains|continues|allocates|dedicates|requests)$",
    re.IGNORECASE,
)


def _verb_position(sentence: str, cue_words: str) -> int:
    """Where the cue's verb stands: its last word when the cue opens with its subject."""
    position = _position(sentence, cue_words)
    words = cue_words.split()
    if len(words) >= 2 and _FINITE_LAST.search(words[-1]):
        # The cue may join a head and its verb that stand apart ('request … includes').
        verb = re.compile(r"(?<!\w)" + re.escape(words[-1]) + r"(?!\w)", re.IGNORECASE)
        found = verb.search(sentence, position)
        return found.start() if found else position
    return position


def _subject(sentence: str, cue_words: str) -> Subject:
    return subject_before(sentence, _verb_position(sentence, cue_words) or len(sentence))


_REPORTING = re.compile(
    r"\b(?:said|says|stated|outlined|stressed|emphasi[sz]ed|noted|underscored|highlighted|"
    r"announced|agreed|acknowledged|recogni[sz]ed|explained|told|argued|insisted|warned)\b",
    re.IGNORECASE,
)


def _reporter(sentence: str, cue_words: str, author: Party | None) -> Party | None:
    """Who the document reports as asking: the subject of a reporting verb before the cue,
    when that is a party other than the author ('DHS outlined the need for …')."""
    position = _position(sentence, cue_words)
    verbs = list(_REPORTING.finditer(sentence[:position]))
    if not verbs:
        return None
    verb = verbs[-1]
    subject = subject_before(sentence, verb.start())
    if subject.kind in ("author", "") or not subject.words:
        return None
    party = find_party(" ".join(subject.words))
    if party is None or (author is not None and _same_side(party, author)):
        return None
    return party


def _caller(sentence: str, cue_words: str, author: Party | None) -> Party | None:
    """Who makes a call the document relays: 'UNHCR called on the United States to …' is
    UNHCR's ask, reported; 'We urge …' and the author's own calls are the document's."""
    subject = subject_before(sentence, _position(sentence, cue_words))
    if subject.kind in ("author", "", "pronoun") or not subject.words:
        return None
    party = find_party(" ".join(subject.words))
    if party is None or (author is not None and _same_side(party, author)):
        return None
    return party


def _asked(
    rule: str,
    sentence: str,
    cue_words: str,
    author: Party | None,
    previous: Party | None,
    is_official: bool = False,
) -> Party | None:
    """Whom an ask is addressed to, from its own words; None when they do not say. 'We
    must' binds a government's own side; in anyone else's text it says nothing of whom."""
    position = _position(sentence, cue_words)
    if rule in _OBJECT_RULES and cue_words:
        after = sentence[position + len(cue_words) : position + len(cue_words) + 90]
        after = re.split(r"\bto\s+(?!the\b|a\b)[a-z]+|\bthat\b", after, maxsplit=1)[0]
        if party := find_party(after):
            return party
    if rule in ("modal", "proposal", "need"):
        subject = subject_before(sentence, position) if position else None
        if subject and subject.words:
            phrase = " ".join(subject.words)
            if subject.kind == "pronoun":
                return previous
            if subject.kind == "author":
                return author if is_official else None
            clause = sentence[:position].rsplit(",", 1)[-1]
            if party := find_party(clause) or find_party(phrase):
                return party
    return None


# A body a government's document names by its kind alone: its own ('the Department will').
_OWN_BODY = re.compile(
    r"^(?:the|this|our|its) (?:[a-z-]+ ){0,2}(?:department|agency|ministry|secretary|embassy|"
    r"government|bureau|office|mission|administration|task force|team|unit|council|commission|"
    r"program|programme|initiative|strategy|plan|request|budget|fund|partnership)$",
    re.IGNORECASE,
)


def _acting(
    subject: Subject,
    sentence: str,
    cue_words: str,
    author: Party | None,
    is_official: bool,
    previous: Party | None,
) -> list[Party]:
    """Who commits or acted, most likely first: 'we' is the author; 'it' what was named
    before; else the parties named in the clause up to the cue ('The United States and
    Mexico remain committed'), or the subject as written."""
    position = _position(sentence, cue_words)
    if subject.kind == "author":
        return [author] if author else []
    if subject.kind == "pronoun":
        party = last_party(sentence[:position]) or previous
        return [party] if party else []
    clause = sentence[: position + len(cue_words)].rsplit(",", 1)[-1]
    if found := parties_in(clause):
        return found
    words = " ".join(subject.words).strip(" ,")
    if subject.words and (party := find_party(words)):
        return [party]
    if is_official and author and _OWN_BODY.match(words):
        return [author]
    if subject.kind == "actor" and subject.head.lower() not in POLICY_NOUNS:
        return [Party(words, "other")]
    return []


def _same_side(party: Party, author: Party | None) -> bool:
    if author is None:
        return False
    return party.name == author.name or (party.group == author.group and author.group != "other")


_FIRST_PERSON = re.compile(r"\b(?:we|our|us)\b", re.IGNORECASE)


def _own_side(
    acting: list[Party],
    subject: Subject,
    sentence: str,
    author: Party | None,
    is_official: bool,
    rule: str,
) -> bool:
    """Whether the party acting is the document's own side. 'We' is; the author's party is;
    a party of another known side is not, when the author is known. Otherwise the cue
    decides: a pledge ('will', 'is committed to') is most often the writer's own, an
    announcement ('announced', 'launched') most often a report of someone else's."""
    if subject.kind == "author":
        return True
    if any(_same_side(party, author) for party in acting):
        return True
    if author is None and acting and _FIRST_PERSON.search(sentence):
        return True  # 'The United States and Mexico recognize our shared commitment'
    if author is not None and any(p.group != "other" for p in acting):
        return False
    if author is not None and any(_names_alike(p.name, author.name) for p in acting):
        return True
    if is_official and not acting:
        return True
    return rule == "commitment"


def _names_alike(one: str, other: str) -> bool:
    """'Red Puente' and 'Red Puente Migrante', 'the Network' and 'Lakeside Refugee Network'."""
    a = {w for w in re.findall(r"[a-z]{3,}", one.lower()) if w not in ("the", "and")}
    b = {w for w in re.findall(r"[a-z]{3,}", other.lower()) if w not in ("the", "and")}
    return bool(a) and bool(b) and (a <= b or b <= a)


def _named_addressee(text: str) -> Party | None:
    """Whom a section title or lead-in addresses: 'Recommendations for Congress', 'We urge
    the administration to:', 'To donors and the private sector'."""
    text = text.strip()
    if not text:
        return None
    if cue := sentence_cue(text):
        if cue.rule == "call":
            position = _position(text, cue.words)
            if party := find_party(text[position + len(cue.words) :]):
                return party
        subject = _subject(text, cue.words)
        if subject.kind == "actor" and (party := find_party(" ".join(subject.words))):
            return party
    if match := _FOR_WHOM.search(text):
        return find_party(match.group(1))
    return None


def _document_addressee(doc: Document, author: Party | None, official: bool) -> Party | None:
    """Whom the whole document addresses: a letter's salutation or subject, or failing that
    the party its own explicit asks name most often."""
    for _, passage in list(doc.passages())[:6]:
        match = _SALUTATION.match(passage.text.strip())
        if match and (party := find_party(match.group(1))):
            return party
    if party := _named_addressee(doc.title):
        return party
    named: Counter[str] = Counter()
    parties: dict[str, Party] = {}
    for _, passage in doc.passages():
        if not passage.recommendation:
            continue
        rule = next((r.rule for r in passage.why if r.tag == RECOMMENDATION), "")
        if rule not in ("modal", "call", "proposal"):
            continue
        sentence, _, words = _cue_sentence(passage.text)
        if party := _asked(rule, sentence, words, author, None, official):
            named[party.name] += 1
            parties[party.name] = party
    if named:
        return parties[named.most_common(1)[0][0]]
    return None
