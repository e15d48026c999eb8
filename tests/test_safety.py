"""Hostile pages through the whole path: no personal data, no executable
markup and no local path may reach a guide, the records, the search index or
any page of the built site.

The hostile corpus (``tests/data/hostile``) puts payloads in every field a
page gives us: the headline and first paragraph of a text page, an HTML
page's entity-encoded ``<title>`` and ``<h1>`` and its canonical link, a
JSONL record's title and url, and an input file's name. The personal-data
corpus (``tests/data/pii``) writes contact details in the formats scrapers
and spammers use. A guide edited by hand with markup in its front matter is
added to the site too: the build-time check must hold it to the same rules.
"""

from __future__ import annotations

import functools
import http.server
import json
import os
import re
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import lxml.etree
import lxml.html
import pytest
from click.testing import CliRunner

from pipeline.cli import main
from tests.conftest import ROOT, SEEDS, copy_project, served_page
from tests.test_browser import ARGS, CHROMIUM, _require_browser

HOSTILE = Path(__file__).parent / "data" / "hostile"
PII = Path(__file__).parent / "data" / "pii"
# an input whose name is markup that ends a code span; too short to publish,
# so it is listed among the rejected pages of the editors' report
HOSTILE_NAME = "p`<img src=x onerror=alert(document.domain)>`.txt"
# a published page whose name is markup: its source is listed in the report
HOSTILE_NAME_PUBLISHED = "q<svg onload=alert('name')>.txt"
NAMED_ARTICLE = """逾期以后征信多久能恢复

逾期记录会在征信报告上保留五年，从还清欠款之日起计算，五年以后自动删除，任何声称可以花钱洗白征信的都是骗局。

在这五年里，保持良好的还款记录非常重要，按时偿还信用卡和贷款，新的良好记录会逐渐冲淡逾期带来的影响。

如果发现征信报告上的记录有错误，可以向人民银行征信中心或者报送数据的金融机构提出异议，要求核实更正。
"""
HAND_EDITED = """---
title: 手改<img src=x onerror=alert('hand')>的指南
description: '"><script>alert("handdesc")</script>'
tags:
- <b onmouseover=alert('tag')>协商</b>
category: 逾期应对
kind: explainer
---

# 手改的指南

编辑手工写的一篇指南，front matter 里有标记。
"""

PERSONAL = [
    # tests/data/hostile
    "13912345678",
    "daiban_xieshang888",
    "zhangsan_agent@163.com",
    "110101199003077777",
    "6222020200112233445",
    "QQ：12345678",
    "88886666",
    "15012345678",
    "wx_helper2024",
    "987654321",
    "helper@example.com",
    # corpus/seeds
    "15070879527",
    "3590931873",
    # tests/data/pii, in the forms written and with the digits run together
    "１３８１２３４５６８３",
    "13812345683",
    "138.1234.5682",
    "13812345682",
    "138 - 1234 - 5686",
    "13812345686",
    "87654321",
    "8888-6666",
    "678901234",
    "789012345",
    "abc_1234",
    "abc_12345",
    "daiban_8888",
    "wx_zhaiwu888",
    "lisi123",
    "wangwu",
    "110101 19900307 7776",
    "19900307",
    "１１０１０１１９９００３０７７７９５",
    "123-4567",
    "13811112222",
    "13911112222",
    "zhaoliu",
]
OFFICIAL = ["95555", "12378", "95188", "12315", "12363", "400-819-5188"]
SPAM = ["葡京", "百家乐", "彩金", "网贷逾期,网贷逾期怎么办"]


