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

    python benchmarks/real_pages.py /tmp/realhtml [--compare]

Pages are split into two halves by a stable hash of their id (``tune`` and
``held``) and each half is scored on its own; ``--compare`` scores
trafilatura and readability-lxml on the same pages.

Nothing of the pages or their gold is written anywhere; they belong to their
publishers.
"""

from __future__ import annotations

import argparse
import hashlib
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
from pipeline.readers.encoding import decode  # noqa: E402

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


def half(page_id: str) -> str:
    """Which half of the set a page is in, by a stable hash of its id:
    ``tune`` pages may be looked at while changing the rules, ``held``
    pages are only scored."""
    return "tune" if int(hashlib.sha1(page_id.encode()).hexdigest()[:8], 16) % 2 == 0 else "held"


def ours(cleaner: Cleaner, path: Path) -> tuple[str, str | None]:
    [doc] = list(read_file(path))
    if isinstance(doc, Rejection):
        return "", None
    cleaned = cleaner.clean(doc, record_changes=False)
    return cleaned.text, cleaned.title


def theirs(tool: str, path: Path) -> tuple[str, str | None]:
    """trafilatura's or readability-lxml's text and title, given the page
    decoded by our reader (trafilatura mis-decodes GBK pages given as
    bytes, which would measure its decoder rather than its extraction)."""
    html = decode(path.read_bytes()).text
    if tool == "trafilatura":
        import trafilatura

        text = trafilatura.extract(html, include_comments=False, include_tables=True) or ""
        meta = trafilatura.extract_metadata(html)
        return text, meta.title if meta else None
    from lxml.html import fromstring
    from readability import Document as Readable

    readable = Readable(html)
    summary = readable.summary(html_partial=True)
    text = fromstring(summary).text_content() if summary.strip() else ""
    return text, readable.short_title()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folder", type=Path, help="where realhtml-dev's build.py wrote pages/ and gold.jsonl")
    parser.add_argument(
        "--compare",
        action="store_true",
        help="also score trafilatura and readability-lxml (pip install -e '.[bench]')",
    )
    args = parser.parse_args()
    cleaner = Cleaner()
    gold = [json.loads(line) for line in (args.folder / "gold.jsonl").read_text("utf-8").splitlines()]
    tools = ["credit-guides"] + (["readability-lxml", "trafilatura"] if args.compare else [])
    print(
        f"{len(gold)} pages: {sum(half(p['id']) == 'tune' for p in gold)} tune, "
        f"{sum(half(p['id']) == 'held' for p in gold)} held"
    )
    for tool in tools:
        rows: dict[str, list[tuple[float, bool, bool | None]]] = {"tune": [], "held": []}
        for page in gold:
            path = args.folder / "pages" / f"{page['id']}.html"
            text, title = ours(cleaner, path) if tool == "credit-guides" else theirs(tool, path)
            accepted = {normalize(t) for t in [page.get("title") or "", *page.get("title_alt", [])] if t}
            right = bool(title) and normalize(title or "") in accepted if page.get("title") else None
            rows[half(page["id"])].append((scores(text, page["text"])[2], not text.strip(), right))
        for name, found in [
            ("tune", rows["tune"]),
            ("held", rows["held"]),
            ("all", rows["tune"] + rows["held"]),
        ]:
            f1s = [f for f, _, _ in found]
            titled = [r for _, _, r in found if r is not None]
            print(
                f"{tool:16} {name}: mean F1 {statistics.mean(f1s):.3f}, median {statistics.median(f1s):.3f}, "
                f"no text {sum(e for _, e, _ in found)}, titles {sum(titled)}/{len(titled)}"
            )


if __name__ == "__main__":
    main()
