"""``mkdocs build`` renders the guides on two processes
(``overrides/hooks/parallel.py``): the site must be the one a single
process writes, file for file, and whatever goes wrong in the second
process must fail the build."""

from __future__ import annotations

import filecmp
import os
import posixpath
import random
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, copy_project, mark_reviewed, write_pages

pytestmark = pytest.mark.skipif(
    not hasattr(os, "fork") or len(os.sched_getaffinity(0)) < 2, reason="needs fork and two cores"
)


def _mkdocs(project: Path, site: str, jobs: str | None = None) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONPATH=str(ROOT))
    env.pop("CREDIT_GUIDES_BUILD_JOBS", None)
    if jobs:
        env["CREDIT_GUIDES_BUILD_JOBS"] = jobs
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--site-dir", site],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
    )


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project with some 120 published guides, more than the hook's
    ``LEAST``."""
    project = tmp_path_factory.mktemp("parallel")
    copy_project(project)
    write_pages(project / "pages", 130, random.Random(4))
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    subprocess.run([sys.executable, "-m", "pipeline", "clean", "pages"], cwd=project, env=env, check=True)
    mark_reviewed(project)
    guides = [
        p
        for p in (project / "content" / "guides").glob("*/*.md")
        if not p.name.startswith(("index", "page-"))
    ]
    assert len(guides) >= 100
    return project


def _differences(a: Path, b: Path) -> list[str]:
    found: list[str] = []

    def walk(cmp: filecmp.dircmp[str], at: str) -> None:
        found.extend(f"{at}{name}" for name in cmp.left_only + cmp.right_only + cmp.funny_files)
        # shallow=False: compare contents, not sizes and times
        _, mismatch, errors = filecmp.cmpfiles(
            Path(cmp.left), Path(cmp.right), cmp.common_files, shallow=False
        )
        found.extend(f"{at}{name}" for name in mismatch + errors)
        for name, sub in cmp.subdirs.items():
            walk(sub, f"{at}{name}/")

    walk(filecmp.dircmp(a, b), "")
    return found


def test_a_build_on_two_processes_writes_the_same_site(project: Path) -> None:
    one = _mkdocs(project, "site-one", jobs="1")
    assert one.returncode == 0, one.stderr
    two = _mkdocs(project, "site-two")
    assert two.returncode == 0, two.stderr
    assert "Page skipped" not in two.stderr
    pages = list((project / "site-two" / "guides").rglob("index.html"))
    assert len(pages) >= 100
    assert _differences(project / "site-one", project / "site-two") == []


def test_a_warning_in_the_second_process_fails_the_build(project: Path) -> None:
    content = project / "content"
    guides = sorted(
        (p for p in (content / "guides").glob("*/*.md") if not p.name.startswith(("index", "page-"))),
        key=lambda p: p.relative_to(content).as_posix(),
    )
    # the second process renders every other guide, from the first on
    theirs = guides[0]
    text = theirs.read_text(encoding="utf-8")
    theirs.write_text(text + "\n[a link to nothing](no-such-guide.md)\n", encoding="utf-8")
    try:
        result = _mkdocs(project, "site-broken")
    finally:
        theirs.write_text(text, encoding="utf-8")
    assert result.returncode != 0
    assert "no-such-guide.md" in result.stderr
    assert "second build process" in result.stderr


def test_links_to_sections_of_guides_the_other_process_renders_are_checked(project: Path) -> None:
    """MkDocs checks a link to a section against the headings of the page
    it leads to; each process has only half of the guides' headings, so the
    first checks every link with the second's headings, as one process does:
    a real section is found, a missing one is reported once."""
    content = project / "content"
    guides = sorted(
        (p for p in (content / "guides").glob("*/*.md") if not p.name.startswith(("index", "page-"))),
        key=lambda p: p.relative_to(content).as_posix(),
    )
    # guides[0] is the second process's, guides[1] the first's
    texts = {g: g.read_text(encoding="utf-8") for g in guides[:2]}
    heading = {g: re.search(r"^## (.+)$", t, re.M) for g, t in texts.items()}
    assert all(heading.values())

    def anchor(g: Path) -> str:
        return heading[g][1].strip().lower()  # type: ignore[index]

    a, b = guides[0], guides[1]
    link_ab = (
        f"{posixpath.relpath(b.relative_to(content).as_posix(), a.parent.relative_to(content).as_posix())}"
    )
    link_ba = (
        f"{posixpath.relpath(a.relative_to(content).as_posix(), b.parent.relative_to(content).as_posix())}"
    )
    a.write_text(
        texts[a] + f"\n[一节]({link_ab}#{anchor(b)})\n[没有这一节]({link_ab}#no-such-section)\n",
        encoding="utf-8",
    )
    b.write_text(
        texts[b] + f"\n[一节]({link_ba}#{anchor(a)})\n[没有这一节]({link_ba}#missing-too)\n", encoding="utf-8"
    )
    try:
        one = _mkdocs(project, "site-anchors-one", jobs="1")
        two = _mkdocs(project, "site-anchors-two")
    finally:
        for g, t in texts.items():
            g.write_text(t, encoding="utf-8")
    assert one.returncode == two.returncode == 0, two.stderr

    def reports(stderr: str) -> list[str]:
        return [line for line in stderr.splitlines() if "does not contain an anchor" in line]

    assert reports(two.stderr) == reports(one.stderr)
    assert len(reports(one.stderr)) == 2
    assert all("no-such-section" in r or "missing-too" in r for r in reports(two.stderr))
    assert _differences(project / "site-anchors-one", project / "site-anchors-two") == []
