"""A cleaning run end to end: guides, manifest, protection of hand edits."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from jinja2 import UndefinedError

from pipeline.run import Run
from pipeline.writers import is_pristine
from tests.conftest import SEEDS

ARTICLE = (
    "逾期以后怎样和平台协商\n\n"
    "逾期以后，很多人不知道第一步该做什么。本文讲清楚协商还款的流程和需要准备的材料。\n\n"
    "一、准备材料\n\n"
    "协商之前，需要准备以下材料：\n\n身份证件\n\n收入证明\n\n"
    "二、联系客服\n\n"
    "通过官方渠道联系客服，说明逾期原因和目前的还款能力，提出延期或分期的请求。"
    "客服会根据情况评估，并在几个工作日内给出答复。\n\n"
    "三、确认结果\n\n"
    "协商成功以后，仔细阅读新的还款协议，确认每期金额和日期，按时还款，并保存好通话录音和聊天记录，"
    "以便日后发生纠纷时作为证据。\n"
)


def run(tmp_path: Path, *sources: Path, **kwargs) -> tuple[Run, list[dict]]:
    manifest = tmp_path / "manifest.jsonl"
    job = Run(tmp_path / "guides", **kwargs)
    job.execute(list(sources), manifest)
    return job, [json.loads(line) for line in manifest.read_text(encoding="utf-8").splitlines()]


@pytest.fixture
def pages(tmp_path: Path) -> Path:
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    return folder


def test_manifest_has_the_agreed_shape(tmp_path: Path, pages: Path) -> None:
    (pages / "empty.txt").write_bytes(b"")
    _, records = run(tmp_path, pages)
    keys = {"source", "id", "status", "duplicate_of", "reason", "title", "text", "output", "findings"}
    keys |= {"damage", "held", "spots"}  # the review gate's verdict
    assert all(set(r) == keys for r in records)
    published, rejected = records
    assert published["status"] == "published" and published["reason"] is None
    assert published["title"] == "逾期以后怎样和平台协商"
    assert "## 一、准备材料" in published["text"]
    assert Path(published["output"]).is_file()
    assert rejected == {
        "source": (pages / "empty.txt").as_posix(),
        "id": rejected["id"],
        "status": "rejected",
        "duplicate_of": None,
        "reason": "empty file",
        "title": None,
        "text": None,
        "output": None,
        "findings": [],
        "damage": None,
        "held": False,
        "spots": [],
    }
    assert published["damage"] == 0 and published["held"] is False


def test_guide_has_front_matter_and_structure(tmp_path: Path, pages: Path) -> None:
    _, [record] = run(tmp_path, pages)
    text = Path(record["output"]).read_text(encoding="utf-8")
    front, body = text.split("\n---\n", 1)
    assert "title: 逾期以后怎样和平台协商" in front
    # the description is the 要点, one point per section
    assert "description: 准备材料；联系客服；确认结果：并保存好通话录音和聊天记录。" in front
    assert "source: a.txt" not in front and f"source: {(pages / 'a.txt').as_posix()}" in front
    assert "- 协商还款" in front
    assert "- 身份证件\n- 收入证明" in body
    assert record["output"].endswith("guides/xieshang/yuqi-yihou-zenyang-he-pingtai-xieshang.md")


def test_rerun_changes_nothing(tmp_path: Path, pages: Path) -> None:
    _, [first] = run(tmp_path, pages)
    before = Path(first["output"]).read_bytes()
    job, [second] = run(tmp_path, pages)
    assert Path(second["output"]).read_bytes() == before
    assert job.summary.writes == {"unchanged": 1}


def test_hand_edits_survive_a_rerun(tmp_path: Path, pages: Path) -> None:
    _, [record] = run(tmp_path, pages)
    guide = Path(record["output"])
    edited = guide.read_text(encoding="utf-8").replace(
        "提出延期或分期的请求", "提出延期或分期的请求（编辑补充）"
    )
    guide.write_text(edited, encoding="utf-8")
    job, [again] = run(tmp_path, pages)
    assert guide.read_text(encoding="utf-8") == edited
    assert job.summary.writes == {"conflict": 1}
    assert any(f["kind"] == "conflict" for f in again["findings"])
    job, _ = run(tmp_path, pages, force=True)
    assert is_pristine(guide.read_text(encoding="utf-8"))


def test_files_not_written_by_the_pipeline_are_not_overwritten(tmp_path: Path, pages: Path) -> None:
    target = tmp_path / "guides" / "xieshang" / "yuqi-yihou-zenyang-he-pingtai-xieshang.md"
    target.parent.mkdir(parents=True)
    target.write_text("---\ntitle: 编辑自己写的\n---\n\n正文\n", encoding="utf-8")
    _, [record] = run(tmp_path, pages)
    assert target.read_text(encoding="utf-8").startswith("---\ntitle: 编辑自己写的")
    assert record["output"] != target.as_posix()  # a free name was taken instead


def test_exact_duplicates_are_marked(tmp_path: Path, pages: Path) -> None:
    (pages / "b.txt").write_text("首页 > 协商\n\n" + ARTICLE, encoding="utf-8")
    _, (a, b) = run(tmp_path, pages)
    assert a["status"] == "published"
    assert b["status"] == "duplicate" and b["duplicate_of"] == a["id"] and b["output"] is None


def test_page_that_is_all_chrome_is_rejected(tmp_path: Path, pages: Path) -> None:
    (pages / "chrome.txt").write_text(
        "逾期频道\n\n首页 > 逾期动态\n\n来源:某某网\n\n一句话。\n\nCopyright © 2024", encoding="utf-8"
    )
    _, records = run(tmp_path, pages)
    chrome = next(r for r in records if r["source"].endswith("chrome.txt"))
    assert chrome["status"] == "rejected" and chrome["reason"].startswith("too short after cleaning")
    assert chrome["findings"], "what was removed is still reported"


def test_markup_in_a_page_is_inert(tmp_path: Path, pages: Path) -> None:
    (pages / "a.txt").write_text(
        ARTICLE.replace(
            "提出延期或分期的请求", '提出请求<script>alert(1)</script><img src=x onerror="alert(2)">'
        ),
        encoding="utf-8",
    )
    _, [record] = run(tmp_path, pages)
    text = Path(record["output"]).read_text(encoding="utf-8")
    assert "<script" not in text and "<img" not in text and "onerror" not in text
    assert "提出请求" in text
    assert any(f["kind"] == "markup" for f in record["findings"])


def test_site_templates_override_the_shipped_ones(tmp_path: Path, pages: Path) -> None:
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "guide.md.j2").write_text(
        "---\n{{ guide.front_matter() | yaml }}\n---\n\n定制：{{ guide.title }}\n"
    )
    _, [record] = run(tmp_path, pages, templates=templates)
    assert "定制：逾期以后怎样和平台协商" in Path(record["output"]).read_text(encoding="utf-8")


def test_template_naming_a_missing_field_fails(tmp_path: Path, pages: Path) -> None:
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "guide.md.j2").write_text("---\n---\n{{ guide.no_such_field }}\n")
    run(tmp_path, pages)
    manifest = (tmp_path / "manifest.jsonl").read_bytes()
    with pytest.raises(UndefinedError):
        run(tmp_path, pages, templates=templates, force=True)
    assert (tmp_path / "manifest.jsonl").read_bytes() == manifest, (
        "a failed run leaves the manifest as it was"
    )
    assert not list(tmp_path.glob(".manifest.jsonl.*.tmp")), "and no half-written one beside it"


def test_samples_get_one_guide_each(tmp_path: Path) -> None:
    _, records = run(tmp_path, SEEDS)
    assert [r["status"] for r in records] == ["published"] * 4
    assert len({r["output"] for r in records}) == 4
    assert (tmp_path / "guides" / "index.md").is_file()
    indexes = sorted(p.parent.name for p in (tmp_path / "guides").glob("*/index.md"))
    assert indexes == ["cuishou", "fangzha", "tousu", "xieshang", "yuqi", "zhengxin"]


def test_written_files_are_readable_by_others(tmp_path: Path, pages: Path) -> None:
    _, [record] = run(tmp_path, pages)
    mode = Path(record["output"]).stat().st_mode & 0o777
    assert mode & 0o044 == 0o044, oct(mode)
    assert (tmp_path / "manifest.jsonl").stat().st_mode & 0o044 == 0o044
