"""The built site in a real browser: Chinese search through the header
search box (Pagefind, which segments Chinese when it indexes and in the
browser), each kind of page checked with axe-core, no console errors.

Needs Debian's chromium (/usr/bin/chromium), the playwright package and
axe-core from npm (``npm ci --prefix tests/browser``); .ci/run installs all
three and sets REQUIRE_BROWSER=1, which turns a missing one into a failure
instead of a skip.
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


AXE = ROOT / "tests" / "browser" / "node_modules" / "axe-core" / "axe.min.js"
GUIDE = "/guides/xieshang/zhifubao-yuqi-keyi-xieshang-liucheng/"
FAQ_GUIDE = "/guides/cuishou/zhifubao-yuqi-yigeyue-cuikuan-fangshi-you-naxie/"


def _skip_or_fail(message: str) -> None:
    if os.environ.get("REQUIRE_BROWSER"):
        pytest.fail(message)
    pytest.skip(message)


def _require_browser() -> None:
    missing = []
    if not Path(CHROMIUM).exists():
        missing.append(f"{CHROMIUM} (apt-get install chromium)")
    try:
        import playwright  # noqa: F401
    except ImportError:
        missing.append("playwright (pip install playwright)")
    if missing:
        _skip_or_fail("browser test needs " + ", ".join(missing))


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


def _results(page) -> list[str]:  # type: ignore[no-untyped-def]
    return page.locator(".md-search-result__item > a:first-child").evaluate_all(
        "els => els.map(e => new URL(e.href).pathname)"
    )


def _search(page, site_url: str, query: str) -> list[str]:  # type: ignore[no-untyped-def]
    page.goto(f"{site_url}/?q={query}")
    meta = page.locator(".md-search-result__meta")
    meta.wait_for()
    page.wait_for_function(
        "() => !document.querySelector('.md-search-result__meta').textContent.includes('正在初始化')"
    )
    return _results(page)


def _type_query(page, query: str) -> list[str]:  # type: ignore[no-untyped-def]
    """Type into the header search box as a reader does; the results."""
    box = page.locator(".md-search__input")
    box.click()
    box.press("Control+a")
    box.press("Backspace")
    page.keyboard.type(query, delay=50)
    page.wait_for_function(
        "q => { const m = document.querySelector('.md-search-result__meta').textContent;"
        " return document.querySelector('.md-search__input').value === q"
        " && /个符合条件的结果|没有找到/.test(m) }",
        arg=query,
    )
    page.wait_for_timeout(400)  # a result list already shown is replaced, not appended to
    return _results(page)


def test_search_finds_a_word_from_the_middle_of_a_sentence(page, site_url: str) -> None:  # type: ignore[no-untyped-def]
    # 耐心 occurs only inside a sentence (用户需要耐心等待客服的反馈); indexed
    # without segmenting Chinese, the index would hold whole clauses and
    # this would find nothing.
    hits = _search(page, site_url, "耐心")
    assert GUIDE in hits, hits
    hits = _search(page, site_url, "协商")
    assert GUIDE in hits, hits
    assert page.console_errors == []


def test_typing_in_search_finds_the_negotiation_guide_first(page, site_url: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{site_url}{FAQ_GUIDE}")
    hits = _type_query(page, "协商")
    # tagged 协商还款 and named for it: first, above guides that mention it
    assert hits[0] == GUIDE, hits
    assert len(hits) >= 3, hits
    # pages that only list guides are not results
    assert all(h.startswith("/guides/") and h.count("/") == 4 for h in hits), hits
    assert page.locator(".md-search-result__meta").inner_text().strip() == f"{len(hits)} 个符合条件的结果"
    # a word from inside a sentence, typed
    assert GUIDE in _type_query(page, "耐心")
    assert _type_query(page, "xyzzy") == []
    assert "没有找到" in page.locator(".md-search-result__meta").inner_text()
    # Enter opens the first result
    _type_query(page, "协商")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{GUIDE}")
    assert page.console_errors == []


def test_search_results_leave_out_related_guides(page, site_url: str) -> None:  # type: ignore[no-untyped-def]
    # 支付宝逾期后几天开始 is a related guide on the negotiation guide: a search
    # for its title must not list the guides that merely link to it
    hits = _search(page, site_url, "几天开始")
    assert hits and hits[0] == "/guides/cuishou/zhifubao-yuqi-hou-jitian-kaishi/", hits
    assert GUIDE not in hits, hits


def test_search_downloads_fragments_not_the_whole_index(page, site_url: str) -> None:  # type: ignore[no-untyped-def]
    fetched: list[str] = []

    def record(request) -> None:  # type: ignore[no-untyped-def]
        fetched.append(request.url)

    page.on("request", record)
    try:
        _search(page, site_url, "协商")
    finally:
        page.remove_listener("request", record)
    assert any("/pagefind/fragment/" in url for url in fetched), fetched
    assert not any("search_index.json" in url for url in fetched), "the audit copy is never loaded"


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
    assert page.locator("text=不构成法律意见").count() == 1, "the disclaimer once"
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


def _axe(page) -> list[str]:  # type: ignore[no-untyped-def]
    """axe-core's serious and critical violations on the page as it is."""
    if not AXE.exists():
        _skip_or_fail(f"accessibility test needs axe-core: npm ci --prefix tests/browser ({AXE} missing)")
    page.add_script_tag(path=str(AXE))
    # colours are measured as they settle: an element still fading in (the
    # search results, as the search panel opens) has no contrast yet
    page.evaluate("() => Promise.all(document.getAnimations().map(a => a.finished.catch(() => null)))")
    violations = page.evaluate(
        "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
        ".filter(v => v.impact === 'serious' || v.impact === 'critical')"
        ".map(v => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map(n => n.target.join(' ')).join(', ')})`)"
    )
    return list(violations)


@pytest.mark.parametrize(
    "path",
    [
        "/",
        GUIDE,
        FAQ_GUIDE,  # collapsible questions
        "/guides/cuishou/",  # a category
        "/guides/",
        "/tags/",
        "/faq/",
        "/help/",
        "/404.html",
    ],
)
def test_pages_are_accessible(page, site_url: str, path: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{site_url}{path}")
    assert page.evaluate("document.documentElement.lang") == "zh"
    assert _axe(page) == []
    assert page.console_errors == []


def test_search_results_are_accessible(page, site_url: str) -> None:  # type: ignore[no-untyped-def]
    assert _search(page, site_url, "协商")
    assert page.evaluate("document.documentElement.lang") == "zh"
    assert _axe(page) == []
    # and on a phone, where the search box opens over the page
    page.set_viewport_size({"width": 390, "height": 844})
    try:
        assert _search(page, site_url, "耐心")
        assert page.locator(".md-search-result__item").first.is_visible()
        assert _axe(page) == []
    finally:
        page.set_viewport_size({"width": 1280, "height": 720})


def test_dark_scheme_is_accessible(page, site_url: str) -> None:  # type: ignore[no-untyped-def]
    # a new page of its own: Material remembers the scheme a page last used
    dark = page.context.browser.new_page(color_scheme="dark")
    try:
        for path in ("/", FAQ_GUIDE):
            dark.goto(f"{site_url}{path}")
            assert dark.evaluate("document.body.dataset.mdColorScheme") == "slate"
            assert _axe(dark) == [], path
        assert _search(dark, site_url, "协商")
        assert _axe(dark) == []
    finally:
        dark.close()
