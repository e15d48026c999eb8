"""Front-matter values held to the rules for untrusted text before any
template prints them.

Material prints ``title``, ``description`` and ``tags`` from a page's front
matter into ``<title>``, ``<meta>`` attributes, the header, the footer's
previous/next links and the tags page without escaping them. The pipeline
writes them as plain text already (``pipeline.untrusted``); this hook holds
every page to the same rules at build time, so that a guide edited by hand,
or written by an older version of the pipeline, cannot put markup there
either. It runs before the other plugins read the page (tags included).

A guide's ``updated`` (the date its text last changed, kept by the
pipeline) becomes the page's ``update_date``, which MkDocs writes as the
page's ``<lastmod>`` in ``sitemap.xml`` (unescaped: so only a real date is
taken; any other value is dropped, and the page keeps the build date).
"""

from __future__ import annotations

from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from pipeline.untrusted import DESCRIPTION_MAX, TITLE_MAX, iso_date, plain_line


@event_priority(100)
def on_page_markdown(markdown: str, page: Page, config, files) -> str:  # type: ignore[no-untyped-def]
    meta = page.meta
    if "title" in meta:
        meta["title"] = plain_line(meta["title"], TITLE_MAX)
    if "description" in meta:
        meta["description"] = plain_line(meta["description"], DESCRIPTION_MAX)
    if isinstance(meta.get("tags"), list):
        meta["tags"] = [tag for tag in (plain_line(t, 30) for t in meta["tags"]) if tag]
    elif "tags" in meta:
        meta["tags"] = []
    if "updated" in meta:
        updated = iso_date(meta["updated"])
        if updated:
            meta["updated"] = page.update_date = updated
        else:
            del meta["updated"]
    return markdown
