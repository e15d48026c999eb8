"""What lets a run scale: chunks settled one after another (memory does not
grow with the corpus) that still find copies across chunks, a bounded
number of files ahead in the worker processes, re-runs that read nothing
that did not change, and the Ray Data engine giving the same result as a
local run."""

from __future__ import annotations

import builtins
import io
import json
import random
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

import pipeline.engines
import pipeline.run
from pipeline.cli import main
from pipeline.run import Run
from tests.conftest import SEEDS, write_corpus, write_pages
from tests.test_dedup import damaged_copy

SAMPLES = sorted(SEEDS.glob("*.txt"))


def copies_folder(folder: Path) -> dict[str, list[str]]:
    """Two damaged copies of each sample article, the copies of one article
    far apart in input order."""
    folder.mkdir(parents=True)
    members: dict[str, list[str]] = {}
    for n in range(2):
        for i, sample in enumerate(SAMPLES):
            name = f"{n}_{i}.txt"
            text = damaged_copy(sample.read_text(encoding="utf-8"), i * 10 + n, "首页 > 正文")
            (folder / name).write_text(text, encoding="utf-8")
            members.setdefault(sample.name, []).append(name)
    return members


def records_of(manifest: Path) -> list[dict]:
    return [json.loads(line) for line in manifest.read_text(encoding="utf-8").splitlines()]


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*.md"))}


@pytest.mark.parametrize("jobs", [1, 2])
def test_copies_in_different_chunks_are_found(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, jobs: int
) -> None:
    """Chunks of 3 inputs and tasks of one file: each article's two copies
    are 4 inputs apart, so always in different chunks."""
    monkeypatch.setattr(pipeline.run, "CHUNK", 3)
    monkeypatch.setattr(pipeline.engines, "TASK_FILES", 1)
    members = copies_folder(tmp_path / "pages")
    Run(tmp_path / "guides", jobs=jobs).execute([tmp_path / "pages"], tmp_path / "manifest.jsonl")
    records = {Path(r["source"]).name: r for r in records_of(tmp_path / "manifest.jsonl")}
    assert len(records) == 8, "every input has its record, in a manifest written chunk by chunk"
    for names in members.values():
        first, second = (records[name] for name in names)
        assert first["status"] == "published"
        assert second["status"] == "duplicate" and second["duplicate_of"] == first["id"]


def test_chunks_do_not_change_what_is_published(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Pages with no copies come out the same whatever the chunk size."""
    pages = tmp_path / "pages"
    write_pages(pages, 12, random.Random(5))
    Run(tmp_path / "whole" / "guides").execute([pages], tmp_path / "whole" / "manifest.jsonl")
    monkeypatch.setattr(pipeline.run, "CHUNK", 5)
    Run(tmp_path / "chunked" / "guides").execute([pages], tmp_path / "chunked" / "manifest.jsonl")
    assert snapshot(tmp_path / "whole" / "guides") == snapshot(tmp_path / "chunked" / "guides")
    assert [r["status"] for r in records_of(tmp_path / "whole" / "manifest.jsonl")] == [
        r["status"] for r in records_of(tmp_path / "chunked" / "manifest.jsonl")
    ]


def test_a_rerun_reads_only_what_changed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """One new page among unchanged ones: no unchanged guide is opened, and
    only the new guide's category gets its index pages written again."""
    pages = tmp_path / "pages"
    write_pages(pages, 30, random.Random(3))
    guides, state, manifest = tmp_path / "guides", tmp_path / "state.sqlite", tmp_path / "manifest.jsonl"
    Run(guides, state=state).execute([pages], manifest)
    before = {p: p.stat().st_mtime_ns for p in guides.rglob("*.md")}
    shutil.copy(SEEDS / "001_71aa38aa9bc6c4af.txt", pages / "new.txt")

    opened: list[Path] = []
    real_open = io.open

    def spy(file, *args, **kwargs):  # type: ignore[no-untyped-def]
        if isinstance(file, str | Path) and Path(file).is_relative_to(guides):
            opened.append(Path(file))
        return real_open(file, *args, **kwargs)

    # pathlib reads through io.open, the pipeline's own readers through open
    monkeypatch.setattr(io, "open", spy)
    monkeypatch.setattr(builtins, "open", spy)
    summary = Run(guides, state=state).execute([pages], manifest)
    monkeypatch.undo()

    assert summary.skipped_inputs == 30
    [new] = [r for r in records_of(manifest) if r["source"].endswith("new.txt")]
    category = Path(new["output"]).parent
    changed = {p for p in guides.rglob("*.md") if before.get(p) != p.stat().st_mtime_ns}
    assert changed <= {
        Path(new["output"]),
        *category.glob("index.md"),
        *category.glob("page-*.md"),
        guides / "index.md",
    }
    assert Path(new["output"]) in changed
    unchanged_guides = {p for p in before if p.parent != category and p.name != "index.md"}
    assert unchanged_guides, "the corpus has guides in other categories"
    assert not set(opened) & unchanged_guides, "guides in other categories were read"
    assert summary.writes["unchanged"] == 30, (summary.writes, opened)


def _local_and_ray(tmp_path: Path, pages: Path) -> Path:
    """``credit-guides clean`` locally (two processes) and ``--engine ray``
    (Ray started on this machine, two actors) over ``pages``: the guides and
    the manifests must be byte-identical. Returns the Ray run's folder."""
    local, on_ray = tmp_path / "local", tmp_path / "ray"
    for folder, engine in ((local, "local"), (on_ray, "ray")):
        out, manifest = str(folder / "guides"), str(folder / "manifest.jsonl")
        arguments = [
            "clean",
            str(pages),
            "--out",
            out,
            "--manifest",
            manifest,
            "--engine",
            engine,
            "--jobs",
            "2",
        ]
        result = CliRunner().invoke(main, arguments)
        assert result.exit_code == 0, result.output
    assert snapshot(local / "guides") == snapshot(on_ray / "guides")
    ours = (local / "manifest.jsonl").read_text(encoding="utf-8").replace(str(local), "")
    theirs = (on_ray / "manifest.jsonl").read_text(encoding="utf-8").replace(str(on_ray), "")
    assert ours == theirs
    return on_ray


def test_ray_engine_gives_the_same_result_as_a_local_run(tmp_path: Path) -> None:
    """The samples, their damaged copies and a few other articles: copies
    cleaned by different actors are found."""
    pytest.importorskip("ray", reason="Ray Data is installed with the test extra")
    pages = tmp_path / "pages"
    copies_folder(pages)
    write_pages(pages, 6, random.Random(2))
    on_ray = _local_and_ray(tmp_path, pages)
    statuses = [r["status"] for r in records_of(on_ray / "manifest.jsonl")]
    assert statuses.count("duplicate") == 4, "copies cleaned by different actors are found"


def test_ray_engine_gives_the_same_result_on_a_batch_of_500(tmp_path: Path) -> None:
    """500 different articles with the samples' damage: a third HTML, a
    third GB18030, a third UTF-8 text; more than one chunk's worth of work
    for each actor."""
    pytest.importorskip("ray", reason="Ray Data is installed with the test extra")
    pages = tmp_path / "pages"
    write_corpus(pages, 500, seed=3)
    on_ray = _local_and_ray(tmp_path, pages)
    assert len(records_of(on_ray / "manifest.jsonl")) == 500
