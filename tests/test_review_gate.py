"""The review gate (``pipeline/review.py``): a guide with damage a reader
would see is written as a draft that ``mkdocs serve`` shows editors and
``mkdocs build`` leaves out, until an editor fixes it and marks it
reviewed; the editors' quality report lists the drafts first."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline import review
from pipeline.quality import render_report
from pipeline.record import Finding
from pipeline.run import Run
from pipeline.sitesearch import indexed_pages
from pipeline.writers import is_pristine, read_front_matter
from tests.conftest import ROOT, build_project, served_page

CLEAN = """催收电话太多，如何应对合规催收

逾期以后接到催收电话是很常见的事情。正规的催收人员会核实身份、说明欠款金额，并提醒尽快还款，借款人不必过度恐慌。

一、了解催收的正常流程
逾期初期一般是短信和电话提醒，之后可能由第三方机构继续联系，整个过程都应当遵守相关规定。

二、主动说明还款计划
接到催收电话时，可以如实说明自己的收入情况和还款安排，争取对方理解，约定可行的还款时间。

三、记住可以求助的渠道
如果催收方式超出合理范围，可以拨打平台官方客服电话反映，也可以向监管部门寻求帮助。
"""
# one word cut out of a sentence (辱骂、恐吓等 lost 恐吓), and a word found
# nowhere else, to look for in the built site
HOLE = "存在辱骂、等不当行为"
FIXED = "存在辱骂、恐吓等不当行为"
DAMAGED = f"""网贷逾期后接到催收电话怎么办

很多借款人在网贷逾期以后会接到大量催收电话，心里非常紧张。遇到这种情况，首先要保持冷静，弄清楚自己欠了多少钱、逾期了多久。

一、核实对方身份
接到电话后，先问清楚对方的姓名和所在机构，再通过平台官方渠道核实，防止遇到冒充催收的诈骗分子。

二、保留证据
如果对方在电话里{HOLE}，要保存好通话录音和短信截图，这些都是日后投诉的重要证据。蓝鲸分期宝的用户也可以向平台反映。

