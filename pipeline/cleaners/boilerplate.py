"""Site chrome around the article: comment threads, info lines, link lists."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from pipeline.cleaners.rules import CommentRules, LineRule

Note = Callable[[str, str], None]

_BULLET = re.compile(r"^[•·▪●◆◇■□○\-*]\s*")
_SENTENCE_END = re.compile(r"[。！？!?；;，,]")


def strip_comment_blocks(text: str, rules: CommentRules, note: Note) -> str:
    """Remove reader comment threads: from a 精彩评论-style heading through
    the commenters' lines, dates and 写评论 prompts that follow it."""
    lines = text.split("\n")
    keep: list[str] = []
    i = 0
    while i < len(lines):
        if not rules.start.search(lines[i]):
            keep.append(lines[i])
            i += 1
            continue
        start = i
        i += 1
        while i < len(lines):
            line = lines[i]
            if not line:
                i += 1
            elif any(p.search(line) for p in rules.inside):
                i += 1
            elif rules.author.search(line):
                i += 1
                # the commenter's text follows their name line
                if (
                    i < len(lines)
                    and lines[i]
                    and not rules.author.search(lines[i])
                    and not rules.start.search(lines[i])
                ):
                    i += 1
            else:
                break
        removed = [line for line in lines[start:i] if line]
        note(
            "comment_block",
            f"removed a comment block of {len(removed)} lines starting 「{removed[0]}」",
        )
    return "\n".join(keep)


_DATE = re.compile(r"(20\d{2})\s*[-/年.]\s*(\d{1,2})\s*[-/月.]\s*(\d{1,2})")
# What ends a sentence, or sits inside one; the closing quotes and brackets
# that may follow the last mark.
_SENTENCE_MARK = re.compile(r"[。？；]|[?？。；…][”’」』）)\"']*$")


def is_sentence(line: str) -> bool:
    """A line shaped like a sentence of the article: it holds a 。, ？ or ；,
    or ends on a question mark or an ellipsis. Chrome (bylines, buttons,
    counters, link labels, banners) is not written that way; an exclamation
    mark is left out, since banners and advertisements end on one.

    >>> is_sentence("关注“云闪付”公众号可以查询账单。"), is_sentence("关注公众号：逾期帮")
    (True, False)
    >>> is_sentence("您好!欢迎访问逾期频道!"), is_sentence("真的会被起诉吗?")
    (False, True)
    """
    return bool(_SENTENCE_MARK.search(line))


def _body_start(lines: list[str]) -> int:
    """The index of the article's first paragraph: the first line shaped
    like a sentence. What comes above it is the page's head (title, date,
    byline)."""
    return next((i for i, line in enumerate(lines) if len(line) >= 10 and is_sentence(line)), len(lines))


def strip_boilerplate(
    text: str, rules: Sequence[LineRule], note: Note, dates: list[str] | None = None
) -> str:
    """Remove lines that a rule of ``boilerplate.yaml`` recognises as chrome.

    A line is chrome when a rule's pattern matches it, it is no longer than
    the rule's ``max_chars``, it is not shaped like a sentence (unless the
    rule says ``sentences: true``: formulas such as 如有侵权请联系删除 are
    sentences), and it stands where the rule looks (``where: head``: above
    the first paragraph). Dates on removed lines (the page's publication
    date, usually) are collected in ``dates`` as YYYY-MM-DD.

    >>> from pipeline.cleaners.rules import load_boilerplate
    >>> rules = load_boilerplate()[0]
    >>> strip_boilerplate("2024年1月1日\\n正文第一段，讲逾期。\\n2024年1月1日", rules, print)
    boilerplate removed date_line line 「2024年1月1日」
    '正文第一段，讲逾期。\\n2024年1月1日'
    """
    lines = text.split("\n")
    head = _body_start(lines)
    keep = []
    for i, line in enumerate(lines):
        rule = next(
            (
                r
                for r in rules
                if line
                and len(line) <= r.max_chars
                and (r.where == "anywhere" or i < head)
                and r.pattern.search(line)
                and (r.sentences or not is_sentence(line))
            ),
            None,
        )
        if rule is None:
            keep.append(line)
        else:
            note("boilerplate", f"removed {rule.name} line 「{_clip(line)}」")
            match = _DATE.search(line)
            if match and dates is not None:
                year, month, day = match.groups()
                dates.append(f"{year}-{int(month):02d}-{int(day):02d}")
    return "\n".join(keep)


# How the title of an article reads: a question a reader searches for
# (支付宝逾期后几天开始, 工行信用卡逾期了七天怎么处理, 需注意哪些问题).
_HEADLINE_QUESTION = re.compile(r"怎|如何|哪|什么|几|多少|多久|能否|是否|会不会|为什么|为何|吗|[？?]$")


