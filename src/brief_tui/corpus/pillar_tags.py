"""Explainable pillar tags: phrases for each pillar, and the restraints a careful reader applies.

Office names are not topics, someone else's quoted words are not the passage's subject, and a
stock list of root causes ('poverty, inequality, and violence') frames a passage rather than
being what it is about, unless the passage asks for action on them. Every tag comes with the
words that produced it.
"""

from __future__ import annotations

import re

from brief_tui.corpus.pillars import sort_pillars
from brief_tui.corpus.reasons import Reason


def _phrases(*patterns: str) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(patterns) + r")\b", re.IGNORECASE)


PILLAR_RULES: dict[str, re.Pattern[str]] = {
    "I": _phrases(
        r"poverty",
        r"(?:economic|income) (?:inequality|inequalities|insecurity|development|growth|"
        r"opportunit\w+|decline|cooperation|models?|prosperity|justice)",
        r"inequality",
        r"(?:job|jobs|employment) (?:creation|training)",
        r"jobs",
        r"employment",
        r"livelihoods?",
        r"food insecurity",
        r"affordable housing",
        r"agribusiness(?:es)?",
        r"agricultur\w+",
        r"(?:small|medium) (?:and medium )?businesses",
        r"loans",
        r"invest in (?:the region|sustainable development|jobs|infrastructure)",
        r"(?:private[- ]sector|foreign|domestic|external) investments?",
        r"investment in infrastructure",
        r"infrastructure (?:or [\w-]+ )?projects",
        r"sustainable development",
        r"development (?:plan|projects?|model|priorities|efforts)",
        r"(?:promote|promoting|regional|region[’']s) development",
        r"economic and security cooperation",
        r"trade and investment",
        r"DR-CAFTA",
        r"climate change",
        r"extreme weather",
        r"hurricanes?",
        r"drought",
        r"workforce",
        r"economic(?:ally)? prosperity",
        r"advance economically",
    ),
    "II": _phrases(
        r"corrupt\w*",
        r"anti-?corruption",
        r"anticorruption",
        r"(?:anti-)?impunity",
        r"unpunished|punish\w*|bringing justice",
        r"rule of law",
        r"(?:good |democratic |poor )?governance",
        r"democracy|democracies",
        r"democratic (?:governance|institutions|movements|process|standards)",
        r"undemocratic",
        r"authoritarian\w*",
        r"judicial independence|judicial",
        r"judges",
        r"prosecutors?",
        r"justice (?:institutions|officials|system|sector|reform)",
        r"transparen\w+",
        r"hold governments accountable|accountable and transparent",
        r"embezzle\w*",
        r"institutional (?:and structural )?reforms",
        r"public institutions",
        r"(?:strengthen|support)\w* civil society",
        r"undercut civil society",
        r"NGO Law",
        r"self-determination",
        r"Section 353",
        r"Special Prosecutor",
        r"reformers",
    ),
    "III": _phrases(
        r"human rights?",
        r"labor rights",
        r"labor reforms?",
        r"child (?:and forced )?labor",
        r"forced labor",
        r"working conditions",
        r"free press|press freedom|freedom of (?:the )?press",
        r"journalists?",
        r"(?:human rights|environmental|land) defenders",
        r"Indigenous (?:and other )?communities",
        r"autonomy of Indigenous",
        r"state repression|repression",
        r"disappear(?:ed|ance|ances)",
        r"forensic",
    ),
    "IV": _phrases(
        r"(?<!sexual )(?<!gender-based )(?<!domestic )(?<!sexual, )violen(?:ce|t)",
        r"gangs?",
        r"crim(?:e|es|inal)",
        r"extortion",
        r"traffick\w+",
        r"smuggl\w+",
        r"kidnapp\w+",
        r"homicides?",
        r"killings|massacres|murders?",
        r"security forces",
        r"police|policing",
        r"law enforcement",
        r"(?:military|security|police) (?:and police )?assistance",
        r"security[- ]related funding",
        r"security (?:cooperation|policy)",
        r"militarized security",
        r"organized crime|organised crime",
        r"civilian security",
    ),
    "V": _phrases(
        r"gender-based",
        r"sexual violence|sexual abuse|sexual",
        r"domestic violence",
        r"femicides?|feminicides?",
        r"rape",
        r"violence against women",
        r"women[^.]{0,60}?violence",
        r"intimate partner",
    ),
    "P": _phrases(
        r"asylum",
        r"refugees?",
        r"(?:access to|seek|right to seek|refugee|international|for) protection",
        r"protections for migrants",
        r"(?:legal|lawful)(?: immigration| migration)? (?:pathways?|paths)",
        r"pathways? (?:for legal migration|to protection|to citizenship)",
        r"legal migration",
        r"border (?:militarization|crackdowns?|enforcement|processing|control)",
        r"militariz\w+ (?:externalization|of (?:the )?(?:border|migration))",
        r"demilitarize migration",
        r"immigration (?:control|enforcement|system|process)",
        r"migration (?:enforcement|management|agents|control|cooperation)",
        r"Title 42",
        r"Remain in Mexico",
        r"safe third country",
        r"COMAR|UNHCR",
        r"detention|detained",
        r"deport\w+",
        r"expulsions?",
        r"parole",
        r"(?:Central American|unaccompanied) minors",
        r"migrants[’'] rights|rights of migrants|rights and safety of people who migrate",
        r"safe haven",
        r"caravans?",
        r"undocumented",
        r"ports? of entry|points of entry",
        r"southern border",
        r"risks? (?:faced by|to) (?:migrants|people who migrate)",
        r"crimes? (?:committed )?against migrants",
        r"abuses (?:by state agents )?against migrants",
        r"migration polic(?:y|ies)",
        r"rights-respecting (?:approach to migration|way)",
        r"don[’']t come",
        r"would-be migrants",
        r"managing migration humanely",
    ),
}
_EXPLICIT_PILLAR = re.compile(r"\bPillar (I{1,3}|IV|V)\b")
# 'Bureaus for International Narcotics and Law Enforcement and Democracy, Human Rights, and
# Labor' names offices; the pillar words in it are not what the passage is about.
_OFFICE_NAME = re.compile(
    r"\b(?:Bureaus?|Office|Ministry|Secretariat) (?:for|of) (?:(?:and |, ?)?[A-Z][\w-]*)+"
)
_QUOTED = re.compile(r"“[^”]{0,400}”|\"[^\"]{0,400}\"")
# What may stand between two entries of a list: ', ', ', and ', ' and ', ' or '.
_LIST_GLUE = re.compile(r"^(?:,\s*(?:and\s+|or\s+)?(?:other\s+)?|\s+(?:and|or)\s+)$")
_CORRUPTION = re.compile(r"\bcorrupt", re.IGNORECASE)
_SENTENCE = re.compile(r"[^.!?]+[.!?]*")


