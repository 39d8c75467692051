"""Pillar badges and coverage bars: labels first, colour second (never colour alone)."""

from __future__ import annotations

from textual.content import Content

from brief_tui.corpus.pillars import PILLAR_IDS, PILLARS_BY_ID
from brief_tui.wording import recommendation_label

PILLAR_STYLES = {
    "I": "bold #1d1d1d on #e8b85a",
    "II": "bold #1d1d1d on #86b7ff",
    "III": "bold #1d1d1d on #c7a8ff",
    "IV": "bold #1d1d1d on #ff9470",
    "V": "bold #1d1d1d on #ff9fcf",
    "P": "bold #1d1d1d on #8fd694",
}
RECOMMENDATION_STYLE = "bold #1d1d1d on #7ad3c4"
REPORTED_STYLE = "bold #1d1d1d on #c9d6d3"  # a report is shown quieter than an ask or pledge
PARTIAL_STYLE = "bold #1d1d1d on #f0c05a"
YOURS_STYLE = "bold #1d1d1d on #9ecbff"
_BAR = " ▏▎▍▌▋▊▉█"


def badge(pillar: str, named: bool = True) -> Content:
    label = f" {pillar} {PILLARS_BY_ID[pillar].short} " if named else f" {pillar} "
    return Content.styled(label, PILLAR_STYLES[pillar])


def badges(
    pillars: tuple[str, ...],
    recommendation: bool,
    named: bool = True,
    kind: str | None = None,
    who: tuple[str | None, str | None] = (None, None),
) -> Content:
    """A passage's labels: what kind of recommendation it is and who ('▶ Ask · Congress'),
    then its pillars. `who` is (actor, addressee)."""
    parts: list[Content] = []
    if recommendation:
        label = recommendation_label(kind, *who)
        style = REPORTED_STYLE if kind == "reported" else RECOMMENDATION_STYLE
        parts.append(Content.styled(f" {label} ", style))
    parts += [badge(p, named) for p in pillars]
    return Content(" ").join(parts)


def bar(value: int, maximum: int, cells: int) -> str:
    """A horizontal bar of `cells` width, in eighths of a cell."""
    if maximum <= 0 or value <= 0:
        return "·".ljust(cells)
    eighths = max(1, round(value / maximum * cells * 8))
    full, part = divmod(eighths, 8)
    return ("█" * full + (_BAR[part] if part else "")).ljust(cells)


def coverage(counts: dict[str, int], width: int, maximum: int | None = None) -> Content:
    """One row picturing how many passages a briefing has on each pillar.

    `maximum` is the count a full bar stands for: the largest in the library, so that bars
    compare across briefings (12 passages draw a shorter bar than 32). It defaults to this
    briefing's own largest count.
    """
    fixed = sum(len(f" {p} ") + 5 for p in PILLAR_IDS)  # label, space, count and gap
    cells = max(1, min(8, (width - fixed) // 6))
    if maximum is None:
        maximum = max(counts.values(), default=0)
    parts = []
    for pillar in PILLAR_IDS:
        count = counts.get(pillar, 0)
        parts.append(
            Content.assemble(
                (f" {pillar} ", PILLAR_STYLES[pillar]),
                " ",
                (bar(count, maximum, cells), "bold" if count else "dim"),
                (f"{count:>3} ", "" if count else "dim"),
            )
        )
    return Content("").join(parts)


LABEL_STYLES = {
    "key finding": "bold #1d1d1d on #ffd966",
    "question": "bold #1d1d1d on #9fd3ff",
    "disagree": "bold #1d1d1d on #ff9b9b",
    "evidence": "bold #1d1d1d on #b5e8a5",
}
HIGHLIGHT_STYLES = {
    "key finding": "#1d1d1d on #ffe9a8",
    "question": "#1d1d1d on #cce8ff",
    "disagree": "#1d1d1d on #ffcccc",
    "evidence": "#1d1d1d on #d8f3cf",
}


def titled(
    title: str, partial: bool, yours: bool, long: bool = True, badges_first: bool = False
) -> Content:
    """A briefing's title with its status badges: partial excerpt, your own document.

    `badges_first` puts the badges before the title, for a line that may be cut at its end.
    """
    badges: list[Content] = []
    if partial:
        badges.append(Content.styled(" PARTIAL EXCERPT " if long else " PARTIAL ", PARTIAL_STYLE))
    if yours:
        badges.append(Content.styled(" YOUR DOCUMENT " if long else " YOURS ", YOURS_STYLE))
    name = Content.styled(title, "bold")
    return Content("  ").join([*badges, name] if badges_first else [name, *badges])
