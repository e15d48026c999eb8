"""Chrome by repetition: a line that a site prints on most of its pages is
the site's, not the article's, whatever it says.

This is the line deduplication of CCNet and datatrove, made safe for a help
site whose articles quote the same laws and hotlines:

- a *site* is the page's host (its ``url``, or its canonical link), or for
  a file without an address the folder it is in (a JSON Lines file: the
  file);
- lines are compared by their characters without punctuation and spaces,
  digits folded (a banner that prints today's date is one line);
- a line is the site's when it is on at least ``MIN_PAGES`` different
  pages of the site and on at least ``MIN_SHARE`` of the site's pages: a
  template line is on nearly every page, a quoted law on a few; a line
  shaped like a sentence needs ``SENTENCE_MIN_PAGES``;
- a line made of fields (a post's metadata: 楼主 某某 回复：18 浏览：2万)
  differs on every page, but its fields' words do not: a line whose
  fields are the site's (each on ``MIN_PAGES`` and ``MIN_SHARE`` of its
  pages, compared by their label, digits folded) or vary by nature (a
  date, a count), with at most one word of its own (a user's name), is the
  site's template filled in, and counts as the site's line; it needs two
  of the site's fields, or one beside a date or a count;
- a page counts the lines it was read with as well as the lines left
  after cleaning: a template line that a rule of the cleaner took off some
  pages of the site still counts on them;
- only lines at the edges of a page go: the run of the site's lines above
  the first line that is not one, and the run below the last; a repeated
  line inside the article stays. Walking in from an edge, a line of no
  rule that is not prose (``pipeline.cleaners.context.is_prose``) is passed
  over, and goes when another of the site's lines lies beyond it: what
  stands between the site's template lines (a comment, a related headline
  between the site's toolbar and its footer) is the template's too. The
  walk stops at the first prose line, a line with a full stop (a short
  sentence is the article's), or a table; what is passed over next to
  the article stays (a closing line, a checklist). On the way up from
  the bottom, a block of two or more lines that the cleaner removed
  right below the article's last paragraph counts as that many of the
  site's lines (its comment box was taken off, the related links below
  it were not); below a list's or a table's row it does not (the article
  may go on under an advertisement), nor above a numbered list, nor on
  the way down (a byline stays). On the
  way up from the bottom, one sentence that shares few of its words with the
  paragraphs nearest to it and cites no law or regulator is passed over
  too, and goes when at least ``EDGE_BLOCK`` of the site's lines lie
  beyond it with other chrome among them (a copyright statement below
  the site's footer, its comments and its links); one line of the site
  is no block (an advertisement inside the articles), nor is an ad block with
  nothing else of the page's chrome beside it (the article's last
  paragraph after it stays), and the article's own closing sentence is
  about the article;
- a page that would lose most of its lines written in sentences keeps
  them all (it is a copy of another page, for the copy detection to
  find); a comment thread or a list of headlines longer than the article
  does not count, however long; a page that is too short once the site's
  lines are gone is rejected, as any page that short;
- a table (``pipeline.tables``) counts as one line made of all its rows,
  compared exactly (digits not folded): its rows are never the site's one
  by one (fee tables of one site share their header row, and a table
  without its header is no table), while a table that the site prints
  identically at the edge of most of its pages (a navigation grid, the
  site's own fee or contact table in its template) is the site's, as any
  line that is, and goes whole. Two articles with tables of the same shape
  but other figures are two tables.

Chrome by repetition across sites: a CMS or a platform prints the same
widget lines (还可以输入500字, 其他回答（N）) and statements (特别声明：以上
作品内容…) on the sites that run it.
A line that is not prose, of at least ``COMMON_MIN_KEY`` characters (a
widget's label, 等你来答, which one site's count would not compare),
printed at the edges of pages (outside their
first and last prose lines) of at least ``COMMON_MIN_SITES`` sites around
at least ``COMMON_MIN_ARTICLES`` different articles, is such a template's,
on any site, and is taken off the edges as a site's own line is. So is
a page's first or last sentence when it shares few words with the
paragraphs next to it (``EDGE_SHARE``) and cites no law: a statement, not
the article's closing sentence or its legal basis. An article is known by
its longest line, so the copies of one article on several sites, with a
closing line of their own, count as one article.

Each run of the pipeline adds its pages' lines to the state (per site, per
page: a page cleaned again replaces its lines), so each batch makes the next
one cleaner; within a batch, every page of a chunk counts before any is
stripped. A line that becomes the site's only later leaves guides already
published when their page is cleaned again (``clean --force``).
"""

