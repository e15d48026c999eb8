from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.run import Run

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
from scratch import copy_project, write_pages  # noqa: E402

__all__ = ["copy_project", "write_pages"]
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


def build_project(project: Path, *sources: Path) -> Path:
    """The README's build command, run in a copy of the project; returns site/."""
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
    return build_project(tmp_path_factory.mktemp("project"))
