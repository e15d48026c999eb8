from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.run import Run

ROOT = Path(__file__).resolve().parent.parent
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
