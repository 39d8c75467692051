"""The corpus model: documents made of sections made of passages. Frozen, so it is safe to share."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from brief_tui.corpus.reasons import Reason
from brief_tui.corpus.sanitize import safe_line

KINDS = (
    "joint statement",
    "campaign recommendation",
    "government strategy",
    "government web page",
    "commentary",
    "document",
)
PASSAGE_KINDS = ("heading", "paragraph", "item")
RECOMMENDATION_KINDS = ("ask", "commitment", "reported")
SOURCE_TYPES = ("advocacy", "government", "research", "media", "multilateral", "other")


@dataclass(frozen=True)
class Passage:
    id: str
    kind: str  # "heading" | "paragraph" | "item"
    text: str
    pillars: tuple[str, ...] = ()
    recommendation: bool = False
    why: tuple[Reason, ...] = ()  # one per tag: which rule and words produced it
    marker: str = ""  # list marker: "•" or "1."
    themes: tuple[str, ...] = ()  # curator-set themes; the compare pane aligns on them
    page: int | None = None  # the 1-based page of the source where it starts; None: no pages
    recommendation_kind: str | None = None  # "ask" | "commitment" | "reported"; None: not one
    actor: str | None = None  # who would act, commits or acted ('U.S. government', 'Mexico')
    addressee: str | None = None  # for an ask: who is asked


@dataclass(frozen=True)
class Section:
    id: str
    title: str
    passages: tuple[Passage, ...]
    level: int = 0  # its heading's level in the source (1 is the top); 0 when unknown


@dataclass(frozen=True)
class Document:
    id: str
    title: str
    organisations: tuple[str, ...]
    date: str | None
    kind: str
    source: str  # a citation a reader can follow
    seed: str | None  # the source file it was ingested from
    partial: str  # non-empty when the source is a partial excerpt: says what is missing
    sections: tuple[Section, ...]
    origin: str = "bundled"  # "bundled" | "user"
    path: str = ""  # the content file it was loaded from
    added_from: str = ""  # for a user's document: the file it was added from, to update in place
    title_guessed: bool = False  # no title line was found: it was taken from a heading or the name
    source_type: str = "other"  # advocacy, government, research, media, multilateral or other

    @classmethod
    def lazy(
        cls, load: Callable[[], tuple[Section, ...]], counts: DocumentCounts, **fields: Any
    ) -> Document:
        """A document whose sections are read by `load` when first asked for (the catalog's
        way of listing a thousand briefings without reading their passages); its counts are
        known without them."""
        doc = cls(sections=(), **fields)
        del doc.__dict__["sections"]
        doc.__dict__["_load"] = load
        doc.__dict__["_counts"] = counts
        return doc

    def __getattr__(self, name: str) -> Any:
        """Only reached for the sections of a lazy document not read yet."""
        load = self.__dict__.get("_load") if name == "sections" else None
        if load is None:
            raise AttributeError(name)
        sections = load()
        self.__dict__["sections"] = sections
        return sections

    @property
    def loaded(self) -> bool:
        """Whether the passages are in memory (always, unless the document is lazy)."""
        return "sections" in self.__dict__

    def passages(self) -> Iterator[tuple[Section, Passage]]:
        for section in self.sections:
            for passage in section.passages:
                yield section, passage

    def counts(self) -> DocumentCounts:
        known = self.__dict__.get("_counts")
        return known if known is not None else DocumentCounts.of(self.sections)

    @property
    def passage_count(self) -> int:
        known = self.__dict__.get("_counts")
        if known is not None:
            return int(known.passages)
        return sum(len(s.passages) for s in self.sections)

    @property
    def recommendation_count(self) -> int:
        known = self.__dict__.get("_counts")
        if known is not None:
            return int(known.recommendations)
        return sum(1 for _, p in self.passages() if p.recommendation)

    def kind_counts(self) -> dict[str, int]:
        """Recommendations by kind: {'ask': 12, 'commitment': 3, 'reported': 9}."""
        known = self.__dict__.get("_counts")
        if known is not None:
            return dict(known.kinds)
        counts: dict[str, int] = {}
        for _, passage in self.passages():
            if passage.recommendation and passage.recommendation_kind:
                kind = passage.recommendation_kind
                counts[kind] = counts.get(kind, 0) + 1
        return counts

    def pillar_counts(self) -> dict[str, int]:
        known = self.__dict__.get("_counts")
        if known is not None:
            return dict(known.pillars)
        counts: dict[str, int] = {}
        for _, passage in self.passages():
            for pillar in passage.pillars:
                counts[pillar] = counts.get(pillar, 0) + 1
        return counts


@dataclass(frozen=True)
class DocumentCounts:
    """What the library draws for a briefing without reading its passages."""

    passages: int
    recommendations: int
    pillars: tuple[tuple[str, int], ...]
    kinds: tuple[tuple[str, int], ...] = ()  # recommendations by kind

    @classmethod
    def of(cls, sections: tuple[Section, ...]) -> DocumentCounts:
        pillars: dict[str, int] = {}
        kinds: dict[str, int] = {}
        passages = recommendations = 0
        for section in sections:
            for passage in section.passages:
                passages += 1
                recommendations += passage.recommendation
                for pillar in passage.pillars:
                    pillars[pillar] = pillars.get(pillar, 0) + 1
                if passage.recommendation and passage.recommendation_kind:
                    kind = passage.recommendation_kind
                    kinds[kind] = kinds.get(kind, 0) + 1
        return cls(passages, recommendations, tuple(pillars.items()), tuple(kinds.items()))


@dataclass(frozen=True)
class LoadProblem:
    """Something wrong with one content file: where, and what, in one sentence."""

    path: str
    line: int | None
    message: str

    def __str__(self) -> str:
        """For display: a file name or a quoted value may hold escape sequences; drop them."""
        path = safe_line(self.path)
        if not path:
            return safe_line(self.message)
        where = f"{path}:{self.line}" if self.line else path
        return f"{where}: {safe_line(self.message)}"


@dataclass(frozen=True)
class Listing:
    """What a whole library holds, when only its first page of documents has been read (so
    the library screen can draw its first frame before reading the rest)."""

    documents: int
    passages: int
    recommendations: int
    scale: int  # the most passages any one document has under one pillar


@dataclass(frozen=True)
class Library:
    documents: tuple[Document, ...]
    problems: tuple[LoadProblem, ...] = field(default=())
    catalog: Any = field(default=None, compare=False, repr=False)  # where it was listed from
    listing: Listing | None = None  # set when `documents` is only the first page

    def document(self, doc_id: str) -> Document | None:
        return next((d for d in self.documents if d.id == doc_id), None)

    def totals(self) -> Listing:
        """What the whole library holds: as listed with a first page, else counted."""
        if self.listing is not None:
            return self.listing
        return Listing(
            len(self.documents),
            sum(d.passage_count for d in self.documents),
            sum(d.recommendation_count for d in self.documents),
            max((n for d in self.documents for n in d.pillar_counts().values()), default=0),
        )

    def pillar_counts(self) -> dict[str, int]:
        """Passages per pillar across every document."""
        counts: dict[str, int] = {}
        for doc in self.documents:
            for pillar, count in doc.pillar_counts().items():
                counts[pillar] = counts.get(pillar, 0) + count
        return counts
