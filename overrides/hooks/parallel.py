"""``mkdocs build`` renders the guides on two processes.

MkDocs renders one page at a time: Python-Markdown, then Material's
templates, about 8 ms a guide, on one core while the other waits for the
search index. Here the build forks after the navigation is made, when
every page, the navigation and the hooks' state (related guides, the
gathered pages, drafts) are settled, and the two processes share the
guides: each renders every other guide. The second process writes only
its guides; the first writes the rest of the site, waits for the second
and then indexes the site for search (``search.py``).

A guide the other process renders is read here as its front matter alone
(``on_page_read_source``): its title, tags and dates are known to the
navigation, the tags page and ``sitemap.xml`` as before, but its Markdown
is not rendered, and its page is written by the template
``other-process.html``, which is empty, so MkDocs writes nothing for it.
Every page is rendered by the same code on the same state, so the site is
the same file for file as a build on one process
(``tests/test_parallel_build.py``).

Links to a section of another page are checked against that page's
headings, which only the process that rendered it has: after its last page
the second process hands the first its guides' headings and their links to
sections, and checks none itself; the first checks them all, so a missing
section is reported once, as on one process. The second process stops when
the first is gone, so a killed build does not go on writing.

Only ``mkdocs build`` (``credit-guides build`` runs it) forks, with 2 or
more cores, on a system with ``fork``, and for at least ``LEAST`` guides;
``mkdocs serve`` renders in one process as always. ``CREDIT_GUIDES_BUILD_JOBS=1``
turns it off. A failure or warning in the second process fails the build.
"""

from __future__ import annotations

import json
import logging
import os
import re
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from pipeline.writers import front_matter_end, site_page_kind

log = logging.getLogger("mkdocs.hooks.parallel")

# below this many guides, forking costs more than it saves
LEAST = 100
TEMPLATE = "other-process.html"

_state: dict[str, object] = {
    "enabled": False,
    "child": None,
    "pid": None,
    "pipe": None,
    "parent": None,
    "files": None,
}
# pages built so far by this process, and how many it builds
_built = {"done": 0, "total": 0}
# guides the other process renders
_theirs: set[str] = set()