def _sources(tmp: Path) -> Path:
    sources = tmp / "sources"
    shutil.copytree(HOSTILE, sources / "hostile")
    shutil.copytree(PII, sources / "pii")
    (sources / "hostile" / HOSTILE_NAME).write_text("太短了。", encoding="utf-8")
    (sources / "hostile" / HOSTILE_NAME_PUBLISHED).write_text(NAMED_ARTICLE, encoding="utf-8")
    return sources


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = tmp_path_factory.mktemp("hostile")
    copy_project(project)
    (project / "content" / "guides" / "yuqi").mkdir(parents=True)
    (project / "content" / "guides" / "yuqi" / "shou-gai.md").write_text(HAND_EDITED, encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    command = [sys.executable, "-m", "pipeline", "build", "--sources", str(_sources(project)), "--sources"]
    result = subprocess.run([*command, str(SEEDS)], cwd=project, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return project


@pytest.fixture(scope="module")
def hostile_site(project: Path) -> Path:
    return project / "site"


def _texts(folder: Path) -> dict[Path, str]:
    return {
        p: p.read_bytes().decode("utf-8", errors="replace")
        for p in folder.rglob("*")
        if p.is_file() and p.suffix in (".html", ".json", ".jsonl", ".xml", ".md", ".txt", ".sqlite", "")
    }


def test_no_personal_data_anywhere(project: Path) -> None:
    everything = {**_texts(project / "site"), **_texts(project / "content"), **_texts(project / ".pipeline")}
    assert any(p.name == "state.sqlite" for p in everything) and any(
        p.name == "manifest.jsonl" for p in everything
    )
    for value in PERSONAL:
        leaks = [str(p) for p, text in everything.items() if value in text]
        assert not leaks, f"{value} published in {leaks}"


def test_lines_inviting_contact_are_not_published(project: Path) -> None:
    published = {**_texts(project / "site"), **_texts(project / "content")}
    for text in published.values():
        assert "王经理" not in text and "加小编" not in text


def test_explain_shows_no_personal_data() -> None:
    for page in [*PII.iterdir(), *HOSTILE.iterdir()]:
        result = CliRunner().invoke(main, ["explain", str(page)])
        assert result.exit_code == 0, result.output
        for value in PERSONAL:
            assert value not in result.output, (value, page.name)


def test_official_numbers_stay(hostile_site: Path) -> None:
    index = (hostile_site / "search" / "search_index.json").read_text(encoding="utf-8")
    for number in OFFICIAL:
        assert number in index


def test_no_spam_in_guides(hostile_site: Path) -> None:
    for path, text in _texts(hostile_site.parent / "content").items():
        for spam in SPAM:
            assert spam not in text, (spam, path)


def _executable(root: lxml.html.HtmlElement) -> list[str]:
    """What in a parsed page or fragment could run: event handlers,
    javascript: or data: links, and scripts, frames or objects that came
    from a page (Material's own scripts carry no ``alert``)."""
    found = []
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        for name, value in el.attrib.items():
            if name.lower().startswith("on"):
                found.append(f"<{el.tag} {name}=…>")
            if re.match(r"\s*(javascript|vbscript|data):", value, re.I) and name in ("href", "src", "action"):
                found.append(f"<{el.tag} {name}={value}>")
        if el.tag in ("iframe", "object", "embed") or (el.tag == "script" and "alert" in (el.text or "")):
            found.append(f"<{el.tag}>")
    return found


def test_no_executable_markup_on_any_page(hostile_site: Path) -> None:
    pages = list(hostile_site.rglob("*.html"))
    assert len(pages) >= 20
    for page in pages:
        html = page.read_text(encoding="utf-8")
        found = _executable(lxml.html.document_fromstring(html))
        assert not found, (page, found)


def test_no_executable_markup_in_the_search_index(hostile_site: Path) -> None:
    index = json.loads((hostile_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert any("alert" in doc["text"] for doc in index["docs"]), "payloads are indexed as text"
    for doc in index["docs"]:
        for field in ("title", "text"):
            if doc[field].strip():
                fragment = lxml.html.fragment_fromstring(doc[field], create_parent="div")
                assert not _executable(fragment), (doc["location"], doc[field][:200])


def test_no_payload_in_the_sitemap(hostile_site: Path) -> None:
    sitemap = lxml.etree.fromstring((hostile_site / "sitemap.xml").read_bytes())
    locations = [el.text or "" for el in sitemap.iter("{*}loc")]
    assert len(locations) >= 15
    for location in locations:  # page addresses made from pinyin slugs
        assert re.fullmatch(r"https://example\.org/[a-z0-9/-]*", location), location


def test_titles_and_descriptions_in_front_matter_are_plain(project: Path) -> None:
    from pipeline.untrusted import is_plain_line
    from pipeline.writers import read_front_matter

    guides = [p for p in (project / "content" / "guides").rglob("*.md") if p.name != "shou-gai.md"]
    titles = []
    for guide in guides:
        meta = read_front_matter(guide)
        for key in ("title", "description"):
            assert is_plain_line(str(meta[key])), (guide, key, meta[key])
        titles.append(meta["title"])
    expected = ("逾期还款", "网贷逾期被催收怎么办", "＂＞停息挂账怎么申请", "信用卡逾期协商还款的正确步骤")
    for title in (*expected, "网贷逾期被起诉了怎么办", "花呗逾期怎么办"):
        assert title in titles


def test_the_hand_edited_guide_is_published_without_its_markup(hostile_site: Path) -> None:
    html = (hostile_site / "guides" / "yuqi" / "shou-gai" / "index.html").read_text(encoding="utf-8")
    assert "<title>手改的指南 - " in html


def test_source_links_are_http_only_and_no_local_path_is_shown(project: Path, hostile_site: Path) -> None:
    links = 0
    for page in hostile_site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        for local in (str(project), "/tmp/", "corpus/seeds", "sources/hostile", ".jsonl#", ".txt"):
            assert local not in html, (page, local)
        for a in lxml.html.document_fromstring(html).iter("a"):
            if a.get("rel") == "nofollow noopener":
                links += 1
                assert re.match(r"https?://[A-Za-z0-9.-]+/", a.get("href", "")), a.get("href")
    assert links >= 2  # the JSONL page with a url; the one whose url carried a phone number (its site)


def test_the_editors_report_is_not_on_the_public_site(hostile_site: Path) -> None:
    assert not (hostile_site / "quality").exists()
    assert "quality" not in (hostile_site / "sitemap.xml").read_text(encoding="utf-8")


def test_the_served_editors_report_runs_nothing(project: Path) -> None:
    html = served_page(project, "quality/")
    root = lxml.html.document_fromstring(html)
    assert not _executable(root)
    assert "onerror=alert(document.domain)" in root.text_content(), "the file name is shown as text"


def test_the_editors_report_shows_hostile_file_names_as_text(project: Path) -> None:
    from markdown import Markdown

    report = (project / "content" / "quality.md").read_text(encoding="utf-8")
    body = report.split("\n---\n", 1)[1]
    html = Markdown(extensions=["tables", "attr_list", "md_in_html"]).convert(body)
    assert not _executable(lxml.html.fragment_fromstring(html, create_parent="div")), html
    assert (
        "onerror=alert(document.domain)"
        in lxml.html.fragment_fromstring(html, create_parent="div").text_content()
    )


@pytest.fixture(scope="module")
def hostile_url(hostile_site: Path) -> Iterator[str]:
    handler = functools.partial(_QuietHandler, directory=str(hostile_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def test_no_dialog_opens_on_any_page_or_search(hostile_site: Path, hostile_url: str) -> None:
    """Every page of the hostile site in Chromium, and searches whose
    results show the payloads' text: no script from a page may run."""
    _require_browser()
    from playwright.sync_api import sync_playwright

    dialogs: list[str] = []
    pages = sorted(p.relative_to(hostile_site).as_posix() for p in hostile_site.rglob("*.html"))
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page()
        page.on("dialog", lambda d: (dialogs.append(f"{page.url}: {d.message}"), d.dismiss()))
        for path in pages:
            page.goto(f"{hostile_url}/{path}", wait_until="load")
            page.mouse.move(300, 300)
            page.keyboard.press("Tab")
        for query in ("alert", "onerror", "javascript", "逾期还款"):
            page.goto(f"{hostile_url}/?q={query}")
            page.wait_for_function(
                "() => { const m = document.querySelector('.md-search-result__meta');"
                " return m && !m.textContent.includes('正在初始化') }"
            )
            page.wait_for_timeout(300)
        hits = page.locator(".md-search-result__item").count()
        browser.close()
    assert len(pages) >= 20
    assert hits >= 1, "the last search found the guide"
    assert dialogs == []
