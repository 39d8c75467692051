"""Lines that end on a colon: a lead-in ('These include:', 'We urge you to:'), a label over a
group ('For Congress:'), or a letter's salutation ('Chairman Smith, and Members of the
Committee:').

A lead-in says nothing by itself, so it never stands alone as a passage: it is attached to what
it introduces (the first list item or paragraph after it), where it is read with its first
point. A label is a heading. A salutation stays a passage of its own.
"""

from __future__ import annotations

import re
from dataclasses import replace

from brief_tui.corpus.blocks import Block
from brief_tui.corpus.titles import capitalised_share

_SALUTATION = re.compile(
    r"^(?:dear|to)\b.{1,120}[,:]$|"
    r"^.{0,80}\b(?:chairman|chairwoman|chair|ranking member|members of|madam|mr\.|ms\.|senator|"
    r"secretary|excellenc\w*|colleagues|friends|distinguished)\b.{0,120}[,:]$",
    re.IGNORECASE,
)
_LABEL_START = frozenset(
    "for to in on regarding about under from on by within across at with".split()
)
# Words a clause cannot end on: it goes on in what follows ('… urge you to:', '… include:').
_OPEN_ENDINGS = frozenset(
    """
    to include includes including included are is were was be follows following found finds
    show shows showed recommend recommends recommended urge urges urged ask asks call calls
    by of for with on in from that these those this such like namely as among among them
    below here were: consist consists comprise comprises contain contains need needs
    """.split()
)
_POINTS_AHEAD = re.compile(r"\b(?:the following|as follows|below)\b", re.IGNORECASE)
_SENTENCE = re.compile(r"[.!?][\"'”’)\]]*\s")


def is_salutation(text: str) -> bool:
    return len(text.split()) <= 25 and _SALUTATION.match(text.strip()) is not None


def is_label(text: str) -> bool:
    """'For Congress:', 'Human Rights Violations and Attacks on Democratic Institutions:'."""
    text = text.strip()
    if not text.endswith(":") or is_salutation(text) or _SENTENCE.search(text):
        return False
    words = text[:-1].split()
    if not words or len(words) > 12:
        return False
    return (words[0].lower() in _LABEL_START and len(words) <= 8) or capitalised_share(text) >= 0.6


def is_lead_in(block: Block) -> bool:
    """A clause ending on a colon that is incomplete without what follows: 'These include:',
    'Our review of the initiative found:', 'We urge you to:', '… include the following …:'.
    A complete statement that happens to end on a colon stands as a passage of its own."""
    text = block.text.strip()
    if (
        block.kind != "paragraph"
        or not text.endswith(":")
        or len(text.split()) > 35
        or _SENTENCE.search(text)
        or is_salutation(text)
        or is_label(text)
    ):
        return False
    last = text[:-1].split()[-1].lower().strip(",;")
    return last in _OPEN_ENDINGS or _POINTS_AHEAD.search(text) is not None


def attach_lead_ins(blocks: list[Block]) -> list[Block]:
    """Each lead-in joined to the start of the block it introduces (kept when nothing follows
    it but a heading: it then closes the paragraph before it, if there is one)."""
    out: list[Block] = []
    pending: Block | None = None
    for block in blocks:
        if pending is not None:
            if block.kind in ("paragraph", "item"):
                out.append(replace(block, text=f"{pending.text} {block.text}"))
                pending = None
                continue
            out.append(pending)  # it introduces the headed sections that follow
            pending = None
        if is_lead_in(block):
            pending = block
            continue
        out.append(block)
    if pending is not None:
        out.append(_closing(out, pending))
    return out


def _closing(out: list[Block], lead_in: Block) -> Block:
    """A lead-in with nothing to introduce closes the paragraph before it, when there is one."""
    if out and out[-1].kind == "paragraph":
        previous = out.pop()
        return replace(previous, text=f"{previous.text} {lead_in.text}")
    return lead_in
