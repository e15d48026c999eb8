"""One cleaning run: read and clean every page, group copies of the same
article, publish the cleanest copy of each (repaired from the others), and
write the guides and a manifest."""

from __future__ import annotations

import difflib
import json
import multiprocessing
import os
import re
import sys
import tempfile
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline.cleaners import Cleaned, Cleaner, CleanerConfig
from pipeline.dedup import DedupIndex, damage, minhash, repair_from_siblings
from pipeline.guide import Guide, Renderer, describe
from pipeline.readers import Rejection, iter_files, read_file
from pipeline.record import Document, document_id
from pipeline.shape import shape
from pipeline.slug import slugify
from pipeline.state import State, config_fingerprint, file_hash
from pipeline.structure import parse
from pipeline.taxonomy import Taxonomy
from pipeline.writers import (
    Outcome,
    current_umask,
    front_matter_value,
    is_pristine,
    remove_stale_temporaries,
    stamp,
    write_generated,
)

# Fewer characters than this after cleaning is not a guide (a stub, or a page
# that was all chrome). Characters, not words: Chinese has no spaces.
MIN_BODY_CHARS = 150
# Guides listed on one category page.
CATEGORY_PAGE_SIZE = 100
_CONTENT_CHAR = re.compile(r"[\u3400-\u9fffA-Za-z0-9]")


@dataclass
class RunSummary:
    statuses: Counter[str] = field(default_factory=Counter)
    writes: Counter[str] = field(default_factory=Counter)
    reasons: Counter[str] = field(default_factory=Counter)
    findings: Counter[str] = field(default_factory=Counter)
    conflicts: list[str] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)
    # (outcome, path) of every guide file the run wrote, or would write
    changes: list[tuple[str, str]] = field(default_factory=list)
    skipped_inputs: int = 0
    # diffs of hand-edited guides that --force regenerated
    overwritten: list[str] = field(default_factory=list)


@dataclass
class _Candidate:
    """A cleaned page that may become a guide."""

    order: int
    doc: Document
    cleaned: Cleaned
    record: dict[str, Any]
    minhash: Any
    damage: float


