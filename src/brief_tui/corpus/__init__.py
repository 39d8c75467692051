"""The pure corpus layer: model, cleaning, segmentation, tagging, content files.

Nothing in this package imports Textual; the reader, search, compare and export all build on it.
"""
