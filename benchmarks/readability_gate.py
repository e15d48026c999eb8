"""The readability gate measured on the real-page development set.

    python benchmarks/readability_gate.py /tmp/realhtml

1. Every gold title and text must score above the gate's threshold
   (``pipeline.readability``).
2. Every page, read and cleaned as the pipeline does, must pass it.
3. Each gold title and text damaged as scrapers damage pages (UTF-8 decoded
   as GBK, cp1252 and Big5 with errors replaced, i.e. with losses) goes
   through the cleaner and the clean stage's rejection rules: it must be
   repaired (published, and its text matches the gold with a character F1
   of at least 0.9) or rejected, never published unreadable.

Only counts and scores are printed; nothing of the pages or their gold is
written anywhere (they belong to their publishers).
"""

from __future__ import annotations

import argparse
import collections
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from real_pages import scores  # noqa: E402

from pipeline.cleaners import Cleaner  # noqa: E402
from pipeline.readability import THRESHOLD, readability, unreadable  # noqa: E402
from pipeline.readers import Rejection, read_file  # noqa: E402
from pipeline.record import Document  # noqa: E402
from pipeline.stages.clean import rejection_reason  # noqa: E402

CODECS = ("gbk", "cp1252", "big5")
REPAIRED_F1 = 0.9


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--verbose", action="store_true", help="per-page ids, scores and reasons")
    args = parser.parse_args()
    cleaner = Cleaner()
    gold = [json.loads(line) for line in (args.folder / "gold.jsonl").read_text("utf-8").splitlines()]

    def show(*values: object) -> None:
        if args.verbose:
            print(" ", *values)

    # a gold text is the page as its site shows it: a few hold U+FFFD or
    # private-use characters (icons, the site's own damage), which the
    # cleaner removes or repairs; the score is what is measured on them
    gold_scores, gold_fail, gold_marks = [], 0, 0
    for page in gold:
        title, text = page.get("title") or "", page["text"]
        found = [readability(title), readability(text)]
        gold_scores.append(min(f.score for f in found))
        gold_marks += any(f.replacement or f.private_use for f in found)
        if gold_scores[-1] < THRESHOLD:
            gold_fail += 1
            show(page["id"], "gold:", unreadable(title, text))
    passed = len(gold) - gold_fail
    print(f"{len(gold)} gold titles and texts: {passed} score above the threshold, {gold_fail} below")
    print(f"  lowest gold score {min(gold_scores):.3f} (threshold {THRESHOLD:.2f})")
    print(f"  gold texts holding U+FFFD or private-use characters as their sites show them: {gold_marks}")

    cleaned_scores, cleaned_fail, cleaned_count = [], 0, 0
    for page in gold:
        [doc] = list(read_file(args.folder / "pages" / f"{page['id']}.html"))
        if isinstance(doc, Rejection):
            continue
        cleaned = cleaner.clean(doc, record_changes=False)
        cleaned_count += 1
        cleaned_scores.append(min(readability(cleaned.title or "").score, readability(cleaned.text).score))
        reason = unreadable(cleaned.title or "", cleaned.text, cleaned.lost)
        if reason:
            cleaned_fail += 1
            show(page["id"], "cleaned:", reason)
    print(f"{cleaned_count} cleaned pages: {cleaned_count - cleaned_fail} pass the gate, {cleaned_fail} fail")
    print(f"  lowest cleaned score {min(cleaned_scores):.3f}")

    for codec in CODECS:
        outcome: collections.Counter[str] = collections.Counter()
        damaged_scores = []
        for page in gold:
            title, text = page.get("title") or "", page["text"]
            bad_title = title.encode("utf-8").decode(codec, errors="replace")
            bad_text = text.encode("utf-8").decode(codec, errors="replace")
            damaged_scores.append(min(readability(bad_title).score, readability(bad_text).score))
            doc = Document(source=page["id"], text=bad_text, title=bad_title or None)
            cleaned = cleaner.clean(doc, record_changes=False)
            reason = rejection_reason(cleaned)
            if reason:
                kind = reason.split(":")[0]
                outcome[f"rejected ({kind})"] += 1
                show(page["id"], codec, "rejected:", reason)
                continue
            f1 = scores(cleaned.text, text)[2]
            title_f1 = scores(cleaned.title or "", title)[2] if title else 1.0
            if f1 >= REPAIRED_F1 and title_f1 >= REPAIRED_F1:
                outcome["repaired and published"] += 1
            else:
                outcome["PUBLISHED UNREPAIRED"] += 1
                show(page["id"], codec, f"published with text F1 {f1:.2f}, title F1 {title_f1:.2f}")
        counts = ", ".join(f"{n} {what}" for what, n in sorted(outcome.items()))
        print(f"UTF-8 read as {codec} with losses: {counts}")
        print(f"  highest damaged score before cleaning {max(damaged_scores):.3f}")


if __name__ == "__main__":
    main()