class Run:
    """A cleaning run over some sources into one guides folder."""

    def __init__(
        self,
        out_dir: Path,
        *,
        templates: Path | None = None,
        force: bool = False,
        cleaner_config: CleanerConfig | None = None,
        taxonomy: Path | None = None,
        state: Path | None = None,
        dry_run: bool = False,
        jobs: int = 1,
    ) -> None:
        """``state`` is the SQLite file that remembers earlier runs (inputs
        already cleaned, pages published, for incremental runs and
        near-duplicate detection); None keeps it in memory. With ``dry_run``
        nothing is written: the summary says what would change."""
        self.out_dir = out_dir
        self.force = force
        self.dry_run = dry_run
        self.jobs = max(1, jobs)
        config = cleaner_config or CleanerConfig()
        self.cleaner = Cleaner(config)
        self.taxonomy = Taxonomy(taxonomy)
        self.renderer = Renderer(templates)
        self.index = DedupIndex(state)
        fingerprint = config_fingerprint(config.glossary, templates, taxonomy, extra=repr(config))
        self.state = State(self.index.db, fingerprint)
        self.summary = RunSummary()
        self._claimed: dict[Path, str] = {}
        self._previous: dict[str, dict[str, Any]] = {}
        if not dry_run:
            for leftover in remove_stale_temporaries(out_dir):
                self.summary.messages.append(f"removed {leftover}, left by an interrupted run")
        self._existing = self._index_existing()

    def _index_existing(self) -> dict[str, Path]:
        found: dict[str, Path] = {}
        if self.out_dir.is_dir():
            for path in sorted(self.out_dir.rglob("*.md")):
                guide_id = front_matter_value(path, "guide_id")
                if guide_id:
                    found[guide_id] = path
        return found

    def execute(
        self,
        sources: Iterable[str | Path],
        manifest: Path,
        on_record: Callable[[dict[str, Any]], None] | None = None,
        on_page: Callable[[], None] | None = None,
    ) -> RunSummary:
        """Clean ``sources``; write guides and the manifest (atomically: a
        failed run leaves the previous manifest as it was). Inputs that did
        not change since the last run are not cleaned again."""
        # First what each input is: a rejection, unchanged since the last run,
        # or a file to clean; then the cleaning, in worker processes when
        # there are several; then everything in input order.
        plan: list[tuple[str, Any]] = []
        work: list[tuple[Path, str]] = []
        for entry in iter_files(sources):
            if isinstance(entry, Rejection):
                plan.append(("rejection", entry))
                continue
            path, key = entry
            try:
                content_hash = file_hash(path.read_bytes())
            except OSError:
                content_hash = ""
            reused = None if self.force or not content_hash else self.state.unchanged(key, content_hash)
            if reused is not None:
                plan.append(("reused", reused))
            else:
                plan.append(("clean", (key, content_hash)))
                work.append((path, key))
                self._previous.update({r["id"]: r for r in self.state.previous(key)})
        cleaned_files = self._clean_files(work, on_page)

        records: list[dict[str, Any]] = []
        inputs: list[tuple[str, str, list[dict[str, Any]]]] = []  # key, hash, records
        candidates: list[_Candidate] = []
        order = 0
        for kind, value in plan:
            if kind == "rejection":
                records.append(
                    make_record(
                        value.source, document_id(value.key or value.source), "rejected", reason=value.reason
                    )
                )
                order += 1
            elif kind == "reused":
                self.summary.skipped_inputs += 1
                for record in value:
                    self._check_still_there(record)
                records.extend(value)
                order += len(value)
                if on_page:
                    on_page()
            else:
                key, content_hash = value
                made: list[dict[str, Any]] = []
                for outcome in next(cleaned_files):
                    if isinstance(outcome, _Candidate):
                        outcome.order = order
                        candidates.append(outcome)
                        made.append(outcome.record)
                    else:
                        made.append(outcome)
                    order += 1
                records.extend(made)
                if content_hash:
                    inputs.append((key, content_hash, made))
        for cluster in self._clusters(candidates):
            self._settle(cluster)
        for record in records:
            self.summary.statuses[record["status"]] += 1
            if record["status"] == "rejected":
                self.summary.reasons[record["reason"].split(":")[0]] += 1
            self.summary.findings.update(f["kind"] for f in record["findings"])
        if self.dry_run:
            self.index.db.rollback()
            return self.summary
        self.write_category_indexes()
        for key, content_hash, made in inputs:
            self.state.remember(key, content_hash, made)
        manifest.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{manifest.name}.", suffix=".tmp", dir=manifest.parent)
        os.chmod(tmp, 0o666 & ~current_umask())
        try:
            with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
                for record in records:
                    handle.write(json.dumps(record, ensure_ascii=False) + "\n")
                    if on_record:
                        on_record(record)
            os.replace(tmp, manifest)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        # last: a run killed before this point leaves the state as it was
        self.index.commit()
        return self.summary

    def _check_still_there(self, record: dict[str, Any]) -> None:
        """A reused record's guide: still there, edited, or deleted by hand."""
        output = record.get("output")
        if record["status"] != "published" or not output:
            return
        path = Path(output)
        if not path.exists():
            self.summary.writes["deleted by hand, kept deleted"] += 1
        elif is_pristine(path.read_text(encoding="utf-8", errors="replace")):
            self.summary.writes[Outcome.UNCHANGED.value] += 1
        else:
            self.summary.writes["edited by hand, left alone"] += 1

    def _clean_files(
        self, work: list[tuple[Path, str]], on_page: Callable[[], None] | None
    ) -> Iterator[list[_Candidate | dict[str, Any]]]:
        """The cleaned pages of each file of ``work``, in order."""
        if self.jobs <= 1 or len(work) < 2 * self.jobs:
            for path, key in work:
                result = [clean_item(self.cleaner, 0, item) for item in read_file(path, key)]
                if on_page:
                    on_page()
                yield result
            return
        context = multiprocessing.get_context("forkserver" if sys.platform != "win32" else "spawn")
        with ProcessPoolExecutor(
            self.jobs, mp_context=context, initializer=_start_worker, initargs=(self.cleaner.config,)
        ) as pool:
            for result in pool.map(_clean_file, *zip(*work, strict=True), chunksize=4):
                if on_page:
                    on_page()
                yield result

    def _clusters(self, candidates: list[_Candidate]) -> list[list[_Candidate]]:
        """Copies of the same article in this batch, grouped (union-find over
        an in-memory LSH of the batch), in input order."""
        from datasketch import MinHashLSH

        lsh = MinHashLSH(threshold=self.index.threshold, num_perm=self.index.num_perm)
        parent = list(range(len(candidates)))

        def root(i: int) -> int:
            while parent[i] != i:
                parent[i] = parent[parent[i]]
                i = parent[i]
            return i

        for i, candidate in enumerate(candidates):
            for j in lsh.query(candidate.minhash):
                other = candidates[int(j)]
                if candidate.minhash.jaccard(other.minhash) >= self.index.threshold:
                    parent[root(i)] = root(int(j))
            lsh.insert(str(i), candidate.minhash)
        groups: dict[int, list[_Candidate]] = {}
        for i, candidate in enumerate(candidates):
            groups.setdefault(root(i), []).append(candidate)
        return sorted(groups.values(), key=lambda g: g[0].order)

    def _settle(self, cluster: list[_Candidate]) -> None:
        """Publish one copy of the article, mark the others duplicates.

        A copy published by an earlier run stays the published one; otherwise
        the copy with the least damage wins (the first one on a tie).
        """
        ids = {c.doc.id for c in cluster}
        earlier = [m for c in cluster for m in self.index.query(c.minhash) if m.id not in ids]
        if earlier:
            keeper_id = max(earlier, key=lambda m: m.similarity).id
            for candidate in cluster:
                self._mark_duplicate(candidate, keeper_id, "a guide published earlier")
            return
        best = min(cluster, key=lambda c: (c.damage, c.order))
        others = [c for c in cluster if c is not best]
        if others:
            self._repair_from(best, others)
        for candidate in others:
            self._mark_duplicate(candidate, best.doc.id, "the copy with the least damage")
        self._publish(best.doc, best.cleaned, best.record)
        self.index.add(best.doc.id, best.minhash, best.record["output"], best.cleaned.title)

    def _mark_duplicate(self, candidate: _Candidate, keeper: str, what: str) -> None:
        doc, record = candidate.doc, candidate.record
        record.update(status="duplicate", duplicate_of=keeper)
        doc.note("duplicate", f"a copy of the same article as {keeper} ({what}); not published")
        self.index.remove(doc.id)
        old = self._existing.get(doc.id)
        if old is not None and old.exists():
            # published alone before; now one copy among several
            if self.force or is_pristine(old.read_text(encoding="utf-8")):
                if not self.dry_run:
                    old.unlink()
                self.summary.changes.append(("removed", old.as_posix()))
                doc.note("moved", f"removed {old}: the article is published as {keeper}")
            else:
                self._conflict(doc, record, old, f"is now a duplicate of {keeper} but has hand edits")
        record["findings"] = [f.as_dict() for f in doc.findings]

    def _repair_from(self, best: _Candidate, others: list[_Candidate]) -> None:
        siblings = [(c.doc.id, c.cleaned.text, c.cleaned.guesses) for c in others]
        text, repairs = repair_from_siblings(best.cleaned.text, best.cleaned.guesses, siblings)
        if not repairs:
            return
        settled = {guess["flag"] for guess, _, _ in repairs}
        best.doc.findings[:] = [f for f in best.doc.findings if f.message not in settled]
        for guess, new, sibling in repairs:
            best.doc.note(
                "repaired_from_copy",
                f"「{guess['left']}{guess['choice']}{guess['right']}」 → "
                f"「{guess['left']}{new}{guess['right']}」 as in the copy {sibling}, "
                "which has this passage undamaged",
                "repair_from_siblings",
            )
        best.cleaned.text = text
        best.record["text"] = text

    def _publish(self, doc: Document, cleaned: Cleaned, record: dict[str, Any]) -> None:
        assert cleaned.title
        structure = parse(cleaned.text, doc.heading_hints)
        shaped = shape(cleaned.title, structure)
        category = self.taxonomy.categorise(cleaned.title, cleaned.text)
        guide = Guide(
            id=doc.id,
            slug=slugify(cleaned.title),
            title=cleaned.title,
            description=describe(structure, cleaned.title),
            category=category.slug,
            category_name=category.name,
            tags=self.taxonomy.tag(cleaned.title, cleaned.text),
            source=doc.source,
            url=doc.url,
            intro=structure.intro,
            parts=shaped.parts,
            kind=shaped.kind,
            summary=shaped.summary,
            date=doc.metadata.get("date"),
            alternative_titles=cleaned.alternative_titles,
        )
        markdown = self.renderer.render(f"{guide.kind}.md.j2", guide=guide)
        path = self._path_for(guide)
        record["text"] = markdown.split("\n---\n", 1)[1].strip() if markdown.startswith("---\n") else markdown
        record["status"] = "published"

        before = self._previous.get(guide.id)
        if (
            before is not None
            and before.get("status") == "published"
            and before.get("output")
            and not Path(before["output"]).exists()
            and guide.id not in self._existing
            and not self.force
        ):
            # an editor deleted the guide: it is not brought back unasked
            record.update(status="rejected", reason="guide deleted by an editor; not recreated", output=None)
            doc.note("deleted", f"{before['output']} was deleted by hand; use --force to bring it back")
            record["findings"] = [f.as_dict() for f in doc.findings]
            self.summary.writes["deleted by hand, kept deleted"] += 1
            return
        old = self._existing.get(guide.id)
        if old is not None and old != path and old.exists():
            # The guide moved (new title or category); the old file goes only
            # if nobody edited it.
            if is_pristine(old.read_text(encoding="utf-8")) or self.force:
                if not self.dry_run:
                    old.unlink()
                self.summary.changes.append(("removed", old.as_posix()))
                doc.note("moved", f"guide moved from {old} to {path}")
            else:
                self._conflict(doc, record, old, "was moved but the old file has hand edits")
                return
        edited = path.read_text(encoding="utf-8") if path.exists() else None
        if edited is not None and is_pristine(edited):
            edited = None
        outcome = write_generated(path, markdown, force=self.force, dry_run=self.dry_run)
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
            self.summary.changes.append((outcome.value, path.as_posix()))
        if outcome is Outcome.CONFLICT:
            self._conflict(doc, record, path, "has hand edits")
            return
        self._existing[guide.id] = path
        record["output"] = path.as_posix()
        record["findings"] = [f.as_dict() for f in doc.findings]

    def _conflict(self, doc: Document, record: dict[str, Any], path: Path, why: str) -> None:
        message = f"{path} {why}; left as it is (use --force to regenerate it)"
        doc.note("conflict", message)
        self.summary.conflicts.append(message)
        record["output"] = path.as_posix()
        record["findings"] = [f.as_dict() for f in doc.findings]

    def _path_for(self, guide: Guide) -> Path:
        folder = self.out_dir / guide.category
        path = folder / f"{guide.slug}.md"
        # A file there that belongs to another guide, or to no guide (an
        # editor's own page), keeps its name; this guide takes another.
        owner = self._claimed.get(path) or (front_matter_value(path, "guide_id") if path.exists() else None)
        if (owner or path.exists()) and owner != guide.id:
            path = folder / f"{guide.slug}-{guide.id[:6]}.md"
        self._claimed[path] = guide.id
        return path

    def write_category_indexes(self) -> None:
        """Give each category an index page listing its guides (the home page
        links to every category, so an empty one gets a page too), split
        into pages of CATEGORY_PAGE_SIZE so that no page grows past what a
        phone loads quickly; and the guides folder a page listing the
        categories."""
        counts = []
        for category in self.taxonomy.categories:
            folder = self.out_dir / category.slug
            guides = []
            for path in sorted(folder.glob("*.md")) if folder.is_dir() else []:
                if not front_matter_value(path, "guide_id"):
                    continue  # the index pages themselves
                guides.append(
                    {
                        "file": path.name,
                        "title": front_matter_value(path, "title") or path.stem,
                        "description": front_matter_value(path, "description") or "",
                    }
                )
            guides.sort(key=lambda g: g["title"])
            counts.append((category, len(guides)))
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
        text = self.renderer.render("guides.md.j2", categories=counts)
        self._write_index(self.out_dir / "index.md", text)

    def _write_index(self, path: Path, text: str) -> None:
        if write_generated(path, text, force=self.force) is Outcome.CONFLICT:
            self.summary.conflicts.append(f"{path} has hand edits; left as it is")


