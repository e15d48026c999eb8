"""Site chrome around the article: comment threads, info lines, link lists.

A row of a table (``pipeline.tables``) is never chrome here: its cells are
short and without sentence marks, which is what these rules look for in a
line, so every step keeps rows as they are and no row starts, continues or
belongs to a block of chrome.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Callable, Sequence
from functools import lru_cache

from pipeline.cleaners.rules import CommentRules, LineRule
from pipeline.tables import is_row

Note = Callable[[str, str], None]

_BULLET = re.compile(r"^[•·▪●◆◇■□○\-*]\s*")
_SENTENCE_END = re.compile(r"[。！？!?；;，,]")


# A comment widget's prompt or heading: short, naming comments, and shaped
# as a widget (a placeholder ending …, a count, "none yet"), not as the
# author's closing line (欢迎大家留言讨论 stays unless a thread follows it).
_BOX_WORD = r"评论|留言|沙发|说两句|说点什么|写点什么|看法|(?i:comments?)\b"
# words that name an answer as often as a comment box (律师回复, 平台回应):
# a line of them opens a thread only shaped as a widget, or above two or
# more commenters
_ANSWER_WORD = r"回应|回复|推文|(?i:reply)\b"
_COMMENT_WORD = re.compile(f"{_BOX_WORD}|{_ANSWER_WORD}")
# a placeholder's dots, and "none yet"
_DOTS = r"(?:…|⋯|\.{2,}|～|~)$"
_NONE_YET = r"^(?:暂无|还没有|快来|抢|发表|写下)"
_WIDGET = re.compile(rf"{_DOTS}|\d+\s*条|[(（]\d+[)）]|{_NONE_YET}")
# ... and for a line that names answers only (银行是这样回复的……, （1）律师回复,
# 回复催收的3条原则 are the article's): a verb of writing before the dots
# (添加回应 ⋯), or the count at the end (网友推文 (2))
_ANSWER_WIDGET = re.compile(
    rf"(?:说|写|发|输入|添加|留下|来).*{_DOTS}|\d+\s*条(?:回复|回应|推文)?$|[(（]\d+[)）]$|{_NONE_YET}"
)


def _widget(line: str) -> bool:
    """A comment box's prompt shaped as a widget (说点什么…, 评论（2）).

    >>> _widget("说点什么…"), _widget("评论（2）"), _widget("添加回应 ⋯"), _widget("（1）律师回复")
    (True, True, True, False)
    """
    if re.search(_ANSWER_WORD, line) and not re.search(_BOX_WORD, line):
        return bool(_ANSWER_WIDGET.search(line))
    return bool(_WIDGET.search(line))


def _comment_prompt(line: str) -> bool:
    """
    >>> prompt = "欢迎大家在下方留言区发表自己的看法和评论"
    >>> _comment_prompt(prompt), _comment_prompt(prompt + "吧"), _comment_prompt("欢迎评论。")
    (True, False, False)
    """
    return len(line) <= 20 and bool(_COMMENT_WORD.search(line)) and not re.search(r"[。？；]", line)


def strip_comment_blocks(text: str, rules: CommentRules, note: Note) -> str:
    """Remove reader comment threads: from a 精彩评论-style heading (or a
    comment box's prompt, 说点什么… / 暂无评论，快来抢沙发) through the
    commenters' lines, dates, replies and buttons that follow it.

    A thread is also found by its shape without a heading: two or more
    commenters' name-time lines (头像 小王同学 3天前), each followed by the
    commenter's short reply and its buttons (回复 赞 3). A prompt that is
    not shaped like a widget (欢迎大家留言讨论) opens a thread only when
    commenters' lines follow it.

    >>> from pipeline.cleaners.rules import load_boilerplate
    >>> rules = load_boilerplate()[1]
    >>> page = "正文。\\n说点什么…\\n头像 小王 3天前\\n写得真好\\n回复 赞 3\\n老张 · 1小时前\\n感谢分享！"
    >>> strip_comment_blocks(page, rules, print)
    comment_block removed a comment block of 6 lines starting 「说点什么…」
    '正文。'
    >>> strip_comment_blocks("正文。\\n欢迎大家留言讨论", rules, print)
    '正文。\\n欢迎大家留言讨论'

    The article's line after a thread stays. Under a heading a reply may
    be long; in a thread found by its shape, a line of more than 80
    characters after a name line is the article's, and ends the thread:

    >>> strip_comment_blocks(page + "\\n这是文章的最后一句话。", rules, lambda *a: None)
    '正文。\\n这是文章的最后一句话。'
    >>> thread = f"精彩评论\\n头像 小王 3天前\\n{'甲' * 120}。\\n回复 赞 3"
    >>> strip_comment_blocks(f"正文。\\n{thread}", rules, print)
    comment_block removed a comment block of 4 lines starting 「精彩评论」
    '正文。'
    >>> rest = "\\n老张 · 1小时前\\n感谢分享！"
    >>> text = "正文，很长的一段正文。\\n头像 小王 3天前\\n"
    >>> [strip_comment_blocks(f"{text}{'乙' * n}。{rest}", rules, print) for n in (79, 80)]
    ... # doctest: +ELLIPSIS
    comment_block removed a comment block of 4 lines starting 「头像 小王 3天前」
    ['正文，很长的一段正文。', '正文，很长的一段正文。\\n头像 小王 3天前\\n乙...乙。\\n老张 · 1小时前...']
    """
    lines = text.split("\n")
    # above the first paragraph, name-and-time lines are the page's byline
    head = _body_start(lines)
    keep: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if is_row(line):
            keep.append(line)
            i += 1
            continue
        prompt = bool(line) and _comment_prompt(line)
        headed = bool(line) and (bool(rules.start.search(line)) or (prompt and _widget(line)))
        # under a heading a reply may be a paragraph long; a thread found
        # by its shape alone takes only short replies
        opened = headed or prompt
        end, commenters = _thread_end(lines, i + 1 if opened else i, rules, 10**9 if headed else 80, opened)
        prompted = prompt and commenters >= (2 if re.search(_ANSWER_WORD, line) and not headed else 1)
        if not (headed or prompted or (commenters >= 2 and i >= head)):
            keep.append(line)
            i += 1
            continue
        removed = [x for x in lines[i:end] if x]
        note(
            "comment_block",
            f"removed a comment block of {len(removed)} lines starting 「{_clip(removed[0])}」",
        )
        i = end
    return "\n".join(keep)


def _commenter(line: str, rules: CommentRules, opened: bool = False) -> bool:
    """A commenter's line above their comment: a name, then when.

    Without a comment box's heading or prompt above it (``opened``), a
    thread is known by its shape alone, and schedules, agendas, chat logs
    and timelines have the same shape: there a commenter's line is one
    name with a date or a relative time in the forms of comment widgets
    (3天前, 2021-05-06 09:30), not with the part of the day (上午 9:00), a
    year of the Republic of China, a masked name, a loosely written time
    (几分钟前) or a second name (a place, a speaker's role). Under a heading
    or a prompt any of those is a commenter's line.
    """
    if rules.author.search(line) or poster_card(line):
        return True
    shape = metadata_shape(line)
    if opened:
        return (
            bool(_SAID.fullmatch(line))
            or shape in ("name_time", "name_date", "name_when")
            or (shape == "name_day" and re.search(_CLOCK, line) is not None)
        )
    return shape in ("name_time", "name_date") and not _OPENED_ONLY.search(line)


# a commenter's handle with what blogs print after it (豆友2964说道：): three
# or more letters, digits or masks in it; a plain name before 说道 is a
# quotation's (张三说道：, 当事人A说道：, 网友“abc123”说道：, 合同第8条写道：)
_SAID = re.compile(
    r"(?=(?:[^A-Za-z0-9_*＊]*[A-Za-z0-9_*＊]){3})[^\s，,“”\"'「」年月日条款第]{2,30}?\s*(?:说道|写道)[:：]"
)


def _said_then_stamp(lines: list[str], i: int) -> bool:
    """A blog's commenter: a handle before 说道： with the comment's date and
    clock time on the next line (豆友2964说道： / 113/02/06 09:58), a thread's
    line without a heading above it.

    >>> said = "豆友2964说道："
    >>> _said_then_stamp([said, "113/02/06 09:58"], 0), _said_then_stamp([said, "有用"], 0)
    (True, False)
    """
    if not _SAID.fullmatch(lines[i]):
        return False
    after = next((line for line in lines[i + 1 :] if line.strip()), "")
    return _stamp(after)


def _stamp(line: str) -> bool:
    """A comment's date and clock time on a line of their own.

    >>> _stamp("113/02/06 09:58"), _stamp("2023年3月5日 下午3:40"), _stamp("2023年3月5日")
    (True, True, False)
    """
    return (
        len(line) <= 40
        and all(_DATE_FIELD.fullmatch(field) for field in _fields(line))
        and re.search(_CLOCK, line) is not None
    )


# a name as forums print it, masked or not (阿***仔)
_POSTER = re.compile(r"[\w\u4e00-\u9fff*＊]{1,16}")
_CARD_LABEL = re.compile(r"[A-Za-z]{2,5}|[\u4e00-\u9fff]{1,4}")
# a row's name in a schedule: a number, an ordinal, a period
_ORDINAL = re.compile(r"^\d+$|^第|[期年月日天周次号]$")


def poster_card(line: str) -> bool:
    """A forum poster's card above their post: a handle (with digits,
    Latin letters or a mask, 阿***仔, 豆友3708) or a name beside a Latin
    label (UID, LV), then two or more labels each with a bare count (UID
    749258 主题 10 帖子 4645). A price list has its units (月费 30元 流量
    10G), and a product's row its plain name (花呗 账单 3200 最低还款 320):
    they stay.

    >>> poster_card("阿***仔 UID 953996 主题 54 帖子 4003 积分 18625"), poster_card("豆友3708 帖子 12 精华 3")
    (True, True)
    >>> poster_card("花呗 账单 3200 最低还款 320"), poster_card("工商银行 期数 12 手续费 600")
    (False, False)
    >>> poster_card("套餐A 月费 30元 流量 10G")
    False

    A schedule's row is no poster's (第一期 本金 1000 利息 50, 3月 还款 500 …):

    >>> poster_card("第一期 本金 1000 利息 50 合计 1050"), poster_card("3月 本金 1000 利息 50")
    (False, False)
    """
    fields = line.split()
    if len(fields) < 5 or len(fields) % 2 == 0:
        return False
    if not _POSTER.fullmatch(fields[0]) or _ORDINAL.search(fields[0]):
        return False
    pairs = list(zip(fields[1::2], fields[2::2], strict=True))
    handle = bool(re.search(r"[\dA-Za-z*＊]", fields[0])) or any(
        re.fullmatch(r"[A-Za-z]+", a) for a, _ in pairs
    )
    return handle and all(_CARD_LABEL.fullmatch(label) and count.isdigit() for label, count in pairs)


def _thread_end(
    lines: list[str], i: int, rules: CommentRules, reply_max: int, opened: bool = False
) -> tuple[int, int]:
    """Where the comment thread that may start at ``i`` ends (the index
    after it, blank lines after it left out), and how many commenters'
    lines it holds. ``opened``: a heading or a prompt is above ``i``."""
    commenters = 0
    end = i
    while i < len(lines):
        line = lines[i]
        if not line:
            i += 1
            continue
        if is_row(line):
            break
        if _commenter(line, rules, opened) or _said_then_stamp(lines, i):
            commenters += 1
            i += 1
            # the commenter's text follows their name line (and the time
            # of the comment, when it has a line of its own)
            j = i
            while j < len(lines) and (not lines[j] or _stamp(lines[j])):
                j += 1
            if (
                j < len(lines)
                and not is_row(lines[j])
                and len(lines[j]) <= reply_max
                and not _commenter(lines[j], rules, opened)
                and not rules.start.search(lines[j])
            ):
                i = j + 1
        elif (
            any(p.search(line) for p in rules.inside)
            or metadata_shape(line) == "meta_line"
            # a prompt inside the comment box (写留言, 作者已设置关注后才可留言)
            or ((opened or commenters) and _comment_prompt(line))
            # after a commenter's line: a button under their comment
            or (commenters and _button(line))
        ):
            i += 1
        else:
            break
        end = i
    return end, commenters


# a thread's buttons and counts have at most this many characters of words
BUTTON_CHARS = 4


def _button(line: str) -> bool:
    """A button or a count under a comment (回复, 举报, 👍 306, 赞 12): a line
    of at most ``BUTTON_CHARS`` letters and Han characters, digits aside,
    and no sentence in it.

    >>> _button("👍 306"), _button("回复"), _button("举报 ⋯"), _button("同意。"), _button("写得真好啊啊")
    (True, True, True, False, False)
    """
    words = re.sub(r"[\W\d_]+", "", line)
    return len(words) <= BUTTON_CHARS and not _SENTENCE_MARK.search(line)


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


# a short line of questions or exclamations with no full stop and no
# clauses: a headline's shape as often as a paragraph's
_LONE_HEADLINE = re.compile(r"[^。；;，,]{4,50}")


def _body_start(lines: list[str]) -> int:
    """The index of the article's first paragraph: the first line shaped
    like a sentence, other than a short line of questions or exclamations
    with no full stop and no clauses (谁来为拆房“埋单”？, 唯一的要求竟是……
    and 债市是否存在泡沫？投资官们这么说 are headlines). What comes above it is the page's head (title, date,
    byline).

    >>> _body_start(["某某网", "谁来为拆房“埋单”？", "路人甲 2014/04/22", "为拆一幢房，断送了三条人命。"])
    3
    """
    return next(
        (
            i
            for i, line in enumerate(lines)
            if len(line) >= 10 and is_sentence(line) and not _LONE_HEADLINE.fullmatch(line)
        ),
        len(lines),
    )


# --- chrome by shape -------------------------------------------------------
#
# Lines that no rule table lists but whose shape is chrome: they are made
# only of dates and times, metadata labels with short values, counts and
# one or two short names (a site, a person), never of sentence text.


def _symbol_class() -> str:
    """A regular-expression class of every symbol character outside ASCII
    (Unicode categories Sm, Sk and So: arrows, bars, blocks, triangles,
    dingbats, emoji), in ranges: what sites put between the items of a row
    of links, whichever of them a site picked."""
    ranges: list[tuple[int, int]] = []
    for code in (*range(0xA0, 0xA000), *range(0xFE00, 0x10000), *range(0x1F000, 0x1FB00)):
        if unicodedata.category(chr(code)) in ("Sm", "Sk", "So"):
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1] = (ranges[-1][0], code)
            else:
                ranges.append((code, code))
    return "".join(re.escape(chr(a)) + (f"-{re.escape(chr(b))}" if b > a else "") for a, b in ranges)


_SYMBOLS = _symbol_class()
# what stands between the items of a row of links: a symbol or a bar, or
# an ASCII sign with spaces on both sides (帐/车 is a word's slash)
_ITEM_SEP = re.compile(rf"\s*[{_SYMBOLS}|｜丨·•‖¦〉〈]+\s*|\s+[-/|<>+=~:]+\s+|::")
# what separates the fields of a metadata line: spaces, bars, dots and
# any symbol
_FIELD_SEP = re.compile(rf"[\s|｜·•・丨{_SYMBOLS}]+|\s/\s")
_DATE_SEP = r"[-/.．／－]"
_FULL_DATE = (
    rf"(?:19|20)\d{{2}}\s*(?:{_DATE_SEP}|年)\s*\d{{1,2}}\s*(?:{_DATE_SEP}|月)\s*\d{{1,2}}\s*日?"
    # month or day first (05/21/2016, 21.05.2016), or a two-digit year (14-07-20)
    rf"|\d{{1,2}}{_DATE_SEP}\d{{1,2}}{_DATE_SEP}(?:19|20)\d{{2}}|\d{{2}}-\d{{2}}-\d{{2}}"
    # a year of the Republic of China (111/11/10), the month first with the
    # year after a comma (1月15,2021: spaces are taken out first)
    rf"|1[01]\d{_DATE_SEP}\d{{1,2}}{_DATE_SEP}\d{{1,2}}|\d{{1,2}}月\d{{1,2}},(?:19|20)\d{{2}}"
)
# a month and day in figures, as feeds and comment widgets print them (04-09)
_MONTH_DAY = r"\d{1,2}[-/]\d{1,2}"
_SHORT_DATE = rf"\d{{1,2}}月\d{{1,2}}日|{_MONTH_DAY}"
# with the part of the day before it or after it (晚上10:03, 5:20am)
_PART_OF_DAY = r"上午|下午|晚上|凌晨|中午|早上|傍晚"
_CLOCK = rf"(?:{_PART_OF_DAY})?\d{{1,2}}[:：]\d{{2}}(?:[:：]\d{{2}})?(?:[aApP][mM])?"
# a date field without the year that is not a heading's (4月9日 opens
# headings too); a clock time with it is counted apart
_YEARLESS = re.compile(_MONTH_DAY)
# a day of the week is part of a date (2023年5月6日 星期六)
_WEEKDAY = r"(?:星期|周|礼拜)[一二三四五六日天]"
_DATE_FIELD = re.compile(
    rf"[(（\[【]?(?:{_FULL_DATE}|{_SHORT_DATE})(?:{_CLOCK})?[)）\]】]?|{_CLOCK}|{_WEEKDAY}"
)
# relative times of comment widgets and feeds: 3天前, 刚刚, 昨天 21:04
_AGO = r"(?:秒|分钟|小时|天|周|星期|个月|年)前"
_AGO_FIELD = re.compile(rf"\d+\s*{_AGO}|刚刚|昨天|前天|今天")
# units of time in English (49 mins ago, 4 hr)
_EN_UNIT = r"(?:sec|min|minute|hr|hour|day|week|month|year)s?"
# relative times written loosely or in English (几分钟前, 前几天, 49 mins ago):
# a chat's or a list's words as often, so a name with one is a commenter's
# line only under a comment box's heading, and chrome only at the edges
_LOOSE_AGO_FIELD = re.compile(rf"几\s*{_AGO}|前几天|\d+{_EN_UNIT}ago", re.IGNORECASE)
# the forms a commenter's line has only under a comment box's heading
_OPENED_ONLY = re.compile(
    rf"{_PART_OF_DAY}|\d\s*[aApP][mM]\b|(?<!\d)1[01]\d[-/.．]\d|[^\W\d_][*＊]{{2,}}|(?i:ago)\b|几|前几天"
)
_LABELS = (
    r"来源|作者|编辑|责任编辑|主编|记者|通讯员|摄影|发布|发布时间|发布日期|发布于|编辑于|最后编辑于|修改于"
    r"|更新于|更新时间|发表于|时间|日期|IP属地|来自|阅读|阅读量|浏览|浏览量|点击|点赞|赞|踩|评论|收藏"
    r"|分享|转发|举报|回复|回复于|原创|头像"
    # a comment's and a post's buttons and marks, a forum's floor names
    r"|引用|支持|反对|有用|无用|顶|打印|关闭|字号|复制链接|在看|赞同|喜欢|查看|发表|楼主|沙发|板凳|地板"
    r"|只看该作者|倒序浏览|登录|注册"
)
# a count as sites print one after its label: 5,538, 55.3万, 10万+, 644.4k, 999+
_SITE_COUNT = r"\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?[万wWkK]\+?|\d+\+?"
# a label alone, with a count (阅读 1234 splits into two fields; 浏览(42569),
# 阅读量55.3万, 293赞, 21楼), or with a short value after a colon (来源：某某日报)
# or, for 属地 and 来自, without one (IP属地广东)
_LABEL_FIELD = re.compile(
    rf"(?:{_LABELS})(?:量|数|次数)?(?:[(（\[【]?(?:{_SITE_COUNT})[)）\]】]?|[:：][^。？；，]{{0,24}})?"
    rf"|\d+\s*(?:{_LABELS}|楼)|#\d+"
    r"|(?:IP属地|来自)[:：]?[\u4e00-\u9fff]{1,8}"
)
# beside a date, any short label with a short value (责编：张三, 审核：李四)
_ANY_LABEL_FIELD = re.compile(r"[\u4e00-\u9fff]{1,4}[:：][^。？；，,]{1,12}")
# the words after 来自 (a device, an app, a place)
_FROM_MAX = 24
# a count, a post's floor (第79楼), or an address a forum prints for its
# guest posters (200.45.*.*)
_NUMBER_FIELD = re.compile(r"[(（]?\d+[)）]?|第\d+[楼层]|\d{1,3}\.\d{1,3}\.[\d*]{1,3}\.[\d*]{1,3}")
# brackets around a field: [回复], 【打印】, [200.45.*.*]
_BRACKETED = re.compile(r"[\[【](.+)[\]】]")
# a name: a word of at most 14 characters, or a platform's generated
# handle of letters and digits (weixin_595056974, m0_99455719)
_NAME_FIELD = re.compile(
    # masked or not (上***剑)
    r"@?[\w\u4e00-\u9fff][\w\u4e00-\u9fff*＊]{0,13}"
    r"|[A-Za-z][A-Za-z0-9_-]{1,23}"
    # with where the poster is, or what they are (夏律师（苏州）)
    r"|[\w\u4e00-\u9fff]{1,16}[(（][\u4e00-\u9fff]{1,6}[)）]"
)


_SPACED_DATE = re.compile(r"\d{2,4}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?|\d{1,2}\s*月\s*\d{1,2}\s*日")


_IP_PLACE = re.compile(r"IP\s*属地")
_SPACED_AGO = re.compile(
    rf"(?<=\d)\s+(?={_AGO})"
    rf"|(?<![\w.])(?P<n>\d+)\s*(?P<unit>{_EN_UNIT})(?:\s+(?P<ago>ago))?\b",
    re.IGNORECASE,
)
# a label of when glued to its date (发布于05-25, 编辑于2024-03-02)
_GLUED_WHEN = re.compile(r"(?<=发布于|编辑于|发表于|更新于|修改于|回复于|创建于)(?=\d{1,4}[-/.年月])")
# a label in brackets before its value (【发布日期】2014年08月14日)
_BRACKET_LABEL = re.compile(r"【([\u4e00-\u9fff]{2,6})】(?=[^\s【])")
_SPACES = re.compile(r"\s+")
# a clock time and the part of the day written apart (晚上 10:03, 5:20 pm),
# a date with the month first and the year after a comma (1月 15, 2021)
_SPACED_CLOCK = re.compile(
    rf"(?:{_PART_OF_DAY})\s+\d{{1,2}}[:：]\d{{2}}|\d[:：]\d{{2}}\s+[aApP][mM]\b"
    r"|\d{1,2}月\s*\d{1,2},\s*(?:19|20)\d{2}"
)


@lru_cache(maxsize=65536)
def _fields(line: str) -> tuple[str, ...]:
    """The fields of a line, as metadata lines separate them. Remembered
    for the last 65,536 lines: the shape of a line is asked by several
    steps, and by the site's lines for its fields' words."""
    line = _IP_PLACE.sub("IP属地", line.strip())
    # a relative time is one field however it is spaced (16 分钟前)
    line = _SPACED_AGO.sub(lambda m: f"{m['n']}{m['unit']}{m['ago'] or ''}" if m["n"] else "", line)
    line = _GLUED_WHEN.sub(" ", line)
    line = _BRACKET_LABEL.sub(r"\1：", line)
    # so is a date written with spaces (2017 年 12 月 16 日)
    line = _SPACED_DATE.sub(lambda m: _SPACES.sub("", m.group()), line)
    line = _SPACED_CLOCK.sub(lambda m: _SPACES.sub("", m.group()), line)
    fields = _FIELD_SEP.split(line)
    return tuple(m.group(1) if (m := _BRACKETED.fullmatch(f)) else f for f in fields if f)


def field_words(line: str) -> list[str | None] | None:
    """A line made of fields (a post's metadata, a widget's labels) as its
    fields' words: None for a field that varies by nature (a date, a time,
    a count, a symbol, one character); None for a line that is not made of
    fields (a sentence mark, over 100 characters, fewer than two fields).
    What a site prints in such lines, page after page, is its template's
    words (``pipeline.sitelines``).

    >>> field_words("楼主 知乎用户 回复：64 浏览：644.4k")
    ['楼主', '知乎用户', '回复：64', '浏览：644.4k']
    >>> field_words("小红薯 2021-06-04 01:05:01 河北"), field_words("逾期以后 要尽快还款。")
    (['小红薯', None, None, '河北'], None)
    """
    if len(line) > 100 or _SENTENCE_MARK.search(line):
        return None
    fields = _fields(line)
    if len(fields) < 2:
        return None
    return [
        None
        if _DATE_FIELD.fullmatch(field)
        or _AGO_FIELD.fullmatch(field)
        or _LOOSE_AGO_FIELD.fullmatch(field)
        or _NUMBER_FIELD.fullmatch(field)
        or not re.search(r"[\w\u4e00-\u9fff]", field)
        or len(field) == 1
        else field
        for field in fields
    ]


@lru_cache(maxsize=65536)
def metadata_shape(line: str) -> str | None:
    """What kind of metadata line ``line`` is by its shape, or None.

    - ``meta_line``: a date or time with metadata labels (2021-05-06 09:30
      来源：某某日报 作者：张三; 编辑于 2024-03-02 · IP 属地广东), or counters
      (阅读 1234 · 点赞 56 · 评论 7; 回复 赞 3);
    - ``name_time``: a name with a relative time (头像 小王同学 3天前);
    - ``name_date``: one name with a date and a clock time (路人甲
      2017.3.25 05:08; 2019.3.19 10:16 · 某某论坛), weaker evidence:
      ``strip_boilerplate`` takes it only above the first paragraph or
      below the last;
    - ``name_day``: two names (a poster and a place) with a date without
      the year, or one or two with a date and a clock time (微信用户 04-09
      · 广东; m0_7791 2022-09-17 23:08 江苏), as weak: a notice's signature
      (某某法院 2023年4月9日) and a headline in a list (平台再出新招 10-20)
      are not.

    Every field must be one of those; a sentence mark, or a field that is
    neither a date, a label, a count nor a short name, and it is not chrome.

    >>> metadata_shape("2021-05-06 09:30 来源：某某日报 作者：张三"), metadata_shape("头像 小王同学 3天前")
    ('meta_line', 'name_time')
    >>> metadata_shape("2024年3月2日，张三来到某某法院。"), metadata_shape("作者认为来源不明的借款不能还")
    (None, None)

    A label needs a date, a relative time, a count or a second label
    beside it; IP 属地 is one label however it is spaced:

    >>> metadata_shape("2021-05-06 来源：某某日报"), metadata_shape("IP 属地广东 · 阅读 12")
    ('meta_line', 'meta_line')
    >>> [metadata_shape(line) for line in ("来源：网络 »", "来源：网络 阅读 12", "阅读 12 · 评论 3 。")]
    [None, 'meta_line', None]

    A name line has one name, or two of at most 20 characters together,
    each a word of at most 14; a date field without a clock time does not
    undo one with it:

    >>> [metadata_shape(f"{n} 3天前") for n in ("张三 李四 王五", "逾期以后银行会先打电话提醒你还款")]
    [None, None]
    >>> [metadata_shape(f"{'甲' * 10} {'乙' * n} 3天前") for n in (10, 11)]
    ['name_time', None]
    >>> metadata_shape("路人甲 2017.3.25 05:08 星期六")
    'name_date'
    >>> metadata_shape("一点号 · 廖轩 · 16 分钟前"), metadata_shape("weixin_595056974 作者 2 天前")
    ('name_time', 'name_time')

    Dates written with spaces, full-width dots or the day first, the device
    after 来自, and any label with a value beside a date with a time
    (``dated_fields``, weaker evidence: a ledger's 借款：5000元 has no time):

    >>> metadata_shape("2020 年 9 月 20 日 1:52 责编：薛子"), metadata_shape("发布于 2021．02．07")
    ('dated_fields', 'meta_line')
    >>> metadata_shape("发布于05-25 05:51 · 著作权归作者所有"), metadata_shape("公司成立于2015年5月 注册资本")
    ('name_date', None)
    >>> metadata_shape("系统维护完成于2024年3月17日 06:00")

    Labels in brackets, counted labels (点击数, 点击量), and any label beside
    a date and two labels a page prints:

    >>> metadata_shape("【发布单位】某某中级人民法院　【发布日期】2014年08月14日　【点击量】54717")
    'meta_line'
    >>> metadata_shape("[ 作者：张三 转贴自：某网 点击数：58428 更新时间：2023年6月21日 文章录入：李四 ]")
    'meta_line'
    >>> ledger = (("借款：5000元", "利息：300元"), ("还款：500元", "来源：工资"))
    >>> [metadata_shape(f"2023年3月15日 {a} {b}") for a, b in ledger]
    [None, None]
    >>> metadata_shape("2023年3月15日 借款：5000元")
    >>> metadata_shape("bili_1827 2017 年 12 月 16 日 12:02 来自 iPhone 14 Pro Max")
    'name_date'
    >>> metadata_shape("2023 年 5 月 我去银行办了分期 来自 一个普通的借款人的亲身经历和教训")
    >>> metadata_shape("凤凰网友 05/21/2016 13:17 #113")
    'name_date'

    The part of the day beside the clock time (晚上 10:03, 6:11 pm), the
    years of the Republic of China (101/11/06), the month first with the
    year after a comma (2月 25, 2021), a post's floor (第165楼):

    >>> metadata_shape("俞先生 2021/2/17 晚上 10:03"), metadata_shape("user_c0c9 第165楼 101/11/06 19:27")
    ('name_date', 'name_date')
    >>> metadata_shape("由 阿明 » 周四 2月 25, 2021 6:11 pm")
    'name_date'

    A poster's name beside two labels with counts is a post's counters;
    a name with where the poster is is still a name:

    >>> metadata_shape("楼主 奔跑的蜗牛 回复：86 浏览：10万+"), metadata_shape("阅读量55.3万 收藏 12")
    ('meta_line', 'meta_line')
    >>> lines = ("姜律师（苏州） 广东 06-04", "某某人民法院 2023年4月9日", "北京 4月9日")
    >>> [metadata_shape(line) for line in lines]
    ['name_day', None, None]

    At most 100 characters:

    >>> [metadata_shape("阅读 12 " * 16 + end) for end in ("赞 12", "赞 123")]
    ['meta_line', None]
    """
    if len(line) > 100 or _SENTENCE_MARK.search(line):
        return None
    fields = _fields(line)
    if len(fields) < 2:
        return None
    dates = clocks = agos = loose = labels = numbers = counted = yearless = 0
    names: list[str] = []
    # beside a date with a clock time, or a date and two labels a page
    # prints (来源, 作者, 点击数 …), any short label with a value is a field
    # of the page's (责编：王五, 文章录入：某某); a ledger's 借款：5000元 has
    # neither
    clocked = any(_DATE_FIELD.fullmatch(field) and re.search(_CLOCK, field) for field in fields) or (
        re.search(_FULL_DATE, line) is not None
        and sum(bool(_LABEL_FIELD.fullmatch(field)) for field in fields) >= 2
    )
    fields_labelled = 0
    for n, field in enumerate(fields):
        if _DATE_FIELD.fullmatch(field):
            dates += 1
            clocks += bool(re.search(_CLOCK, field))
            yearless += bool(_YEARLESS.fullmatch(field))
        elif _AGO_FIELD.fullmatch(field):
            agos += 1
        elif _LOOSE_AGO_FIELD.fullmatch(field):
            loose += 1
        elif field.rstrip(":：") == "来自" and len("".join(fields[n + 1 :])) <= _FROM_MAX:
            labels += 1  # what the post was sent from, in as many words (来自 iPhone 14 Pro Max)
            break
        elif _LABEL_FIELD.fullmatch(field):
            labels += 1
            counted += bool(re.search(r"\d", field))
        elif clocked and _ANY_LABEL_FIELD.fullmatch(field):
            fields_labelled += 1
        elif _NUMBER_FIELD.fullmatch(field):
            numbers += 1
        elif not re.search(r"[\w\u4e00-\u9fff]", field) or re.fullmatch(r"[\u4e00-\u9fff]", field):
            continue  # a symbol (👍, », ▲) or a one-character toggle (字号：大 中 小)
        elif _NAME_FIELD.fullmatch(field) and len(names) < 2:
            names.append(field)
        else:
            return None
    named = sum(len(n) for n in names) <= 20
    if names and loose and named and not (agos or dates or labels):
        return "name_when"
    if names and agos and named:
        return "name_time"
    if len(names) == 1 and dates and clocks:
        return "name_date"
    if fields_labelled and not names and not labels:
        return "dated_fields"
    if labels and (dates or agos or ((numbers or labels >= 2) and not names)):
        return "meta_line"
    if labels >= 2 and (numbers or counted) and len(names) == 1:
        return "meta_line"  # a poster's name with the post's counters (楼主 甲 回复：18 浏览：2万)
    if dates and named and ((clocks and names) or (yearless and len(names) == 2)):
        return "name_day"
    if dates > clocks and clocks and not (names or labels or numbers or agos or fields_labelled):
        return "date_time"  # a post's date and time on a line of their own (周日 7月 17, 2022 9:13 pm)
    return None


_PAGER = re.compile(
    r"上一页|下一页|上页|下页|前一页|后一页|第一页|最后一页|首页|尾页|末页|第\s*\d+\s*页|共\s*\d+\s*页"
    r"|页次[:：]?|分页[:：]?|到第|确定|跳转|返回列表|发新帖|\d+\s*/\s*\d+\s*页|页|\d+|[«»‹›<>/…\[\]【】]|\.{2,}|[\s|｜]"
    # arrows and other symbols around the links (下一页 ▸▸)
    rf"|[{_SYMBOLS}]"
)
# a button that loads the rest of the page or of its comments
_LOAD_MORE = re.compile(
    r"[>»↓\s]*(?:点击)?(?:加载|查看|展开|阅读){1,2}(?:更多|全部|全文|剩余)\S{0,6}?[>»↓\s]*"
)


def is_pagination(line: str) -> bool:
    """A pager: page numbers and 上一页 / 下一页 / 共 N 页 tokens only.

    >>> is_pagination("共 3 页 上一页 1 2 3 下一页"), is_pagination("« 1 2 3 »")
    (True, True)
    >>> is_pagination("页次：2/7页 首页 上一页 下一页 尾页"), is_pagination("点击加载更多")
    (True, True)
    >>> is_pagination("1 2 … 9 下一页 ▸▸"), is_pagination("◂ 上一页 ┃ 下一页 ▸"), is_pagination("▸ 1 ▸ 2")
    (True, True, False)
    >>> is_pagination("上一页提到的协商技巧，同样适用于网贷平台。"), is_pagination("首页")
    (False, False)
    >>> is_pagination("查看更多协商技巧，请阅读第3页。"), is_pagination("展开全文")
    (False, True)

    A pager is at most 200 characters, a button at most 12:

    >>> [is_pagination("上一页 " + "1 " * 96 + end) for end in ("下一页页", "下一页页页")]
    [True, False]
    >>> [is_pagination("点击查看全部精彩评论" + end) for end in (" »", " >»")]
    [True, False]
    """
    if len(line) > 200:
        return False
    if len(line) <= 12 and _LOAD_MORE.fullmatch(line):
        return True
    if _PAGER.sub("", line):
        return False
    paged = "页" in line or bool(re.search(r"[«»‹›]", line))
    return paged and bool(re.search(r"\d|上一页|下一页", line))


# a page's tags or search terms under their label, or topics between #s
_TAG_LABEL = (
    r"(?:本文|相关|热门)?(?:标签|关键词|关键字|tags?|tagged|分类(?:目录)?)|(?:相关|热门)搜索|大家(?:还|都)在搜"
    r"|本站热词"
)
_TAG_LIST = re.compile(rf"(?:{_TAG_LABEL})\s*[:：]", re.I)
# ... after one short field of the page's (案由：借款合同纠纷 关键词：甲 乙),
# before two or more tags (产品：某某贷 分类：消费贷款 is a product's line)
_FIELD_THEN_TAGS = re.compile(rf"[^\s:：]{{1,6}}[:：]\S{{1,12}}\s+(?:{_TAG_LABEL})\s*[:：]", re.I)
# the labels of what a post is filed under (所属话题, 问题分类, 分类专栏,
# 文章标签): before two or more items, as a single item is a heading's
# (话题：如何与银行协商)
_FILED_LABEL = re.compile(
    r"(?:本文|文章|相关|热门|所属|问题|分类|词条)?(?:话题|专题|专栏|合集|标签|分类)\s*[:：]"
)
# what separates the items filed under a label: spaces, commas, bars,
# slashes, hashes (a topic's name may hold a middle dot: ‘3·15’特别报道);
# tags also by middle dots and any symbol (・, ▪, ◆)
_FILED_SEP = re.compile(r"[\s,，、;；|｜/#]+")
_TAG_SEP = re.compile(rf"[\s,，、;；|｜/#・·•{_SYMBOLS}]+")
_HASHTAGS = re.compile(r"(?:\s*#[^#\s。！？]{1,20}#)+\s*")
# stocks as forums tag them ($东方财富(SZ300059)$), one or more
_CASHTAGS = re.compile(r"(?:\s*\$[^$\s。！？]{1,20}\$)+\s*")
# the collection a post is in, as platforms print it (收录于合集 #某某 45个,
# 收录于专题「某某」 共25篇)
_COLLECTED = re.compile(r"收录于\s*(?:合集|专题|专栏|话题)[^。！？，,；;]{1,30}")
# two or more topics each opened by # alone, as 小红书, 抖音 and blogs print
# them (one alone could be a heading written without its space)
_TOPIC = r"#[^#\s。！？，,；;：:]{1,20}"
_OPEN_HASHTAGS = re.compile(rf"\s*(?:{_TOPIC}\s+)+{_TOPIC}\s*")


def tag_line(line: str) -> bool:
    """Tags: a label and short phrases (标签：A B C; 关键词：A，B), or a
    line of #topics#.

    >>> tag_line("标签：车贷查询 社保需要什么材料 公积金新政"), tag_line("#个税查询# #车贷怎么查#")
    (True, True)
    >>> tag_line("分类：贷款攻略 标签：公积金查询、公积金新政"), tag_line("Tags: 驾照查询 个税异地")
    (True, True)
    >>> tag_line("关键词：信用卡逾期后，银行会先打电话提醒。"), tag_line("标签是商品的身份证")
    (False, False)
    >>> tag_line("关键词: 淘宝网；物流配送；电子商务")
    False

    Tags between middle dots or symbols, under a blog's or an encyclopedia's
    label, after one field of the page's:

    >>> tag_line("关键字：协商还款官方渠道・延期还款官方渠道"), tag_line("Tagged: 支付令话术，支付令新规")
    (True, True)
    >>> tag_line("词条标签：个性化分期 ， 支付令新规"), tag_line("案由：追偿权纠纷 关键词：征信异议 流程图")
    (True, True)
    >>> tag_line("分类目录：未分类 ┃ 标签：延期话术、协商话术"), tag_line("目录：一、逾期的后果 二、怎么办")
    (True, False)

    A product's line, a topic with its guest, a special report's name are
    not tags:

    >>> tag_line("产品：招联好期贷 分类：消费贷款"), tag_line("话题：逾期后如何协商 嘉宾：某律师")
    (False, False)
    >>> tag_line("专题：‘3·15’消费者权益日特别报道")
    False

    Stocks tagged between $ signs, the collection a post is in:

    >>> tag_line("$东方财富(SZ300059)$ $中国平安(SH601318)$"), tag_line("收录于合集 #个人征信 90个")
    (True, True)
    >>> tag_line("收录于专题「可转债」 共25篇"), tag_line("本文收录于《民法典》释义，供参考。")
    (True, False)

    What a post is filed under, two or more items:

    >>> tag_line("所属话题：基金定投额度高、消费贷利率对比"), tag_line("问题分类：法律咨询 > 个人征信")
    (True, True)
    >>> tag_line("分类专栏： 生活百科 文章标签： 信用卡协商 劳动仲裁"), tag_line("话题：如何与银行协商")
    (True, False)

    Topics opened by # alone, two or more:

    >>> tag_line("#债务纠纷电话 #停息挂账在线咨询  #网贷逾期真实案例"), tag_line("#逾期怎么办")
    (True, False)
    >>> tag_line("#1 逾期三天会怎样"), tag_line("#逾期 #协商，记得保留证据")
    (False, False)

    Each phrase at most 16 characters, the line at most 200:

    >>> [tag_line("标签：" + "甲" * n) for n in (16, 17)]
    [True, False]
    >>> [tag_line("标签：" + "甲乙 " * 65 + end) for end in ("甲乙", "甲乙丙")]
    [True, False]
    """
    text = line.strip()
    if len(text) > 200:
        return False
    if any(tags.fullmatch(text) for tags in (_HASHTAGS, _OPEN_HASHTAGS, _CASHTAGS, _COLLECTED)):
        return True
    # a paper's keywords, which the article keeps, are separated by ；
    # (GB/T 7713), a site's tags by spaces, commas or bars
    tagged = bool(_TAG_LIST.match(text))
    after_field = not tagged and bool(_FIELD_THEN_TAGS.match(text))
    filed = not (tagged or after_field) and bool(_FILED_LABEL.match(text))
    if not (tagged or after_field or filed) or re.search(r"[。！？!?；]", text):
        return False
    if after_field:
        text = _FIELD_THEN_TAGS.sub(" ", text, count=1)
    rest = _FILED_LABEL.sub(" ", _TAG_LIST.sub(" ", text))
    phrases = [p for p in (_FILED_SEP if filed else _TAG_SEP).split(rest) if p]
    # another label among them makes a line of fields (嘉宾：某某律师)
    if any(re.search(r"[:：]", p) for p in phrases):
        return False
    return len(phrases) >= (1 if tagged else 2) and all(len(p) <= 16 for p in phrases)


_ROW_ITEM_MAX = 12


def link_row(line: str) -> bool:
    """A row of links: a navigation bar, a breadcrumb, a footer's links, a
    list of tags or hot searches. Three or more short items, two or more
    of the separators between them symbols or bars (whichever: ▏, ▸, 〉, ◆,
    ｜, +), and no sentence in it.

    >>> link_row("网站地图 ▏ 关于我们 ▏ 加入我们 ▏ 商务合作"), link_row("首页 〉A股 〉帖子详情")
    (True, True)
    >>> link_row("标签 ▸ 装修贷24年 ▏ 消费贷避坑指南 ▏ 银行卡年费利率对比")
    True

    A headline with one bar, a process in a sentence, long items and
    slashes inside words are not rows:

    >>> link_row("专访｜逾期以后怎么和银行协商"), link_row("申请→审核→放款，一般三天到账。")
    (False, False)
    >>> link_row("逾期以后银行会先打电话提醒你 ▏ 然后寄出催收函 ▏ 最后起诉")
    False
    >>> link_row("前面一区约可搭十二帐/车/厅 后面那区也大约4~5帐/车/厅")
    False
    """
    if _SENTENCE_MARK.search(line) or re.search(r"[，,]", line):
        return False
    separators = _ITEM_SEP.findall(line.strip())
    items = [item for item in _ITEM_SEP.split(line.strip()) if item]
    return len(separators) >= 2 and len(items) >= 3 and all(len(item) <= _ROW_ITEM_MAX for item in items)


# a count as counters print it: 5538, 1.2w, 10万+, 38阅读, 赞86, cv4701
_COUNT_FIELD = re.compile(r"[A-Za-z]{0,4}\d[\d.,]*[wW万kK+]?|\d+[\u4e00-\u9fff]{1,3}|[\u4e00-\u9fff]{1,3}\d+")


def counter_line(line: str) -> bool:
    """A line of counters: short labels with numbers, in any words (精华 6
    金币 5538 在线 872 小时; 38阅读 ▏ 941喜欢 ▏ 71评论): at least four
    fields, two or more of them counts, none longer than a label.

    >>> counter_line("理财小白兔 精华 6 金币 1182 在线 163 小时")
    True
    >>> counter_line("cv4701 38阅读 ▏ 941喜欢 ▏ 71评论")
    True
    >>> counter_line("逾期 3 天 以后 银行 会 打 电话。")
    False

    Coordinates and prices are not counts:

    >>> counter_line("GPS: N24 39 16.4 E121 18 19.5"), counter_line("每帐$600 两间卫浴 全天热水 蹲式X 3")
    (False, False)
    """
    if _SENTENCE_END.search(line):
        return False
    fields = [field for part in _ITEM_SEP.split(line.strip()) for field in part.split()]
    counts = sum(bool(_COUNT_FIELD.fullmatch(field)) for field in fields)
    labels = sum(bool(re.search(r"[\u4e00-\u9fff]", field)) for field in fields)
    return len(fields) >= 4 and counts >= 2 and labels >= 2 and all(len(field) <= 12 for field in fields)


# a count as sites print it, and an icon before one (any symbol outside
# ASCII but an arrow: → 5000 → 5300 is a sum growing)
_ICON_COUNT = re.compile(_SITE_COUNT)
_ICON = re.compile(rf"(?![\u2190-\u21ff\u27f0-\u27ff\u2900-\u297f])[{_SYMBOLS}]")


def icon_counts(line: str) -> bool:
    """A post's counters behind icons, with no words at all (❤ for 赞, ⭐
    for 收藏, 💬 for 评论): two or more counts, an icon before each. No
    headline, no article line is made of nothing else, so it goes wherever
    it stands.

    >>> icon_counts("❤ 999+ ⭐ 80,318 💬 44"), icon_counts("🤍 10w+ 💭 521 📤 80")
    (True, True)
    >>> icon_counts("2019 2020"), icon_counts("★ 4.5"), icon_counts("❤ 12 赞"), icon_counts("→ 5000 → 5300")
    (False, False, False, False)
    """
    fields = [field for part in _ITEM_SEP.split(line.strip()) for field in part.split()]
    return (
        len(fields) >= 2
        and all(_ICON_COUNT.fullmatch(field) for field in fields)
        and len(_ICON.findall(line)) >= len(fields)
    )


# a button that follows, subscribes to or adds the poster: a plus sign
# and the button's verb (＋关注, + 订阅, ＋加好友)
_FOLLOW = re.compile(r"[+＋]\s?(?:加?关注|订阅|加?好友)")


def follow_card(line: str) -> bool:
    """A poster's card: a name, at most a short line about them, and the
    button to follow them at its end.

    >>> follow_card("JasonW呀 注册会计师 ＋关注"), follow_card("凤凰网友 银行柜员，业余写写东西 + 订阅")
    (True, True)
    >>> follow_card("投资 理财 +保险"), follow_card("关注我们，获取更多逾期协商技巧 ＋关注")
    (False, False)
    >>> follow_card("关于 如何 协商还款 的 几点 建议 ＋关注")
    False
    """
    fields = line.split()
    if not 3 <= len(fields) <= 5 or _SENTENCE_MARK.search(line):
        return False
    # the button, or its plus sign spaced off its verb
    button = 1 if _FOLLOW.fullmatch(fields[-1]) else 2 if _FOLLOW.fullmatch("".join(fields[-2:])) else 0
    about = fields[1:-button]
    return button > 0 and bool(_NAME_FIELD.fullmatch(fields[0])) and 0 < len("".join(about)) <= 16


@lru_cache(maxsize=65536)
def chrome_shape(line: str) -> str | None:
    """The name of the chrome shape ``line`` has (see ``metadata_shape``,
    ``is_pagination``, ``tag_line``), or None. Remembered for the last
    65,536 lines, as ``metadata_shape`` is: the cleaning steps and the title
    step ask about the same lines."""
    if is_pagination(line):
        return "pagination"
    if tag_line(line):
        return "tags"
    shape = metadata_shape(line)
    if shape is not None:
        return shape
    if icon_counts(line):
        return "icon_counts"
    if follow_card(line):
        return "follow_card"
    if _SAID.fullmatch(line):
        return "said"
    if is_row(line):
        return None
    return "link_row" if link_row(line) else "counters" if counter_line(line) else None


SHAPES = (
    "pagination",
    "tags",
    "meta_line",
    "name_time",
    "name_date",
    "name_day",
    "name_when",
    "dated_fields",
    "link_row",
    "counters",
    "icon_counts",
    "follow_card",
    "said",
    "date_time",
)
# shapes that are weaker evidence: a line of them goes only above the
# article's first paragraph or below its last
EDGE_SHAPES = ("name_date", "name_day", "name_when", "dated_fields", "follow_card", "said")
# ... or only above the first paragraph: an article ends with a process
# (申请 → 审核 → 放款), a list of hotlines or a fee summary as often as a
# page ends with its footer's links; and never when it is the only line
# above the first paragraph (a headline with bars: 专访｜…｜…)
HEAD_SHAPES = ("link_row", "counters", "date_time")


# a link to the previous or the next article, post or question, however
# the site names them (上一篇, 上一主题：, ◀ 上一条, 前一篇, Prev：): by a
# unit pages link by (一篇, 一个问题, 一条, or 篇, 条, 页 alone), not by
# time or a process (上午, 下半年, 上个月, 前一天, 上一期, 下一步, 前期)
_PREV_NEXT = re.compile(
    rf"[\s{_SYMBOLS}<>«»‹›|｜]*(?:(?P<dir>[上前下后])"
    r"(?P<unit>一个[\u4e00-\u9fff]{0,2}?|一(?![天日周月年季步期])[\u4e00-\u9fff]{1,2}?|篇|条|页|章|节|帖|则|主题)"
    r"|(?P<en>prev|previous|next))"
    r"(?:\s*[:：]|\s+|$)",
    re.IGNORECASE,
)


def prev_next_pairs(lines: list[str]) -> set[int]:
    """The lines that link to the previous and the next article: two lines
    in a row, one 上/前 and one 下/后 of the same unit (上一主题 and 下一主题,
    上一条 and 下一条, Prev and Next), neither a sentence. One such line alone
    is no evidence (下一步，我们将… opens an article's paragraph).

    >>> prev_next_pairs(["正文。", "↑ 上一主题：停息挂账好申请吗", "↓ 下一主题：（无）"])
    {1, 2}
    >>> prev_next_pairs(["◀ 上一条 头部券商上演抢人大战", "", "▶ 下一条 美联储被罚千万"])
    {0, 2}
    >>> prev_next_pairs(["上一主题：甲", "下一条：乙"]), prev_next_pairs(["上一步：填表。", "下一步：提交。"])
    (set(), set())
    >>> prev_next_pairs(["上个月：还2000", "下个月：还1800"]), prev_next_pairs(["前期：取证", "后期：起诉"])
    (set(), set())
    """
    seen = [(i, line) for i, line in enumerate(lines) if line.strip()]
    found: set[int] = set()
    for (i, a), (j, b) in itertools.pairwise(seen):
        ends = [_PREV_NEXT.match(line) for line in (a, b)]
        if not all(ends) or any(len(line) > 80 or "。" in line for line in (a, b)):
            continue
        first, second = (m for m in ends if m is not None)
        if first["en"] or second["en"]:
            pair = {(first["en"] or "").lower()[:4], (second["en"] or "").lower()[:4]} == {"prev", "next"}
        else:
            backward = [m["dir"] in "上前" for m in (first, second)]
            pair = first["unit"] == second["unit"] and backward[0] != backward[1]
        if pair:
            found |= {i, j}
    return found


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

    A rule reaches lines up to its ``max_chars`` (60 for a byline). Only the
    lines a rule removed give dates; a line removed by its shape alone
    below the first paragraph (a comment's) does not:

    >>> byline = "正文第一段，讲逾期。\\n来源："
    >>> [strip_boilerplate(byline + "某" * n, rules, lambda *a: None) for n in (57, 58)]
    ... # doctest: +ELLIPSIS
    ['正文第一段，讲逾期。', '正文第一段，讲逾期。\\n来源：某某...某']
    >>> found = []
    >>> page = "正文第一段，讲逾期。\\n发布时间：2023-02-03\\n2021-05-06 09:30 来源：某某日报 作者：张三"
    >>> strip_boilerplate(page, rules, print, found), found
    boilerplate removed byline line 「发布时间：2023-02-03」
    boilerplate removed meta_line line 「2021-05-06 09:30 来源：某某日报 作者：张三」
    ('正文第一段，讲逾期。', ['2023-02-03'])

    A name-and-date line between the article's first and last sentences
    (the last one may be ten characters) is the article's:

    >>> page = "正文第一段，讲逾期的事情。\\n路人甲 2017.3.25 05:08\\n最后再来讲一讲逾期。"
    >>> [strip_boilerplate(t, rules, lambda *a: None) == t for t in (page, page + "\\n（完）")]
    [True, True]
    """
    lines = text.split("\n")
    head = _body_start(lines)
    tail = next(
        (i for i in range(len(lines) - 1, -1, -1) if len(lines[i]) >= 10 and is_sentence(lines[i])), -1
    )
    pairs = prev_next_pairs(lines)
    keep = []
    # whether the last line that was not blank went
    went = False
    for i, line in enumerate(lines):
        if is_row(line):
            keep.append(line)
            went = False
            continue
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
        name = rule.name if rule else "prev_next_pair" if i in pairs else chrome_shape(line)
        if name in EDGE_SHAPES and head <= i <= tail:
            name = None
        if name in HEAD_SHAPES and (i >= head or not any(lines[j].strip() for j in range(head) if j != i)):
            name = None
        if name == "date_time" and not went:
            name = None  # a notice's hearing or an event's time above its text; a post's under its byline
        if name is None:
            keep.append(line)
            went = went and not line.strip()
            continue
        went = True
        note("boilerplate", f"removed {name} line 「{_clip(line)}」")
        match = _DATE.search(line)
        if match and dates is not None and (rule is not None or i < head):
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

    A list goes only when at least half its items read like titles, each
    item at most 40 characters; one a colon introduces stays:

    >>> half = "\\n".join(["• 逾期三天怎么处理", "• 网贷逾期会坐牢吗", "• 身份证原件", "• 收入证明"])
    >>> strip_link_lists("正文。\\n\\n" + half, lambda *a: None)
    '正文。'
    >>> fewer = "\\n".join(["• 逾期三天怎么处理", "• 身份证原件", "• 收入证明"])
    >>> strip_link_lists("正文。\\n\\n" + fewer, lambda *a: None) == "正文。\\n\\n" + fewer
    True
    >>> long = "\\n".join(["• " + "逾" * 35 + "怎么办", "• 网贷逾期会坐牢吗", "• 协商还款需要哪些材料"])
    >>> strip_link_lists("正文。\\n\\n" + long, lambda *a: None)
    '正文。'
    >>> longer = "\\n".join(["• " + "逾" * 36 + "怎么办", "• 网贷逾期会坐牢吗", "• 协商还款需要哪些材料"])
    >>> strip_link_lists("正文。\\n\\n" + longer, lambda *a: None) == "正文。\\n\\n" + longer
    True
    >>> strip_link_lists("常见的问题有：\\n" + titles, lambda *a: None) == "常见的问题有：\\n" + titles
    True

    Blank lines after the list do not hide it, nor does nothing before it;
    an item with a clause mark is a sentence, and the list is the article's:

    >>> [strip_link_lists(t, lambda *a: None) for t in ("正文。\\n\\n" + titles + "\\n", titles)]
    ['正文。', '']
    >>> clauses = titles.replace("协商还款需要", "协商还款，需要")
    >>> strip_link_lists("正文。\\n\\n" + clauses, lambda *a: None) == "正文。\\n\\n" + clauses
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


_ANY_DATE = rf"(?:{_FULL_DATE}|{_SHORT_DATE})"
# a headline with its date after it (上海发布新规 2021-05-06, 某某新闻 · 05/06,
# · 某某新闻 (2021年5月6日)) or a bracketed date before it ([05-06] 某某新闻)
# (a time may follow the date: 5-24 23:31; a bar or any symbol may stand
# before it: …实测对比▕2024-05-24)
_HEADLINE_SEP = rf"[\s·|｜{_SYMBOLS}]+"
_DATED_HEADLINE = re.compile(
    rf"[•·▪●◆\-*]?\s*(?:[\[【(（]{_ANY_DATE}[\]】)）]\s*(?P<after>.+)"
    rf"|(?P<before>.+?)(?:{_HEADLINE_SEP}[\[【(（]?{_ANY_DATE}(?:\s+{_CLOCK})?[\]】)）]?"
    rf"|[\[【(（]{_ANY_DATE}[\]】)）]))"
)
# what else a list of other articles prints beside a headline: a count of
# its readers or answers (· 7852评论, 77个回答) or its age (3小时前), its
# source site after an underscore (…怎么办_某某网), a bracketed channel or a
# rank before it ([信用卡] …, Top1 …)
_COUNT = (
    r"(?:已有)?\d[\d,]*(?:\.\d+)?[万wWkK]?\+?\s*"
    r"(?:个?回答|条?评论|条?回复|阅读|浏览|人觉得有用|人看过|次阅读|次浏览|位(?:律师|网友|专家)?(?:回答|解答))"
)
# how long ago, as feeds print it: 3小时前, 约 13 小时前, 6个多月前, 几秒前,
# 去年, 昨晚 23:57
_AGO = (
    r"(?:约\s*)?(?:\d+|几|半)\s*(?:个多|多个|个|多)?\s*(?:秒|分钟|小时|天|周|星期|月|年)多?前"
    rf"|(?:刚刚|今天|昨天|昨晚|前天|前几天|去年|前年|上周)(?:\s*{_CLOCK})?"
    r"|\d+\s*(?:mins?|hrs?|days?)(?:\s+ago)?"
)
# where a complaint a list shows stands (投诉平台: 已回复, 处理中)
_STATUS = r"已回复|已完成|已解决|处理中|待回复|待处理|已受理"
_MARKED_HEADLINE = re.compile(
    rf"(?:\[[\u4e00-\u9fff][^\[\]\s\d]{{0,5}}\]|TOP\s?\d{{1,2}}\b|#\d{{1,2}}\s)\s*(?P<after>.+)"
    rf"|(?P<before>.+?)(?:{_HEADLINE_SEP}(?:{_COUNT}|{_AGO}|{_STATUS})|_[^\s_，。]{{2,14}}"
    rf"|\s+[—–]{{1,2}}\s*[^\s—–，。]{{2,14}})",
    re.I,
)
# the heading of a list of other articles (为你推荐, 大家都在看：)
_LIST_HEADING = re.compile(
    r"^[^。？；，,!！]{0,6}(?:推荐|阅读|喜欢|都在看|都在问|在搜|还看了|相关|热门|热榜|精选|更多|最新)[^。？；，,!！]{0,4}$"
)


def _headline_part(line: str) -> str | None:
    """The headline of a line that is a headline and its date, count,
    source or channel, the way lists of other articles print them.

    >>> _headline_part("温州债务纠纷被起诉了怎么办  羊城生活网 · 7852评论")
    '温州债务纠纷被起诉了怎么办  羊城生活网'
    >>> _headline_part("[信用卡] 逾期会坐牢吗"), _headline_part("逾期会坐牢吗_某某法律网")
    ('逾期会坐牢吗', '逾期会坐牢吗')
    >>> _headline_part("Top1  逾期会坐牢吗"), _headline_part("逾期会坐牢吗  907,344阅读")
    ('逾期会坐牢吗', '逾期会坐牢吗')
    >>> _headline_part("#1 逾期会坐牢吗"), _headline_part("逾期会坐牢吗 — 某某融媒")
    ('逾期会坐牢吗', '逾期会坐牢吗')
    >>> _headline_part("问：逾期会坐牢吗 已有15位律师解答")
    '问：逾期会坐牢吗'
    >>> _headline_part("某某消费金融：暴力催收，要求停止催收 已回复")
    '某某消费金融：暴力催收，要求停止催收'
    >>> _headline_part("催收说要上门是真的吗？ ⋯ 某某 ⋯ 3 hr")
    '催收说要上门是真的吗？ ⋯ 某某'
    >>> _headline_part("逾期会坐牢吗"), _headline_part("【法律依据】《民法典》第六百七十六条")
    (None, None)
    >>> _headline_part("[3] 周仕仁. 电子商务下的物流配送模式研究[J]. 物流科技, 2011(11): 56-58.")
    """
    line = line.strip()
    match = _DATED_HEADLINE.fullmatch(line) or _MARKED_HEADLINE.fullmatch(line)
    if not match:
        return None
    return (match.group("after") or match.group("before") or "").strip()


def _dated_headline(line: str) -> bool:
    """A line that is a headline and its date (or count, source, channel:
    see ``_headline_part``): what lists of other articles print. The
    headline part is 4 to 50 characters and not a sentence (a question
    mark is allowed: many headlines are questions), the line at most 70.

    >>> _dated_headline("逾期怎么 2024-03-15"), _dated_headline("逾期怎 2024-03-15")
    (True, False)
    >>> _dated_headline("逾" * 50 + " 2024-03-15"), _dated_headline("逾" * 51 + " 2024-03-15")
    (True, False)
    >>> fifty = "逾" * 50 + " 2024-03-15"
    >>> _dated_headline(" " * 9 + fifty), _dated_headline(" " * 10 + fifty)
    (True, False)
    >>> _dated_headline("逾期了。怎么办 2024-03-15"), _dated_headline("Hello world 2024-03-15")
    (False, False)
    """
    if len(line) > 70 or is_row(line):
        return False
    headline = _headline_part(line)
    return (
        headline is not None
        and 4 <= len(headline) <= 50
        and not re.search(r"[。；;]", headline)
        and bool(re.search(r"[\u4e00-\u9fff]", headline))
    )


def _headline_sized(lines: list[str], headed: bool) -> bool:
    """Headlines of other articles are longer than the items of a dated
    schedule (第一期还款日 2024-03-15): eight characters and more on average,
    or five under a heading that names a list of articles (为你推荐).

    >>> _headline_sized(["信用卡逾期怎么办啊 2024-03-15", "逾期了怎么 2024-03-16"], False)
    False
    >>> _headline_sized(["信用卡逾期了以后怎么办 2024-03-15", "逾期了怎么 2024-03-16"], False)
    True
    >>> _headline_sized(["逾期了怎么 2024-03-15", "逾期了怎样 2024-03-16"], True)
    True
    >>> _headline_sized(["逾期怎么 2024-03-15", "逾期了怎样 2024-03-16"], True)
    False
    """
    sizes = [len(headline) for headline in map(_headline_part, lines) if headline is not None]
    return bool(sizes) and sum(sizes) >= (5 if headed else 8) * len(sizes)


def _dated_run(lines: list[str], i: int) -> tuple[int, int]:
    """The end of the run of dated headlines starting at ``i`` (blank lines
    inside it allowed, those after it left out) and how many it holds."""
    end, count = i, 0
    while i < len(lines) and (not lines[i] or _dated_headline(lines[i])):
        if lines[i]:
            count += 1
            end = i + 1
        i += 1
    return end, count


def strip_related_blocks(text: str, start: re.Pattern[str], note: Note) -> str:
    """Remove a 相关推荐-style heading and the list of titles under it, and
    a run of three or more headlines each with its date (a list of other
    articles printed without a heading, or under one no table lists).

    >>> page = "正文。\\n[05-06] 某地发布养老新规\\n某地迎来大范围降温 2021-05-07"
    >>> page += "\\n· 高校启动专项整治行动 (2021年5月8日)"
    >>> strip_related_blocks(page, re.compile("(?!)"), print)
    dated_headlines removed a list of 3 dated headlines, first 「[05-06] 某地发布养老新规」
    '正文。'

    Under a heading that names a list, the heading goes with it; a list a
    colon introduces stays:

    >>> dated = "\\n[05-06] 某地发布养老新规\\n[05-07] 某地迎来大范围降温\\n[05-08] 高校启动专项整治行动"
    >>> strip_related_blocks("正文。\\n为你推荐" + dated + "\\n正文二。", re.compile("(?!)"), print)
    dated_headlines removed a list of 3 dated headlines, first 「为你推荐」
    '正文。\\n正文二。'
    >>> introduced = "近期发布的通知如下：" + dated
    >>> strip_related_blocks(introduced, re.compile("(?!)"), print) == introduced
    True
    >>> strip_related_blocks(dated.lstrip("\\n") + "\\n正文二。", re.compile("(?!)"), lambda *a: None)
    '正文二。'

    Under a heading the rules name, the titles go (at most 40 characters
    each, not sentences); a table's rows and what follows stay:

    >>> page = "␞天数␟罚息\\n正文。\\n相关推荐\\n逾期怎么办\\n\\n网贷怎么还\\n正文二。"
    >>> strip_related_blocks(page, re.compile("^相关推荐"), print)
    related_list removed 「相关推荐」 and the 2 article titles under it
    '␞天数␟罚息\\n正文。\\n正文二。'
    >>> page = "正文。\\n相关推荐\\n" + "逾" * 40 + "\\n" + "逾" * 41 + "\\n正文二。"
    >>> strip_related_blocks(page, re.compile("^相关推荐"), print).split("\\n")[1] == "逾" * 41
    related_list removed 「相关推荐」 and the 1 article titles under it
    True
    """
    lines = text.split("\n")
    keep: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if is_row(line):
            keep.append(line)
            i += 1
            continue
        if line and not start.search(line):
            heading = bool(_LIST_HEADING.match(line))
            end, count = _dated_run(lines, i + 1 if heading else i)
            before = next((x for x in reversed(keep) if x), "")
            if (
                count >= 3
                and not before.rstrip().endswith((":", "："))
                and _headline_sized(lines[i:end], heading)
            ):
                note("dated_headlines", f"removed a list of {count} dated headlines, first 「{_clip(line)}」")
                i = end
                continue
        if not (line and start.search(line)):
            keep.append(line)
            i += 1
            continue
        j = i + 1
        items = 0
        while j < len(lines) and (
            not lines[j]
            or (
                not is_row(lines[j])
                and len(_BULLET.sub("", lines[j])) <= 40
                and not _SENTENCE_END.search(_BULLET.sub("", lines[j]))
            )
            or _dated_headline(lines[j])
        ):
            items += bool(lines[j])
            j += 1
        note("related_list", f"removed 「{line}」 and the {items} article titles under it")
        i = j
    return "\n".join(keep)


# What separates the phrases of a keyword run: white space and the marks
# that are not a sentence's (a 、 or ， list needs many more phrases).
_KEYWORD_SEP = re.compile(r"[\s|｜/_丨#;\-·•]+")
_LIST_SEP = re.compile(r"[\s|｜/_丨，,、；;·•]+")
_HAN2 = re.compile(r"[\u4e00-\u9fff].*[\u4e00-\u9fff]")
# a search phrase is at most this long (停息挂账一对一真实案例2023)
PHRASE_MAX = 16


def keyword_run(line: str) -> int:
    """How many phrases ``line`` holds when it is a run of search keywords
    (0 when it is not): many short phrases (``PHRASE_MAX``), most of them with two or more
    Han characters, no sentence punctuation, not ending on a colon. Ten or
    more when they are separated by spaces, bars or underscores (Chinese
    prose does not put them between phrases; a list of six materials
    may be), twenty or more when by 、， or ； (a sentence's list, or a
    law's clauses, are fewer and longer). Linear in the line's length.

    >>> keyword_run("逾期协商 逾期怎么办 网贷技巧 征信修复 花呗分期 借呗利息 逾期一天 逾期两天 协商技巧 多久")
    10
    >>> keyword_run("身份证 户口本 收入证明 银行流水 工作证明 征信报告")
    0
    >>> keyword_run("  ".join(["停息挂账一对一真实案例2023"] * 5 + ["劳动仲裁免费咨询在线咨询"] * 5))
    10
    >>> keyword_run("南京、苏州、无锡、常州、镇江、扬州、泰州、南通、盐城")
    0

    At the limits: nine of ten phrases of at most 16 characters, eight of
    ten with two Han characters, twenty phrases in a 、 list; a line with
    a ； is no space-separated run:

    >>> phrase = "逾期协商"
    >>> keyword_run(" ".join(["逾" * 16] * 9 + ["逾" * 17])), keyword_run(" ".join([phrase] * 8 + ["a", "b"]))
    (10, 10)
    >>> keyword_run(" ".join([phrase] * 7 + ["ab", "cd", "ef"])), keyword_run("、".join([phrase] * 20))
    (0, 20)
    >>> keyword_run("、".join([phrase] * 19)), keyword_run(" ".join([phrase] * 10) + "；")
    (0, 0)
    >>> keyword_run(" ".join(["逾" * 16] * 8 + ["逾" * 17] * 2))
    0
    """
    if re.search(r"[。！？!?]|[:：]\s*$", line):
        return 0
    for separator, least in ((_KEYWORD_SEP, 10), (_LIST_SEP, 20)):
        if separator is _KEYWORD_SEP and "；" in line:
            continue  # a sentence's clauses: only a long list of short ones is keywords
        phrases = [p for p in separator.split(line) if p]
        if len(phrases) < least:
            continue
        short = sum(len(p) <= PHRASE_MAX for p in phrases)
        han = sum(bool(_HAN2.search(p)) for p in phrases if len(p) <= PHRASE_MAX)
        if short >= 0.9 * len(phrases) and han >= 0.8 * len(phrases):
            return len(phrases)
    return 0


def strip_keyword_stuffing(text: str, note: Note) -> str:
    """Remove lines that are lists of search keywords pasted for SEO: six or
    more short segments, no sentence punctuation, and one two-character term
    in most of them (逾期协商,逾期怎么办,逾期一天,逾期两天,…).

    A line that ends on a colon introduces what follows (逾期1天、逾期3天、…
    逾期90天的后果如下：): it is the article's, not a keyword list.

    >>> strip_keyword_stuffing("逾期协商,逾期怎么办,逾期一天,逾期两天,逾期三天,逾期上征信\\n正文。", print)
    keyword_stuffing removed a line of 6 search keywords 「逾期协商,逾期怎么办,逾期一天,逾期两天,逾期…」
    '正文。'

    A table's rows are the article's, and what follows them is read on:

    >>> row, stuffed = "␞逾期天数␟罚息", "逾期协商,逾期怎么办,逾期一天,逾期两天,逾期三天,逾期上征信"
    >>> strip_keyword_stuffing(f"{row}\\n{stuffed}\\n正文。", print)
    ... # doctest: +ELLIPSIS
    keyword_stuffing removed a line of 6 search keywords 「逾期协商,...」
    '␞逾期天数␟罚息\\n正文。'
    """
    keep = []
    for line in text.split("\n"):
        if is_row(line):
            keep.append(line)
            continue
        segments = [s for s in _SEGMENTS.split(line) if s]
        if len(segments) >= 6 and not re.search(r"[。！？!?；;]|[:：]$", line) and _shared_term(segments):
            note(
                "keyword_stuffing", f"removed a line of {len(segments)} search keywords 「{_clip(line, 24)}」"
            )
            continue
        phrases = keyword_run(line)
        if phrases:
            note(
                "keyword_stuffing",
                f"removed a run of {phrases} keyword phrases, {len(line):,} characters 「{_clip(line, 24)}」",
            )
            continue
        keep.append(line)
    return "\n".join(keep)


def _shared_term(segments: list[str]) -> bool:
    """Whether one two-character term is in at least 60% of the segments.

    >>> _shared_term(["逾期协商", "逾期一天", "逾期两天", "信用卡", "网贷"])
    True
    >>> _shared_term(["逾期协商", "逾期一天", "信用卡", "网贷", "花呗"])
    False
    """
    counts: dict[str, int] = {}
    for segment in segments:
        for gram in {segment[i : i + 2] for i in range(len(segment) - 1)}:
            counts[gram] = counts.get(gram, 0) + 1
    return bool(counts) and max(counts.values()) >= 0.6 * len(segments)
