"""Tables that take time to build or load and never change between runs
(the byte-slip repair's word model, its word pieces and its pinyin index;
datasketch's MinHash permutations, so that workers need not import it),
kept on disk as marshal files keyed by everything they are built from.

The cache folder is ``$CREDIT_GUIDES_CACHE``, else ``$XDG_CACHE_HOME/credit-guides``,
else ``~/.cache/credit-guides``. A missing, unreadable or unwritable cache
only costs the time to build the table again.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import pipeline

T = TypeVar("T")


def cache_dir() -> Path:
    if os.environ.get("CREDIT_GUIDES_CACHE"):
        return Path(os.environ["CREDIT_GUIDES_CACHE"])
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "credit-guides"


def digest(sources: list[Path | str]) -> str:
    """A hash of the files' bytes and the strings, with this package's and
    Python's versions. Tables built from the same sources can share one
    digest, passed to :func:`cached` as their only source, so that large
    files are hashed once."""
    value = hashlib.sha256(f"{pipeline.__version__}\n{sys.version}\n".encode())
    for source in sources:
        value.update(source.read_bytes() if isinstance(source, Path) else source.encode())
        value.update(b"\0")
    return value.hexdigest()


def cached(name: str, sources: list[Path | str], build: Callable[[], T]) -> T:
    """``build()``, or what it returned last time ``sources`` (files, or
    strings such as library versions) were the same. The value must be
    marshal-able: dicts, lists, tuples, strings and numbers."""
    path = cache_dir() / f"{name}-{digest(sources)[:16]}.marshal"
    try:
        value: T = marshal.loads(path.read_bytes())
        return value
    except (OSError, ValueError, EOFError, TypeError):
        pass
    value = build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
        with os.fdopen(fd, "wb") as handle:
            handle.write(marshal.dumps(value))  # type: ignore[arg-type]
        os.replace(tmp, path)
        # tables built from older sources are never read again
        for old in path.parent.glob(f"{name}-*.marshal"):
            if old != path:
                old.unlink(missing_ok=True)
    except (OSError, ValueError):
        pass  # a read-only home: build it again next time
    return value
