"""A comparison as Markdown (a table for a memo, with a citation in every cell) or JSON."""

from __future__ import annotations

import json

from brief_tui.compare import Comparison, Recommendation, kind_label
from brief_tui.corpus.citation import citation, format_date
from brief_tui.corpus.pillars import PILLARS_BY_ID, label


def pillar_title(pillar: str | None) -> str:
    return "any pillar" if pillar is None else f"{label(pillar)} ({PILLARS_BY_ID[pillar].name})"


def markdown_cell(recommendation: Recommendation | None, empty: str = "—") -> str:
    """What it is and who ('**▶ Ask · Congress**'), its text, and its citation."""
    if recommendation is None:
        return empty
    passage = recommendation.passage
    text = " ".join(passage.text.split())
    if passage.marker:
        text = f"{passage.marker} {text}"
    cite = citation(recommendation.document, recommendation.section, passage, kind=False)
    return f"**{escape(kind_label(passage))}** <br>{escape(text)} <br>— {escape(cite)}"


def escape(text: str) -> str:
    """Table-safe: pipes and Markdown characters shown literally, no line breaks."""
    for char in "\\`*_[]<>|#":
        text = text.replace(char, "\\" + char)
    return text


def to_markdown(comparison: Comparison) -> str:
    sources = comparison.sources
    lines = [f"# Recommendations on {pillar_title(comparison.pillar)}", ""]
    for column, doc in enumerate(sources):
        count = comparison.count(column)
        what = (
            f"{count} recommendation" + ("" if count == 1 else "s")
            if count
            else (f"no recommendation on {pillar_title(comparison.pillar)}")
        )
        organisations = ", ".join(doc.organisations) or "Unknown organisation"
        lines.append(
            f"- **{escape(doc.title)}** ({escape(organisations)}, {format_date(doc.date)}): {what}"
        )
    lines += ["", "| " + " | ".join(escape(doc.title) for doc in sources) + " |"]
    lines.append("|" + " --- |" * len(sources))
    for row in comparison.rows:
        lines.append("| " + " | ".join(markdown_cell(cell) for cell in row.cells) + " |")
    if not comparison.rows:
        lines.append("| " + " | ".join("—" for _ in sources) + " |")
    return "\n".join(lines) + "\n"


def json_cell(recommendation: Recommendation | None) -> dict[str, object] | None:
    """A recommendation for scripts: where it is, what it says, what kind and who."""
    if recommendation is None:
        return None
    passage = recommendation.passage
    return {
        "document": recommendation.document.id,
        "source_type": recommendation.document.source_type,
        "section": recommendation.section.title,
        "id": passage.id,
        "text": passage.text,
        "pillars": list(passage.pillars),
        "page": passage.page,
        "recommendation_kind": passage.recommendation_kind,
        "actor": passage.actor,
        "addressee": passage.addressee,
        "citation": citation(recommendation.document, recommendation.section, passage),
    }


def to_json(comparison: Comparison) -> str:
    cell = json_cell
    data = {
        "pillar": comparison.pillar,
        "sources": [
            {"document": doc.id, "title": doc.title, "recommendations": comparison.count(n)}
            for n, doc in enumerate(comparison.sources)
        ],
        "rows": [
            {
                "cells": [cell(c) for c in row.cells],
                "score": round(row.score, 3),
                "theme": row.theme or None,
            }
            for row in comparison.rows
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
