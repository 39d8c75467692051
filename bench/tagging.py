"""How well cleaning, titles, recommendation flags and pillar tags do on labelled documents.

Runs the pipeline on each document of a labels file exactly as `brief-tui add` would, and
prints per-document and overall figures beside the issue's targets. Default: the development
set in ../shared/devset (documents the pipeline was not written for); also run it on
tests/fixtures/shapes (labelled documents of other shapes, written for the tests).

    python bench/tagging.py [LABELS.json ...]
"""

from __future__ import annotations

import sys
from pathlib import Path

from brief_tui.corpus.labels import DocumentScore, Summary, score_labels, summarise

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = [
    ROOT.parent / "shared" / "devset" / "labels.json",
    ROOT / "tests" / "fixtures" / "shapes" / "labels.json",
]


def line(score: DocumentScore) -> str:
    title = "—" if not score.title_checkable else ("ok" if score.title_right else "WRONG")
    return (
        f"{Path(score.file).name[:34]:34} title {title:5} "
        f"junk {len(score.junk_left):2}/{score.junk:<2} "
        f"found {score.items_found:2}/{score.items:<2} "
        f"rec F1 {score.recommendations.f1:4.2f} "
        f"pillars P {score.pillars.precision:4.2f} R {score.pillars.recall:4.2f}"
        + (f"  FAILED: {score.failure}" if score.failure else "")
    )


def report(name: str, total: Summary) -> None:
    rec, pil = total.recommendations, total.pillars
    junk = total.junk_left / total.junk if total.junk else 0.0
    titles = total.titles_right / total.titles_checkable if total.titles_checkable else 1.0
    print(f"\n{name}: {total.documents} documents, {total.items} labelled items")
    print(
        f"  titles right      {total.titles_right}/{total.titles_checkable} checkable ({titles:.0%})   target >= 90%"
    )
    print(f"  junk lines left   {total.junk_left}/{total.junk} ({junk:.0%})   target <= 5%")
    print(
        f"  items found       {total.items_found}/{total.items} (quote inside one passage); sentences split: {total.split_sentences}"
    )
    print(
        f"  recommendation    P {rec.precision:.2f} R {rec.recall:.2f} F1 {rec.f1:.2f}   target F1 >= 0.90"
    )
    print(f"  pillars           P {pil.precision:.2f} R {pil.recall:.2f}   target >= 0.85 each")


def main(paths: list[Path]) -> None:
    for path in paths:
        if not path.exists():
            print(f"(no labels at {path})")
            continue
        scores = score_labels(path)
        print(f"== {path}")
        for score in scores:
            print(line(score))
            for junk in score.junk_left:
                print(f"      junk left: {junk[:90]}")
            if score.title_checkable and not score.title_right:
                print(f"      title was: {score.title[:90]}")
        report(path.parent.name, summarise(scores))


if __name__ == "__main__":
    main([Path(a) for a in sys.argv[1:]] or DEFAULT)
