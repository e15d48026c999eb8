"""The one record type that flows between the pipeline's steps."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any, Literal

from pipeline.personal_data import redact

Status = Literal["published", "duplicate", "rejected"]


@dataclass(frozen=True)
class Finding:
    """A change the cleaner made, or a problem it saw and could not repair."""

    kind: str
    message: str
    step: str | None = None

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"kind": self.kind, "message": self.message}
        if self.step:
            out["step"] = self.step
        return out


@dataclass
class Document:
    """One scraped article on its way to becoming a guide.

    ``source`` is what an editor can find again: the input path, or
    ``path#line`` for a record of a JSON Lines file. ``key`` names the page
    however the path was typed (see ``readers.iter_files``). ``url`` is the
    page's address when the input gave one.
    """

    source: str
    text: str
    key: str = ""
    title: str | None = None
    url: str | None = None
    encoding: str | None = None
    is_html: bool = False
    heading_hints: frozenset[str] = frozenset()
    findings: list[Finding] = field(default_factory=list)
    metadata: dict[str, Any] = field(default_factory=dict)

    @property
    def id(self) -> str:
        return document_id(self.url or self.key or self.source)

    def note(self, kind: str, message: str, step: str | None = None) -> None:
        # a message may quote the page: contact details in it are masked
        # here, so no record, report or log built from findings holds one
        self.findings.append(Finding(kind, redact(message), step))


def document_id(key: str) -> str:
    """A stable id from the page's address or input path, not its content,
    so a page scraped again keeps its guide."""
    return hashlib.sha256(key.replace("\\", "/").encode("utf-8")).hexdigest()[:16]


class Rejected(Exception):
    """A page that cannot become a guide; the message says why."""
