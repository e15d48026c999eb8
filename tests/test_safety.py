"""Hostile pages through the whole path: no personal data and no executable
markup may reach a guide, the search index or any page of the built site."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import SEEDS, build_project

HOSTILE = Path(__file__).parent / "data" / "hostile"

PERSONAL = [
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
    "15070879527",
    "3590931873",
]
OFFICIAL = ["95555", "12378", "95188"]
SPAM = ["葡京", "百家乐", "彩金", "网贷逾期,网贷逾期怎么办"]


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_project(tmp_path_factory.mktemp("hostile"), HOSTILE, SEEDS)


def _texts(site: Path) -> dict[Path, str]:
    return {
        p: p.read_text(encoding="utf-8", errors="replace")
        for p in site.rglob("*")
        if p.suffix in (".html", ".json", ".xml", ".md", ".txt")
    }


def test_no_personal_data_anywhere(hostile_site: Path) -> None:
    project = hostile_site.parent
    everything = {**_texts(hostile_site), **_texts(project / "content")}
    for value in PERSONAL:
        leaks = [str(p) for p, text in everything.items() if value in text]
        assert not leaks, f"{value} published in {leaks}"


def test_official_numbers_stay(hostile_site: Path) -> None:
    index = (hostile_site / "search" / "search_index.json").read_text(encoding="utf-8")
    for number in OFFICIAL:
        assert number in index


def test_no_spam_in_guides(hostile_site: Path) -> None:
    for path, text in _texts(hostile_site.parent / "content").items():
        for spam in SPAM:
            assert spam not in text, (spam, path)


ARTICLE = re.compile(r"<article[^>]*>(.*?)</article>", re.S)


def test_guide_pages_carry_no_executable_markup(hostile_site: Path) -> None:
    pages = list((hostile_site / "guides").rglob("index.html"))
    assert len(pages) >= 9  # 7 guides, the category pages and the guides index
    for page in pages:
        html = page.read_text(encoding="utf-8")
        [article] = ARTICLE.findall(html)
        assert "<script" not in article.lower(), page
        assert "<iframe" not in article.lower(), page
        assert "javascript:" not in article.lower(), page
        assert not re.search(r"<[^>]+\son\w+\s*=", article), page
        assert "alert(" not in html, page


def test_hostile_pages_became_guides(hostile_site: Path) -> None:
    titles = [
        p.read_text(encoding="utf-8") for p in (hostile_site.parent / "content" / "guides").rglob("*.md")
    ]
    for title in ("信用卡逾期协商还款的正确步骤", "网贷逾期被起诉了怎么办", "花呗逾期怎么办"):
        assert any(f"title: {title}" in t for t in titles), title
