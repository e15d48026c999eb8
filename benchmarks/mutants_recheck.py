"""Surviving mutants tried again against every test of the mutation
selection, with the cached tables built anew.

For each mutant, mutmut runs only the tests that reached the mutated
function while it gathered its statistics. A function behind a cache is
reached by the first test that asks for its value and by no other: the
byte-slip repair's tables (kept on disk by ``pipeline/cache.py`` and in
memory), the rule files' loaders. So its mutants are tried against that one
test, and a table on disk is not even built again by the mutated code.
This script takes the mutants that survived ``mutmut run``, and runs for
each one every test of ``[tool.mutmut]``'s selection in a fresh process,
with an empty table cache, stopping at the first failure. It prints the
mutants still alive and the count killed; mutmut's own results are not
changed.

Run it in the project folder after ``mutmut run``, with the patterns of the
functions to try again (the default: the cached builders and loaders):

    python benchmarks/mutants_recheck.py
    python benchmarks/mutants_recheck.py "pipeline.cleaners.garble.x__build_*" --jobs 2
"""

from __future__ import annotations

import argparse
import fnmatch
import os
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10: mutmut brings tomli
    import tomli as tomllib  # type: ignore[no-redef]

ROOT = Path.cwd()
CACHED = ("*.x__build_*", "*.x_load_*", "*.x_jieba_dictionary*", "*.x_known_titles*", "*.x_data_path*")


def survivors(patterns: list[str]) -> list[str]:
    listed = subprocess.run(
        [sys.executable, "-m", "mutmut", "results"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    rows = [line.strip().rsplit(": ", 1) for line in listed.splitlines() if ": " in line]
    names = [row[0] for row in rows if row[1] == "survived"]
    return [name for name in names if any(fnmatch.fnmatch(name, p) for p in patterns)]


def pytest_command(tests: list[str] | None = None) -> list[str]:
    settings = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["mutmut"]
    return [
        sys.executable,
        "-m",
        "pytest",
        "-x",
        *settings.get("pytest_add_cli_args", []),
        *(tests or settings.get("pytest_add_cli_args_test_selection", [])),
    ]


def require_mutants() -> None:
    if not (ROOT / "mutants").is_dir():
        sys.exit("no mutants/ folder here: run `mutmut run` in the project folder first")


def run_mutant(mutant: str, command: list[str], timeout: float) -> subprocess.CompletedProcess[str] | None:
    """``command`` run in mutmut's ``mutants/`` folder with ``mutant``
    active and an empty table cache; None when it ran past ``timeout``."""
    with tempfile.TemporaryDirectory(prefix="tables-") as cache:
        env = dict(os.environ, MUTANT_UNDER_TEST=mutant, CREDIT_GUIDES_CACHE=cache)
        try:
            return subprocess.run(
                command, cwd=ROOT / "mutants", env=env, capture_output=True, text=True, timeout=timeout
            )
        except subprocess.TimeoutExpired:
            return None


def alive(mutant: str, command: list[str], timeout: float) -> bool:
    """True when every test passes with ``mutant`` active (mutmut counts
    an endless loop as caught too)."""
    result = run_mutant(mutant, command, timeout)
    return result is not None and result.returncode == 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("patterns", nargs="*", default=list(CACHED), help="fnmatch patterns of mutant names")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--timeout", type=float, default=300.0, help="seconds for one mutant's tests")
    parser.add_argument(
        "--tests", nargs="+", help="the tests to run (default: the selection in [tool.mutmut])"
    )
    args = parser.parse_args()
    require_mutants()
    command = pytest_command(args.tests)
    if not alive("none.x_none__mutmut_0", command, args.timeout):
        sys.exit("the tests fail with no mutant active: fix them before trying mutants again")
    names = survivors(args.patterns)
    with ThreadPoolExecutor(args.jobs) as pool:
        results = pool.map(lambda name: alive(name, command, args.timeout), names)
        living = [name for name, live in zip(names, results, strict=True) if live]
    for name in living:
        print(name)
    killed = len(names) - len(living)
    print(f"{len(names)} surviving mutants tried again: {killed} killed, {len(living)} still alive")


if __name__ == "__main__":
    main()