from __future__ import annotations

import hashlib
import re
import sqlite3
from array import array
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

from pipeline import tables
from pipeline.cleaners import Cleaned
from pipeline.cleaners.boilerplate import field_words
from pipeline.cleaners.context import Cut, is_prose
from pipeline.cleaners.repeats import body_share, take_title
from pipeline.headline import key
from pipeline.record import Document
from pipeline.untrusted import TITLE_MAX, plain_line

MIN_PAGES = 3
MIN_SHARE = 0.5
SENTENCE_MIN_PAGES = 5
# a line with fewer characters than this (a 总结 heading) is never compared
MIN_KEY = 6
# ... unless it holds a count: a widget's label (其他回答（20）, 全部评论 12)
MIN_COUNTED_KEY = 4
# a page keeps its edges when they hold more than this share of its text
MAX_REMOVED_SHARE = 0.5
# a line that is not prose, printed at the edges of pages of this many sites
# around this many different articles, is a template's (a CMS's, a
# platform's), on any site
COMMON_MIN_SITES = 3
COMMON_MIN_ARTICLES = 5
# ... however short (精选回答, 等你来答): a heading is never at a page's edge
COMMON_MIN_KEY = 4

_DIGITS = re.compile(r"\d+")
_NUMBERED = re.compile(
    r"^(?:[一二三四五六七八九十]+[、.．]|\d+(?:\.\d+)*[.、．]|[(（][\d一二三四五六七八九十]+[)）])"
)
_SENTENCE = re.compile(r"[。！？!?；;]")
# at most this many sentences on the way in from a page's edge go, and only
# when at least EDGE_BLOCK of the site's lines lie between them and the article
EDGE_SENTENCES = 1
EDGE_BLOCK = 2
# ... and only when it shares less than this of its words (Han bigrams)
# with the page's paragraphs: an article's own closing sentence is about
# the article
EDGE_SHARE = 0.3
EDGE_NEIGHBOURS = 3
# a law, a regulation, an article of one or a regulator cited: what help
# articles quote, and sites paste under them, as their legal basis
_CITATION = re.compile(
    r"《[^《》]{2,40}》|第[一二三四五六七八九十百千零〇\d]+条|法律|法规|条例|规定|办法|司法解释|监管|银保监|人民银行|法院"
)
# a line with a full stop is written in sentences, as an article is: the
# walk in from a page's edge stops there, however short the line
_FULL_STOP = re.compile(r"。")


def site_of(url: str | None, key_or_source: str) -> str:
    """Which site a page is from: its host, else its folder (or its JSON
    Lines file).

    >>> site_of("https://www.example.com/a/1.html", "/in/a.html")
    'example.com'
    >>> site_of(None, "/in/site1/page.txt"), site_of(None, "/in/batch.jsonl#3f2a")
    ('/in/site1', '/in/batch.jsonl')
    """
    if url:
        host = (urlsplit(url).hostname or "").lower()
        if host:
            return host.removeprefix("www.")
    path, sep, _ = key_or_source.partition("#")
    return path if sep else str(Path(path).parent)


@lru_cache(maxsize=65536)
def line_hash(line: str, min_key: int = MIN_KEY) -> int | None:
    """A line's fingerprint for comparing it across pages; None for a line
    too short, or numbered (an article's own section heading). Remembered
    for the last 65,536 lines: a page's lines are fingerprinted as read, as
    cleaned and at its edges.

    >>> line_hash("欢迎光临某某网，今天是2022/12/19") == line_hash("欢迎光临某某网，今天是2023-1-2")
    True
    >>> line_hash("总结") is None, line_hash("一、逾期的后果有哪些") is None
    (True, True)

    A short label is compared when it holds a count, whatever the count:

    >>> line_hash("其他回答（20）") == line_hash("其他回答（9）"), line_hash("往期推荐") is None
    (True, True)
    >>> line_hash("评论 3") is None, line_hash("第3步") is None
    (True, True)
    """
    line = line.strip()
    folded, counts = _DIGITS.subn("0", key(line))
    if len(folded) < (min(MIN_COUNTED_KEY, min_key) if counts else min_key) or _NUMBERED.match(line):
        return None
    return _fingerprint(folded)


