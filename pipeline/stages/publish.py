"""The publish stage: what a run writes.

Guides are written (a guide whose file an editor changed or deleted is never
overwritten or brought back unasked: its ``pipeline_hash`` no longer
matches), copies of a published article lose their own guide, the category
pages list what is there, and every record goes to the manifest. The state
is written by the run, last.
"""

from __future__ import annotations

import datetime
import difflib
import hashlib
import json
import os
import re
import tempfile
from pathlib import Path
from typing import Any, TextIO

from pipeline import review
from pipeline.dedup import DedupIndex
from pipeline.guide import Renderer, with_updated
from pipeline.record import Document
from pipeline.stages.clean import Candidate, Placement
from pipeline.stages.settle import Settled
from pipeline.state import Outputs, State
from pipeline.summary import RunSummary
from pipeline.taxonomy import Taxonomy
from pipeline.writers import (
    LIST_PAGE,
    Outcome,
    current_umask,
    front_matter_value,
    is_pristine,
    stamp,
    write_generated,
)

# Guides listed on one category page.
CATEGORY_PAGE_SIZE = 100


def today() -> str:
    """The run's date, YYYY-MM-DD: what a guide whose text changes in this
    run gets as its last-updated date."""
    return datetime.date.today().isoformat()


class Manifest:
    """The manifest, written record by record to a temporary file that
    replaces the old manifest only when the run completes."""

    def __init__(self, path: Path, leftovers: list[Path] | None = None) -> None:
        """With ``leftovers``, temporary manifests that killed runs left
        beside ``path`` are removed (the caller holds the run lock, so no
        other run is writing one) and listed there."""
        path.parent.mkdir(parents=True, exist_ok=True)
        if leftovers is not None:
            for stale in sorted(path.parent.glob(f".{path.name}.*.tmp")):
                stale.unlink(missing_ok=True)
                leftovers.append(stale)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        os.chmod(tmp, 0o666 & ~current_umask())
        self.path, self.tmp = path, Path(tmp)
        self.handle: TextIO = os.fdopen(fd, "w", encoding="utf-8", newline="\n")

    def write(self, record: dict[str, Any]) -> None:
        self.handle.write(json.dumps(record, ensure_ascii=False) + "\n")

    def commit(self) -> None:
        self.handle.close()
        os.replace(self.tmp, self.path)

    def abort(self) -> None:
        self.handle.close()
        self.tmp.unlink(missing_ok=True)


