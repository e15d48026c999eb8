"""Scraped pages → built site at scale: N synthetic pages made from the
sample pages (a quarter of their Han characters replaced by other common
characters, so that they are different articles to the dedup step), cleaned
into guides and built with MkDocs, in a scratch copy of the project.

The two steps are the ones ``credit-guides build --sources PAGES`` runs,
timed apart: ``credit-guides clean`` (all cores, state file, quality
report) and ``mkdocs build``, each as its own command, so start-up counts.
Prints both times and their sum, the processor time each used (all its
processes: what the times could shrink to with every core busy), the
number of HTML pages, the largest page and the largest guide page. Run it
in the project folder:

    python benchmarks/site_scale.py --n 1000
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
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from scratch import copy_project, write_pages  # noqa: E402


def _busy_cpu() -> float:
    """Processor seconds this machine has spent busy (all cores, from
    /proc/stat): on an otherwise idle machine, what a command used, its
    worker processes included (which the command does not always wait for,
    so the resource module does not see them)."""
    fields = Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]
    # user, nice, system, idle, iowait, irq, softirq: all but idle and iowait
    busy = sum(int(fields[i]) for i in (0, 1, 2, 5, 6))
    return busy / os.sysconf("SC_CLK_TCK")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--keep", action="store_true", help="keep the scratch project and print its path")
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="site-scale-"))
    try:
        copy_project(tmp)
        pages = tmp / "pages"
        write_pages(pages, args.n, random.Random(args.n))

        # the scratch project has pipeline/data only: the package is this one
        env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONPATH=str(ROOT))
        cpu = _busy_cpu()
        start = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "pipeline", "clean", "pages"],
            cwd=tmp,
            env=env,
            check=True,
            stderr=subprocess.PIPE,
        )
        t_clean = time.perf_counter() - start
        cpu_clean, cpu = _busy_cpu() - cpu, _busy_cpu()
        manifest = (tmp / ".pipeline" / "manifest.jsonl").read_text(encoding="utf-8").splitlines()
        statuses = Counter(json.loads(line)["status"] for line in manifest)

        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q"], cwd=tmp, env=env, check=True)
        t_build = time.perf_counter() - start
        cpu_build = _busy_cpu() - cpu

        html = list((tmp / "site" / "guides").rglob("index.html"))
        largest = max(html, key=lambda p: p.stat().st_size)
        guides = [p for p in html if not p.parent.name.startswith("page-") and p.parent.parent.name != "site"]
        guides = [p for p in guides if p.parent.parent.parent.name == "guides"]
        guide_kb = max(p.stat().st_size for p in guides) / 1024
        index = tmp / "site" / "search" / "search_index.json"
        print(
            f"{args.n} pages: {statuses['published']} guides "
            f"({statuses['duplicate']} duplicates, {statuses['rejected']} rejected); "
            f"clean {t_clean:.1f} s ({args.n / t_clean:.0f} pages/s), mkdocs build {t_build:.1f} s, "
            f"together {t_clean + t_build:.1f} s; "
            f"{len(html)} HTML pages under guides/, largest {largest.stat().st_size / 1024:.1f} KB "
            f"({largest.relative_to(tmp / 'site')}), largest guide page {guide_kb:.1f} KB; "
            f"search index {index.stat().st_size / 1e6:.1f} MB"
        )
        print(
            f"processor time (whole machine): clean {cpu_clean:.1f} s, mkdocs build {cpu_build:.1f} s, "
            f"together {cpu_clean + cpu_build:.1f} s; {len(os.sched_getaffinity(0))} cores give "
            f"{len(os.sched_getaffinity(0)) * (t_clean + t_build):.1f} s in the time taken"
        )
    finally:
        if args.keep:
            print(f"project kept in {tmp}")
        else:
            shutil.rmtree(tmp)


if __name__ == "__main__":
    main()
