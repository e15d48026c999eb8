"""Name each navigation section after its index page's title.

MkDocs names a section after its folder (``xieshang``); guides live in
ASCII folders so that URLs stay readable, and readers should see 协商还款.
"""

from __future__ import annotations

from pathlib import Path

import yaml
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page


def _front_matter_title(path: str) -> str | None:
    text = Path(path).read_text(encoding="utf-8")
    if not text.startswith("---\n"):
        return None
    end = text.find("\n---\n", 3)
    if end < 0:
        return None
    meta = yaml.safe_load(text[4:end]) or {}
    title = meta.get("title") if isinstance(meta, dict) else None
    return str(title) if title else None


def _rename(items: list) -> None:  # type: ignore[type-arg]
    for item in items:
        if isinstance(item, Section):
            index = next(
                (c for c in item.children if isinstance(c, Page) and c.file.name == "index"),
                None,
            )
            if index is not None and index.file.abs_src_path:
                item.title = _front_matter_title(index.file.abs_src_path) or item.title
            _rename(item.children)


def on_nav(nav: Navigation, config, files) -> Navigation:  # type: ignore[no-untyped-def]
    _rename(nav.items)
    return nav
