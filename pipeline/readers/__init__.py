"""Readers: turn files and folders of scraped pages into Documents.

A file that cannot be read becomes a :class:`Rejection` naming the file and
the problem; reading goes on with the other files.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from pipeline.readers.encoding import declared_charset, decode, normalise_name
from pipeline.readers.htmlpage import extract_html
from pipeline.record import Document, Rejected
from pipeline.tables import neutralize

TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES


@dataclass(frozen=True)
class Rejection:
    source: str
    reason: str
    key: str | None = None


@dataclass(frozen=True)
class InputFile:
    """A file to read. ``key`` identifies it: its absolute path, however
    it was typed (``pages/`` or ``/abs/pages/a.txt``), so two folders that
    both hold ``page.txt`` give two inputs. ``name`` is its path inside the
    folder given (or its file name): what earlier versions keyed it by."""

    path: Path
    key: str
    name: str


def input_key(path: Path) -> str:
    """
    >>> input_key(Path("/a/b/../c.txt"))
    '/a/c.txt'
    """
    return Path(os.path.abspath(path)).as_posix()


def iter_files(sources: Iterable[str | Path]) -> Iterator[InputFile | Rejection]:
    """Every file named or found under the given folders, in a stable order.

    Hidden files and folders are skipped; files with other suffixes are
    rejected, so nothing is dropped without a word.
    """
    for src in sources:
        path = Path(src)
        if path.is_dir():
            yield from _walk(path, path)
        elif path.is_file():
            yield InputFile(path, input_key(path), path.name)
        else:
            yield Rejection(str(path), "no such file or folder", input_key(path))


def _walk(root: Path, folder: Path) -> Iterator[InputFile | Rejection]:
    """The files under ``folder`` in sorted path order, hidden ones left out,
    one folder listed at a time (a folder of 100,000 pages is not turned
    into 100,000 Path objects before the first is read)."""
    try:
        with os.scandir(folder) as listing:
            names = sorted(entry.name for entry in listing if not entry.name.startswith("."))
    except OSError as exc:
        reason = f"cannot read the folder: {exc.strerror or exc}; check its permissions"
        yield Rejection(str(folder), reason, input_key(folder))
        return
    for name in names:
        child = folder / name
        try:
            mode = child.lstat().st_mode
            if stat.S_ISDIR(mode):
                yield from _walk(root, child)
                continue
            # a link is followed to a file; a link to a folder is not, so
            # that no folder is read twice and a loop cannot go on for ever
            target = child.stat().st_mode
        except OSError as exc:
            # a folder that can be listed but not entered, a broken link, a
            # loop of links: said, not skipped
            yield Rejection(str(child), f"cannot read it: {exc.strerror or exc}", input_key(child))
            continue
        if stat.S_ISREG(target):
            yield InputFile(child, input_key(child), child.relative_to(root).as_posix())
        else:
            kind = "a link to a folder" if stat.S_ISDIR(target) else "not a regular file"
            yield Rejection(str(child), f"{kind}; not read", input_key(child))


def read_sources(sources: Iterable[str | Path]) -> Iterator[Document | Rejection]:
    for item in iter_files(sources):
        if isinstance(item, Rejection):
            yield item
            continue
        yield from read_file(item.path, item.key)


def read_file(path: Path, key: str | None = None) -> Iterator[Document | Rejection]:
    """The pages in one file: one, or one per line of a JSON Lines file."""
    source = path.as_posix()
    key = key or input_key(path)
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        yield Rejection(
            source,
            f"unknown file type {suffix or '(no suffix)'}: expected one of {', '.join(sorted(SUFFIXES))}",
            key,
        )
        return
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield Rejection(source, f"cannot read the file: {exc.strerror or exc}", key)
        return
    try:
        if suffix in JSONL_SUFFIXES:
            yield from _read_jsonl(source, key, data)
        else:
            yield _read_page(source, key, data, is_html=suffix in HTML_SUFFIXES)
    except Rejected as exc:
        yield Rejection(source, str(exc), key)


def _check_bytes(data: bytes) -> None:
    if not data.strip():
        raise Rejected("empty file")
    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise Rejected("binary file (contains NUL bytes), not a scraped page")


def _read_page(source: str, key: str, data: bytes, *, is_html: bool) -> Document:
    _check_bytes(data)
    declared = declared_charset(data) if is_html else None
    decoded = decode(data, declared)
    doc = Document(source=source, key=key, text="", encoding=decoded.encoding, is_html=is_html)
    if decoded.replaced:
        doc.note(
            "undecodable_bytes",
            f"{decoded.replaced} byte sequences were not valid {decoded.encoding} "
            "and were replaced with U+FFFD",
            "decode",
        )
    if declared and decoded.encoding != normalise_name(declared):
        doc.note(
            "wrong_declared_charset",
            f"page declares charset {declared} but reads as {decoded.encoding}",
            "decode",
        )
    if is_html:
        _fill_from_html(doc, decoded.text)
    else:
        # a text page has no tables: nothing in it may read as a row
        doc.text = neutralize(decoded.text)
    return doc


def _fill_from_html(doc: Document, html: str) -> None:
    page = extract_html(html)
    if not page.text.strip():
        raise Rejected("no article text found in the HTML")
    doc.text = page.text
    doc.title = page.title
    if page.title and page.title_how == "title_tag":
        # nothing on the page shows it: it may be the site's name
        doc.note(
            "flag_title_guessed",
            f"no heading or line on the page agrees with its <title>; the title 「{page.title}」 "
            "is <title> without its site-name parts",
            "extract_html",
        )
    for message in page.notes:
        doc.note("html_structure", message, "extract_html")
    if page.url:
        # shown as the guide's source; the page's identity stays its input
        doc.metadata["page_url"] = page.url
    doc.heading_hints = frozenset(page.headings)


def _read_jsonl(source: str, key: str, data: bytes) -> Iterator[Document | Rejection]:
    _check_bytes(data)
    text = decode(data).text
    # records end at \n only: JSON strings may hold U+2028, U+2029 or U+0085,
    # which str.splitlines() also takes for line ends
    seen: dict[str, int] = {}
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        # A record is known by what it holds, not by its line number: a line
        # inserted above it must not give it (and its guide) another id.
        # A record with a url is known by its url (``Document.id``).
        content = hashlib.sha256(line.strip().encode("utf-8")).hexdigest()[:16]
        seen[content] = seen.get(content, 0) + 1
        repeat = f"-{seen[content]}" if seen[content] > 1 else ""
        where, line_key = f"{source}#{number}", f"{key}#{content}{repeat}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Rejection(where, f"line {number} is not valid JSON: {exc.msg}", line_key)
            continue
        if not isinstance(obj, dict):
            yield Rejection(where, f"line {number} is not a JSON object", line_key)
            continue
        body_html, body_text = obj.get("html"), obj.get("text")
        if not isinstance(body_html, str) and not isinstance(body_text, str):
            yield Rejection(where, f"line {number} has neither an 'html' nor a 'text' string", line_key)
            continue
        url = obj.get("url") if isinstance(obj.get("url"), str) else None
        doc = Document(source=where, key=line_key, text="", url=url, encoding="utf-8")
        try:
            if isinstance(body_html, str) and body_html.strip():
                doc.is_html = True
                _fill_from_html(doc, body_html)
            else:
                doc.text = neutralize(str(body_text))
                if not doc.text.strip():
                    raise Rejected("empty text")
        except Rejected as exc:
            yield Rejection(where, str(exc), line_key)
            continue
        title = obj.get("title")
        if isinstance(title, str) and title.strip():
            doc.metadata["declared_title"] = title.strip()
        yield doc
