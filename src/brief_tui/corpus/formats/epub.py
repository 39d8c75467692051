"""EPUB books: the chapters the spine lists, in order, each a section; metadata from the OPF.

Read with the standard library's zipfile (EbookLib is AGPL): META-INF/container.xml names the
package file (OPF), whose manifest and spine say which XHTML files are the chapters. Each
chapter goes through the shared HTML converter; its first heading becomes a level-1 heading
(deeper headings keep their distance below it). A chapter without a heading is titled from
the book's table of contents (EPUB 3 nav or EPUB 2 NCX), or "Chapter N". Font obfuscation in
META-INF/encryption.xml is not DRM and is ignored; encrypted chapters are DRM and refused.
"""

from __future__ import annotations

import posixpath
import zipfile
from dataclasses import replace
from typing import Any
from urllib.parse import unquote, urldefrag

from brief_tui.corpus.clean import SourceError
from brief_tui.corpus.dates import iso_date
from brief_tui.corpus.formats.archive import open_archive, parse_xml_member, read_member
from brief_tui.corpus.formats.html_blocks import clean_inline, html_blocks, inline_text
from brief_tui.corpus.formats.markup import local_name, parse_markup
from brief_tui.corpus.formats.registry import Extracted, SourceMeta
from brief_tui.corpus.segment import Block

KIND = "an EPUB book"
_CHAPTER_TYPES = ("application/xhtml+xml", "text/html", "application/xml")
# Font obfuscation (IDPF, Adobe): fonts scrambled against copying, text untouched.
_FONT_OBFUSCATION = (
    "http://www.idpf.org/2008/embedding",
    "http://ns.adobe.com/pdf/enc#RC",
)


def read_epub(data: bytes, name: str) -> Extracted:
    archive = open_archive(data, name, KIND)
    book = _Book(archive, name)
    book.refuse_drm()
    package_path = book.package_path()
    package = book.xml(package_path)
    meta = _package_meta(package)
    manifest, spine, toc_id = _manifest_and_spine(package, posixpath.dirname(package_path))
    titles = book.toc_titles(manifest, toc_id)
    blocks: list[Block] = []
    number = 0
    for path in spine:
        item = manifest.get(path)
        if item is None or item[0] not in _CHAPTER_TYPES or "nav" in item[1]:
            continue  # images, and the table of contents itself
        markup = book.member(path)
        if not markup.strip():
            continue  # an empty file in the spine
        chapter = html_blocks(parse_markup(markup, f"{name}: {path}"))
        if not chapter:
            continue  # a cover or a blank page
        number += 1
        blocks.extend(_as_section(chapter, titles.get(path) or f"Chapter {number}"))
    if not blocks:
        raise SourceError(f"{name} has no readable text.")
    return Extracted(blocks, meta, structured=True)


def _as_section(chapter: list[Block], title: str) -> list[Block]:
    """The chapter as one section: its opening heading at level 1, or `title` put in front;
    the headings inside keep their distance below it."""
    levels = [max(b.level, 1) for b in chapter if b.kind == "heading"]
    if chapter[0].kind == "heading":
        shift = levels[0] - 1
        head, body = [replace(chapter[0], level=1)], chapter[1:]
    else:
        shift = min(levels, default=2) - 2
        head, body = [Block("heading", title, level=1, synthetic=True)], chapter
    return head + [
        replace(b, level=max(max(b.level, 1) - shift, 2)) if b.kind == "heading" else b
        for b in body
    ]


