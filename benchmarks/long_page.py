"""One huge damaged page in a batch: a page written as a single line of
many megabytes, full of GB18030 byte slips, among N normal pages. It must
not hold up the batch: the byte-slip repair has a time budget per page
(``CleanerConfig.time_budget``), past which the page is rejected with the
reason instead of being repaired for minutes.

Runs ``credit-guides clean`` (as an operator does) on the batch without the
long page and with it, each into a fresh folder, and prints both times, the
ratio and what became of the long page.

    python benchmarks/long_page.py [--n 1000] [--mb 20]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from byte_slips import sentences  # noqa: E402
from scratch import slipped, write_corpus  # noqa: E402


def long_damaged_line(megabytes: float, seed: int = 0) -> str:
    """Sentences of the samples on one line, a fifth of them with one byte
    of their GB18030 encoding lost, up to ``megabytes`` of UTF-8."""
    rng = random.Random(seed)
    pool = sentences()
    parts: list[str] = []
    size = 0
    while size < megabytes * 1_000_000:
        sentence = rng.choice(pool)
        if rng.random() < 0.2:
            sentence = slipped(sentence, rng)
        parts.append(sentence)
        size += len(sentence.encode("utf-8"))
    return "".join(parts)


def clean(pages: Path, work: Path, jobs: int) -> float:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    command = [sys.executable, "-m", "pipeline", "clean", str(pages), "--jobs", str(jobs)]
    command += ["--out", str(work / "guides"), "--manifest", str(work / "manifest.jsonl")]
    start = time.perf_counter()
    subprocess.run(command, env=env, check=True, capture_output=True)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--mb", type=float, default=20)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        normal, mixed = base / "normal", base / "mixed"
        write_corpus(normal, args.n)
        shutil.copytree(normal, mixed)
        long_page = "一篇很长的文章\n\n" + long_damaged_line(args.mb)
        (mixed / "zz_long.txt").write_text(long_page, encoding="utf-8")
        size = (mixed / "zz_long.txt").stat().st_size / 1e6
        without = clean(normal, base / "a", args.jobs)
        with_long = clean(mixed, base / "b", args.jobs)
        records = [json.loads(line) for line in (base / "b" / "manifest.jsonl").read_text().splitlines()]
        [record] = [r for r in records if r["source"].endswith("zz_long.txt")]
        print(f"{args.n} pages, {args.jobs} jobs: {without:.1f} s")
        print(f"the same with one {size:.1f} MB single-line damaged page: {with_long:.1f} s")
        print(f"ratio: {with_long / without:.2f}x (goal: at most 1.5x)")
        print(f"the long page: {record['status']}: {record['reason']}")


if __name__ == "__main__":
    main()