def strip_link_lists(text: str, note: Note) -> str:
    """Remove a trailing list of article titles (相关文章 lists printed as
    bullets after the last paragraph): three or more short bullet lines
    with no sentence punctuation, with nothing but blank lines after them,
    most of which read like the titles of articles (questions a reader
    searches for). A list that a line ending on a colon introduces, or whose
    items are not titles (a checklist: 身份证原件, 收入证明), is the article's.

    >>> titles = "\\n".join(["• 逾期三天怎么处理", "• 网贷逾期会坐牢吗", "• 协商还款需要哪些材料"])
    >>> strip_link_lists("正文。\\n\\n" + titles, print)
    link_list removed a list of 3 links to other articles, first 「逾期三天怎么处理」
    '正文。'
    >>> checklist = "\\n".join(["• 身份证原件", "• 收入证明", "• 银行流水"])
    >>> strip_link_lists("正文。\\n\\n" + checklist, print) == "正文。\\n\\n" + checklist
    True
    """
    lines = text.split("\n")
    end = len(lines)
    while end and not lines[end - 1].strip():
        end -= 1
    start = end
    while start and (
        not lines[start - 1].strip()
        or (
            _BULLET.match(lines[start - 1])
            and len(lines[start - 1]) <= 40
            and not _SENTENCE_END.search(_BULLET.sub("", lines[start - 1]))
        )
    ):
        start -= 1
    items = [line for line in lines[start:end] if line.strip()]
    if len(items) < 3:
        return text
    before = next((line for line in reversed(lines[:start]) if line.strip()), "")
    if before.rstrip().endswith((":", "：")):
        return text
    titles = sum(bool(_HEADLINE_QUESTION.search(_BULLET.sub("", item))) for item in items)
    if 2 * titles < len(items):
        return text
    note(
        "link_list",
        f"removed a list of {len(items)} links to other articles, first 「{_BULLET.sub('', items[0])}」",
    )
    return "\n".join(lines[:start]).rstrip("\n")


def _clip(line: str, width: int = 40) -> str:
    return line if len(line) <= width else line[: width - 1] + "…"


_SEGMENTS = re.compile(r"[，,、|｜/\s]+")


def strip_related_blocks(text: str, start: re.Pattern[str], note: Note) -> str:
    """Remove a 相关推荐-style heading and the list of titles under it."""
    lines = text.split("\n")
    keep: list[str] = []
    i = 0
    while i < len(lines):
        if not (lines[i] and start.search(lines[i])):
            keep.append(lines[i])
            i += 1
            continue
        j = i + 1
        items = 0
        while j < len(lines) and (
            not lines[j]
            or (len(_BULLET.sub("", lines[j])) <= 40 and not _SENTENCE_END.search(_BULLET.sub("", lines[j])))
        ):
            items += bool(lines[j])
            j += 1
        note("related_list", f"removed 「{lines[i]}」 and the {items} article titles under it")
        i = j
    return "\n".join(keep)


def strip_keyword_stuffing(text: str, note: Note) -> str:
    """Remove lines that are lists of search keywords pasted for SEO: six or
    more short segments, no sentence punctuation, and one two-character term
    in most of them (逾期协商,逾期怎么办,逾期一天,逾期两天,…).

    A line that ends on a colon introduces what follows (逾期1天、逾期3天、…
    逾期90天的后果如下：): it is the article's, not a keyword list.

    >>> strip_keyword_stuffing("逾期协商,逾期怎么办,逾期一天,逾期两天,逾期三天,逾期上征信\\n正文。", print)
    keyword_stuffing removed a line of 6 search keywords 「逾期协商,逾期怎么办,逾期一天,逾期两天,逾期…」
    '正文。'
    """
    keep = []
    for line in text.split("\n"):
        segments = [s for s in _SEGMENTS.split(line) if s]
        if len(segments) >= 6 and not re.search(r"[。！？!?；;]|[:：]$", line) and _shared_term(segments):
            note(
                "keyword_stuffing", f"removed a line of {len(segments)} search keywords 「{_clip(line, 24)}」"
            )
            continue
        keep.append(line)
    return "\n".join(keep)


def _shared_term(segments: list[str]) -> bool:
    counts: dict[str, int] = {}
    for segment in segments:
        for gram in {segment[i : i + 2] for i in range(len(segment) - 1)}:
            counts[gram] = counts.get(gram, 0) + 1
    return bool(counts) and max(counts.values()) >= 0.6 * len(segments)
