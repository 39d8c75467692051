"""The organising frame: the five pillars of the 2021 Root Causes Strategy plus the `P` group."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Pillar:
    id: str
    short: str
    name: str


PILLARS: tuple[Pillar, ...] = (
    Pillar("I", "Economy", "Economic insecurity and inequality"),
    Pillar("II", "Governance", "Corruption, democratic governance and the rule of law"),
    Pillar("III", "Rights", "Human rights, labor rights and a free press"),
    Pillar("IV", "Security", "Violence, extortion, gangs, trafficking and organised crime"),
    Pillar("V", "Gender violence", "Sexual, gender-based and domestic violence"),
    Pillar("P", "Protection", "Protection & migration management (asylum, borders, pathways)"),
)

PILLAR_IDS: tuple[str, ...] = tuple(p.id for p in PILLARS)
PILLARS_BY_ID: dict[str, Pillar] = {p.id: p for p in PILLARS}


def sort_pillars(ids: set[str] | list[str] | tuple[str, ...]) -> tuple[str, ...]:
    """Pillar ids in canonical order (I..V, then P)."""
    return tuple(p for p in PILLAR_IDS if p in ids)


def label(pillar_id: str) -> str:
    """A human label such as 'Pillar II' or 'Protection (P)'."""
    return "Protection (P)" if pillar_id == "P" else f"Pillar {pillar_id}"
