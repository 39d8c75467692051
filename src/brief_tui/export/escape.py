"""Putting untrusted text into Markdown without letting it change the document's structure.

Two kinds of text reach an export. Quotes, titles and names are the source's words: they are
shown literally, every character that could mean something in Markdown (or in Obsidian, where
exports are often read: `#tags`, `^block-ids`, `==highlights==`, `%%comments%%`, `$math$`)
escaped. Notes are the reader's own Markdown and stay Markdown: emphasis, links, lists and
quotes keep working, but each note is indented into its highlight's list item and only the
constructs that would escape it or reshape the outline are neutralised: an ATX heading
becomes a bold line (the sub-heading the reader meant, without a place in the outline);
setext underlines, thematic breaks, raw HTML and a code fence left open are escaped.
"""

from __future__ import annotations

import json
import re

# Always escaped in literal text. `!`, `(` and `)` are harmless once brackets are escaped,
# and `>`, `+`, `-` and numbered-list dots only matter at the start of a line.
_ALWAYS = "\\`*_[]<#|~$^"
_LITERAL = str.maketrans({c: "\\" + c for c in _ALWAYS})
_ENTITY = re.compile(r"&(?=#?\w+;)")  # `&amp;` would render as `&`
_DOUBLED = re.compile(r"([=%])(?=\1)")  # Obsidian's ==highlight== and %%comment%%
_LINE_START = re.compile(r"^(?:([>+=-])|(\d+)([.)]))")
_WHITESPACE = re.compile(r"\s+")


def literal(text: str) -> str:
    """`text` as one line of Markdown that renders exactly as these characters."""
    text = _WHITESPACE.sub(" ", text).strip().translate(_LITERAL)
    if "&" in text:
        text = _ENTITY.sub(r"\\&", text)
    if "=" in text or "%" in text:
        text = _DOUBLED.sub(r"\\\1", text)
    return _LINE_START.sub(_escape_line_start, text, count=1)


def _escape_line_start(match: re.Match[str]) -> str:
    if match.group(1):
        return "\\" + match.group(1)
    return f"{match.group(2)}\\{match.group(3)}"


# Notes

_FENCE = re.compile(r"^(`{3,}|~{3,})")  # at the note's own top level: see contained_note
_ATX_HEADING = re.compile(r"#{1,6}(?=[ \t]|$)")
_CLOSING_HASHES = re.compile(r"(?:^|[ \t]+)#+[ \t]*$")  # `## Title ##` closes with hashes
_TRAILING_BACKSLASHES = re.compile(r"\\+$")
_CONTAINER = re.compile(r"[ \t]*(?:>|[-+*](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))")
_OUTLINE = re.compile(
    r"[ \t]*(?:"
    r"#{1,6}(?=[ \t]|$)"  # ATX heading
    r"|(?:=+|-+)[ \t]*$"  # setext underline (and `---`)
    r"|([-*_])(?:[ \t]*\1){2,}[ \t]*$"  # thematic break
    r"|`{3,}|~{3,}"  # a code fence not at the left margin (see contained_note)
    r")"
)
# A code span as Markdown reads one within a line: whole backtick runs of equal length.
_CODE_SPAN = re.compile(r"(?<!`)(`+)(?!`).+?(?<!`)\1(?!`)")
# A `<` that could open a tag, unless an odd run of backslashes already escapes it.
_TAG_START = re.compile(r"(?<!\\)((?:\\\\)*)<(?=[A-Za-z/!?])")
_RISKY = frozenset("#=-*_<`~")


def contained_note(note: str, indent: str) -> list[str]:
    """The note's lines, made safe and indented by `indent` (blank lines stay empty).

    Structure is neutralised line by line, looking through any blockquote and list markers
    the note itself uses (`> # x` would otherwise be a heading inside its quote). A `<` that
    could open a tag is escaped, except inside a code span, where it shows as written. That
    exception holds only while every backtick run in the note pairs up within its own line
    and none is escaped: then Markdown pairs them the same way. Otherwise every `<` is
    escaped (a stray backslash in code is better than a live tag). Fenced code that opens at
    the note's left margin is kept and left untouched, and closed if the note leaves it open,
    so it cannot swallow the citation that follows. A fence anywhere else (indented, or in a
    list or quote of the note's), or with a `|` after it (a table's header row to some
    parsers), is escaped into text: whether it is still open at the end would depend on
    containers or extensions that only a full parse knows.
    """
    text = note.replace("\r\n", "\n").replace("\r", "\n").strip("\n")
    lines, spared, ambiguous = _safe_lines(text.split("\n"), spare_code=True)
    if spared and ambiguous:
        lines, _, _ = _safe_lines(text.split("\n"), spare_code=False)
    return [indent + line if line.strip() else "" for line in lines]


