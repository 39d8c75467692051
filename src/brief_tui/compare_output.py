"""A comparison as Markdown (a table for a memo, with a citation in every cell) or JSON."""

from __future__ import annotations

import json

from brief_tui.compare import Comparison, Recommendation
from brief_tui.corpus.citation import citation, format_date
from brief_tui.corpus.pillars import PILLARS_BY_ID, label


def pillar_title(pillar: str | None) -> str:
    return "any pillar" if pillar is None else f"{label(pillar)} ({PILLARS_BY_ID[pillar].name})"


def _cell(recommendation: Recommendation | None) -> str:
    if recommendation is None:
        return "—"
    passage = recommendation.passage
    text = " ".join(passage.text.split())
    if passage.marker:
        text = f"{passage.marker} {text}"
    cite = citation(recommendation.document, recommendation.section, passage)
    return _escape(f"{text} <br>— {cite}").replace(r"\<br\>", "<br>")


def _escape(text: str) -> str:
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
            f"- **{_escape(doc.title)}** ({_escape(organisations)}, {format_date(doc.date)}): {what}"
        )
    lines += ["", "| " + " | ".join(_escape(doc.title) for doc in sources) + " |"]
    lines.append("|" + " --- |" * len(sources))
    for row in comparison.rows:
        lines.append("| " + " | ".join(_cell(cell) for cell in row.cells) + " |")
    if not comparison.rows:
        lines.append("| " + " | ".join("—" for _ in sources) + " |")
    return "\n".join(lines) + "\n"


def to_json(comparison: Comparison) -> str:
    def cell(recommendation: Recommendation | None) -> dict[str, object] | None:
        if recommendation is None:
            return None
        return {
            "document": recommendation.document.id,
            "section": recommendation.section.title,
            "id": recommendation.passage.id,
            "text": recommendation.passage.text,
            "pillars": list(recommendation.passage.pillars),
            "page": recommendation.passage.page,
            "citation": citation(
                recommendation.document, recommendation.section, recommendation.passage
            ),
        }

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
