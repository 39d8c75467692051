"""Start a real `brief-tui serve` on a free port and stop it as a person would (Ctrl+C)."""

from __future__ import annotations

import signal
import socket
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

BRIEF_TUI = Path(sys.executable).with_name("brief-tui")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class Served:
    """A running `brief-tui serve`: its address, data directory and process."""

    url: str
    data_dir: Path
    process: subprocess.Popen[str]
    first_lines: list[str]

    def stop(self) -> tuple[int, str, str]:
        """Ctrl+C; the exit status, everything it printed on stdout, and stderr."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
        out, err = self.process.communicate(timeout=30)
        return self.process.returncode, "".join(self.first_lines) + out, err


def start_server(data_dir: Path, *extra: str, port: int | None = None) -> Served:
    port = port or free_port()
    process = subprocess.Popen(
        [str(BRIEF_TUI), "serve", "--port", str(port), "--data-dir", str(data_dir), *extra],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        text=True,
    )
    assert process.stdout is not None and process.stderr is not None
    first = process.stdout.readline()  # "Serving the reader on … at http://…"
    if "Serving" not in first:
        process.kill()
        raise AssertionError(f"the server did not start: {first}{process.stderr.read()}")
    second = process.stdout.readline()
    return Served(f"http://127.0.0.1:{port}/", data_dir, process, [first, second])