三、向监管部门投诉
可以向银保监部门或者互联网金融协会投诉，维护自己的合法权益，同时尽量筹钱还款。
"""
UNIQUE = "蓝鲸分期宝"
DRAFT = "guides/cuishou/wangdai-yuqi-hou-jiedao-cuishou-dianhua-zenmeban"
PUBLIC = "guides/cuishou/cuishou-dianhua-tai-duo-ruhe-yingdui-hegui-cuishou"


def write_pages(folder: Path, damaged: str = DAMAGED) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "clean.txt").write_text(CLEAN, encoding="utf-8")
    (folder / "damaged.txt").write_text(damaged, encoding="utf-8")
    return folder


def mkdocs_build(project: Path) -> Path:
    """A plain ``mkdocs build``, no pipeline run before it."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONPATH=str(ROOT))
    command = [sys.executable, "-m", "mkdocs", "build", "--strict"]
    result = subprocess.run(command, cwd=project, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return project / "site"


def site_text(site: Path) -> str:
    """Every text file of a built site, and what its search index holds."""
    files = [p.read_text(encoding="utf-8", errors="replace") for p in sorted(site.rglob("*")) if p.is_file()]
    return "\n".join(files + [json.dumps(page, ensure_ascii=False) for page in indexed_pages(site)])


# --- the score -------------------------------------------------------------


def test_one_hole_holds_a_guide_and_a_guessed_title_does_not() -> None:
    def damage(*findings: Finding) -> float:
        return review.score(review.spots(findings, [], "---\nt: 1\n---\n\n# 标题\n\n正文\n"))

    hole = Finding(
        "flag_cut_out", "line 3: empty quotation marks: 「旗下的“”实施借贷」", "flag_cut_out_words"
    )
    count = Finding("flag_cut_out", "3 places look cut: the source site probably removed a term throughout")
    law = Finding("flag_cut_out", "law title 《个人信息保》 was cut short; restored", "restore_law_titles")
    title = Finding("flag_title_guessed", "no headline on the page; the title 「标题」 is its first sentence")
    guess = Finding("flag_lost_characters", "line 2, after 「信用」 before 「下降」: damaged 「?」, a guess")
    assert review.is_held(damage(hole))
    assert not review.is_held(damage(title)), "a guessed title is worth a look, not broken text"
    assert not review.is_held(damage(guess)), "one guess is more often right than wrong"
    assert review.is_held(damage(guess, guess)), "two guesses likely hold a wrong word"
    assert not review.is_held(damage(title, guess))
    assert not review.is_held(damage(law, law, law, law)), "restored law titles read correctly"
    assert damage(count) == 0, "a count of the other spots is no spot of its own"
    assert review.is_held(damage(Finding("flag_spin_unresolved", "「作用个人信用」"))), (
        "a new flag kind holds"
    )
    assert damage(Finding("spun_word", "之一个 → 第一个"), Finding("pii_removed", "x")) == 0


def test_spots_are_found_in_the_guide_and_fixed_ones_dropped() -> None:
    markdown = "---\ntitle: 标题\n---\n\n# 标题\n\n对方在电话里存在辱骂、等不当行为，要保存\\*好证据。\n"
    hole = Finding("flag_cut_out", "line 7: an empty item before 等: 「在电话里存在辱骂、等不当行为，要保」")
    [spot] = review.spots([hole], [], markdown)
    assert spot.needle == "在电话里存在辱骂等不当行为要保"
    fixed = markdown.replace("辱骂、等", "辱骂、恐吓等")
    assert review.still_open([spot], markdown) == ([spot], [])
    assert review.still_open([spot], fixed) == ([], [spot])
    # the front matter lists the passage itself: it is not looked in
    assert review.still_open([spot], review.with_review(fixed, [spot])) == ([], [spot])
    shown = review.annotate(review.body_of(markdown), {"open_spots": [spot.as_dict()], "damage": 1.0})
    assert '<mark class="open-spot">在电话里存在辱骂、等不当行为，要保</mark>' in shown
    assert shown.index('!!! danger "草稿') > shown.index("# 标题")


# --- the site --------------------------------------------------------------


@pytest.fixture(scope="module")
def gated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project built with the README's command from a clean page and a
    damaged one of the same category and tag."""
    project = tmp_path_factory.mktemp("gated")
    build_project(project, write_pages(project / "pages"))
    return project


def test_a_held_guide_is_a_draft(gated: Path) -> None:
    meta = read_front_matter(gated / "content" / f"{DRAFT}.md")
    assert meta["held"] is True and meta["reviewed"] is False and meta["damage"] == 1.0
    assert review.is_draft(meta)
    assert not read_front_matter(gated / "content" / f"{PUBLIC}.md").get("held")
    records = [json.loads(line) for line in (gated / ".pipeline" / "manifest.jsonl").read_text().splitlines()]
    assert {Path(r["source"]).name: r["held"] for r in records} == {"clean.txt": False, "damaged.txt": True}


def test_mkdocs_build_leaves_the_draft_out(gated: Path) -> None:
    site = gated / "site"
    assert (site / PUBLIC / "index.html").exists()
    assert not (site / DRAFT).exists(), "no page"
    everything = site_text(site)
    # nothing links to it or names it: navigation, sitemap, category and
    # tag pages, home, 全部指南, related guides, search index, 常见问题
    slug = DRAFT.rsplit("/", 1)[1]
    assert slug not in everything
    assert UNIQUE not in everything and "网贷逾期后接到催收电话怎么办" not in everything
    assert PUBLIC.rsplit("/", 1)[1] in (site / "guides" / "cuishou" / "index.html").read_text(
        encoding="utf-8"
    )
    assert PUBLIC.rsplit("/", 1)[1] in (site / "tags" / "index.html").read_text(encoding="utf-8")
    assert "（1 篇）" in (site / "guides" / "index.html").read_text(encoding="utf-8")
    assert any(p["url"] == f"/{PUBLIC}/" for p in indexed_pages(site))


def test_mkdocs_serve_shows_the_draft_with_its_open_spots(gated: Path) -> None:
    html = served_page(gated, f"{DRAFT}/")
    assert "mkdocs-draft-marker" in html, "MkDocs' own draft: built only for the preview"
    assert "草稿：这篇指南尚未发布" in html and "还有 1 处待修改" in html
    assert f'<mark class="open-spot">在电话里{HOLE}，要保</mark>' in html
    assert UNIQUE in html


def test_a_reviewed_guide_is_published_and_its_edit_kept(tmp_path: Path) -> None:
    project = tmp_path / "project"
    project.mkdir()
    pages = write_pages(tmp_path / "pages")
    build_project(project, pages)
    guide = project / "content" / f"{DRAFT}.md"
    edited = (
        guide.read_text(encoding="utf-8").replace(HOLE, FIXED).replace("reviewed: false", "reviewed: true")
    )
    guide.write_text(edited, encoding="utf-8")
    # the next mkdocs build publishes it, no pipeline run needed
    site = mkdocs_build(project)
    assert FIXED in (site / DRAFT / "index.html").read_text(encoding="utf-8")
    assert f"/{DRAFT}/" in (site / "sitemap.xml").read_text(encoding="utf-8")
    category = (site / "guides" / "cuishou" / "index.html").read_text(encoding="utf-8")
    assert DRAFT.rsplit("/", 1)[1] in category
    assert any(p["url"] == f"/{DRAFT}/" for p in indexed_pages(site))
    # the next pipeline run leaves the editor's file alone, and keeps it
    site = build_project(project, pages, copy=False)
    assert guide.read_text(encoding="utf-8") == edited
    assert FIXED in (site / DRAFT / "index.html").read_text(encoding="utf-8")
    assert "（2 篇）" in (site / "guides" / "index.html").read_text(encoding="utf-8")
    report = (project / "content" / "quality.md").read_text(encoding="utf-8")
    assert "编辑已手工修改，已标记 reviewed" in report and "辱骂、等" not in report


def test_a_rerun_holds_a_guide_whose_damage_grows_and_publishes_one_repaired(tmp_path: Path) -> None:
    pages = write_pages(tmp_path / "pages", damaged=DAMAGED.replace(HOLE, FIXED))
    out = tmp_path / "guides"

    def run() -> Path:
        Run(out, state=tmp_path / "state.sqlite").execute([pages], tmp_path / "manifest.jsonl")
        return out / f"{DRAFT.removeprefix('guides/')}.md"

    guide = run()
    assert not review.is_draft_file(guide)
    assert "（2 篇）" in (out / "index.md").read_text(encoding="utf-8")
    (pages / "damaged.txt").write_text(DAMAGED, encoding="utf-8")
    assert review.is_draft_file(run()), "published before, held now"
    assert is_pristine(guide.read_text(encoding="utf-8"))
    assert "（1 篇）" in (out / "index.md").read_text(encoding="utf-8")
    (pages / "damaged.txt").write_text(DAMAGED.replace(HOLE, FIXED), encoding="utf-8")
    assert not review.is_draft_file(run()), "repaired at the source: published again"


def test_quality_report_lists_drafts_first_and_follows_the_editors_text(tmp_path: Path) -> None:
    pages = write_pages(tmp_path / "pages")
    out = tmp_path / "content" / "guides"
    Run(out, state=tmp_path / "state.sqlite").execute([pages], tmp_path / "manifest.jsonl")
    records = [json.loads(line) for line in (tmp_path / "manifest.jsonl").read_text().splitlines()]

    def report() -> str:
        return render_report(records, tmp_path / "content")

    text = report()
    drafts, flagged, edited = (
        text.index(h) for h in ("## 未发布的草稿", "## 待核对的指南", "## 编辑手工修改过的指南")
    )
    assert drafts < flagged < edited
    assert drafts < text.index("网贷逾期后接到催收电话怎么办") < flagged
    assert "辱骂、等" in text[drafts:flagged]
    assert "暂无" in text[edited:]
    # an editor fixes the hole but has not marked the guide reviewed yet
    guide = out / f"{DRAFT.removeprefix('guides/')}.md"
    guide.write_text(guide.read_text(encoding="utf-8").replace(HOLE, FIXED), encoding="utf-8")
    text = report()
    drafts, flagged, edited = (
        text.index(h) for h in ("## 未发布的草稿", "## 待核对的指南", "## 编辑手工修改过的指南")
    )
    assert "辱骂、等" not in text, "the flag goes once the editor's text no longer holds the spot"
    assert "编辑已改好 1 处" in text[drafts:flagged]
    assert "网贷逾期后接到催收电话怎么办" in text[edited:] and "尚未标记 reviewed" in text[edited:]


def test_the_run_summary_counts_the_held_guides(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from pipeline.cli import main

    pages = write_pages(tmp_path / "pages")
    result = CliRunner().invoke(main, ["clean", str(pages), "--out", str(tmp_path / "guides")])
    assert result.exit_code == 0, result.output
    assert re.search(r"published\s*│\s*2\b", result.output)
    assert re.search(r"held as drafts for an editor\s*│\s*1\b", result.output)


def test_in_a_browser_the_draft_shows_for_editors_and_not_on_the_site(gated: Path) -> None:
    """Chromium: ``mkdocs serve`` shows the draft with its box and open spot
    on screen; the built site, served as readers get it, has no such page."""
    import functools
    import http.server
    import threading

    from tests.conftest import serving
    from tests.test_browser import ARGS, CHROMIUM, _require_browser

    _require_browser()
    from playwright.sync_api import sync_playwright

    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(gated / "site"))
    public = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=public.serve_forever, daemon=True).start()
    try:
        with serving(gated) as preview, sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            page = browser.new_page()
            page.goto(f"{preview}/{DRAFT}/")
            assert page.get_by_text("草稿：这篇指南尚未发布").is_visible()
            spot = page.locator("mark.open-spot").first
            assert spot.is_visible() and HOLE in spot.inner_text()
            response = page.goto(f"http://127.0.0.1:{public.server_address[1]}/{DRAFT}/")
            assert response is not None and response.status == 404
            response = page.goto(f"http://127.0.0.1:{public.server_address[1]}/{PUBLIC}/")
            assert response is not None and response.status == 200
            browser.close()
    finally:
        public.shutdown()


def test_with_every_guide_held_the_home_page_says_so(tmp_path: Path) -> None:
    # the four sample pages all have open spots: nothing is published yet
    site = build_project(tmp_path)
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "目前这些分类还没有已发布的指南。" in home
    assert "guides/xieshang/" not in home, "no link to an empty category"


def test_quality_report_links_each_guide_through_a_linked_folder_too(tmp_path: Path) -> None:
    """The guides' paths in the records are as the run saw them; the report
    links them relative to the folder it is written in, whichever way that
    folder is reached."""
    pages = write_pages(tmp_path / "pages")
    out = tmp_path / "content" / "guides"
    Run(out, state=tmp_path / "state.sqlite").execute([pages], tmp_path / "manifest.jsonl")
    records = [json.loads(line) for line in (tmp_path / "manifest.jsonl").read_text().splitlines()]
    (tmp_path / "linked").symlink_to(tmp_path / "content")
    text = render_report(records, tmp_path / "content")
    assert f"]({DRAFT}.md)" in text
    assert render_report(records, tmp_path / "linked") == text
    moved = [
        dict(r, output=str(tmp_path / "linked" / Path(r["output"]).relative_to(tmp_path / "content")))
        for r in records
        if r.get("output")
    ]
    assert f"]({DRAFT}.md)" in render_report(moved, tmp_path / "content")
