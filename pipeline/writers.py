"""Writing guides without ever losing an editor's work.

Every file the pipeline writes carries, in its front matter, a hash of what
the pipeline wrote (``pipeline_hash``). Before a file is replaced, its text
is hashed again: if it no longer matches, an editor changed it, and the
pipeline leaves it alone and reports a conflict. Files are written to a
temporary file and renamed over the old one, so a killed run leaves each
file either old or new, never half-written.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from collections.abc import Iterator
from enum import Enum
from pathlib import Path
from typing import Any, TextIO

HASH_KEY = "pipeline_hash"
_HASH_LINE = re.compile(rf"^{HASH_KEY}: ([0-9a-f]{{16}})\n", re.M)


class Outcome(str, Enum):
    NEW = "new"
    UPDATED = "updated"
    UNCHANGED = "unchanged"
    CONFLICT = "conflict"


def current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def atomic_write(path: Path, text: str, *, durable: bool = True) -> None:
    """Write ``text`` to a temporary file beside ``path``, then rename it
    over ``path``: readers see the old file or the new one, never a part,
    whenever the process is killed.

    ``durable`` also flushes the file to disk before the rename, so that it
    survives a power cut. A run writing thousands of guides passes False
    and flushes everything once before it records what it wrote
    (:func:`flush_to_disk`): a flush per file took as long as the write."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        # mkstemp makes the file private (0600); a guide is an ordinary file.
        os.chmod(tmp, 0o666 & ~current_umask())
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            if durable:
                handle.flush()
                os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def stamp(text: str) -> str:
    """Add the hash line to the front matter of generated Markdown.

    >>> stamped = stamp("---\\ntitle: x\\n---\\n\\n正文\\n")
    >>> is_pristine(stamped), is_pristine(stamped.replace("正文", "改过的正文"))
    (True, False)
    """
    if not text.startswith("---\n"):
        raise ValueError("generated Markdown must start with front matter")
    end = text.index("\n---\n", 3)
    return text[: end + 1] + f"{HASH_KEY}: {_digest(text)}\n" + text[end + 1 :]


def is_pristine(text: str) -> bool:
    """True when ``text`` is exactly what the pipeline wrote."""
    match = _HASH_LINE.search(text)
    if not match:
        return False
    return _digest(text[: match.start()] + text[match.end() :]) == match.group(1)


def flush_to_disk() -> None:
    """Everything written so far, on disk (where the system can say so)."""
    if hasattr(os, "sync"):
        os.sync()


def write_generated(
    path: Path, text: str, *, force: bool = False, dry_run: bool = False, durable: bool = True
) -> Outcome:
    """Write pipeline output to ``path`` unless an editor owns the file there;
    with ``dry_run``, only say what would happen."""
    stamped = stamp(text)
    if path.exists():
        current = path.read_text(encoding="utf-8", errors="replace")
        if current == stamped:
            return Outcome.UNCHANGED
        if not is_pristine(current) and not force:
            return Outcome.CONFLICT
        outcome = Outcome.UPDATED
    else:
        outcome = Outcome.NEW
    if not dry_run:
        atomic_write(path, stamped, durable=durable)
    return outcome


def remove_stale_temporaries(folder: Path) -> list[Path]:
    """Temporary files a killed run left behind (never a guide: a guide is
    only ever replaced by renaming a finished temporary file over it)."""
    found = sorted(folder.rglob(".*.tmp")) if folder.is_dir() else []
    for path in found:
        path.unlink(missing_ok=True)
    return found


# a category's pages that list its guides: index.md, page-2.md, …
LIST_PAGE = re.compile(r"^(index|page-\d+)\.md$")


def site_page_kind(uri: str) -> str | None:
    """What a page of the site's ``content/`` is, by its path there:
    "guide" (``guides/<category>/<slug>.md``), "list" (a category's pages
    that list its guides) or None.

    >>> [site_page_kind(u) for u in ("guides/xieshang/a.md", "guides/xieshang/page-2.md", "faq.md")]
    ['guide', 'list', None]
    """
    parts = uri.split("/")
    if len(parts) != 3 or parts[0] != "guides" or not parts[2].endswith(".md"):
        return None
    return "list" if LIST_PAGE.match(parts[2]) else "guide"


def front_matter_end(text: str) -> int | None:
    """Where a Markdown text's YAML front matter ends (just after its
    closing ``---`` line), or None when it has none.

    >>> text = "---\\ntitle: 逾期\\n---\\n正文"
    >>> text[: front_matter_end(text)], text[front_matter_end(text) :]
    ('---\\ntitle: 逾期\\n---\\n', '正文')
    >>> front_matter_end("正文"), front_matter_end("---\\ntitle: 逾期\\n")
    (None, None)
    """
    if not text.startswith("---\n"):
        return None
    end = text.find("\n---\n", 4)
    return None if end == -1 else end + 5


# (path, modification time, size) → front matter: a site build's hooks read
# every guide's front matter more than once
_FRONT_MATTER: dict[tuple[str, int, int], dict[str, Any]] = {}
_FRONT_MATTER_MAX = 100_000


def read_front_matter(path: Path | str) -> dict[str, Any]:
    """The YAML front matter of a Markdown file; empty when it has none or
    it is not valid YAML (an editor's typo must not break the build).
    Read again only when the file changed (a copy is returned)."""
    try:
        stat = os.stat(path)
    except OSError:
        return _parse_front_matter(path)  # raises as reading would
    key = (os.fspath(path), stat.st_mtime_ns, stat.st_size)
    meta = _FRONT_MATTER.get(key)
    if meta is None:
        meta = _parse_front_matter(path)
        if len(_FRONT_MATTER) >= _FRONT_MATTER_MAX:
            _FRONT_MATTER.clear()
        _FRONT_MATTER[key] = meta
    return dict(meta)


def _parse_front_matter(path: Path | str) -> dict[str, Any]:
    import yaml

    lines = []
    with open(path, encoding="utf-8") as handle:
        if handle.readline() != "---\n":
            return {}
        for line in handle:
            if line == "---\n":
                break
            lines.append(line)
    # libyaml's loader when PyYAML has it: a site build reads every guide's
    # front matter, and the pure-Python loader took seconds per 1,000 guides
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        meta = yaml.load("".join(lines), Loader=loader) or {}
    except yaml.YAMLError:
        return {}
    return meta if isinstance(meta, dict) else {}


def front_matter_value(path: Path, key: str) -> str | None:
    """The raw value of a top-level ``key:`` line of a Markdown file's
    front matter (quotes stripped), without parsing the YAML."""
    try:
        with path.open(encoding="utf-8", errors="replace") as handle:
            return _value_in(handle, key)
    except OSError:
        return None


def front_matter_value_in(text: str, key: str) -> str | None:
    """:func:`front_matter_value` of a Markdown text.

    >>> front_matter_value_in("---\\ntitle: x\\nheld: true\\n---\\nheld: false\\n", "held")
    'true'
    >>> front_matter_value_in("held: true\\n", "held") is None
    True
    """
    return _value_in(iter(text.splitlines(keepends=True)), key)


def _value_in(lines: Iterator[str] | TextIO, key: str) -> str | None:
    if next(lines, "") != "---\n":
        return None
    for line in lines:
        if line == "---\n":
            return None
        if line.startswith(f"{key}:"):
            return line.split(":", 1)[1].strip().strip("'\"")
    return None
