"""Site search with Pagefind, run after every build (``mkdocs build``,
``mkdocs serve`` and ``credit-guides build`` alike); see
``pipeline/sitesearch.py``. The header search box and result list are
Material's markup, driven by ``overrides/assets/javascripts/search.js``.
"""

from __future__ import annotations

import logging
import time
from pathlib import Path

from mkdocs.exceptions import PluginError

from pipeline.sitesearch import SearchIndexError, audit_copy, build_index

log = logging.getLogger("mkdocs.hooks.search")


def on_config(config):  # type: ignore[no-untyped-def]
    if "search" in config["plugins"] or "material/search" in config["plugins"]:
        raise PluginError(
            "mkdocs.yml: remove the search plugin from plugins; search is Pagefind "
            "(overrides/hooks/search.py), and Material's index would only slow the build"
        )
    return config


def on_post_build(config) -> None:  # type: ignore[no-untyped-def]
    site = Path(config["site_dir"])
    start = time.perf_counter()
    try:
        summary = build_index(site)
        audit_copy(site)
    except SearchIndexError as exc:
        raise PluginError(str(exc)) from exc
    log.info(f"search index (Pagefind): {summary} in {time.perf_counter() - start:.2f} s")
