"""Who a clause is about: the subject in front of a verb, and what kind of subject it is.

'Congress should fund …' calls on someone who can act; 'Stability requires investment' and
'Nobody should have to migrate' do not, though they share the verb or the modal. So a cue
verb is read with its subject: the noun phrase that opens its clause, found by walking back
over introductory phrases ('At the same time, to be effective, assistance … must') and
relative clauses ('Governments that prosecute corruption, protect judges … should'), then
classed by its head word and the words around it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from brief_tui.corpus import lexicon

# Who can act on a policy: governments and their parts, lawmakers, donors and lenders,
# international bodies, companies, organisations. Proper names (Mexico, USAID, Casa Segura)
# are recognised by their capitals instead.
ACTOR_NOUNS = frozenset(
    """
    government governments administration administrations congress senate house parliament
    legislature lawmakers legislators policymakers policy-makers president presidents
    vice-president secretary secretaries secretariat minister ministers ministry ministries department
    departments agency agencies authorities authority officials official leaders leadership
    state states nation nations country countries donor donors partner partners institutions
    bank banks lenders funders foundations commission committee council force office
    offices bureau embassy embassies mission missions courts judiciary prosecutors police
    military army forces companies company employers businesses investors industry sector
    organisations organizations organisation organization ngos ngo coalition alliance network
    premier governor ambassador ambassadors envoy envoys commissioner chancellor diplomats
    community communities governors mayors municipalities union unions washington
    we us i you
    """.split()
)

# What an actor does, standing in for it as a subject: 'assistance … must include', 'this
# long-term plan should address', 'any joint efforts should'.
POLICY_NOUNS = frozenset(
    """
    aid assistance funding funds support policy policies approach approaches strategy
    strategies plan plans program programs programme programmes effort efforts initiative
    initiatives cooperation collaboration action actions measure measures reform reforms
    response responses investment investments budget budgets request requests legislation
    law laws bill agreement agreements framework engagement spending resources priority
    priorities steps solutions commitment commitments pressure diplomacy sanctions enforcement
    protections pathways programming projects project partnership partnerships package
    compact compacts accord accords treaty pact mechanism mechanisms scheme schemes
    """.split()
)

# The people a policy is for: as subjects they suffer or need, they do not decide policy.
AFFECTED_NOUNS = frozenset(
    """
    people persons individuals migrants immigrants refugees families family children child
    youth women men girls boys workers farmers victims survivors residents citizens
    households mothers fathers parents students seekers deportees returnees applicants
    respondents interviewees
    nobody everyone everybody anyone anybody someone somebody one those
    """.split()
)

NEGATIVE_QUANTIFIERS = frozenset({"no", "nobody", "none", "neither", "nor"})
DETERMINERS = frozenset(
    """
    the a an all every each any no some its their our your his her this these that those both
    either neither more fewer less several many much such my whose another other
    """.split()
)
PREPOSITIONS = frozenset(
    """
    to for with on in into from by of against about across through toward towards within
    between among under over beyond before after at during without despite per via amid
    alongside upon onto
    """.split()
)
CONJUNCTIONS = frozenset(
    """
    and but or so yet then also nor while whereas because although though since as if when
    unless until where whether once therefore thus however moreover furthermore instead
    meanwhile specifically finally ultimately together now still
    """.split()
)
RELATIVES = frozenset({"that", "which", "who", "whom", "whose", "where"})
PRONOUNS = frozenset({"we", "i", "you", "they", "he", "she", "it", "us", "them"})
_FIRST_PERSON = frozenset({"we", "i", "us", "our", "my"})

WORD = re.compile(r"[A-Za-z][\w’'.-]*[\w]|[A-Za-z]|\$?\d[\d,.]*")
_BOUNDARY = re.compile(r"[;:—–()\[\]“”\"]|\s-\s|,")


@dataclass(frozen=True)
class Subject:
    """A clause's subject: its words, its head word, and what kind of subject it is.

    kind: 'author' (we, our organisations), 'actor' (a government, agency, organisation or
    named body), 'policy' (aid, this plan, our request), 'action' (a gerund: 'Addressing
    corruption'), 'affected' (people, migrants, families), 'nobody' ('Nobody', 'No one'),
    'pronoun' (they, it, he, she), 'abstract' (stability, migration), '' (none found).
    """

    words: tuple[str, ...]
    head: str
    kind: str

    @property
    def can_act(self) -> bool:
        return self.kind in ("author", "actor", "policy", "action", "pronoun")

    @property
    def first_person(self) -> bool:
        return any(w.lower() in _FIRST_PERSON for w in self.words)


NO_SUBJECT = Subject((), "", "")


def subject_before(sentence: str, position: int) -> Subject:
    """The subject of the clause whose verb starts at `position` in `sentence`."""
    segments = _BOUNDARY.split(sentence[:position])
    # The clause is the last stretch that opens like a noun phrase: after the last
    # subordinator ('… to leave if they must') or, failing that, an earlier stretch, since
    # earlier ones may be introductory phrases or pieces of a relative clause.
    for number in range(len(segments) - 1, -1, -1):
        words = WORD.findall(segments[number])
        if words and _continues_relative(words, segments[:number]):
            continue  # 'Governments that jail reporters, purge judges and ban protests …'
        for start in reversed(_clause_starts(words)):
            candidate = _strip_openers(words[start:])
            if candidate and _opens_noun_phrase(candidate):
                return classify(candidate)
    return NO_SUBJECT


def _continues_relative(words: list[str], earlier: list[str]) -> bool:
    """A stretch opening with a verb, after a stretch with a relative clause, carries on
    that relative clause's list of verbs."""
    if not lexicon.is_base_verb(words[0]) or words[0][:1].isupper():
        return False
    previous = WORD.findall(earlier[-1]) if earlier else []
    return any(w.lower() in ("that", "who", "which") for w in previous)


_NOMINATIVE = frozenset({"we", "i", "they", "he", "she", "it"})


def _clause_starts(words: list[str]) -> list[int]:
    """Where a clause may begin among `words`: the start, after a subordinator or relative
    pronoun, and at a pronoun that can only be a subject ('people feel they need')."""
    starts = [0]
    for index, word in enumerate(words):
        lowered = word.lower()
        if index and (lowered in RELATIVES or lowered in _SUBORDINATORS or lowered in _OPENERS):
            after = words[index + 1] if index + 1 < len(words) else ""
            if lowered in RELATIVES and after and lexicon.is_base_verb(after):
                continue  # 'that jail reporters': the relative pronoun is that clause's subject
            starts.append(index + 1)
        elif index and lowered in _NOMINATIVE:
            starts.append(index)
    return [s for s in starts if s < len(words)]


# Verbs of saying open reported speech without 'that': 'He said Washington would help'.
_OPENERS = frozenset(
    "said says stated states told added noted explained argued warned announced insisted how "
    "what why whether".split()
)
_SUBORDINATORS = frozenset(
    "if when because although though since unless until whereas while once so".split()
)


def _strip_openers(words: list[str]) -> list[str]:
    """Drop what opens a clause before its subject: conjunctions and adverbs ('and the
    United States'), and a prepositional phrase without a comma ('In 2019 the government')."""
    while words and words[0].lower() in CONJUNCTIONS | {"well", "as"}:
        words = words[1:]
    if words and words[0].lower() in PREPOSITIONS:
        for index, word in enumerate(words[1:], start=1):
            lowered = word.lower()
            opens = lowered in DETERMINERS or lowered in _NOMINATIVE or word[:1].isupper()
            if opens and index > 1:
                return words[index:]
        return []
    return words


def _opens_noun_phrase(words: list[str]) -> bool:
    first = words[0]
    lowered = first.lower()
    if lowered in PREPOSITIONS or lowered in RELATIVES:
        return False
    if lowered in DETERMINERS or lowered in PRONOUNS or lowered in NEGATIVE_QUANTIFIERS:
        return True
    if lexicon.is_gerund(first):
        return True
    if first[0].isupper() and not lexicon.known(first):
        return True  # a name or an acronym
    if lowered in ACTOR_NOUNS or lowered in POLICY_NOUNS or lowered in AFFECTED_NOUNS:
        return True
    if lexicon.only_verb(first) or lexicon.is_participle(first):
        return False  # 'protect judges and let civil society operate'
    return lexicon.is_noun(first) or "ADJ" in lexicon.readings(first)


def _head(words: list[str]) -> tuple[list[str], str]:
    """The noun phrase at the start of `words` and its head: 'assistance to the region' ->
    'assistance'; 'Law enforcement cooperation' -> 'cooperation'."""
    phrase: list[str] = []
    for index, word in enumerate(words):
        lowered = word.lower()
        if index and (lowered in PREPOSITIONS or lowered in RELATIVES):
            break
        if index and lowered in ("and", "or") and not _joins_names(words, index):
            phrase.append(word)
            continue
        if index and (_is_verb_here(word) or _is_adverb(word)):
            break
        phrase.append(word)
    content = [w for w in phrase if w.lower() not in DETERMINERS and w.lower() not in ("and", "or")]
    return phrase, (content[-1] if content else phrase[-1] if phrase else "")


def _joins_names(words: list[str], index: int) -> bool:
    return index + 1 < len(words) and words[index + 1][:1].isupper()


def _is_adverb(word: str) -> bool:
    lowered = word.lower()
    if lowered in ("also", "still", "now", "already", "alone", "too", "often", "never", "not"):
        return True
    return lowered.endswith("ly") and "ADV" in lexicon.readings(lowered)


def _is_verb_here(word: str) -> bool:
    """A finite verb or modal ends the subject ('Congress has', 'assistance must')."""
    lowered = word.lower()
    if lowered in ("is", "are", "was", "were", "has", "have", "had", "will", "would", "can"):
        return True
    if lowered in ("could", "should", "must", "may", "might", "shall", "does", "did", "do"):
        return True
    if word[0].isupper():
        return False
    tags = lexicon.verb_tags(word)
    if not tags or lexicon.is_noun(word) or "ADJ" in lexicon.readings(word):
        return False
    return bool(tags & {"VBZ", "VBD"})


def classify(words: list[str]) -> Subject:
    """What kind of subject the words opening a clause are (see `Subject`)."""
    phrase, head = _head(words)
    lowered = [w.lower() for w in phrase]
    kind = _kind(phrase, lowered, head)
    return Subject(tuple(phrase), head, kind)


def _kind(phrase: list[str], lowered: list[str], head: str) -> str:
    first, low_head = lowered[0], head.lower()
    if first in NEGATIVE_QUANTIFIERS or (first == "no" and len(lowered) > 1):
        return "nobody"
    if first in ("we", "i") or (first in ("our", "my") and low_head not in AFFECTED_NOUNS):
        return "author"
    if first in ("they", "he", "she", "it"):
        return "pronoun"
    if lexicon.is_gerund(phrase[0]):
        return "action"
    if low_head in AFFECTED_NOUNS or first in AFFECTED_NOUNS:
        return "affected"
    bare = [re.sub(r"[’']s$", "", w) for w in lowered]
    if any(w in ACTOR_NOUNS for w in bare):
        return "actor"
    if low_head in POLICY_NOUNS:
        return "policy"  # 'this long-term plan', 'the Bicentennial Framework'
    if _named(phrase):
        return "actor"
    return "abstract"


def _named(phrase: list[str]) -> bool:
    """A proper name or an acronym among the words: 'Mexico', 'USAID', 'the U.S.', 'The
    Secretariat' (a capitalised common noun after the first word names an institution)."""
    for index, word in enumerate(phrase):
        bare = re.sub(r"[’']s$", "", word).strip(".’'")
        if not bare[:1].isupper() or bare.lower() in DETERMINERS:
            continue
        if (bare.isupper() and len(bare) >= 2) or "." in bare:
            return True  # USAID, DHS, U.S.
        if index > 0 or not lexicon.known(bare):
            return True
    return False