class _Book:
    """The archive, and the name it is reported under."""

    def __init__(self, archive: zipfile.ZipFile, name: str) -> None:
        self.archive = archive
        self.name = name
        self.names = {n.casefold(): n for n in archive.namelist()}

    def member(self, path: str) -> bytes:
        actual = self.names.get(path.casefold(), path)
        return read_member(self.archive, actual, self.name, KIND)

    def xml(self, path: str) -> Any:
        return parse_xml_member(self.member(path), path, self.name, KIND)

    def refuse_drm(self) -> None:
        drm = (
            f"{self.name} is protected by DRM (its text is encrypted), so brief-tui cannot read it."
        )
        if "meta-inf/rights.xml" in self.names:
            raise SourceError(drm)
        if "meta-inf/encryption.xml" not in self.names:
            return
        encryption = self.xml("META-INF/encryption.xml")
        for method in encryption.iter():
            algorithm = method.get("Algorithm")
            if local_name(method) == "encryptionmethod" and algorithm not in _FONT_OBFUSCATION:
                raise SourceError(drm)

    def package_path(self) -> str:
        container = self.xml("META-INF/container.xml")
        for rootfile in container.iter():
            if local_name(rootfile) == "rootfile" and rootfile.get("full-path"):
                media_type = rootfile.get("media-type") or "application/oebps-package+xml"
                if media_type == "application/oebps-package+xml":
                    return unquote(rootfile.get("full-path"))
        raise SourceError(
            f"{self.name} cannot be opened as {KIND} (the file is damaged: it names no package)."
        )

    def toc_titles(self, manifest: dict[str, tuple[str, str]], toc_id: str) -> dict[str, str]:
        """Chapter file -> its title in the table of contents (the EPUB 3 nav, else the NCX)."""
        nav = next((p for p, (_, props) in manifest.items() if "nav" in props.split()), None)
        ncx = next((p for p, (kind, _) in manifest.items() if kind.endswith("x-dtbncx+xml")), None)
        ncx = _manifest_path(manifest, toc_id) or ncx
        titles: dict[str, str] = {}
        try:
            if nav:
                root = parse_markup(self.member(nav), f"{self.name}: {nav}")
                for link in root.iter("a"):
                    _add_title(titles, nav, link.get("href"), inline_text(link))
            elif ncx:
                for point in self.xml(ncx).iter():
                    if local_name(point) != "navpoint":
                        continue
                    label = next((e for e in point.iter() if local_name(e) == "text"), None)
                    content = next((e for e in point if local_name(e) == "content"), None)
                    if label is not None and content is not None:
                        _add_title(titles, ncx, content.get("src"), "".join(label.itertext()))
        except SourceError:
            return {}  # a damaged table of contents only costs the chapter titles
        return titles


def _add_title(titles: dict[str, str], base: str, href: str | None, text: str) -> None:
    if not href or "://" in href:
        return
    path = _resolve(posixpath.dirname(base), urldefrag(href).url)
    title = clean_inline(text)
    if title and path not in titles:
        titles[path] = title


def _resolve(directory: str, href: str) -> str:
    return posixpath.normpath(posixpath.join(directory, unquote(href))).lstrip("/")


def _manifest_path(manifest: dict[str, tuple[str, str]], item_id: str) -> str | None:
    return next((p for p, (_, props) in manifest.items() if f"id:{item_id}" in props), None)


def _manifest_and_spine(
    package: Any, directory: str
) -> tuple[dict[str, tuple[str, str]], list[str], str]:
    """Manifest: path -> (media type, properties and 'id:<id>'); the spine's paths in order;
    and the id of the NCX the spine names."""
    manifest: dict[str, tuple[str, str]] = {}
    by_id: dict[str, str] = {}
    spine: list[str] = []
    toc_id = ""
    for element in package.iter():
        tag = local_name(element)
        if tag == "item" and element.get("href") and element.get("id"):
            path = _resolve(directory, element.get("href"))
            properties = f"{element.get('properties') or ''} id:{element.get('id')}"
            manifest[path] = ((element.get("media-type") or "").lower(), properties)
            by_id[element.get("id")] = path
        elif tag == "spine":
            toc_id = element.get("toc") or ""
    for element in package.iter():
        if local_name(element) == "itemref" and element.get("linear", "yes") != "no":
            ref = by_id.get(element.get("idref") or "")
            if ref and ref not in spine:
                spine.append(ref)
    return manifest, spine, toc_id


def _package_meta(package: Any) -> SourceMeta:
    values: dict[str, list[str]] = {}
    metadata = next((e for e in package.iter() if local_name(e) == "metadata"), None)
    for element in metadata.iter() if metadata is not None else ():
        tag = local_name(element)
        if tag in ("title", "creator", "date", "publisher"):
            text = clean_inline("".join(element.itertext()))
            if text:
                values.setdefault(tag, []).append(text)
    organisations = list(values.get("creator", []))
    organisations += [p for p in values.get("publisher", []) if p not in organisations]
    date = next((d for d in map(iso_date, values.get("date", [])) if d), None)
    return SourceMeta(
        title=next(iter(values.get("title", [])), ""),
        organisations=tuple(organisations),
        date=date,
    )
