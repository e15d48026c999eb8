"""Where the clean stage runs: the one place that chooses it.

An engine takes the plan of a run (each input: a rejection, unchanged, or a
file to clean) and gives it back in the same order, each file to clean with
its cleaned pages (``stages.clean.clean_file``). Everything else in a run is
the same whichever engine cleaned the pages.

- ``LocalEngine``: in this process, or in worker processes forked from a
  server that loaded the language models once (``pipeline.warm``).
- ``RayEngine`` (``pipeline.distributed``): in Ray Data actors, on a cluster
  or on this machine.
"""

from __future__ import annotations

import multiprocessing
import sys
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from typing import Any, Protocol

from pipeline.cleaners import Cleaner, CleanerConfig
from pipeline.stages.clean import Candidate, Composer, clean_file

# Files handed to a worker at a time, and how many such tasks per worker may
# be ahead of the one being settled: enough to keep the workers busy while a
# chunk is written.
TASK_FILES = 8
TASKS_AHEAD = 16

Planned = tuple[str, Any]
Cleaned = tuple[str, Any, Any]


class Engine(Protocol):
    def cleaned(self, plan: Iterator[Planned], on_page: Callable[[], None] | None) -> Iterator[Cleaned]:
        """The plan in order, each file to clean with its cleaned pages."""
        ...


def make_engine(
    name: str,
    jobs: int,
    config: CleanerConfig,
    templates: Path | None,
    taxonomy: Path | None,
    composer: Composer,
    ray_address: str | None = None,
) -> Engine:
    """The engine ``name``; ``composer`` is the run's own (built from the
    same templates and taxonomy), used when pages are cleaned in this
    process."""
    if name not in ("local", "ray"):
        raise ValueError(f"unknown engine {name!r}: local or ray")
    # the rules are loaded here first, so that a broken rule file stops the
    # run before any page is cleaned, with its own message
    local = (Cleaner(config), composer)
    if name == "ray":
        from pipeline.distributed import RayEngine

        return RayEngine(jobs, config, templates, taxonomy, ray_address)
    return LocalEngine(jobs, config, templates, taxonomy, local)


class LocalEngine:
    def __init__(
        self,
        jobs: int,
        config: CleanerConfig,
        templates: Path | None,
        taxonomy: Path | None,
        local: tuple[Cleaner, Composer],
    ) -> None:
        self.jobs = max(1, jobs)
        self.config, self.templates, self.taxonomy = config, templates, taxonomy
        self._local: tuple[Cleaner, Composer] | None = local if self.jobs == 1 else None
        if self.jobs > 1:
            # the workers' models load while the run opens its state
            worker_context(start=True)

    def cleaned(self, plan: Iterator[Planned], on_page: Callable[[], None] | None) -> Iterator[Cleaned]:
        """With several jobs, files go to worker processes in tasks of
        TASK_FILES, at most TASKS_AHEAD tasks per worker ahead of the one
        being settled: the workers keep busy while the run writes, and
        memory stays bounded."""
        if self._local is not None:
            for kind, value in plan:
                result = None
                if kind == "clean":
                    path, _, _, identity = value
                    result = clean_file(*self._local, path, identity)
                if on_page:
                    on_page()
                yield kind, value, result
            return
        initargs = (self.config, self.templates, self.taxonomy)
        waiting: deque[tuple[list[Planned], Future[Any] | None]] = deque()
        with ProcessPoolExecutor(
            self.jobs, mp_context=worker_context(), initializer=_start_worker, initargs=initargs
        ) as pool:

            def submit(batch: list[Planned]) -> None:
                files = [(v[0], v[3]) for k, v in batch if k == "clean"]
                waiting.append((batch, pool.submit(_clean_files, files) if files else None))

            def take() -> Iterator[Cleaned]:
                batch, future = waiting.popleft()
                results = iter(future.result() if future is not None else [])
                for kind, value in batch:
                    if on_page:
                        on_page()
                    yield kind, value, next(results) if kind == "clean" else None

            batch: list[Planned] = []
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


_worker: tuple[Cleaner, Composer] | None = None


def worker_context(start: bool = False) -> Any:
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


def _clean_files(files: list[tuple[Path, str]]) -> list[list[Candidate | dict[str, Any]]]:
    """In a worker process: the cleaned pages of each file."""
    assert _worker is not None
    return [clean_file(*_worker, path, key) for path, key in files]
