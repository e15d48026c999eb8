"""Main-content extraction on the labelled HTML pages: a floor that must not
drop (benchmarks/extraction.py prints the full table, beside trafilatura)."""

from __future__ import annotations

import json
import sys

import pytest

from pipeline.readers.htmlpage import extract_html
from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))
from extraction import PAGES, ours, score

LABELS = json.loads((PAGES / "labels.json").read_text(encoding="utf-8"))
PRECISION_FLOOR = 0.95
RECALL_FLOOR = 0.95


def test_extraction_meets_the_floor() -> None:
    totals = [0, 0, 0, 0]
    for page, label in LABELS.items():
        result = score(ours((PAGES / page).read_text(encoding="utf-8")), label["paragraphs"])
        totals = [t + r for t, r in zip(totals, result, strict=True)]
    assert totals[0] / totals[1] >= PRECISION_FLOOR
    assert totals[2] / totals[3] >= RECALL_FLOOR


@pytest.mark.parametrize("page", sorted(LABELS))
def test_title_comes_from_the_page_not_the_site(page: str) -> None:
    assert extract_html((PAGES / page).read_text(encoding="utf-8")).title == LABELS[page]["title"]


def test_chrome_does_not_reach_the_text() -> None:
    for page in LABELS:
        text = extract_html((PAGES / page).read_text(encoding="utf-8")).text
        for chrome in (
            "首页",
            "Copyright",
            "热门文章",
            "顶一下",
            "打开App",
            "分享到",
            "停息挂账需要什么材料",
        ):
            assert chrome not in text, (page, chrome)