def table_hash(rows: Iterable[str]) -> int:
    """A table's fingerprint: all its rows, digits and all (a fee table
    with other figures is another table).

    >>> table_hash(["␝天数␟罚息", "␞1-30␟0.05%"]) == table_hash(["␝天数␟罚息", "␞1-30␟0.07%"])
    False
    """
    return _fingerprint("table:" + "\n".join(key(row) for row in rows))


def field_hash(word: str) -> int | None:
    """A field's fingerprint: its label (the words before a colon) or, for
    a field without one, its words, digits folded; None for a field of
    fewer than two characters so compared.

    >>> field_hash("浏览：644.4k") == field_hash("浏览：10万+"), field_hash("回复") == field_hash("回复：18")
    (True, True)
    """
    label = re.split(r"[:：]", word, maxsplit=1)[0]
    folded = _DIGITS.sub("0", key(label))
    return _fingerprint("field:" + folded) if len(folded) >= 2 else None


@lru_cache(maxsize=65536)
def _field_hashes(line: str) -> frozenset[int]:
    """The fingerprints of a line's fields' words. Remembered for the last
    65,536 lines: a page's lines are counted as read and as cleaned, and a
    site prints its template lines on every page."""
    words = field_words(line)
    return frozenset(h for word in words or () if word and (h := field_hash(word)) is not None)


def _fingerprint(text: str) -> int:
    """Eight bytes of BLAKE2b, as a signed integer (what SQLite stores)."""
    return int.from_bytes(hashlib.blake2b(text.encode(), digest_size=8).digest(), "big", signed=True)


def _units(lines: list[str]) -> list[range]:
    """The page's lines as what is compared: each line alone, each table
    (a run of rows) as one."""
    spans = dict(tables.blocks(lines))
    units: list[range] = []
    i = 0
    while i < len(lines):
        end = spans.get(i, i + 1)
        units.append(range(i, end))
        i = end
    return units


def page_hashes(text: str, titles: Iterable[str | None] = ()) -> frozenset[int]:
    """The fingerprints of a page's lines, its title and alternative titles
    among them: a site line taken for a title (a banner above the headline)
    is then known as the site's. A table is one fingerprint, its rows none.

    >>> page = "␝天数␟罚息\\n␞1-30天␟万分之五\\n逾期以后要尽快联系银行说明情况。"
    >>> len(page_hashes(page))
    2
    """
    lines = [*(t or "" for t in titles), *text.split("\n")]
    hashes = set()
    for unit in _units(lines):
        if len(unit) > 1 or tables.is_row(lines[unit.start]):
            hashes.add(table_hash(lines[n] for n in unit))
        else:
            if (h := line_hash(lines[unit.start])) is not None:
                hashes.add(h)
            # and the words of its fields, when it is made of fields
            hashes |= _field_hashes(lines[unit.start])
    return frozenset(hashes)


