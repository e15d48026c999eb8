"""Guides held back by the review gate (``pipeline/review.py``) are drafts:
``mkdocs serve`` shows them to editors, ``mkdocs build`` leaves them out.

A guide is a draft while its front matter says ``held: true`` and not
``reviewed: true``. Its file is marked a draft the way MkDocs' own
``draft_docs`` marks one (``File.inclusion = InclusionLevel.DRAFT``), before
the other hooks and plugins look at the files: so MkDocs neither builds nor
lists it in ``mkdocs build`` (no page, no navigation entry, not in
``sitemap.xml``, not in search, not on the tags page), and the hooks that
gather from guides (related guides, 常见问题, 求助渠道, empty categories:
``pages.py``, ``related.py``) skip it in both commands, since they only
read the files MkDocs includes. A line of a page that only links to drafts
(a category page lists every guide of its folder) goes; another link to a
draft becomes plain text.

On the draft itself (only ``mkdocs serve`` renders one) a box under the
title lists its open spots, and each spot the text still holds is
highlighted. An editor who sets ``reviewed: true`` publishes it with the
next build; no pipeline run is needed.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files, InclusionLevel
from mkdocs.structure.pages import Page

from pipeline.review import annotate, is_draft_file

# src_uri of every guide held back, found in on_files
_drafts: set[str] = set()
# a Markdown link to a page (its text may hold escaped brackets)
_LINK = re.compile(r"\[((?:\\.|[^\]\\])*)\]\(([^)\s]+\.md)(#[^)]*)?\)")
_LIST_ITEM = re.compile(r"\s*(?:[-*+]|\d+\.) ")


@event_priority(100)
def on_files(files: Files, config) -> Files:  # type: ignore[no-untyped-def]
    _drafts.clear()
    for file in files:
        if not file.is_documentation_page() or not file.src_uri.startswith("guides/"):
            continue
        if file.abs_src_path and is_draft_file(Path(file.abs_src_path)):
            file.inclusion = InclusionLevel.DRAFT
            _drafts.add(file.src_uri)
    return files


@event_priority(90)
def on_page_markdown(markdown: str, page: Page, config, files) -> str:  # type: ignore[no-untyped-def]
    if page.file.src_uri in _drafts:
        return annotate(markdown, page.meta)
    if not _drafts:
        return markdown
    here = posixpath.dirname(page.file.src_uri)

    def draft(match: re.Match[str]) -> bool:
        return posixpath.normpath(posixpath.join(here, match[2])) in _drafts

    lines = []
    for line in markdown.split("\n"):
        links = list(_LINK.finditer(line))
        if links and all(draft(m) for m in links) and _LIST_ITEM.match(line):
            continue
        lines.append(_LINK.sub(lambda m: m[1] if draft(m) else m[0], line) if links else line)
    return "\n".join(lines)
