"""Main text and titles of real web pages, read and cleaned as the pipeline
does, scored against their gold.

The pages are the real-page development set (../shared/realhtml-dev, built
into a scratch folder outside the project: its README says how). Each page
goes through the reader (decoding, extraction) and the cleaning chain; the
cleaned text is scored against the gold body by character precision, recall
and F1 after the usual normalization (NFKC, Traditional to Simplified, lower
case, only letters, digits and Han characters kept). The matched characters
are those of difflib's matching blocks, close to the longest common
subsequence on texts like these. A title is right when it equals the gold
title or one of its accepted forms after the same normalization.

    python benchmarks/real_pages.py /tmp/realhtml

Nothing of the pages or their gold is written anywhere; they belong to their
publishers.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import unicodedata
from difflib import SequenceMatcher
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.cleaners import Cleaner  # noqa: E402
from pipeline.cleaners.script import to_simplified_text  # noqa: E402
from pipeline.readers import Rejection, read_file  # noqa: E402

_KEEP = re.compile(r"[^0-9a-z\u3400-\u9fff]+")


def normalize(text: str) -> str:
    return _KEEP.sub("", to_simplified_text(unicodedata.normalize("NFKC", text)).lower())


def scores(output: str, gold: str) -> tuple[float, float, float]:
    out, truth = normalize(output), normalize(gold)
    if not out or not truth:
        return 0.0, 0.0, 0.0
    matcher = SequenceMatcher(None, out, truth, autojunk=False)
    same = sum(block.size for block in matcher.get_matching_blocks())
    precision, recall = same / len(out), same / len(truth)
    return precision, recall, (2 * precision * recall / (precision + recall) if same else 0.0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folder", type=Path, help="where realhtml-dev's build.py wrote pages/ and gold.jsonl")
    args = parser.parse_args()
    cleaner = Cleaner()
    f1s, titles, empty, rejected = [], 0, 0, []
    gold = [json.loads(line) for line in (args.folder / "gold.jsonl").read_text("utf-8").splitlines()]
    for page in gold:
        [doc] = list(read_file(args.folder / "pages" / f"{page['id']}.html"))
        if isinstance(doc, Rejection):
            rejected.append(f"{page['id']}: {doc.reason}")
            f1s.append(0.0)
            empty += 1
            continue
        cleaned = cleaner.clean(doc, record_changes=False)
        f1s.append(scores(cleaned.text, page["text"])[2])
        empty += not cleaned.text.strip()
        accepted = {normalize(t) for t in [page.get("title") or "", *page.get("title_alt", [])] if t}
        titles += bool(cleaned.title) and normalize(cleaned.title or "") in accepted
    with_title = sum(1 for page in gold if page.get("title"))
    print(f"{len(gold)} pages")
    print(f"main text: mean character F1 {statistics.mean(f1s):.3f}, median {statistics.median(f1s):.3f}")
    print(f"pages with no text: {empty} (rejected by the reader: {len(rejected)})")
    print(f"titles right: {titles} of the {with_title} pages that show one")
    for line in rejected:
        print(f"  {line}")


if __name__ == "__main__":
    main()
