"""Which surviving mutants of the byte-slip repair change what it does to
real damaged text.

The repair (``pipeline/cleaners/garble.py``) searches and scores; many of
its mutants change a weight or a bound that decides nothing on the lines
the tests hold. This script tells those apart from the mutants that do
change repairs: it damages lines of real articles the way scrapers do (one
or two bytes of their GB18030 dropped, decoded with replacement
characters; some lines left undamaged), repairs them with each surviving
mutant active (mutmut's ``mutants/`` folder, a fresh table cache each, so
the tables' builders run mutated too), and compares the lines and findings
with those of the code as it is. A mutant that changes nothing on those
lines is reported as such; for one that does, the first line it repairs
otherwise is printed, which is the next test to write.

Run it in the project folder after ``mutmut run``, with a JSON Lines file
of clean articles (``text`` per line; the development set's gold.jsonl):

    python benchmarks/mutants_differential.py /tmp/realhtml/gold.jsonl --n 600
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path.cwd()
sys.path.insert(0, str(Path(__file__).resolve().parent))

from mutants_recheck import require_mutants, run_mutant, survivors  # noqa: E402
from scratch import slipped  # noqa: E402

# the n-th line of the corpus every UNDAMAGED_EVERY is left undamaged: the
# repair must leave it alone
UNDAMAGED_EVERY = 5

# run inside mutants/: repairs every line, prints what came out as JSON
_REPAIR = """
import json, sys
from pipeline.cleaners.garble import repair_byte_slips
out = []
for line in json.load(open(sys.argv[1], encoding="utf-8")):
    found = []
    try:
        text = repair_byte_slips(line, lambda kind, message: found.append([kind, message]))
    except Exception as exc:
        text, found = "raised " + type(exc).__name__, []
    out.append([text, found])
json.dump(out, sys.stdout, ensure_ascii=False)
"""


def damaged_lines(gold: Path, n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    lines = []
    for row in gold.read_text(encoding="utf-8").splitlines():
        text = json.loads(row).get("text") or ""
        lines += [line.strip() for line in text.split("\n") if 20 <= len(line.strip()) <= 200]
    chosen = rng.sample(lines, min(n, len(lines)))
    out = []
    for i, line in enumerate(chosen):
        undamaged = i % UNDAMAGED_EVERY == UNDAMAGED_EVERY - 1
        out.append(line if undamaged else slipped(line, rng, 1 + (i % 3 == 0)))
    return out


def repairs(mutant: str, corpus: Path, timeout: float) -> list[list[object]] | str:
    result = run_mutant(mutant, [sys.executable, "-c", _REPAIR, str(corpus)], timeout)
    if result is None:
        return "timed out"
    if result.returncode != 0:
        return "failed: " + (result.stderr.strip().splitlines() or ["?"])[-1]
    value: list[list[object]] = json.loads(result.stdout)
    return value


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("gold", type=Path, help="JSON Lines of clean articles, with a text field")
    parser.add_argument("patterns", nargs="*", default=["pipeline.cleaners.garble.*"])
    parser.add_argument("--n", type=int, default=600, help="lines to damage and repair")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--timeout", type=float, default=300.0)
    args = parser.parse_args()
    require_mutants()
    lines = damaged_lines(args.gold, args.n, args.seed)
    with tempfile.NamedTemporaryFile("w", suffix=".json", encoding="utf-8", delete=False) as handle:
        json.dump(lines, handle, ensure_ascii=False)
    corpus = Path(handle.name)
    try:
        baseline = repairs("none.x_none__mutmut_0", corpus, args.timeout)
        if isinstance(baseline, str):
            sys.exit(f"the repair itself {baseline}")
        names = survivors(args.patterns)
        with ThreadPoolExecutor(args.jobs) as pool:
            results = list(pool.map(lambda name: repairs(name, corpus, args.timeout), names))
    finally:
        corpus.unlink()
    same = []
    for name, result in zip(names, results, strict=True):
        if result == baseline:
            same.append(name)
            continue
        if isinstance(result, str):
            print(f"{name}: {result}")
            continue
        i = next(i for i, (a, b) in enumerate(zip(baseline, result, strict=True)) if a != b)
        print(f"{name}: line {i} 「{lines[i]}」")
        print(f"    as it is: {baseline[i]}")
        print(f"    mutated:  {result[i]}")
    changed = len(names) - len(same)
    damaged = len(lines) - len(lines) // UNDAMAGED_EVERY
    print(
        f"{len(names)} surviving mutants on {len(lines)} lines ({damaged} damaged): "
        f"{changed} change a repair or a finding, {len(same)} change nothing"
    )
    for name in same:
        print(f"  same: {name}")


if __name__ == "__main__":
    main()
