"""How many lines of real articles the cleaner removes or changes.

Every line of the gold body text of the real-page development set
(../shared/realhtml-dev, built into a scratch folder outside the project) is
article text, so the cleaner should keep each one. Two ways of putting them
through it:

- line: each gold line alone, as a paragraph inside an ordinary article
  (title, two paragraphs before it, one after);
- page: each page's gold lines together as the body of one article, with
  its gold title given as the page's title, as an HTML page's headline is
  (catches what lines do to each other: repeats, lists).

A gold line that does not come out as it went in is counted by the step
that removed or changed it (and, for strip_boilerplate, the rule), with
examples. normalize_text (white space), normalize_punctuation (ASCII
punctuation inside Chinese text made full-width) and to_simplified
(Traditional script) are the documented normalizations and are counted
apart.

    python benchmarks/gold_lines.py /tmp/realhtml [--examples 3]

Nothing of the pages or their gold is written anywhere; they belong to their
publishers.
"""

from __future__ import annotations

import argparse
import difflib
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.cleaners import Cleaned, Cleaner  # noqa: E402
from pipeline.record import Document  # noqa: E402

TITLE = "信用卡逾期后怎么和银行协商"
OPENING = [
    "信用卡逾期以后，很多人第一反应是害怕，不知道该从哪里下手。",
    "其实只要弄清楚欠款的构成，主动和银行沟通，大多数情况都能找到解决办法。",
]
CLOSING = "最后提醒大家，任何时候都要通过官方渠道办理，不要相信所谓的代办机构。"
NORMALIZATIONS = {"normalize_text", "normalize_punctuation", "to_simplified"}


def gold_lines(record: dict) -> list[str]:
    return [line.strip() for line in (record.get("text") or "").split("\n") if line.strip()]


def blame(line: str, cleaned: Cleaned, doc: Document) -> tuple[str, str, str]:
    """(step, what, rule) for the first change that took ``line`` away:
    what is removed or changed; rule is the boilerplate rule, if any."""
    for change in cleaned.changes:
        before, after = change.before.split("\n"), change.after.split("\n")
        if line not in before or line in after:
            continue
        what = "removed"
        matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
        index = before.index(line)
        for tag, i1, i2, _, _ in matcher.get_opcodes():
            if i1 <= index < i2:
                what = "removed" if tag == "delete" else "changed"
        rule = ""
        if change.step == "strip_boilerplate":
            for finding in doc.findings:
                match = re.match(r"removed (\S+) line 「(.*)」", finding.message)
                if match and line.startswith(match.group(2).rstrip("…")):
                    rule = match.group(1)
                    break
        return change.step, what, rule
    return "?", "lost", ""


def run(records: list[dict], examples: int) -> None:
    cleaner = Cleaner()
    for mode in ("line", "page"):
        total = kept = 0
        counts: Counter[tuple[str, str, str]] = Counter()
        shown: dict[tuple[str, str, str], list[str]] = defaultdict(list)
        for record in records:
            lines = gold_lines(record)
            if mode == "line":
                cases = [("\n\n".join([TITLE, *OPENING, line, CLOSING]), None, [line]) for line in lines]
            else:
                cases = [("\n\n".join(lines), record.get("title"), lines)]
            for text, title, expected in cases:
                doc = Document(source=record["id"], text=text, title=title)
                cleaned = cleaner.clean(doc)
                out = set(cleaned.text.split("\n"))
                for line in expected:
                    total += 1
                    if line in out:
                        kept += 1
                        continue
                    key = blame(line, cleaned, doc)
                    counts[key] += 1
                    if len(shown[key]) < examples:
                        shown[key].append(f"{record['id']}: {line[:60]}")
        lost = sum(n for k, n in counts.items() if k[0] not in NORMALIZATIONS)
        normalized = total - kept - lost
        print(f"\n== {mode}: {total} gold lines, {kept} unchanged, {normalized} normalized,", end=" ")
        print(f"{lost} removed or changed")
        for (step, what, rule), n in counts.most_common():
            label = f"{step} ({rule})" if rule else step
            mark = " [normalization]" if step in NORMALIZATIONS else ""
            print(f"{n:6d}  {what:8s} {label}{mark}")
            for example in shown[(step, what, rule)]:
                print(f"          {example}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folder", type=Path, help="the development set built by realhtml-dev/build.py")
    parser.add_argument("--examples", type=int, default=3, help="examples shown per step")
    args = parser.parse_args()
    gold = args.folder / "gold.jsonl"
    if not gold.is_file():
        sys.exit(f"{gold} is missing: build the set first (see ../shared/realhtml-dev/README.md)")
    records = [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines() if line.strip()]
    run(records, args.examples)


if __name__ == "__main__":
    main()
