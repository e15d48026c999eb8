"""A guide's description and its last-updated date.

The description (front matter → ``<meta name="description">``, and the
line under the guide on its category page) is the guide's 要点, else the
opening of its first real paragraph, cut where a sentence or a clause ends,
escaped like every value from a scraped page. The date is the day the
guide's published text last changed: kept in the state, unchanged by a
run that publishes the same text, never changed on a guide an editor owns,
shown on the page and given to ``sitemap.xml`` as its ``<lastmod>``.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import lxml.etree
import pytest
from click.testing import CliRunner

import pipeline.stages.publish as publish_stage
from pipeline.cleaners import Cleaned
from pipeline.cli import main
from pipeline.guide import DESCRIPTION_MAX, clip
from pipeline.record import Document
from pipeline.run import Run
from pipeline.stages.clean import Composer
from pipeline.state import Outputs
from pipeline.untrusted import is_plain_line
from pipeline.writers import is_pristine, read_front_matter
from tests.conftest import ROOT, SEEDS, copy_project, mark_reviewed

COMPOSER = Composer()

ARTICLE = (
    "逾期以后怎样和平台协商\n\n"
    "逾期以后，很多人不知道第一步该做什么。本文讲清楚协商还款的流程和需要准备的材料。\n\n"
    "一、逾期的后果\n\n"
    "逾期会影响个人征信，还会产生罚息，用户应尽快还清欠款。\n\n"
    "二、协商的流程\n\n"
    "通过官方渠道联系客服，说明逾期原因和目前的还款能力，建议保存通话录音。"
    "客服会根据情况评估，并在几个工作日内给出答复。\n\n"
    "三、总结\n\n"
    "协商成功以后，仔细阅读新的还款协议，确认每期金额和日期，按时还款。\n"
)


def compose(title: str, text: str) -> tuple[list[str], str, str]:
    """The 要点, the description and the Markdown of a cleaned page."""
    guide, markdown = COMPOSER.compose(Document(source="/pages/a.txt", text=""), Cleaned(title, text))
    return guide.summary, guide.description, markdown


# --- the description ---------------------------------------------------------


def test_the_description_is_the_guides_summary() -> None:
    summary, description, markdown = compose("逾期以后怎样和平台协商", ARTICLE.split("\n\n", 1)[1])
    assert summary == ["逾期的后果：用户应尽快还清欠款", "协商的流程：建议保存通话录音", "总结"]
    # a bare closing label (总结) says nothing about the guide
    assert description == "逾期的后果：用户应尽快还清欠款；协商的流程：建议保存通话录音。"
    assert f"description: {description}\n" in markdown
    assert "逾期以后，很多人不知道" not in description, "not the first sentence"


def test_without_a_summary_the_description_is_the_first_real_paragraph() -> None:
    text = (
        "引语：短\n\n"
        "逾期以后平台一般会先发短信提醒，随后电话联系，再后来委托第三方机构。"
        "这一段是第二句，说明催收的各个阶段。第三句不会出现在描述里面。\n"
    )
    summary, description, _ = compose("逾期以后会怎样", text)
    assert summary == []
    assert description == "逾期以后平台一般会先发短信提醒，随后电话联系，再后来委托第三方机构。"


def test_a_long_summary_is_cut_after_a_whole_point() -> None:
    sections = "".join(
        f"{n}、关于逾期以后第{n}个需要特别留意的常见问题与处理办法\n\n"
        f"第{n}段正文，用户应主动联系平台说明情况，保留证据。\n\n"
        for n in "一二三四五六"
    )
    intro = "引言，本文列出需要留意的问题。\n\n"
    summary, description, _ = compose("逾期以后需要留意的问题", intro + sections)
    assert len(summary) == 6 and len("；".join(summary)) > DESCRIPTION_MAX
    assert len(description) <= DESCRIPTION_MAX
    assert description.endswith("。")
    points = description[:-1].split("；")
    assert 1 <= len(points) < 6 and points == summary[: len(points)], "whole points, in order"


def test_a_long_sentence_is_cut_after_a_clause_and_full_width_stays() -> None:
    first = (
        "逾期以后，平台会先发短信和电话提醒，"
        + "如果仍然没有还款，可能委托第三方机构上门催收，"
        + "并把逾期记录报送人民银行征信中心，影响以后办理信用卡、房贷、车贷和其他各种贷款业务的审批结果，"
        + "所以一定要尽早和平台联系协商还款方案，争取停息挂账或者分期还款，并且保存好每一次沟通的记录。"
    )
    assert len(first) > DESCRIPTION_MAX
    summary, description, _ = compose("逾期以后会怎样", first + "\n")
    assert summary == []
    assert len(description) <= DESCRIPTION_MAX
    assert description.endswith("……") and first.startswith(description[:-2])
    assert first[len(description) - 2] in "，、：", "cut where a clause ends"
    assert "," not in description and "，" in description, "full-width punctuation is kept"


def test_a_description_is_never_cut_inside_a_word() -> None:
    # no sentence or clause ends within the limit: the title, not a clipped word
    assert clip("逾期" * 80, DESCRIPTION_MAX) is None
    _, description, _ = compose("逾期以后会怎样", "逾期以后平台会" * 30 + "\n")
    assert description == "逾期以后会怎样"


def test_hostile_text_in_the_summary_is_escaped(tmp_path: Path) -> None:
    article = (
        "逾期以后怎么办\n\n"
        "引言，说明本文讲什么内容，帮助读者了解逾期以后应该怎么处理。\n\n"
        '一、逾期"><svg onload=alert(1)>的后果\n\n'
        "逾期会影响个人征信，用户应尽快还清欠款。逾期记录会在征信报告上保留五年，从还清欠款之日起计算。\n\n"
        "二、[点我](javascript:alert(2))协商的流程 *强调*\n\n"
        "先准备材料，然后联系客服，建议保存通话录音。客服会根据情况评估，并在几个工作日内给出答复。\n"
    )
    summary, description, _ = compose("逾期以后怎么办", article.split("\n\n", 1)[1])
    assert any("<svg" in point for point in summary), "the payload reached the 要点"
    assert is_plain_line(description), description
    assert "<" not in description and "svg" not in description and '"' not in description
    assert "协商的流程" in description

    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "a.txt").write_text(article, encoding="utf-8")
    Run(tmp_path / "guides").execute([pages], tmp_path / "manifest.jsonl")
    [guide] = [p for p in (tmp_path / "guides").rglob("*.md") if not p.name.startswith(("index", "page-"))]
    meta = read_front_matter(guide)
    assert is_plain_line(meta["description"]) and "；" in meta["description"]
    # the category page lists the description as text: no markup, no emphasis
    listing = (guide.parent / "index.md").read_text(encoding="utf-8")
    line = next(x for x in listing.splitlines() if guide.name in x)
    assert line.endswith(f"：{meta['description'].replace('*', chr(92) + '*')}")
    assert r"\*强调\*" in line and "＂＞" in line
    assert "<svg" not in listing and "javascript" not in listing


# --- the last-updated date ---------------------------------------------------


@pytest.fixture
def pages(tmp_path: Path) -> Path:
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    return folder


def clean_on(
    day: str, tmp: Path, monkeypatch: pytest.MonkeyPatch, *sources: Path, **kwargs
) -> tuple[Run, Path]:
    """A run on ``day``; the guide it published (or found)."""
    monkeypatch.setattr(publish_stage, "today", lambda: day)
    job = Run(tmp / "guides", state=tmp / "state.sqlite", **kwargs)
    job.execute(list(sources), tmp / "manifest.jsonl")
    records = [json.loads(x) for x in (tmp / "manifest.jsonl").read_text(encoding="utf-8").splitlines()]
    return job, Path(records[0]["output"])


def date_in_state(tmp: Path, guide_id: str) -> str | None:
    db = sqlite3.connect(tmp / "state.sqlite")
    try:
        return Outputs(db).date_of(guide_id)[1]
    finally:
        db.close()


def dates_on_page(guide: Path) -> tuple[str, list[str]]:
    text = guide.read_text(encoding="utf-8")
    return str(read_front_matter(guide)["updated"]), re.findall(r"更新于 (\S+?)。", text)


def test_the_date_is_kept_by_a_run_that_publishes_the_same_text(
    tmp_path: Path, pages: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, guide = clean_on("2026-03-01", tmp_path, monkeypatch, pages)
    assert dates_on_page(guide) == ("2026-03-01", ["2026-03-01"])
    assert "<small>更新于 2026-03-01。</small>" in guide.read_text(encoding="utf-8")
    first = guide.read_bytes()
    guide_id = read_front_matter(guide)["guide_id"]
    assert date_in_state(tmp_path, guide_id) == "2026-03-01"

    job, _ = clean_on("2026-03-02", tmp_path, monkeypatch, pages)
    assert guide.read_bytes() == first and job.summary.skipped_inputs == 1
    # a guide touched but not changed is read and found as written: the
    # state records its new time, and keeps its date
    os.utime(guide, ns=(guide.stat().st_atime_ns, guide.stat().st_mtime_ns + 10**9))
    clean_on("2026-03-02", tmp_path, monkeypatch, pages)
    assert date_in_state(tmp_path, guide_id) == "2026-03-01"
    # cleaned and published again (--force): the same text, the same date
    job, _ = clean_on("2026-03-03", tmp_path, monkeypatch, pages, force=True)
    assert job.summary.writes == {"unchanged": 1} and job.summary.skipped_inputs == 0
    assert guide.read_bytes() == first
    assert date_in_state(tmp_path, guide_id) == "2026-03-01"


def test_the_date_changes_when_the_text_changes(
    tmp_path: Path, pages: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, guide = clean_on("2026-03-01", tmp_path, monkeypatch, pages)
    with (pages / "a.txt").open("a", encoding="utf-8") as handle:
        handle.write("\n四、保存证据\n\n所有沟通都要保存好记录，用户应保存好聊天记录和通话录音。\n")
    job, again = clean_on("2026-04-15", tmp_path, monkeypatch, pages)
    assert again == guide and job.summary.writes == {"updated": 1}
    assert "保存好聊天记录" in guide.read_text(encoding="utf-8")
    assert dates_on_page(guide) == ("2026-04-15", ["2026-04-15"])
    assert date_in_state(tmp_path, read_front_matter(guide)["guide_id"]) == "2026-04-15"


def test_a_guide_edited_by_hand_keeps_its_date(
    tmp_path: Path, pages: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, guide = clean_on("2026-03-01", tmp_path, monkeypatch, pages)
    guide_id = read_front_matter(guide)["guide_id"]
    edited = guide.read_text(encoding="utf-8").replace("建议保存通话录音", "建议保存通话录音（编辑补充）")
    guide.write_text(edited, encoding="utf-8")
    with (pages / "a.txt").open("a", encoding="utf-8") as handle:
        handle.write("\n四、保存证据\n\n所有沟通都要保存好记录，用户应保存好聊天记录和通话录音。\n")
    job, _ = clean_on("2026-04-15", tmp_path, monkeypatch, pages)
    assert job.summary.writes == {"conflict": 1}
    assert guide.read_text(encoding="utf-8") == edited
    assert date_in_state(tmp_path, guide_id) == "2026-03-01", "the state's date is not moved either"
    # --force replaces the editor's version: the published text changes today
    clean_on("2026-05-20", tmp_path, monkeypatch, pages, force=True)
    assert is_pristine(guide.read_text(encoding="utf-8"))
    assert dates_on_page(guide) == ("2026-05-20", ["2026-05-20"])


@pytest.mark.parametrize("state", ["from before dates were kept", "started again"])
def test_a_state_without_dates_takes_them_from_the_guides(
    tmp_path: Path, pages: Path, monkeypatch: pytest.MonkeyPatch, state: str
) -> None:
    _, guide = clean_on("2026-03-01", tmp_path, monkeypatch, pages)
    first = guide.read_bytes()
    if state == "started again":  # a broken state is moved aside and begun anew
        (tmp_path / "state.sqlite").unlink()
    else:  # the outputs table as it was before guides had dates
        db = sqlite3.connect(tmp_path / "state.sqlite")
        db.execute("ALTER TABLE outputs DROP COLUMN updated")
        db.execute("ALTER TABLE outputs DROP COLUMN text_hash")
        db.commit()
        db.close()
    clean_on("2026-06-01", tmp_path, monkeypatch, pages, force=True)
    assert guide.read_bytes() == first, "the same text keeps the date the guide shows"
    assert date_in_state(tmp_path, read_front_matter(guide)["guide_id"]) == "2026-03-01"


# --- on the built site -------------------------------------------------------

HAND_DATED = """---
title: 编辑写的指南
description: 编辑手工写的一篇指南。
category: 逾期处理
updated: 2025-12-24
---

