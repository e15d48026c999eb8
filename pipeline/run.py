"""One cleaning run: read and clean every page, group copies of the same
article, publish the cleanest copy of each (repaired from the others), and
write the guides and a manifest.

The run streams. Inputs are planned (unchanged ones are skipped), cleaned
and rendered (in worker processes when there are several, a bounded number
of files ahead) and settled in chunks of ``CHUNK`` inputs; each chunk's
records go to the manifest before the next chunk is settled. Memory does
not grow with the number of pages. Copies of one article in the same chunk
are compared and the cleanest is published; a copy in a later chunk is
checked against the index of published pages, as a copy in a later batch
is, and marked a duplicate of the guide already published.
"""

from __future__ import annotations

import difflib
import hashlib
import json
import multiprocessing
import os
import re
import sys
import tempfile
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, TextIO

from pipeline.cleaners import Cleaned, Cleaner, CleanerConfig
from pipeline.dedup import DedupIndex, as_minhash, damage, repair_from_siblings, signature
from pipeline.guide import Guide, Renderer, describe
from pipeline.readers import Rejection, iter_files, read_file
from pipeline.record import Document, document_id
from pipeline.shape import shape
from pipeline.slug import slugify
from pipeline.state import Outputs, State, config_fingerprint, file_hash
from pipeline.structure import parse
from pipeline.taxonomy import Taxonomy
from pipeline.untrusted import DESCRIPTION_MAX, plain_line, public_url
from pipeline.writers import (
    Outcome,
    current_umask,
    flush_to_disk,
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
# Inputs settled together: copies of an article within a chunk are compared
# to publish the cleanest (copies in different chunks are found through the
# index). A chunk is what a run holds in memory, and the workers clean the
# next one while this process writes it.
CHUNK = 500
# Changed files a run's summary lists by name.
CHANGES_LISTED = 1000
# Files handed to a worker at a time, and how many such tasks per worker may
# be ahead of the one being settled: enough to keep the workers busy while a
# chunk is written.
TASK_FILES = 8
TASKS_AHEAD = 16
_CONTENT_CHAR = re.compile(r"[\u3400-\u9fffA-Za-z0-9]")


@dataclass
class RunSummary:
    statuses: Counter[str] = field(default_factory=Counter)
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


@dataclass
class _Candidate:
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
        guide = Guide(
            id=doc.id,
            slug=slugify(cleaned.title),
            title=cleaned.title,
            description=plain_line(describe(structure, cleaned.title), DESCRIPTION_MAX),
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
        )
        return guide, self.renderer.render(f"{guide.kind}.md.j2", guide=guide)


class _Manifest:
    """The manifest, written record by record to a temporary file that
    replaces the old manifest only when the run completes."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
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
        engine: str = "local",
        ray_address: str | None = None,
    ) -> None:
        """``state`` is the SQLite file that remembers earlier runs (inputs
        already cleaned, pages published, for incremental runs and
        near-duplicate detection); None keeps it in memory. With ``dry_run``
        nothing is written: the summary says what would change. ``engine``
        "ray" cleans the pages on Ray Data (``pipeline.distributed``), with
        ``jobs`` actors, on the cluster at ``ray_address`` or on this
        machine; everything else is the same."""
        if engine not in ("local", "ray"):
            raise ValueError(f"unknown engine {engine!r}: local or ray")
        self.engine, self.ray_address = engine, ray_address
        if jobs > 1 and engine == "local":
            # the workers' models load while this process opens its state
            _worker_context(start=True)
        self.out_dir = out_dir
        self.force = force
        self.dry_run = dry_run
        self.jobs = max(1, jobs)
        config = cleaner_config or CleanerConfig()
        self.templates, self.taxonomy_file = templates, taxonomy
        self.cleaner = Cleaner(config)
        self.composer = Composer(templates, taxonomy)
        self.taxonomy = self.composer.taxonomy
        self.renderer = self.composer.renderer
        self.index = DedupIndex(state)
        self.fingerprint = config_fingerprint(config.glossary, templates, taxonomy, extra=repr(config))
        self.state = State(self.index.db, self.fingerprint)
        self.outputs = Outputs(self.index.db)
        self.summary = RunSummary()
        if self.index.reset:
            self.summary.messages.append(self.index.reset)
        # paths taken by guides of a dry run (a real run finds them on disk):
        # two new guides with one slug
        self._claimed: dict[str, str] = {}
        self._order = 0
        if not dry_run:
            for leftover in remove_stale_temporaries(out_dir):
                self.summary.messages.append(f"removed {leftover}, left by an interrupted run")
        if self.outputs.empty():
            self._find_existing()

    def _find_existing(self) -> None:
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
        out = None if self.dry_run else _Manifest(manifest)
        try:
            chunk: list[tuple[str, Any, Any]] = []
            if self.engine == "ray":
                from pipeline.distributed import cleaned_on_ray

                cleaned = cleaned_on_ray(self, self._plan(sources), on_page, self.ray_address)
            else:
                cleaned = self._cleaned(self._plan(sources), on_page)
            for item in cleaned:
                chunk.append(item)
                if len(chunk) >= CHUNK:
                    self._settle_chunk(chunk, out, on_record)
                    chunk = []
            self._settle_chunk(chunk, out, on_record)
            if out is None:
                self.index.db.rollback()
                return self.summary
            self.write_category_indexes()
            out.commit()
            # the guides on disk before the state says they were written
            flush_to_disk()
        except BaseException:
            if out is not None:
                out.abort()
            raise
        # last: a run killed before this point leaves the state as it was
        self.index.commit()
        return self.summary

    def _plan(self, sources: Iterable[str | Path]) -> Iterator[tuple[str, Any]]:
        """What each input is: a rejection, unchanged since the last run (key,
        content hash), or a file to clean (path, key, content hash)."""
        for entry in iter_files(sources):
            if isinstance(entry, Rejection):
                yield "rejection", entry
                continue
            path, key = entry
            try:
                content_hash = file_hash(path.read_bytes())
            except OSError:
                content_hash = ""
            if content_hash and not self.force and self.state.is_unchanged(key, content_hash):
                yield "reused", (key, content_hash)
            else:
                yield "clean", (path, key, content_hash)

    def _cleaned(
        self, plan: Iterator[tuple[str, Any]], on_page: Callable[[], None] | None
    ) -> Iterator[tuple[str, Any, Any]]:
        """The plan in order, each file to clean with its cleaned pages.

        With several jobs, files go to worker processes in tasks of
        TASK_FILES, at most TASKS_AHEAD tasks per worker ahead of the one
        being settled: the workers keep busy while this process writes,
        and memory stays bounded.
        """
        if self.jobs <= 1:
            for kind, value in plan:
                result = None
                if kind == "clean":
                    path, key, _ = value
                    result = _clean_file(self.cleaner, self.composer, path, key)
                if on_page:
                    on_page()
                yield kind, value, result
            return
        context = _worker_context()
        initargs = (self.cleaner.config, self.templates, self.taxonomy_file)
        waiting: deque[tuple[list[tuple[str, Any]], Future[Any] | None]] = deque()
        with ProcessPoolExecutor(
            self.jobs, mp_context=context, initializer=_start_worker, initargs=initargs
        ) as pool:

            def submit(batch: list[tuple[str, Any]]) -> None:
                files = [(v[0], v[1]) for k, v in batch if k == "clean"]
                waiting.append((batch, pool.submit(_clean_files, files) if files else None))

            def take() -> Iterator[tuple[str, Any, Any]]:
                batch, future = waiting.popleft()
                results = iter(future.result() if future is not None else [])
                for kind, value in batch:
                    if on_page:
                        on_page()
                    yield kind, value, next(results) if kind == "clean" else None

            batch: list[tuple[str, Any]] = []
            for entry in plan:
                batch.append(entry)
                if sum(k == "clean" for k, _ in batch) >= TASK_FILES or len(batch) >= 4 * TASK_FILES:
                    submit(batch)
                    batch = []
                    while len(waiting) > TASKS_AHEAD * self.jobs:
                        yield from take()
            if batch:
                submit(batch)
            while waiting:
                yield from take()

    def _settle_chunk(
        self,
        chunk: list[tuple[str, Any, Any]],
        out: _Manifest | None,
        on_record: Callable[[dict[str, Any]], None] | None,
    ) -> None:
        """Turn a chunk of planned and cleaned inputs into records: group the
        copies, publish, write the records to the manifest, remember the
        inputs."""
        records: list[dict[str, Any]] = []
        inputs: list[tuple[str, str, list[dict[str, Any]]]] = []  # key, hash, records
        candidates: list[_Candidate] = []
        for kind, value, result in chunk:
            if kind == "rejection":
                records.append(
                    make_record(
                        value.source, document_id(value.key or value.source), "rejected", reason=value.reason
                    )
                )
                self._order += 1
            elif kind == "reused":
                self.summary.skipped_inputs += 1
                reused = self.state.unchanged(*value) or []
                for record in reused:
                    self._check_still_there(record)
                records.extend(reused)
                self._order += len(reused)
            else:
                _, key, content_hash = value
                made: list[dict[str, Any]] = []
                for outcome in result:
                    if isinstance(outcome, _Candidate):
                        outcome.order = self._order
                        candidates.append(outcome)
                        made.append(outcome.record)
                    else:
                        made.append(outcome)
                    self._order += 1
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
            if out is not None:
                out.write(record)
                if on_record:
                    on_record(record)
        if out is not None:
            for key, content_hash, made in inputs:
                self.state.remember(key, content_hash, made)

    def _check_still_there(self, record: dict[str, Any]) -> None:
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
        self._publish(best)
        self.index.add(best.doc.id, best.minhash, best.record["output"], best.cleaned.title)

    def _mark_duplicate(self, candidate: _Candidate, keeper: str, what: str) -> None:
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
        guide, best.markdown = self.composer.compose(best.doc, best.cleaned)
        best.guide = Placement.of(guide)

    def _publish(self, candidate: _Candidate) -> None:
        doc, guide, markdown, record = candidate.doc, candidate.guide, candidate.markdown, candidate.record
        path = self._path_for(guide)
        record["text"] = markdown.split("\n---\n", 1)[1].strip() if markdown.startswith("---\n") else markdown
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
        if edited is not None and is_pristine(edited):
            edited = None
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
        record["output"] = path.as_posix()
        record["findings"] = [f.as_dict() for f in doc.findings]

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
            # its index pages are not part of the signature: it is unchanged
            self.state.wrote_category_pages(category.slug, contents, len(guides))
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
                if e.name.endswith(".md") and not _INDEX_PAGE.match(e.name)
            )
        except OSError:
            entries = []
        for entry in entries:
            digest.update(repr(entry).encode())
        return digest.hexdigest()

    def _write_index(self, path: Path, text: str) -> None:
        if write_generated(path, text, force=self.force) is Outcome.CONFLICT:
            self.summary.conflicts.append(f"{path} has hand edits; left as it is")


_INDEX_PAGE = re.compile(r"^(index|page-\d+)\.md$")


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


def clean_item(
    cleaner: Cleaner, composer: Composer, item: Document | Rejection
) -> _Candidate | dict[str, Any]:
    """Clean one page: a candidate guide, rendered, or the record of a
    rejection."""
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
    guide, markdown = composer.compose(doc, cleaned)
    return _Candidate(
        0, doc, cleaned, record, signature(cleaned.text), damage(doc.findings), Placement.of(guide), markdown
    )


def _clean_file(
    cleaner: Cleaner, composer: Composer, path: Path, key: str
) -> list[_Candidate | dict[str, Any]]:
    """Every page of one file (their order is set when they are settled)."""
    return [clean_item(cleaner, composer, item) for item in read_file(path, key)]


_worker: tuple[Cleaner, Composer] | None = None


def _worker_context(start: bool = False) -> Any:
    """Where worker processes come from: a fork server that has loaded the
    language models once (``pipeline.warm``), so that each worker starts
    with them loaded and shares their memory. ``start`` starts the server
    now rather than when the first worker is needed."""
    if sys.platform == "win32":
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["pipeline.warm"])
    if start:
        from multiprocessing import forkserver

        forkserver.ensure_running()
    return context


def _start_worker(config: CleanerConfig, templates: Path | None, taxonomy: Path | None) -> None:
    global _worker
    _worker = (Cleaner(config), Composer(templates, taxonomy))


def _clean_files(files: list[tuple[Path, str]]) -> list[list[_Candidate | dict[str, Any]]]:
    """In a worker process: the cleaned pages of each file."""
    assert _worker is not None
    return [_clean_file(*_worker, path, key) for path, key in files]
