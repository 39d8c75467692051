"""Text safety: strip terminal escape sequences and control characters from file text.

Everything that comes from a file (seeds, content, user documents, notes) passes through
`safe_text` before it is shown, so a document can never retitle or reprogram the terminal.
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
# C0 controls except tab and newline, DEL, and C1 controls.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def safe_text(text: str, *, keep_newlines: bool = True) -> str:
    """Return `text` without escape sequences or C0/C1 controls; tabs become spaces."""
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
