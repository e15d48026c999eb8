"""The built site in a real browser: Chinese search finds a word from the
middle of a sentence (which needs jieba at build time), with no console errors.

Needs Debian's chromium (/usr/bin/chromium) and the playwright package; .ci/run
installs both and sets REQUIRE_BROWSER=1, which turns a missing browser into
a failure instead of a skip.
"""

from __future__ import annotations

import functools
import http.server
import os
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import ROOT

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _require_browser() -> None:
    missing = []
    if not Path(CHROMIUM).exists():
        missing.append(f"{CHROMIUM} (apt-get install chromium)")
    try:
        import playwright  # noqa: F401
    except ImportError:
        missing.append("playwright (pip install playwright)")
    if missing:
        message = "browser test needs " + ", ".join(missing)
        if os.environ.get("REQUIRE_BROWSER"):
            pytest.fail(message)
        pytest.skip(message)


@pytest.fixture(scope="module")
def site_url(built_site: Path) -> Iterator[str]:
    class QuietHandler(http.server.SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            pass

    handler = functools.partial(QuietHandler, directory=str(built_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()


@pytest.fixture(scope="module")
def page(site_url: str):  # type: ignore[no-untyped-def]
    _require_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page()
        errors: list[str] = []
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.console_errors = errors  # type: ignore[attr-defined]
        yield page
        browser.close()


def _search(page, site_url: str, query: str) -> list[str]:  # type: ignore[no-untyped-def]
    page.goto(f"{site_url}/?q={query}")
    meta = page.locator(".md-search-result__meta")
    meta.wait_for()
    page.wait_for_function(
        "() => !document.querySelector('.md-search-result__meta').textContent.includes('正在初始化')"
    )
    return page.locator(".md-search-result__item a").evaluate_all("els => els.map(e => e.href)")


def test_search_finds_a_word_from_the_middle_of_a_sentence(page, site_url: str) -> None:  # type: ignore[no-untyped-def]
    # 耐心 occurs only inside a sentence (用户需要耐心等待客服的反馈); without
    # jieba the index would hold whole clauses and this would find nothing.
    hits = _search(page, site_url, "耐心")
    assert any("zhifubao-yuqi-keyi-xieshang-liucheng" in h for h in hits), hits
    hits = _search(page, site_url, "协商")
    assert any("zhifubao-yuqi-keyi-xieshang-liucheng" in h for h in hits), hits
    assert page.console_errors == []


def test_typing_in_search_finds_the_negotiation_guide(page, site_url: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{site_url}/")
    page.locator("label.md-search__icon, .md-search__input").first.click()
    page.wait_for_function(
        "() => !document.querySelector('.md-search-result__meta').textContent.includes('正在初始化')"
    )
    search = page.locator(".md-search__input")
    search.fill("协商")
    # Material searches on keyup; an input method's last keystroke gives one
    search.press("End")
    page.wait_for_function("() => document.querySelectorAll('.md-search-result__item').length > 0")
    hits = page.locator(".md-search-result__item a").evaluate_all("els => els.map(e => e.href)")
    assert any("zhifubao-yuqi-keyi-xieshang-liucheng" in h for h in hits), hits
    assert page.console_errors == []


def test_guide_page_shows_its_structure(page, site_url: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{site_url}/guides/xieshang/zhifubao-yuqi-keyi-xieshang-liucheng/")
    assert page.locator("h1").inner_text().startswith("支付宝逾期可以协商流程")
    assert page.locator(".admonition.abstract").count() == 1, "要点 summary"
    steps = page.locator("article ol > li > p > strong").all_inner_texts()
    assert steps[3:9] == [
        "准备相关材料",
        "通过客服渠道联系支付宝",
        "向客服说明情况",
        "提出协商请求",
        "等待客服反馈",
        "确认协商结果",
    ], steps
    assert "不构成法律意见" in page.locator(".guide-disclaimer").inner_text()
    assert page.locator("form.md-feedback").is_visible(), "feedback widget"
    assert "相关指南" in page.locator("article").inner_text()
    shots = ROOT / "tests" / "artifacts"
    shots.mkdir(exist_ok=True)
    page.screenshot(path=str(shots / "guide.png"), full_page=False)
    assert page.console_errors == []


def test_faq_and_timeline_render(page, site_url: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{site_url}/guides/cuishou/zhifubao-yuqi-yigeyue-cuikuan-fangshi-you-naxie/")
    assert page.locator("details.question").count() == 3
    page.goto(f"{site_url}/guides/cuishou/zhifubao-yuqi-hou-jitian-kaishi/")
    table = page.locator("article table").inner_text()
    assert "第1-3天" in table and "第4-15天" in table and "超过15天" in table
    assert page.console_errors == []


def test_feedback_vote_is_recorded(page, site_url: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{site_url}/guides/xieshang/zhifubao-yuqi-keyi-xieshang-liucheng/")
    page.locator("form.md-feedback button[data-md-value='1']").click()
    assert page.locator(".md-feedback__note").inner_text().strip() == "谢谢你的反馈！"
    votes = page.evaluate("() => localStorage.getItem('guide-feedback')")
    assert "zhifubao-yuqi-keyi-xieshang-liucheng" in votes


def test_unknown_page_gets_the_chinese_404(page, site_url: str) -> None:  # type: ignore[no-untyped-def]
    response = page.goto(f"{site_url}/404.html")
    assert response.status == 200
    assert "没有找到这个页面" in page.locator("article").inner_text()