def _category_page(number: int) -> str:
    return "index.md" if number == 1 else f"page-{number}.md"


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
    }
    record.update(values)
    return record


def rejection_reason(cleaned: Cleaned) -> str | None:
    if not cleaned.title:
        return "no title: no short headline line above the first paragraph"
    chars = len(_CONTENT_CHAR.findall(cleaned.text))
    if chars < MIN_BODY_CHARS:
        return f"too short after cleaning: {chars} characters of text (a guide needs {MIN_BODY_CHARS})"
    return None


def clean_item(cleaner: Cleaner, order: int, item: Document | Rejection) -> _Candidate | dict[str, Any]:
    """Clean one page: a candidate guide, or the record of a rejection."""
    if isinstance(item, Rejection):
        return make_record(item.source, document_id(item.key or item.source), "rejected", reason=item.reason)
    doc = item
    cleaned = cleaner.clean(doc, record_changes=False)
    doc.text = ""  # the page as read is no longer needed; a batch keeps only what it publishes
    record = make_record(doc.source, doc.id, "rejected", title=cleaned.title, text=cleaned.text)
    reason = rejection_reason(cleaned)
    if reason:
        record["reason"] = reason
        record["findings"] = [f.as_dict() for f in doc.findings]
        return record
    return _Candidate(order, doc, cleaned, record, minhash(cleaned.text), damage(doc.findings))


_worker_cleaner: Cleaner | None = None


def _start_worker(config: CleanerConfig) -> None:
    global _worker_cleaner
    _worker_cleaner = Cleaner(config)


def _clean_file(path: Path, key: str) -> list[_Candidate | dict[str, Any]]:
    """In a worker process: every page of one file (orders are set later)."""
    assert _worker_cleaner is not None
    return [clean_item(_worker_cleaner, 0, item) for item in read_file(path, key)]
