"""Search over the catalog: FTS5 finds the entries holding a word, the vocabulary table
answers completions and typos, and the ranking is the in-memory index's own.

Nothing is built at start: the postings of a word are read from FTS5 when a query first
needs it and kept (bounded) for the next keystrokes; every cache is dropped when the
catalog's generation changes (a document added or removed, here or in another process).
"""

from __future__ import annotations

import json
import sqlite3
import threading
from array import array
from collections import OrderedDict
from collections.abc import Callable, Iterable, Sequence

from brief_tui.catalog.store import Catalog
from brief_tui.catalog.sync import (
    KIND_BIT,
    PILLAR_BIT,
    RECOMMENDATION_BIT,
    TYPE_MASK,
    TYPE_NUMBER,
    TYPE_SHIFT,
)
from brief_tui.corpus.wordmatch import document_words
from brief_tui.search.entries import Entry
from brief_tui.search.index import documents_matching
from brief_tui.search.query import Query
from brief_tui.search.ranking import Hit, Narrowing, Norms, RankedSearch

POSTINGS_KEPT = 2_000_000  # ids held in memory across words, ~8 MB
FOLDED_KEPT = 5_000  # entries' folded text held across keystrokes, ~1.5 MB
IDS_AS_JSON = "SELECT json_group_array(rowid) FROM entries_fts WHERE entries_fts MATCH ?"
IDS_AS_TEXT = "SELECT group_concat(rowid) FROM entries_fts WHERE entries_fts MATCH ?"
ENTRY_COLUMNS = (
    "kind, document, document_title, organisations, section, passage, text, pillars, "
    "recommendation, document_kind, recommendation_kind, source_type, who"
)


