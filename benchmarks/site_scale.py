"""Scraped pages → built site at scale: N synthetic pages made from the
sample pages (a quarter of their Han characters replaced by other common
characters, so that they are different articles to the dedup step), cleaned
into guides and built with MkDocs, in a scratch copy of the project.

Prints the clean time, the build time, the number of HTML pages and the
largest guide page. Run it in the project folder:

    python benchmarks/site_scale.py --n 1000
"""

from __future__ import annotations

import argparse
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

from pipeline.readers.encoding import _is_common  # noqa: E402
from pipeline.run import Run  # noqa: E402

COMMON = [chr(c) for c in range(0x4E00, 0x9FA6) if _is_common(chr(c))]


def scramble(text: str, rng: random.Random, rate: float = 0.25) -> str:
    """Replace characters of the body lines; titles and chrome stay as they are."""
    return "\n".join(
        "".join(
            rng.choice(COMMON) if "\u4e00" <= ch <= "\u9fff" and rng.random() < rate else ch for ch in line
        )
        if len(line) > 40
        else line
        for line in text.split("\n")
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--keep", action="store_true", help="keep the scratch project and print its path")
    args = parser.parse_args()
    rng = random.Random(args.n)
    seeds = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpus" / "seeds").glob("*.txt"))]
    tmp = Path(tempfile.mkdtemp(prefix="site-scale-"))
    try:
        for name in ("mkdocs.yml", "content", "overrides", "glossary.yaml"):
            src = ROOT / name
            if src.is_dir():
                shutil.copytree(src, tmp / name, ignore=shutil.ignore_patterns("guides"))
            else:
                shutil.copy(src, tmp / name)
        shutil.copytree(ROOT / "pipeline" / "data", tmp / "pipeline" / "data")
        pages = tmp / "pages"
        pages.mkdir()
        for i in range(args.n):
            (pages / f"page{i:06d}.txt").write_text(scramble(seeds[i % len(seeds)], rng), encoding="utf-8")

        start = time.perf_counter()
        summary = Run(tmp / "content" / "guides").execute([pages], tmp / ".pipeline" / "manifest.jsonl")
        t_clean = time.perf_counter() - start

        start = time.perf_counter()
        env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q"], cwd=tmp, env=env, check=True)
        t_build = time.perf_counter() - start

        html = list((tmp / "site" / "guides").rglob("index.html"))
        largest = max(html, key=lambda p: p.stat().st_size)
        guides = [p for p in html if not p.parent.name.startswith("page-") and p.parent.parent.name != "site"]
        guides = [p for p in guides if p.parent.parent.parent.name == "guides"]
        guide_kb = max(p.stat().st_size for p in guides) / 1024
        index = tmp / "site" / "search" / "search_index.json"
        print(
            f"{args.n} pages: {summary.statuses['published']} guides "
            f"({summary.statuses['duplicate']} duplicates, {summary.statuses['rejected']} rejected); "
            f"clean {t_clean:.1f} s ({args.n / t_clean:.0f} pages/s), mkdocs build {t_build:.1f} s; "
            f"{len(html)} HTML pages under guides/, largest {largest.stat().st_size / 1024:.1f} KB "
            f"({largest.relative_to(tmp / 'site')}), largest guide page {guide_kb:.1f} KB; "
            f"search index {index.stat().st_size / 1e6:.1f} MB"
        )
    finally:
        if args.keep:
            print(f"project kept in {tmp}")
        else:
            shutil.rmtree(tmp)


if __name__ == "__main__":
    main()
