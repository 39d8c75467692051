"""Recommendation cues in Spanish, the language of much of the region's own writing.

The same kinds as in English, read from the verb forms that carry them: calls ('instamos a',
'hace un llamado a'), obligations ('debe', 'es necesario que'), the speaker's own pledges
('se compromete a', future tense of a policy verb: 'destinará', 'pondrá en marcha') and
reported acts ('anunció', 'suscribieron', 'acordaron'). A sentence is read this way only
when it is Spanish (several Spanish function words), so English text never matches.
"""

from __future__ import annotations

import re

from brief_tui.corpus.sentence_cues import Cue

_FUNCTION_WORDS = frozenset(
    "el la los las de del que para por con una un se su sus es al como en y".split()
)
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def _any(*forms: str) -> re.Pattern[str]:
    return re.compile(r"(?<!\w)(?:" + "|".join(forms) + r")(?!\w)", re.IGNORECASE)


_CALL = _any(
    r"instamos",
    r"exhortamos",
    r"urgimos",
    r"pedimos",
    r"solicitamos",
    r"recomendamos",
    r"(?:hace|hacemos|hicieron|hizo) un (?:llamado|llamamiento)",
    r"(?:insta|exhorta|urge|llama|pide|solicita|recomienda)n? a",
)
_OBLIGATION = _any(
    r"debe(?:n|rá|rán|ría|rían)?(?= \w+(?:ar|er|ir|arse|erse|irse)\b)",
    r"tiene(?:n)? que",
    r"es (?:necesario|urgente|indispensable|fundamental|imprescindible) que",
)
_PLEDGE = _any(
    r"(?:se|nos) compromete(?:n|mos)? a",
    r"(?:se|nos) comprometi(?:ó|eron|mos) a",
    r"(?:reitera|reiteró|reafirma|reafirmó|reafirmamos|reiteramos) (?:el|su|nuestro) compromiso",
    r"(?:destinar|pondr|implementar|ampliar|fortalecer|impulsar|abrir|establecer|crear|"
    r"financiar|invertir|otorgar|desplegar|garantizar|reforzar)(?:á|án|emos)",
)
_REPORTED_ACT = _any(
    r"anunci(?:ó|aron)",
    r"suscribi(?:ó|eron)",
    r"firm(?:ó|aron)",
    r"acord(?:ó|aron)",
    r"lanz(?:ó|aron)",
    r"inaugur(?:ó|aron)",
    r"aprob(?:ó|aron)",
)


def is_spanish(sentence: str) -> bool:
    words = {w.lower() for w in _WORD.findall(sentence)}
    return len(words & _FUNCTION_WORDS) >= 3


def spanish_cue(sentence: str) -> Cue | None:
    """The first cue of a Spanish sentence, with the rule its English counterpart uses."""
    if not is_spanish(sentence):
        return None
    for rule, pattern in (
        ("call", _CALL),
        ("modal", _OBLIGATION),
        ("commitment", _PLEDGE),
        ("announcement", _REPORTED_ACT),
    ):
        if match := pattern.search(sentence):
            return Cue(rule, match.group(0))
    return None