def edge_hashes(text: str) -> frozenset[int]:
    """The fingerprints of the lines outside a page's prose: above its first
    prose line and below its last, themselves not prose (nor a table's
    rows). A page without prose has no edges.

    >>> prose = "逾期以后要尽快联系银行说明情况，争取对方的理解，千万不要躲避催收人员打来的电话和发来的短信。"
    >>> page = f"首页 > 信用卡频道\\n{prose}\\n全部评论（3条）"
    >>> len(edge_hashes(page)), len(edge_hashes("首页 > 信用卡频道\\n全部评论（3条）"))
    (2, 0)

    The page's first and last sentences count when they are not about the
    article (a platform's statement), never its own closing sentence:

    >>> statement = ("特别声明：以上作品内容（包括在内的视频、图片或音频）为本平台用户上传并发布，"
    ...              "本平台仅提供信息存储空间服务。")
    >>> closing = "总之，千万不要躲避催收人员打来的电话和发来的短信，逾期以后要尽快联系银行说明情况。"
    >>> len(edge_hashes(f"{page}\\n{prose}\\n{statement}")), len(edge_hashes(f"{page}\\n{prose}\\n{closing}"))
    (2, 1)
    """
    lines = [line for line in text.split("\n") if line.strip()]
    prose = [n for n, line in enumerate(lines) if is_prose(line)]
    if not prose:
        return frozenset()
    outside = lines[: prose[0]] + lines[prose[-1] + 1 :]
    # the page's outermost sentences, when they are not about the article
    # (a statement under the footer), are at its edges too
    sentences = [n for n, line in enumerate(lines) if _sentence(line)]
    ends = {sentences[0], sentences[-1]}
    outside += [lines[n] for n in sorted(ends) if _off_topic(lines, n)]
    hashes = (line_hash(line, COMMON_MIN_KEY) for line in outside if not tables.is_row(line))
    return frozenset(h for h in hashes if h is not None)


def _sentence(line: str) -> bool:
    return is_prose(line) or bool(_FULL_STOP.search(line))


@dataclass(frozen=True)
class Read:
    """A page's lines as read, before cleaning, as counted: the
    fingerprints of all of them and of those at its edges."""

    lines: frozenset[int] = frozenset()
    edges: frozenset[int] = frozenset()

    @classmethod
    def of(cls, text: str) -> Read:
        return cls(page_hashes(text), edge_hashes(text))


@dataclass(frozen=True)
class Seen:
    """What a page counts: for its site, its lines (``lines``); for every
    site, the lines at its edges (``edges``) and which article it is
    (``article``: copies of one article on several sites count once)."""

    lines: frozenset[int]
    edges: frozenset[int]
    article: int


def seen(cleaned: Cleaned, read: Read = Read()) -> Seen:
    """What a page counts: the fingerprints of its cleaned lines and
    titles, and of its lines as read (``read``). A template line that the
    cleaner took off some of the site's pages by a rule of its own is still
    on them: the count shows how many pages print it, and the pages where
    no rule caught it lose it too. The article is known by its longest
    line, which its copies on other sites share.

    >>> cleaned = Cleaned(title="逾期以后怎么办", text="逾期以后要尽快联系银行说明情况。")
    >>> read = Read.of("登录后查看更多精彩内容\\n逾期以后要尽快联系银行说明情况。")
    >>> len(seen(cleaned).lines), len(seen(cleaned, read).lines)
    (2, 3)
    """
    lines = page_hashes(cleaned.text, [cleaned.title, *cleaned.alternative_titles]) | read.lines
    longest = max(cleaned.text.split("\n"), key=lambda line: len(line.strip()), default="")
    return Seen(lines, edge_hashes(cleaned.text) | read.edges, _fingerprint(key(longest)))


