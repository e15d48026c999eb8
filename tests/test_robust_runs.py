"""Inputs and situations an operator meets on a batch nobody has looked at:
none of them may stop, stall or corrupt the run, and none may lose an
article without a record."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.cli import main
from pipeline.readers import Rejection, iter_files, read_file
from pipeline.readers.htmlpage import extract_html
from pipeline.run import Run
from pipeline.state import RunLock, StateError
from tests.conftest import SEEDS

ARTICLE = (
    "逾期以后怎样和平台协商\n\n"
    "逾期以后，很多人不知道第一步该做什么。其实最重要的是主动联系平台的官方客服，说明自己的实际困难和还款意愿。\n\n"
    "准备好收入证明、困难证明等材料，提出分期还款或者延期还款的请求，平台一般会根据情况给出方案。\n\n"
    "协商成功以后一定要保存好书面协议或者短信记录，按照约定的时间还款，避免再次逾期影响征信。\n\n"
    "如果平台不同意协商，也不要失去耐心，可以过一段时间再联系，或者向金融监管部门反映自己的情况，"
    "但一定不要相信网上所谓的代办机构，他们往往会先收取高额的手续费，然后就联系不上了。"
)


def records(manifest: Path) -> list[dict]:
    return [json.loads(line) for line in manifest.read_text(encoding="utf-8").splitlines()]


def clean(tmp: Path, *sources: Path, **options) -> tuple[Run, list[dict]]:  # type: ignore[no-untyped-def]
    run = Run(tmp / "guides", state=tmp / ".pipeline" / "state.sqlite", **options)
    run.execute(list(sources), tmp / ".pipeline" / "manifest.jsonl")
    return run, records(tmp / ".pipeline" / "manifest.jsonl")


def snapshot(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): p.read_text(encoding="utf-8") for p in sorted(folder.rglob("*.md"))
    }


def test_jsonl_records_may_hold_unicode_line_separators(tmp_path: Path) -> None:
    lines = [
        {"url": f"https://a.example/{i}", "title": f"标题{i}", "text": f"正文\u2028第{i}篇\u2029还有\x85一段"}
        for i in range(3)
    ]
    page = tmp_path / "batch.jsonl"
    page.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in lines), encoding="utf-8")
    docs = list(read_file(page))
    assert [d.source for d in docs] == [f"{page.as_posix()}#{i}" for i in (1, 2, 3)]
    assert not any(isinstance(d, Rejection) for d in docs)


def test_a_folder_that_cannot_be_entered_is_a_rejection(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pages = tmp_path / "pages"
    (pages / "locked").mkdir(parents=True)
    (pages / "locked" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (pages / "b.txt").write_text(ARTICLE.replace("协商", "谈判"), encoding="utf-8")
    real = Path.lstat

    def lstat(self: Path):  # type: ignore[no-untyped-def]
        if self.name == "locked":
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    # the tests run as root, whom permissions do not stop
    monkeypatch.setattr(Path, "lstat", lstat)
    found = list(iter_files([pages]))
    monkeypatch.undo()
    [rejection] = [f for f in found if isinstance(f, Rejection)]
    assert rejection.source.endswith("locked") and "Permission denied" in rejection.reason
    assert [f.name for f in found if not isinstance(f, Rejection)] == ["b.txt"]


def test_a_symlink_loop_is_a_rejection(tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "a.txt").write_text(ARTICLE, encoding="utf-8")
    os.symlink(pages / "loop1", pages / "loop2")
    os.symlink(pages / "loop2", pages / "loop1")
    os.symlink(pages, pages / "up")  # a link to a folder: not followed
    _, manifest = clean(tmp_path, pages)
    by_name = {Path(r["source"]).name: r for r in manifest}
    assert by_name["a.txt"]["status"] == "published"
    for name in ("loop1", "loop2", "up"):
        assert by_name[name]["status"] == "rejected", name
        assert by_name[name]["reason"]


def test_text_nested_ten_thousand_levels_deep_is_kept() -> None:
    text = "逾期以后要尽快和平台协商还款，说明自己的困难。" * 5
    page = extract_html(
        "<html><body>" + "<div>" * 10_000 + f"<p>{text}</p>" + "</div>" * 10_000 + "</body></html>"
    )
    assert page.text == text
    page = extract_html("<body>" + "<div><b>" * 2000 + f"<p>{text}</p>" + "</b></div>" * 2000 + "</body>")
    assert page.text == text


def test_a_page_deeper_than_the_parser_reads_is_rejected_with_the_reason(tmp_path: Path) -> None:
    page = tmp_path / "deep.html"
    page.write_text(
        "<body>" + "<div>层" * 3000 + "<p>正文</p>" + "</div>" * 3000 + "</body>", encoding="utf-8"
    )
    [rejection] = list(read_file(page))
    assert isinstance(rejection, Rejection) and "levels deep" in rejection.reason


def test_rich_markup_in_paths_and_text_is_printed_as_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    # a folder whose name ends with [ holds files whose names start with b]
    # and red]: their paths read pages[/b].txt and pages[/red]empty.txt
    pages = tmp_path / "pages["
    pages.mkdir()
    (pages / "b].txt").write_text(
        ARTICLE + "\n\n[/b] [bold]论坛[/i]格式的文字，电话13912345678。", encoding="utf-8"
    )
    (pages / "red]empty.txt").write_text("", encoding="utf-8")
    result = CliRunner().invoke(main, ["clean", str(pages)])
    assert result.exit_code == 0, result.output
    assert "pages[/red]empty.txt: rejected: empty file" in result.output
    result = CliRunner().invoke(main, ["explain", str(pages / "b].txt")])
    assert result.exit_code == 0, result.output
    assert "~ [/b] [bold]论坛[/i]格式的文字，电话[-139****5678-]{+〔已隐去〕+}。" in result.output


def test_a_second_run_over_the_same_state_stops_with_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    lock = RunLock(tmp_path / ".pipeline" / "state.sqlite")
    lock.acquire()
    try:
        with pytest.raises(StateError, match="in use by the run of process"):
            Run(tmp_path / "guides", state=tmp_path / ".pipeline" / "state.sqlite")
        result = CliRunner().invoke(main, ["clean", str(SEEDS)])
        assert result.exit_code == 1
        assert "error:" in result.output and "is in use by the run of process" in result.output
        assert "Traceback" not in result.output
    finally:
        lock.release()
    result = CliRunner().invoke(main, ["clean", str(SEEDS)])
    assert result.exit_code == 0, "the lock goes with the run that held it"


@pytest.mark.parametrize("damage", ["truncate", "garbage"])
def test_a_broken_state_is_moved_aside_and_edits_stay_protected(tmp_path: Path, damage: str) -> None:
    _, first = clean(tmp_path, SEEDS)
    edited = Path(first[0]["output"])
    edited.write_text(edited.read_text(encoding="utf-8") + "\n编辑补充的一段。\n", encoding="utf-8")
    state = tmp_path / ".pipeline" / "state.sqlite"
    data = state.read_bytes()
    state.write_bytes(data[: len(data) // 3] if damage == "truncate" else os.urandom(4096))
    run, second = clean(tmp_path, SEEDS)
    assert any("was not a readable state" in m for m in run.summary.messages)
    assert list(state.parent.glob("state.sqlite.broken-*")), "the broken file is kept for a look"
    assert "编辑补充的一段。" in edited.read_text(encoding="utf-8"), "the hand edit survives"
    assert any("has hand edits" in c for c in run.summary.conflicts)
    assert [r["status"] for r in second] == ["published"] * 4


def test_temporary_manifests_of_killed_runs_are_cleaned_up(tmp_path: Path) -> None:
    folder = tmp_path / ".pipeline"
    folder.mkdir()
    leftovers = [folder / f".manifest.jsonl.{n}.tmp" for n in ("abc", "def")]
    for path in leftovers:
        path.write_text("{}", encoding="utf-8")
    run, _ = clean(tmp_path, SEEDS)
    assert not any(path.exists() for path in leftovers)
    assert sum("left by an interrupted run" in m for m in run.summary.messages) == 2


def test_a_dry_run_writes_nothing_at_all(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fresh = tmp_path / "fresh"
    fresh.mkdir()
    monkeypatch.chdir(fresh)
    result = CliRunner().invoke(main, ["clean", str(SEEDS), "--dry-run"])
    assert result.exit_code == 0, result.output
    assert list(fresh.iterdir()) == [], "not even .pipeline/"
    # with a state from an earlier run: the state file is not touched
    monkeypatch.chdir(tmp_path)
    assert CliRunner().invoke(main, ["clean", str(SEEDS)]).exit_code == 0
    state = tmp_path / ".pipeline" / "state.sqlite"
    before = (hashlib.sha256(state.read_bytes()).hexdigest(), state.stat().st_mtime_ns)
    extra = tmp_path / "more"
    extra.mkdir()
    (extra / "new.txt").write_text(ARTICLE, encoding="utf-8")
    result = CliRunner().invoke(main, ["clean", str(SEEDS), str(extra), "--force", "--dry-run"])
    assert result.exit_code == 0, result.output
    assert "would be new" in result.output
    assert (hashlib.sha256(state.read_bytes()).hexdigest(), state.stat().st_mtime_ns) == before


def test_the_manifest_describes_every_input_the_state_knows(tmp_path: Path) -> None:
    _, first = clean(tmp_path, SEEDS)
    extra = tmp_path / "more"
    extra.mkdir()
    (extra / "new.txt").write_text(ARTICLE, encoding="utf-8")
    run, second = clean(tmp_path, extra)
    assert run.summary.statuses["published"] == 1, "the run's own changes are its own"
    assert {r["source"] for r in second} == {r["source"] for r in first} | {(extra / "new.txt").as_posix()}
    assert len(second) == 5


def test_an_output_folder_that_cannot_be_made_is_a_one_line_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    result = CliRunner().invoke(main, ["clean", str(SEEDS), "--out", str(blocker / "guides")])
    assert result.exit_code == 1
    assert "error:" in result.output and "Traceback" not in result.output


def test_a_page_past_its_time_budget_is_rejected_with_the_reason(tmp_path: Path) -> None:
    from pipeline.cleaners import CleanerConfig

    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "fine.txt").write_text(ARTICLE, encoding="utf-8")
    damaged = ARTICLE.encode("gb18030")
    damaged = damaged[:60] + damaged[61:]  # one byte lost: the rest decoded out of step
    text = damaged.decode("gb18030", errors="replace") + "联系13912345678"
    (pages / "slipped.txt").write_text(text, encoding="utf-8")
    _, manifest = clean(tmp_path, pages, cleaner_config=CleanerConfig(time_budget=0.0))
    by_name = {Path(r["source"]).name: r for r in manifest}
    assert by_name["fine.txt"]["status"] == "published", "a page without damage needs no repair"
    slipped = by_name["slipped.txt"]
    assert slipped["status"] == "rejected" and "time budget" in slipped["reason"]
    assert slipped["text"] is None and slipped["title"] is None, "its text did not go through the PII step"
    assert [f["kind"] for f in slipped["findings"]] == ["flag_time_budget"]
    # with the usual budget the same page is repaired and published
    alone = tmp_path / "alone"
    alone.mkdir()
    (alone / "slipped.txt").write_text(text, encoding="utf-8")
    _, [record] = clean(tmp_path / "again", alone)
    assert record["status"] == "published"


def _files(folder: Path) -> dict[Path, str]:
    return {p: p.read_text(encoding="utf-8") for p in sorted(folder.rglob("*.md"))}


def test_the_same_file_name_in_two_folders_is_two_inputs(tmp_path: Path) -> None:
    site1, site2 = tmp_path / "site1", tmp_path / "site2"
    site1.mkdir()
    site2.mkdir()
    card = "信用卡逾期以后，银行会先发短信提醒，然后打电话催收。" * 8
    report = "个人可以在人民银行征信中心的网站上免费查询自己的信用报告。" * 8
    (site1 / "page.txt").write_text(f"信用卡逾期了怎么办\n\n{card}", encoding="utf-8")
    (site2 / "page.txt").write_text(f"征信报告怎么查询\n\n{report}", encoding="utf-8")
    _, first = clean(tmp_path, site1, site2)
    assert [r["status"] for r in first] == ["published", "published"]
    assert len({r["id"] for r in first}) == 2
    assert all(Path(r["output"]).exists() for r in first)
    guides = _files(tmp_path / "guides")
    manifest = (tmp_path / ".pipeline" / "manifest.jsonl").read_text(encoding="utf-8")
    clean(tmp_path, site1, site2, force=True)
    assert _files(tmp_path / "guides") == guides, "a re-run is byte-identical"
    assert (tmp_path / ".pipeline" / "manifest.jsonl").read_text(encoding="utf-8") == manifest


def test_a_state_keyed_by_file_names_keeps_its_guides_ids(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A state written when inputs were keyed by their path inside the
    folder: its guides keep their ids, files and hand edits."""
    import pipeline.stages.plan as plan_stage
    from pipeline.readers import InputFile

    pages = tmp_path / "pages"
    shutil.copytree(SEEDS, pages)
    real = plan_stage.iter_files

    def keyed_by_name(sources):  # type: ignore[no-untyped-def]
        for entry in real(sources):
            yield InputFile(entry.path, entry.name, entry.name) if isinstance(entry, InputFile) else entry

    monkeypatch.setattr(plan_stage, "iter_files", keyed_by_name)
    _, old = clean(tmp_path, pages)
    monkeypatch.undo()
    edited = Path(old[0]["output"])
    edited.write_text(edited.read_text(encoding="utf-8") + "\n编辑补充。\n", encoding="utf-8")
    run, new = clean(tmp_path, pages)

    def placed(records: list[dict]) -> list[tuple]:
        return [(r["id"], r["status"], r["output"]) for r in records]

    assert placed(new) == placed(old)
    assert run.summary.skipped_inputs == 4, "unchanged inputs are still known"
    assert "编辑补充。" in edited.read_text(encoding="utf-8")
    page = pages / Path(old[1]["source"]).name
    page.write_text(page.read_text(encoding="utf-8") + "\n补充的一段话。", encoding="utf-8")
    _, changed = clean(tmp_path, pages)
    assert placed(changed) == placed(old), "a changed page keeps its guide"
    guides = [
        p.name for p in (tmp_path / "guides").rglob("*.md") if not p.name.startswith(("index", "page-"))
    ]
    assert len(guides) == 4, "no second guide for the same page"


