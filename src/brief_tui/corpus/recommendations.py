"""Recommendation flags: cue phrases for calls to action and commitments, and imperative
openings of headings and list items. Each flag comes with the cue that produced it.
"""

from __future__ import annotations

import re

from brief_tui.corpus.reasons import RECOMMENDATION, Reason
from brief_tui.corpus.segment import IMPERATIVE_VERBS, first_word


def _phrases(*patterns: str) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(patterns) + r")\b", re.IGNORECASE)


RECOMMENDATION_CUES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("modal", _phrases(r"should", r"must(?! ask\b)", r"ought to")),
    (
        "call",
        _phrases(
            r"urges?",
            r"urged",
            r"urging",
            r"call(?:s|ed|ing)? (?:on|upon|for)",
            r"we encourage",
            r"recommends?",
            r"recommended",
        ),
    ),
    (
        "need",
        _phrases(
            r"it is imperative",
            r"needs? to",
            r"(?:is|are) (?:urgently )?needed",
            r"the (?:urgent )?need (?:to|for)",
            r"requires?",
            r"required to",
            r"(?:have|has) (?:the|an) obligation",
        ),
    ),
    ("proposal", _phrases(r"can help", r"would (?:greatly )?(?:help|facilitate)")),
    # A sentence whose subject is an addressee and whose verb is 'can': 'The U.S. government
    # can partner with ...' proposes what it could do ('policies the government can pursue'
    # only describes them).
    (
        "proposal",
        re.compile(
            r"(?:^|(?<!\b[A-Z])[.!?]\s+)(?:the\s+)?(?:U\.S\.\s+)?(?:government|administration|Congress|"
            r"United States)\s+can\s+(?!not\b|be\b)\w+",
            re.IGNORECASE,
        ),
    ),
    (
        "commitment",
        _phrases(
            r"we will",
            r"will (?:launch|build|continue|consistently|work|support|provide|invest)",
            r"(?:is|are|remain) [“\"]?committed to",
            r"pledged",
            r"our (?:objective|goal) is",
            r"it is our goal",
            r"received commitments",
            r"plans (?:include|to|for)",
            r"(?:outlined|lays out|laid out) (?:our|a|the) (?:\w+[’'] )?(?:\w+ )?"
            r"(?:vision|framework|plan|strategy)",
        ),
    ),
    (
        "announcement",
        # 'announced' as a verb; 'a series of announced actions' only describes them.
        _phrases(r"(?<!of )(?<!an )(?<!the )(?<!a )announc(?:ed|es|ing|ement)", r"culminated? in"),
    ),
)
_FUNDING = re.compile(r"\$[\d.,]+ (?:million|billion)|\bplans? (?:for|to)\b|\bcommitments\b", re.I)
_QUESTION = re.compile(r"(?:What|Why|How|Who|Which)\b")


def recommendation_cue(text: str, kind: str) -> Reason | None:
    """Why `text` reads as a call to action or a commitment, or None when it does not."""
    if _QUESTION.match(text):
        return None  # a question, or a subtitle phrased as one
    opening = first_word(text.lstrip("0123456789.) "))
    if kind in ("heading", "item") and opening in IMPERATIVE_VERBS:
        return Reason(RECOMMENDATION, "imperative", (opening,))
    for name, rule in RECOMMENDATION_CUES:
        if match := rule.search(text):
            return Reason(RECOMMENDATION, name, (match.group(0).strip(" .!?"),))
    if kind == "item" and (match := _FUNDING.search(text)):
        return Reason(RECOMMENDATION, "funding", (match.group(0),))
    return None
