"""A fix for one leak in the pinned Textual, applied when the application is imported.

Textual caches `StylesCache.get_inner_outer` with `functools.lru_cache` on an instance
method (https://github.com/Textualize/textual/issues/6665, open): the cache's keys hold
every widget's `StylesCache`, and with it the lines the widget last drew, for up to 1,024
calls. Every briefing opened and closed left its drawn lines behind (~17,000 objects for
four briefings), and full garbage collections grew with them: 15 ms at first, 100 ms after
forty opens, landing on whichever key or open was running. The answer depends on the two
colours only (the method never reads its instance), so it is cached on them.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import Any

from textual._styles_cache import StylesCache
from textual.color import Color


def apply() -> None:
    """Cache Textual's own answer by colour, not by widget; a Textual whose method is not
    a cached function of an instance and two colours is left alone."""
    cached = StylesCache.__dict__.get("get_inner_outer")
    original: Callable[..., Any] | None = getattr(cached, "__wrapped__", None)
    if original is None or original.__code__.co_argcount != 3:
        return

    @lru_cache(1024)
    def by_colours(base_background: Color, background: Color) -> Any:
        return original(None, base_background, background)

    StylesCache.get_inner_outer = staticmethod(by_colours)  # type: ignore[assignment,method-assign]
