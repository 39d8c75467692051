"""The restraints a careful reader applies before counting a pillar's words.

A word of a pillar's vocabulary is not always evidence of what a passage is about:
- an office or body named after a topic ("Bureau of Democracy, Human Rights, and Labor",
  "Subcommittee on ... Crime, Civilian Security") names who, not what;
- someone else's quoted words are theirs, not the passage's subject;
- a stock list of root causes ("poverty, inequality, and violence") frames a passage rather
  than being what it is about, unless the passage acts on the list ("address ... poverty,
  corruption, and violence", or asks for action on it), and never when the list is named as
  a cause ("fueling inequality, poverty, and violence");
- partners listed among actors ("governments, businesses, foundations, and civil society")
  or called on to act ("we urge the private sector to ...") are who takes part, not the topic;
- law enforcement in a sentence about corruption serves the fight against corruption (II).
Each function says which spans of the text to discount; `pillar_tags.py` does the weighing.
"""

from __future__ import annotations

import re

from brief_tui.corpus.pillar_vocabulary import Found, Vocabulary

_HEAD = (
    r"(?i:Bureau|Office|Ministry|Department|Secretariat|Committee|Subcommittee|Commission|"
    r"Council|Agency|Partnership|Center|Centre|Institute|Network|Alliance|Coalition|"
    r"Foundation|Forum|Court|Tribunal|Directorate|Division|Rapporteur|Observatory|"
    r"Conference|Summit|Meeting|Symposium|Congress)"
)
_NAME_WORD = r"[A-Z][\w’'.-]*"
# A body's name: its head noun, then of/for/on, then capitalised words that may be joined by
# commas and small words ("Bureau of Democracy, Human Rights, and Labor").
_BODY_NAME = re.compile(
    rf"\b{_HEAD}s?\s+(?i:for|of|on|against)\s+(?i:the\s+)?{_NAME_WORD}"
    rf"(?:(?:,\s*|\s+)(?:(?i:and|of|for|on|the|in|&)\s+)*{_NAME_WORD})*"
)
_QUOTED = re.compile(r"“[^”]{0,400}”|\"[^\"]{0,400}\"")
_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+(?=[“\"‘'(\[]?[A-Z0-9])")
# What may stand between two entries of a list: ', ', ', and ', ' and ', ' or ', with words
# that qualify an entry rather than act on it ('pervasive crime', 'high levels of violence').
_QUALIFIER = (
    r"(?:other|the|widespread|pervasive|rampant|endemic|chronic|extreme|persistent|growing|"
    r"rising|spiral+ing|deep|deepening|entrenched|systemic|generalized|generalised|severe|"
    r"high levels of|lack of)"
)
_LIST_GLUE = re.compile(
    rf"^(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+|\s*[-–—]\s*)(?:{_QUALIFIER}\s+)*$",
    re.IGNORECASE,
)
# Words before a list that act on it, and words that name it as a cause.
_ACTS_ON = re.compile(
    r"\b(?:address\w*|tackl\w*|combat\w*|fight\w*|counter\w*|reduc\w*|prevent\w*|curb\w*|"
    r"confront\w*|eradicat\w*|alleviat\w*|mitigat\w*|end|ending|programs? (?:on|for|to))\b",
    re.IGNORECASE,
)
_NAMES_A_CAUSE = re.compile(
    r"\b(?:fuel\w*|driv(?:e|es|en|ing) by|driven|motivated|caused|causing|because of|due to|"
    r"fleeing|flee|escap\w*|exacerbat\w*|worsen\w*|compound\w*)\b",
    re.IGNORECASE,
)
# The addressee of a call ("We call on employers and the private sector to ...") is who is
# asked to act, not what the passage is about; what follows its "to" is ("... urge Congress to
# fund civil society").
_ADDRESSEE = re.compile(
    r"\b(?:call(?:s|ed|ing)? (?:on|upon)|urg(?:e|es|ed|ing)|ask(?:s|ed|ing)?|"
    r"encourag(?:e|es|ed|ing)|invit(?:e|es|ed|ing)|appeal(?:s|ed)? to)\s+"
    r"(?:(?!to\s)[\w’'-]+\s+){0,5}$",
    re.IGNORECASE,
)
_CORRUPTION = re.compile(r"\b(?:corrupt|anti-?corruption|impunity)", re.IGNORECASE)
_ENFORCEMENT = re.compile(r"law enforcement|prosecutors?|investigat\w*", re.IGNORECASE)


def blank_body_names(text: str) -> str:
    """`text` with the names of offices and bodies blanked out (same length)."""
    return _BODY_NAME.sub(lambda m: " " * len(m.group(0)), text)


def quoted_spans(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _QUOTED.finditer(text)]


def _sentence_of(text: str, position: int) -> tuple[int, int]:
    """The span of the sentence holding `position`."""
    start, end = 0, len(text)
    for match in _SENTENCE_END.finditer(text):
        if match.start() <= position:
            start = match.end()
        else:
            end = match.start()
            break
    return start, end


def stock_list_members(text: str, found: list[Found], asks: bool) -> set[int]:
    """Indexes of `found` that are entries of a framing list of root causes of two pillars."""
    members: set[int] = set()
    runs: list[list[int]] = []
    for i, item in enumerate(found):
        if not item.term.cause:
            continue
        last = found[runs[-1][-1]] if runs else None
        if last and (last.start, last.end) == (item.start, item.end):
            runs[-1].append(i)  # one term under two pillars
        elif last and _LIST_GLUE.match(text[last.end : item.start]):
            runs[-1].append(i)
        else:
            runs.append([i])
    for run in runs:
        if len({found[i].term.pillar for i in run}) < 2:
            continue
        start = found[run[0]].start
        before = text[_sentence_of(text, start)[0] : start]
        acts = [m.end() for m in _ACTS_ON.finditer(before)]
        causes = [m.end() for m in _NAMES_A_CAUSE.finditer(before)]
        named_as_cause = bool(causes) and (not acts or causes[-1] > acts[-1])
        acted_on = bool(acts) and not named_as_cause
        if not (acted_on or (asks and not named_as_cause)):
            members.update(run)
    return members


def listed_actors(text: str, found: list[Found], vocabulary: Vocabulary) -> set[int]:
    """Indexes of `found` naming an actor: among two or more other actors, or called on."""
    actors: set[int] = set()
    for i, f in enumerate(found):
        if not f.term.actor:
            continue
        start, end = _sentence_of(text, f.start)
        if _ADDRESSEE.search(text[start : f.start]):
            actors.add(i)
            continue
        others = [
            m
            for m in vocabulary.actor_list_words.finditer(text, start, end)
            if m.end() <= f.start or m.start() >= f.end
        ]
        if len(others) >= 2:
            actors.add(i)
    return actors


def serves_anticorruption(text: str, found: Found) -> bool:
    """True for law enforcement, prosecutors or investigations in a sentence on corruption."""
    if not _ENFORCEMENT.fullmatch(text[found.start : found.end]):
        return False
    start, end = _sentence_of(text, found.start)
    return bool(_CORRUPTION.search(text, start, end))
