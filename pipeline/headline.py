"""What a headline is, on any kind of page: how two titles are compared,
how long one may be, and the datelines and credit lines that sit where a
headline does. Shared by the HTML reader (``pipeline.readers.titles``) and
the text pages' title step (``pipeline.cleaners.repeats``)."""

from __future__ import annotations

import re

from pipeline.untrusted import TITLE_MAX

# a headline is at most as long as a published title (case names and SEO
# questions run to 40–60 characters)
HEADLINE_MAX = TITLE_MAX

_NOT_KEY = re.compile(r"[\W_]+")
_DATE_OR_TIME = re.compile(
    r"\d{1,4}\s*[-/年.]\s*\d{1,2}\s*[-/月.]\s*\d{1,2}|(?:19|20)\d{2}\s*[-/年.]\s*\d{1,2}|\d{1,2}:\d{2}"
)
_LABEL = re.compile(r"\w{1,6}\s*[:：]")
_COUNTER = re.compile(r"^\S{1,8}\s*[:：]\s*[\d,.]+\S{0,2}$")
_CREDIT = re.compile(r"(?:发布|报道|供稿|讯|整理)\s*$|^(?:来源|作者|编辑|发布)")


def key(line: str) -> str:
    """What two titles share when one repeats the other: the characters
    without punctuation and spaces, in lower case.

    >>> key("逾期怎么办？ ") == key("逾期怎么办")
    True
    """
    return _NOT_KEY.sub("", line).lower()


def is_byline(text: str) -> bool:
    """A dateline, a credit line or a counter, which sit where a headline
    does.

    >>> is_byline("作者： 来源： 发布日期： 7/5/2005 9:23:57 PM"), is_byline("能力值:545803")
    (True, True)
    >>> is_byline("2021-05-06 某某法院发布"), is_byline("某某日报讯")
    (True, True)
    >>> is_byline("孙丰：巴黎举行座谈会"), is_byline("2019年中国人文地理学术年会举行")
    (False, False)
    """
    return bool(
        _DATE_OR_TIME.search(text)
        or len(_LABEL.findall(text)) >= 2
        or _COUNTER.match(text)
        or _CREDIT.search(text)
    )
