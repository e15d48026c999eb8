"""The sample pages against corpus/expectations.json.

Each check is its own test, so a failure names the page, the kind of check
and the string.
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import markdown
import pytest
from bs4 import BeautifulSoup

from tests.conftest import EXPECTATIONS

PAGES = json.loads(EXPECTATIONS.read_text(encoding="utf-8"))["pages"]

# What each page's flags must mention: (finding kind prefix, text in the
# message), or the issue that will make the page pass.
FLAG_CHECKS: dict[str, list[tuple[str, str]]] = {
    "000_0951288d9a01546f.txt": [("flag_cut_out", "支付宝旗下的“”")],
    "001_71aa38aa9bc6c4af.txt": [("flag_cut_out", "《个人信息保》"), ("flag_cut_out", "《消费者权益保》")],
    "002_6b3c3bd5d17d6661.txt": [("flag_lost_characters", "line ")],
    "003_aef6583e97fd9b87.txt": [("flag_cut_out", "「支付宝逾期后几天开始」 ends on a verb")],
}


def squash(text: str) -> str:
    """NFKC, without white space: how expectations are compared."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def body_text(record: dict) -> str:
    """The guide body as a reader sees it: Markdown rendered, tags dropped."""
    html = markdown.markdown(record["text"] or "", extensions=["tables"])
    return squash(BeautifulSoup(html, "lxml").get_text())


def published_text(record: dict) -> str:
    """Everything published about the page: the guide file as written."""
    return squash(Path(record["output"]).read_text(encoding="utf-8"))


def _cases(kind: str) -> list:
    return [
        pytest.param(page, value, id=f"{page[:3]}-{kind}-{value}")
        for page, spec in PAGES.items()
        for value in spec.get(kind, [])
    ]


@pytest.mark.parametrize("page", sorted(PAGES))
def test_published(sample_run: dict, page: str) -> None:
    record = sample_run[page]
    assert record["status"] == "published", record["reason"]
    assert Path(record["output"]).is_file()


@pytest.mark.parametrize("page", sorted(PAGES))
def test_title(sample_run: dict, page: str) -> None:
    assert sample_run[page]["title"] in PAGES[page]["title"]


@pytest.mark.parametrize(("page", "value"), _cases("with"))
def test_with(sample_run: dict, page: str, value: str) -> None:
    assert squash(value) in body_text(sample_run[page])


@pytest.mark.parametrize(("page", "value"), _cases("once"))
def test_once(sample_run: dict, page: str, value: str) -> None:
    assert body_text(sample_run[page]).count(squash(value)) == 1


@pytest.mark.parametrize(("page", "value"), _cases("without"))
def test_without(sample_run: dict, page: str, value: str) -> None:
    assert squash(value) not in published_text(sample_run[page])


@pytest.mark.parametrize("page", sorted(PAGES))
def test_flags_reported(sample_run: dict, page: str) -> None:
    """Each problem no rule could repair is listed as an open flag."""
    flags = [f for f in sample_run[page]["findings"] if f["kind"].startswith("flag")]
    checks = FLAG_CHECKS.get(page, [])
    assert checks, "no check written for this page's flags yet"
    for kind, text in checks:
        assert any(f["kind"].startswith(kind) and text in f["message"] for f in flags), (kind, text)


def test_clean_pages_raise_no_flags(sample_run: dict) -> None:
    """Pages without byte damage get no lost-character flags (a question
    mark at the end of a heading is not damage)."""
    for page in ("000_0951288d9a01546f.txt", "001_71aa38aa9bc6c4af.txt", "003_aef6583e97fd9b87.txt"):
        assert not [f for f in sample_run[page]["findings"] if f["kind"] == "flag_lost_characters"]
