"""Pillar tags and recommendation flags against a careful human reading of every passage.

`tests/fixtures/gold_labels.json` was labelled by reading each passage of the five seeds
independently of the tagger (conventions: stock lists of root causes are framing, office
names and quoted words are not topics, reported announcements count as commitments).
"""

import json
from pathlib import Path

from brief_tui import locations
from brief_tui.corpus.library import load_library

GOLD = json.loads(
    (Path(__file__).parents[1] / "fixtures" / "gold_labels.json").read_text(encoding="utf-8")
)


def scores() -> dict[str, float]:
    library = load_library((locations.content_dir(), "bundled"))
    tp = fp = fn = rtp = rfp = rfn = 0
    for doc in library.documents:
        for _, passage in doc.passages():
            gold = GOLD[passage.id]
            tagged, expected = set(passage.pillars), set(gold["pillars"])
            tp, fp, fn = (
                tp + len(tagged & expected),
                fp + len(tagged - expected),
                fn + len(expected - tagged),
            )
            rtp += passage.recommendation and gold["recommendation"]
            rfp += passage.recommendation and not gold["recommendation"]
            rfn += gold["recommendation"] and not passage.recommendation
    return {
        "pillar precision": tp / (tp + fp),
        "pillar recall": tp / (tp + fn),
        "recommendation precision": rtp / (rtp + rfp),
        "recommendation recall": rtp / (rtp + rfn),
    }


def test_every_passage_is_labelled() -> None:
    library = load_library((locations.content_dir(), "bundled"))
    ids = {p.id for d in library.documents for _, p in d.passages()}
    assert ids == set(GOLD), "segmentation changed: relabel tests/fixtures/gold_labels.json"


def test_tagging_agrees_with_a_careful_reading() -> None:
    measured = scores()
    assert measured["pillar precision"] >= 0.88, measured
    assert measured["pillar recall"] >= 0.93, measured
    assert measured["recommendation precision"] >= 0.95, measured
    assert measured["recommendation recall"] >= 0.95, measured
