"""What kind of body a document comes from: advocacy, government, research, media,
multilateral or other.

Told from the words organisations use to name themselves ('Ministry of …', 'Department of …',
'… Institute', '… Network', '… Times') and the document's kind, so it holds for bodies never
seen. A curator corrects it in curation.toml (`source_type` under the document's seed).
"""

from __future__ import annotations

import re

from brief_tui.corpus.model import SOURCE_TYPES
from brief_tui.corpus.parties import find_party

__all__ = ["SOURCE_TYPES", "source_type", "type_of_organisation"]


def _words(*alternatives: str) -> re.Pattern[str]:
    return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)", re.IGNORECASE)


_MULTILATERAL = _words(
    r"united nations",
    r"UN[A-Z]{2,6}",
    r"IOM",
    r"international organization for migration",
    r"organi[sz]ation of american states",
    r"OAS",
    r"inter-american (?:development bank|commission on human rights)",
    r"IDB",
    r"world bank",
    r"world food programme",
    r"international labou?r organi[sz]ation",
    r"international monetary fund",
    r"regional conference on migration",
    r"european (?:union|commission)",
    r"office (?:of|for) the (?:un )?high commissioner",
    r"development programme",
    r"SICA",
)
_GOVERNMENT = _words(
    r"department of",
    r"(?:state|homeland security|justice|labor) department",
    r"ministry",
    r"minist[eé]rio",
    r"ministerio",
    r"minist[eè]re",
    r"secretar[ií]a",
    r"canciller[ií]a",
    r"government(?: of)?",
    r"gobierno",
    r"white house",
    r"executive office",
    r"national security council",
    r"agency for international development",
    r"USAID",
    r"DHS",
    r"embassy",
    r"embajada",
    r"congress(?:ional)?",
    r"house of representatives",
    r"senate",
    r"(?:house|senate) committee",
    r"committee on",
    r"government accountability office",
    r"GAO",
    r"CRS",
    r"presiden(?:cy|cia)",
    r"office of the (?:president|vice president|spokesperson)",
    r"customs and border protection",
    r"instituto nacional",
    r"procuradur[ií]a",
    r"fiscal[ií]a",
    r"defensor[ií]a",
    r"millennium challenge corporation",
    r"inter-american foundation",
)
_MEDIA = _words(
    r"news",
    r"times",
    r"post",
    r"journal",
    r"tribune",
    r"herald",
    r"courier",
    r"gazette",
    r"daily",
    r"reuters",
    r"associated press",
    r"AP",
    r"AFP",
    r"radio",
    r"television",
    r"TV",
    r"magazine",
    r"press agency",
    r"broadcasting",
    r"diario",
    r"prensa",
    r"peri[oó]dico",
    r"noticias",
)
_RESEARCH = _words(
    r"institut(?:e|o|ion)",
    r"cent(?:er|re) for",
    r"centro de",
    r"council on",
    r"council of the americas",
    r"brookings",
    r"dialogue",
    r"universit(?:y|ies|ad)",
    r"college",
    r"think tank",
    r"research",
    r"studies",
    r"policy cent(?:er|re)",
    r"forum",
    r"observatory",
    r"observatorio",
    r"RAND",
    r"CSIS",
    r"wilson center",
    r"school of",
    r"fellows?",
)
_ADVOCACY = _words(
    r"office on latin america",
    r"working group",
    r"human rights(?! council| commission)",
    r"WOLA",
    r"network",
    r"red",
    r"coalition",
    r"alliance",
    r"alianza",
    r"amnesty",
    r"human rights watch",
    r"refugees international",
    r"solidarity",
    r"action",
    r"advocates",
    r"campaign",
    r"committee (?:in|for)",
    r"project",
    r"lawyers",
    r"legal (?:aid|defense|services)",
    r"watch",
    r"movement",
    r"movimiento",
    r"collective",
    r"colectivo",
    r"church",
    r"ministries",
    r"service",
    r"services",
    r"kids in need",
    r"without borders",
    r"sin fronteras",
    r"foundation",
    r"fundaci[oó]n",
    r"association",
    r"asociaci[oó]n",
    r"organi[sz]ations",
    r"union",
    r"sindicato",
    r"society",
    r"friends",
    r"casa",
    r"mesa",
)
_KIND_TYPES = {
    "government strategy": "government",
    "government web page": "government",
    "campaign recommendation": "advocacy",
    "joint statement": "advocacy",
}
_ORDER = (
    ("multilateral", _MULTILATERAL),
    ("government", _GOVERNMENT),
    ("media", _MEDIA),
    ("research", _RESEARCH),
    ("advocacy", _ADVOCACY),
)


def type_of_organisation(name: str) -> str:
    """One organisation's type from its name, or "" when the name does not say."""
    for source_type, pattern in _ORDER:
        if pattern.search(name):
            return source_type
    party = find_party(name)
    if party and party.group in ("U.S. government", "Congress", "Mexico"):
        return "government"
    return ""


def source_type(organisations: tuple[str, ...], kind: str) -> str:
    """The document's source type: its organisations' (the first that says), else its kind's."""
    for name in organisations:
        if found := type_of_organisation(name):
            return found
    return _KIND_TYPES.get(kind, "other")
