"""Does a heading, list item or paragraph open with a verb in the imperative?

Any English verb can open a recommendation ('Understand …', 'Sequence …', 'Pair …'), so the
opening word is looked up in an English lexicon (`lexicon`), not in a list of verbs. Many
verbs are also nouns or adjectives ('Fund', 'Key', 'Press', 'Open'), so the reading is
weighed by what follows: an object opening ('the', 'every', a name) or a verb that is only a
verb makes the imperative plain; a finite verb after it ('Research shows', 'Congress has')
rules it out; otherwise the reading is weak and needs a recommending context to count.
Menus, labels ('Source: …'), dates and titles in Title Case are not instructions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from brief_tui.corpus import lexicon
from brief_tui.corpus.clauses import DETERMINERS, PREPOSITIONS

# Verbs a web page or a report says to its reader about itself, not about policy.
READER_VERBS = frozenset(
    """
    skip search share sign log subscribe print follow download read learn click view see visit
    watch listen email contact donate explore discover browse accept decline manage suggest
    jump return go find register submit tweet post login upload thank get
    """.split()
)
# Imperatives of argument, not of policy: 'Imagine a family …', 'Take the case of …'.
RHETORICAL_VERBS = frozenset(
    "imagine suppose picture remember recall note think look let say".split()
)
_RHETORICAL = re.compile(
    r"^(?:take (?:the|a|an) (?:case|example|look)|make no mistake|put (?:simply|differently|"
    r"another way|bluntly)|don[’']t get me wrong)\b"
    r"|^[^.;:]{0,120}?\band you(?:[’']ll| will| would)\b",  # 'Ask any farmer and you will hear …'
    re.IGNORECASE,
)
# Closed-class words the lexicon also lists as verbs ('further', 'still', 'second').
_NOT_VERBS = frozenset(
    """
    further still even well like near round down up out over off second last best better most
    while yet just long mean rather whereas lest
    more less no may might can will shall must should would could ought need dare please
    january february march april june july august september october november december
    """.split()
)
_ADVERB_FIRST = re.compile(r"^[A-Z][a-z]+ly$")


def _adverb(word: str) -> bool:
    found = lexicon.readings(word)
    return bool(_ADVERB_FIRST.match(word)) and "ADV" in found and "NOUN" not in found


_OBJECT_PRONOUNS = frozenset({"it", "them", "us", "him", "her", "you", "me", "this", "that"})
_FINITE = frozenset(
    "is are was were has have had will would can could should must may might shall does did".split()
)
_WORD = re.compile(r"[A-Za-z][A-Za-z’'-]*|\$?\d[\d,.]*|\S")
_MARKER = re.compile(r"^(?:[\s•·▪◦‣*#>–—-]+|\(?[0-9]{1,2}[.)]\s*|\(?[a-zA-Z][.)]\s+)+")
_EMPHASIS = re.compile(r"\*\*|__")
_SHORT_LABEL = re.compile(r"^(?:[^\s.:;!?]+\s+){0,4}[^\s.:;!?]+\s*[.:—–]\s+")


PLAIN, LIKELY, DOUBTFUL = 2, 1, 0


@dataclass(frozen=True)
class Imperative:
    """An imperative opening: the verb as written, and how sure the reading is.

    PLAIN: nothing else it could be ('Ensure …', 'Pair every …', 'Fully fund …'). LIKELY: a
    word that is also a noun, before a common noun or adjective ('Fund shelters …'): a list
    item of that shape is advice, a heading may be a title ('Key cooperation on …').
    DOUBTFUL: before a name, a number or a preposition ('Labour Migration Bulletin', 'Page 1
    of 2', 'Work with Mexico'): advice only among other advice.
    """

    verb: str
    strength: int

    @property
    def plain(self) -> bool:
        return self.strength == PLAIN


def imperative_opening(text: str) -> Imperative | None:
    """The imperative verb `text` opens with (after a list marker or a short label such as
    '**Legal pathways.**'), or None when it does not open with one."""
    body = _MARKER.sub("", _EMPHASIS.sub("", text.strip()))
    if "|" in body:
        return None  # a menu or a row of links
    found = _reading(body)
    if found is None or not found.plain:
        # after a short label: '**Legal pathways.** Keep …', 'Labour rights: double …'
        unlabelled = _SHORT_LABEL.sub("", body, count=1)
        if unlabelled != body and len(unlabelled.split()) >= 3:
            labelled = _reading(unlabelled)
            if labelled and (found is None or labelled.strength > found.strength):
                found = labelled
    return found


def _reading(body: str) -> Imperative | None:
    words = _WORD.findall(body)
    if sum(1 for w in words if w[0].isalnum()) < 4 or body.rstrip().endswith("?"):
        return None
    if _adverb(words[0]) and lexicon.is_base_verb(words[1]) and words[1] not in _NOT_VERBS:
        return Imperative(words[1], PLAIN)  # 'Fully fund …', 'Immediately end …'
    first, second = words[0], words[1]
    lowered = first.lower()
    if not first[0].isupper() or lowered in READER_VERBS | RHETORICAL_VERBS | _NOT_VERBS:
        return None
    if _RHETORICAL.match(body):
        return None
    if lowered in ("do", "don’t", "don't", "never") and _negated_verb(words):
        return Imperative(first, PLAIN)
    if not lexicon.is_base_verb(lowered):
        return None
    if _title_case(words) and not lexicon.only_verb(lowered):
        return None
    return _weigh(first, second.lower(), second, words)


def _negated_verb(words: list[str]) -> bool:
    rest = [w.lower() for w in words[1:3]]
    if rest and rest[0] == "not":
        rest = rest[1:]
    return bool(rest) and lexicon.is_base_verb(rest[0]) and rest[0] not in _NOT_VERBS


def _weigh(first: str, second: str, raw_second: str, words: list[str]) -> Imperative | None:
    """How plainly `first` reads as an imperative, given the word after it."""
    if second in (":", "|", ">", "/", ",", "(", "–", "—") or second in _FINITE:
        return None  # a label, a menu, or a subject followed by its verb
    if ":" in words[2:4] or "|" in words:
        return None  # 'Pillar II: …', 'Access to information | Privacy'
    only_verb = lexicon.only_verb(first)
    third = words[2].lower() if len(words) > 2 else ""
    if (second, third) in (("at", "least"), ("no", "less"), ("up", "to"), ("at", "most")):
        return Imperative(first, PLAIN)  # 'Direct at least 40 percent …'
    if raw_second[0].isdigit():
        return Imperative(first, DOUBTFUL)  # 'Hire 300 inspectors' or 'Page 1 of 2'
    if raw_second[0].isupper() and not only_verb:
        return Imperative(first, DOUBTFUL)  # 'Designate Guatemala …' or 'Labour Migration …'

    if first.lower() == "consider":
        return Imperative(first, PLAIN) if lexicon.is_gerund(second) else None
    if second in DETERMINERS or second in _OBJECT_PRONOUNS or raw_second[0] == "$":
        return Imperative(first, PLAIN)
    if lexicon.is_base_verb(second) and first.lower() in ("help", "let", "make"):
        return Imperative(first, PLAIN)  # 'Help strengthen …'
    if _finite_verb(raw_second):
        return None  # 'Research shows …', 'Action drew …'
    if not only_verb and third in _FINITE:
        return None  # 'Supply chains are …'
    if second in PREPOSITIONS:
        if second == "of" or not only_verb:
            return Imperative(first, DOUBTFUL) if second != "of" else None
        return Imperative(first, PLAIN)
    if raw_second[0].isupper():
        return Imperative(first, PLAIN)  # a name as the object: 'Designate Guatemala …'
    if "ADJ" in lexicon.readings(second) and not lexicon.verb_tags(second) & {"VBN", "VBG"}:
        return Imperative(first, PLAIN)  # no noun phrase opens 'Guarantee safe …'
    return Imperative(first, PLAIN if only_verb else LIKELY)


def _finite_verb(word: str) -> bool:
    lowered = word.lower()
    if lowered in _FINITE:
        return True
    tags = lexicon.verb_tags(lowered)
    if not tags or lexicon.is_noun(lowered) or "ADJ" in lexicon.readings(lowered):
        return False
    return bool(tags & {"VBZ", "VBD"})


def _title_case(words: list[str]) -> bool:
    """Title Case ('Report Corrupt and Undemocratic Actors'): a title or a link, not advice."""
    content = [w for w in words[1:] if w[:1].isalpha() and len(w) > 3]
    if len(content) < 2:
        return False
    capitals = sum(1 for w in content if w[0].isupper())
    return capitals * 4 >= len(content) * 3


def coordinated_verb(text: str) -> str:
    """A plain imperative joined to the first ('…, and suspend it when …'), or ''."""
    for match in re.finditer(
        r"(?:,|;)\s+(?:and\s+|or\s+)?([a-z]+)\s+(\w+)|\band\s+([a-z]+)\s+(the|its|their|all|every|any|it|them)\b",
        text,
    ):
        verb = match.group(1) or match.group(3)
        follower = (match.group(2) or match.group(4) or "").lower()
        if verb in _NOT_VERBS or not lexicon.is_base_verb(verb):
            continue
        if lexicon.only_verb(verb) or follower in DETERMINERS or follower in _OBJECT_PRONOUNS:
            return verb
    return ""
