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
import sqlite3
from pathlib import Path
from typing import Any

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


class State:
    """Per-input memory of earlier runs. Shares the dedup index's database,
    so that both change in one transaction: a run that is killed leaves both
    as they were before it."""

    def __init__(self, db: sqlite3.Connection, fingerprint: str) -> None:
        self.db = db
        self.db.execute(
            "CREATE TABLE IF NOT EXISTS inputs (key TEXT PRIMARY KEY, content_hash TEXT NOT NULL, "
            "fingerprint TEXT NOT NULL, records TEXT NOT NULL)"
        )
        self.fingerprint = fingerprint

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

    def previous(self, key: str) -> list[dict[str, Any]]:
        row = self.db.execute("SELECT records FROM inputs WHERE key = ?", (key,)).fetchone()
        return json.loads(row[0]) if row else []

    def remember(self, key: str, content_hash: str, records: list[dict[str, Any]]) -> None:
        self.db.execute(
            "INSERT OR REPLACE INTO inputs VALUES (?, ?, ?, ?)",
            (key, content_hash, self.fingerprint, json.dumps(records, ensure_ascii=False)),
        )

    def all_records(self) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = []
        for (records,) in self.db.execute("SELECT records FROM inputs ORDER BY key"):
            out.extend(json.loads(records))
        return out