class CatalogIndex(RankedSearch):
    def __init__(self, catalog: Catalog) -> None:
        super().__init__()
        self.catalog = catalog
        self._searching = threading.Lock()  # the caches below are one search's at a time
        self._generation = -1
        self._fresh()

    def _fresh(self) -> None:
        """Drop every cache if the catalog changed since they were filled."""
        generation = self.catalog.generation()
        if generation == self._generation:
            return
        self._generation = generation
        self.forget()
        self._postings: OrderedDict[str, array[int]] = OrderedDict()
        self._kept = 0
        self._df: dict[str, int] = {}
        self._by_length: dict[int, list[str]] | None = None
        self._facts: array[int] | None = None
        self._norms: array[float] | None = None
        self._filtered: dict[int, set[int]] = {}
        self._matching: dict[tuple[object, ...], set[int]] = {}
        self._document_words: dict[str, frozenset[str]] | None = None
        self._named: dict[tuple[str, ...], set[str]] = {}
        self._ranges: dict[str, tuple[int, int, int]] | None = None
        self._entries: OrderedDict[int, Entry] = OrderedDict()
        self._folded: OrderedDict[int, str] = OrderedDict()
        self._total = self.catalog.run(
            lambda c: c.execute("SELECT count(*) FROM entries").fetchone()[0]
        )

    def search(
        self,
        text: str | Query,
        *,
        limit: int = 50,
        scope: str | None = None,
        cancelled: Callable[[], bool] = lambda: False,
    ) -> list[Hit]:
        """As `RankedSearch.search`, after dropping caches the catalog has outdated; one
        search at a time (the search screen and a briefing's hits may ask at once)."""
        with self._searching:
            self._fresh()
            return super().search(text, limit=limit, scope=scope, cancelled=cancelled)

    # Storage -------------------------------------------------------------------------------

    @property
    def total(self) -> int:
        return int(self._total)

    def postings(self, word: str) -> Sequence[int]:
        found = self._postings.get(word)
        if found is not None:
            self._postings.move_to_end(word)
            return found

        def read(c: sqlite3.Connection) -> array[int]:
            # One string of ids from SQLite, not a row object per id; a JSON array is parsed
            # in C. In FTS5's own order: sorting them in SQL costs as much as reading them.
            match = (f'"{word}"',)
            try:
                (listed,) = c.execute(IDS_AS_JSON, match).fetchone()
                return array("I", json.loads(listed))
            except sqlite3.OperationalError:  # an SQLite built without its JSON functions
                (joined,) = c.execute(IDS_AS_TEXT, match).fetchone()
                return array("I", map(int, joined.split(","))) if joined else array("I")

        found = self.catalog.run(read) if self._df.get(word, 1) else array("I")
        self._postings[word] = found
        self._kept += len(found)
        while self._kept > POSTINGS_KEPT and len(self._postings) > 1:
            _, dropped = self._postings.popitem(last=False)
            self._kept -= len(dropped)
        return found

    def df(self, word: str) -> int:
        known = self._df.get(word)
        if known is None:
            row = self.catalog.run(
                lambda c: c.execute("SELECT df FROM vocabulary WHERE word = ?", (word,)).fetchone()
            )
            known = self._df[word] = int(row[0]) if row else 0
        return known

    def has_word(self, word: str) -> bool:
        return self.df(word) > 0

    def completions(self, start: str) -> list[str]:
        rows = self.catalog.run(
            lambda c: c.execute(
                "SELECT word, df FROM vocabulary WHERE word >= ? AND word < ? "
                "ORDER BY df DESC, word LIMIT 48",
                (start, start + "\uffff"),
            ).fetchall()
        )
        for word, df in rows:
            self._df[word] = int(df)
        return [w for w, _ in rows]

    def words_of_length(self, length: int) -> list[str]:
        if self._by_length is None:
            self._by_length = {}
        found = self._by_length.get(length)
        if found is None:
            row = self.catalog.run(
                lambda c: c.execute(
                    "SELECT value FROM arrays WHERE name = ?", (f"words-{length}",)
                ).fetchone()
            )
            found = self._by_length[length] = row[0].decode().split("\n") if row else []
        return found

    def _arrays(self) -> tuple[array[int], array[float]]:
        """Each entry's facts and norm, by entry id, as the last sync wrote them."""
        if self._facts is None or self._norms is None:
            rows = dict(
                self.catalog.run(
                    lambda c: c.execute(
                        "SELECT name, value FROM arrays WHERE name IN ('facts', 'norms')"
                    ).fetchall()
                )
            )
            self._facts, self._norms = array("I"), array("d")
            self._facts.frombytes(rows.get("facts", b""))
            self._norms.frombytes(rows.get("norms", b""))
        return self._facts, self._norms

    def norms(self, ids: Iterable[int]) -> Norms:
        return self._arrays()[1]

    def by_norm(self) -> Sequence[int]:
        if self._by_norm is None:
            row = self.catalog.run(
                lambda c: c.execute("SELECT value FROM arrays WHERE name = 'by-norm'").fetchone()
            )
            if row is None:  # a catalog written before the order was stored
                return super().by_norm()
            self._by_norm = array("I")
            self._by_norm.frombytes(row[0])
        return self._by_norm

    def folded(self, ids: Iterable[int]) -> dict[int, str]:
        asked = list(ids)
        kept = self._folded
        found = {i: kept[i] for i in asked if i in kept}
        wanted = [i for i in asked if i not in found]

        def read(c: sqlite3.Connection) -> None:
            for start in range(0, len(wanted), 500):
                chunk = wanted[start : start + 500]
                marks = ",".join("?" * len(chunk))
                found.update(
                    c.execute(
                        f"SELECT rowid, folded FROM entries_fts WHERE rowid IN ({marks})", chunk
                    )
                )

        if wanted:
            self.catalog.run(read)
            # The next keystroke's shortlist is mostly this one's.
            kept.update((i, found[i]) for i in wanted if i in found)
            while len(kept) > FOLDED_KEPT:
                kept.popitem(last=False)
        return found

    def entry(self, i: int) -> Entry:
        known = self._entries.get(i)
        if known is None:
            self.prefetch([i])
            known = self._entries[i]
        return known

    def prefetch(self, ids: list[int]) -> None:
        wanted = [i for i in ids if i not in self._entries]
        if not wanted:
            return
        marks = ",".join("?" * len(wanted))
        rows = self.catalog.run(
            lambda c: c.execute(
                f"SELECT id, {ENTRY_COLUMNS} FROM entries WHERE id IN ({marks})", wanted
            ).fetchall()
        )
        for row in rows:
            i, kind, document, title, organisations, section, passage, text = row[:8]
            pillars, rec, dkind, rec_kind, source_type, who = row[8:]
            self._entries[i] = Entry(
                kind,
                document,
                title,
                organisations,
                section,
                passage,
                text,
                tuple(pillars.split()),
                bool(rec),
                dkind,
                rec_kind,
                source_type,
                who,
            )
        while len(self._entries) > max(2000, 2 * len(wanted)):
            self._entries.popitem(last=False)

    # Filters -------------------------------------------------------------------------------

    def allowed(self, query: Query, scope: str | None) -> set[int] | None:
        allowed = Narrowing()
        narrow = allowed.to

        if query.documents:
            named = self._named.get(query.documents)
            if named is None:
                named = self._named[query.documents] = documents_matching(
                    self._words(), query.documents
                )
            narrow(self._of_documents(named))
        if scope is not None:
            narrow(self._of_documents({scope}))
        if query.pillars or query.recommendations_only:
            mask = RECOMMENDATION_BIT if query.recommendations_only else 0
            for pillar in query.pillars:
                mask |= PILLAR_BIT[pillar]
            found = self._filtered.get(mask)
            if found is None:
                facts = self._arrays()[0]
                found = self._filtered[mask] = {
                    i for i, fact in enumerate(facts) if fact & mask == mask
                }
            narrow(found)
        if query.kinds:  # kind:ask kind:commitment: either kind
            bits = 0
            for kind in query.kinds:
                bits |= KIND_BIT.get(kind, 0)
            narrow(self._where(("kind", bits), lambda fact: bool(fact & bits)))
        if query.source_types:
            numbers = {TYPE_NUMBER[t] for t in query.source_types if t in TYPE_NUMBER}
            narrow(
                self._where(
                    ("type", *sorted(numbers)),
                    lambda fact: (fact >> TYPE_SHIFT) & TYPE_MASK in numbers,
                )
            )
        if query.notes_only:
            narrow(set())  # notes are not in the catalog: the session searches them
        return allowed.ids

    def _where(self, key: tuple[object, ...], test: Callable[[int], bool]) -> set[int]:
        """The entries whose facts pass `test`, kept under `key` until the catalog changes."""
        found = self._matching.get(key)
        if found is None:
            facts = self._arrays()[0]
            found = self._matching[key] = {i for i, fact in enumerate(facts) if fact and test(fact)}
        return found

    def _of_documents(self, documents: set[str]) -> set[int]:
        """The entries of these documents: each document's entries were written together, so
        they are one run of ids."""
        if self._ranges is None:
            stored = self.catalog.run(
                lambda c: c.execute("SELECT value FROM arrays WHERE name = 'ranges'").fetchone()
            )
            rows = (
                json.loads(stored[0])
                if stored
                else self.catalog.run(  # a catalog written before the runs were stored
                    lambda c: c.execute(
                        "SELECT document, min(id), max(id), count(*) FROM entries GROUP BY document"
                    ).fetchall()
                )
            )
            self._ranges = {doc: (first, last, n) for doc, first, last, n in rows}
        found: set[int] = set()
        for doc in documents:
            first, last, count = self._ranges.get(doc, (0, -1, 0))
            if last - first + 1 == count:
                found.update(range(first, last + 1))
            else:  # two files with one id: ask
                found.update(self._ids_of(doc))
        return found

    def _ids_of(self, document: str) -> list[int]:
        def read(c: sqlite3.Connection) -> list[int]:
            rows = c.execute("SELECT id FROM entries WHERE document = ?", (document,))
            return [i for (i,) in rows]

        return self.catalog.run(read)

    def _words(self) -> dict[str, frozenset[str]]:
        if self._document_words is None:
            rows = self.catalog.run(
                lambda c: c.execute(
                    "SELECT document, document_title, organisations, document_kind FROM entries "
                    "WHERE kind = 'title'"
                ).fetchall()
            )
            self._document_words = {
                doc: document_words(doc, title, [organisations], kind)
                for doc, title, organisations, kind in rows
            }
        return self._document_words
