"""Related guides at the foot of each guide, worked out at build time from
the guides' own front matter (tags, category), so that a guide's file does
not change whenever another guide is added or removed.
"""

from __future__ import annotations

import posixpath
from pathlib import Path

from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from pipeline.writers import read_front_matter

RELATED_MAX = 5
_guides: dict[str, dict] = {}


def on_files(files: Files, config) -> Files:  # type: ignore[no-untyped-def]
    _guides.clear()
    for file in files.documentation_pages():
        if not file.src_uri.startswith("guides/") or Path(file.src_uri).name == "index.md":
            continue
        meta = read_front_matter(file.abs_src_path)
        if meta.get("guide_id"):
            _guides[file.src_uri] = {
                "title": str(meta.get("title", "")),
                "tags": set(meta.get("tags") or []),
                "category": meta.get("category"),
            }
    return files


def on_page_markdown(markdown: str, page: Page, config, files) -> str:  # type: ignore[no-untyped-def]
    me = _guides.get(page.file.src_uri)
    if me is None:
        return markdown
    scored = []
    for uri, other in _guides.items():
        if uri == page.file.src_uri:
            continue
        score = 2 * len(me["tags"] & other["tags"]) + (other["category"] == me["category"])
        if score:
            scored.append((-score, other["title"], uri))
    if not scored:
        return markdown
    here = posixpath.dirname(page.file.src_uri)
    links = "\n".join(
        f"- [{title}]({posixpath.relpath(uri, here)})" for _, title, uri in sorted(scored)[:RELATED_MAX]
    )
    # before the source line at the foot of the guide
    head, sep, foot = markdown.rpartition("\n---\n")
    block = f"\n## 相关指南\n\n{links}\n"
    return f"{head}{block}{sep}{foot}" if sep else f"{markdown}{block}"
