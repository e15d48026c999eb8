from __future__ import annotations

import contextlib
import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from pipeline.run import Run

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
from scratch import copy_project, mark_reviewed, scramble, slipped, write_corpus, write_pages  # noqa: E402

__all__ = ["copy_project", "scramble", "slipped", "write_corpus", "write_pages"]
SEEDS = ROOT / "corpus" / "seeds"
EXPECTATIONS = ROOT / "corpus" / "expectations.json"


@pytest.fixture(scope="session")
def sample_run(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict]:
    """Clean the four sample pages once; records by input file name."""
    out = tmp_path_factory.mktemp("samples")
    manifest = out / "manifest.jsonl"
    Run(out / "guides").execute([SEEDS], manifest)
    records = [json.loads(line) for line in manifest.read_text(encoding="utf-8").splitlines()]
    return {Path(r["source"]).name: r for r in records}


@pytest.fixture(scope="session")
def expectations() -> dict:
    return json.loads(EXPECTATIONS.read_text(encoding="utf-8"))["pages"]


def build_project(project: Path, *sources: Path, copy: bool = True) -> Path:
    """The README's build command, run in a copy of the project (made
    first unless ``copy`` is False: a build again); returns site/."""
    if copy:
        copy_project(project)
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    command = [sys.executable, "-m", "pipeline", "build"]
    for source in sources:
        command += ["--sources", str(source)]
    result = subprocess.run(command, cwd=project, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return project / "site"


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample site as published once editors have reviewed the guides
    the review gate held back (all four sample guides have open spots: cut
    words, guessed characters), then built again with the README's
    command: the site's own tests need guides to look at."""
    project = tmp_path_factory.mktemp("project")
    build_project(project)
    assert mark_reviewed(project), "no sample guide is held: drop this step"
    return build_project(project, copy=False)


@contextlib.contextmanager
def serving(project: Path) -> Iterator[str]:
    """``mkdocs serve`` of ``project`` running, at the address yielded once
    it answers."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONPATH=str(ROOT))
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--no-livereload", "-a", f"127.0.0.1:{port}"],
        cwd=project,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    address = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                with urllib.request.urlopen(f"{address}/", timeout=5):
                    break
            except urllib.error.HTTPError:
                break  # it answers
            except (urllib.error.URLError, ConnectionError):
                assert server.poll() is None, "mkdocs serve stopped"
                assert time.monotonic() < deadline, "mkdocs serve did not answer"
                time.sleep(0.5)
        yield address
    finally:
        server.terminate()
        server.wait(timeout=30)


def served_page(project: Path, path: str) -> str:
    """A page as ``mkdocs serve`` shows it to an editor."""
    with serving(project) as address, urllib.request.urlopen(f"{address}/{path}", timeout=30) as response:
        return response.read().decode("utf-8")
