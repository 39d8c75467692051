"""Sentences that ask someone to act: calls, modal obligations, needs and proposals.

A cue counts with its clause. 'Congress should fund …' asks; 'Nobody should have to
migrate' states a value; '… if they must.' has no verb to ask for; 'should have acted' looks
back; 'we must ask why' is a rhetorical question; 'Stability requires investment' is a
thesis, while 'Addressing migration requires changes' (an action as subject) asks for them.
"""

from __future__ import annotations

import re

from brief_tui.corpus import lexicon
from brief_tui.corpus.clauses import subject_before
from brief_tui.corpus.sentence_cues import WH, Cue, any_of, following, subordinate, word_set

# --- calls: someone urges, calls on, recommends, asks ------------------------------------------

_CALLS = (
    any_of(r"urg(?:e|es|ed|ing)", before=r"(?<!the )(?<!an )(?<!this )\b"),
    any_of(r"call(?:s|ed|ing)? (?:on|upon)"),
    any_of(r"call to action (?:for|to)"),
    any_of(r"call(?:s|ed|ing)? for", after=r"\b(?! (?:help|proposals|applications|papers)\b)"),
    # ('… and recommended for parole' describes applicants; it asks nothing.)
    any_of(r"recommend(?:s|ed|ing)?", after=r"\b(?! for\b)"),
    # 'GAO is making three recommendations to USAID', 'Our recommendations include …'
    any_of(
        r"(?:making|made|makes|make) (?:\w+ ){0,2}recommendations?",
        r"(?:our|key|main|its|their|these|the following) recommendations? (?:include|are|is)",
    ),
    any_of(
        r"(?:we|I)(?: also| therefore| respectfully| strongly| further)* "
        r"(?:ask|request|demand|implore|invite|press|appeal|petition)",
        r"(?:we|I)(?: are| am|[’']re|[’']m)(?: also| now)? (?:asking|requesting|calling)",
    ),
    any_of(r"(?:ask|asks|request|requests|requested|demand|demands|demanded|insists?) that"),
    any_of(
        r"encourag(?:e|es|ed|ing) (?:the|all|a|an|our|their|his|her|its|them|us|you|every|each)",
        r"encourag(?:e|es|ed|ing) (?-i:[A-Z])\w*",
        r"encourag(?:e|es|ed|ing) (?:\w+ ){1,4}?to (?!be\b)\w+",
        r"(?:is|are) (?:\w+ly )?(?:encouraged|invited|urged) to",
    ),
    any_of(r"appeal(?:s|ed|ing)? (?:to|for)", before=r"(?<!the )(?<!an )(?<!its )(?<!this )\b"),
    any_of(
        r"(?:join|joins|joined|joining|echo|echoes|echoed|endorse|endorses)(?: in)?(?: all)? "
        r"(?:the|their|this|these|its|his|her|our) calls?"
    ),
)
_ENCOURAGING_PRAISE = re.compile(r"\b(?:am|is|are|we[’']re)\s+encouraging", re.IGNORECASE)


# Every call contains one of these stems; most sentences contain none, and one search is
# cheaper than trying every rule.
_CALL_STEMS = re.compile(
    r"urg|call|recommend|ask|request|demand|encourag|appeal|join|echo|endorse|insist|implor"
    r"|invit|press|petition",
    re.IGNORECASE,
)


def call(sentence: str) -> Cue | None:
    if not _CALL_STEMS.search(sentence):
        return None
    for rule in _CALLS:
        for match in rule.finditer(sentence):
            word = match.group(0)
            if word.lower().startswith("encouraging") and not _ENCOURAGING_PRAISE.search(sentence):
                continue  # 'Particularly encouraging is …' praises
            return Cue("call", word)
    return None


# --- modal obligation: 'should', 'must', 'ought to', 'needs to', 'has to' ---------------------

_MODAL = any_of(r"should", r"must", r"ought to", r"shall", r"needs? to", r"ha(?:s|ve) to")
_RHETORICAL = word_set("ask wonder question consider remember")
_DISCOURSE = word_set(
    "noted said stressed emphasized emphasised remembered recalled mentioned pointed borne "
    "clear obvious understood recognized recognised acknowledged added asked"
)


def modal(sentence: str) -> Cue | None:
    for match in _MODAL.finditer(sentence):
        if _obligation(sentence, match):
            return Cue("modal", match.group(0))
    return None


