"""The site's search index: Pagefind (extended build) run over the built
site, and what it indexed read back as plain records.

Pagefind splits the index into fragments that the browser fetches for the
words of a query, so a reader downloads a few hundred kilobytes whatever the
size of the site, where Material's search downloaded the whole index (121 MB
at 10,000 guides) before the first result. The extended build segments
Chinese when it indexes (the page's ``<html lang="zh">`` selects it) and
segments the query the same way in the browser.

What is indexed is decided by the templates: a page is indexed only when it
has a ``data-pagefind-body`` element (guides and the 常见问题 / 求助渠道
pages, see ``overrides/main.html``); ``data-pagefind-ignore`` leaves out
related guides and the disclaimer; tags and titles carry a higher
``data-pagefind-weight``.
"""

from __future__ import annotations

import gzip
import html
import json
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

# Permalink marks (¶) on headings are not words; without this they end every
# result title. A guide's 要点 box repeats its headings and first sentences:
# indexed twice, they would count twice, and every query would score more
# places (逾期怎么办 took 1.0 s to its first result at 10,000 guides, 0.9 s
# without them).
EXCLUDE_SELECTORS = (".headerlink", ".key-points")
_FRAGMENT_MARK = b"pagefind_dcd"


class SearchIndexError(RuntimeError):
    pass


def pagefind_executable() -> Path:
    """The extended Pagefind binary from PyPI (``pagefind[extended]``).

    The plain build indexes Chinese without segmenting it, which makes
    every sentence one word: refuse to run without the extended one."""
    try:
        from pagefind_bin_extended import get_executable  # type: ignore[import-not-found]
    except ImportError as exc:
        raise SearchIndexError(
            'the extended Pagefind build is not installed: pip install "pagefind[extended]" '
            "(or reinstall this project: pip install -e .)"
        ) from exc
    return Path(get_executable())


def build_index(site_dir: Path) -> str:
    """Index the built site in ``site_dir`` into ``site_dir/pagefind``;
    returns Pagefind's summary line."""
    command = [str(pagefind_executable()), "--site", str(site_dir)]
    for selector in EXCLUDE_SELECTORS:
        command += ["--exclude-selectors", selector]
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        raise SearchIndexError(
            f"Pagefind failed on {site_dir} (exit {result.returncode}):\n{result.stdout}{result.stderr}"
        )
    pages = [line.strip() for line in result.stdout.splitlines() if line.strip().startswith("Indexed")]
    return ", ".join(pages[:3]).lower()


def indexed_pages(site_dir: Path) -> Iterator[dict[str, Any]]:
    """Every page in the index as Pagefind stores it: ``url``, ``content``
    (the words it indexed, separated by U+200B where it segmented Chinese),
    ``meta`` (``title``…) and ``anchors``."""
    for path in sorted((site_dir / "pagefind" / "fragment").glob("*.pf_fragment")):
        data = gzip.decompress(path.read_bytes())
        if data.startswith(_FRAGMENT_MARK):
            data = data[len(_FRAGMENT_MARK) :]
        yield json.loads(data)


def audit_copy(site_dir: Path) -> Path:
    """Write ``search/search_index.json``: what search can show of every
    indexed page, one record per page (``location``, ``title``, ``text``; the
    last two as HTML, escaped, the shape Material's search index had), for
    editors and the safety checks to read. No page loads it.

    Pagefind keeps a page's text as it reads on the page, so a payload
    written as text (``<img onerror=…>`` shown to readers) is text here too;
    ``search.js`` inserts it as text, never as markup."""
    docs = [
        {
            "location": page["url"],
            "title": html.escape(str(page.get("meta", {}).get("title", "")), quote=False),
            "text": html.escape(page.get("content", "").replace("\u200b", ""), quote=False),
        }
        for page in indexed_pages(site_dir)
    ]
    path = site_dir / "search" / "search_index.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(
        json.dumps({"engine": "pagefind", "docs": docs}, ensure_ascii=False, separators=(",", ":")),
        encoding="utf-8",
    )
    tmp.replace(path)
    return path