@dataclass
class Site:
    """The lines of one site's pages: which pages, and on how many of them
    each line is."""

    pages: dict[str, frozenset[int]] = field(default_factory=dict)
    counts: Counter[int] = field(default_factory=Counter)
    # the lines printed at the edges of many sites' pages (``SiteLines``):
    # fingerprint -> (articles, sites)
    common: dict[int, tuple[int, int]] = field(default_factory=dict)

    def add(self, page: str, hashes: frozenset[int]) -> None:
        old = self.pages.get(page)
        if old is not None:
            self.counts.subtract(old)
        self.pages[page] = hashes
        self.counts.update(hashes)

    def pages_with(self, line: str) -> int | None:
        """On how many pages the line is, when that makes it the site's.
        A row of a table is never the site's on its own."""
        return self.counted(line)[0]

    def counted(self, line: str) -> tuple[int | None, bool]:
        """``pages_with``, and whether the line is the site's only as its
        template filled in for the page (``_template``), not printed the
        same on its pages."""
        if tables.is_row(line):
            return None, False
        count = self._printed(line)
        if count is not None:
            return count, False
        count = self._template(line)
        return count, count is not None

    def _printed(self, line: str) -> int | None:
        h = line_hash(line)
        needed = SENTENCE_MIN_PAGES if _SENTENCE.search(line) else MIN_PAGES
        return self._sites(h, needed) if h is not None else None

    def _template(self, line: str) -> int | None:
        """A line made of fields, each one the site prints on its pages'
        lines (楼主, 回复：, 浏览：) or one that varies by nature (a date, a
        count), with at most one of its own (a user's name): the site's
        template, filled in for this page. At least two of the site's
        fields, or one beside a date or a count. The count is its rarest
        field's."""
        words = field_words(line)
        if not words:
            return None
        known: list[int] = []
        own = 0
        for word in words:
            if word is None:
                continue
            h = field_hash(word)
            count = self._sites(h, MIN_PAGES) if h is not None else None
            if count is None:
                own += 1
            else:
                known.append(count)
        varying = words.count(None)
        if not known or own > 1 or (len(known) < 2 and not varying):
            return None
        return min(known)

    def common_with(self, line: str, off_topic: bool = False) -> tuple[int, int] | None:
        """Around how many articles on how many sites the line is printed
        at the pages' edges, when that makes it a template's. Never a table's
        row, nor a prose line unless it is ``off_topic``: a sentence not
        about its article (``edge_hashes``), such as a platform's statement."""
        h = line_hash(line, COMMON_MIN_KEY)
        if h is None or tables.is_row(line) or (is_prose(line) and not off_topic):
            return None
        return self.common.get(h)

    def pages_with_table(self, rows: list[str]) -> int | None:
        """On how many pages the table is, when that makes it the site's."""
        return self._sites(table_hash(rows), MIN_PAGES)

    def _sites(self, h: int, needed: int) -> int | None:
        count = self.counts[h]
        return count if count >= needed and count >= MIN_SHARE * len(self.pages) else None


@dataclass(frozen=True)
class Removed:
    line: str
    pages: int
    of: int
    # a table: how many rows it had (``line`` is its first)
    rows: int = 0
    # a line of no rule between the site's lines and the page's edge: the
    # site's line it stood behind
    between: str = ""
    # a template's line printed by many sites: ``pages`` is then the
    # number of articles, ``of`` the number of sites
    common: bool = False
    # a line of no rule between the page's foot and chrome the cleaner
    # removed (``between``)
    cut: bool = False


