"""Tables cached on disk: built once, rebuilt when what they are built from
changes or the cache file is damaged, and never a reason for a run to fail."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.cache import cached


def test_built_once_then_read_from_disk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CREDIT_GUIDES_CACHE", str(tmp_path / "cache"))
    source = tmp_path / "dict.txt"
    source.write_text("逾期 10\n", encoding="utf-8")
    builds: list[int] = []

    def build() -> dict[str, float]:
        builds.append(1)
        return {"逾期": -1.5}

    assert cached("table", [source, "v1"], build) == {"逾期": -1.5}
    assert cached("table", [source, "v1"], build) == {"逾期": -1.5}
    assert len(builds) == 1
    source.write_text("逾期 11\n", encoding="utf-8")
    cached("table", [source, "v1"], build)
    cached("table", [source, "v2"], build)
    assert len(builds) == 3, "a changed file or version builds the table again"
    assert len(list((tmp_path / "cache").glob("table-*.marshal"))) == 1, "older builds are removed"


def test_a_damaged_or_unwritable_cache_only_costs_a_rebuild(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "cache"
    monkeypatch.setenv("CREDIT_GUIDES_CACHE", str(folder))
    assert cached("table", ["v"], lambda: [1, 2]) == [1, 2]
    [file] = folder.iterdir()
    file.write_bytes(b"\x00garbage")
    assert cached("table", ["v"], lambda: [3]) == [3]
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("", encoding="utf-8")
    monkeypatch.setenv("CREDIT_GUIDES_CACHE", str(blocked))
    assert cached("table", ["v"], lambda: (4,)) == (4,)