def _obligation(sentence: str, match: re.Match[str]) -> bool:
    after = following(sentence, match.end())
    if not after or not after[0][0].isalpha():
        return False  # '… if they must.'
    lowered = [w.lower() for w in after]
    if lowered[0] == "not":
        lowered = lowered[1:]
        if not lowered or not lowered[0][0].isalpha():
            return False  # '… those that purge prosecutors should not.'
    verb, follower = lowered[0], (lowered[1] if len(lowered) > 1 else "")
    if verb == "have" and lexicon.is_participle(follower):
        return False  # 'should have acted': hindsight, not a call
    if (verb == "be" and follower in _DISCOURSE) or (verb in _RHETORICAL and follower in WH):
        return False  # 'it must be noted', 'we must ask why'
    subject = subject_before(sentence, match.start())
    passive = verb == "be" and (lexicon.is_participle(follower) or follower == "able")
    weak_modal = match.group(0).lower().startswith(("ha", "need"))
    if subject.kind == "nobody" or (weak_modal and verb == "be" and not passive):
        return False  # 'Nobody should have to migrate', 'It doesn't have to be this way'
    if passive:
        return True  # 'The root causes must be addressed': someone is to address them
    if subject.kind == "pronoun":
        # 'people feel they need to flee' (whose need?); 'it should be easy' (a judgement)
        return not weak_modal and not (subject.head.lower() == "it" and verb == "be")
    if verb == "be":
        return subject.kind in ("author", "actor", "policy", "action")
    return subject.can_act


# --- need: 'is needed', 'the urgent need to', gerund + 'requires', obligations ----------------

_NEED_RULES = (
    # 'It is time for Congress to act', 'The time has come to restore …'
    any_of(
        r"it is (?:high |long |now )?time (?:for (?:[\w.’']+ ){1,4})?to",
        r"(?:now is|this is) the time (?:for (?:[\w.’']+ ){1,4})?to",
        r"the time has come (?:for (?:[\w.’']+ ){1,4})?to",
    ),
    any_of(
        r"it is (?:also )?(?:imperative|essential|vital|critical|crucial|urgent|necessary) "
        r"(?:that|for|to)",
        after=r"\b(?!\s+(?:note|remember|recall|understand|recogni[sz]e|mention|say|ask)\b)",
    ),
    any_of(
        r"ha(?:s|ve) (?:an?|the) (?:legal |moral |clear )?(?:obligation|duty|responsibility) to",
        r"(?:is|are) obliged to",
        r"(?:an|the) obligation (?:of|on|for) (?:the|both|all|every|(?-i:[A-Z]))",
    ),
    any_of(
        r"(?:is|are|was|were|be|remain|remains)\s+(?:\w+ly\s+|also\s+|still\s+)?needed",
        after=r"\b(?!\s+by\b)",
    ),
    any_of(
        r"(?:the|an?|there is an?)\s+(?:urgent\s+|pressing\s+|critical\s+|clear\s+|real\s+)?"
        r"need (?:to|for)",
        before=r"(?<!reduce the )(?<!reducing the )(?<!lessen the )\b",
        after=r"\b(?!\s+(?:people|migrants|families|them|many|young|children|women)\b)",
    ),
)
_AS_NEEDED = re.compile(r"\b(?:if|as|where|when|what)\s+(?:\w+\s+)?(?:is|are)?\s*needed", re.I)
_REQUIRES = any_of(r"require[sd]?")
_MORE = word_set("more additional greater increased new sustained long-term")


def need(sentence: str) -> Cue | None:
    for rule in _NEED_RULES:
        if match := rule.search(sentence):
            if _AS_NEEDED.search(sentence[: match.end()]):
                continue  # 'as needed', 'what is needed'
            return Cue("need", match.group(0))
    for match in _REQUIRES.finditer(sentence):
        subject = subject_before(sentence, match.start())
        after = [w.lower() for w in following(sentence, match.end(), 3)]
        rest = sentence[match.end() :]
        if subject.kind == "action" or rest.rstrip().endswith(":") or "the following" in rest:
            return Cue("need", match.group(0))  # 'Addressing X requires …', a list's lead-in
        if after and after[0] in _MORE and subject.kind not in ("affected", "nobody"):
            return Cue("need", f"{match.group(0)} {after[0]}")  # 'requires more resources'
    return None


# --- proposals: 'the United States can help', 'doing X would help' ----------------------------

_CAN = any_of(r"can|could", after=r"\s+(?!not\b|be\b|have\b|also be\b)(?=[a-z])")
_WOULD_HELP = any_of(
    r"would (?:greatly |also |significantly |further )?"
    r"(?:help|facilitate|improve|strengthen|support|enable|ensure|allow|benefit|accelerate)"
)


def proposal(sentence: str) -> Cue | None:
    for match in _CAN.finditer(sentence):
        subject = subject_before(sentence, match.start())
        if subject.head.lower() == "you" or subordinate(sentence, match.start(), subject):
            continue  # 'you can cross' informs; 'policies that the government can pursue'
        if subject.kind in ("actor", "author"):
            verb = following(sentence, match.end(), 1)
            return Cue("proposal", " ".join([*subject.words[-3:], match.group(0).strip(), *verb]))
    for match in _WOULD_HELP.finditer(sentence):
        subject = subject_before(sentence, match.start())
        if subordinate(sentence, match.start(), subject):
            continue
        if subject.kind in ("actor", "author", "policy", "action"):
            return Cue("proposal", match.group(0))
    return None
