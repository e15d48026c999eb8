"""The title, its echoes, and a body printed twice.

A row of a table (``pipeline.tables``) is never a headline, an echo of the
title or a repeated paragraph on its own; a whole table that repeats an
earlier one goes with the copy it belongs to.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from pipeline import tables
from pipeline.cleaners.boilerplate import chrome_shape
from pipeline.headline import HEADLINE_MAX, is_byline, is_lead_label, key

Note = Callable[[str, str], None]

# a sentence: a full stop, clauses, or an exclamation at the end (a body
# opens with 搭地铁去坐邮轮！); a headline may exclaim inside (别笑！联盟成立了)
# and join two items with one semicolon (午间公告：甲中标；乙增持), while a
# list item ends with one
_SENTENCE = re.compile(r"。|[；;]\s*$|[，,；;].*[，,；;]|[！!].*[，,]|[，,].*[！!]|[！!][”’」』）)\"']*$")
_LABEL = re.compile(r"^\S{1,6}[:：]")
_NUMBERED = re.compile(
    r"^(?:[一二三四五六七八九十]+[、.．]|\d+(?:\.\d+)*[.、．\s]|[(（][\d一二三四五六七八九十]+[)）])"
)
# a title made from a sentence longer than this is cut at a clause
GUESS_MAX = 40
# a sentence, or what is left of a line after its last end mark
_SENTENCE_RUN = re.compile(r"[^。！？!?；;\n]+[。！？!?；;]?")
_CLAUSE = re.compile(r"[，,：:]")
# A repeat shorter than this is a common phrase, not a copied body.
MIN_REPEAT_CHARS = 20
# Two long lines this similar (difflib ratio) are one paragraph printed twice.
NEAR_REPEAT = 0.9
# Characters at either end that a near repeat shares with the line it repeats.
END = 6
# A repeated run of this many lines is a body printed twice wherever it is;
# a shorter one only when no heading stands between it and what it repeats.
BODY_LINES = 3


def _is_headline(line: str) -> bool:
    """
    >>> _is_headline("序"), _is_headline("逾" * 80), _is_headline("逾" * 81), _is_headline("逾期了。")
    (True, True, False, False)

    A label with a colon opens a field, not a headline, unless it is a
    speaker's or a source's name before a headline's worth of words in one
    run (孙丰：巴黎举行座谈会, 专访律师：逾期不等于诈骗):

    >>> _is_headline("劳伦斯：一个无法定义的“洛克菲勒”"), _is_headline("来源：某某日报")
    (True, False)
    >>> _is_headline("关键词：逾期 协商 还款 征信"), _is_headline("Source：逾期以后该怎么处理")
    (False, False)
    """
    return (
        0 < len(line) <= HEADLINE_MAX
        and not tables.is_row(line)
        and not _SENTENCE.search(line)
        and not (_LABEL.match(line) and not _speaker_headline(line))
        and not _NUMBERED.match(line)
        and not is_lead_label(line)
    )


# a name of at most four Han characters, a colon, and eight or more
# characters without a space: a quoted speaker's or a column's headline
_SPEAKER_HEADLINE = re.compile(r"[\u4e00-\u9fff]{1,4}[:：][^\s:：]{8,}")
_QUOTED = re.compile(r"“[^”]*”|‘[^’]*’|「[^」]*」|《[^》]*》|\([^)]*\)|（[^）]*）")


def _speaker_headline(line: str) -> bool:
    """A speaker's or a column's name before a headline, not a label before
    a list (所属话题：甲、乙): an enumeration comma outside quotes makes a list.

    >>> _speaker_headline("孙丰：巴黎举行“‘六、四’意义座谈会”")
    True
    >>> _speaker_headline("所属话题：信用卡提额、银行卡年费")
    False
    """
    return bool(_SPEAKER_HEADLINE.fullmatch(line)) and "、" not in _QUOTED.sub("", line)


# a label with a short value (当前栏目：信用卡, 导航：首页 | 经验): a field of
# the page, not a sentence and not a labelled headline (问答：逾期三天会不会影响征信)
_FIELD = re.compile(r"\S{1,6}[:：]\s*[^\s。！？，,；;]{1,8}(?:\s*[|｜>»/-]\s*[^\s。！？，,；;]{1,8})*")


def _is_furniture(line: str) -> bool:
    """A line of the page above its headline that is not a headline and
    not the body's start: a label with a short value, or a metadata,
    pager or tag line.

    >>> _is_furniture("当前栏目：信用卡"), _is_furniture("导航：首页 | 经验 | 文章详情")
    (True, True)
    >>> _is_furniture("注意：逾期以后不要慌。"), _is_furniture("一、逾期的后果")
    (False, False)
    >>> _is_furniture("问答：逾期三天会不会影响征信")
    False
    """
    line = line.strip()
    return bool(_FIELD.fullmatch(line)) or chrome_shape(line) is not None


def take_title(text: str, given: str | None, note: Note) -> tuple[str, str | None, list[str]]:
    """Find the article's title among the short lines above its first
    paragraph and take those lines out of the body.

    Scraped pages often print a keyword title and then the article's own
    headline; the headline (the last of them) becomes the title and the
    others are kept as alternative titles, whose later echoes are removed too.
    A short line whose words the article does not use, below one whose
    words it does (a widget's label between the headline and the text), is
    not the headline; it stays in the text, as every short line below the
    headline does.
    A dateline or a publisher's line (2021-05-06 某某法院发布) is not a
    headline, and a lead's label (编者按) starts the body. A title the page
    gave (HTML ``<h1>``, JSON Lines ``title``) wins.

    >>> take_title("逾期怎么办\\n\\n逾期一个月的应对策略\\n\\n正文第一段，很长。", None, lambda *a: None)
    ('正文第一段，很长。', '逾期一个月的应对策略', ['逾期怎么办'])
    >>> take_title("某某网\\n\\n逾期怎么办\\n\\n正文第一段，很长。", "逾期怎么办", lambda *a: None)
    ('某某网\\n\\n\\n正文第一段，很长。', '逾期怎么办', [])

    A page with no headline line (many scrapers save only the body) still
    has a title: its first sentence, reported as a guess for the editor,
    and the body keeps that sentence.

    >>> take_title("信用卡逾期以后，银行会先打电话提醒。之后会寄出催收函。", None, lambda *a: None)
    ('信用卡逾期以后，银行会先打电话提醒。之后会寄出催收函。', '信用卡逾期以后，银行会先打电话提醒', [])
    """
    lines = text.split("\n")
    heads: list[int] = []
    furniture: list[int] = []
    for i, line in enumerate(lines):
        if not line:
            continue
        if not _is_headline(line):
            if _is_furniture(line):
                furniture.append(i)
                continue
            break
        heads.append(i)
    else:
        # no line below them: the last is the article, not its headline
        # (一个标题 above 额度不同！你知道吗？)
        heads = heads[:-1]
    if given and given.strip():
        # The page named its title; only echoes of it leave the top.
        title = given.strip()
        heads = [i for i in heads if key(lines[i]) == key(title)]
        alternatives: list[str] = []
    else:
        heads = [i for i in heads if not is_byline(lines[i])]
        # a line joining two items with a semicolon under another headline
        # is the article's lead (逾期不还后果严重；协商还款是正道), not its
        # headline
        plain = [i for i in heads if "；" not in lines[i] and ";" not in lines[i]]
        heads = [i for i in heads if not plain or i < plain[0] or i in plain]
        found: list[str] = []
        for i in heads:
            if key(lines[i]) not in {key(f) for f in found}:
                found.append(lines[i])
        if not found:
            guess = first_sentence(text)
            if not guess:
                return text, None, []
            note(
                "flag_title_guessed", f"no headline on the page; the title 「{guess}」 is its first sentence"
            )
            return text, guess, []
        top = set(heads)
        rest = "\n".join(line for i, line in enumerate(lines) if i not in top)
        if _none_about(found, rest):
            # lines of the page (扫码下载App, 切换城市) above an article
            # that uses none of their words: the headline is not among them
            guess = first_sentence(rest)
            if guess:
                for line in found:
                    note(
                        "above_title",
                        f"removed 「{_clip(line)}」 above the text: the article uses none of its words",
                    )
                note(
                    "flag_title_guessed",
                    f"no line above the text shares its words; the title 「{guess}」 is its first sentence",
                )
                return rest.strip("\n"), guess, []
        title = headline_of(found, rest)
        alternatives = found[: found.index(title)]
        # the short lines below the headline are not titles: the article's
        # (a subtitle) or the page's, for the later steps to judge
        last = max(i for i in heads if lines[i] == title)
        heads = [i for i in heads if i <= last]
    # the page's furniture above the headline (当前栏目：信用卡) goes with it
    above = [i for i in furniture if heads and i < max(heads)]
    for i in above:
        note("above_title", f"removed 「{_clip(lines[i])}」 above the headline 「{_clip(title)}」")
    taken = set(heads) | set(above)
    body = [line for i, line in enumerate(lines) if i not in taken]
    for alt in alternatives:
        note("alternative_title", f"kept 「{title}」 as the title; 「{alt}」 is another title of the page")
    return "\n".join(body).strip("\n"), title, alternatives


_HAN = re.compile(r"[\u3400-\u9fff]")
# a headline line whose words the article uses this much less than the
# best-placed line's does is a line of the page, not its headline
HEADLINE_SHARE_GAP = 0.3


def _bigrams(line: str) -> set[str]:
    han = "".join(_HAN.findall(line))
    return {han[i : i + 2] for i in range(len(han) - 1)}


def body_share(line: str, body: str) -> float | None:
    """The share of the line's two-character Han words (bigrams) that the
    body uses too; None for a line with none.

    >>> body_share("逾期怎么办", "逾期以后怎么办"), body_share("土豆", "土豆很好")
    (0.75, 1.0)
    >>> body_share("FreeCell", "FreeCell") is None
    True
    """
    pairs = _bigrams(line)
    if not pairs:
        return None
    return sum(pair in body for pair in pairs) / len(pairs)


# an article this long (Han characters) shares a word with its headline
ABOUT_MIN_CHARS = 200


def _none_about(found: list[str], body: str) -> bool:
    """Whether none of the short lines above a long article shares a
    two-character word with it (a headline in Latin letters, with no such
    words, may still be one).

    >>> body = "土豆原产于南美洲，是一种很常见的食物。" * 12
    >>> _none_about(["扫码下载App", "切换城市"], body), _none_about(["土豆不土", "切换城市"], body)
    (True, False)
    >>> _none_about(["FreeCell", "切换城市"], body), _none_about(["切换城市"], body[:100])
    (False, False)
    """
    if len(_HAN.findall(body)) < ABOUT_MIN_CHARS:
        return False
    pairs = [_bigrams(line) for line in found]
    return all(pairs) and not any(pair in body for line in pairs for pair in line)


def headline_of(found: list[str], body: str) -> str:
    """Of the short lines above the first paragraph, the headline: the last
    one whose words the article itself uses (a headline is about its
    article), when another uses them clearly more than it.

    >>> body = "土豆原产于南美洲，是一种很常见的食物。土豆的营养价值很高。"
    >>> headline_of(["土豆不土", "其他回答（9）"], body), headline_of(["逾期怎么办", "逾期的后果"], body)
    ('土豆不土', '逾期的后果')

    Lines without Han words leave the last; one just within the gap of
    the best is still the nearer:

    >>> headline_of(["Home", "News", "FreeCell"], body)
    'FreeCell'
    >>> headline_of(["甲乙", "甲乙丙丁戊己庚辛壬癸子"], "甲乙丙丁戊己庚辛")
    '甲乙丙丁戊己庚辛壬癸子'

    A share is weighed with the words behind it: a widget's label below
    the headline (其他回答（23）, 299人觉得有用) that shares one common word
    with the article is not its headline when the headline shares three:

    >>> body = "路是人走出来的，其他的路都不是。走出来的人，才知道路有多长。"
    >>> headline_of(["路是人走出来的（下）", "其他回答（23）"], body)
    '路是人走出来的（下）'
    """
    if len(found) == 1:
        return found[0]
    pairs = [_bigrams(line) for line in found]
    hits = [sum(pair in body for pair in line) for line in pairs]
    most = max(hits)
    # the lines with at least half the words the best-supported line shares
    # with the article; among them, the share decides as before
    shares = [
        hit / len(line) if line and 2 * hit >= most else None for line, hit in zip(pairs, hits, strict=True)
    ]
    best = max((share for share in shares if share is not None), default=None)
    if best is None:
        return found[-1]
    # the best line itself is within the gap: one is always found
    return next(
        line
        for line, share in zip(reversed(found), reversed(shares), strict=True)
        if share is not None and share >= best - HEADLINE_SHARE_GAP
    )


def first_sentence(text: str) -> str | None:
    """The first sentence of the text that has words in it, outside
    datelines and credit lines, without its end mark (a question keeps its
    ？); one longer than a short headline is cut after its last clause (，)
    that fits.

    >>> first_sentence("\\n\\n逾期后怎么办？先别慌。")
    '逾期后怎么办？'
    >>> first_sentence("很多人在信用卡逾期以后第一反应是害怕，不知道该从哪里下手，"
    ...                "其实只要弄清楚欠款的构成就好办了。")
    '很多人在信用卡逾期以后第一反应是害怕，不知道该从哪里下手'
    >>> first_sentence("——\\n\\n。银行会先打电话提醒！")
    '银行会先打电话提醒'
    >>> first_sentence("Hi，欢迎光临某某网，今天是2010.7.7\\n\\n银行会先打电话提醒。")
    '银行会先打电话提醒'
    >>> first_sentence("—— 。") is None
    True

    Spaces do not end a sentence; one of exactly the headline's length
    stays whole, a longer one is cut at its last clause that fits, and one
    without clauses is cut short:

    >>> first_sentence("逾期以后 银行会先打电话提醒。"), first_sentence("：银行会先打电话提醒。")
    ('逾期以后 银行会先打电话提醒', '银行会先打电话提醒')
    >>> first_sentence("逾" * 40 + "。") == "逾" * 40
    True
    >>> first_sentence("甲" * 5 + "，" + "乙" * 5 + "，" + "丙" * 5 + "，" + "丁" * 30 + "。")
    '甲甲甲甲甲，乙乙乙乙乙，丙丙丙丙丙'
    >>> first_sentence("甲" * 40 + "，" + "乙" * 5 + "。") == "甲" * 40
    True
    >>> first_sentence("甲" * 50 + "。")
    '甲甲甲甲甲甲甲甲甲甲甲甲甲甲甲甲甲甲甲甲甲甲甲甲甲甲甲甲甲甲甲甲甲甲甲甲甲甲甲…'
    """
    for match in (
        m
        for line in text.split("\n")
        if not is_byline(line) and not tables.is_row(line) and not _is_furniture(line)
        for m in _SENTENCE_RUN.finditer(line)
    ):
        sentence = match.group().strip().rstrip("。！!；;").strip()
        if len(sentence) > GUESS_MAX:
            # the longest run of whole clauses that fits
            cuts = [m.start() for m in _CLAUSE.finditer(sentence) if m.start() <= GUESS_MAX]
            sentence = sentence[: cuts[-1]] if cuts else sentence[: GUESS_MAX - 1] + "…"
        sentence = sentence.strip(" -—:：")
        if key(sentence):
            return sentence
    return None


def drop_title_echoes(text: str, titles: list[str], note: Note, guessed: str | None = None) -> str:
    """Remove lines that only repeat the title (or an alternative title).

    >>> drop_title_echoes("第一段。\\n\\n逾期怎么办\\n\\n第二段。", ["逾期怎么办？"], lambda *a: None)
    '第一段。\\n\\n第二段。'

    A title ``guessed`` from the first sentence is that sentence: a line
    that ends as a paragraph does (。？…) is the paragraph it came from, and
    stays; a line without one (or with a headline's ！) repeats it as a
    headline would:

    >>> drop_title_echoes("逾期以后不要慌。\\n\\n第二段。", [], lambda *a: None, "逾期以后不要慌")
    '逾期以后不要慌。\\n\\n第二段。'
    >>> drop_title_echoes("逾期以后不要慌\\n\\n第二段。", [], lambda *a: None, "逾期以后不要慌")
    '第二段。'
    """
    keys = {key(t) for t in titles if t}
    keep = []
    for line in text.split("\n"):
        echo = bool(line) and (
            key(line) in keys
            or (guessed is not None and key(line) == key(guessed) and not _ENDS_SENTENCE.search(line))
        )
        if echo and not tables.is_row(line):
            note("title_echo", f"removed a line that repeats the title: 「{line}」")
            continue
        keep.append(line)
    return _squeeze("\n".join(keep))


# a paragraph's end or a list item's; an exclamation ends headlines as often
# (…收到律师函了！)
_ENDS_SENTENCE = re.compile(r"[。？?…；;][”’」』）)\"']*\s*$")


def drop_repeated_body(text: str, note: Note) -> str:
    """Remove the second copy of a body printed twice, and any paragraph
    that repeats an earlier one; the first complete copy is kept.

    A short line repeated on its own (a heading such as 总结) stays; inside
    a run of repeated lines it belongs to the copy and goes with it.

    >>> body = "\\n\\n".join(["一、开头", "这一段正文足够长，长到两次出现不会是巧合的重复。",
    ...                       "二、结尾", "结尾段落也一样长，长到两次出现不会是巧合的。"])
    >>> drop_repeated_body(body + "\\n\\n" + body, print) == body
    repeated_body removed a repeated copy of 4 lines (48 characters) starting 「一、开头」
    True
    >>> spun = body.replace("重复", "反复")  # one word changed in the second copy
    >>> drop_repeated_body(body + "\\n\\n" + spun, lambda *a: None) == body
    True

    A block of one or two paragraphs that comes again under another heading
    is the author's (法律依据： and the article of law it quotes, cited in
    two sections); printed twice within one section, it is a copy.

    >>> law = "法律依据：\\n\\n《民法典》第六百七十五条　借款人应当按照约定的期限返还借款。"
    >>> text = f"一、能否起诉\\n\\n可以起诉。\\n\\n{law}\\n\\n二、如何应对\\n\\n按时出庭。\\n\\n{law}"
    >>> drop_repeated_body(text, lambda *a: None) == text
    True

    Three paragraphs make a copy wherever they come again; two short lines
    in a row are a copy even below 20 characters; a paragraph that comes
    again right below a heading is not one:

    >>> p1 = "第一段正文足够长，长到在一页上两次出现不会是巧合。"
    >>> p2, p3 = "第二段正文也足够长。", "第三段正文同样很长。"
    >>> drop_repeated_body(f"一、开头\\n{p1}\\n{p2}\\n{p3}\\n二、再说\\n{p1}\\n{p2}\\n{p3}", print)
    ... # doctest: +ELLIPSIS
    repeated_body removed a repeated copy of 3 lines (41 characters) starting 「第一段正文足够长，...」
    '一、开头\\n第一段...\\n二、再说'
    >>> a, b, mid = "银行先打电话。", "再寄催收函。", "这一段在中间，和前后都不一样，也足够长。"
    >>> drop_repeated_body(f"{a}\\n{b}\\n{mid}\\n{a}\\n{b}", lambda *a: None) == f"{a}\\n{b}\\n{mid}"
    True
    >>> heading = "二、再说一遍"
    >>> drop_repeated_body(f"{p1}\\n{heading}\\n{p1}", lambda *a: None) == f"{p1}\\n{heading}\\n{p1}"
    True

    A paragraph repeated right after itself, after a table's row, or with
    its first character changed (a line of 20 characters is long enough
    to be compared so) goes:

    >>> p = "甲这一段正文足够长，长到两次出现不会是巧合的重复。"
    >>> [drop_repeated_body(t, lambda *a: None) for t in (f"{p}\\n{p}", f"{p}\\n乙{p[1:]}")] == [p, p]
    True
    >>> drop_repeated_body(f"␞天数␟罚息\\n{p}\\n{p}", lambda *a: None) == f"␞天数␟罚息\\n{p}"
    True
    >>> twenty = "一二三四五六七八九十甲乙丙丁戊己庚辛壬癸"
    >>> drop_repeated_body(f"{twenty}\\n壹{twenty[1:]}", print) == twenty
    repeated_paragraph removed a repeated paragraph 「壹二三四五六七八九十甲乙丙丁戊己庚辛壬癸」
    True

    Nine tenths alike and at most a tenth longer or shorter is a repeat
    (two characters changed or added of 20); three more characters are not:

    >>> changed, longer = twenty[:5] + "子丑" + twenty[7:], twenty[:10] + "子丑" + twenty[10:]
    >>> [drop_repeated_body(f"{twenty}\\n{t}", lambda *a: None) == twenty for t in (changed, longer)]
    [True, True]
    >>> drop_repeated_body(f"{longer}\\n{twenty}", lambda *a: None) == longer
    True
    >>> three = twenty[:10] + "子丑寅" + twenty[10:]
    >>> drop_repeated_body(f"{twenty}\\n{three}", lambda *a: None) == f"{twenty}\\n{three}"
    True

    An earlier line that shares the start but not the numbers does not hide
    one that shares the end; the same characters in another order are not
    a repeat:

    >>> dated = "甲这一段正文写于2020年，和别的段落完全不一样的内容在这里。"
    >>> text = f"{dated}\\n乙{p[1:]}\\n{p}"
    >>> drop_repeated_body(text, lambda *a: None) == f"{dated}\\n乙{p[1:]}"
    True
    >>> start, middle, end = "逾期以后一定", "甲乙丙丁戊己庚辛壬癸子丑寅卯", "联系银行客服"
    >>> shuffled = f"{start}{middle}{end}\\n{start}{middle[::-1]}{end}"
    >>> drop_repeated_body(shuffled, lambda *a: None) == shuffled
    True
    """
    lines = text.split("\n")
    first: dict[str, int] = {}
    by_end: dict[str, list[tuple[str, int]]] = {}  # long lines by their first and by their last characters
    original: list[int | None] = []  # for each line, the earlier line it repeats
    repeated_rows = _repeated_tables(lines)
    for n, line in enumerate(lines):
        if tables.is_row(line):
            original.append(repeated_rows.get(n))
            continue
        k = key(line)
        earlier = first.get(k) if k else None
        if k and earlier is None:
            earlier = _near_repeat(k, by_end)
        original.append(earlier)
        if k and k not in first:
            first[k] = n
            if len(k) >= MIN_REPEAT_CHARS:
                by_end.setdefault("^" + k[:END], []).append((k, n))
                by_end.setdefault("$" + k[-END:], []).append((k, n))
    drop = [False] * len(lines)
    i = 0
    while i < len(lines):
        if original[i] is None:
            i += 1
            continue
        j = i
        while j < len(lines) and (original[j] is not None or not lines[j]):
            j += 1
        run = [n for n in range(i, j) if lines[n]]
        chars = sum(len(key(lines[n])) for n in run)
        copied = len(run) >= 2 or chars >= MIN_REPEAT_CHARS
        if copied and len(run) < BODY_LINES:
            last = max(original[n] or 0 for n in run)
            copied = not any(_is_heading(line) for line in lines[last + 1 : i])
        if copied:
            for n in run:
                drop[n] = True
            if len(run) == 1:
                note("repeated_paragraph", f"removed a repeated paragraph 「{_clip(lines[run[0]])}」")
            else:
                note(
                    "repeated_body",
                    f"removed a repeated copy of {len(run)} lines ({chars} characters) "
                    f"starting 「{_clip(lines[run[0]])}」",
                )
        i = j
    return _squeeze("\n".join(line for line, d in zip(lines, drop, strict=True) if not d))


def _repeated_tables(lines: list[str]) -> dict[int, int]:
    """The rows of each table that repeats an earlier table row for row,
    with the row they repeat. A table is a copy only as a whole: a row
    repeated inside a table, or a header two tables share, is the table's.

    >>> _repeated_tables(["␝甲␟乙", "␞1␟2", "正文。", "␝甲␟乙", "␞1␟2", "␝甲␟乙", "␞3␟4"])
    {3: 0, 4: 1}
    """
    seen: dict[tuple[str, ...], int] = {}
    repeats: dict[int, int] = {}
    for start, end in tables.blocks(lines):
        rows = tuple(key(line) for line in lines[start:end])
        earlier = seen.setdefault(rows, start)
        if earlier != start:
            repeats.update({start + n: earlier + n for n in range(end - start)})
    return repeats


def _is_heading(line: str) -> bool:
    """A line that opens a section: numbered (一、 (1) 1.), or short (at
    most a quarter of a headline's length) and without sentence
    punctuation.

    >>> _is_heading("一、" + "逾" * 30), _is_heading("逾" * 20), _is_heading("逾" * 21)
    (True, True, False)
    >>> _is_heading("逾期了。"), _is_heading("逾期以后，怎么办"), _is_heading("Hi, there")
    (False, False, False)
    """
    if not line or _SENTENCE.search(line) or "，" in line or "," in line:
        return False
    return bool(_NUMBERED.match(line)) or len(line) <= HEADLINE_MAX // 4


# Numbers that tell parallel sentences apart (逾期1至30天… and 逾期31至60天…;
# 逾期三个月… and 逾期六个月…): a spun or damaged copy keeps them.
_NUMBER = re.compile(r"\d+|[零〇一二两三四五六七八九十百千万]+(?=[个天月年日次期倍周成万千百])")


def _near_repeat(k: str, by_end: dict[str, list[tuple[str, int]]]) -> int | None:
    """A long line that differs from an earlier one only by a few
    characters (a spun word, a damaged character) repeats it; the earlier
    line's index is returned. Such a line keeps the start or the end of the
    earlier one, so only earlier lines that begin or end the same way are
    compared. Lines whose numbers differ say different things."""
    from difflib import SequenceMatcher

    if len(k) < MIN_REPEAT_CHARS:
        return None
    numbers = _NUMBER.findall(k)
    earlier = by_end.get("^" + k[:END], []) + by_end.get("$" + k[-END:], [])
    for other, n in earlier:
        if abs(len(other) - len(k)) > 0.1 * len(k) or _NUMBER.findall(other) != numbers:
            continue
        matcher = SequenceMatcher(None, other, k, autojunk=False)
        if matcher.quick_ratio() >= NEAR_REPEAT and matcher.ratio() >= NEAR_REPEAT:
            return n
    return None


def _squeeze(text: str) -> str:
    return re.sub(r"\n{3,}", "\n\n", text).strip("\n")


def _clip(line: str, width: int = 30) -> str:
    return line if len(line) <= width else line[: width - 1] + "…"
