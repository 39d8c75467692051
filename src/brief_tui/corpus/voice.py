"""Whose voice a document is in when it does not name its organisation.

Captured pages often lose their letterhead, but keep traces of it: a `.gov` banner or press
address, a GAO report number, a CRS handle, an ambassador introducing herself, a press office
headline whose subject is an agency ('USAID Announces …'), a letter signed by members of
Congress. These say who speaks, which decides whether 'USAID will provide …' is the
document's own commitment or an action it reports. The hints are not shown as organisations.
"""

from __future__ import annotations

import re

from brief_tui.corpus.parties import CONGRESS, MEXICO, REGION, US, find_party

_GOV_DOMAINS = {
    "usaid": "U.S. Agency for International Development",
    "state": "U.S. Department of State",
    "dhs": "U.S. Department of Homeland Security",
    "dol": "U.S. Department of Labor",
    "who.eop": "The White House",
    "whitehouse": "The White House",
    "gao": "U.S. Government Accountability Office",
    "house": "U.S. House of Representatives",
    "senate": "U.S. Senate",
}
_HINTS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\bGAO-\d{2}-\d{3,}"), "U.S. Government Accountability Office"),
    (
        re.compile(r"Congressional Research Service|hein\.crs|\bCRS (?:Report|In Focus|Insight)"),
        "Congressional Research Service",
    ),
    (
        re.compile(r"\bU\.S\. Ambassador\b|Permanent Representative|\bU\.S\. (?:Embassy|Mission) "),
        "U.S. Department of State",
    ),
    (
        re.compile(r"\bBRIEFING ROOM\b|Office of the (?:Press Secretary|Vice President)\b"),
        "The White House",
    ),
    (
        re.compile(r"official website of the United States government|\.gov website", re.I),
        "U.S. government",
    ),
)
_GOV_EMAIL = re.compile(r"\b[\w.+-]+@([a-z.]+)\.gov\b", re.IGNORECASE)
_PRESS = re.compile(
    r"^(?:for immediate release|press release|news release|media advisory|release date\b|"
    r"readout\b|fact sheet\b|remarks by\b|statement by\b)",
    re.IGNORECASE,
)
_MEMBERS_LETTER = re.compile(
    r"\bReps?\.\s+[A-Z]|\bMembers of Congress\b|\bSen(?:ator)?s?\.?\s+[A-Z]"
)
_LETTER = re.compile(r"^(?:dear|letter to)\b", re.IGNORECASE | re.MULTILINE)
_OFFICIAL_GROUPS = (US, CONGRESS, MEXICO, REGION)


def voice_hints(opening: list[str], title: str) -> tuple[str, ...]:
    """Names of the bodies the opening lines (kept or dropped) say the document speaks for."""
    text = "\n".join(opening)
    found: list[str] = []
    for match in _GOV_EMAIL.finditer(text):
        domain = match.group(1).lower()
        found.append(_GOV_DOMAINS.get(domain, "U.S. government"))
    for pattern, name in _HINTS:
        if pattern.search(text):
            found.append(name)
    if _MEMBERS_LETTER.search(text) and _LETTER.search(text):
        found.append("U.S. House of Representatives")
    if any(_PRESS.match(line.strip()) for line in opening):
        party = find_party(title)
        if party and party.group in _OFFICIAL_GROUPS:
            found.append(_headline_body(title) or party.name)
    return tuple(dict.fromkeys(found))


def _headline_body(title: str) -> str:
    """'USAID Announces …' -> 'USAID': the body a press office headline opens with."""
    match = re.match(
        r"^((?:The )?[A-Z][\w.&’' -]{1,80}?)\s+(?:Announces?|Launch(?:es)?|Unveils?)\b", title
    )
    return match.group(1) if match else ""
