"""Fixtures for browser tests: a real `brief-tui serve` process and a headless Chromium.

Without Chromium these tests are skipped on a developer's machine but fail in CI (`CI` set,
as `.ci/run` and hosted CI services do): a browser test that silently never runs proves nothing.
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path

import pytest
from devtools import Browser, find_chromium
from tests.served import Served, start_server

# Screenshots; `.ci/run` points this at the checkout, since it tests a temporary copy.
ARTIFACTS = Path(
    os.environ.get("BRIEF_TUI_TEST_ARTIFACTS") or Path(__file__).resolve().parents[1] / "artifacts"
)


@pytest.fixture
def serve(isolated_data_dir: Path) -> Iterator[Callable[..., Served]]:
    """`serve(*extra_args)` starts a server on a free port; each is stopped at teardown."""
    started: list[Served] = []

    def start(*extra: str) -> Served:
        served = start_server(isolated_data_dir, *extra)
        started.append(served)
        return served

    yield start
    for served in started:
        if served.process.poll() is None:
            served.stop()


@pytest.fixture
async def browser(tmp_path: Path) -> AsyncIterator[Browser]:
    executable = find_chromium()
    if executable is None:
        if os.environ.get("CI"):
            pytest.fail("the browser tests need Chromium: install the `chromium` package")
        pytest.skip("needs Chromium (apt-get install chromium)")
    started = await Browser(executable, tmp_path / "chromium-profile").start()
    try:
        yield started
    finally:
        await started.close()


@pytest.fixture
def artifacts() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS
