"""Advocacy asks against government commitments as Markdown (a table for a memo, each gap
said in words where it is) or JSON (each row with its gap, each cell with its kind and who)."""

from __future__ import annotations

import json

from brief_tui.compare_output import escape, json_cell, markdown_cell, pillar_title
from brief_tui.compare_sides import (
    ALSO,
    ANSWERS_TITLE,
    ASKING_TYPES,
    ASKS_TITLE,
    UNANSWERED,
    UNASKED,
    SideComparison,
    SideRow,
)


def sides_heading(pillar: str | None) -> str:
    return f"{ASKS_TITLE} vs {ANSWERS_TITLE.lower()} on {pillar_title(pillar)}"


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def summary(comparison: SideComparison) -> list[str]:
    """One line per side: how many, from which documents, and how many gaps; or its silence."""
    asks, answers = comparison.asks, comparison.answers
    where = pillar_title(comparison.pillar)
    asking = ", ".join(d.title for d in comparison.documents(0))
    answering = ", ".join(d.title for d in comparison.documents(1))
    return [
        f"{_plural(len(asks), 'ask')} from {' and '.join(ASKING_TYPES)} documents ({asking}); "
        f"{comparison.gaps(UNANSWERED)} that no commitment answers"
        if asks
        else f"No {' or '.join(ASKING_TYPES)} document asks anything on {where}.",
        f"{_plural(len(answers), 'commitment')} or reported actions by governments "
        f"({answering}); {comparison.gaps(UNASKED)} that no one asked for"
        if answers
        else f"No government commitment or reported action on {where}.",
    ]


def _answer_cell(row: SideRow) -> str:
    if row.answer is not None:
        return markdown_cell(row.answer)
    if row.also is not None:
        text = " ".join(row.also.passage.text.split())
        short = text if len(text) <= 80 else text[:79] + "…"
        return f"*≈ {ALSO}:* “{escape(short)}”"
    return f"— *{UNANSWERED}*"


def sides_to_markdown(comparison: SideComparison) -> str:
    lines = [f"# {sides_heading(comparison.pillar)}", ""]
    lines += [f"- {escape(line)}" for line in summary(comparison)]
    lines += ["", f"| {ASKS_TITLE} | {ANSWERS_TITLE} and reported actions |", "| --- | --- |"]
    for row in comparison.rows:
        ask = markdown_cell(row.ask, f"— *{UNASKED}*")
        lines.append(f"| {ask} | {_answer_cell(row)} |")
    if not comparison.rows:
        lines.append("| — | — |")
    return "\n".join(lines) + "\n"


def sides_to_json(comparison: SideComparison) -> str:
    data = {
        "pillar": comparison.pillar,
        "mode": "sides",
        "sides": [
            {
                "side": "asks",
                "title": ASKS_TITLE,
                "documents": [d.id for d in comparison.documents(0)],
                "recommendations": len(comparison.asks),
                "gaps": comparison.gaps(UNANSWERED),
            },
            {
                "side": "answers",
                "title": ANSWERS_TITLE,
                "documents": [d.id for d in comparison.documents(1)],
                "recommendations": len(comparison.answers),
                "gaps": comparison.gaps(UNASKED),
            },
        ],
        "rows": [
            {
                "cells": [json_cell(row.ask), json_cell(row.answer)],
                "score": round(row.score, 3),
                "theme": row.theme or None,
                "gap": row.gap or None,
                "also_answered_by": row.also.passage.id if row.also else None,
            }
            for row in comparison.rows
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
