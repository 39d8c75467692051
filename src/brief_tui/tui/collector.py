"""When the garbage collector frees a closed screen: just after the next frame.

A closed briefing's widgets hold cycles (parent and child, a message pump and its tasks), so
only a full collection frees them, and the collector starts one when its own counts say so:
inside whichever later open or key happens to be running (12 full collections of 15–65 ms
during 20 opens, bench/catalog_reader.py). Run once the screen below has been drawn, the same
work comes before a person's next key instead.
"""

from __future__ import annotations

import gc


def collect_closed_screens() -> None:
    gc.collect()