# 编辑写的指南

编辑手工写的一篇指南，日期由编辑维护。
"""
HOSTILE_DATE = """---
title: 日期是标记的指南
description: 日期里有标记。
category: 逾期处理
updated: "2025-01-01</lastmod><script>alert('date')</script>"
---

# 日期是标记的指南

front matter 里的日期不是日期。
"""
RUN_DAY = "2024-03-05"


@pytest.fixture(scope="module")
def dated_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The sample pages cleaned on RUN_DAY, with two guides written by hand
    (one dated by its editor, one with markup for a date), built with the
    README's build command; the sample guides the review gate holds are
    then marked reviewed, as an editor does, and the site built again."""
    project = tmp_path_factory.mktemp("dated")
    copy_project(project)
    folder = project / "content" / "guides" / "yuqi"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "bianji.md").write_text(HAND_DATED, encoding="utf-8")
    (folder / "biaoji.md").write_text(HOSTILE_DATE, encoding="utf-8")
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(project)
        patch.setattr(publish_stage, "today", lambda: RUN_DAY)
        patch.setenv("PYTHONPATH", str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
        result = CliRunner().invoke(main, ["build", "--sources", str(SEEDS)])
        assert result.exit_code == 0, result.output
        mark_reviewed(project)
        result = CliRunner().invoke(main, ["build", "--sources", str(SEEDS)])
    assert result.exit_code == 0, result.output
    yield project
    shutil.rmtree(project / "site", ignore_errors=True)


def test_the_date_is_on_the_guide_page_and_is_the_sitemaps_lastmod(dated_site: Path) -> None:
    site = dated_site / "site"
    sitemap = lxml.etree.fromstring((site / "sitemap.xml").read_bytes())
    lastmod = {
        url.findtext("{*}loc").split("/", 3)[3]: url.findtext("{*}lastmod") for url in sitemap.iter("{*}url")
    }
    guides = [
        p for p in (dated_site / "content" / "guides").rglob("*.md") if read_front_matter(p).get("guide_id")
    ]
    assert len(guides) == 4
    for guide in guides:
        page = guide.relative_to(dated_site / "content").with_suffix("").as_posix() + "/"
        assert lastmod[page] == RUN_DAY, page
        html = (site / page / "index.html").read_text(encoding="utf-8")
        assert f"更新于 {RUN_DAY}。" in html
    # an editor's own date (YAML reads it as a date) is the page's lastmod
    assert lastmod["guides/yuqi/bianji/"] == "2025-12-24"
    # a date that is not a date is dropped: the page keeps the build date
    build_day = lastmod[""]
    assert build_day != RUN_DAY and re.fullmatch(r"\d{4}-\d{2}-\d{2}", build_day)
    assert lastmod["guides/yuqi/biaoji/"] == build_day
    raw = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert "<script" not in raw and "alert" not in raw
