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

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from pipeline.cleaners import CleanerConfig
from pipeline.dedup import DedupIndex
from pipeline.engines import make_engine
from pipeline.record import document_id
from pipeline.sitelines import SiteLines
from pipeline.stages.clean import Candidate, Composer, make_record
from pipeline.stages.plan import plan
from pipeline.stages.publish import Manifest, Publisher, apply
from pipeline.stages.settle import Settler
from pipeline.state import Outputs, RunLock, State, config_fingerprint, open_state
from pipeline.summary import RunSummary
from pipeline.writers import flush_to_disk, remove_stale_temporaries

__all__ = ["Run", "RunSummary"]

# Inputs settled together: copies of an article within a chunk are compared
# to publish the cleanest (copies in different chunks are found through the
# index). A chunk is what a run holds in memory, and the workers clean the
# next one while this process writes it.
CHUNK = 500


class Run:
    """A cleaning run over some sources into one guides folder: plan →
    clean → settle → publish (``pipeline.stages``)."""

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
        config = cleaner_config or CleanerConfig()
        self.composer = Composer(templates, taxonomy)
        self.engine = make_engine(engine, jobs, config, templates, taxonomy, self.composer, ray_address)
        self.lock = RunLock(state) if state is not None and not dry_run else None
        if self.lock is not None:
            self.lock.acquire()
        self.out_dir = out_dir
        self.force = force
        self.dry_run = dry_run
        db, restarted = open_state(state, dry_run=dry_run)
        self.index = DedupIndex(state, db=db)
        self.fingerprint = config_fingerprint(config.glossary, templates, taxonomy, extra=repr(config))
        self.state = State(self.index.db, self.fingerprint)
        self.outputs = Outputs(self.index.db)
        self.summary = RunSummary()
        for message in (restarted, self.index.reset):
            if message:
                self.summary.messages.append(message)
        self.settler = Settler(self.index, self.composer)
        self.site_lines = SiteLines(self.index.db)
        self.publisher = Publisher(
            out_dir,
            state=self.state,
            outputs=self.outputs,
            index=self.index,
            renderer=self.composer.renderer,
            taxonomy=self.composer.taxonomy,
            summary=self.summary,
            fingerprint=self.fingerprint,
            force=force,
            dry_run=dry_run,
        )
        self._order = 0
        # the inputs of this run, by key
        self._keys: set[str] = set()
        if not dry_run:
            for leftover in remove_stale_temporaries(out_dir):
                self.summary.messages.append(f"removed {leftover}, left by an interrupted run")
        if self.outputs.empty():
            self.publisher.find_existing()

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
        leftovers: list[Path] = []
        out = None if self.dry_run else Manifest(manifest, leftovers if self.lock is not None else None)
        for stale in leftovers:
            self.summary.messages.append(f"removed {stale}, left by an interrupted run")
        try:
            chunk: list[tuple[str, Any, Any]] = []
            for item in self.engine.cleaned(plan(sources, self.state, self.force), on_page):
                chunk.append(item)
                if len(chunk) >= CHUNK:
                    self._settle_chunk(chunk, out, on_record)
                    chunk = []
            self._settle_chunk(chunk, out, on_record)
            if out is None:
                self.index.db.rollback()
                return self.summary
            self.publisher.write_category_indexes()
            # the manifest describes every input the state knows, not only
            # this run's: the records of inputs not given this time follow
            for record in self.state.records(excluding=self._keys):
                out.write(record)
            out.commit()
            # the guides on disk before the state says they were written
            flush_to_disk()
            # last: a run killed before this point leaves the state as it was
            self.index.commit()
        except BaseException:
            if out is not None:
                out.abort()
            raise
        finally:
            if self.lock is not None:
                self.lock.release()
        return self.summary

    def prune(self) -> RunSummary:
        """Retire the guides of inputs that are no longer there (deleted
        from the sources): their guides go, except those an editor changed
        (kept, and reported, unless ``force``); the state forgets them. A
        dry run lists what would go."""
        try:
            retired = 0
            for key, records in self.state.gone():
                settled = [self.publisher.retire(record) for record in records]
                if all(settled):
                    self.state.forget(key)
                    self.site_lines.forget(record["id"] for record in records)
                    retired += 1
            self.summary.messages.append(f"{retired} inputs no longer there were retired")
            if self.dry_run:
                self.index.db.rollback()
                return self.summary
            self.publisher.write_category_indexes()
            flush_to_disk()
            self.index.commit()
        finally:
            if self.lock is not None:
                self.lock.release()
        return self.summary

    def write_category_indexes(self) -> None:
        self.publisher.write_category_indexes()

    def _settle_chunk(
        self,
        chunk: list[tuple[str, Any, Any]],
        out: Manifest | None,
        on_record: Callable[[dict[str, Any]], None] | None,
    ) -> None:
        """Turn a chunk of planned and cleaned inputs into records: group the
        copies, publish, write the records to the manifest, remember the
        inputs."""
        records: list[dict[str, Any]] = []
        inputs: list[tuple[str, str, list[dict[str, Any]], str]] = []  # key, hash, records, identity
        candidates: list[Candidate] = []
        for kind, value, result in chunk:
            if kind == "rejection":
                records.append(
                    make_record(
                        value.source, document_id(value.key or value.source), "rejected", reason=value.reason
                    )
                )
                self._order += 1
            elif kind == "reused":
                self._keys.add(value[0])
                self.summary.skipped_inputs += 1
                reused = self.state.unchanged(*value) or []
                for record in reused:
                    self.publisher.check_still_there(record)
                records.extend(reused)
                self._order += len(reused)
            else:
                _, key, content_hash, identity = value
                self._keys.add(key)
                made: list[dict[str, Any]] = []
                for outcome in result:
                    if isinstance(outcome, Candidate):
                        outcome.order = self._order
                        candidates.append(outcome)
                        made.append(outcome.record)
                    else:
                        made.append(outcome)
                    self._order += 1
                records.extend(made)
                if content_hash:
                    inputs.append((key, content_hash, made, identity))
        candidates = self.settler.strip_site_chrome(candidates, self.site_lines)
        for cluster in self.settler.clusters(candidates):
            apply(self.publisher, self.settler.settle(cluster))
        for record in records:
            self.summary.statuses[record["status"]] += 1
            self.summary.held += bool(record.get("held"))
            if record["status"] == "rejected":
                self.summary.reasons[record["reason"].split(":")[0]] += 1
            self.summary.findings.update(f["kind"] for f in record["findings"])
            if out is not None:
                out.write(record)
                if on_record:
                    on_record(record)
        if out is not None:
            for key, content_hash, made, identity in inputs:
                self.state.remember(key, content_hash, made, identity)
