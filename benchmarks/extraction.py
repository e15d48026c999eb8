"""Main-content extraction from HTML: ours beside trafilatura's, on the
labelled pages of tests/data/extraction/ (and any you add with labels).

Precision: the share of extracted paragraphs that belong to the article.
Recall: the share of the article's paragraphs that were extracted. A
paragraph matches when, without white space and punctuation, one contains
the other and they are of similar length. Needs `pip install trafilatura`.

    python benchmarks/extraction.py [--repeat 5]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.readers.htmlpage import extract_html  # noqa: E402

PAGES = ROOT / "tests" / "data" / "extraction"


def norm(text: str) -> str:
    return re.sub(r"[\W_]+", "", text)


def matches(line: str, label: str) -> bool:
    a, b = norm(line), norm(label)
    if not a or not b:
        return False
    short, long = sorted((a, b), key=len)
    return short in long and len(short) >= 0.8 * len(long)


def score(lines: list[str], labels: list[str]) -> tuple[int, int, int, int]:
    lines = [line for line in lines if norm(line)]
    good = sum(any(matches(line, label) for label in labels) for line in lines)
    found = sum(any(matches(line, label) for line in lines) for label in labels)
    return good, len(lines), found, len(labels)


def ours(html: str) -> list[str]:
    return extract_html(html).text.split("\n")


def theirs(html: str) -> list[str]:
    import trafilatura

    return (trafilatura.extract(html, include_comments=False, include_tables=True) or "").split("\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=5, help="passes over the pages when timing")
    args = parser.parse_args()
    labels = json.loads((PAGES / "labels.json").read_text(encoding="utf-8"))
    pages = {name: (PAGES / name).read_text(encoding="utf-8") for name in labels}
    print(f"{len(pages)} labelled pages\n")
    print("| extractor | precision | recall | pages/s | per layout (P/R) |")
    print("|---|---|---|---|---|")
    for name, extract in (("ours (lxml)", ours), ("trafilatura", theirs)):
        totals = [0, 0, 0, 0]
        layouts: dict[str, list[int]] = {}
        for page, html in pages.items():
            result = score(extract(html), labels[page]["paragraphs"])
            totals = [t + r for t, r in zip(totals, result, strict=True)]
            layout = layouts.setdefault(page.split("_")[0], [0, 0, 0, 0])
            layouts[page.split("_")[0]] = [t + r for t, r in zip(layout, result, strict=True)]
        start = time.perf_counter()
        for _ in range(args.repeat):
            for html in pages.values():
                extract(html)
        rate = args.repeat * len(pages) / (time.perf_counter() - start)
        per = ", ".join(
            f"{k} {v[0] / max(v[1], 1):.2f}/{v[2] / max(v[3], 1):.2f}" for k, v in layouts.items()
        )
        precision = totals[0] / max(totals[1], 1)
        recall = totals[2] / max(totals[3], 1)
        print(f"| {name} | {precision:.3f} | {recall:.3f} | {rate:.0f} | {per} |")


if __name__ == "__main__":
    main()
