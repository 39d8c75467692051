"""Who acts and who is asked: the parties of this policy field, found in a phrase.

A recommendation's actor or addressee is named many ways ('the Biden administration', 'State',
'USAID', 'Washington', 'the Giammattei government', 'multilateral development banks'). Each
party here has a name the reader shows and a group the compare pane and the scorer count by:
the U.S. government (any executive body), Congress, Mexico, the governments of the region,
donors, the private sector, civil society, multilateral bodies. A phrase that names none of
them is shown as written (a ministry, a named organisation), with the group "other".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

US = "U.S. government"
CONGRESS = "Congress"
MEXICO = "Mexico"
REGION = "governments of the region"
DONORS = "donors"
PRIVATE = "private sector"
CIVIL = "civil society"
MULTILATERAL = "multilateral bodies"

GROUPS = (US, CONGRESS, MEXICO, REGION, DONORS, PRIVATE, CIVIL, MULTILATERAL)
COUNTRIES = ("Guatemala", "Honduras", "El Salvador")


@dataclass(frozen=True)
class Party:
    name: str  # what the reader shows: 'U.S. government', 'Guatemala', 'the Ministry of Labour'
    group: str  # one of GROUPS, or "other"


def _any(*words: str) -> re.Pattern[str]:
    return re.compile(r"(?<![\w-])(?:" + "|".join(words) + r")(?![\w-])", re.IGNORECASE)


# 'U.S. companies' are the private sector and 'Guatemalan civil society' civil society, not
# a government: these are tried before the governments whose adjective they carry.
_NATIONAL = (
    r"(?:(?:u\.s\.|us|american|mexican|guatemalan|honduran|salvadoran|central american|local|"
    r"foreign|international|national|regional) )?"
)

# Order matters: a more particular party is tried first ('the U.S. Congress' is Congress,
# 'the Mexican government' is Mexico, 'the Biden administration' the U.S. government).
_TABLE: tuple[tuple[str, str, re.Pattern[str]], ...] = (
    (
        PRIVATE,
        PRIVATE,
        _any(
            r"(?:the )?private sector",
            _NATIONAL
            + r"(?:compan(?:y|ies)|businesses|corporations|employers|investors|firms|brands)",
            r"(?:the )?business community",
        ),
    ),
    (
        CIVIL,
        CIVIL,
        _any(
            _NATIONAL + r"civil society(?: organi[sz]ations| groups)?",
            r"ngos",
            r"non-?governmental organi[sz]ations",
            r"(?:human rights|faith-based|community) (?:organi[sz]ations|groups)",
            r"advocates",
            r"churches",
        ),
    ),
    (
        CONGRESS,
        CONGRESS,
        _any(
            r"(?:the )?u\.?s\.? congress",
            r"congress(?:ional)?",
            r"(?:the )?(?:u\.?s\.? )?(?:house|senate)(?! of)",
            r"house of representatives",
            r"lawmakers",
            r"appropriators",
            r"(?:members|committees?) of congress",
            r"senators?",
            r"(?:house|senate|appropriations|foreign affairs|foreign relations|judiciary) "
            r"(?:\w+ ){0,3}?(?:sub)?committees?",
            r"legislators",
        ),
    ),
    (
        MEXICO,
        MEXICO,
        _any(
            r"mexic(?:o|an)(?:[’']s)?(?: (?:government|authorities|officials|state|president))?",
            r"l[oó]pez obrador",
            r"amlo",
            r"sheinbaum",
            r"INM",
            r"COMAR",
            r"national migration institute",
            r"national guard",
        ),
    ),
    (
        "Guatemala",
        REGION,
        _any(
            r"guatemala(?:n)?(?:[’']s)?(?: (?:government|authorities|officials|state|congress))?",
            r"giammattei",
            r"ar[eé]valo",
        ),
    ),
    (
        "Honduras",
        REGION,
        _any(
            r"hondura(?:s|n)(?:[’']s?)?(?: (?:government|authorities|officials|state))?",
            r"xiomara castro",
            r"castro administration",
            r"hern[aá]ndez administration",
        ),
    ),
    (
        "El Salvador",
        REGION,
        _any(
            r"el salvador(?:[’']s)?(?: (?:government|authorities|officials|state))?",
            r"salvadoran(?: (?:government|authorities|officials|state))?",
            r"bukele",
        ),
    ),
    (
        REGION,
        REGION,
        _any(
            r"(?:the )?governments of (?:the region|central america|the northern triangle|"
            r"guatemala, honduras,? and el salvador|el salvador, guatemala,? and honduras)",
            r"(?:central american|regional|northern triangle|partner|host|national) governments?",
            r"(?:the )?region[’']s governments",
            r"governments (?:in|of) the region",
            r"national (?:authorities|governments)",
            r"sica",
        ),
    ),
    (
        US,
        US,
        _any(
            r"(?:the )?united states(?: government)?",
            r"u\.s\.?(?: government| officials| authorities| agencies| embassy| embassies)?",
            r"us government",
            r"(?:the )?(?:biden|biden-harris|trump|obama|harris) administration",
            r"(?:the )?administration",
            r"(?:the )?white house",
            r"(?:(?:president|vice president) )?(?:joe |kamala |donald |barack )?"
            r"(?:biden|harris|trump|obama)(?:[’']s?)?",
            r"(?:(?:secretary|administrator) )?(?:blinken|mayorkas|rubio|noem)(?:[’']s?)?",
            r"(?:secretary|administrator) (?:power|walsh|su)",
            r"washington",
            r"(?:the )?(?:u\.s\. )?(?:department|dept\.?) of (?:state|homeland security|labor|"
            r"justice|the treasury|treasury|agriculture|commerce|defense)",
            r"(?:the )?(?:state|treasury|justice|labor|commerce|defense|homeland security|"
            r"agriculture) department",
            r"(?:the )?(?:u\.s\. )?trade representative",
            r"USTR",
            r"(?:the )?pentagon",
            r"southern command",
            r"usaid",
            r"(?:the )?(?:u\.s\. )?agency for international development",
            r"DHS",
            r"DOJ",
            r"DOL",
            r"CBP",
            r"ICE",
            r"USCIS",
            r"DFC",
            r"MCC",
            r"millennium challenge corporation",
            r"inter-american foundation",
            r"federal government",
            r"executive branch",
            r"(?:u\.s\. )?customs and border protection",
            r"peace corps",
            r"bureau of [\w ,]{3,60}? affairs",
        ),
    ),
    (
        MULTILATERAL,
        MULTILATERAL,
        _any(
            r"(?:the )?united nations",
            r"UN(?:HCR|ICEF|DP|ODC|FPA)?",
            r"IOM",
            r"international organization for migration",
            r"(?:the )?organization of american states",
            r"OAS",
            r"wfp",
            r"world food programme",
            r"ILO",
        ),
    ),
    (
        DONORS,
        DONORS,
        _any(
            r"(?:other |international |bilateral |multilateral )?donors?",
            r"(?:the )?international community",
            r"(?:international|development|foreign|cooperation) partners",
            r"international cooperation",
            r"(?:the )?inter-american development bank",
            r"IDB",
            r"(?:the )?world bank",
            r"IMF",
            r"(?:multilateral|international) (?:development )?banks",
            r"international financial institutions",
            r"(?:the )?european union",
            r"EU",
            r"canada",
            r"spain",
            r"japan",
            r"(?:the )?republic of korea",
            r"south korea",
        ),
    ),
)


def find_party(phrase: str) -> Party | None:
    """The party a phrase names, the earliest in the phrase first; None when it names none."""
    best: tuple[int, Party] | None = None
    for name, group, pattern in _TABLE:
        match = pattern.search(phrase)
        if match and (best is None or match.start() < best[0]):
            best = (match.start(), Party(name, group))
    return best[1] if best else None


def group_of(name: str | None) -> str:
    """The group a shown name belongs to ('Guatemala' -> governments of the region)."""
    if not name:
        return ""
    if name in GROUPS:
        return name
    party = find_party(name)
    return party.group if party else "other"


def last_party(text: str) -> Party | None:
    """The party named last in a text: what 'it' or 'they' after it most likely refers to."""
    best: tuple[int, Party] | None = None
    for name, group, pattern in _TABLE:
        for match in pattern.finditer(text):
            if best is None or match.start() > best[0]:
                best = (match.start(), Party(name, group))
    return best[1] if best else None


def parties_in(text: str) -> list[Party]:
    """Every party a text names, in the order it names them, each once."""
    found: list[tuple[int, Party]] = []
    for name, group, pattern in _TABLE:
        if match := pattern.search(text):
            found.append((match.start(), Party(name, group)))
    return [party for _, party in sorted(found, key=lambda item: item[0])]
