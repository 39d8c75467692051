"""Sentences that commit the author's side or report a government's policy action.

'We will …', 'The Ministry will …', 'is committed to', 'USAID intends to', 'our request
supports' commit; 'USAID announced', 'the administration opened', 'has begun to revise',
'was launched' report; an amount of money for a programme reports funding. A forecast ('These
efforts will disappoint'), a hope ('we hope the institutions will …'), the history of a
problem ('the government closed the offices'), a meeting ('met with') or a describing clause
('the Framework, launched by …, established …') is none of these.
"""

from __future__ import annotations

import re

from brief_tui.corpus import lexicon
from brief_tui.corpus.clauses import DETERMINERS, Subject, subject_before
from brief_tui.corpus.sentence_cues import (
    HELPERS,
    Cue,
    any_of,
    following,
    subordinate,
    word_set,
)

# --- commitments ----------------------------------------------------------------------------

_WILL = re.compile(r"\b(?:will|shall|is going to|are going to)\b|[’']ll\b", re.IGNORECASE)
_NOT_PLEDGES = word_set("be likely probably need have depend take see find not")
_HOPE = any_of(
    r"hope|hopes|hoping|hopeful|expects?|expected|expecting|believes?|trust|fears?|feared",
    r"doubts?|predicts?|likely|unlikely|confident|unclear|whether|if|unless|when|once|until",
    after=r"\b[^.;:]*$",
)
_COMMITTED = (
    any_of(
        r"(?:is|are|am|remain|remains|remained|was|were|stay|stays|be)\s+"
        r"(?:\w+ly\s+|also\s+|still\s+)?[“\"]?committed to"
    ),
    any_of(
        r"(?:reaffirm|reiterate|renew|underscore|restate|convey|express|demonstrate)(?:s|ed|d)? "
        r"(?:\w+[’']s |our |its |their |his |her |the |this )(?:\w+ ){0,2}commitments?"
    ),
    any_of(r"our (?:\w+ ){0,2}commitment to"),
    any_of(
        r"(?:make|made|makes|making|announce[sd]?|received|secured|mobili[sz]ed) "
        r"(?:\w+,? ){0,3}commitments"
    ),
    any_of(r"pledg(?:e|es|ed|ing)", after=r"\b(?! of allegiance)"),
    any_of(r"plans (?:include|for)"),
    any_of(
        r"(?:our|the administration[’']s|the government[’']s) (?:\w+ )?"
        r"(?:objective|goal|aim|mission|purpose) is",
        r"it is our (?:goal|objective|aim|intention|priority)",
    ),
    any_of(
        r"(?:outlined?|outlines|lays? out|laid out|sets? out|unveil(?:s|ed)?) "
        r"(?:our|a|an|the|its|this) (?:\w+[’']s? )?(?:\w+ )?"
        r"(?:vision|framework|plan|strategy|roadmap|agenda)"
    ),
)
_INTEND = any_of(
    r"(?:intends?|intended|plans?|planned|aims?|seeks?|sought|propose[sd]?|prepares?|undertakes?"
    r"|undertook|vows?|vowed|promise[sd]?|decided|agreed|agrees|committed|commits) to"
)
_PROVIDES = any_of(
    r"includes|supports|maintains|provides|targets|funds|prioriti[sz]es|invests|expands",
    r"increases|sustains|continues|allocates|dedicates|requests",
    after=r"\b(?!\s+(?:no|little|few|nothing|neither)\b)",
)
# What a budget request, a strategy or a programme provides is what its authors commit to.
_PLAN_HEADS = word_set(
    "request requests budget proposal strategy plan initiative program programme framework "
    "bill legislation package agreement"
)
_PROGRESSIVE_WE = any_of(r"we(?:[’']re| are)\s+(?:\w+ly\s+|also\s+|now\s+)?([a-z]+ing)")
_PERCEIVING = word_set("seeing hearing watching following looking noticing witnessing facing going")


# Where a text says what it will do next ('In the next section we will turn to …').
_META = any_of(
    r"below|above|next section|in (?:this|the next|the following|the final|a later) "
    r"(?:section|chapter|part|report|paper|brief|note|memo)",
    r"as we will see",
)
# Reported speech: 'The government said it would expand …', 'Officials told reporters they
# would open …'.
_SAID_WOULD = any_of(
    r"(?:said|says|announced|stated|confirmed|promised|pledged|told(?: \w+){1,3}?)"
    r"(?: that)?(?: [\w’'.]+){1,4}? would",
)


