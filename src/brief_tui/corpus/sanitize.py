"""Text safety: strip terminal escape sequences, control characters and bidi overrides.

Everything that comes from a file or another program (seeds, content, user documents, notes,
backups) passes through `safe_text` before it is shown or stored, so a document can never
retitle or reprogram the terminal, nor reverse the order of what is drawn after it.
"""

from __future__ import annotations

import re

# ESC-initiated sequences: CSI (ESC [ ... final), OSC (ESC ] ... BEL or ST), DCS/SOS/PM/APC
# (ESC P/X/^/_ ... ST), and two-character escapes (ESC followed by one byte).
_ESCAPE_SEQUENCE = re.compile(
    r"""
    \x1b\[[0-?]*[ -/]*[@-~]               # CSI
    | \x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?  # OSC, terminated by BEL or ST (or unterminated)
    | \x1b[PX^_][^\x1b]*(?:\x1b\\)?       # DCS, SOS, PM, APC
    | \x1b[@-Z\\-_]                       # other two-character escapes
    | \x9b[0-?]*[ -/]*[@-~]               # 8-bit CSI
    | \x9d[^\x07\x9c]*(?:\x07|\x9c)?      # 8-bit OSC
    """,
    re.VERBOSE,
)
# C0 controls except tab and newline, DEL, C1 controls, and the bidi embeddings, overrides
# and isolates (U+202A-U+202E, U+2066-U+2069): one left open reorders the rest of the line.
# The plain direction marks (U+200E, U+200F, U+061C) open nothing and stay.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
# Anything at all to clean: the escape introducers, every control but newline, \r, tabs and
# bidi controls. Most text has none, and one search is far cheaper than the substitutions.
_SUSPECT = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def safe_text(text: str, *, keep_newlines: bool = True) -> str:
    """Return `text` without escape sequences, C0/C1 controls or bidi overrides; tabs become
    spaces, and newlines too unless `keep_newlines`."""
    if _SUSPECT.search(text) is None:
        return text if keep_newlines or "\n" not in text else text.replace("\n", " ")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _ESCAPE_SEQUENCE.sub("", text)
    text = _CONTROL.sub("", text)
    text = text.replace("\t", " ")
    if not keep_newlines:
        text = text.replace("\n", " ")
    return text


def safe_line(text: str) -> str:
    """`safe_text` for single-line fields such as titles: newlines become spaces."""
    return " ".join(safe_text(text, keep_newlines=False).split())
