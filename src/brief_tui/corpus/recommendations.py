"""Recommendation flags: a passage is flagged when one of its sentences asks someone who can
act to act, commits the author's side, or reports a government's policy action, or when it
is a list item or heading in the imperative. Each flag comes with the rule and the words.

Sentences are read by `sentence_cues` (modal and subject, calls, commitments, policy verbs,
money for programmes) and openings by `imperatives` (any English verb, weighed by what
follows it). Where a passage stands matters too: a list item continues the sentence that
introduces it ('We urge the administration to:'), and an opening that might be a verb or a
noun ('Fund shelters …', 'Key cooperation …') is an instruction only among instructions.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from brief_tui.corpus.asks import call, modal, need, proposal
from brief_tui.corpus.clauses import WORD, classify
from brief_tui.corpus.imperatives import (
    LIKELY,
    Imperative,
    coordinated_verb,
    imperative_opening,
)
from brief_tui.corpus.reasons import RECOMMENDATION, Reason
from brief_tui.corpus.reports import announcement, commitment, funding
from brief_tui.corpus.sentence_cues import WH, Cue
from brief_tui.corpus.sentences import sentences
from brief_tui.corpus.spanish_cues import spanish_cue

# The rules whose flag means the passage asks someone to act (the pillar tagger reads a list
# of root causes in an ask as what is asked about, not as framing).
ASK_RULES = frozenset({"modal", "call", "need", "proposal", "imperative", "lead-in", "funding"})


@dataclass(frozen=True)
class Context:
    """Where a passage stands: the title of its section, the sentence that introduces the list
    it belongs to (items only), and the neighbouring items or headings of the same kind."""

    section: str = ""
    lead_in: str = ""
    neighbours: tuple[str, ...] = ()


NO_CONTEXT = Context()

_QUESTION_OPENING = re.compile(r"[“\"'‘(]*(?:What|Why|How|Who|Which|Where|When|Whether)\b")
_RECOMMENDING_TITLE = re.compile(
    r"\b(?:recommend\w*|should|must|ought|priorit\w+|the way forward|next steps|call(?:s)? to "
    r"action|proposals?|policy options|(?:our )?asks|actions? (?:for|needed|required)|what to "
    r"(?:do|avoid)|to-do|agenda for)\b",
    re.IGNORECASE,
)
# A list item naming a funding instrument: 'A package of grants, loans and other commitments
# that …', 'A new fund for …'. (An amount with a programme is a sentence cue.)
_PROGRAMME_ITEM = re.compile(
    r"[•*\s-]*An? (?:[\w$.,-]+ ){0,3}?(package|investment|grant|loan|fund|initiative|programme|"
    r"program|award|facility)s? (?:of|in|to|for|that|over|worth)\b"
)
_ADDRESSEE = re.compile(r"^(?:for|to)\s+(.{2,80}?)\s*:?\s*$", re.IGNORECASE)


def recommendation_cue(text: str, kind: str, context: Context = NO_CONTEXT) -> Reason | None:
    """Why `text` reads as a call to action, a commitment or a reported policy action, or None."""
    if kind in ("heading", "item") and _QUESTION_OPENING.match(text):
        return None  # a question, or the title of a section such as 'What Washington should do'
    if imperative := _imperative(text, kind, context):
        return Reason(RECOMMENDATION, "imperative", (imperative.verb,))
    for sentence in sentences(text):
        if cue := sentence_cue(sentence):
            words = re.sub(r"[“”\"]", "", cue.words).strip(" .!?,;:")
            return Reason(RECOMMENDATION, cue.rule, (words,))
    if kind == "item" and (lead := _recommending_lead_in(context.lead_in)):
        return Reason(RECOMMENDATION, "lead-in", (lead,))
    if kind == "item" and (match := _PROGRAMME_ITEM.match(text)):
        return Reason(RECOMMENDATION, "funding", (match.group(1),))
    return None


_SENTENCE_RULES = (call, modal, need, commitment, announcement, proposal, funding)


def sentence_cue(sentence: str) -> Cue | None:
    """Why one sentence calls for, commits to or reports policy action, or None."""
    stripped = sentence.strip().strip("“”\"'‘’")
    if not stripped or stripped.rstrip("”\"'’)").endswith("?"):
        return None  # a question asks the reader, it recommends nothing
    first = re.match(r"[A-Za-z]+", stripped)
    if first and first.group(0).lower() in WH - {"which", "when"}:
        return None
    for rule in _SENTENCE_RULES:
        if cue := rule(sentence):
            return cue
    return spanish_cue(sentence)


def asks(reason: Reason | None) -> bool:
    """True when the flag's rule asks someone to act (not a commitment or a report)."""
    return reason is not None and reason.rule in ASK_RULES


