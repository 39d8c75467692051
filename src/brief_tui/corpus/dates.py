"""Dates as documents write them ('17 Jun 2021', 'JULY 2021') and as content files store them."""

from __future__ import annotations

import re
from datetime import datetime

_MONTHS = "january february march april may june july august september october november december"
_MONTH_NUMBER = {name: i + 1 for i, name in enumerate(_MONTHS.split())}
_MONTH_NUMBER.update({name[:3]: number for name, number in list(_MONTH_NUMBER.items())})

_MONTH_YEAR = re.compile(rf"^({'|'.join(_MONTH_NUMBER)})\.? (\d{{4}})$", re.IGNORECASE)
_DAY_MONTH_YEAR = re.compile(rf"^(\d{{1,2}}) ({'|'.join(_MONTH_NUMBER)})\.? (\d{{4}})$", re.I)
_MONTH_DAY_YEAR = re.compile(rf"^({'|'.join(_MONTH_NUMBER)})\.? (\d{{1,2}}),? (\d{{4}})$", re.I)
_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})(?:-(\d{2}))?$")


def parse_date(text: str) -> str | None:
    """An ISO date ('2021-06-17' or '2021-07') from a dateline such as '17 Jun 2021' or 'JULY 2021'."""
    text = text.strip()
    if match := _DAY_MONTH_YEAR.match(text):
        day, month, year = match.groups()
        return f"{year}-{_MONTH_NUMBER[month.lower()]:02d}-{int(day):02d}"
    if match := _MONTH_DAY_YEAR.match(text):
        month, day, year = match.groups()
        return f"{year}-{_MONTH_NUMBER[month.lower()]:02d}-{int(day):02d}"
    if match := _MONTH_YEAR.match(text):
        month, year = match.groups()
        return f"{year}-{_MONTH_NUMBER[month.lower()]:02d}"
    if match := _ISO_DATE.match(text):
        return text
    return None


def is_valid_date(text: str) -> bool:
    """True for 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD' naming a real date."""
    for fmt in ("%Y-%m-%d", "%Y-%m", "%Y"):
        try:
            datetime.strptime(text, fmt)
        except ValueError:
            continue
        return True
    return False


_ISO_START = re.compile(r"^(\d{4})[-/](\d{2})(?:[-/](\d{2}))?")


def iso_date(value: str) -> str | None:
    """A date as metadata writes it ('2021-06-17T10:00:00Z', '2021/06/17', '2021', 'June 17,
    2021') as ISO ('2021-06-17'); None when it is not a real date."""
    value = value.strip()
    if match := _ISO_START.match(value):
        year, month, day = match.groups()
        date = f"{year}-{month}-{day}" if day else f"{year}-{month}"
        return date if is_valid_date(date) else None
    if re.fullmatch(r"\d{4}", value):
        return value
    return parse_date(value)
