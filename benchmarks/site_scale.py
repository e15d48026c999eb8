"""Scraped pages → built site at scale: N synthetic pages made from the
sample pages (a quarter of their Han characters replaced by other common
characters, so that they are different articles to the dedup step), cleaned
into guides and built with MkDocs, in a scratch copy of the project.

The two steps are the ones ``credit-guides build --sources PAGES`` runs,
timed apart: ``credit-guides clean`` (all cores, state file, quality
report) and ``mkdocs build``, each as its own command, so start-up counts.
Prints both times and their sum, the processor time each used (all its
processes: what the times could shrink to with every core busy), the
number of HTML pages, the largest page and the largest guide page.

Then the search, as a reader meets it: the site served by
``python3 -m http.server``, Chromium opens the home page, and for each of a
handful of Chinese queries (a new browser context each, so nothing is
cached) the query is typed into the header search box; printed are the
bytes downloaded from the click into the box to the first result shown, and
the time from the query's input event to the first result in the list,
taken in the page (Pagefind's script, its WebAssembly and the index chunks
are fetched on the click into the box, then the fragments of the first ten
results). Run it in the project folder:

    python benchmarks/site_scale.py --n 1000
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from scratch import copy_project, mark_reviewed, write_pages  # noqa: E402


def _busy_cpu() -> float:
    """Processor seconds this machine has spent busy (all cores, from
    /proc/stat): on an otherwise idle machine, what a command used, its
    worker processes included (which the command does not always wait for,
    so the resource module does not see them)."""
    fields = Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]
    # user, nice, system, idle, iowait, irq, softirq: all but idle and iowait
    busy = sum(int(fields[i]) for i in (0, 1, 2, 5, 6))
    return busy / os.sysconf("SC_CLK_TCK")


QUERIES = ("协商", "耐心", "征信", "催收", "逾期怎么办", "投诉电话")
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")


def _serve(site: Path) -> tuple[subprocess.Popen[bytes], str]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1", "-d", str(site)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                break
        except OSError:
            time.sleep(0.1)
    return server, f"http://127.0.0.1:{port}"


_TIMING = """
window.__searchTiming = {start: null, first: null};
document.addEventListener("input", () => {
  if (window.__searchTiming.start === null) window.__searchTiming.start = performance.now();
}, true);
document.addEventListener("DOMContentLoaded", () => {
  const list = document.querySelector(".md-search-result__list");
  new MutationObserver(() => {
    const t = window.__searchTiming;
    if (list.children.length && t.start !== null && t.first === null) t.first = performance.now();
  }).observe(list, {childList: true});
});
"""


def measure_search(site: Path, queries: tuple[str, ...] = QUERIES) -> list[tuple[str, int, float, int]]:
    """(query, bytes, seconds to the first result, results) per query."""
    from playwright.sync_api import sync_playwright

    server, url = _serve(site)
    rows = []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
            for query in queries:
                context = browser.new_context()
                # timed in the page, from the query's input event to the
                # first result in the list: Playwright's own wait polls at
                # growing intervals (up to half a second), which it would add
                context.add_init_script(_TIMING)
                page = context.new_page()
                page.goto(f"{url}/", wait_until="load")
                # Playwright reports the requests of Pagefind's web worker
                # too (a CDP session on the page would miss them);
                # http.server sends every file whole with its Content-Length
                received = [0]

                def count(response, received: list[int] = received) -> None:  # type: ignore[no-untyped-def]
                    received[0] += int(response.headers.get("content-length") or 0)

                page.on("response", count)
                page.locator(".md-search__input").click()
                # an input method commits a Chinese word at once
                page.keyboard.insert_text(query)
                page.wait_for_selector(".md-search-result__item", timeout=60_000)
                timing = page.evaluate("window.__searchTiming")
                took = (timing["first"] - timing["start"]) / 1000
                page.remove_listener("response", count)
                page.wait_for_function(
                    "() => /个符合条件的结果/.test("
                    "document.querySelector('.md-search-result__meta').textContent)"
                )
                results = page.locator(".md-search-result__meta").inner_text()
                rows.append((query, received[0], took, int("".join(c for c in results if c.isdigit()) or 0)))
                context.close()
            browser.close()
    finally:
        server.terminate()
        server.wait()
    return rows


def _size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--keep", action="store_true", help="keep the scratch project and print its path")
    parser.add_argument("--no-search", action="store_true", help="do not measure search in Chromium")
    parser.add_argument(
        "--characters",
        action="store_true",
        help="make the pages different by replacing characters (the corpus of earlier figures), not words",
    )
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="site-scale-"))
    try:
        copy_project(tmp)
        pages = tmp / "pages"
        write_pages(pages, args.n, random.Random(args.n), words=not args.characters)

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
        # the pages keep the samples' holes: the review gate holds their
        # guides, and an editor's reviewed: true publishes them (not timed)
        held = len(mark_reviewed(tmp))

        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q"], cwd=tmp, env=env, check=True)
        t_build = time.perf_counter() - start
        cpu_build = _busy_cpu() - cpu

        html = list((tmp / "site" / "guides").rglob("index.html"))
        largest = max(html, key=lambda p: p.stat().st_size)
        guides = [p for p in html if not p.parent.name.startswith("page-") and p.parent.parent.name != "site"]
        guides = [p for p in guides if p.parent.parent.parent.name == "guides"]
        guide_kb = max(p.stat().st_size for p in guides) / 1024
        print(
            f"{args.n} pages: {statuses['published']} guides "
            f"({statuses['duplicate']} duplicates, {statuses['rejected']} rejected, {held} held and then "
            "marked reviewed); "
            f"clean {t_clean:.1f} s ({args.n / t_clean:.0f} pages/s), mkdocs build {t_build:.1f} s "
            f"(search index included), together {t_clean + t_build:.1f} s; "
            f"{len(html)} HTML pages under guides/, largest {largest.stat().st_size / 1024:.1f} KB "
            f"({largest.relative_to(tmp / 'site')}), largest guide page {guide_kb:.1f} KB; "
            f"search index (site/pagefind/) {_size(tmp / 'site' / 'pagefind') / 1e6:.1f} MB on disk"
        )
        print(
            f"processor time (whole machine): clean {cpu_clean:.1f} s, mkdocs build {cpu_build:.1f} s, "
            f"together {cpu_clean + cpu_build:.1f} s; {len(os.sched_getaffinity(0))} cores give "
            f"{len(os.sched_getaffinity(0)) * (t_clean + t_build):.1f} s in the time taken"
        )
        if args.no_search or not Path(CHROMIUM).exists():
            print(
                "search in the browser: not measured" + ("" if args.no_search else f" ({CHROMIUM} missing)")
            )
        else:
            rows = measure_search(tmp / "site")
            for query, received, took, found in rows:
                print(
                    f"search {query}: {received / 1024:.0f} KB downloaded, first result after "
                    f"{took * 1000:.0f} ms ({found} results)"
                )
            print(
                f"search, worst of {len(rows)} queries: {max(r[1] for r in rows) / 1024:.0f} KB, "
                f"{max(r[2] for r in rows) * 1000:.0f} ms"
            )
    finally:
        if args.keep:
            print(f"project kept in {tmp}")
        else:
            shutil.rmtree(tmp)


if __name__ == "__main__":
    main()
