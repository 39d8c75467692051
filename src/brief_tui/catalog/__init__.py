"""The catalog: one SQLite database of document metadata, passages and a search index.

It is a derived cache: the content files stay the source of truth. At start the catalog
compares a manifest of the content files (name, size, modification time) with what it holds
and re-reads only the files that changed, so a library of a thousand briefings opens without
reading their passages. Pure: no Textual.
"""
