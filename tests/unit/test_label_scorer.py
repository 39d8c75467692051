"""The tagging scorer counts what a reader would count: a short junk word is left only when it
stands alone, and a label set may leave a part of an item unjudged."""

import json
from pathlib import Path

from brief_tui.corpus.labels import score_labels

PAGE = """\
Home
Economy

Remittances Hold Up the Highland Economy

Money sent home paid for a third of the houses built in the highland towns last year.

Congress should fund crop insurance for smallholders in the western highlands.
"""


def test_short_junk_counts_only_alone_and_unjudged_parts_are_not_scored(tmp_path: Path) -> None:
    (tmp_path / "page.txt").write_text(PAGE, encoding="utf-8")
    labels = {
        "documents": [
            {
                "file": "page.txt",
                "title": "Remittances Hold Up the Highland Economy",
                "junk": ["Home", "Economy"],
                "items": [
                    {"quote": "Money sent home paid for a third", "rec": None, "ok": None},
                    {"quote": "Congress should fund crop insurance", "rec": True, "ok": None},
                ],
            }
        ]
    }
    path = tmp_path / "labels.json"
    path.write_text(json.dumps(labels), encoding="utf-8")
    [score] = score_labels(path)
    assert score.title_right
    assert score.junk_left == []  # 'home' and 'economy' are in sentences, not left as lines
    assert (score.recommendations.tp, score.recommendations.fp) == (1, 0)
    assert score.pillars.tp + score.pillars.fp + score.pillars.fn == 0
