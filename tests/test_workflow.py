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

import pytest
from click.testing import CliRunner

from pipeline.cli import main
from pipeline.run import Run
from pipeline.writers import is_pristine, read_front_matter
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
        for n, page in enumerate(sorted(pages.iterdir())):  # every guide will change
            # a line of its own on each page: one that every page of the
            # folder ends with would be the site's chrome, and go
            own = "".join(chr(0x4E00 + (n * 131 + i * 17) % 20000) for i in range(4))
            # after the article's first paragraph (a line after the
            # comments that end the page would be chrome's)
            lines = page.read_text(encoding="utf-8").split("\n")
            at = next(i for i, line in enumerate(lines) if len(line) > 40) + 1
            lines.insert(at, f"这是{extra}{own}")
            page.write_text("\n".join(lines), encoding="utf-8")
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


# Hand edits on each path where the pipeline would remove a guide file: each
# test fails when that path stops checking for an editor's changes.


def _edit(guide: Path, text: str = "编辑补充的一段。") -> None:
    guide.write_text(guide.read_text(encoding="utf-8") + f"\n{text}\n", encoding="utf-8")


def test_an_edited_guide_that_becomes_a_copy_is_kept(tmp_path: Path) -> None:
    from tests.test_dedup import damaged_copy

    pages = tmp_path / "pages"
    pages.mkdir()
    sample = (SEEDS / "000_0951288d9a01546f.txt").read_text(encoding="utf-8")
    copy = pages / "copy.txt"
    copy.write_text(damaged_copy(sample, 1, "首页 > 资讯"), encoding="utf-8")
    _, [first] = clean(tmp_path, pages)
    guide = Path(first["output"])
    _edit(guide)
    # the clean original arrives, and the copy changes a little: the copy is
    # cleaned again and found to be a copy of the original
    shutil.copy(SEEDS / "000_0951288d9a01546f.txt", pages / "original.txt")
    copy.write_text(copy.read_text(encoding="utf-8") + "\n更多资讯请关注本站。", encoding="utf-8")
    job, records = clean(tmp_path, pages)
    status = {Path(r["source"]).name: r["status"] for r in records}
    assert status == {"copy.txt": "duplicate", "original.txt": "published"}
    assert "编辑补充的一段。" in guide.read_text(encoding="utf-8"), "the editor's file survives"
    assert any("is now a duplicate" in c and "hand edits" in c for c in job.summary.conflicts)
    [copy_record] = [r for r in records if r["status"] == "duplicate"]
    assert any(f["kind"] == "conflict" and str(guide) in f["message"] for f in copy_record["findings"])
    # a re-run over the same inputs counts the published guide only
    again, _ = clean(tmp_path, pages)
    assert dict(again.summary.writes) == {"unchanged": 1}


