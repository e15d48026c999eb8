"""Words cut out by a site's filter, put back from a sibling copy.

Real articles (the gold texts of the real-page development set,
../shared/realhtml-dev, built into a scratch folder outside the project;
nothing of them is written anywhere), each in two copies as two sites
would serve it: each site's filter cut a different word out of its copy
everywhere (two of the page's most frequent content words, as jieba
segments it). On a third of the pages the filter left a space where the
word was; on another third a quoted word leaves empty quotation marks.

The copy with the first word cut is restored from the other
(``pipeline.dedup.restore_cut_words``, what the settle step does for the
copy it publishes) and compared with the real article:

- holes: the places the first word was cut from;
- restored right: holes filled with the real article's word, in place;
- left: holes still open (the sibling's line differed too much, the
  sibling's own cut word stood next to the hole, or the word appeared only
  once with no mark);
- characters put in wrongly: what the restoration added that the real
  article does not have;
- on undamaged copies (each article against a copy with a word cut), lines
  changed: must be none.

    python benchmarks/cut_words.py /tmp/realhtml
"""

from __future__ import annotations

import argparse
import json
import logging
import random
import re
import sys
from collections import Counter
from difflib import SequenceMatcher
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.cleaners.context import function_characters  # noqa: E402
from pipeline.dedup import restore_cut_words  # noqa: E402

_WORD = re.compile(r"[\u4e00-\u9fff]{2,4}")


def content_words(text: str) -> list[str]:
    """The page's words of two to four Han characters that are not made of
    function characters, most frequent first (twice or more)."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    functions = function_characters()
    counts = Counter(
        w for w in jieba.lcut(text, HMM=False) if _WORD.fullmatch(w) and not all(c in functions for c in w)
    )
    return [w for w, n in counts.most_common() if n >= 2]


def cut(lines: list[str], word: str, how: str) -> list[str]:
    if how == "space":
        return [line.replace(word, " ") for line in lines]
    if how == "quotes":
        return [line.replace(f"“{word}”", "“”").replace(word, "") for line in lines]
    return [line.replace(word, "") for line in lines]


def unmatched(truth: str, text: str) -> tuple[int, int]:
    """Characters of ``truth`` missing from ``text``, and characters of
    ``text`` that ``truth`` does not have (spaces not counted)."""
    a, b = truth.replace(" ", ""), text.replace(" ", "")
    same = sum(block.size for block in SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks())
    return len(a) - same, len(b) - same


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folder", type=Path, help="where realhtml-dev's build.py wrote gold.jsonl")
    args = parser.parse_args()
    gold = args.folder / "gold.jsonl"
    if not gold.is_file():
        sys.exit(f"{gold} is missing: build the set first (see ../shared/realhtml-dev/README.md)")
    records = [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines() if line.strip()]
    pages = holes = right = left = wrong = clean_changed = clean_lines = 0
    words: Counter[str] = Counter()
    for n, record in enumerate(records):
        lines = [line.strip() for line in (record.get("text") or "").split("\n") if line.strip()]
        text = "\n".join(lines)
        candidates = content_words(text)
        # two words, neither inside the other
        pair = next(
            ((a, b) for a in candidates for b in candidates if a != b and a not in b and b not in a), None
        )
        if pair is None:
            continue
        first, second = pair
        how = ("none", "space", "quotes")[n % 3]
        mine, theirs = cut(lines, first, how), cut(lines, second, how)
        restored, _ = restore_cut_words(mine, [("other", theirs)])
        pages += 1
        words[first] += 1
        for truth, before, after in zip(lines, mine, restored, strict=True):
            count = truth.count(first)
            holes += count
            missing, _ = unmatched(truth, after)
            still = min(count, round(missing / len(first)))
            right += count - still
            left += still
            wrong += max(unmatched(truth, after)[1] - unmatched(truth, before)[1], 0)
        # an undamaged copy beside a damaged one is left as it is
        untouched, _ = restore_cut_words(lines, [("other", theirs)])
        clean_lines += len(lines)
        clean_changed += sum(a != b for a, b in zip(lines, untouched, strict=True))
    print(f"{pages} pages, two copies each, a different word cut out of each copy")
    print(f"holes: {holes}")
    print(f"restored right: {right} ({100 * right / max(holes, 1):.1f}%)")
    print(f"left open: {left} ({100 * left / max(holes, 1):.1f}%)")
    print(f"characters put in wrongly: {wrong}")
    print(f"undamaged copies: {clean_changed} of {clean_lines} lines changed")
    print(f"words cut (the most frequent): {', '.join(w for w, _ in words.most_common(12))}")


if __name__ == "__main__":
    random.seed(0)
    main()