# Every commitment rule needs one of these stems (a quick test before the rules).
_COMMITMENT_STEMS = re.compile(
    r"will|shall|going to|[’']ll\b|commit|pledg|plan|objective|goal|aim|mission|purpose|out|"
    r"unveil|intend|seek|sought|propos|prepar|undert|vow|promis|decided|agree|include|support|"
    r"maintain|provide|target|fund|priorit|invest|expand|increase|sustain|continue|allocate|"
    r"dedicate|request|we are|we[’']re|would",
    re.IGNORECASE,
)


def commitment(sentence: str) -> Cue | None:
    if not _COMMITMENT_STEMS.search(sentence):
        return None
    if (said := _SAID_WOULD.search(sentence)) and _said_would(sentence, said):
        return Cue("commitment", said.group(0))
    for match in _WILL.finditer(sentence) if not _META.search(sentence) else ():
        after = [w.lower() for w in following(sentence, match.end(), 2)]
        if not after:
            continue
        subject = subject_before(sentence, match.start())
        if after[0] in _NOT_PLEDGES and not (after[0] == "not" and subject.kind == "author"):
            continue  # a forecast ('will likely', 'will need'), unless 'we will not tolerate'

        if _HOPE.search(sentence[: match.start()]) or subordinate(sentence, match.start(), subject):
            continue  # 'we hope that the institutions will …' is no pledge
        if _pledger(subject):
            return Cue("commitment", " ".join([*subject.words[-2:], match.group(0).strip()]))
    for rule in _COMMITTED:
        if found := rule.search(sentence):
            return Cue("commitment", found.group(0).strip('“" '))
    for match in _INTEND.finditer(sentence):
        if sentence[: match.start()].rstrip().endswith(",") and match.group(0).endswith("ed to"):
            continue  # 'The visit, intended to advance cooperation, …' describes the visit
        previous = re.findall(r"[A-Za-z]+", sentence[: match.start()])[-1:]
        if previous and previous[0].lower() in DETERMINERS:
            continue  # 'a plan to monitor the grants' names a plan, nobody commits to it
        subject = subject_before(sentence, match.start())
        if subordinate(sentence, match.start(), subject):
            continue
        if subject.kind in ("author", "actor") or (subject.kind == "policy" and _owned(subject)):
            return Cue("commitment", match.group(0))
    for match in _PROVIDES.finditer(sentence):
        subject = subject_before(sentence, match.start())
        if subject.head.lower() in _PLAN_HEADS and subject.kind in ("author", "actor", "policy"):
            return Cue("commitment", f"{subject.head} {match.group(0)}")
    progressive = _PROGRESSIVE_WE.search(sentence)
    if progressive and _acting(progressive.group(1)):
        return Cue("commitment", progressive.group(0))
    return None


def _said_would(sentence: str, said: re.Match[str]) -> bool:
    """'… said it would expand the program': the speaker's side commits to an action."""
    would = said.end() - len("would")
    verb = following(sentence, said.end(), 1)
    if not verb or verb[0].lower() in _NOT_PLEDGES or not lexicon.is_base_verb(verb[0]):
        return False
    speaker = subject_before(sentence, said.start())
    if speaker.kind not in ("actor", "author", "pronoun"):
        return False  # 'Most respondents said they would leave again'
    subject = subject_before(sentence, would)
    return subject.kind in ("actor", "author") or subject.head.lower() in (
        "it",
        "they",
        "he",
        "she",
    )


def _acting(word: str) -> bool:
    """'we are strengthening …' acts; 'we are seeing …' only watches."""
    return word.lower() not in _PERCEIVING and lexicon.is_gerund(word)


def _pledger(subject: Subject) -> bool:
    """Whose 'will' is a pledge: the author's side, a named body or a government, or a plan
    the author owns ('Our strategy will …'); not a forecast about things or other people,
    nor about any body at all ('a region that cannot offer work will …')."""
    if subject.kind == "author":
        return True
    if subject.kind == "policy":
        return subject.first_person
    generic = bool(subject.words) and subject.words[0].lower() in ("a", "an", "any", "every")
    return subject.kind == "actor" and not generic and subject.head.lower() != "you"


