"""What readers see besides the guides, settled at build time:

- 常见问题 (``faq.md``) and 求助渠道 (``help.md``), gathered from the guides'
  Markdown (``pipeline/gathered.py``);
- a category with no published guide yet (drafts held by the review gate
  do not count: ``review.py``) is not published: its page is dropped, so
  the navigation and previous/next links never lead into an empty list,
  and the home page's link to it becomes plain text until it has a guide;
- the feedback widget (「这篇指南有帮助吗？」) only on guides.
"""

from __future__ import annotations

import logging
import posixpath
import re
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from pipeline.gathered import GuideText, gather_questions, load_channels, render_channels, render_faq
from pipeline.siteconfig import PLACEHOLDER_HOSTS
from pipeline.taxonomy import Taxonomy
from pipeline.writers import front_matter_end, read_front_matter, site_page_kind

log = logging.getLogger("mkdocs.hooks.pages")

GATHERED = ("faq.md", "help.md")
# category folders (guides/<slug>/) with no guide, found in on_files
_empty: set[str] = set()
_CATEGORY_LINK = re.compile(r"\[([^\]]+)\]\((guides/([a-z0-9-]+)/index\.md)\)")


def _body(path: str) -> str:
    text = Path(path).read_text(encoding="utf-8")
    return text[front_matter_end(text) or 0 :]


def on_config(config):  # type: ignore[no-untyped-def]
    if urlsplit(config["site_url"] or "").hostname in PLACEHOLDER_HOSTS:
        # info, not a warning: `mkdocs build --strict` must still pass
        log.info(
            f"site_url is still the placeholder {config['site_url']}: set the site's address in "
            "mkdocs.yml (canonical links and sitemap.xml use it)"
        )
    return config


def on_files(files: Files, config) -> Files:  # type: ignore[no-untyped-def]
    guides: list[GuideText] = []
    counts: dict[str, int] = {}
    for file in files.documentation_pages():
        parts = file.src_uri.split("/")
        if len(parts) == 3 and parts[0] == "guides":
            counts.setdefault(parts[1], 0)
        if site_page_kind(file.src_uri) != "guide" or not file.abs_src_path:
            continue
        # a guide an editor wrote by hand counts too, guide_id or not
        meta = read_front_matter(file.abs_src_path)
        counts[parts[1]] += 1
        guides.append(
            GuideText(
                file.src_uri,
                str(meta.get("title") or Path(file.src_uri).stem),
                str(meta.get("category", "")),
                _body(file.abs_src_path),
            )
        )
    _empty.clear()
    _empty.update(slug for slug, n in counts.items() if n == 0)
    for file in list(files):
        parts = file.src_uri.split("/")
        # a draft (review.py) stays for `mkdocs serve`: only its category's
        # pages go while it has no published guide
        if (
            len(parts) == 3
            and parts[0] == "guides"
            and parts[1] in _empty
            and not file.inclusion.is_excluded()
        ):
            files.remove(file)

    order = [c.name for c in Taxonomy().categories]
    pages = {
        "faq.md": render_faq(gather_questions(guides, order)),
        "help.md": render_channels(load_channels(), guides),
    }
    for name, content in pages.items():
        if files.get_file_from_path(name) is None:  # an editor's own page wins
            files.append(File.generated(config, name, content=content))
    return files


def on_page_markdown(markdown: str, page: Page, config, files) -> str:  # type: ignore[no-untyped-def]
    if not page.meta.get("guide_id"):
        hide = page.meta.get("hide")
        page.meta["hide"] = [*(hide if isinstance(hide, list) else []), "feedback"]
    if page.file.src_uri.count("/") > 1 or not _empty:
        return markdown
    # the home page links categories by their index pages: a list item that
    # only leads to empty categories goes, other links to them become text

    def empty(match: re.Match[str]) -> bool:
        target = posixpath.normpath(posixpath.join(posixpath.dirname(page.file.src_uri), match[2]))
        return target.startswith("guides/") and target.split("/")[1] in _empty

    lines: list[str] = []
    # the line that introduced a list, while all of its items have gone
    introduced: int | None = None
    for line in markdown.split("\n"):
        links = list(_CATEGORY_LINK.finditer(line))
        if links and all(empty(m) for m in links) and re.match(r"\s*[-*+] ", line):
            if introduced is None:
                introduced = next((i for i in range(len(lines) - 1, -1, -1) if lines[i].strip()), None)
            continue
        if line.strip() and introduced is not None:
            if re.match(r"\s*[-*+] ", line):
                introduced = None  # an item of the list is left
            else:
                # the list is gone: its introduction must not point at nothing
                lines.insert(introduced + 1, "\n目前这些分类还没有已发布的指南。")
                introduced = None
        lines.append(_CATEGORY_LINK.sub(lambda m: m[1] if empty(m) else m[0], line))
    return "\n".join(lines)