def _safe_lines(lines: list[str], *, spare_code: bool) -> tuple[list[str], bool, bool]:
    """The lines with structure neutralised; whether a `<` was left inside a code span, and
    whether any backtick run outside fenced code might pair across lines."""
    out: list[str] = []
    closing: re.Pattern[str] | None = None  # the end of the fenced code we are in
    spared = ambiguous = False
    fence = ""
    for line in lines:
        if closing is not None:
            if closing.match(line):
                closing = None
        elif _RISKY.isdisjoint(line):
            pass  # the common case: plain prose, nothing to look at
        elif fence := _opening_fence(line):
            closing = re.compile(rf" {{0,3}}{re.escape(fence[0])}{{{len(fence)},}}[ \t]*$")
        else:
            line = _neutralised(line)
            if "`" in line:
                ambiguous = ambiguous or "\\`" in line or "`" in _CODE_SPAN.sub("", line)
            if "<" in line:
                line, kept = _without_html(line, spare_code)
                spared = spared or kept
        out.append(line)
    if closing is not None:
        out.append(fence)
    return out, spared, ambiguous


def _opening_fence(line: str) -> str:
    """The fence that `line` opens at the note's left margin, or "" when it opens none that
    every parser agrees on: a backtick run closed on the same line is a code span, and a `|`
    after the fence makes the line a table's header to parsers with tables (markdown-it,
    Obsidian) when a delimiter row follows."""
    opened = _FENCE.match(line)
    if opened is None:
        return ""
    rest = line[opened.end() :]
    if (opened.group(1)[0] == "`" and "`" in rest) or "|" in rest:
        return ""
    return opened.group(1)


def _neutralised(line: str) -> str:
    """Make a heading a bold line; escape the first character of a setext underline, a
    thematic break or a fence."""
    position = 0
    while True:
        if _OUTLINE.match(line, position):
            at = len(line) - len(line[position:].lstrip(" \t"))
            heading = _ATX_HEADING.match(line, at)
            if heading and (bold := _bold(line[heading.end() :])):
                return line[:at] + bold
            return line[:at] + "\\" + line[at:]
        container = _CONTAINER.match(line, position)
        if container is None:
            return line
        position = container.end()


def _bold(heading: str) -> str:
    """The words of an ATX heading as bold text, or "" when it has none."""
    words = _CLOSING_HASHES.sub("", heading).strip(" \t")
    if not words:
        return ""
    if not any(c.isalnum() for c in words):
        # '# *' must not become '*****', a horizontal rule: its stars are shown as stars.
        words = re.sub(r"(?<!\\)\*", r"\\*", words)
    trailing = _TRAILING_BACKSLASHES.search(words)
    if trailing and len(trailing.group(0)) % 2:  # `\**` would escape the closing `*`
        words += "\\"
    return f"**{words}**"


def _without_html(line: str, spare_code: bool) -> tuple[str, bool]:
    """Escape every `<` that could open a tag or comment (in code spans too, unless spared)."""
    if not spare_code:
        return _TAG_START.sub(r"\1\\<", line), False
    parts: list[str] = []
    last = 0
    spared = False
    for span in _CODE_SPAN.finditer(line):
        parts.append(_TAG_START.sub(r"\1\\<", line[last : span.start()]))
        parts.append(span.group(0))
        spared = spared or "<" in span.group(0)
        last = span.end()
    parts.append(_TAG_START.sub(r"\1\\<", line[last:]))
    return "".join(parts), spared


# Front matter


# Not printable in YAML, or a line break to YAML 1.1 (NEL, LS, PS): written as \u escapes.
_NOT_YAML_PRINTABLE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]"
)


def yaml_string(value: str) -> str:
    """A double-quoted YAML scalar: JSON's escapes, plus those YAML needs for unprintables."""
    quoted = json.dumps(value, ensure_ascii=False)
    return _NOT_YAML_PRINTABLE.sub(lambda m: f"\\u{ord(m.group(0)):04x}", quoted)