def _owned(subject: Subject) -> bool:
    """A plan someone owns: 'our approach', 'the Administration's approach'."""
    return subject.first_person or any(w[:1].isupper() for w in subject.words[1:])


# --- reported policy actions ----------------------------------------------------------------

ACTION_VERBS = word_set(
    "announce launch pledge sign allocate provide expand extend open reopen establish create "
    "approve adopt designate commit invest disburse award fund finance agree revise seek "
    "restore reinstate resume double triple increase implement unveil initiate deliver donate "
    "propose enact appropriate mobilize mobilise dedicate earmark contribute inaugurate "
    "condition lead scale"
)
# Verbs a press release puts in the present ('USAID announces'); other verbs in the present
# describe a standing role ('The DART leads the response'), not a new action.
_ANNOUNCING = word_set("announce launch pledge unveil sign commit award allocate donate")
_ACTION_NOUNS = (
    re.compile(
        r"\bannouncements? of\b|\b\w+[’']s\s+(?:\w+\s+)?announcement\b"
        r"|\b(?:today|this week)[’']s\s+(?:\w+\s+)?(?:announcement|expansion|launch)\b",
        re.IGNORECASE,
    ),
    # A reduced relative anchored in time reports: 'the changes announced today', 'an
    # initiative launched last week by the ministry'.
    any_of(
        r"(?:announced|launched|unveiled|approved|signed|adopted) (?:today|yesterday|this week"
        r"|this month|last week|last month|on (?-i:[A-Z])\w+|by the (?-i:[A-Z])\w+)"
    ),
    any_of(
        r"culminat(?:ed|es|ing) in (?:\w+ ){0,2}"
        r"(?:agreements?|commitments?|announcements?|accords?|deals?|pacts?|plans?|pledges?)"
    ),
    # A policy action named as a noun, with a programme for its object: 'the expansion of
    # the program', 'the launch of a task force', 'the reopening of the offices'.
    any_of(
        r"(?:expansion|enlargement|extension|launch|creation|establishment|reopening|designation"
        r"|reinstatement|restoration|signing|approval|adoption) of "
        r"(?:the |a |an |its |our |this |their )?(?:[\w’'-]+ ){0,3}"
        r"(?:program(?:me)?s?|initiatives?|pathways?|visas?|offices?|cent(?:er|re)s?|funds?"
        r"|task force|status|protections?|agreements?|framework|partnership|plan|reunification"
        r"|parole|processing)"
    ),
)
# A government act that harms rights is the history of the problem, not a policy response.
_HARM = any_of(
    r"criminali[sz]\w*|repress\w*|crackdowns?|curtail\w*|undermin\w*|persecut\w*|amnesty",
    r"dismantl\w*|purg(?:e|es|ed|ing)|censor\w*|state of (?:emergency|exception)",
    r"suspend\w* (?:constitutional|civil) (?:rights|liberties|guarantees)",
)
_NEGATION = word_set("not never failed refused declined no")
_SUBORDINATING = word_set("if when once unless as than until while where because though although")
_GROWTH = word_set("increase expand double triple extend")
_SHARES = word_set("percent per cent share proportion half third quarter fraction only none")
_STARTING = word_set("begin start agree decide move vote")
_VERB_GROUP = HELPERS | word_set("to begun began started agreed decided")


def announcement(sentence: str) -> Cue | None:
    for rule in _ACTION_NOUNS:
        if match := rule.search(sentence):
            return Cue("announcement", match.group(0))
    if _HARM.search(sentence):
        return None  # 'Congress approved a law that criminalises NGOs': the problem's history
    tokens = list(re.finditer(r"[A-Za-z][\w’'-]*", sentence))
    for index, token in enumerate(tokens):
        word = token.group(0)
        lemma = lexicon.verb_lemma(word)
        if lemma not in ACTION_VERBS or (word.lower() == lemma and not _begun(tokens, index)):
            continue  # a base form reports nothing, unless 'began to …', 'agreed to …'
        if _reported(sentence, tokens, index):
            return Cue("announcement", word)
    return None