def _imperative(text: str, kind: str, context: Context) -> Imperative | None:
    opening = imperative_opening(text)
    if opening is None:
        return None
    # A likely imperative is enough for a list item standing alone or a heading written as a
    # sentence ('Shift aid to municipalities.'); in a list, its neighbours decide: 'Fund
    # shelters …' among instructions, 'Police reform …' among topics.
    likely = opening.strength == LIKELY and (
        (kind == "item" and not context.neighbours)
        or (kind == "heading" and text.rstrip().endswith("."))
    )
    if kind in ("heading", "item") and (opening.plain or likely or _supported(text, kind, context)):
        return opening
    if kind == "paragraph" and (opening.plain or _recommending_section(context.section)):
        return opening  # 'Understand migration as a household strategy. Remittances …'
    return None


def _supported(text: str, kind: str, context: Context) -> bool:
    """Whether a weak imperative ('Fund shelters …') stands among instructions: a plain verb
    joined to it, a recommending section or lead-in, or a plain imperative beside it."""
    if coordinated_verb(text):
        return True
    if kind == "item" and (
        _recommending_section(context.section) or _recommending_lead_in(context.lead_in)
    ):
        return True
    return any(_plain_imperative(n) for n in context.neighbours)


def _plain_imperative(text: str) -> bool:
    """An imperative no reader would take for a noun phrase: plain, or joined to a plain verb."""
    found = imperative_opening(text)
    return found is not None and (found.plain or bool(coordinated_verb(text)))


def _recommending_section(title: str) -> bool:
    """A section title that announces recommendations, names whom they are for, or is
    itself an instruction ('Restore critical aid …')."""
    if not title or _QUESTION_OPENING.match(title) and not _RECOMMENDING_TITLE.search(title):
        return False
    if _RECOMMENDING_TITLE.search(title) or _addressee(title):
        return True
    return _plain_imperative(title)


def _addressee(text: str) -> str:
    """'For Congress:', 'To donors and the private sector' -> whom the list is for, or ''."""
    match = _ADDRESSEE.match(text.strip())
    if not match:
        return ""
    subject = classify(WORD.findall(match.group(1)))
    return match.group(1) if subject.kind in ("actor", "author") else ""


def _recommending_lead_in(lead_in: str) -> str:
    """The cue of a sentence that introduces a list of recommendations ('We urge your
    administration to:', 'For Congress:', 'Enhancements announced today include:'), or ''."""
    lead_in = lead_in.strip()
    if not lead_in.endswith(":"):
        return ""
    if who := _addressee(lead_in):
        return who
    if _RECOMMENDING_TITLE.search(lead_in) and len(lead_in.split()) <= 6:
        return lead_in.rstrip(":")
    last = sentences(lead_in)[-1] if sentences(lead_in) else lead_in
    cue = sentence_cue(last)
    return cue.words if cue else ""


def passage_contexts(
    sections: Sequence[tuple[str, Sequence[tuple[str, str]]]],
) -> list[list[Context]]:
    """The `Context` of every block of a document given as (section title, [(kind, text)]).

    An item's lead-in is the last paragraph before its run of items; its neighbours are the
    items next to it. A heading's neighbours are the headings of the sections around it.
    """
    headings = [
        blocks[0][1] if blocks and blocks[0][0] == "heading" else "" for _, blocks in sections
    ]
    out: list[list[Context]] = []
    for number, (title, blocks) in enumerate(sections):
        contexts: list[Context] = []
        lead_in = ""
        for index, (kind, text) in enumerate(blocks):
            if kind == "item":
                near = [
                    blocks[i][1]
                    for i in (index - 1, index + 1)
                    if 0 <= i < len(blocks) and blocks[i][0] == "item"
                ]
                contexts.append(Context(title, lead_in, tuple(near)))
                continue
            if kind == "heading":
                near = [
                    headings[i]
                    for i in (number - 1, number + 1)
                    if 0 <= i < len(sections) and headings[i]
                ]
                contexts.append(Context(title, "", tuple(near)))
            else:
                contexts.append(Context(title))
            lead_in = text
        out.append(contexts)
    return out
