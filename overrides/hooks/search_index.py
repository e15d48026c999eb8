"""The search index of a Chinese site: segmented on the second core, once per
phrase, and written as UTF-8.

- Material's search plugin segments every run of Han characters of every
  section with ``jieba.cut``; on a site of 1,000 guides that was most of the
  build time. When the build starts, this hook lists the Han runs of every
  page's Markdown and has one worker process segment them with the same
  jieba dictionaries while MkDocs renders the pages; ``jieba.cut`` is
  wrapped so that a run already segmented (by the worker, or earlier in the
  build: headings, 要点 and the phrases every guide on a topic uses come back
  again and again) is not segmented again. jieba gives the same words for
  the same run wherever it runs, so the index is the same.
- The index is written as UTF-8 instead of \\uXXXX escapes: for Chinese the
  escaped index is about twice the size, and readers on slow connections
  wait for all of it before the first result appears.
"""

from __future__ import annotations

import json
import multiprocessing
import os
from collections.abc import Iterator
from functools import wraps
from typing import Any

import jieba
from backrefs import bre

from pipeline.search_segments import AHEAD as _ahead
from pipeline.search_segments import SEGMENTED as _segmented
from pipeline.search_segments import segment, start_worker

# the runs Material's search plugin segments, found the same way
_HAN_RUN = bre.compile(r"(\p{script: Han}+)", bre.UNICODE)
_CHUNK = 2000


def _memoised(cut: Any) -> Any:
    if getattr(cut, "memoised", False):
        return cut

    @wraps(cut)
    def memoised_cut(sentence: str | bytes, cut_all: bool = False, HMM: bool = True, **kwargs: Any) -> Any:
        if cut_all or not HMM or kwargs:
            return cut(sentence, cut_all=cut_all, HMM=HMM, **kwargs)
        key = sentence.decode("utf-8") if isinstance(sentence, bytes) else sentence
        words = _segmented.get(key)
        if words is None:
            _collect()
            words = _segmented.get(key)
        if words is None:
            words = _segmented[key] = tuple(cut(sentence))
        return iter(words)

    memoised_cut.memoised = True  # type: ignore[attr-defined]
    return memoised_cut


def _collect() -> None:
    """Take what the worker has segmented so far, without waiting."""
    results = _ahead["results"]
    if results is None:
        return
    while True:
        try:
            _segmented.update(results.next(timeout=0))
        except multiprocessing.TimeoutError:
            return
        except StopIteration:
            _ahead["results"] = None
            return


def _runs(files: Any) -> Iterator[list[str]]:
    seen: set[str] = set()
    chunk: list[str] = []
    for file in files.documentation_pages():
        try:
            with open(file.abs_src_path, encoding="utf-8") as handle:
                text = handle.read()
        except (OSError, UnicodeDecodeError):
            continue
        for run in _HAN_RUN.findall(text):
            if run not in seen and run not in _segmented:
                seen.add(run)
                chunk.append(run)
                if len(chunk) >= _CHUNK:
                    yield chunk
                    chunk = []
    if chunk:
        yield chunk


def _stop() -> None:
    pool = _ahead["pool"]
    if pool is not None:
        pool.terminate()
        pool.join()
    _ahead.update(pool=None, results=None)


def on_config(config):  # type: ignore[no-untyped-def]
    # Material calls jieba.cut through the module, so this is what it uses
    jieba.cut = _memoised(jieba.cut)
    return config


def on_files(files, config):  # type: ignore[no-untyped-def]
    _stop()
    search = config["plugins"].get("material/search") or config["plugins"].get("search")
    if search is None or not search.config.enabled or (os.cpu_count() or 1) < 2:
        return files
    context = multiprocessing.get_context("spawn")  # `mkdocs serve` has threads: no fork
    pool = context.Pool(1, start_worker, (search.config.jieba_dict, search.config.jieba_dict_user))
    _ahead.update(pool=pool, results=pool.imap(segment, list(_runs(files))))
    return files


def on_post_build(config) -> None:  # type: ignore[no-untyped-def]
    _stop()
    path = os.path.join(config["site_dir"], "search", "search_index.json")
    if not os.path.exists(path):
        return
    with open(path, encoding="utf-8") as handle:
        index = json.load(handle)
    tmp = f"{path}.tmp"
    with open(tmp, "w", encoding="utf-8") as handle:
        json.dump(index, handle, ensure_ascii=False, separators=(",", ":"))
    os.replace(tmp, path)
