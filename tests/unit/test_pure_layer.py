"""The pure layer (corpus, search, reading, settings, CLI) must never import Textual."""

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

PURE_MODULES = [
    "brief_tui.corpus.library",
    "brief_tui.corpus.ingest",
    "brief_tui.corpus.tagging",
    "brief_tui.corpus.cache",
    "brief_tui.corpus.lookup",
    "brief_tui.corpus.wordmatch",
    "brief_tui.corpus.tomlread",
    "brief_tui.corpus.validation",
    "brief_tui.corpus.citation",
    "brief_tui.corpus.pillar_tags",
    "brief_tui.corpus.recommendations",
    "brief_tui.corpus.labels",
    "brief_tui.corpus.fetch",
    "brief_tui.corpus.formats.html",
    "brief_tui.corpus.formats.docx",
    "brief_tui.corpus.formats.epub",
    "brief_tui.corpus.formats.pdf",
    "brief_tui.search",
    "brief_tui.search.notes",
    "brief_tui.catalog.store",
    "brief_tui.catalog.sync",
    "brief_tui.catalog.fts_index",
    "brief_tui.session",
    "brief_tui.compare",
    "brief_tui.compare_output",
    "brief_tui.notes.store",
    "brief_tui.notes.backup",
    "brief_tui.export",
    "brief_tui.reading",
    "brief_tui.settings",
    "brief_tui.cli",
    "brief_tui.cli_list",
    "brief_tui.cli_check",
    "brief_tui.cli_documents",
    "brief_tui.cli_output",
]


def test_pure_layer_does_not_import_textual() -> None:
    code = (
        "import importlib, sys\n"
        f"for name in {PURE_MODULES!r}:\n"
        "    importlib.import_module(name)\n"
        "print(sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.')))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_the_reader_and_ingest_load_no_document_library_until_a_document_needs_it() -> None:
    """trafilatura, lxml and mammoth cost start-up time: only the format reading a file loads them."""
    code = (
        "import sys, brief_tui.tui.app, brief_tui.corpus.ingest, brief_tui.corpus.fetch\n"
        "heavy = ('trafilatura', 'lxml', 'mammoth', 'htmldate', 'docx')\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in heavy))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_the_reader_and_the_command_line_start_without_pdfminer() -> None:
    """pdfminer (and the PDF modules) load only when a PDF is read: not for the first paint."""
    code = (
        "import sys\n"
        "import brief_tui.tui.app, brief_tui.cli, brief_tui.corpus.formats\n"
        "print(sorted(m for m in sys.modules if m.startswith(('pdfminer', 'brief_tui.corpus.formats.pdf'))))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_the_import_linter_contract_holds() -> None:
    """The same rule as above, checked statically over every module (import-linter)."""
    linter = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run(
        [str(linter), "--config", str(REPO / "pyproject.toml")],
        capture_output=True,
        text=True,
        cwd=REPO,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 kept, 0 broken" in result.stdout
