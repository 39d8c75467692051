"""Words as the index sees them: folded (lowercase, no accents), split, stop words dropped."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from functools import lru_cache

from brief_tui.corpus.wordmatch import WORD, fold

STOPWORDS = frozenset(
    """a an and are as at be but by for from has have in into is it its of on or our so that
    the their them there these they this to was we were which will with""".split()
)


def tokens(text: str) -> list[str]:
    """Index words of `text`: folded, without stop words and one-letter words (digits stay)."""
    return [
        t for t in WORD.findall(fold(text)) if t not in STOPWORDS and (len(t) > 1 or t.isdigit())
    ]


def aligned_fold(text: str) -> str:
    """`fold(text)` when it keeps one character per character (so offsets line up), else
    plain lowercase."""
    folded = fold(text)
    return folded if len(folded) == len(text) else text.lower()


def token_spans(text: str) -> Iterable[tuple[str, int, int]]:
    """(folded word, start, end) for every word of `text`, offsets into `text` itself."""
    for match in WORD.finditer(aligned_fold(text)):
        yield match.group(0), match.start(), match.end()


@lru_cache(maxsize=256)
def _words_pattern(words: frozenset[str]) -> re.Pattern[str]:
    """Any of `words` as a whole word of folded text (a word is a run of [a-z0-9])."""
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<![a-z0-9])(?:{alternatives})(?![a-z0-9])")


def match_spans(
    text: str, words: Iterable[str], phrases: tuple[str, ...] = ()
) -> list[tuple[int, int]]:
    """Where the matched words and phrases occur in `text`, in order."""
    wanted = frozenset(w for w in words if w)
    folded = aligned_fold(text) if wanted or phrases else ""
    spans = [m.span() for m in _words_pattern(wanted).finditer(folded)] if wanted else []
    for phrase in phrases:
        pattern = r"\W+".join(re.escape(w) for w in phrase.split())
        spans += [m.span() for m in re.finditer(pattern, folded)]
    return sorted(spans)


def snippet(
    text: str, spans: list[tuple[int, int]], width: int = 180
) -> tuple[str, tuple[tuple[int, int], ...]]:
    """A window of `text` around the first match, cut at word boundaries, with the spans
    (in order, as `match_spans` gives them) moved into the window's coordinates."""
    if len(text) <= width:
        return text, tuple(spans)
    # Centre on the stretch with the most matches, not merely the first one.
    first = spans[0][0] if spans else 0
    starts = [a for a, _ in spans]
    best = 0
    for a in starts:
        count = bisect_left(starts, a + width * 2 // 3) - bisect_left(starts, a)
        if count > best:
            best, first = count, a
    start = max(0, min(first - width // 3, len(text) - width))
    if start > 0:
        start = text.rfind(" ", 0, start) + 1
    end = min(len(text), start + width)
    if end < len(text) and " " in text[start:end]:
        end = text.rfind(" ", start, end)
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(text) else ""
    shift = len(prefix) - start
    inside = tuple((a + shift, b + shift) for a, b in spans if a >= start and b <= end)
    return prefix + text[start:end] + suffix, inside
