"""What earlier runs did, in SQLite (``.pipeline/state.sqlite``, beside the
dedup index): for each input file its content hash and the manifest records
it produced, and the fingerprint of the configuration they were made with.

A file whose bytes and configuration are unchanged is not read again: its
records are reused, so a run over 10,000 pages with one new page only cleans
the new one. A change to the rules, the templates, the glossary or the
pipeline itself changes the fingerprint, and every page is cleaned again.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

import pipeline


def file_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def config_fingerprint(*paths: Path | None, extra: str = "") -> str:
    """A hash of the pipeline version, its shipped rules and templates, and
    the given files or folders (the glossary, the site's template folder)."""
    digest = hashlib.sha256(f"{pipeline.__version__}\n{extra}".encode())
    package = Path(pipeline.__file__).parent  # its code, data/ and templates/
    roots = [package, *(p for p in paths if p is not None)]
    for root in roots:
        files = [root] if root.is_file() else sorted(root.glob("**/*")) if root.is_dir() else []
        for path in files:
            if path.is_file() and path.suffix in (".py", ".yaml", ".yml", ".txt", ".j2", ".json"):
                digest.update(str(path.relative_to(root.parent if root.is_file() else root)).encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()


class StateError(Exception):
    """The state cannot be used; the message says why and what to do."""


class RunLock:
    """One run at a time over a state file: a second run stops at once with
    a message naming the first, instead of a database-locked traceback. The
    lock (``state.lock`` beside the state) is the operating system's, so a
    killed run leaves none behind."""

    def __init__(self, state: Path) -> None:
        self.path = state.with_suffix(".lock")
        self.handle: IO[str] | None = None

    def acquire(self) -> None:
        try:
            import fcntl
        except ImportError:  # not on POSIX: no lock
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        handle = open(self.path, "a+", encoding="utf-8")
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            handle.seek(0)
            holder = handle.read().strip() or "another run"
            handle.close()
            raise StateError(
                f"{self.path.parent / 'state.sqlite'} is in use by {holder}; "
                "wait for that run to finish (or stop it) and try again"
            ) from None
        handle.seek(0)
        handle.truncate()
        handle.write(f"the run of process {os.getpid()}, started {time.strftime('%Y-%m-%d %H:%M:%S')}")
        handle.flush()
        self.handle = handle

    def release(self) -> None:
        if self.handle is not None:
            self.handle.close()
            self.handle = None


def open_state(path: Path | None, *, dry_run: bool = False) -> tuple[sqlite3.Connection, str | None]:
    """The state database, and a message when it had to start again.

    A dry run works on a copy in memory and writes nothing, not even a new
    folder. A state file that is not a readable SQLite database (truncated,
    overwritten) is moved aside and a new one started: the guides' own front
    matter says where each guide is, and each guide's stamp still protects
    an editor's changes; what is lost is which inputs were already cleaned
    (they are cleaned again) and which guides an editor deleted."""
    if path is None or (dry_run and not path.exists()):
        return sqlite3.connect(":memory:"), None
    if dry_run:
        memory = sqlite3.connect(":memory:")
        try:
            source = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
            try:
                source.backup(memory)
            finally:
                source.close()
            _check(memory)
        except sqlite3.DatabaseError as exc:
            memory.close()
            return sqlite3.connect(
                ":memory:"
            ), f"{path} is not a readable state ({exc}); a run would start it again"
        return memory, None
    path.parent.mkdir(parents=True, exist_ok=True)
    db = sqlite3.connect(str(path))
    try:
        _check(db)
        return db, None
    except sqlite3.DatabaseError as exc:
        db.close()
        aside = path.with_name(f"{path.name}.broken-{time.strftime('%Y%m%d-%H%M%S')}")
        os.replace(path, aside)
        return sqlite3.connect(str(path)), (
            f"{path} was not a readable state ({exc}); moved it to {aside} and started a new one "
            "from the guides on disk (inputs are cleaned again; guides edited by hand stay protected)"
        )


def _check(db: sqlite3.Connection) -> None:
    row = db.execute("PRAGMA quick_check").fetchone()
    if row is None or row[0] != "ok":
        raise sqlite3.DatabaseError(f"integrity check: {row[0] if row else 'no answer'}")


class State:
    """Per-input memory of earlier runs. Shares the dedup index's database,
    so that both change in one transaction: a run that is killed leaves both
    as they were before it."""

    def __init__(self, db: sqlite3.Connection, fingerprint: str) -> None:
        self.db = db
        self.db.execute(
            "CREATE TABLE IF NOT EXISTS inputs (key TEXT PRIMARY KEY, content_hash TEXT NOT NULL, "
            "fingerprint TEXT NOT NULL, records TEXT NOT NULL, identity TEXT)"
        )
        columns = {row[1] for row in self.db.execute("PRAGMA table_info(inputs)")}
        if "identity" not in columns:  # a state from before inputs were keyed by absolute path
            self.db.execute("ALTER TABLE inputs ADD COLUMN identity TEXT")
        self.db.execute(
            "CREATE TABLE IF NOT EXISTS category_pages (category TEXT PRIMARY KEY, signature TEXT NOT NULL, "
            "count INTEGER NOT NULL)"
        )
        self.fingerprint = fingerprint

    def category_pages(self, category: str) -> tuple[str, int] | None:
        """The signature of a category folder when its index pages were last
        written, and how many of its guides were public (not drafts)."""
        row = self.db.execute(
            "SELECT signature, count FROM category_pages WHERE category = ?", (category,)
        ).fetchone()
        return (row[0], row[1]) if row else None

    def wrote_category_pages(self, category: str, signature: str, count: int) -> None:
        self.db.execute(
            "INSERT OR REPLACE INTO category_pages VALUES (?, ?, ?)", (category, signature, count)
        )

    def identity(self, key: str, name: str) -> str:
        """What this input's pages take their ids from: its key, or for an
        input that an earlier version keyed by ``name`` (its path inside the
        folder given), that name, so that its guides keep their ids. The
        first input to claim such a record takes it over; another input of
        the same name (the same file name in a second folder) is a new
        input with ids of its own."""
        row = self.db.execute("SELECT identity FROM inputs WHERE key = ?", (key,)).fetchone()
        if row is not None:
            return str(row[0] or key)
        if (
            not name.startswith("/")
            and self.db.execute("SELECT 1 FROM inputs WHERE key = ?", (name,)).fetchone()
        ):
            self.db.execute("UPDATE inputs SET key = ?, identity = ? WHERE key = ?", (key, name, name))
            return name
        return key

    def is_unchanged(self, key: str, content_hash: str) -> bool:
        """Whether this input and the configuration are as in the last run."""
        row = self.db.execute(
            "SELECT 1 FROM inputs WHERE key = ? AND content_hash = ? AND fingerprint = ?",
            (key, content_hash, self.fingerprint),
        ).fetchone()
        return row is not None

    def unchanged(self, key: str, content_hash: str) -> list[dict[str, Any]] | None:
        """The records made from this input last time, if neither the input
        nor the configuration changed since."""
        row = self.db.execute(
            "SELECT content_hash, fingerprint, records FROM inputs WHERE key = ?", (key,)
        ).fetchone()
        if row is None or row[0] != content_hash or row[1] != self.fingerprint:
            return None
        records: list[dict[str, Any]] = json.loads(row[2])
        return records

    def remember(
        self, key: str, content_hash: str, records: list[dict[str, Any]], identity: str | None = None
    ) -> None:
        self.db.execute(
            "INSERT OR REPLACE INTO inputs VALUES (?, ?, ?, ?, ?)",
            (
                key,
                content_hash,
                self.fingerprint,
                json.dumps(records, ensure_ascii=False),
                None if identity in (None, key) else identity,
            ),
        )

    def records(self, excluding: set[str] | frozenset[str] = frozenset()) -> Iterator[dict[str, Any]]:
        """Every record of every input (but those ``excluding``), by input
        key, one input at a time."""
        for key, records in self.db.execute("SELECT key, records FROM inputs ORDER BY key"):
            if key not in excluding:
                yield from json.loads(records)

    def gone(self) -> Iterator[tuple[str, list[dict[str, Any]]]]:
        """Inputs whose file is no longer there, with their records. Inputs
        an earlier version keyed by a path inside the folder given cannot be
        checked, and are not listed."""
        rows = self.db.execute("SELECT key, records FROM inputs WHERE key LIKE '/%' ORDER BY key").fetchall()
        for key, records in rows:
            if not os.path.lexists(key):
                yield key, json.loads(records)

    def forget(self, key: str) -> None:
        self.db.execute("DELETE FROM inputs WHERE key = ?", (key,))

    def all_records(self) -> list[dict[str, Any]]:
        return list(self.records())


class Outputs:
    """Where each guide was written, with the file's size and modification
    time then. A later run finds a guide's file without reading the guides
    folder, and tells an untouched guide from an edited one by a stat.

    A guide whose row remains but whose file is gone was deleted by hand,
    and is not brought back unasked. Kept in the state database, so it
    changes in the same transaction as everything else a run records.

    Beside them, the date the guide's published text last changed
    (``updated``, YYYY-MM-DD) and a hash of that text as the pipeline
    rendered it (``text_hash``), so that a run publishing the same text
    keeps the date. A state from before dates were kept gets both columns
    empty; its guides get a date the next time they are published.
    """

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db
        self.db.execute(
            "CREATE TABLE IF NOT EXISTS outputs (guide_id TEXT PRIMARY KEY, path TEXT NOT NULL, "
            "size INTEGER, mtime_ns INTEGER, text_hash TEXT, updated TEXT)"
        )
        columns = {row[1] for row in self.db.execute("PRAGMA table_info(outputs)")}
        for column in ("text_hash", "updated"):  # a state from before guides had dates
            if column not in columns:
                self.db.execute(f"ALTER TABLE outputs ADD COLUMN {column} TEXT")
        self.db.execute("CREATE INDEX IF NOT EXISTS outputs_path ON outputs (path)")

    def empty(self) -> bool:
        return self.db.execute("SELECT 1 FROM outputs LIMIT 1").fetchone() is None

    def written(self, guide_id: str, path: Path) -> None:
        """``path`` now holds the guide as the pipeline wrote it."""
        size: int | None = None
        mtime: int | None = None
        try:
            st = path.stat()
            size, mtime = st.st_size, st.st_mtime_ns
        except OSError:
            pass
        # the guide's date stays as it was (see dated)
        self.db.execute(
            "INSERT INTO outputs (guide_id, path, size, mtime_ns) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (guide_id) DO UPDATE SET path = excluded.path, size = excluded.size, "
            "mtime_ns = excluded.mtime_ns",
            (guide_id, str(path), size, mtime),
        )

    def dated(self, guide_id: str, text_hash: str, updated: str) -> None:
        """The guide was published with the text hashed as ``text_hash``,
        which last changed on ``updated``. Call after :meth:`written`."""
        self.db.execute(
            "UPDATE outputs SET text_hash = ?, updated = ? WHERE guide_id = ?", (text_hash, updated, guide_id)
        )

    def date_of(self, guide_id: str) -> tuple[str | None, str | None]:
        """The hash of the guide's text as last published and the date it
        last changed; (None, None) when the state does not know them."""
        row = self.db.execute(
            "SELECT text_hash, updated FROM outputs WHERE guide_id = ?", (guide_id,)
        ).fetchone()
        return (row[0], row[1]) if row else (None, None)

    def known(self, guide_id: str, path: Path) -> None:
        """A guide found on disk (or recorded by an older run), stat unknown."""
        self.db.execute("INSERT OR IGNORE INTO outputs (guide_id, path) VALUES (?, ?)", (guide_id, str(path)))

    def forget(self, guide_id: str) -> None:
        self.db.execute("DELETE FROM outputs WHERE guide_id = ?", (guide_id,))

    def path_of(self, guide_id: str) -> Path | None:
        row = self.db.execute("SELECT path FROM outputs WHERE guide_id = ?", (guide_id,)).fetchone()
        return Path(row[0]) if row else None

    def as_written(self, path: Path) -> bool:
        """True when ``path`` has the size and modification time it had when
        the pipeline wrote it (then it was not edited since)."""
        row = self.db.execute("SELECT size, mtime_ns FROM outputs WHERE path = ?", (str(path),)).fetchone()
        if row is None or row[0] is None:
            return False
        try:
            st = path.stat()
        except OSError:
            return False
        return (st.st_size, st.st_mtime_ns) == (row[0], row[1])
