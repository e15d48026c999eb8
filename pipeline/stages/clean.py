"""The clean stage: one input file becomes candidate guides or rejections.

This is the per-page work of a run (reading and decoding, extraction, the
cleaning steps, the guide's structure and rendering, the MinHash
signature). It runs wherever the engine puts it (``pipeline.engines``): in
this process, in worker processes, or in Ray actors; it reads nothing of
the run's state.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from pipeline.cleaners import Cleaned, Cleaner
from pipeline.dedup import as_minhash, damage, signature
from pipeline.guide import UPDATED_MARK, Guide, Renderer, describe
from pipeline.readability import unreadable
from pipeline.readers import Rejection, read_file
from pipeline.record import Document, document_id
from pipeline.shape import shape
from pipeline.sitelines import Read, Seen, seen
from pipeline.slug import slugify
from pipeline.structure import parse
from pipeline.taxonomy import Taxonomy
from pipeline.untrusted import DESCRIPTION_MAX, plain_line, public_url

# Fewer characters than this after cleaning is not a guide (a stub, or a page
# that was all chrome). Characters, not words: Chinese has no spaces.
MIN_BODY_CHARS = 100
_CONTENT_CHAR = re.compile(r"[\u3400-\u9fffA-Za-z0-9]")


@dataclass
class Candidate:
    """A cleaned page that may become a guide, rendered as it would be
    published (rendered again only if a sibling copy repairs its text).
    Where the guide goes travels as a small :class:`Placement`, not the
    Guide itself: unpickling Guides was a third of the settling process's
    work per page."""

    order: int
    doc: Document
    cleaned: Cleaned
    record: dict[str, Any]
    signature: Any  # MinHash values; the LeanMinHash is made where it is compared
    damage: float
    guide: Placement
    markdown: str
    # what the page counts for its site and across sites
    # (``pipeline.sitelines.seen``): its lines as read and as cleaned, those
    # at its edges, and which article it is; made here, in the worker
    seen: Seen

    @cached_property
    def minhash(self) -> Any:
        return as_minhash(self.signature)


@dataclass(frozen=True)
class Placement:
    """What decides a guide's file: its id, category and slug."""

    id: str
    category: str
    slug: str

    @classmethod
    def of(cls, guide: Guide) -> Placement:
        return cls(guide.id, guide.category, guide.slug)


class Composer:
    """Turns a cleaned page into a guide and its Markdown: structure, shape,
    category, tags, slug, template. Runs where the page was cleaned."""

    def __init__(self, templates: Path | None = None, taxonomy: Path | None = None) -> None:
        self.taxonomy = Taxonomy(taxonomy)
        self.renderer = Renderer(templates)

    def compose(self, doc: Document, cleaned: Cleaned) -> tuple[Guide, str]:
        assert cleaned.title
        structure = parse(cleaned.text, doc.heading_hints)
        shaped = shape(cleaned.title, structure)
        category = self.taxonomy.categorise(cleaned.title, cleaned.text)
        # the 要点 as plain text before the description is cut to length (a
        # point is never longer as plain text, so its own length cuts nothing)
        points = [plain_line(point, len(point)) for point in shaped.summary]
        guide = Guide(
            id=doc.id,
            slug=slugify(cleaned.title),
            title=cleaned.title,
            description=plain_line(describe(points, structure, cleaned.title), DESCRIPTION_MAX),
            category=category.slug,
            category_name=category.name,
            tags=self.taxonomy.tag(cleaned.title, cleaned.text),
            source=doc.source,
            url=public_url(doc.url or doc.metadata.get("page_url")),
            intro=structure.intro,
            parts=shaped.parts,
            kind=shaped.kind,
            summary=shaped.summary,
            date=doc.metadata.get("date"),
            alternative_titles=cleaned.alternative_titles,
            # filled in by the publish stage (guide.with_updated)
            updated=UPDATED_MARK,
        )
        return guide, self.renderer.render(f"{guide.kind}.md.j2", guide=guide)


def make_record(source: str, id_: str, status: str, **values: Any) -> dict[str, Any]:
    """A manifest record, in the agreed shape."""
    record: dict[str, Any] = {
        "source": source,
        "id": id_,
        "status": status,
        "duplicate_of": None,
        "reason": None,
        "title": None,
        "text": None,
        "output": None,
        "findings": [],
        # the review gate's verdict on a guide written (pipeline.review)
        "damage": None,
        "held": False,
        "spots": [],
    }
    record.update(values)
    return record


def rejection_reason(cleaned: Cleaned) -> str | None:
    # a page without a headline gets one from its first sentence
    # (take_title); only a page with no text at all has no title
    chars = len(_CONTENT_CHAR.findall(cleaned.text))
    if chars < MIN_BODY_CHARS or not cleaned.title:
        return f"too short after cleaning: {chars} characters of text (a guide needs {MIN_BODY_CHARS})"
    return unreadable(cleaned.title, cleaned.text, cleaned.lost)


def clean_item(
    cleaner: Cleaner, composer: Composer, item: Document | Rejection
) -> Candidate | dict[str, Any]:
    """Clean one page: a candidate guide, rendered, or the record of a
    rejection."""
    if isinstance(item, Rejection):
        return make_record(item.source, document_id(item.key or item.source), "rejected", reason=item.reason)
    doc = item
    read = Read.of(doc.text)  # before the page as read is let go
    cleaned = cleaner.clean(doc, record_changes=False)
    doc.text = ""  # the page as read is no longer needed; a batch keeps only what it publishes
    record = make_record(doc.source, doc.id, "rejected", title=cleaned.title, text=cleaned.text)
    reason = rejection_reason(cleaned)
    if any(f.kind == "flag_time_budget" for f in doc.findings):
        # its damage is not repaired and the later steps (contact details
        # among them) did not run: nothing of its text is recorded
        record.update(title=None, text=None)
        reason = "the byte-slip repair ran out of its time budget; the page's damage is not repaired"
    if reason:
        record["reason"] = reason
        record["findings"] = [f.as_dict() for f in doc.findings]
        return record
    guide, markdown = composer.compose(doc, cleaned)
    return Candidate(
        0,
        doc,
        cleaned,
        record,
        signature(cleaned.text),
        damage(doc.findings),
        Placement.of(guide),
        markdown,
        seen(cleaned, read),
    )


def clean_file(
    cleaner: Cleaner, composer: Composer, path: Path, key: str
) -> list[Candidate | dict[str, Any]]:
    """Every page of one file (their order is set when they are settled)."""
    return [clean_item(cleaner, composer, item) for item in read_file(path, key)]
