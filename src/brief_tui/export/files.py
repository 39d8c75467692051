"""Writing an export to disk so that a reader never finds half a file, or loses one.

The text goes to a temporary file in the target's own folder (a rename across file systems
would not be atomic), is flushed to disk, then takes the target's name in one step. Without
`force` that step is a hard link, which fails rather than replaces when the name is taken, so
even a file created a moment earlier by someone else is never overwritten.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path


class ExportError(Exception):
    """Why an export could not be written, in one sentence."""


class ExportExists(ExportError):
    """The target already exists and overwriting was not allowed: the UI may ask, then force."""


def write_export(path: Path | str, text: str, force: bool = False) -> Path:
    """Write `text` (UTF-8) to `path` atomically and return the path written.

    Raises ExportExists when `path` exists and `force` is false, ExportError when the folder
    is missing or cannot be written; in every failure the target is untouched and no
    temporary file is left behind.
    """
    target = Path(path).expanduser()
    if target.is_dir():
        raise ExportError(f"{target} is a folder, not a file.")
    if target.exists() and not force:
        raise ExportExists(f"{target} already exists and was left as it was.")
    folder = target.parent
    if not folder.is_dir():
        raise ExportError(f"Cannot write {target} because the folder {folder} does not exist.")
    try:
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as error:
        raise ExportError(f"Cannot write {target}: {_reason(error)}.") from None
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(text.encode("utf-8", errors="replace"))
            file.flush()
            os.fsync(file.fileno())
        os.chmod(temporary, _mode(target))
        if force:
            os.replace(temporary, target)
        else:
            _link_new(temporary, target)
    except ExportError:
        raise
    except OSError as error:
        raise ExportError(f"Cannot write {target}: {_reason(error)}.") from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
    _sync_folder(folder)
    return target


def _link_new(temporary: str, target: Path) -> None:
    """Give the finished file its name only if nothing has that name yet."""
    try:
        os.link(temporary, target)
    except FileExistsError:
        raise ExportExists(f"{target} already exists and was left as it was.") from None
    except OSError:  # a file system without hard links: check, then rename
        if target.exists():
            raise ExportExists(f"{target} already exists and was left as it was.") from None
        os.replace(temporary, target)


def _mode(target: Path) -> int:
    """The replaced file's permissions, or what a newly created file would get."""
    try:
        return target.stat().st_mode & 0o7777
    except OSError:
        return 0o666 & ~_umask()


def _umask() -> int:
    """The process umask, read without changing it where Linux allows."""
    with contextlib.suppress(OSError, ValueError, StopIteration):
        status = Path("/proc/self/status").read_text()
        return int(next(ln for ln in status.splitlines() if ln.startswith("Umask:")).split()[1], 8)
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _sync_folder(folder: Path) -> None:
    """Make the new name itself durable; some systems cannot open a folder, which is fine."""
    with contextlib.suppress(OSError):
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)


def _reason(error: OSError) -> str:
    return (error.strerror or str(error)).lower()
