"""What the recommendation rules share: the cue they return and how they read around it.

A rule finds a cue (a modal, a calling verb, 'will', a policy verb, an amount of money) and
reads it with its clause: the words after it ('should also fund', 'should have acted'), and
whether it stands in a subordinate clause that describes rather than asks or reports
('…, which had provided …', 'policies that the government can pursue', 'what donors have
promised to do'). The rules themselves are in `asks` and `reports`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from brief_tui.corpus import lexicon
from brief_tui.corpus.clauses import Subject


@dataclass(frozen=True)
class Cue:
    rule: str  # 'modal', 'call', 'need', 'proposal', 'commitment', 'announcement', 'funding'
    words: str  # the words of the sentence that carry it


def any_of(*alternatives: str, before: str = r"\b", after: str = r"\b") -> re.Pattern[str]:
    """A case-insensitive pattern matching any of `alternatives` as whole words."""
    return re.compile(before + "(?:" + "|".join(alternatives) + ")" + after, re.IGNORECASE)


def word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


_WORDS = re.compile(r"[A-Za-z][\w’'-]*|[.,;:!?()“”\"]")
ADVERB = re.compile(
    r"^(?:\w+ly|also|not|still|now|then|therefore|thus|never|always|further|first|instead|too"
    r"|both|either)$",
    re.IGNORECASE,
)
HELPERS = word_set(
    "has have had is are was were been be being also already recently officially formally "
    "today jointly"
)
WH = word_set("what why how who whom whose which where when whether")


def following(sentence: str, end: int, count: int = 4) -> list[str]:
    """The next few words after a cue, leading adverbs skipped ('should also urgently fund')."""
    out: list[str] = []
    for word in _WORDS.findall(sentence[end:]):
        if len(out) >= count:
            break
        if not out and ADVERB.match(word) and word.lower() != "not":
            continue
        out.append(word)
    return out


def in_relative(sentence: str, position: int) -> bool:
    """True when the verb at `position` belongs to a relative clause ('…, which had provided
    …', 'a task force which will include …'): it describes what it follows."""
    before = re.findall(r"[A-Za-z][\w’'-]*|,", sentence[:position])[-5:]
    for word in reversed(before):
        lowered = word.lower()
        if lowered in ("which", "who", "that", "whose"):
            return True
        if lowered == "," or not (lowered in HELPERS or ADVERB.match(lowered)):
            return False
    return False


def subordinate(sentence: str, position: int, subject: Subject) -> bool:
    """True when the clause at `position` is one that reports nothing: a relative clause
    ('policies that the government can pursue') or a wh-clause ('what governments have
    promised to do', 'how the government can continue')."""
    if in_relative(sentence, position):
        return True
    before = sentence[:position]
    plain = re.sub(r"\b(?:[A-Z]\.){2,}", "X", before)  # 'U.S.' ends no clause
    if re.search(r"\b(?:what|how|why|whether)\b[^,.;:]*$", plain, re.IGNORECASE):
        return True
    if subject.words:
        start = before.rfind(subject.words[0])
        preceding = re.findall(r"[A-Za-z][\w’'-]*", before[:start])[-3:] if start > 0 else []
        if len(preceding) >= 2 and preceding[-1].lower() in ("that", "which", "whom"):
            return _noun_before_that(preceding[:-1])
    return False


def _noun_before_that(words: list[str]) -> bool:
    """'actions that the government can take' (a noun: a relative clause follows) rather than
    'announced that we will' or 'The report shows that' (a verb: its content follows)."""
    word = words[-1]
    if not lexicon.is_noun(word):
        return False
    if not lexicon.verb_tags(word) & {"VBZ", "VBD"}:
        return True
    # 'immediate actions that' (an adjective or a determiner before it: a noun) versus 'The
    # report shows that' (a noun or a name before it: a verb).
    before = words[-2] if len(words) > 1 else ""
    return bool(before) and not (lexicon.is_noun(before) or before[:1].isupper())
