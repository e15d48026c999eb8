"""The clean step on Ray Data, for corpora larger than one machine cleans in
time (``credit-guides clean --engine ray``).

The per-page work, which is nearly all of a run's time (reading and
decoding, extraction, the cleaning steps, the guide's structure, rendering,
the MinHash signature), runs in Ray actors, each holding one set of loaded
rules and language models, the way datatrove and data-juicer run their
steps. What needs the whole corpus stays in the driver, as in a local run:
signatures from every actor go through the same LSH index of published
pages (in the state file), so near-duplicates are found across the whole
corpus, whichever actor cleaned each copy; and the driver writes the
guides, the manifest and the state, so a run on Ray writes exactly what a
local run writes.

Without ``RAY_ADDRESS`` (or ``--ray-address``) Ray starts in this process's
machine (local mode), which is what the tests run. On a cluster, the input
files must be readable at the same path on every node (a shared file
system), as with any Ray Data job.
"""

from __future__ import annotations

import os
import pickle
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import numpy as np

from pipeline.cleaners import Cleaner, CleanerConfig
from pipeline.stages.clean import Composer, clean_file

# Files in one batch handed to an actor.
BATCH_FILES = 16


class CleanFiles:
    """A Ray Data actor: cleans and renders the files of each batch.

    Returns each file's outcomes pickled (candidate guides with their
    rendered Markdown and signature, or rejection records)."""

    def __init__(self, config: CleanerConfig, templates: Path | None, taxonomy: Path | None) -> None:
        import pipeline.warm  # noqa: F401  (loads the language models once per actor)

        self.cleaner = Cleaner(config)
        self.composer = Composer(templates, taxonomy)

    def __call__(self, batch: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
        results = [
            pickle.dumps(clean_file(self.cleaner, self.composer, Path(str(path)), str(key)))
            for path, key in zip(batch["path"], batch["key"], strict=True)
        ]
        return {"seq": batch["seq"], "result": np.array(results, dtype=object)}


def start(address: str | None, jobs: int) -> None:
    """Connect to the Ray cluster at ``address``, or start Ray on this
    machine with ``jobs`` CPUs."""
    import logging

    import ray

    # Ray Data logs every dataset's progress at INFO; the run prints its own
    logging.getLogger("ray.data").setLevel(logging.WARNING)
    if ray.is_initialized():
        return
    address = address or os.environ.get("RAY_ADDRESS") or None
    if address:
        ray.init(address=address, log_to_driver=False)
    else:
        ray.init(num_cpus=jobs, include_dashboard=False, log_to_driver=False)


class RayEngine:
    """The clean stage on Ray Data (see ``pipeline.engines``)."""

    def __init__(
        self,
        jobs: int,
        config: CleanerConfig,
        templates: Path | None,
        taxonomy: Path | None,
        address: str | None = None,
    ) -> None:
        self.jobs = max(1, jobs)
        self.config, self.templates, self.taxonomy, self.address = config, templates, taxonomy, address

    def cleaned(
        self, plan: Iterator[tuple[str, Any]], on_page: Callable[[], None] | None
    ) -> Iterator[tuple[str, Any, Any]]:
        """The plan in order, each file to clean with its cleaned pages, the
        cleaning done by a Ray Data pipeline over all the files of the plan.

        The plan is listed first (a file to clean is a path and a key; an
        unchanged input only its key), then one dataset maps every file, so
        the actors load their models once for the whole run. Results stream
        back in input order (``preserve_order``) while the driver settles
        them.
        """
        import ray

        start(self.address, self.jobs)
        entries: list[tuple[str, Any]] = []
        items: list[dict[str, Any]] = []
        for kind, value in plan:
            if kind == "clean":
                path, _, _, identity = value
                items.append({"seq": len(entries), "path": str(path), "key": identity})
            entries.append((kind, value))
        context = ray.data.DataContext.get_current()
        context.execution_options.preserve_order = True
        context.enable_progress_bars = False
        rows: Iterator[dict[str, Any]] = iter(())
        if items:
            dataset = ray.data.from_items(items).map_batches(
                CleanFiles,
                fn_constructor_args=(self.config, self.templates, self.taxonomy),
                batch_size=BATCH_FILES,
                batch_format="numpy",
                compute=ray.data.ActorPoolStrategy(size=self.jobs),
            )
            rows = iter(dataset.iter_rows())
        for seq, (kind, value) in enumerate(entries):
            result = None
            if kind == "clean":
                row = next(rows)
                assert int(row["seq"]) == seq, "Ray Data returned the files out of order"
                result = pickle.loads(row["result"])
            if on_page:
                on_page()
            yield kind, value, result
