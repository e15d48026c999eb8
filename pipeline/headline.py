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
_CREDIT = re.compile(
    r"(?:发布|报道|供稿|讯|整理)\s*$|^(?:来源|作者|编辑|发布)"
    # a reporter's or writer's credit: 某某新闻记者 张三 李四, 文／张三
    r"|(?:记者|通讯员|实习生)\s+[\u4e00-\u9fff·]{2,4}(?:\s|$)|^(?:文|图|撰文|执笔)\s*[/／]"
)
# the labels that open an article's lead or preface, on a line of their own
_LEAD_LABEL = re.compile(
    r"[【\[]?(?:编者按|编者的话|按语|导语|导读|摘要|内容提要|提要|前言|引言|引子|题记)[】\]]?[:：]?"
)


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
    >>> is_byline("某某新闻记者 段彦超 廖艳"), is_byline("文／程兰 图／袁兰建"), is_byline("记者暗访催收公司")
    (True, True, False)
    """
    return bool(
        _DATE_OR_TIME.search(text)
        or len(_LABEL.findall(text)) >= 2
        or _COUNTER.match(text)
        or _CREDIT.search(text)
    )


def is_lead_label(text: str) -> bool:
    """A line that only names the paragraph under it (编者按, 导语, 摘要):
    the article's first line, never its headline.

    >>> is_lead_label("编者按"), is_lead_label("【导语】"), is_lead_label("摘要：")
    (True, True, True)
    >>> is_lead_label("编者按语言学习指南")
    False
    """
    return bool(_LEAD_LABEL.fullmatch(text.strip()))
