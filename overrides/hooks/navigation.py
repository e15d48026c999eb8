"""The navigation of a help site that grows to thousands of guides.

- Each category section is named after its index page's title: MkDocs names
  a section after its folder (``xieshang``); guides live in ASCII folders so
  that URLs stay readable, and readers should see 协商还款.
- A category section lists only its index page, which lists the guides.
  Listing every guide in the navigation would put hundreds of links on every
  page of a large category (each page carries its section's navigation even
  with navigation.prune) and push pages past 60 KB; search, tags, the
  category pages and related guides reach every guide instead.
- Categories come in the order of the taxonomy (``pipeline/data/taxonomy.yaml``),
  the order the home page uses, not by their folder names' pinyin; a
  category with no guide is not published at all (``pages.py``).
- The pages gathered from the guides (常见问题, 求助渠道) follow the home page.
"""

from __future__ import annotations

from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from pipeline.taxonomy import Taxonomy
from pipeline.untrusted import plain_line
from pipeline.writers import read_front_matter


def _index_of(section: Section) -> Page | None:
    return next((c for c in section.children if isinstance(c, Page) and c.file.name == "index"), None)


def _shape(items: list, depth: int = 0) -> None:  # type: ignore[type-arg]
    for item in items:
        if not isinstance(item, Section):
            continue
        index = _index_of(item)
        if index is not None and index.file.abs_src_path:
            title = read_front_matter(index.file.abs_src_path).get("title")
            item.title = plain_line(title) if title else item.title
        if index is not None and depth >= 1:
            # a category: its index page stands for its guides
            item.children = [index]
            index.parent = item
        else:
            _shape(item.children, depth + 1)


def _folder(item: object) -> str:
    page = _index_of(item) if isinstance(item, Section) else item
    if isinstance(page, Page):
        return page.file.src_uri.rsplit("/", 2)[-2] if "/" in page.file.src_uri else ""
    return ""


def _in_reading_order(items: list, order: list[str]) -> list:  # type: ignore[type-arg]
    rank = {slug: i for i, slug in enumerate(order)}
    pages = [i for i in items if not isinstance(i, Section)]
    sections = [i for i in items if isinstance(i, Section)]
    return pages + sorted(sections, key=lambda s: (rank.get(_folder(s), len(rank)), s.title or ""))


def _first_pages_first(items: list) -> list:  # type: ignore[type-arg]
    first = ("index.md", "faq.md", "help.md")

    def key(item: object) -> int:
        uri = item.file.src_uri if isinstance(item, Page) else ""
        return first.index(uri) if uri in first else len(first)

    return sorted(items, key=key)


def on_nav(nav: Navigation, config, files) -> Navigation:  # type: ignore[no-untyped-def]
    _shape(nav.items)
    order = [c.slug for c in Taxonomy().categories]
    for item in nav.items:
        if isinstance(item, Section) and _folder(item) == "guides":
            item.children = _in_reading_order(item.children, order)
    nav.items = _first_pages_first(nav.items)
    return nav
