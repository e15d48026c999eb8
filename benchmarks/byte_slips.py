"""How well byte slips are repaired, on damage made from clean sentences.

Takes the sentences of the clean sample pages (000, 001, 003), encodes each
as GB18030, drops one byte at a random position, decodes it with
replacement characters (what a careless reader of the damaged bytes does)
and runs the repair. Reports the share of sentences restored exactly, the
character accuracy before and after (1 - edit distance / length) and how
many sentences the repair made worse.

    python benchmarks/byte_slips.py [--n 300] [--seed 1]
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from difflib import SequenceMatcher
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

sys.path.insert(0, str(ROOT / "benchmarks"))

from scratch import slipped  # noqa: E402

from pipeline.cleaners.garble import repair_line  # noqa: E402

PAGES = ["000_0951288d9a01546f.txt", "001_71aa38aa9bc6c4af.txt", "003_aef6583e97fd9b87.txt"]


def sentences() -> list[str]:
    out = []
    for name in PAGES:
        text = (ROOT / "corpus" / "seeds" / name).read_text(encoding="utf-8")
        for part in re.findall(r"[^。！？\n]{12,60}[。！？]", text):
            if "?" not in part and part not in out:
                out.append(part)
    return out


def accuracy(truth: str, text: str) -> float:
    return SequenceMatcher(None, truth, text, autojunk=False).ratio()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=300)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    pool = sentences()
    exact = worse = 0
    before_total = after_total = 0.0
    start = time.perf_counter()
    for _ in range(args.n):
        truth = rng.choice(pool)
        damaged = slipped(truth, rng)
        repaired = repair_line(damaged)[0]
        before, after = accuracy(truth, damaged), accuracy(truth, repaired)
        before_total += before
        after_total += after
        exact += repaired == truth
        worse += after < before - 1e-9
    elapsed = time.perf_counter() - start
    print(f"sentences {args.n} (from {len(pool)} distinct), one byte dropped each")
    print(f"restored exactly      {exact / args.n:.1%}")
    print(f"character similarity  {before_total / args.n:.3f} damaged → {after_total / args.n:.3f} repaired")
    print(f"made worse            {worse}")
    print(f"time                  {elapsed / args.n * 1000:.1f} ms per damaged sentence")


if __name__ == "__main__":
    main()
