"""The plan stage: what each input of a run is.

Each input file is a rejection (it cannot be read), unchanged since the last
run (its content hash and the run's configuration are the same: its records
are reused and it is not cleaned again), or a file to clean.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from pipeline.readers import Rejection, iter_files
from pipeline.state import State, file_hash


def plan(sources: Iterable[str | Path], state: State, force: bool) -> Iterator[tuple[str, Any]]:
    """``("rejection", Rejection)``, ``("reused", (key, content hash))`` or
    ``("clean", (path, key, content hash, identity))`` for each input, in
    order; ``identity`` is what the input's pages take their ids from
    (``State.identity``)."""
    for entry in iter_files(sources):
        if isinstance(entry, Rejection):
            yield "rejection", entry
            continue
        identity = state.identity(entry.key, entry.name)
        try:
            content_hash = file_hash(entry.path.read_bytes())
        except OSError:
            content_hash = ""
        if content_hash and not force and state.is_unchanged(entry.key, content_hash):
            yield "reused", (entry.key, content_hash)
        else:
            yield "clean", (entry.path, entry.key, content_hash, identity)