def _cue_words(words: list[str]) -> tuple[str, ...]:
    """The distinct words that produced a tag, as the reader is shown them (at most four)."""
    return tuple(list(dict.fromkeys(w.lower() for w in words))[:4])


def _matches(text: str) -> list[tuple[str, re.Match[str]]]:
    """(pillar, match) for every pillar phrase in text order, office names left out."""
    scrubbed = _OFFICE_NAME.sub(lambda m: " " * len(m.group(0)), text)
    found = [(p, m) for p, rule in PILLAR_RULES.items() for m in rule.finditer(scrubbed)]
    found.sort(key=lambda item: item[1].start())
    # In a sentence about corruption, 'law enforcement' serves anti-corruption work (II).
    anti_corruption = [
        s.span() for s in _SENTENCE.finditer(scrubbed) if _CORRUPTION.search(s.group(0))
    ]
    return [
        (p, m)
        for p, m in found
        if not (
            p == "IV"
            and m.group(0).lower() == "law enforcement"
            and any(a <= m.start() < b for a, b in anti_corruption)
        )
    ]


def _stock_list_members(text: str, found: list[tuple[str, re.Match[str]]]) -> set[int]:
    """Indexes of matches that are entries of a list naming two or more pillars."""
    members: set[int] = set()
    run = [0] if found else []
    for i in range(1, len(found) + 1):
        glue = text[found[i - 1][1].end() : found[i][1].start()] if i < len(found) else "."
        if _LIST_GLUE.match(glue):
            run.append(i)
            continue
        if len({found[j][0] for j in run}) >= 2:
            members.update(run)
        run = [i]
    return members


def tag_pillars(text: str, asks: bool = False) -> tuple[tuple[str, ...], list[Reason]]:
    """Pillar ids for `text` and one explanation line per pillar.

    `asks` is true when the passage calls for action: a list of root causes it names is then
    what it asks about, not framing.
    """
    explicit = sort_pillars(set(_EXPLICIT_PILLAR.findall(text)))
    if explicit:
        return explicit, [Reason(p, "names pillar") for p in explicit]
    found = _matches(text)
    framing = set() if asks else _stock_list_members(text, found)
    quoted = [m.span() for m in _QUOTED.finditer(text)]
    words: dict[str, list[str]] = {}
    own_words: set[str] = set()
    for index, (pillar, match) in enumerate(found):
        if index in framing:
            continue
        words.setdefault(pillar, []).append(match.group(0))
        if not any(a <= match.start() < b for a, b in quoted):
            own_words.add(pillar)
    # A pillar that only someone else's quoted words support is not the passage's subject,
    # unless the passage is nothing but the quote (a quoted heading, say).
    if own_words:
        words = {p: w for p, w in words.items() if p in own_words}
    pillars = sort_pillars(list(words))
    return pillars, [Reason(p, "mentions", _cue_words(words[p])) for p in pillars]