def strip_edges(
    text: str, site: Site, chrome_below: Mapping[str, Cut] | None = None
) -> tuple[str, list[Removed]]:
    """The page without the site's lines at its top and bottom, and the
    lines removed. ``chrome_below`` maps the lines (by ``headline.key``)
    right above chrome that the cleaner removed to that chrome: on the way
    up from the page's foot, such a gap stands for a line of the site (the
    cleaner took the site's comment box off, and the related links below
    it are left between the site's lines), as it does not on the way down
    (a byline or a subtitle under the headline stays).

    >>> site = Site()
    >>> bodies = ["逾期以后要尽快联系银行说明情况，争取对方的理解。不要躲避催收电话。",
    ...           "征信记录一般保留五年，从结清欠款的那一天开始计算。",
    ...           "遇到暴力催收可以向监管部门投诉举报，并保存好通话录音。",
    ...           "协商还款时要保留好书面的还款协议，按约定的日期还款。"]
    >>> pages = [f"欢迎光临某某网官方网站\\n\\n{body}\\n\\n本站所有内容仅供参考" for body in bodies]
    >>> for n, page in enumerate(pages):
    ...     site.add(f"p{n}", page_hashes(page))
    >>> text, removed = strip_edges(pages[0], site)
    >>> text, [(r.line, r.pages, r.of) for r in removed]  # doctest: +NORMALIZE_WHITESPACE
    ('逾期以后要尽快联系银行说明情况，争取对方的理解。不要躲避催收电话。',
     [('欢迎光临某某网官方网站', 4, 4), ('本站所有内容仅供参考', 4, 4)])
    """
    lines = text.split("\n")
    units = _units(lines)
    drop: dict[int, Removed] = {}
    # lines between the site's go only on a page with prose to stop at: the
    # walks in from its two edges never meet
    bridge = any(is_prose(line) for line in lines)
    for bottom, order in ((False, units), (True, units[::-1])):
        # lines of no rule passed on the way in, waiting for a line of the
        # site beyond them
        passed: list[range] = []
        # a sentence passed on the way in that is not about the article: the
        # page's (a copyright statement below the site's footer) when a
        # block of the site's lines lies beyond it; what was taken off
        # from it on, and how many of the site's lines lie beyond it
        outside: list[int] = []
        walked: list[int] = []
        beyond = chrome_beyond = 0
        other_chrome = False
        for unit in order:
            line = lines[unit.start]
            if not line.strip():
                continue
            # the article's last paragraph, with a block of chrome the
            # cleaner removed below it (under a list's or a table's row
            # the article may go on below an advertisement)
            cut = (
                chrome_below.get(key(line))
                if bottom
                and chrome_below
                and (passed or outside)
                and _sentence(line)
                # a numbered list below it is the article's (1、保留好通话录音)
                and not any(_NUMBERED.match(lines[other.start].strip()) for other in passed)
                else None
            )
            if cut is not None:
                # chrome the cleaner removed lies between this line and
                # the lines passed: they are the page's, as below lines of
                # the site, as many as the block had
                beyond += cut.lines if outside else 0
                other_chrome = True
                chrome_beyond += bool(outside)
                if outside:
                    walked.extend(other.start for other in passed)
                _take_passed(lines, passed, drop, len(site.pages), cut.line, cut=True)
                passed = []
            table = tables.is_row(line)
            count, filled = (
                (site.pages_with_table([lines[n] for n in unit]), False) if table else site.counted(line)
            )
            # a template's line many sites print, whether or not this site
            # prints it too
            template = None if table else site.common_with(line)
            common = None if count is not None else template
            if count is None and common is None:
                if table or not bridge:
                    break
                sentence = _sentence(line)
                if sentence:
                    if not _off_topic(lines, unit.start):
                        break
                    common = site.common_with(line, off_topic=True)
                if common is None:
                    if sentence:
                        if not bottom or len(outside) >= EDGE_SENTENCES:
                            break
                        outside.append(unit.start)
                    passed.append(unit)
                    continue
            beyond += bool(outside)
            # other chrome on the way than the site's own lines printed the
            # same on its pages (an advertisement block is): a line of no
            # rule passed, a template's line many sites print, the site's
            # template filled in
            other_chrome = (
                other_chrome
                or template is not None
                or filled
                or any(other.start not in outside for other in passed)
            )
            chrome_beyond += bool(outside) and other_chrome
            if common is not None:
                removed = Removed(line.strip(), *common, common=True)
            else:
                assert count is not None
                removed = Removed(line.strip(), count, len(site.pages), len(unit) if table else 0)
            for n in unit:
                drop[n] = removed
            if outside:
                walked.extend([*unit, *(other.start for other in passed)])
            _take_passed(lines, passed, drop, len(site.pages), line.strip())
            passed = []
        if outside and (beyond < EDGE_BLOCK or not chrome_beyond):
            # no block beyond the sentence: the walk stops at it, as at any
            for n in walked:
                drop.pop(n, None)
    if not drop:
        return text, []
    if _takes_the_article(lines, drop):
        return text, []
    kept = "\n".join(line for i, line in enumerate(lines) if i not in drop)
    kept = re.sub(r"\n{3,}", "\n\n", kept).strip("\n")
    # a table's rows are one removal
    return kept, list({id(r): r for r in (drop[i] for i in sorted(drop))}.values())


def _take_passed(
    lines: list[str],
    passed: list[range],
    drop: dict[int, Removed],
    pages: int,
    between: str,
    cut: bool = False,
) -> None:
    """Take the lines of no rule passed on the way in, as standing between
    the page's edge and ``between`` (a line of the site, or the first line
    of a block the cleaner removed: ``cut``)."""
    for other in passed:
        drop[other.start] = Removed(lines[other.start].strip(), 0, pages, between=between, cut=cut)


