"""Explainable pillar tags and recommendation flags.

Every tag comes with the words or rule that produced it, so the reader can say *why* a passage
carries it (`i` in the reader) and a curator can see what to correct. Rules are deliberately
plain: phrases for each pillar, and cue phrases for calls to action and commitments.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from brief_tui.corpus.pillars import sort_pillars
from brief_tui.corpus.segment import IMPERATIVE_VERBS, first_word


def _phrases(*patterns: str) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(patterns) + r")\b", re.IGNORECASE)


PILLAR_RULES: dict[str, re.Pattern[str]] = {
    "I": _phrases(
        r"poverty",
        r"(?:economic|income) (?:inequality|inequalities|insecurity|development|growth|opportunit\w+|"
        r"decline|cooperation|models?|prosperity|justice)",
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
        r"micro, small and medium businesses",
        r"loans",
        r"invest(?:ment|ments|ing)?",
        r"private[- ]sector investment",
        r"sustainable development",
        r"development (?:plan|projects?|model|priorities|efforts)",
        r"(?:promote|promoting|regional|region[’']s) development",
        r"economic and security cooperation",
        r"trade and investment",
        r"DR-CAFTA",
        r"climate change",
        r"drought",
        r"workforce",
        r"infrastructure",
        r"prosperous|prosperity",
    ),
    "II": _phrases(
        r"corrupt\w*",
        r"anti-?corruption",
        r"anticorruption",
        r"(?:anti-)?impunity",
        r"rule of law",
        r"(?:good |democratic |poor )?governance",
        r"democra\w+",
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
        r"persecution",
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
        r"managing migration humanely",
    ),
}

# Phrases that name one of the other pillars' subjects but are not about it here.
_SUPPRESS: dict[str, re.Pattern[str]] = {
    # 'the State Department's Bureau of Democracy, Human Rights, and Labor' is an office's name.
    "III": re.compile(r"Democracy, Human Rights, and Labor", re.IGNORECASE),
}

_EXPLICIT_PILLAR = re.compile(r"\bPillar (I{1,3}|IV|V)\b")

RECOMMENDATION_CUES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("modal", _phrases(r"should", r"must", r"ought to")),
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
        ),
    ),
    ("proposal", _phrases(r"can help", r"would (?:greatly )?(?:help|facilitate)")),
    (
        "commitment",
        _phrases(
            r"we will",
            r"will (?:launch|build|continue|consistently|work|support|"
            r"provide|invest)",
            r"(?:is|are|remain) committed to",
            r"pledged",
            r"our (?:objective|goal) is",
            r"it is our goal",
            r"received commitments",
        ),
    ),
    ("announcement", _phrases(r"announc(?:ed|es|ing|ement)")),
)
_FUNDING = re.compile(r"\$[\d.,]+ (?:million|billion)|\bplans? (?:for|to)\b|\bcommitments\b", re.I)


@dataclass(frozen=True)
class Tagging:
    pillars: tuple[str, ...]
    recommendation: bool
    why: tuple[str, ...]


def _quote(words: list[str]) -> str:
    unique = list(dict.fromkeys(w.lower() for w in words))
    return ", ".join(f"“{w}”" for w in unique[:4])


def tag_pillars(text: str) -> tuple[tuple[str, ...], list[str]]:
    """Pillar ids for `text` and one explanation line per pillar."""
    explicit = sorted(set(_EXPLICIT_PILLAR.findall(text)))
    if explicit:
        return sort_pillars(explicit), [f"{p}: names Pillar {p}" for p in sort_pillars(explicit)]
    found: dict[str, list[str]] = {}
    for pillar, rule in PILLAR_RULES.items():
        scrubbed = _SUPPRESS[pillar].sub(" ", text) if pillar in _SUPPRESS else text
        words = [m.group(0) for m in rule.finditer(scrubbed)]
        if words:
            found[pillar] = words
    pillars = sort_pillars(list(found))
    return pillars, [f"{p}: mentions {_quote(found[p])}" for p in pillars]


def recommendation_cue(text: str, kind: str) -> str | None:
    """Why `text` reads as a call to action or a commitment, or None when it does not."""
    if kind in ("heading", "item") and first_word(text.lstrip("0123456789.) ")) in IMPERATIVE_VERBS:
        return f"starts with an imperative (“{first_word(text.lstrip('0123456789.) '))}”)"
    for name, rule in RECOMMENDATION_CUES:
        if match := rule.search(text):
            return f"{name} (“{match.group(0)}”)"
    if kind == "item" and (match := _FUNDING.search(text)):
        return f"announced initiative (“{match.group(0)}”)"
    return None


def tag_passage(text: str, kind: str) -> Tagging:
    """Pillars and recommendation flag for one passage, with the reasons."""
    pillars, why = tag_pillars(text)
    cue = recommendation_cue(text, kind)
    if cue:
        why.append(f"recommendation: {cue}")
    return Tagging(pillars, cue is not None, tuple(why))