def test_an_edited_guide_that_moves_is_kept(tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    shutil.copytree(SEEDS, pages)
    _, records = clean(tmp_path, pages)
    # a page whose headline is written as it is published
    n = next(i for i, r in enumerate(records) if r["title"] in Path(r["source"]).read_text(encoding="utf-8"))
    guide = Path(records[n]["output"])
    _edit(guide)
    page = Path(records[n]["source"])
    page.write_text(
        page.read_text(encoding="utf-8").replace(records[n]["title"], "逾期以后的第一件事"), "utf-8"
    )
    job, again = clean(tmp_path, pages)
    assert "编辑补充的一段。" in guide.read_text(encoding="utf-8"), "the old file keeps the edit"
    assert any("was moved but the old file has hand edits" in c for c in job.summary.conflicts)
    assert again[n]["output"] == records[n]["output"]


def test_an_edited_category_page_that_is_no_longer_needed_is_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import pipeline.stages.publish

    monkeypatch.setattr(pipeline.stages.publish, "CATEGORY_PAGE_SIZE", 1)
    pages = tmp_path / "pages"
    shutil.copytree(SEEDS, pages)
    _, records = clean(tmp_path, pages)
    folders = [Path(r["output"]).parent for r in records]
    crowded = next(f for f in folders if folders.count(f) >= 2)
    second = crowded / "page-2.md"
    _edit(second, "编辑在分页上加的说明。")
    for record in records:
        if Path(record["output"]).parent == crowded:
            Path(record["source"]).unlink()
    job = Run(tmp_path / "guides", state=tmp_path / "state.sqlite")
    job.prune()
    assert "编辑在分页上加的说明。" in second.read_text(encoding="utf-8"), "the edited page stays"


def test_a_line_inserted_into_a_jsonl_file_changes_no_guide(tmp_path: Path) -> None:
    bodies = {
        "信用卡逾期": "银行会先发短信提醒，再打电话催收。逾期超过九十天，银行可能向法院起诉。"
        "持卡人应当主动联系银行，说明收入减少的原因。协商成功以后要保存好书面协议，按时还款。"
        "不要相信网上代办停息挂账的广告，他们往往先收手续费，然后就联系不上了。"
        "如果确实无力偿还，可以向银行申请个性化分期，最长可以分五年。"
        "申请时要准备好收入证明、困难证明和身份证件，材料越齐全，通过的可能越大。",
        "网贷被催收": "催收人员不得辱骂威胁借款人，也不得骚扰借款人的家人和同事。"
        "接到催收电话时可以录音，保存好短信和聊天记录作为证据。"
        "遇到暴力催收，可以向平台的官方客服投诉，情节严重的可以报警处理。"
        "借款人自己也要积极还款，拖得越久，罚息和违约金越多。"
        "正规的催收机构会在工作时间联系，不会在深夜反复拨打电话，更不会冒充公检法。"
        "如果对欠款金额有疑问，可以要求平台提供借款合同和还款明细，核对清楚再还。",
        "征信有污点": "不良记录在还清欠款五年以后自动删除，任何声称花钱洗白征信的都是骗局。"
        "在这五年里保持良好的还款记录，新的记录会逐渐冲淡过去的影响。"
        "如果发现征信报告上的记录有错误，可以向征信中心提出异议申请。"
        "每年可以在人民银行征信中心的网站上免费查询两次自己的信用报告。"
        "申请房贷之前最好先查一次，发现问题可以提前处理，避免影响审批。"
        "查询记录本身也会出现在报告里，短时间内被多家机构查询会让银行更加谨慎。",
        "花呗逾期": "花呗逾期以后，可以先在支付宝里查看还款计划，确认欠款金额。"
        "如果暂时还不上，可以申请延期还款或者分期，说明自己的实际困难。"
        "逾期时间越长，产生的费用越多，对芝麻信用的影响也越大，要尽快处理。"
        "还清以后，花呗的额度一般会在几天内恢复，但评分需要更长的时间回升。"
        "花呗的逾期记录也会上报征信，以后办理信用卡和贷款都可能受到影响。"
        "遇到自称支付宝工作人员要求转账的电话，一定要挂断后拨打官方客服核实。",
    }

    def record(topic: str) -> str:
        text = f"{topic}怎么办\n\n" + bodies[topic]
        return json.dumps({"title": f"{topic}怎么办", "text": text}, ensure_ascii=False)

    pages = tmp_path / "pages"
    pages.mkdir()
    batch = pages / "batch.jsonl"
    batch.write_text("\n".join(record(t) for t in ("信用卡逾期", "网贷被催收", "征信有污点")) + "\n", "utf-8")
    _, first = clean(tmp_path, pages)
    assert [r["status"] for r in first] == ["published"] * 3
    deleted = Path(first[1]["output"])
    deleted.unlink()
    batch.write_text(record("花呗逾期") + "\n" + batch.read_text(encoding="utf-8"), encoding="utf-8")
    _, second = clean(tmp_path, pages)
    by_title = {r["title"]: r for r in second}
    assert not deleted.exists(), "the guide the editor deleted stays deleted"
    assert "deleted" in (by_title["网贷被催收怎么办"]["reason"] or "")
    for old in (first[0], first[2]):
        assert by_title[old["title"]]["id"] == old["id"] and by_title[old["title"]]["output"] == old["output"]
    assert by_title["花呗逾期怎么办"]["status"] == "published"
    assert by_title["花呗逾期怎么办"]["id"] not in {r["id"] for r in first}


def test_front_matter_is_read_again_once_an_editor_changes_it(tmp_path: Path) -> None:
    """The site build's hooks read each guide's front matter through a
    cache (``read_front_matter``): ``mkdocs serve`` runs on while an editor
    saves, and must see the change."""
    guide = tmp_path / "guide.md"
    guide.write_text("---\ntitle: 逾期\nheld: true\nreviewed: false\n---\n正文\n", encoding="utf-8")
    first = read_front_matter(guide)
    assert first == {"title": "逾期", "held": True, "reviewed": False}
    first["title"] = "changed by a caller"
    assert read_front_matter(guide)["title"] == "逾期"
    stat = guide.stat()
    # a save of the same size is told by its modification time
    guide.write_text("---\ntitle: 逾期\nheld: false\nreviewed: true\n---\n正文\n", encoding="utf-8")
    assert guide.stat().st_size == stat.st_size
    os.utime(guide, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    assert read_front_matter(guide) == {"title": "逾期", "held": False, "reviewed": True}
    # and one in the same instant by its size
    guide.write_text("---\ntitle: 逾期了\n---\n", encoding="utf-8")
    os.utime(guide, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    assert read_front_matter(guide) == {"title": "逾期了"}
