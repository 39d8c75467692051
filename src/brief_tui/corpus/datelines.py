"""Dates inside lines ('Updated Feb. 13, 2024', 'Release Date: April 12, 2023', '14 November
2023 | Press Room'), and lines that are nothing but a date and its furniture: those say when a
document was published and are metadata, not text."""

from __future__ import annotations

import re

from brief_tui.corpus.dates import is_valid_date

_MONTHS = (
    "january february march april may june july august september october november december"
).split()
_MONTH_NUMBER = {name: i + 1 for i, name in enumerate(_MONTHS)}
_MONTH_NUMBER.update({name[:3]: n for name, n in list(_MONTH_NUMBER.items())})
_MONTH_NUMBER["sept"] = 9
_MONTH = "|".join(sorted(_MONTH_NUMBER, key=len, reverse=True))
_DATE = re.compile(
    rf"\b(?:(?P<day1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<month1>{_MONTH})\.?,?\s+(?P<year1>\d{{4}})"
    rf"|(?P<month2>{_MONTH})\.?\s+(?:(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?,?\s+)?(?P<year2>\d{{4}})"
    r"|(?P<iso>\d{4}-\d{2}-\d{2}))\b",
    re.IGNORECASE,
)
# What may stand beside a date on a dateline: labels, times, weekdays, a reading time.
_FURNITURE = re.compile(
    r"\b(?:updated|last updated|published|posted|released|publicly released|release date|"
    r"date|dated|issued|modified|revised|reviewed|last|page|as of|on|at|am|pm|a\.m|p\.m|et|est|"
    r"edt|ct|pt|gmt|utc|cet|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|min|mins|minute|minutes|read)\b"
    r"|\d{1,2}[:.]\d{2}|\d+|[|·•,.:;()\[\]\-–—/]",
    re.IGNORECASE,
)
_LABEL = re.compile(r"^[\w&' -]{1,30}$")


def find_date(text: str) -> str | None:
    """The first real date written in `text`, as ISO ('2024-02-12', or '2023-09' without a day)."""
    for match in _DATE.finditer(text):
        if iso := match.group("iso"):
            if is_valid_date(iso):
                return iso
            continue
        day = match.group("day1") or match.group("day2")
        month = (match.group("month1") or match.group("month2")).lower().rstrip(".")
        year = match.group("year1") or match.group("year2")
        date = f"{year}-{_MONTH_NUMBER[month]:02d}" + (f"-{int(day):02d}" if day else "")
        if is_valid_date(date):
            return date
    return None


def date_line(text: str) -> str | None:
    """The date of a line that is only a dateline ('Feb. 12, 2024, 5:00 a.m. ET', 'Published:
    2 October 2023 | Press Room', 'GAO-24-106232 Published: Mar 14, 2024.'); None otherwise.

    Besides the date(s), a dateline holds only date labels, times and separators, plus at most
    one short label after a separator (a category such as 'Commentary') or a report number.
    """
    date = find_date(text)
    if date is None or len(text.split()) > 16:
        return None
    rest = _FURNITURE.sub(" ", _DATE.sub(" ", text))
    leftover = rest.split()
    if not leftover:
        return date
    if len(leftover) <= 3 and re.search(r"[|·•]", text) and _LABEL.match(" ".join(leftover)):
        return date  # '17 Jun 2021 | Commentary'
    if len(leftover) == 1 and re.search(r"\d", text.split()[0]) and "-" in text.split()[0]:
        return date  # a report number before the date
    if len(leftover) <= 4 and all(w[:1].isupper() for w in leftover) and text[:1].isupper():
        return date  # a place before the date: "WASHINGTON, D.C. - March 4, 2021"
    return None


def dateline_label(text: str) -> str:
    """The short label beside a dateline's date ('Commentary' in '17 Jun 2021 | Commentary')."""
    parts = [p.strip() for p in re.split(r"\s*[|·•]\s*", text)]
    labels = [p for p in parts if p and find_date(p) is None and not re.search(r"\d", p)]
    return labels[0] if len(labels) == 1 and len(labels[0].split()) <= 3 else ""
