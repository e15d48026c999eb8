"""Related guides at the foot of each guide, worked out at build time from
the guides' own front matter (tags, category), so that a guide's file does
not change whenever another guide is added or removed.

A guide's related guides are those sharing most tags (2 points each) and
its category (1 point), then by title. Guides with the same tags and
category have the same candidates, so the ranking is worked out once per
such group, not once per guide against every other guide: on a site of
10,000 guides the pairwise way took minutes.

The section is left out of the search index (its titles are other guides'):
Pagefind skips what is inside ``data-pagefind-ignore``.
"""

from __future__ import annotations

import heapq
import posixpath
from collections import defaultdict
from pathlib import Path
from urllib.parse import quote

from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from pipeline.guide import md_text
from pipeline.untrusted import plain_line
from pipeline.writers import read_front_matter

RELATED_MAX = 5
Group = tuple[frozenset[str], object]
# src_uri → (title, group) of every guide
_guides: dict[str, tuple[str, Group]] = {}
# group → its guides as (title, src_uri), sorted
_members: dict[Group, list[tuple[str, str]]] = {}
# group → the RELATED_MAX + 1 best (score, title, src_uri) for its guides
_ranked: dict[Group, list[tuple[int, str, str]]] = {}


def on_files(files: Files, config) -> Files:  # type: ignore[no-untyped-def]
    _guides.clear()
    _ranked.clear()
    members: dict[Group, list[tuple[str, str]]] = defaultdict(list)
    for file in files.documentation_pages():
        if not file.src_uri.startswith("guides/") or Path(file.src_uri).name == "index.md":
            continue
        meta = read_front_matter(file.abs_src_path)
        if meta.get("guide_id"):
            group = (frozenset(str(t) for t in meta.get("tags") or []), meta.get("category"))
            title = str(meta.get("title", ""))
            _guides[file.src_uri] = (title, group)
            members[group].append((title, file.src_uri))
    _members.clear()
    _members.update({group: sorted(items) for group, items in members.items()})
    return files


def _score(a: Group, b: Group) -> int:
    return 2 * len(a[0] & b[0]) + (a[1] == b[1])


def _rank(group: Group) -> list[tuple[int, str, str]]:
    """The best candidates for a guide of ``group``: highest score first,
    then by title and path; one more than needed, for the guide itself."""
    by_score: dict[int, list[list[tuple[str, str]]]] = defaultdict(list)
    for other, items in _members.items():
        score = _score(group, other)
        if score:
            by_score[score].append(items)
    best: list[tuple[int, str, str]] = []
    for score in sorted(by_score, reverse=True):
        for title, uri in heapq.merge(*by_score[score]):
            best.append((score, title, uri))
            if len(best) > RELATED_MAX:
                return best
    return best


def on_page_markdown(markdown: str, page: Page, config, files) -> str:  # type: ignore[no-untyped-def]
    me = _guides.get(page.file.src_uri)
    if me is None:
        return markdown
    group = me[1]
    if group not in _ranked:
        _ranked[group] = _rank(group)
    chosen = [(title, uri) for _, title, uri in _ranked[group] if uri != page.file.src_uri][:RELATED_MAX]
    if not chosen:
        return markdown
    here = posixpath.dirname(page.file.src_uri)
    # titles are read from guides' front matter: escaped as Markdown text;
    # targets are paths inside the site, percent-encoded
    links = "\n".join(
        f"- [{md_text(plain_line(title))}]({quote(posixpath.relpath(uri, here))})" for title, uri in chosen
    )
    # before the source line at the foot of the guide
    head, sep, foot = markdown.rpartition("\n---\n")
    # Not in the search index: a search would otherwise list every guide
    # that links to the guide it is looking for.
    block = (
        '\n<div class="related-guides" data-pagefind-ignore="all" markdown>\n\n'
        f"## 相关指南\n\n{links}\n\n</div>\n"
    )
    return f"{head}{block}{sep}{foot}" if sep else f"{markdown}{block}"
