"""A re-run with one new page among N already cleaned: how long the pipeline
part takes when everything else is unchanged (the state file skips inputs
whose bytes did not change).

    python benchmarks/rerun.py --n 10000
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from scratch import scramble, seed_texts, write_pages  # noqa: E402

from pipeline.run import Run  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=10000)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()
    rng = random.Random(args.n)
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        pages = base / "pages"
        write_pages(pages, args.n, rng)

        def run() -> tuple[float, object]:
            start = time.perf_counter()
            job = Run(base / "guides", state=base / "state.sqlite", jobs=args.jobs)
            summary = job.execute([pages], base / "manifest.jsonl")
            return time.perf_counter() - start, summary

        first, summary = run()
        rate = args.n / first
        print(f"first run: {args.n} pages in {first:.1f} s ({rate:.0f} pages/s, {args.jobs} processes)")
        (pages / "new.txt").write_text(scramble(seed_texts()[1], rng), encoding="utf-8")
        again, summary = run()
        print(
            f"re-run with one new page: {again:.2f} s "
            f"({summary.skipped_inputs} inputs skipped, writes {dict(summary.writes)})"  # type: ignore[attr-defined]
        )


if __name__ == "__main__":
    main()
