"""Clean throughput at scale: our clean step beside the usual tool stack
(charset-normalizer → trafilatura for HTML → ftfy → OpenCC t2s), on the same
generated corpus, in one run, with pages/s, MB/s and peak memory for each
and the ratios.

The corpus is made from the sample pages with ``scratch.write_corpus``: a
quarter of the Han characters replaced so that every page is a different
article, with the sample pages' own damage (chrome, comments, a body printed
twice, Traditional script with pinyin, GB18030 byte slips, spun and cut-out
words, phone numbers); a third of the pages wrapped in HTML, a third stored
as GB18030. It is written once per size under ``--work`` and reused.

Each measurement runs in a process of its own. Peak memory is the largest
proportional set size (PSS) of the measuring process and all its
descendants together, sampled every 0.2 s, so worker processes count and
the memory they share is counted once. With ``--repeat R`` every
measurement is made R times, in turn with the others, and the table shows
the median (and the range of pages/s).

Several processes can only be as much faster than one as the machine lets
them: on a shared virtual machine two "cores" may not give twice the work.
Before and after the measurements, the same pure-Python loop runs in one
process and then in as many processes as the most ``--jobs`` at once; the
ratio of their work per second is printed beside ours.

Needs ``pip install -e ".[bench]"`` (trafilatura, charset-normalizer).

    python benchmarks/throughput.py --n 10000 --n 100000 --jobs 1 --jobs 2
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from scratch import write_corpus  # noqa: E402


def _descendants(pid: int) -> list[int]:
    out, todo = [], [pid]
    while todo:
        current = todo.pop()
        out.append(current)
        try:
            children = Path(f"/proc/{current}/task/{current}/children").read_text().split()
        except OSError:
            continue
        todo.extend(int(c) for c in children)
    return out


def _pss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


class PeakMemory:
    """Samples the PSS of this process and its descendants."""

    def __init__(self) -> None:
        self.peak_kb = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self) -> None:
        while not self._stop.is_set():
            total = sum(_pss_kb(p) for p in _descendants(os.getpid()))
            self.peak_kb = max(self.peak_kb, total)
            self._stop.wait(0.2)

    def __enter__(self) -> PeakMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def ours(folder: Path, jobs: int) -> None:
    """What ``credit-guides clean`` does: state file, manifest and guides on
    disk."""
    from pipeline.run import Run

    with tempfile.TemporaryDirectory() as out:
        base = Path(out)
        run = Run(base / "guides", state=base / ".pipeline" / "state.sqlite", jobs=jobs)
        run.execute([folder], base / ".pipeline" / "manifest.jsonl")


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
    with PeakMemory() as memory:
        start = time.perf_counter()
        if which == "ours":
            ours(folder, jobs)
        else:
            usual(folder)
        elapsed = time.perf_counter() - start
    return {"seconds": elapsed, "peak_mb": memory.peak_kb / 1024}


def _spin(seconds_hint: float = 1.0) -> float:
    """A fixed amount of pure-Python work (dictionary and string operations,
    like cleaning); returns the seconds it took."""
    start = time.perf_counter()
    table: dict[str, int] = {}
    for i in range(int(1_500_000 * seconds_hint)):
        key = str(i % 5000)
        table[key] = table.get(key, 0) + len(key)
    return time.perf_counter() - start


def machine_scaling(processes: int) -> float:
    """How much more pure-Python work ``processes`` processes at once get
    done than one process alone (``processes``× on a machine with that many
    free cores)."""

    def run(k: int) -> float:
        started = [
            subprocess.Popen([sys.executable, __file__, "--spin"], stdout=subprocess.PIPE, text=True)
            for _ in range(k)
        ]
        return max(float(p.communicate()[0]) for p in started)

    alone = statistics.median(run(1) for _ in range(3))
    together = statistics.median(run(processes) for _ in range(3))
    return processes * alone / together


def corpus(work: Path, n: int) -> tuple[Path, int]:
    folder = work / f"corpus-{n}"
    done = work / f"corpus-{n}.complete"
    if not done.exists():
        write_corpus(folder, n, seed=n)
        done.write_text("")
    size = sum(p.stat().st_size for p in folder.iterdir())
    return folder, size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, action="append", help="corpus size; repeat for several")
    parser.add_argument("--jobs", type=int, action="append", help="our worker processes; repeat")
    parser.add_argument("--no-usual", action="store_true", help="measure only our clean step")
    parser.add_argument("--work", type=Path, help="where corpora are kept between runs (default: a temp dir)")
    parser.add_argument("--repeat", type=int, default=1, help="measure each this many times; show the median")
    parser.add_argument("--measure", nargs=3, metavar=("WHICH", "FOLDER", "JOBS"), help=argparse.SUPPRESS)
    parser.add_argument("--spin", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.spin:
        print(_spin())
        return
    if args.measure:
        which, folder, jobs = args.measure
        print(json.dumps(measure(which, Path(folder), int(jobs))))
        return
    sizes = args.n or [10000]
    jobs_list = args.jobs or [1, os.cpu_count() or 1]
    work = args.work or Path(tempfile.mkdtemp(prefix="throughput-"))
    work.mkdir(parents=True, exist_ok=True)
    most = max(jobs_list)
    scaling_before = machine_scaling(most) if most > 1 else None
    print("| pages | MB | stack | processes | pages/s | MB/s | peak memory (PSS) |")
    print("|---|---|---|---|---|---|---|")
    results: dict[tuple[int, str, int], dict[str, float]] = {}
    for n in sizes:
        folder, size = corpus(work, n)
        runs = ([] if args.no_usual else [("usual", 1)]) + [("ours", j) for j in jobs_list]
        runs = list(dict.fromkeys(runs))
        made: dict[tuple[str, int], list[dict[str, float]]] = {run: [] for run in runs}
        for _ in range(max(1, args.repeat)):
            for which, jobs in runs:
                out = subprocess.run(
                    [sys.executable, __file__, "--measure", which, str(folder), str(jobs)],
                    capture_output=True,
                    text=True,
                    check=True,
                )
                made[(which, jobs)].append(json.loads(out.stdout.strip().splitlines()[-1]))
        for (which, jobs), tries in made.items():
            seconds = sorted(t["seconds"] for t in tries)
            result = {"seconds": statistics.median(seconds), "peak_mb": max(t["peak_mb"] for t in tries)}
            results[(n, which, jobs)] = result
            name = "charset-normalizer + trafilatura + ftfy + OpenCC" if which == "usual" else "credit-guides"
            rate, mbps = n / result["seconds"], size / 1e6 / result["seconds"]
            spread = f" ({n / seconds[-1]:.0f}–{n / seconds[0]:.0f})" if len(seconds) > 1 else ""
            print(
                f"| {n} | {size / 1e6:.1f} | {name} | {jobs} | {rate:.0f}{spread} | {mbps:.2f} "
                f"| {result['peak_mb']:.0f} MB |",
                flush=True,
            )
    print()
    for n in sizes:
        one = results.get((n, "ours", 1))
        base = results.get((n, "usual", 1))
        if one and base:
            print(f"{n} pages: ours on one core is {base['seconds'] / one['seconds']:.2f}× the usual stack")
        for jobs in jobs_list:
            many = results.get((n, "ours", jobs))
            if one and many and jobs > 1:
                print(f"{n} pages: {jobs} processes are {one['seconds'] / many['seconds']:.2f}× one")
    if scaling_before is not None:
        scaling_after = machine_scaling(most)
        print(
            f"this machine: {most} processes of pure-Python work at once get "
            f"{scaling_before:.2f}× (before) and {scaling_after:.2f}× (after) the work of one"
        )
    for jobs in jobs_list:
        peaks = [(n, results[(n, "ours", jobs)]["peak_mb"]) for n in sizes if (n, "ours", jobs) in results]
        if len(peaks) > 1:
            (n0, m0), (n1, m1) = peaks[0], peaks[-1]
            print(
                f"peak memory, {jobs} processes: {m0:.0f} MB at {n0} pages, "
                f"{m1:.0f} MB at {n1} ({m1 / m0:.2f}×)"
            )
    if not args.work:
        print(f"\ncorpora in {work} (pass --work to keep and reuse them)")


if __name__ == "__main__":
    main()
