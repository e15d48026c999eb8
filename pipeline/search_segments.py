"""Segmenting the site's Han text for the search index in a worker process
(used by ``overrides/hooks/search_index.py``; here because a worker process
imports it by name, which it cannot do with a hook file)."""

from __future__ import annotations

from typing import Any

# The build's state, kept here rather than in the hook: `mkdocs serve` loads
# the hook file again for every rebuild, while jieba.cut stays wrapped once.
SEGMENTED: dict[str, tuple[str, ...]] = {}
AHEAD: dict[str, Any] = {"pool": None, "results": None}


def start_worker(dictionary: str | None, user_dictionary: str | None) -> None:
    """Load jieba with the dictionaries Material's search plugin uses."""
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)
    if dictionary:
        jieba.set_dictionary(dictionary)
    if user_dictionary:
        jieba.load_userdict(user_dictionary)
    jieba.initialize()


def segment(runs: list[str]) -> dict[str, tuple[str, ...]]:
    """Each run of Han characters, cut the way the search plugin cuts it.

    >>> segment(["逾期还款"])["逾期还款"]
    ('逾期', '还款')
    """
    import jieba

    return {run: tuple(jieba.cut(run.encode("utf-8"))) for run in runs}
