"""Character-level repairs of captured text: decoding, mojibake, spacing.

Each repair is narrow on purpose: it fixes one known capture defect and leaves everything
else (accented names, typographic quotes, numbers) exactly as it was.
"""

from __future__ import annotations

import re
import unicodedata

from brief_tui.corpus.sanitize import safe_text


class SourceError(ValueError):
    """A source file that cannot be read as text."""


def decode_source(data: bytes, name: str) -> str:
    """Decode a source file's bytes as text, or raise `SourceError` saying why not.

    UTF-8 (with or without BOM) and UTF-16 with a BOM are accepted; other text falls back
    to Windows-1252. Files with NUL bytes or many control bytes are rejected as non-text.
    """
    if not data.strip():
        raise SourceError(f"{name} is empty.")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise SourceError(f"{name} is not readable UTF-16 text ({exc.reason}).") from exc
    if b"\x00" in data:
        raise SourceError(f"{name} is not a text file (it contains binary data).")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError as exc:
            raise SourceError(f"{name} is not a text file (undecodable bytes).") from exc
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\n\r\t\f")
    if controls > max(8, len(text) // 100):
        raise SourceError(f"{name} is not a text file (too many control characters).")
    return text


# Punctuation that was encoded as GBK and then read as Latin-1 shows up as two Latin-1
# characters, e.g. '¡ª' for an em dash. A pair is repaired only when it decodes to a single
# punctuation character, so legitimate accented text ('López', 'Andrés') is never touched.
_GBK_PAIR = re.compile(r"[\x81-\xfe][\x40-\x7e\x80-\xfe]")


def repair_gbk_mojibake(text: str) -> str:
    """Replace GBK-as-Latin-1 punctuation pairs ('¡ª', '¡¯', '¡°', '¡±', '¨C') by what they mean."""

    def fix(match: re.Match[str]) -> str:
        pair = match.group(0)
        try:
            decoded = pair.encode("latin-1").decode("gbk")
        except (UnicodeEncodeError, UnicodeDecodeError):
            return pair
        if len(decoded) == 1 and unicodedata.category(decoded).startswith("P"):
            return decoded
        return pair

    # Scan manually so that an unrepaired pair does not swallow the start of the next one.
    out: list[str] = []
    i = 0
    while i < len(text):
        match = _GBK_PAIR.match(text, i)
        if match:
            fixed = fix(match)
            if fixed != match.group(0):
                out.append(fixed)
                i = match.end()
                continue
        out.append(text[i])
        i += 1
    return "".join(out)


_SPACES = re.compile(r"[ \u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_COMMA_GLUED = re.compile(r"(?<=[a-z]),(?=[A-Z][a-z])")
_SMALL_WORD_GLUED = re.compile(r"\b(and|or|of|the|to|in|for)(?=[A-Z][a-z]{2,})")
_PAREN_GLUED = re.compile(r"\)(?=[A-Z][a-z])")
_CAMEL_GLUED = re.compile(r"(?<=[a-z]{2})(?=[A-Z][a-z]{2,})")
_FILE_SIZE = re.compile(r"\s*\[\d+(?:\.\d+)?\s?[KMG]B\]")


def repair_spacing(line: str) -> str:
    """Normalise spaces and restore word breaks lost when a web page was captured.

    'Prosperity,Combat' -> 'Prosperity, Combat'; 'andImprove' -> 'and Improve'; a line of
    run-together names ('(CISPES)Win Without WarSisters of Mercy') gets its separators back.
    Download size hints such as '[449 KB]' are link decoration and are removed.
    """
    line = _SPACES.sub(" ", line).strip()
    line = _FILE_SIZE.sub("", line)
    line = _COMMA_GLUED.sub(", ", line)
    line = _SMALL_WORD_GLUED.sub(r"\1 ", line)
    if _PAREN_GLUED.search(line) and len(_CAMEL_GLUED.findall(line)) >= 1:
        # Several names glued together (logo captions): separate them with commas.
        line = _PAREN_GLUED.sub("), ", line)
        line = _CAMEL_GLUED.sub(", ", line)
    return line


def clean_text(raw: str) -> str:
    """The whole-text repairs: mojibake first (its bytes may look like controls), then controls."""
    text = repair_gbk_mojibake(raw)
    return safe_text(text)
