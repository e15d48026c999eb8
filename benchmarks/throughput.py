"""Clean throughput: our clean step beside the usual tool stack
(charset-normalizer → trafilatura for HTML → ftfy → OpenCC t2s), on the same
generated corpus, each in its own process, with pages/s, MB/s and peak
memory. The corpus mixes text and HTML pages, UTF-8 and GB18030, made from
the sample pages (a quarter of their characters replaced, so that they are
different articles) with their chrome, repeats, pinyin and byte damage.

Needs `pip install -e ".[bench]"` (trafilatura, charset-normalizer).

    python benchmarks/throughput.py --n 2000
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def make_corpus(folder: Path, n: int) -> int:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from scratch import scramble, seed_texts

    rng = random.Random(n)
    seeds = seed_texts()
    size = 0
    for i in range(n):
        text = scramble(seeds[i % len(seeds)], rng)
        if i % 3 == 0:
            body = "".join(f"<p>{line}</p>" for line in text.split("\n") if line.strip())
            page = (
                f"<html><head><meta charset='utf-8'><title>t{i}</title></head><body>"
                f"<div class='nav'><a href='/'>首页</a></div><div class='content'>{body}</div>"
                f"<div class='footer'>Copyright</div></body></html>"
            )
            data = page.encode("utf-8")
            name = f"{i:06d}.html"
        else:
            data = text.encode("gb18030" if i % 3 == 1 else "utf-8")
            name = f"{i:06d}.txt"
        (folder / name).write_bytes(data)
        size += len(data)
    return size


def ours(folder: Path, jobs: int) -> None:
    from pipeline.run import Run

    with tempfile.TemporaryDirectory() as out:
        Run(Path(out) / "guides", jobs=jobs).execute([folder], Path(out) / "manifest.jsonl")


def usual(folder: Path) -> None:
    import charset_normalizer
    import ftfy
    import opencc
    import trafilatura

    converter = opencc.OpenCC("t2s")
    for path in sorted(folder.iterdir()):
        best = charset_normalizer.from_bytes(path.read_bytes()).best()
        text = str(best) if best else ""
        if path.suffix == ".html":
            text = trafilatura.extract(text) or ""
        converter.convert(ftfy.fix_text(text))


def measure(which: str, folder: Path, jobs: int) -> dict[str, float]:
    start = time.perf_counter()
    if which == "ours":
        ours(folder, jobs)
    else:
        usual(folder)
    elapsed = time.perf_counter() - start
    # children: the worker processes of a parallel run
    peak = max(
        resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
        resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss,
    )
    return {"seconds": elapsed, "peak_mb": peak / 1024}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=2000)
    parser.add_argument("--measure", nargs=3, metavar=("WHICH", "FOLDER", "JOBS"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        which, folder, jobs = args.measure
        print(json.dumps(measure(which, Path(folder), int(jobs))))
        return
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "pages"
        folder.mkdir()
        size = make_corpus(folder, args.n)
        print(f"{args.n} pages, {size / 1e6:.1f} MB\n")
        print("| stack | jobs | pages/s | MB/s | peak memory |")
        print("|---|---|---|---|---|")
        results = {}
        for which, jobs in (("usual", 1), ("ours", 1), ("ours", 2)):
            out = subprocess.run(
                [sys.executable, __file__, "--measure", which, str(folder), str(jobs)],
                capture_output=True,
                text=True,
                check=True,
            )
            result = json.loads(out.stdout.strip().splitlines()[-1])
            results[(which, jobs)] = result
            name = (
                "charset-normalizer + trafilatura + ftfy + OpenCC"
                if which == "usual"
                else "credit-guides clean"
            )
            rate, mbps = args.n / result["seconds"], size / 1e6 / result["seconds"]
            print(f"| {name} | {jobs} | {rate:.0f} | {mbps:.2f} | {result['peak_mb']:.0f} MB |")
        base = results[("usual", 1)]["seconds"]
        print(
            f"\nours on one core: {base / results[('ours', 1)]['seconds']:.2f}× the usual stack; "
            f"two cores: {results[('ours', 1)]['seconds'] / results[('ours', 2)]['seconds']:.2f}× one core"
        )


if __name__ == "__main__":
    main()