class _Count(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


_SKIPPED = re.compile(r"Page skipped: '(.+)'\. Generated empty output\.")


def _written_elsewhere(uri: str) -> bool:
    """Whether the other process writes this page: the guides it renders,
    and, for the second process, every page but its own guides."""
    return uri in _theirs or (_state["child"] is not None and site_page_kind(uri) != "guide")


class _NotOurs(logging.Filter):
    """MkDocs says "Page skipped" at info level for each page it writes
    nothing for: here, the pages the other process writes."""

    def filter(self, record: logging.LogRecord) -> bool:
        skipped = _SKIPPED.match(record.msg) if isinstance(record.msg, str) else None
        return skipped is None or not _written_elsewhere(skipped[1])


def _cores() -> int:
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def on_startup(command: str, dirty: bool) -> None:
    jobs = os.environ.get("CREDIT_GUIDES_BUILD_JOBS", "")
    _state["enabled"] = (
        command == "build" and not dirty and hasattr(os, "fork") and _cores() > 1 and jobs.strip() != "1"
    )
    logging.getLogger("mkdocs.commands.build").addFilter(_NotOurs())


@event_priority(-100)  # after the other hooks have shaped the navigation
def on_nav(nav: Navigation, config, files) -> Navigation:  # type: ignore[no-untyped-def]
    _theirs.clear()
    _state["child"] = _state["pid"] = _state["pipe"] = None
    _state["files"] = files
    if not _state["enabled"]:
        return nav
    guides = sorted(f.src_uri for f in files.documentation_pages() if site_page_kind(f.src_uri) == "guide")
    if len(guides) < LEAST:
        return nav
    for stream in (sys.stdout, sys.stderr):
        stream.flush()
    _built["done"], _built["total"] = 0, len(files.documentation_pages())
    read_end, write_end = os.pipe()
    parent = os.getpid()
    pid = os.fork()
    if pid == 0:
        os.close(read_end)
        _state["pipe"], _state["parent"] = write_end, parent
        _state["child"] = _Count()
        logging.getLogger("mkdocs").addHandler(_state["child"])  # type: ignore[arg-type]
        _theirs.update(guides[1::2])
        _theirs.update(
            f.src_uri
            for f in files.documentation_pages()
            if site_page_kind(f.src_uri) == "list" and f.name != "index"
        )
    else:
        os.close(write_end)
        _state["pid"], _state["pipe"] = pid, read_end
        _theirs.update(guides[0::2])
    return nav


def on_page_read_source(page: Page, config) -> str | None:  # type: ignore[no-untyped-def]
    if page.file.src_uri not in _theirs or not page.file.abs_src_path:
        return None
    text = Path(page.file.abs_src_path).read_text(encoding="utf-8-sig")
    end = front_matter_end(text)
    # without a title in its front matter, a page is named by its first
    # heading: such a page is rendered whole
    if end is not None and re.search(r"^title:", text[:end], re.M):
        return text[:end]
    return None


@event_priority(-100)
def on_page_markdown(markdown: str, page: Page, config, files) -> str:  # type: ignore[no-untyped-def]
    if _written_elsewhere(page.file.src_uri):
        page.meta["template"] = TEMPLATE
    return markdown


def on_page_context(context, page: Page, config, nav):  # type: ignore[no-untyped-def]
    # the second process stops when the first is gone (killed, say): it
    # must not go on writing into the site
    if _state["child"] is not None and os.getppid() != _state["parent"]:
        os._exit(1)
    return context


def on_post_page(output: str, page: Page, config) -> str:  # type: ignore[no-untyped-def]
    """After the last page, before MkDocs checks the links to anchors:
    the second process hands the first the anchors of its guides and the
    links to anchors in them, and checks none itself; the first checks
    them all, as a build on one process does."""
    if _state["pipe"] is None:
        return output
    _built["done"] += 1
    if _built["done"] == _built["total"]:
        if _state["child"] is not None:
            _send_anchors()
        else:
            _take_anchors()
    return output


def _send_anchors() -> None:
    mine = {}
    for file in _files().documentation_pages():
        page = file.page
        if page is None:
            continue
        links = page.links_to_anchors or {}
        if site_page_kind(file.src_uri) == "guide" and file.src_uri not in _theirs:
            mine[file.src_uri] = {
                "anchors": sorted(page.present_anchor_ids or ()),
                "links": {target.src_uri: dict(anchors) for target, anchors in links.items()},
            }
        # checked by the first process: it renders every other page itself
        page.links_to_anchors = None
    with os.fdopen(_state["pipe"], "w", encoding="utf-8") as pipe:  # type: ignore[arg-type]
        json.dump(mine, pipe, ensure_ascii=False)
    _state["pipe"] = None


def _take_anchors() -> None:
    with os.fdopen(_state["pipe"], encoding="utf-8") as pipe:  # type: ignore[arg-type]
        text = pipe.read()
    _state["pipe"] = None
    theirs = json.loads(text) if text else {}
    files = _files()
    for uri, seen in theirs.items():
        file = files.get_file_from_path(uri)
        if file is None or file.page is None:
            continue
        file.page.present_anchor_ids = set(seen["anchors"])
        links = {}
        for target_uri, anchors in seen["links"].items():
            target = files.get_file_from_path(target_uri)
            if target is not None:
                links[target] = anchors
        file.page.links_to_anchors = links


def _files() -> Files:
    files = _state["files"]
    assert isinstance(files, Files)
    return files


@event_priority(100)  # before the search index is built
def on_post_build(config) -> None:  # type: ignore[no-untyped-def]
    child = _state["child"]
    if isinstance(child, _Count):
        for stream in (sys.stdout, sys.stderr):
            stream.flush()
        os._exit(1 if child.count and config.get("strict") else 0)
    if isinstance(_state["pipe"], int):
        _take_anchors()  # late: the second process must not wait on it
    pid = _state["pid"]
    if isinstance(pid, int):
        _state["pid"] = None
        _, status = os.waitpid(pid, 0)
        if os.waitstatus_to_exitcode(status) != 0:
            raise PluginError("the second build process failed or warned: its messages are above")


def on_build_error(error: Exception) -> None:
    if isinstance(_state["child"], _Count):
        for stream in (sys.stdout, sys.stderr):
            stream.flush()
        os._exit(1)
    _close_pipe()
    pid = _state["pid"]
    if isinstance(pid, int):
        _state["pid"] = None
        os.waitpid(pid, 0)


def _close_pipe() -> None:
    """Not read yet (the build stopped early): closed, so that the second
    process, writing to it, stops instead of waiting for a reader."""
    if isinstance(_state["pipe"], int):
        os.close(_state["pipe"])
        _state["pipe"] = None
