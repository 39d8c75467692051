"""Opening the zip archives Word documents and EPUB books are, with one sentence when they fail.

A damaged download, a renamed file or a password-protected Word file (which is not a zip at
all) is said plainly; so is an archive that would unpack to more than brief-tui reads, which
keeps a small hostile file from filling memory.
"""

from __future__ import annotations

import io
import zipfile
from typing import Any

from brief_tui.corpus.clean import SourceError
from brief_tui.corpus.formats.markup import xml_parser

MAX_UNPACKED_BYTES = 512 * 1024 * 1024
_OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # old .doc, and encrypted Office files


def open_archive(data: bytes, name: str, kind: str) -> zipfile.ZipFile:
    """`data` as a zip archive; `kind` ('a Word document', 'an EPUB book') names it for the user."""
    if data.startswith(_OLE_SIGNATURE):
        raise SourceError(
            f"{name} is password-protected or an old-style Word (.doc) file; save it as a "
            ".docx without a password, then add that."
        )
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError) as exc:
        raise SourceError(
            f"{name} cannot be opened as {kind} (the file is damaged or is not one)."
        ) from exc
    if unpacked > MAX_UNPACKED_BYTES:
        raise SourceError(
            f"{name} would unpack to more than {MAX_UNPACKED_BYTES // 2**20} MB, so it was not read."
        )
    return archive


def read_member(archive: zipfile.ZipFile, member: str, name: str, kind: str) -> bytes:
    """One file inside the archive; a missing or corrupt one makes the whole file damaged."""
    try:
        return archive.read(member)
    except (KeyError, zipfile.BadZipFile, ValueError, OSError, EOFError) as exc:
        raise SourceError(
            f"{name} cannot be opened as {kind} (the file is damaged: {member} is "
            f"{'missing' if isinstance(exc, KeyError) else 'unreadable'})."
        ) from exc


def parse_xml_member(data: bytes, member: str, name: str, kind: str) -> Any:
    """An XML file inside the archive, parsed without entities, DTDs or network."""
    from lxml import etree

    try:
        return etree.fromstring(data, parser=xml_parser())
    except etree.XMLSyntaxError as exc:
        raise SourceError(
            f"{name} cannot be opened as {kind} (the file is damaged: {member} is not valid XML)."
        ) from exc