def _begun(tokens: list[re.Match[str]], index: int) -> bool:
    """'has begun to revise', 'agreed in October to include': an infinitive after a verb of
    starting or deciding reports the action."""
    before = [t.group(0).lower() for t in tokens[max(0, index - 4) : index]]
    return before[-1:] == ["to"] and any(lexicon.verb_lemma(w) in _STARTING for w in before)


def _reported(sentence: str, tokens: list[re.Match[str]], index: int) -> bool:
    """Whether the policy verb at `tokens[index]` reports an action taken by an actor."""
    word = tokens[index].group(0)
    tags = lexicon.verb_tags(word)
    previous = [t.group(0).lower() for t in tokens[max(0, index - 3) : index]]
    if previous and previous[-1] in DETERMINERS | {"of"}:
        return False  # 'a series of announced actions', 'the proposed law'
    if any(w in _NEGATION for w in previous) or (previous and previous[-1] in _SUBORDINATING):
        return False  # 'has not signed'; '… if implemented well'
    if tags == {"VBZ"} and lexicon.verb_lemma(word) not in _ANNOUNCING:
        return False
    start = tokens[index].start()
    if sentence[:start].rstrip().endswith(",") and sentence[tokens[index].end() :].startswith(
        " by "
    ):
        return False  # 'The Framework, launched by our governments, …' only describes it
    if not tags & {"VBD", "VBN", "VBZ", "VBG"} and not _begun(tokens, index):
        return False
    if "VBG" in tags and not (previous and previous[-1] in ("is", "are", "been", "was", "were")):
        return False  # a gerund ('by expanding our collaboration') names, it does not report
    passive = bool(previous) and previous[-1] in ("was", "were", "been", "being") and "VBN" in tags
    verb_start = _verb_group_start(tokens, index)
    subject = subject_before(sentence, verb_start)
    if subordinate(sentence, verb_start, subject):
        return False
    if subject.kind == "policy" and lexicon.verb_lemma(word) in _GROWTH:
        return True  # 'Security cooperation increased as a result of the initiative'
    if passive:
        # 'Three shelters were opened' reports; 'only 3 percent of the funds had been
        # disbursed' is a statistic.
        counted = any(w[:1].isdigit() or w.lower() in _SHARES for w in subject.words)
        return subject.kind not in ("affected", "nobody") and not counted
    return subject.kind in ("actor", "author") or (
        subject.kind == "pronoun" and subject.head.lower() in ("he", "she", "we")
    )


def _verb_group_start(tokens: list[re.Match[str]], index: int) -> int:
    """Where the verb group of `tokens[index]` begins ('has also sought' -> 'has')."""
    start = index
    while start > 0 and tokens[start - 1].group(0).lower() in _VERB_GROUP:
        start -= 1
    return tokens[start].start()


# --- funding: an amount of money for a programme ---------------------------------------------

_AMOUNT = any_of(
    r"(?:US|C|A)?[$€£]\s?\d[\d,.]*(?:\s*(?:million|billion|trillion|bn|m)\b)?",
    r"\b(?:USD|EUR|GBP)\s?\d[\d,.]*(?:\s*(?:million|billion|trillion|bn|m)\b)?",
    r"\d[\d,.]* (?:million|billion) (?:dollars|euros|pesos)",
    before=r"",
    after=r"",
)
# What makes an amount a programme's money rather than a statistic ('$3.6 billion in aid
# over five years' is history; 'a $40 million, three-year initiative' is a programme).
_PROGRAMME = any_of(
    r"program(?:me)?s?|programming|initiatives?|investments?|package|fund|grants?|awards?",
    r"loans?|pledges?|commitments?|appeal|requests?",
    r"(?:new|additional|initial|further) (?:funding|funds|assistance|aid|support)",
    r"\w+-year",
    r"over (?:the next )?(?:\w+ ){0,1}years",
)


def funding(sentence: str) -> Cue | None:
    for amount in _AMOUNT.finditer(sentence):
        near = sentence[max(0, amount.start() - 40) : amount.end() + 50]
        if _PROGRAMME.search(near):
            return Cue("funding", amount.group(0).strip())
    return None
