"""How well recommendations are told apart: kind (ask, commitment, reported), addressee, actor.

Measured on the bundled briefings (labels in tests/fixtures/gold_labels.json), on the
development set (../shared/devset/labels.json, actors in tests/fixtures/devset_actors.json)
and on the shapes written for the tests (tests/fixtures/shapes/labels.json),
over the passages a person labelled a recommendation AND the pipeline flagged (a missed flag
is the recommendation scorer's business, `bench/tagging.py`). A kind is right when it is one
of the labelled acceptable kinds; an addressee when its group is the labelled one, over the
passages labelled first as asks; an actor likewise. The baseline, from the same run, is the
flag's rule alone (asking rules -> ask, commitment -> commitment, announcement and funding ->
reported), with no addressee or actor.

    python bench/kinds.py [LABELS.json ...]   (more label sets in the development set's format)
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path

from brief_tui.corpus.curation import Curation
from brief_tui.corpus.ingest import build_document
from brief_tui.corpus.labels import fold
from brief_tui.corpus.library import load_library
from brief_tui.corpus.model import Document, Passage
from brief_tui.corpus.parties import group_of
from brief_tui.corpus.reasons import RECOMMENDATION
from brief_tui.corpus.recommendations import ASK_RULES

ROOT = Path(__file__).resolve().parents[1]
DEVSET = ROOT.parent / "shared" / "devset" / "labels.json"
CODES = {
    "U.S. government": "US",
    "Congress": "Congress",
    "Mexico": "MX",
    "governments of the region": "regional governments",
    "donors": "donors",
    "private sector": "private sector",
    "civil society": "civil society",
}


def code(name: str | None) -> str | None:
    if not name:
        return None
    group = group_of(name)
    return CODES.get(group, "other")


def baseline_kind(passage: Passage) -> str:
    rule = next((r.rule for r in passage.why if r.tag == RECOMMENDATION), "")
    if rule in ASK_RULES - {"funding"}:
        return "ask"
    return "commitment" if rule == "commitment" else "reported"


@dataclass
class Tally:
    kinds: int = 0
    kinds_right: int = 0
    kinds_baseline: int = 0
    asks: int = 0
    addressee_right: int = 0
    actors: int = 0
    actor_right: int = 0

    def add(self, passage: Passage, kinds: list[str], addressee: str | None, actor: str | None):
        self.kinds += 1
        self.kinds_right += passage.recommendation_kind in kinds
        self.kinds_baseline += baseline_kind(passage) in kinds
        if kinds[0] == "ask":
            self.asks += 1
            self.addressee_right += code(passage.addressee) == addressee
        if actor:
            self.actors += 1
            wanted = "other" if actor.startswith(("other", "author")) else actor
            self.actor_right += code(passage.actor) == wanted

    def report(self, name: str) -> None:
        def pct(a: int, b: int) -> str:
            return f"{a}/{b} ({100 * a / b:.0f}%)" if b else "—"

        print(f"{name}:")
        print(
            f"  kind right       {pct(self.kinds_right, self.kinds):14}  baseline (rule alone) "
            f"{pct(self.kinds_baseline, self.kinds)}   target >= 90%"
        )
        print(
            f"  addressee right  {pct(self.addressee_right, self.asks):14}  baseline 0   "
            "target >= 85% of asks"
        )
        print(f"  actor right      {pct(self.actor_right, self.actors):14}  baseline 0")


def seeds() -> Tally:
    labels = json.loads((ROOT / "tests" / "fixtures" / "gold_labels.json").read_text())
    library = load_library((ROOT / "content", "bundled"))
    passages = {p.id: p for doc in library.documents for _, p in doc.passages()}
    tally = Tally()
    for pid, label in labels.items():
        passage = passages.get(pid)
        if not label.get("kinds") or passage is None or not passage.recommendation:
            continue
        tally.add(passage, label["kinds"], label.get("addressee"), label.get("actor"))
    return tally


def devset(labels_file: Path) -> Tally:
    labels = json.loads(labels_file.read_text())
    actors_file = ROOT / "tests" / "fixtures" / "devset_actors.json"
    actors = {
        (a["file"], a["quote"]): a["actor"] for a in json.loads(actors_file.read_text())["items"]
    }
    tally = Tally()
    for item_doc in labels["documents"]:
        path = labels_file.parent / item_doc["file"]
        doc = build_document(path.read_bytes(), path.name, Curation(), origin="user")
        for item in item_doc["items"]:
            if not item.get("rec"):
                continue
            passage = _holding(doc, item["quote"])
            if passage is None or not passage.recommendation:
                continue
            actor = item.get("actor") or actors.get((item_doc["file"], item["quote"]))
            tally.add(passage, item["kinds"], item.get("addressee"), actor)
    return tally


def _holding(doc: Document, quote: str) -> Passage | None:
    wanted = fold(quote)
    return next((p for _, p in doc.passages() if wanted in fold(p.text)), None)


def main() -> int:
    seeds().report("bundled briefings (tests/fixtures/gold_labels.json)")
    extra = [Path(a) for a in sys.argv[1:]]
    for labels in [DEVSET, ROOT / "tests" / "fixtures" / "shapes" / "labels.json", *extra]:
        if labels.exists():
            devset(labels).report(str(labels))
        else:
            print(f"(no labels at {labels})", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