def test_prune_retires_the_guides_of_deleted_inputs_but_not_edited_ones(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    pages = tmp_path / "pages"
    shutil.copytree(SEEDS, pages)
    assert CliRunner().invoke(main, ["clean", str(pages)]).exit_code == 0
    manifest = records(tmp_path / ".pipeline" / "manifest.jsonl")
    gone, edited_gone = manifest[0], manifest[1]
    edited = Path(edited_gone["output"])
    edited.write_text(edited.read_text(encoding="utf-8") + "\n编辑补充。\n", encoding="utf-8")
    for record in (gone, edited_gone):
        Path(record["source"]).unlink()
    dry = CliRunner().invoke(main, ["prune", "--dry-run"])
    assert dry.exit_code == 0, dry.output
    assert f"would be removed: {gone['output']}" in dry.output
    assert Path(gone["output"]).exists(), "a dry run removes nothing"
    result = CliRunner().invoke(main, ["prune"])
    assert result.exit_code == 0, result.output
    assert not Path(gone["output"]).exists()
    assert edited.exists() and "has hand edits but its input is gone" in result.output
    assert all(Path(r["output"]).exists() for r in manifest[2:]), "the others stay"
    # the state forgot the retired input; the next run does not bring it back
    assert CliRunner().invoke(main, ["clean", str(pages)]).exit_code == 0
    sources = {r["source"] for r in records(tmp_path / ".pipeline" / "manifest.jsonl")}
    assert gone["source"] not in sources and edited_gone["source"] in sources
    result = CliRunner().invoke(main, ["prune", "--force"])
    assert not edited.exists()


def test_a_trial_run_into_another_folder_keeps_its_own_state(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = tmp_path / "project"
    project.mkdir()
    monkeypatch.chdir(project)
    trial = tmp_path / "trial" / "guides"
    result = CliRunner().invoke(main, ["clean", str(SEEDS), "--out", str(trial)])
    assert result.exit_code == 0, result.output
    assert not (project / ".pipeline").exists(), "the site's state is not touched by a trial run"
    assert (tmp_path / "trial" / ".pipeline" / "state.sqlite").exists()
    assert len(records(tmp_path / "trial" / ".pipeline" / "manifest.jsonl")) == 4
