"""What a run did, for the operator: counts, changed files, conflicts."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

# Changed files a run's summary lists by name.
CHANGES_LISTED = 1000


@dataclass
class RunSummary:
    statuses: Counter[str] = field(default_factory=Counter)
    # guides written as drafts for an editor (pipeline.review), of the published
    held: int = 0
    writes: Counter[str] = field(default_factory=Counter)
    reasons: Counter[str] = field(default_factory=Counter)
    findings: Counter[str] = field(default_factory=Counter)
    conflicts: list[str] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)
    # (outcome, path) of the guide files the run wrote, or would write: the
    # first CHANGES_LISTED of them (a run over 100,000 new pages would
    # otherwise keep them all); the manifest has every one
    changes: list[tuple[str, str]] = field(default_factory=list)
    changes_not_listed: int = 0

    def changed(self, outcome: str, path: Path) -> None:
        if len(self.changes) < CHANGES_LISTED:
            self.changes.append((outcome, path.as_posix()))
        else:
            self.changes_not_listed += 1

    skipped_inputs: int = 0
    # diffs of hand-edited guides that --force regenerated
    overwritten: list[str] = field(default_factory=list)
