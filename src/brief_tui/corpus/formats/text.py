"""Plain text and Markdown: decoded, repaired, then split into blocks.

Plain text has no markup, so headings are guessed later from the shape of lines (and hard
wraps are re-flowed: see `blocks.text_blocks`). Markdown
says what is a heading (and its level), a list item or a paragraph; a front matter block
(`title:`, `organisation:`, `date:`) says what the document is.
"""

from __future__ import annotations

import re

from brief_tui.corpus.clean import clean_text, decode_source
from brief_tui.corpus.dates import is_valid_date, parse_date
from brief_tui.corpus.formats.registry import Extracted, SourceMeta
from brief_tui.corpus.sanitize import safe_line
from brief_tui.corpus.segment import markdown_blocks, text_blocks

# Markdown saved as plain text: ATX headings ('# Title', '## Section') at the start of lines.
_ATX_HEADING = re.compile(r"^#{1,6}[ \t]+\S", re.MULTILINE)


def read_text(data: bytes, name: str) -> Extracted:
    """Plain text; text written in Markdown (two or more '#' headings, one of them at the top
    level or first) is read as Markdown, whatever the file is called."""
    text = clean_text(decode_source(data, name))
    if _looks_like_markdown(text):
        meta, body = front_matter(text)
        return Extracted(markdown_blocks(body), meta, structured=True)
    return Extracted(text_blocks(text))


def _looks_like_markdown(text: str) -> bool:
    headings = _ATX_HEADING.findall(text)
    return len(headings) >= 2


_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_FIELD = re.compile(r"^([A-Za-z][\w -]*?)\s*:\s*(.*)$")
_TITLE_KEYS = ("title",)
_ORGANISATION_KEYS = ("organisation", "organization", "organisations", "organizations", "author")
_DATE_KEYS = ("date", "published")


def read_markdown(data: bytes, name: str) -> Extracted:
    text = clean_text(decode_source(data, name))
    meta, body = front_matter(text)
    return Extracted(markdown_blocks(body), meta, structured=True)


def front_matter(text: str) -> tuple[SourceMeta, str]:
    """What a `---` block at the top of a Markdown file says, and the text after it.

    Only the simple `key: value` lines people write by hand are read (a list value may be
    written `[a, b]` or as `- item` lines); anything else in the block is ignored.
    """
    match = _FRONT_MATTER.match(text)
    if not match:
        return SourceMeta(), text
    fields: dict[str, list[str]] = {}
    key = ""
    for line in match.group(1).splitlines():
        if (item := re.match(r"^\s*-\s+(.*)$", line)) and key:
            fields.setdefault(key, []).append(_unquote(item.group(1)))
        elif field := _FIELD.match(line):
            key = field.group(1).strip().lower()
            value = field.group(2).strip()
            if value.startswith("[") and value.endswith("]"):
                fields[key] = [_unquote(v) for v in value[1:-1].split(",") if v.strip()]
            elif value:
                fields[key] = [_unquote(value)]
    title = next((fields[k][0] for k in _TITLE_KEYS if fields.get(k)), "")
    organisations = next((fields[k] for k in _ORGANISATION_KEYS if fields.get(k)), [])
    raw_date = next((fields[k][0] for k in _DATE_KEYS if fields.get(k)), "")
    date = raw_date if is_valid_date(raw_date) else parse_date(raw_date)
    meta = SourceMeta(
        title=safe_line(title),
        organisations=tuple(safe_line(o) for o in organisations if o.strip()),
        date=date,
    )
    return meta, text[match.end() :]


def _unquote(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value
