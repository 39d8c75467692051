"""Approximate matching, for quotes whose exact words are no longer in the text.

Used only after a verbatim search failed: it is the slow part of resolving an anchor.
"""

from __future__ import annotations

from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

FUZZY_THRESHOLD = 80  # rapidfuzz score (0-100) a fuzzy match must reach
SHORT_QUOTE = 12  # quotes shorter than this need their context to match too
_FUZZY_SHORTLIST = 8  # best-scoring passages checked in detail
_PIECE = 64  # longest needle rapidfuzz scores quickly
_MAX_PIECES = 8  # bounds the work for very long quotes
_PIECE_THRESHOLD = 70  # a piece's score may dip below the whole's
_MAX_REACH = 16  # how far a fuzzy span's ends may be nudged


def find_approximately(
    quote: str, prefix: str, suffix: str, texts: list[str]
) -> tuple[int, int, int] | None:
    """(passage index, start, end) of the closest match of `quote` in `texts`, or None.

    A short quote matches too many places on its own, so it must bring its context along.
    """
    if len(quote) >= SHORT_QUOTE:
        return _best_alignment(quote, texts)
    if not prefix and not suffix:  # a whole short passage: match whole passages
        best = process.extractOne(quote, texts, scorer=fuzz.ratio, score_cutoff=FUZZY_THRESHOLD)
        if best is None or not texts[best[2]]:
            return None
        return best[2], 0, len(texts[best[2]])
    span = _best_alignment(prefix + quote + suffix, texts)
    if span is None:
        return None
    index, window_start, window_end = span
    lo = max(0, window_start - len(quote))
    window = texts[index][lo : window_end + len(quote)]
    inner = fuzz.partial_ratio_alignment(quote, window, score_cutoff=FUZZY_THRESHOLD)
    if inner is None or inner.dest_end <= inner.dest_start:
        return None
    start, end = _refine(quote, window, inner.dest_start, inner.dest_end)
    return index, lo + start, lo + end


def _best_alignment(needle: str, texts: list[str]) -> tuple[int, int, int] | None:
    """(passage index, start, end) of the best approximate match of `needle`, or None.

    rapidfuzz's partial ratio slows down sharply for needles over 64 characters, so long
    needles are shortlisted by their 64-character pieces (an edit that keeps the whole at 80%
    leaves some piece close to that too) and only the shortlist is scored in full. A passage
    shorter than the needle can only match as a whole, so it is scored by plain ratio.
    """
    cutoff, limit = FUZZY_THRESHOLD, _FUZZY_SHORTLIST
    shortlist: dict[int, float] = {}
    shorter = {i: t for i, t in enumerate(texts) if 0 < len(t) < len(needle)}
    for _, score, index in process.extract(
        needle, shorter, scorer=fuzz.ratio, score_cutoff=cutoff, limit=limit
    ):
        shortlist[index] = score
    pieces = _pieces(needle)
    shortest = min(len(piece) for piece in pieces)
    pool = {i: t for i, t in enumerate(texts) if len(t) >= shortest}
    for piece in pieces:
        for _, score, index in process.extract(
            piece, pool, scorer=fuzz.partial_ratio, score_cutoff=_PIECE_THRESHOLD, limit=limit
        ):
            shortlist[index] = shortlist.get(index, 0.0) + score
    best: tuple[float, int, int, int] | None = None
    for index in sorted(shortlist, key=lambda i: (-shortlist[i], i))[:limit]:
        text = texts[index]
        if len(text) < len(needle):
            score, start, end = fuzz.ratio(needle, text), 0, len(text)
        else:
            aligned = fuzz.partial_ratio_alignment(needle, text, score_cutoff=cutoff)
            if aligned is None:
                continue
            start, end = _refine(needle, text, aligned.dest_start, aligned.dest_end)
            score = aligned.score
        if score >= cutoff and end > start and (best is None or score > best[0]):
            best = (score, index, start, end)
    return None if best is None else best[1:]


def _pieces(needle: str) -> list[str]:
    """Up to _MAX_PIECES evenly spread pieces of at most _PIECE characters covering `needle`."""
    count = -(-len(needle) // _PIECE)
    size = -(-len(needle) // count)
    starts = list(range(0, len(needle), size))
    if len(starts) > _MAX_PIECES:
        step = len(starts) / _MAX_PIECES
        starts = [starts[int(k * step)] for k in range(_MAX_PIECES)]
    return [needle[start : start + size] for start in starts]


def _refine(needle: str, text: str, start: int, end: int) -> tuple[int, int]:
    """Nudge the ends of an aligned span to fit `needle` best.

    partial_ratio aligns a window exactly as long as the needle, so after an insertion or a
    deletion the window cuts a word short or takes a character too many.
    """
    reach = min(_MAX_REACH, max(3, len(needle) // 10))

    def misfit(s: int, e: int) -> int:  # edits needed; a substitution counts once
        return Levenshtein.distance(needle, text[s:e])

    ends = range(max(start + 1, end - reach), min(len(text), end + reach) + 1)
    end = min(ends, key=lambda e: (misfit(start, e), abs(e - end)))
    starts = range(max(0, start - reach), min(end - 1, start + reach) + 1)
    start = min(starts, key=lambda s: (misfit(s, end), abs(s - start)))
    return start, end
