"""Chrome by context: what sits between chrome lines and no article text.

The rules before this step remove lines on their own evidence (a shape, a
rule, a repeated line). Around what they remove stay lines that no rule
knows: a comment thread's replies between the commenters' lines, a
channel's name above a breadcrumb, a 登录 | 注册 bar. Alone, such a line
says little; where it stands says more. This is jusText's context rule
(Pomikálek, 2011) on text lines, with Chinese prose measured by its
function characters instead of a stop-word list:

- a line is **prose** when it is long enough to be a paragraph
  (``PROSE_CHARS``) and written in sentences: at least ``PROSE_DENSITY`` of
  its Han characters are function characters (的, 了, 在, 是 …: jieba's
  dictionary's most frequent particles, prepositions, conjunctions, adverbs
  and pronouns), which navigation, names, dates and keyword lists lack, or
  it ends at least ``PROSE_SENTENCES`` sentences with a full-width 。！？,
  of ``PROSE_SENTENCE_CHARS`` characters on average (a news brief of
  company names and figures is sentences too, with few function
  characters; a menu, a keyword list or a byline ends none, a ticker's
  items are shorter);
- a run of other lines (neither prose nor removed) goes when what borders
  it is removed chrome on one side and removed chrome or the page's edge on
  the other: no prose touches it. A run next to prose stays, however it
  looks: a short closing line, a checklist after the last paragraph.

A table's rows count as prose: they are the article's as surely. Two
guards: a page with no prose line is left alone (a poem, a list), and
in the page's head the lines shaped like a headline stay for the title
step, but for one below the headline that stands between two removed
lines and uses none of the article's words (a poster's card inside the
block of metadata under the headline). Every line removed here is a
finding of the ``chrome_context`` rule naming the chrome beside it. The
lines right above a block of removed lines are told to the site's lines
(``chrome_below``), whose walk up from the page's foot uses them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from difflib import SequenceMatcher
from functools import lru_cache
from typing import NamedTuple

from pipeline import tables
from pipeline.cleaners.repeats import body_share, headline_of
from pipeline.cleaners.rules import jieba_dictionary
from pipeline.headline import HEADLINE_MAX, is_byline, is_lead_label, key

Note = Callable[[str, str], None]

# a paragraph has at least this many characters (spaces not counted) …
PROSE_CHARS = 40
# … and this share of function characters among its Han characters
PROSE_DENSITY = 0.08
# … or this many sentences ended by 。！？, of this many characters on
# average (a ticker's short items are not sentences of an article)
PROSE_SENTENCES = 2
PROSE_SENTENCE_CHARS = 20
# how many of jieba's most frequent one-character function words count
FUNCTION_WORDS = 70
# jieba's part-of-speech tags of function words: particles (u*), prepositions,
# conjunctions, adverbs, pronouns, modal particles
_FUNCTION_TAGS = {"u", "uj", "ul", "uz", "ug", "uv", "ud", "p", "c", "d", "r", "y"}
_HAN = re.compile(r"[\u3400-\u9fff]")
_SPACE = re.compile(r"\s+")
_SENTENCE_END = re.compile(r"[。！？]")
# a line's own marks: a headline does not end a sentence or list clauses
# (one semicolon may join two items: 午间公告：甲中标；乙增持)
_NOT_HEADLINE = re.compile(r"。|[；;]\s*$|[，,；;].*[，,；;]")


@lru_cache(maxsize=1)
def function_characters() -> frozenset[str]:
    """The one-character function words of Chinese prose, the most frequent
    first in jieba's dictionary, with the copulas 是 and 有.

    >>> {"的", "了", "在", "是"} <= function_characters(), "网" in function_characters()
    (True, False)
    """
    words: list[tuple[int, str]] = []
    with jieba_dictionary().open(encoding="utf-8") as lines:
        for line in lines:
            parts = line.split()
            if len(parts) == 3 and len(parts[0]) == 1 and parts[2] in _FUNCTION_TAGS:
                words.append((-int(parts[1]), parts[0]))
    return frozenset(word for _, word in sorted(words)[:FUNCTION_WORDS]) | {"是", "有"}


def prose_density(line: str) -> float:
    """The share of a line's Han characters that are function characters.

    >>> round(prose_density("如果确实没有能力一次还清，可以主动联系银行客服说明情况。"), 2)
    0.12
    >>> prose_density("首页 > 新闻中心 > 理财频道"), prose_density("Read the full story on our website today")
    (0.0, 0.0)
    """
    han = _HAN.findall(line)
    if not han:
        return 0.0
    functions = function_characters()
    return sum(char in functions for char in han) / len(han)


@lru_cache(maxsize=1 << 16)
def is_prose(line: str) -> bool:
    """A line of the article's prose: a paragraph's length, in sentences.
    Remembered for the last 65,536 lines: the steps after the cleaning
    (chrome by context, the site's lines) ask about the same lines.

    >>> is_prose("信用卡逾期以后，银行一般会先通过短信和电话提醒持卡人尽快还款，这个阶段不必过分紧张。")
    True
    >>> is_prose("理财攻略 旅游价格官网 理财大全 二手车攻略哪家好 二手车哪家好 考研最新 装修价格")
    False

    At least 40 characters, at least 8% of them function characters:

    >>> is_prose("的的的的" + "网" * 46), is_prose("的的的" + "网" * 47)
    (True, False)

    or two sentences, however few function characters they have:

    >>> brief = "精功科技：收到浙江证监局行政监管措施决定书。伊戈尔：拟收购控股子公司日本伊戈尔少数股权。"
    >>> is_prose(brief), is_prose(brief.replace("。", "，"))
    (True, False)
    >>> is_prose("今日头条：央行发布征信新规。银保监会：严禁暴力催收。某某银行：信用卡分期费率下调。")
    False
    """
    chars = len(_SPACE.sub("", line))
    sentences = len(_SENTENCE_END.findall(line))
    return chars >= PROSE_CHARS and (
        prose_density(line) >= PROSE_DENSITY
        or (sentences >= PROSE_SENTENCES and chars >= PROSE_SENTENCE_CHARS * sentences)
    )


# what separates the items of a navigation bar or a breadcrumb
_NAV_SEPARATOR = re.compile(r"\s[|｜>»›→/]\s|>>|→|›")


def _headline_shaped(line: str) -> bool:
    """A line that may be the article's headline (the title step decides).

    >>> _headline_shaped("信用卡逾期后怎么办"), _headline_shaped("首页 > 新闻中心 > 正文")
    (True, False)
    >>> _headline_shaped("逾期协商"), _headline_shaped("逾期的")
    (True, False)
    >>> _headline_shaped("逾" * 80), _headline_shaped("逾" * 81)
    (True, False)
    """
    text = line.strip()
    return (
        len(key(text)) >= 4
        and not _NAV_SEPARATOR.search(text)
        and len(text) <= HEADLINE_MAX
        and not _NOT_HEADLINE.search(text)
        and not is_byline(text)
        and not is_lead_label(text)
    )


REMOVED, PROSE, OTHER, EDGE = "removed", "prose", "other", "edge"


def _clip(line: str, width: int = 30) -> str:
    line = line.strip()
    return line if len(line) <= width else line[: width - 1] + "…"


def _headlines(lines: list[tuple[str, int | None, str]], first_prose: int) -> set[int]:
    """Above the article, what may be its headline, kept for the title
    step: the headline-shaped lines above the first paragraph, but for one
    below the headline (the line whose words the article uses, as the
    title step weighs them) that stands between two removed lines and uses
    none of the article's words: that is the page's block of metadata under
    the headline (a poster's card between the page's tags and its share
    buttons), not a subtitle, nor the real headline under a column's name
    that the article's words favour."""
    candidates = [k for k in range(first_prose) if lines[k][0] == OTHER and _headline_shaped(lines[k][2])]
    if len(candidates) < 2:
        return set(candidates)
    body = "\n".join(text for kind, _, text in lines[first_prose:] if kind != REMOVED)
    headline = headline_of([lines[k][2] for k in candidates], body)
    at = max(k for k in candidates if lines[k][2] == headline)
    return {
        k
        for k in candidates
        # below it, between two removed lines, and using none of the
        # article's words (a headline under a column's name uses them)
        if k <= at or not (lines[k - 1][0] == lines[k + 1][0] == REMOVED) or body_share(lines[k][2], body)
    }


def strip_by_context(before: str, after: str, note: Note, chrome_below: dict[str, Cut] | None = None) -> str:
    """Remove the runs of lines of ``after`` that no prose touches and that
    border lines the earlier steps removed (``before`` is the text as it
    was before them).

    >>> before = "\\n".join([
    ...     "首页 > 新闻中心", "2021-05-06 来源：某某网", "信用卡逾期后怎么办",
    ...     "信用卡逾期以后，银行一般会先通过短信和电话提醒持卡人尽快还款，这个阶段不必过分紧张。",
    ...     "楼主 2021-05-07 12:00", "顶一个", "回复 举报", "写得好"])
    >>> after = "\\n".join([
    ...     "首页 > 新闻中心", "信用卡逾期后怎么办",
    ...     "信用卡逾期以后，银行一般会先通过短信和电话提醒持卡人尽快还款，这个阶段不必过分紧张。",
    ...     "顶一个", "写得好"])
    >>> print(strip_by_context(before, after, lambda *a: None))
    信用卡逾期后怎么办
    信用卡逾期以后，银行一般会先通过短信和电话提醒持卡人尽快还款，这个阶段不必过分紧张。

    A line an earlier step changed (its label cut) is a line kept, and the
    old one beside it a line removed:

    >>> prose = after.split("\\n")[2]
    >>> old = f"{prose}\\n楼主 2021-05-07 12:00\\n【顶】写得好"
    >>> strip_by_context(old, f"{prose}\\n写得好", print) == prose
    chrome_context removed 「写得好」 between chrome lines (beside 「【顶】写得好」)
    True

    A run with prose on either side stays, whatever was removed on the
    other; one between the page's edge and removed chrome goes:

    >>> more = "如果确实没有能力一次还清，可以主动联系银行客服说明情况，申请分期或者延期还款的方案。"
    >>> byline = "楼主 2021-05-07 12:00"
    >>> [strip_by_context(f"{prose}\\n{a}\\n{b}\\n{more}", f"{prose}\\n小结\\n{more}", print)
    ...  for a, b in ((byline, "小结"), ("小结", byline))] == [f"{prose}\\n小结\\n{more}"] * 2
    True
    >>> nav = "首页 | 新闻 | 专题"
    >>> strip_by_context(f"{nav}\\n{byline}\\n{prose}", f"{nav}\\n{prose}", print) == prose
    chrome_context removed 「首页 | 新闻 | 专题」 between chrome lines (beside 「楼主 2021-05-07 12:00」)
    True
    """
    old, new = before.split("\n"), after.split("\n")
    if old == new:
        return after
    # the page's lines in order, each kept line with its index in ``new``
    lines: list[tuple[str, int | None, str]] = []
    matcher = SequenceMatcher(None, old, new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag in ("delete", "replace"):
            lines.extend((REMOVED, None, line) for line in old[i1:i2] if line.strip())
        if tag in ("equal", "insert", "replace"):
            for j in range(j1, j2):
                if new[j].strip():
                    # a table's rows are the article's, like its prose
                    kind = PROSE if is_prose(new[j]) or tables.is_row(new[j]) else OTHER
                    lines.append((kind, j, new[j]))
    if not any(kind == PROSE for kind, _, _ in lines):
        return after
    first_prose = next(i for i, (kind, _, _) in enumerate(lines) if kind == PROSE)
    headlines = _headlines(lines, first_prose)
    drop: set[int] = set()
    i = 0
    while i < len(lines):
        if lines[i][0] != OTHER:
            i += 1
            continue
        end = i
        while end < len(lines) and lines[end][0] == OTHER:
            end += 1
        above = lines[i - 1] if i > 0 else (EDGE, None, "")
        below = lines[end] if end < len(lines) else (EDGE, None, "")
        sides = {above[0], below[0]}
        run: list[int] = []
        # (a run between the page's two edges would be the whole page, which
        # has prose: so a run without prose beside it borders removed chrome)
        if PROSE not in sides:
            run = [k for k in range(i, end) if k not in headlines]
        if run:
            beside = _clip(above[2] if above[0] == REMOVED else below[2])
            for k in run:
                index = lines[k][1]
                assert index is not None
                drop.add(index)
                line = _clip(lines[k][2])
                note("chrome_context", f"removed 「{line}」 between chrome lines (beside 「{beside}」)")
        i = end
    if chrome_below is not None:
        chrome_below.update(_chrome_below(lines, drop))
    if not drop:
        return after
    return "\n".join(line for j, line in enumerate(new) if j not in drop)


# removed lines in a row that make a block of chrome (a comment box, a
# toolbar and its prompt), not an advertisement inside the article
CUT_BLOCK = 2


class Cut(NamedTuple):
    """A block of lines the cleaner removed: its first line, and how many."""

    line: str
    lines: int


def _chrome_below(lines: list[tuple[str, int | None, str]], drop: set[int]) -> dict[str, Cut]:
    """Each line kept with a block of removed lines right below it, and the
    block: where the cleaner took chrome off below a line of the page."""
    gone = [kind == REMOVED or index in drop for kind, index, _ in lines]
    marks = {}
    for k in range(len(lines) - 1):
        if gone[k]:
            continue
        end = k + 1
        while end < len(lines) and gone[end]:
            end += 1
        if end - k - 1 >= CUT_BLOCK:
            marks[lines[k][2]] = Cut(lines[k + 1][2], end - k - 1)
    return marks
