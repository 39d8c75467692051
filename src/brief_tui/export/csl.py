"""The sources of an export as CSL-JSON, which Zotero, Mendeley and pandoc import.

One item per briefing: its title, its organisations as institutional authors, its date, its
kind as a CSL type, and its address when the source is a web page.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable

from brief_tui.corpus.model import Document

_TYPES = {
    "web page": "webpage",
    "government web page": "webpage",
    "commentary": "article",
    "government strategy": "report",
    "joint statement": "document",
    "campaign recommendation": "webpage",
}
_URL = re.compile(r"https?://\S+")


def csl_item(doc: Document) -> dict[str, object]:
    item: dict[str, object] = {
        "id": doc.id,
        "type": _TYPES.get(doc.kind, "report" if "report" in doc.kind else "document"),
        "title": doc.title,
    }
    if doc.organisations:
        item["author"] = [{"literal": name} for name in doc.organisations]
        item["publisher"] = doc.organisations[0]
    if doc.date:
        item["issued"] = {"date-parts": [[int(part) for part in doc.date.split("-")]]}
    if url := _URL.search(doc.source):
        item["URL"] = url.group(0).rstrip(".,;)")
    elif doc.source:
        item["note"] = doc.source
    return item


def export_csl(documents: Iterable[Document]) -> str:
    return json.dumps([csl_item(d) for d in documents], ensure_ascii=False, indent=2) + "\n"