def _off_topic(lines: list[str], n: int) -> bool:
    """Whether line ``n`` shares less than ``EDGE_SHARE`` of its two-character
    words with the page's ``EDGE_NEIGHBOURS`` paragraphs nearest to it (a
    long article uses every common word somewhere).

    >>> page = ["土豆原产于南美洲，是一种很常见的食物，土豆的营养价值很高，西吉县的土豆远近闻名。"]
    >>> _off_topic([*page, "特别声明：本文为作者上传并发布，仅代表作者观点。"], 1)
    True
    >>> _off_topic([*page, "如今西吉县的土豆已经成了远近闻名的致富薯。"], 1)
    False
    """
    if _CITATION.search(lines[n]):
        return False  # a law or a regulator quoted is the article's, however few words it shares
    # the nearest prose lines above and below, walking out from the line
    nearest: list[int] = []
    for step in range(1, len(lines)):
        for i in (n - step, n + step):
            if 0 <= i < len(lines) and is_prose(lines[i]) and len(nearest) < EDGE_NEIGHBOURS:
                nearest.append(i)
        if len(nearest) >= EDGE_NEIGHBOURS:
            break
    if not nearest:
        return False  # nothing to compare with: the page's only paragraph
    share = body_share(lines[n], "\n".join(lines[i] for i in nearest))
    return share is not None and share < EDGE_SHARE


def _sentence_chars(lines: Iterable[str]) -> int:
    """The characters of the lines written in sentences, of any length."""
    return sum(len(k) for line in lines if _SENTENCE.search(line) and len(k := key(line)) >= MIN_KEY)


def _takes_the_article(lines: list[str], drop: dict[int, Removed]) -> bool:
    """Whether taking the ``drop`` lines off would take most of the
    article: more than ``MAX_REMOVED_SHARE`` of the page's lines written
    in sentences (a copy of another page of the site, whose every line the
    site prints), or, on a page without such prose, of all its text.
    Comment threads, related headlines and keyword lines, however long,
    are not the article."""
    prose = _sentence_chars(lines)
    if prose:
        return _sentence_chars(lines[i] for i in drop) > MAX_REMOVED_SHARE * prose
    removed = sum(len(key(lines[i])) for i in drop)
    return removed > MAX_REMOVED_SHARE * sum(len(key(line)) for line in lines)


def _clip(line: str, width: int = 60) -> str:
    return line if len(line) <= width else line[: width - 1] + "…"


def strip_site_lines(cleaned: Cleaned, doc: Document, site: Site, name: str) -> bool:
    """Take the lines of the ``site`` (called ``name`` in findings) off the
    edges of a cleaned page, each a ``site_chrome`` finding of ``doc``. A
    title that was a guess, or a line of the site (a banner or slogan above
    a headline that did not look like one), is taken again from what is
    left. Returns whether the page changed."""
    text, removed = strip_edges(cleaned.text, site, cleaned.chrome_below)
    guessed = any(f.kind == "flag_title_guessed" for f in doc.findings)
    sites_title = cleaned.title is not None and site.pages_with(cleaned.title) is not None
    if not removed and not sites_title:
        return False
    for line in removed:
        shown = _clip(line.line)
        if line.common:
            where = f"{line.of} sites print at the edges of {line.pages} articles"
            message = f"removed a line that {where}: 「{shown}」"
        elif line.between:
            beyond = _clip(line.between)
            whose = "chrome the cleaner removed" if line.cut else f"a line of {name}"
            message = f"removed 「{shown}」, between the page's edge and 「{beyond}」, {whose}"
        else:
            what = f"a table of {line.rows} rows" if line.rows else "a line"
            message = f"removed {what} that {line.pages} of the {line.of} pages of {name} have: 「{shown}」"
        doc.note("site_chrome", message, "site_chrome")
    if guessed or sites_title:
        text = _title_again(cleaned, doc, text, name if sites_title else None)
    cleaned.text = text
    return True