class Publisher:
    """Writes what the settle stage decided, into ``out_dir``."""

    def __init__(
        self,
        out_dir: Path,
        *,
        state: State,
        outputs: Outputs,
        index: DedupIndex,
        renderer: Renderer,
        taxonomy: Taxonomy,
        summary: RunSummary,
        fingerprint: str,
        force: bool,
        dry_run: bool,
    ) -> None:
        self.out_dir = out_dir
        self.state, self.outputs, self.index = state, outputs, index
        self.renderer, self.taxonomy, self.summary = renderer, taxonomy, summary
        self.fingerprint = fingerprint
        self.force, self.dry_run = force, dry_run
        # paths taken by guides of a dry run (a real run finds them on disk):
        # two new guides with one slug
        self._claimed: dict[str, str] = {}
        self.today = today()

    def find_existing(self) -> None:
        """A state without a record of where guides are (a new state file, or
        one from before that was recorded): find them in the guides folder."""
        if self.out_dir.is_dir():
            for path in sorted(self.out_dir.rglob("*.md")):
                guide_id = front_matter_value(path, "guide_id")
                if guide_id:
                    self.outputs.known(guide_id, path)
        # guides an earlier run published and an editor has since deleted
        for record in self.state.records():
            if record.get("status") == "published" and record.get("output"):
                self.outputs.known(record["id"], Path(record["output"]))

    def check_still_there(self, record: dict[str, Any]) -> None:
        """A reused record's guide: still there, edited, or deleted by hand.
        A guide with the size and time it was written with is not read."""
        output = record.get("output")
        if record["status"] != "published" or not output:
            return
        path = Path(output)
        if self.outputs.as_written(path):
            self.summary.writes[Outcome.UNCHANGED.value] += 1
        elif not path.exists():
            self.summary.writes["deleted by hand, kept deleted"] += 1
        elif is_pristine(path.read_text(encoding="utf-8", errors="replace")):
            self.summary.writes[Outcome.UNCHANGED.value] += 1
            if not self.dry_run:
                self.outputs.written(record["id"], path)
        else:
            self.summary.writes["edited by hand, left alone"] += 1

    def mark_duplicate(self, candidate: Candidate, keeper: str, what: str) -> None:
        doc, record = candidate.doc, candidate.record
        record.update(status="duplicate", duplicate_of=keeper)
        doc.note("duplicate", f"a copy of the same article as {keeper} ({what}); not published")
        self.index.remove(doc.id)
        old = self.outputs.path_of(doc.id)
        if old is not None and old.exists():
            # published alone before; now one copy among several
            if self.force or is_pristine(old.read_text(encoding="utf-8")):
                if not self.dry_run:
                    old.unlink()
                self.outputs.forget(doc.id)
                self.summary.changed("removed", old)
                doc.note("moved", f"removed {old}: the article is published as {keeper}")
            else:
                self._conflict(doc, record, old, f"is now a duplicate of {keeper} but has hand edits")
        record["findings"] = [f.as_dict() for f in doc.findings]

    def publish(self, candidate: Candidate) -> None:
        doc, guide, markdown, record = candidate.doc, candidate.guide, candidate.markdown, candidate.record
        path = self._path_for(guide)
        # its date is that of its text: being held or published changes none
        text_hash = hashlib.sha256(markdown.encode("utf-8")).hexdigest()[:16]
        # the review gate: a guide with damage a reader would see is written
        # as a draft (pipeline.review)
        spots = review.spots(doc.findings, candidate.cleaned.guesses, markdown)
        damage = review.score(spots)
        markdown = review.with_review(markdown, spots)
        record.update(damage=damage, held=review.is_held(damage), spots=[s.as_dict() for s in spots])
        # the text as it would be published: the record keeps it when the
        # guide is not written (deleted or edited by hand)
        known = self._updated(guide.id, markdown, text_hash, None, None)
        record["text"] = _body(with_updated(markdown, known))
        record["status"] = "published"

        old = self.outputs.path_of(guide.id)
        if old is not None and not old.exists() and not self.force:
            # an editor deleted the guide: it is not brought back unasked
            record.update(status="rejected", reason="guide deleted by an editor; not recreated", output=None)
            doc.note("deleted", f"{old} was deleted by hand; use --force to bring it back")
            record["findings"] = [f.as_dict() for f in doc.findings]
            self.summary.writes["deleted by hand, kept deleted"] += 1
            return
        if old is not None and old != path and old.exists():
            # The guide moved (new title or category); the old file goes only
            # if nobody edited it.
            if is_pristine(old.read_text(encoding="utf-8")) or self.force:
                if not self.dry_run:
                    old.unlink()
                self.summary.changed("removed", old)
                doc.note("moved", f"guide moved from {old} to {path}")
            else:
                self._conflict(doc, record, old, "was moved but the old file has hand edits")
                return
        edited = path.read_text(encoding="utf-8") if path.exists() else None
        previous = None
        if edited is not None and is_pristine(edited):
            previous, edited = edited, None
        updated = self._updated(guide.id, markdown, text_hash, previous, edited)
        markdown = with_updated(markdown, updated)
        record["text"] = _body(markdown)
        outcome = write_generated(path, markdown, force=self.force, dry_run=self.dry_run, durable=False)
        if edited is not None and outcome is Outcome.UPDATED:
            # --force replaced an editor's version: show what it changed
            diff = difflib.unified_diff(
                edited.splitlines(),
                stamp(markdown).splitlines(),
                f"{path} (edited)",
                f"{path} (regenerated)",
                lineterm="",
                n=1,
            )
            self.summary.overwritten.append("\n".join(diff))
        self.summary.writes[outcome.value] += 1
        if outcome is not Outcome.UNCHANGED:
            self.summary.changed(outcome.value, path)
        if outcome is Outcome.CONFLICT:
            self._conflict(doc, record, path, "has hand edits")
            return
        if not self.dry_run:
            self.outputs.written(guide.id, path)
            self.outputs.dated(guide.id, text_hash, updated)
        record["output"] = path.as_posix()
        record["findings"] = [f.as_dict() for f in doc.findings]

    def _updated(
        self, guide_id: str, markdown: str, text_hash: str, previous: str | None, edited: str | None
    ) -> str:
        """The date a guide's text last changed: the date the state has for
        it when the text is the one last published (``text_hash``), else
        this run's. The state from before dates were kept, or one started
        again, has none: then the guide on disk (``previous``, as the
        pipeline wrote it) gives its date when the text is the same. A
        guide whose editor's version (``edited``) is replaced changes today."""
        if edited is not None:
            return self.today
        stored_hash, stored_date = self.outputs.date_of(guide_id)
        if stored_hash is not None:
            return stored_date if stored_hash == text_hash and stored_date else self.today
        if previous is not None:
            found = _UPDATED.search(previous.split("\n---\n", 1)[0])
            if found and stamp(with_updated(markdown, found[1])) == previous:
                return found[1]
        return self.today

    def _conflict(self, doc: Document, record: dict[str, Any], path: Path, why: str) -> None:
        message = f"{path} {why}; left as it is (use --force to regenerate it)"
        doc.note("conflict", message)
        self.summary.conflicts.append(message)
        record["output"] = path.as_posix()
        record["findings"] = [f.as_dict() for f in doc.findings]

    def _path_for(self, guide: Placement) -> Path:
        folder = self.out_dir / guide.category
        path = folder / f"{guide.slug}.md"
        # A file there that belongs to another guide, or to no guide (an
        # editor's own page), keeps its name; this guide takes another.
        owner = self._claimed.get(str(path)) or (
            front_matter_value(path, "guide_id") if path.exists() else None
        )
        if (owner or path.exists()) and owner != guide.id:
            path = folder / f"{guide.slug}-{guide.id[:6]}.md"
        if self.dry_run:
            self._claimed[str(path)] = guide.id
        return path

    def retire(self, record: dict[str, Any]) -> bool:
        """Take down the guide of an input that is gone. A guide an editor
        changed stays, unless --force. Returns whether the record is settled
        (its guide is gone, or it had none)."""
        self.index.remove(record["id"])
        output = record.get("output")
        if record.get("status") != "published" or not output:
            return True
        path = Path(output)
        if not path.exists():
            self.outputs.forget(record["id"])
            return True
        if not self.force and not is_pristine(path.read_text(encoding="utf-8", errors="replace")):
            self.summary.conflicts.append(
                f"{path} has hand edits but its input is gone; left as it is (use --force to remove it)"
            )
            return False
        if not self.dry_run:
            path.unlink()
        self.outputs.forget(record["id"])
        self.summary.changed("removed", path)
        return True

    def write_category_indexes(self) -> None:
        """Give each category an index page listing its guides (the home page
        links to every category, so an empty one gets a page too), split
        into pages of CATEGORY_PAGE_SIZE so that no page grows past what a
        phone loads quickly; and the guides folder a page listing the
        categories.

        A category whose folder has the same files, sizes and times as when
        its pages were last written keeps them: nothing in it is read."""
        counts = []
        for category in self.taxonomy.categories:
            folder = self.out_dir / category.slug
            contents = self._folder_signature(folder)
            stored = self.state.category_pages(category.slug)
            if stored is not None and stored[0] == contents and (folder / "index.md").exists():
                counts.append((category, stored[1]))
                continue
            guides = []
            public = 0
            for path in sorted(folder.glob("*.md")) if folder.is_dir() else []:
                if not front_matter_value(path, "guide_id"):
                    continue  # the index pages themselves
                # a draft is listed too: the site's build leaves its line
                # out (overrides/hooks/review.py) until an editor marks it
                # reviewed, with no run needed in between
                public += not review.is_draft_file(path)
                guides.append(
                    {
                        "file": path.name,
                        "title": front_matter_value(path, "title") or path.stem,
                        "description": front_matter_value(path, "description") or "",
                    }
                )
            guides.sort(key=lambda g: g["title"])
            counts.append((category, public))
            chunks = [guides[i : i + CATEGORY_PAGE_SIZE] for i in range(0, len(guides), CATEGORY_PAGE_SIZE)]
            chunks = chunks or [[]]
            for number, chunk in enumerate(chunks, start=1):
                text = self.renderer.render(
                    "category.md.j2", category=category, guides=chunk, page=number, pages=len(chunks)
                )
                self._write_index(folder / _category_page(number), text)
            for stale in folder.glob("page-*.md"):
                number = int(stale.stem.split("-")[1]) if stale.stem.split("-")[1].isdigit() else 0
                if number > len(chunks) and is_pristine(stale.read_text(encoding="utf-8")):
                    stale.unlink()
            # its index pages are not part of the signature: it is unchanged
            self.state.wrote_category_pages(category.slug, contents, public)
        text = self.renderer.render("guides.md.j2", categories=counts)
        self._write_index(self.out_dir / "index.md", text)

    def _folder_signature(self, folder: Path) -> str:
        """Names, sizes and modification times of a category's guides (its
        own index pages left out), with the run's configuration."""
        digest = hashlib.sha256(self.fingerprint.encode())
        try:
            entries = sorted(
                (e.name, e.stat().st_size, e.stat().st_mtime_ns)
                for e in os.scandir(folder)
                if e.name.endswith(".md") and not LIST_PAGE.match(e.name)
            )
        except OSError:
            entries = []
        for entry in entries:
            digest.update(repr(entry).encode())
        return digest.hexdigest()

    def _write_index(self, path: Path, text: str) -> None:
        if write_generated(path, text, force=self.force) is Outcome.CONFLICT:
            self.summary.conflicts.append(f"{path} has hand edits; left as it is")


# a guide's date in its front matter, as pipeline.guide.with_updated writes it
_UPDATED = re.compile(r"^updated: '(\d{4}-\d{2}-\d{2})'$", re.M)


def _body(markdown: str) -> str:
    """A guide's Markdown without its front matter (the manifest's text)."""
    return markdown.split("\n---\n", 1)[1].strip() if markdown.startswith("---\n") else markdown


def _category_page(number: int) -> str:
    return "index.md" if number == 1 else f"page-{number}.md"


def apply(publisher: Publisher, settled: Settled) -> None:
    """Write one group of copies as the settle stage decided: the others
    marked copies, the chosen one published and added to the index."""
    for candidate, keeper, why in settled.duplicates:
        publisher.mark_duplicate(candidate, keeper, why)
    best = settled.publish
    if best is not None:
        publisher.publish(best)
        publisher.index.add(best.doc.id, best.minhash, best.record["output"], best.cleaned.title)
