"""URL-safe file names for guides: the title in pinyin, word by word."""

from __future__ import annotations

import logging
import re
from functools import lru_cache

SLUG_MAX = 60


@lru_cache(maxsize=1)
def _segmenter():  # type: ignore[no-untyped-def]
    import jieba

    jieba.setLogLevel(logging.WARNING)
    return jieba


def slugify(title: str) -> str:
    """
    >>> slugify("支付宝逾期可以协商流程")
    'zhifubao-yuqi-keyi-xieshang-liucheng'
    >>> slugify("逾期第1-3天：What to do?")
    'yuqi-di-1-3-tian-what-to-do'
    """
    from pypinyin import lazy_pinyin

    words = []
    for word in _segmenter().cut(title):
        ascii_word = "".join(lazy_pinyin(word)).lower()
        words.extend(re.findall(r"[a-z0-9]+", ascii_word))
    slug = ""
    for word in words:
        if slug and len(slug) + 1 + len(word) > SLUG_MAX:
            break
        slug = f"{slug}-{word}" if slug else word
    return slug or "guide"