def _title_again(cleaned: Cleaned, doc: Document, text: str, site: str | None) -> str:
    """The title taken again from ``text``: the headline now on top, or,
    when the old title was a line of ``site``, a new guess (flagged).
    Returns the text, without the headline when one was taken."""
    notes: list[tuple[str, str]] = []
    body, title, alternatives = take_title(text, None, lambda kind, message: notes.append((kind, message)))
    title = plain_line(title, TITLE_MAX) if title else None
    guessed_again = any(kind == "flag_title_guessed" for kind, _ in notes)
    if not title or (guessed_again and site is None):
        return text
    if site is not None:
        doc.note("site_chrome", f"the title 「{cleaned.title}」 was a line of {site}", "site_chrome")
    doc.findings[:] = [f for f in doc.findings if f.kind != "flag_title_guessed"]
    if guessed_again:
        doc.note(
            "flag_title_guessed", f"the title 「{title}」 is the article's first sentence", "site_chrome"
        )
    else:
        message = f"the title is 「{title}」, the headline on top of the page"
        doc.note("title_after_site_chrome", message, "site_chrome")
    cleaned.title, cleaned.alternative_titles = title, alternatives
    return body


class SiteLines:
    """Every site's lines, kept in the state beside what the runs
    published. A site's pages are read from the state the first time a run
    meets the site; the lines at every page's edges are kept in the state
    too, and counted across sites (``common``) after each chunk."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db
        self.db.execute(
            "CREATE TABLE IF NOT EXISTS site_lines (site TEXT NOT NULL, page TEXT NOT NULL, "
            "lines BLOB NOT NULL, PRIMARY KEY (site, page))"
        )
        self.db.execute(
            "CREATE TABLE IF NOT EXISTS edge_lines (page TEXT NOT NULL, site TEXT NOT NULL, "
            "article INTEGER NOT NULL, line INTEGER NOT NULL, PRIMARY KEY (page, line))"
        )
        self.db.execute("CREATE INDEX IF NOT EXISTS edge_lines_by_line ON edge_lines (line)")
        self._sites: dict[str, Site] = {}
        # one mapping, shared by every Site; counted by ``observe``, which
        # a run calls before it takes any line off
        self.common: dict[int, tuple[int, int]] = {}

    def site(self, name: str) -> Site:
        found = self._sites.get(name)
        if found is None:
            found = self._sites[name] = Site(common=self.common)
            for page, blob in self.db.execute("SELECT page, lines FROM site_lines WHERE site = ?", (name,)):
                found.add(page, frozenset(array("q", blob)))
        return found

    def observe(self, pages: Iterable[tuple[str, str, Seen]]) -> None:
        """Count the lines of (site, page id, ``seen``) pages."""
        for name, page, counted in pages:
            self.site(name).add(page, counted.lines)
            self.db.execute(
                "INSERT OR REPLACE INTO site_lines VALUES (?, ?, ?)",
                (name, page, array("q", sorted(counted.lines)).tobytes()),
            )
            self.db.execute("DELETE FROM edge_lines WHERE page = ?", (page,))
            self.db.executemany(
                "INSERT OR IGNORE INTO edge_lines VALUES (?, ?, ?, ?)",
                ((page, name, counted.article, line) for line in counted.edges),
            )
        self._count_common()

    def _count_common(self) -> None:
        self.common.clear()
        rows = self.db.execute(
            "SELECT line, COUNT(DISTINCT article), COUNT(DISTINCT site) FROM edge_lines GROUP BY line "
            "HAVING COUNT(DISTINCT site) >= ? AND COUNT(DISTINCT article) >= ?",
            (COMMON_MIN_SITES, COMMON_MIN_ARTICLES),
        )
        self.common.update((line, (articles, sites)) for line, articles, sites in rows)

    def forget(self, pages: Iterable[str]) -> None:
        """Pages that are gone from the sources count no more."""
        for page in pages:
            for site in self._sites.values():
                if page in site.pages:
                    site.counts.subtract(site.pages.pop(page))
            self.db.execute("DELETE FROM site_lines WHERE page = ?", (page,))
            self.db.execute("DELETE FROM edge_lines WHERE page = ?", (page,))
        self._count_common()
