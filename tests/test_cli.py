"""The command line: every command documented, clean messages, the site build."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from click.testing import CliRunner

from pipeline.cli import main
from pipeline.sitesearch import indexed_pages
from tests.conftest import ROOT, SEEDS, copy_project, served_page


def test_every_command_has_help_and_is_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    runner = CliRunner()
    for name, command in main.commands.items():
        assert command.help, f"{name} has no help text"
        result = runner.invoke(main, [name, "--help"])
        assert result.exit_code == 0
        assert f"credit-guides {name}" in readme, f"README does not show `credit-guides {name}`"


def test_clean_goes_on_past_bad_files(tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    shutil.copytree(SEEDS, pages)
    (pages / "zz_empty.txt").write_bytes(b"")
    (pages / "zz_table.xlsx").write_bytes(b"PK\x03\x04")
    manifest = tmp_path / "m.jsonl"
    result = CliRunner().invoke(
        main, ["clean", str(pages), "--out", str(tmp_path / "out"), "--manifest", str(manifest)]
    )
    assert result.exit_code == 0, result.output
    assert f"{pages / 'zz_empty.txt'}: rejected: empty file" in result.output
    assert "zz_table.xlsx: rejected: unknown file type .xlsx" in result.output
    statuses = [json.loads(line)["status"] for line in manifest.read_text(encoding="utf-8").splitlines()]
    assert statuses == ["published"] * 4 + ["rejected"] * 2


def test_broken_rule_file_is_a_one_line_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    broken = tmp_path / "boilerplate.yaml"
    broken.write_text("lines:\n  - name: x\n    pattern: '(unclosed'\n", encoding="utf-8")
    import pipeline.cleaners.rules as rules

    real = rules.data_path
    monkeypatch.setattr(rules, "data_path", lambda name: broken if name == "boilerplate.yaml" else real(name))
    result = CliRunner().invoke(main, ["clean", str(SEEDS), "--out", str(tmp_path / "o")])
    assert result.exit_code == 1
    assert f"error: {broken}: lines[0] (x): bad regular expression" in result.output


def test_explain_shows_each_step(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["explain", str(SEEDS / "002_6b3c3bd5d17d6661.txt")])
    assert result.exit_code == 0
    for step in ("remove_pinyin_annotations", "to_simplified", "strip_boilerplate", "take_title"):
        assert step in result.output
    # the removed contact line is shown, its values masked as in the findings
    assert "-陈先生:150****9527 35****@qq.com" in result.output
    assert "15070879527" not in result.output and "3590931873" not in result.output


def test_site_has_a_page_per_guide(built_site: Path) -> None:
    pages = sorted(p.parent.name for p in built_site.glob("guides/*/*/index.html"))
    assert len(pages) == 4
    html = (built_site / "guides/xieshang/zhifubao-yuqi-keyi-xieshang-liucheng/index.html").read_text()
    assert "<h1" in html and "支付宝逾期可以协商流程" in html
    assert "不构成法律意见" in html  # the disclaimer from overrides/main.html
    nav = (built_site / "index.html").read_text()
    assert "协商还款" in nav and "催收流程" in nav, "sections are named after their categories"


def _indexed(site: Path) -> dict[str, dict]:
    return {page["url"]: page for page in indexed_pages(site)}


def test_search_index_is_segmented_for_chinese(built_site: Path) -> None:
    guide = _indexed(built_site)["/guides/xieshang/zhifubao-yuqi-keyi-xieshang-liucheng/"]
    # Pagefind's extended build puts U+200B between the words it found; a
    # word from the middle of a sentence (用户需要耐心等待) is then a search
    # term of its own. The plain build would leave whole clauses.
    assert "\u200b耐心\u200b" in guide["content"]
    assert "\u200b协商\u200b" in guide["content"]
    assert guide["meta"]["title"] == "支付宝逾期可以协商流程", "no permalink mark in the title"


def test_only_guides_and_the_pages_gathered_from_them_are_searched(built_site: Path) -> None:
    indexed = set(_indexed(built_site))
    guides = {
        "/" + p.parent.relative_to(built_site).as_posix() + "/"
        for p in built_site.glob("guides/*/*/index.html")
        if not p.parent.name.startswith("page-")
    }
    assert len(guides) == 4
    # home, 全部指南, categories, tags and 404 list guides: they would crowd
    # the guides out of the results
    assert indexed - guides <= {"/faq/", "/help/"}, indexed - guides
    assert guides <= indexed


def test_related_guides_and_disclaimer_are_shown_but_not_searched(built_site: Path) -> None:
    guide = _indexed(built_site)["/guides/xieshang/zhifubao-yuqi-keyi-xieshang-liucheng/"]
    text = guide["content"].replace("\u200b", "")
    sections = [anchor["text"] for anchor in guide["anchors"]]
    assert any("总结" in title for title in sections), "the guide's own sections are indexed"
    assert "相关指南" not in text and "相关指南" not in sections, "another guide's title is not a hit"
    assert "支付宝逾期后几天开始" not in text  # a related guide's title
    assert "不构成法律意见" not in text, "the disclaimer is not a hit on every guide"
    assert "要点" not in text, "the summary repeats the guide: indexed once, in the guide"
    html = (built_site / "guides/xieshang/zhifubao-yuqi-keyi-xieshang-liucheng/index.html").read_text()
    assert 'id="相关指南"' in html and "支付宝逾期后几天开始" in html
    assert "不构成法律意见" in html
    assert '<div class="admonition abstract key-points">' in html


def test_tags_rank_above_a_mention(built_site: Path) -> None:
    """A guide tagged 协商还款 outranks one that only mentions 协商: its tags
    are indexed with a weight above the text."""
    guide = _indexed(built_site)["/guides/xieshang/zhifubao-yuqi-keyi-xieshang-liucheng/"]
    html = (built_site / "guides/xieshang/zhifubao-yuqi-keyi-xieshang-liucheng/index.html").read_text()
    assert '<div hidden data-pagefind-weight="10">支付宝，协商还款' in html
    assert "协商\u200b还款" in guide["content"]


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda s: s.replace("docs_dir: content", "docs_dir: docs"), "set docs_dir: content"),
        (lambda s: s.replace("name: material", "name: mkdocs"), "theme.name must be material"),
        (
            lambda s: s.replace("overrides/hooks/related.py", "overrides/hooks/gone.py"),
            "gone.py, which does not exist",
        ),
        (lambda s: s.replace("site_name: ", "site_name: [unclosed "), "not valid YAML"),
    ],
)
def test_build_refuses_a_broken_site_config(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, edit, message
) -> None:  # type: ignore[no-untyped-def]
    copy_project(tmp_path)
    (tmp_path / "mkdocs.yml").write_text(
        edit((ROOT / "mkdocs.yml").read_text(encoding="utf-8")), encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["build"])
    assert result.exit_code == 1
    assert "error: mkdocs.yml: " in result.output and message in result.output


def test_mkdocs_serve_builds_the_search_index_too(built_site: Path) -> None:
    # the index is made by a hook after each build, so an editor previewing
    # with `mkdocs serve` searches the same way readers do
    entry = json.loads(served_page(built_site.parent, "pagefind/pagefind-entry.json"))
    assert entry["languages"]["zh"]["page_count"] >= 4


def test_placeholder_site_url_is_warned_about(tmp_path: Path) -> None:
    from pipeline.siteconfig import check_site_config

    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert "site_url: https://example.org/" in config
    (tmp_path / "content" / "guides").mkdir(parents=True)
    (tmp_path / "mkdocs.yml").write_text(config, encoding="utf-8")
    (tmp_path / "overrides").symlink_to(ROOT / "overrides")
    cwd = Path.cwd()
    try:
        os.chdir(tmp_path)
        warnings = check_site_config(Path("mkdocs.yml"), Path("content/guides"))
        assert any("site_url is still the placeholder" in w for w in warnings), warnings
        (tmp_path / "mkdocs.yml").write_text(
            config.replace("https://example.org/", "https://help.example.cn/"), encoding="utf-8"
        )
        assert not check_site_config(Path("mkdocs.yml"), Path("content/guides"))
    finally:
        os.chdir(cwd)


def test_the_404_page_links_inside_the_site(built_site: Path) -> None:
    html = (built_site / "404.html").read_text(encoding="utf-8")
    assert '<a href="/">首页</a>' in html and '<a href="/guides/">全部指南</a>' in html
    assert "example.org" not in html.split("<body", 1)[1]


GUIDE = "guides/xieshang/zhifubao-yuqi-keyi-xieshang-liucheng/index.html"


def _html(site: Path, path: str) -> str:
    return (site / path).read_text(encoding="utf-8")


def test_feedback_is_asked_on_guides_only(built_site: Path) -> None:
    assert 'class="md-feedback"' in _html(built_site, GUIDE)
    for path in ("index.html", "faq/index.html", "help/index.html", "guides/index.html"):
        assert 'class="md-feedback"' not in _html(built_site, path), path
    assert 'class="md-feedback"' not in _html(built_site, "guides/cuishou/index.html")
    assert 'class="md-feedback"' not in _html(built_site, "tags/index.html")


def test_disclaimer_once_on_a_guide_and_titles_not_doubled(built_site: Path) -> None:
    guide = _html(built_site, GUIDE)
    assert guide.count("不构成法律意见") == 1, "once, in the box below the guide"
    assert "<title>支付宝逾期可以协商流程 - 逾期还款帮助中心</title>" in guide
    home = _html(built_site, "index.html")
    assert "<title>逾期还款帮助中心</title>" in home
    assert home.count("不构成法律意见") == 1


def test_categories_in_reading_order_and_empty_ones_hidden(built_site: Path) -> None:
    page = BeautifulSoup(_html(built_site, GUIDE), "html.parser")
    sidebar = [a.get_text().strip() for a in page.select("nav.md-nav--primary a.md-nav__link")]
    # the taxonomy's order (the home page's), not the folders' pinyin
    present = [name for name in ("逾期处理", "催收流程", "协商还款") if name in sidebar]
    assert present == ["逾期处理", "催收流程", "协商还款"], sidebar
    assert sidebar.index("逾期处理") < sidebar.index("催收流程") < sidebar.index("协商还款")
    assert sidebar[:3] == ["首页", "常见问题", "求助渠道"], sidebar
    # 信用记录, 投诉维权, 防范诈骗 have no guide among the samples
    for slug, name in (("zhengxin", "信用记录"), ("tousu", "投诉维权"), ("fangzha", "防范诈骗")):
        assert not (built_site / "guides" / slug).exists()
        assert name not in sidebar
        assert f"guides/{slug}/" not in _html(built_site, "index.html")
        assert f"{slug}/" not in _html(built_site, "guides/index.html")
    assert "协商还款" in _html(built_site, "index.html")


def test_faq_page_gathers_the_guides_questions(built_site: Path) -> None:
    page = BeautifulSoup(_html(built_site, "faq/index.html"), "html.parser")
    questions = [s.get_text().strip() for s in page.select("details.question > summary")]
    assert "支付宝逾期一个月催款办法有哪些可投诉？" in questions or any(
        "催款办法有哪些可投诉" in q for q in questions
    ), questions
    assert any("怎么样应对逾期" in q for q in questions), questions
    links = [a.get("href") for a in page.select("details.question a")]
    assert "../guides/cuishou/zhifubao-yuqi-yigeyue-cuikuan-fangshi-you-naxie/" in links, links


def test_help_page_lists_the_channels_the_guides_mention_with_their_source(built_site: Path) -> None:
    page = BeautifulSoup(_html(built_site, "help/index.html"), "html.parser")
    headings = [h.get_text().strip(" ¶\n") for h in page.select("article h2")]
    assert "支付宝客服 95188" in headings and "向金融监管部门投诉" in headings, headings
    assert "全国 12315 平台" not in headings, "no sample guide mentions 12315"
    items = page.select("article li")
    source = next(li for li in items if "95188" in li.get_text())
    link = source.select("a")[0]
    assert link.get("href") == "../guides/cuishou/zhifubao-yuqi-yigeyue-cuikuan-fangshi-you-naxie/"


def test_explain_marks_the_changed_characters_inside_a_line() -> None:
    result = CliRunner().invoke(main, ["explain", str(SEEDS / "002_6b3c3bd5d17d6661.txt")])
    assert result.exit_code == 0
    # 小編導(dǎo)語(yǔ) lost its pinyin: one line, the pinyin marked as gone, not
    # the whole line removed and added again
    assert "~ 小編導[-(dǎo)-]語[-(yǔ)-]" in result.output
    assert "-小編導(dǎo)語(yǔ)" not in result.output and "+小編導語" not in result.output
    assert "~ 六、[-小編-]總結(jié)" in result.output or "[-小编-]" in result.output


def test_explain_shows_what_extraction_left_out_and_takes_one_record(tmp_path: Path) -> None:
    article = "信用卡逾期以后，银行一般会先通过短信和电话提醒持卡人尽快还款，这个阶段不必过分紧张。" * 2
    records = [
        {"url": "https://a.example/1", "html": f"<nav>首页 新闻中心 理财频道</nav><p>{article}</p>"},
        {"text": "第二条记录：" + article},
    ]
    page = tmp_path / "pages.jsonl"
    page.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records), encoding="utf-8")
    result = CliRunner().invoke(main, ["explain", str(page), "--record", "1"])
    assert result.exit_code == 0, result.output
    assert "read_html: 1 lines of the page left out" in result.output
    assert "- 首页 新闻中心 理财频道" in result.output
    assert "第二条记录" not in result.output and "#2" not in result.output
    result = CliRunner().invoke(main, ["explain", str(page), "--record", "2"])
    assert "第二条记录" in result.output and "read_html" not in result.output
    result = CliRunner().invoke(main, ["explain", str(page), "--record", "5"])
    assert result.exit_code == 2 and "has no record on line 5" in result.output
