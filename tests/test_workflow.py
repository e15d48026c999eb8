"""The operators' and editors' workflow: incremental runs, deletions and
edits respected, kill-safety, dry runs and the quality report."""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from click.testing import CliRunner

from pipeline.cli import main
from pipeline.run import Run
from pipeline.writers import is_pristine
from tests.conftest import ROOT, SEEDS, served_page, write_pages


def clean(tmp: Path, *sources: Path, **kwargs) -> tuple[Run, list[dict]]:
    job = Run(tmp / "guides", state=tmp / "state.sqlite", **kwargs)
    job.execute(list(sources), tmp / "manifest.jsonl")
    return job, [json.loads(x) for x in (tmp / "manifest.jsonl").read_text(encoding="utf-8").splitlines()]


def snapshot(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def test_unchanged_inputs_are_skipped_and_new_ones_added(tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    shutil.copytree(SEEDS, pages)
    (pages / "003_aef6583e97fd9b87.txt").rename(tmp_path / "later.txt")
    job, first = clean(tmp_path, pages)
    assert job.summary.skipped_inputs == 0 and len(first) == 3
    before = snapshot(tmp_path / "guides")
    shutil.move(tmp_path / "later.txt", pages / "003_aef6583e97fd9b87.txt")
    job, second = clean(tmp_path, pages)
    assert job.summary.skipped_inputs == 3
    assert [r["status"] for r in second] == ["published"] * 4
    after = snapshot(tmp_path / "guides")
    changed = {k for k in after if before.get(k) != after[k]}
    new_guide = Path(second[3]["output"]).relative_to(tmp_path / "guides").as_posix()
    assert new_guide in changed and all(k == new_guide or k.endswith("index.md") for k in changed)


def test_rerun_is_byte_identical(tmp_path: Path) -> None:
    clean(tmp_path, SEEDS)
    first = snapshot(tmp_path / "guides")
    manifest = (tmp_path / "manifest.jsonl").read_bytes()
    job, _ = clean(tmp_path, SEEDS)
    assert snapshot(tmp_path / "guides") == first
    assert (tmp_path / "manifest.jsonl").read_bytes() == manifest
    assert job.summary.changes == []


def test_changed_rules_reclean_everything(tmp_path: Path) -> None:
    clean(tmp_path, SEEDS)
    glossary = tmp_path / "glossary.yaml"
    glossary.write_text(
        "replace:\n  - find: 支付宝旗下的“”\n    replace: 支付宝旗下的“花呗”\n", encoding="utf-8"
    )
    from pipeline.cleaners import CleanerConfig

    job, records = clean(tmp_path, SEEDS, cleaner_config=CleanerConfig(glossary=glossary))
    assert job.summary.skipped_inputs == 0
    assert "支付宝旗下的“花呗”" in Path(records[0]["output"]).read_text(encoding="utf-8")


def test_deleted_guide_is_not_recreated_unless_forced(tmp_path: Path) -> None:
    # a copy of the samples, so that a page can change where it is
    pages = tmp_path / "pages"
    shutil.copytree(SEEDS, pages)
    _, records = clean(tmp_path, pages)
    guide = Path(records[1]["output"])
    guide.unlink()
    job, again = clean(tmp_path, pages)
    assert again[1]["status"] == "published"  # the page is unchanged; its record is kept
    assert not guide.exists()
    assert job.summary.writes["deleted by hand, kept deleted"] == 1
    # the page itself changed: still not brought back
    page = pages / Path(records[1]["source"]).name
    page.write_text(page.read_text(encoding="utf-8") + "\n补充的一段话，内容有所更新。", encoding="utf-8")
    _, changed = clean(tmp_path, pages)
    assert not guide.exists() and changed[1]["status"] == "rejected" and "deleted" in changed[1]["reason"]
    clean(tmp_path, pages, force=True)
    assert guide.exists()


def test_dry_run_reports_what_a_real_run_then_does(tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    shutil.copytree(SEEDS, pages)
    _, records = clean(tmp_path, pages)
    edited = Path(records[0]["output"])
    edited.write_text(edited.read_text(encoding="utf-8") + "\n编辑补充。\n", encoding="utf-8")
    Path(records[2]["output"]).unlink()
    page = pages / Path(records[3]["source"]).name
    page.write_text(page.read_text(encoding="utf-8").replace("结语", "总结"), encoding="utf-8")
    before = snapshot(tmp_path / "guides")
    dry, _ = clean(tmp_path, pages, dry_run=True)
    assert snapshot(tmp_path / "guides") == before, "a dry run writes nothing"
    real, _ = clean(tmp_path, pages)
    assert dry.summary.changes == real.summary.changes
    assert dry.summary.writes == real.summary.writes
    assert real.summary.changes and all(path != edited.as_posix() for _, path in real.summary.changes)


def test_killed_run_leaves_no_damaged_file(tmp_path: Path) -> None:
    """Kill runs while they rewrite guides: every guide is then either its
    old or its new complete file, and the next run finishes cleanly."""
    pages = tmp_path / "pages"
    write_pages(pages, 240, random.Random(5))  # different articles, not copies of one another
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    command = [
        sys.executable,
        "-m",
        "pipeline",
        "clean",
        str(pages),
        "--out",
        str(tmp_path / "guides"),
        "--manifest",
        str(tmp_path / "manifest.jsonl"),
    ]
    guides = tmp_path / "guides"
    assert subprocess.run(command, cwd=tmp_path, env=env, capture_output=True).returncode == 0
    for written, extra in ((1, "第一次补充。"), (100, "第二次补充。")):
        old = snapshot(guides)
        for page in pages.iterdir():  # every guide will change
            page.write_text(page.read_text(encoding="utf-8") + f"\n这是{extra}", encoding="utf-8")
        start = time.time()
        proc = subprocess.Popen(
            command, cwd=tmp_path, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        deadline = time.monotonic() + 120
        while proc.poll() is None and time.monotonic() < deadline:
            if sum(p.stat().st_mtime >= start for p in guides.rglob("*.md")) >= written:
                break
            time.sleep(0.005)
        assert proc.poll() is None, "the run finished before it could be killed"
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        now = snapshot(guides)
        assert any(now[k] != old.get(k) for k in now), "the kill came while guides were being rewritten"
        for name, data in now.items():
            if name.endswith(".md"):
                assert data == old.get(name) or is_pristine(data.decode("utf-8")), name
    done = subprocess.run(command, cwd=tmp_path, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert not list(guides.rglob(".*.tmp"))
    records = [json.loads(x) for x in (tmp_path / "manifest.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(records) == 240
    for record in records:
        if record["output"]:
            assert "第二次补充" in Path(record["output"]).read_text(encoding="utf-8")


def test_cli_dry_run_writes_nothing(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["clean", str(SEEDS), "--dry-run"])
    assert result.exit_code == 0, result.output
    assert "dry run: nothing was written" in result.output
    assert "would be new: content/guides/" in result.output
    assert not (tmp_path / "content").exists() and not (tmp_path / ".pipeline" / "manifest.jsonl").exists()


def test_quality_report_is_served_to_editors_and_left_out_of_the_site(built_site: Path) -> None:
    assert not (built_site / "quality").exists(), "mkdocs build leaves the editors' report out"
    assert "quality" not in (built_site / "sitemap.xml").read_text(encoding="utf-8")
    index = (built_site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "编辑质量报告" not in index, "the report stays out of search"
    report = served_page(built_site.parent, "quality/")
    assert "编辑质量报告" in report
    assert "支付宝旗下的“”" in report  # page 000's cut-out word
    assert "《个人信息保》" in report  # page 001's law title
    assert "a guess" in report  # page 002's lost characters
    assert "ends on a verb" in report  # page 003's title


def test_parallel_run_gives_the_same_result(tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    write_pages(pages, 48, random.Random(9))
    for name in ("zz_copy1.txt", "zz_copy2.txt"):  # two copies of one page, cleaned by different workers
        shutil.copy(SEEDS / "000_0951288d9a01546f.txt", pages / name)
    one, two = tmp_path / "one", tmp_path / "two"
    one.mkdir()
    two.mkdir()
    clean(one, pages, jobs=1)
    clean(two, pages, jobs=2)
    assert snapshot(one / "guides") == snapshot(two / "guides")
    first = (one / "manifest.jsonl").read_text(encoding="utf-8").replace(str(one), "")
    assert first == (two / "manifest.jsonl").read_text(encoding="utf-8").replace(str(two), "")
    assert '"status": "duplicate"' in first


def test_force_shows_the_diff_of_the_hand_edit_it_replaces(tmp_path: Path) -> None:
    _, records = clean(tmp_path, SEEDS)
    guide = Path(records[0]["output"])
    guide.write_text(guide.read_text(encoding="utf-8").replace("# ", "# 【编辑改过】", 1), encoding="utf-8")
    dry, _ = clean(tmp_path, SEEDS, force=True, dry_run=True)
    assert "【编辑改过】" in guide.read_text(encoding="utf-8"), "a dry run only shows the diff"
    [diff] = dry.summary.overwritten
    assert "-# 【编辑改过】" in diff and "(regenerated)" in diff
    real, _ = clean(tmp_path, SEEDS, force=True)
    assert real.summary.overwritten == [diff]
    assert "【编辑改过】" not in guide.read_text(encoding="utf-8")
