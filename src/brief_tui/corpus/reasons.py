"""Why a passage carries a tag or a flag, as data: which tag, which rule, which words.

The reader's `i` screen, a curator reading a content file, and later the scorer all read the
same `Reason`s instead of parsing sentences back by prefix. `str(reason)` is the sentence a
person reads ("P: mentions “asylum”, “refugees”").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

RECOMMENDATION = "recommendation"  # the tag of reasons for the recommendation flag
PILLARS = "pillars"  # the tag of a reason for the whole set of pillars (a curator's)
CURATOR = "curator"  # the rule of a reason set by a curator in curation.toml
UNTAGGED = ""  # the tag of a reason why a passage was not tagged at all
KIND = "kind"  # the tag of the reason for a recommendation's kind (ask, commitment, reported)

# How each rule reads in a sentence: a word cue is shown after it, in quotes.
RULE_WORDS = {
    "mentions": "mentions",
    "names pillar": "names",
    "modal": "modal",  # 'Congress should fund …': an obligation on someone who can act
    "call": "call",  # 'we urge', 'calls on', 'recommends'
    "need": "need",  # 'is urgently needed', 'Addressing X requires …'
    "proposal": "proposal",  # 'the United States can help …'
    "commitment": "commitment",  # 'we will', 'is committed to', 'the request supports'
    "announcement": "announcement",  # 'USAID announced', 'the administration opened'
    "imperative": "starts with an imperative",
    "lead-in": "continues the lead-in",  # an item after 'We urge the administration to:'
    "funding": "funding for a programme",  # 'a $40 million, three-year initiative'
    "about the organisations": "not tagged: about the organisations",
    "contents list": "not tagged: a table of contents",
    "list of links": "not tagged: a list of links",
}


@dataclass(frozen=True)
class Reason:
    tag: str  # a pillar id, RECOMMENDATION, PILLARS or UNTAGGED
    rule: str  # e.g. "mentions", "modal", "imperative", CURATOR
    words: tuple[str, ...] = ()  # the words of the passage that triggered the rule
    note: str = ""  # a curator's note, or what a rule adds in words

    def __str__(self) -> str:
        if self.tag == PILLARS:
            return f"pillars {self.describe()}"
        return f"{self.tag}: {self.describe()}" if self.tag else self.describe()

    def describe(self) -> str:
        """The reason without its tag: 'mentions “asylum”', 'modal (“should”)'."""
        note = f" ({self.note})" if self.note else ""
        if self.rule == CURATOR:
            done = f"marked {self.words[0]}" if self.words else "set"
            return f"{done} by a curator in curation.toml{note}"
        words = ", ".join(f"“{w}”" for w in self.words)
        rule = RULE_WORDS.get(self.rule, self.rule)
        if self.rule == "mentions":
            return f"mentions {words}{note}"
        if self.rule == "names pillar":
            return f"names Pillar {self.tag}{note}"
        if self.tag == RECOMMENDATION:
            return f"{rule} ({words}){note}" if words else rule + note
        if self.tag == KIND:  # 'ask: asks Congress (“should”)'
            said = f" (“{self.words[0]}”)" if self.words else ""
            return f"{self.rule}: {self.note}{said}" if self.note else f"{self.rule}{said}"
        return (f"{rule} {words}" if words else rule) + note

    def as_table(self) -> dict[str, Any]:
        """The fields a content file and the cache store (empty ones left out)."""
        table: dict[str, Any] = {"tag": self.tag, "rule": self.rule}
        if self.words:
            table["words"] = list(self.words)
        if self.note:
            table["note"] = self.note
        return table


def reason_from_table(table: object) -> Reason | None:
    """A reason from a content file or cache table; None when it is not one."""
    if not isinstance(table, dict):
        return None
    tag, rule = table.get("tag"), table.get("rule")
    words, note = table.get("words", []), table.get("note", "")
    if not (isinstance(tag, str) and isinstance(rule, str) and isinstance(note, str)):
        return None
    if not (isinstance(words, list) and all(isinstance(w, str) for w in words)):
        return None
    return Reason(tag, rule, tuple(words), note)


_LEGACY_KIND = re.compile(r"^kind: (ask|commitment|reported)(?:: (.*?))?(?: \(“(.*)”\))?$")
_LEGACY_PILLAR = re.compile(r"^(I|II|III|IV|V|P): (mentions|names Pillar \w+)(.*)$")
_LEGACY_CUE = re.compile(r"^recommendation: (.+?)(?: \((“.*”)\))?$")
_QUOTED = re.compile(r"“([^”]*)”")
_NOTE = re.compile(r"curation\.toml \((.*)\)$")


def reason_from_text(text: str) -> Reason:
    """A reason from a content file written before reasons were data ('P: mentions “x”')."""
    if match := _LEGACY_KIND.match(text):
        kind, note, words = match.groups()
        return Reason(KIND, kind, (words,) if words else (), note or "")
    if match := _LEGACY_PILLAR.match(text):
        pillar, rule, rest = match.groups()
        if rule.startswith("names"):
            return Reason(pillar, "names pillar")
        return Reason(pillar, "mentions", tuple(_QUOTED.findall(rest)))
    if "curator" in text:
        note = _NOTE.search(text)
        if text.startswith("recommendation: "):
            flag = "not a recommendation" if "not a recommendation" in text else "a recommendation"
            return Reason(RECOMMENDATION, CURATOR, (flag,), note.group(1) if note else "")
        return Reason(PILLARS, CURATOR, note=note.group(1) if note else "")
    if match := _LEGACY_CUE.match(text):
        name, quoted = match.groups()
        rule = next((r for r, words in RULE_WORDS.items() if words == name), name)
        return Reason(RECOMMENDATION, rule, tuple(_QUOTED.findall(quoted or "")))
    if text.startswith("not tagged: about the organisations"):
        return Reason(UNTAGGED, "about the organisations")
    return Reason(UNTAGGED, text)
