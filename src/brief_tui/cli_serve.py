"""`brief-tui serve`: check what was asked for, then serve the reader to browsers.

Everything that can be refused is refused here, before a socket is opened, with one sentence:
a network address without a token, a data directory that is not one, a port in use.
"""

from __future__ import annotations

import errno
import os
import shlex
import socket
import sys
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote

from brief_tui.cli_output import error

if TYPE_CHECKING:
    import argparse

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000


def add_serve_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    import argparse

    serve = commands.add_parser(
        "serve",
        help="the reader in a web browser, one reader per tab (this machine only by default)",
        description="Serve the reader to web browsers: each tab is its own reader on the same "
        "library and notes. Listens on 127.0.0.1 unless --host says otherwise; any other "
        "address needs --token.",
    )
    serve.add_argument(
        "--host", default=DEFAULT_HOST, help=f"address to listen on (default {DEFAULT_HOST})"
    )
    serve.add_argument(
        "--port", type=int, default=DEFAULT_PORT, help=f"port (default {DEFAULT_PORT})"
    )
    serve.add_argument(
        "--data-dir",
        metavar="DIR",
        default=argparse.SUPPRESS,  # absent here: the one given before `serve`, if any
        help="the library and notes every tab reads and writes",
    )
    serve.add_argument(
        "--token",
        metavar="T",
        help="a secret every browser must bring (?token=T in the first link); required "
        "for an address other than this machine's",
    )


def reader_command(data_dir: Path) -> str:
    """The shell command textual-serve runs for each tab: this Python, this data directory."""
    return shlex.join([sys.executable, "-m", "brief_tui", "--data-dir", str(data_dir)])


def cmd_serve(args: argparse.Namespace, data_dir: Path) -> int:
    from brief_tui.serve.access import is_loopback

    token = args.token or None
    if args.token is not None and not args.token.strip():
        error("--token cannot be empty.")
        return 2
    if not is_loopback(args.host) and token is None:
        error(
            f"refusing to serve on {args.host} without --token: anyone who can reach it "
            "could read your library and change your notes."
        )
        return 2
    if not 0 < args.port < 65536:
        error(f"--port must be between 1 and 65535, not {args.port}.")
        return 2
    problem = _data_dir_problem(data_dir)
    if problem:
        error(problem)
        return 2
    data_dir = data_dir.resolve()
    if not os.access(data_dir, os.W_OK):
        print(
            f"warning: {data_dir} is read-only: readers can read but not save notes.",
            file=sys.stderr,
        )

    from brief_tui.serve.access import AccessPolicy
    from brief_tui.serve.server import ReaderServer, run

    policy = AccessPolicy(token=token, port=args.port, loopback_only=is_loopback(args.host))
    server = ReaderServer(reader_command(data_dir), args.host, args.port, policy)

    def announce() -> None:
        address = _address(args.host, args.port, token)
        print(f"Serving the reader on {data_dir} at {address}", flush=True)
        print("Each browser tab is its own reader. Press Ctrl+C to stop.", flush=True)

    try:
        run(server, announce)
    except OSError as exc:
        error(_bind_problem(args.host, args.port, exc))
        return 1
    except KeyboardInterrupt:  # a second Ctrl+C while stopping
        pass
    print("Stopped.", flush=True)
    return 0


def _data_dir_problem(data_dir: Path) -> str | None:
    """Why the readers could not use `data_dir`, or None; creates it when missing."""
    if data_dir.exists() and not data_dir.is_dir():
        return f"cannot serve {data_dir}: it is not a directory."
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        reason = (exc.strerror or "it cannot be created").lower()
        return f"cannot serve {data_dir}: {reason}."
    return None


def _address(host: str, port: int, token: str | None) -> str:
    """The link to open: a wildcard address becomes this machine's name."""
    shown = socket.gethostname() if host in ("0.0.0.0", "::", "") else host
    if ":" in shown:
        shown = f"[{shown}]"
    link = f"http://{shown}:{port}/"
    return f"{link}?token={quote(token, safe='')}" if token else link


def _bind_problem(host: str, port: int, exc: OSError) -> str:
    where = f"{host}:{port}"
    if exc.errno == errno.EADDRINUSE:
        return f"cannot serve on {where}: the port is in use (choose another with --port)."
    if exc.errno == errno.EACCES:
        return f"cannot serve on {where}: permission denied (ports below 1024 need privileges)."
    if exc.errno == errno.EADDRNOTAVAIL:
        return f"cannot serve on {where}: that address does not belong to this machine."
    if isinstance(exc, socket.gaierror):
        return f"cannot serve on {where}: the host name is not known."
    reason = (exc.strerror or str(exc)).rstrip(".").lower()
    return f"cannot serve on {where}: {reason}."
