"""An HTML page's headline, chosen by agreement between what the page says
about itself.

A page names its headline in several places, none of them reliable alone:
``<title>`` carries the site's and channel's names (``…_读书频道_新浪网``),
an ``<h1>`` is often the site's logo or a channel name (新闻中心), and old
pages have neither, only a bold line above the text. What they agree on is
the headline:

1. A heading, or a line of text anywhere on the page, that ``<title>`` (or
   ``og:title``) contains: the longest such. A heading may be short (金锺国);
   a plain line must be at least half the length of ``<title>``'s longest
   part, so a site name that ``<title>`` also carries (搜狐财经) is not
   taken for the headline. A plain link is navigation (a breadcrumb's
   channel name, which an old page's ``<title>`` often is), never agreement.
2. Else ``og:title``, which sites fill with the headline alone.
3. Else an emphasized line (a heading, bold or a title-classed element) just
   above the article or at its top: where a reader sees the headline. A
   forum's field label in front of it (主题：) is not part of it.
4. Else ``<title>``'s main part (its site-name parts cut off).

The choice is reported with how it was made, so a headline that only one
place gives can be told apart from one several agree on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml.html import HtmlElement

from pipeline.headline import HEADLINE_MAX, is_byline, key
from pipeline.untrusted import plain_line

# what separates a headline from the site's and channel's names in <title>
_SEPARATORS = re.compile(r"\s*(?:[_|｜＞＜»«]|--+|\s[-–—]\s|-(?=[^-]{1,12}$))\s*")
_EMPHASIS = {"h1", "h2", "h3", "h4", "h5", "h6", "strong", "b"}
_TITLE_CLASS = re.compile(r"(?:^|[\s_-])(?:title|tit|headline|bt|biaoti)(?:$|[\s_-]|\d)", re.I)
_HEADING = re.compile(r"^h[1-6]$")
# a headline does not end a sentence with these, nor list clauses
_NOT_HEADLINE = re.compile(r"[。；;，,：:]$|[，,].*[，,].*[，,]")
# no limit on the length of a line made plain text (HEADLINE_MAX decides)
LONG = 100_000
# separators left at a headline's end with no site name after them
_TRAILING = re.compile(r"[\s_|｜\-–—]+$")
# a forum's or form's field label before a headline
_FIELD_LABEL = re.compile(r"^(?:主题|标题|题目|subject|title)\s*[:：]\s*(?=\S)", re.I)
# a line of the container this long is a paragraph, not a headline
PARAGRAPH = 30
# text between an emphasized line and the article (its container's first
# line, or its first paragraph), at most
LEAD_GAP = 200


@dataclass(frozen=True)
class TitleChoice:
    title: str | None
    # agreed | og | lead | title_tag | None
    how: str | None


def title_parts(title: str) -> list[str]:
    """The parts of a ``<title>``, site and channel names among them.

    >>> title_parts("投身外交(3)_读书频道_新浪网")
    ['投身外交(3)', '读书频道', '新浪网']
    >>> title_parts("1-10月德清县固定资产投资结构趋稳趋优")
    ['1-10月德清县固定资产投资结构趋稳趋优']
    >>> title_parts("劳伦斯：一个无法定义的“洛克菲勒”-搜狐财经")
    ['劳伦斯：一个无法定义的“洛克菲勒”', '搜狐财经']
    """
    return [part.strip() for part in _SEPARATORS.split(title) if part and part.strip()]


def _main_part(title: str) -> str:
    parts = title_parts(title)
    return max(parts, key=lambda p: len(key(p))) if parts else ""


def _is_emphasized(el: HtmlElement) -> bool:
    for _, node in zip(range(3), [el, *el.iterancestors()], strict=False):
        tag = node.tag if isinstance(node.tag, str) else ""
        if tag in _EMPHASIS or (tag == "font" and (node.get("size") or node.get("color"))):
            return True
        if _TITLE_CLASS.search(f"{node.get('class') or ''} {node.get('id') or ''}"):
            return True
    return False


def is_headline_shaped(text: str) -> bool:
    """
    >>> is_headline_shaped("谁来为无序拆房“埋单”？"), is_headline_shaped("他说，我们走吧，天黑了，快走。")
    (True, False)
    """
    return 2 <= len(text) <= HEADLINE_MAX and not _NOT_HEADLINE.search(text)


@dataclass(frozen=True)
class Line:
    el: HtmlElement
    text: str
    offset: int  # characters of page text before it
    heading: bool
    emphasized: bool

    @property
    def plain_link(self) -> bool:
        """Text of a link that nothing emphasizes: navigation's shape."""
        return not self.emphasized and self.el.tag == "a"


_SKIP = {"script", "style", "title", "head", "noscript", "template"}


def page_lines(root: HtmlElement) -> list[Line]:
    """The page's text lines in document order: each element's own text,
    or a heading's whole text. Taken before chrome is removed, since a
    headline may sit in a ``<header>``."""
    lines: list[Line] = []
    offset = 0

    def walk(el: HtmlElement) -> None:
        nonlocal offset
        if _HEADING.match(el.tag):
            text = plain_line(el.text_content(), LONG)
            if text:
                lines.append(Line(el, text, offset, True, True))
                offset += len(text)
            return
        text = " ".join((el.text or "").split())
        if text:
            lines.append(Line(el, text, offset, False, _is_emphasized(el)))
            offset += len(text)
        for child in el:
            if isinstance(child.tag, str) and child.tag not in _SKIP:
                walk(child)
            tail = " ".join((child.tail or "").split())
            if tail:
                lines.append(Line(el, tail, offset, False, _is_emphasized(el)))
                offset += len(tail)

    walk(root)
    return lines


def _start(lines: list[Line], container: HtmlElement) -> tuple[int, int]:
    """The offsets at which the article's text and its first paragraph
    start: the container's first line, and its first line long enough to
    be a paragraph."""
    inside = {id(el) for el in container.iter()}
    ours = [line for line in lines if id(line.el) in inside]
    if not ours:
        return 0, 0
    first = next((line for line in ours if len(line.text) >= PARAGRAPH), ours[0])
    return ours[0].offset, first.offset


def choose_title(
    lines: list[Line], container: HtmlElement, title_tag: str | None, og_title: str | None
) -> TitleChoice:
    """The page's headline by the rules in the module's docstring. ``lines``
    are the whole page's (``page_lines``, chrome included), ``container``
    the element holding the article."""
    top, start = _start(lines, container)
    names = [t for t in (title_tag, og_title) if t]
    split = [[key(p) for p in title_parts(t)] for t in names]
    references = [k for k in map(key, names) if k]
    if references:
        longest_part = max((len(p) for parts in split for p in parts), default=0)
        # a site's name comes last in <title>; the headline, before it
        leading = [p for parts in split for p in (parts[:-1] or parts)]
        agreed = [
            line
            for line in lines
            if line.offset <= start
            and is_headline_shaped(line.text)
            and not line.plain_link
            and (k := key(line.text))
            and any(k in r for r in references)
            and (len(k) >= 2 if line.heading else len(k) >= max(4, longest_part / 2))
        ]
        if agreed:
            best = max(
                agreed,
                key=lambda line: (
                    any(key(line.text) in p for p in leading),
                    line.heading,
                    len(key(line.text)),
                ),
            )
            return TitleChoice(best.text, "agreed")
    if og_title and (og_main := _main_part(og_title)):
        return TitleChoice(og_main, "og")
    # the headline is the most prominent of the lines just above the
    # article or its first paragraph (an author's name, 编者按 or a film's
    # credits may sit between them): the heading nearest to it, else the
    # longest emphasized line
    before = [
        line
        for line in lines
        if line.emphasized
        and min(top, start) - LEAD_GAP <= line.offset < start
        and is_headline_shaped(line.text)
        and not is_byline(line.text)
        and len(key(line.text)) >= 2
    ]
    headings = [line for line in before if line.heading]
    lead = headings[-1] if headings else max(before, key=lambda line: len(key(line.text)), default=None)
    if lead is not None:
        return TitleChoice(_FIELD_LABEL.sub("", _TRAILING.sub("", lead.text)), "lead")
    if title_tag and (main := _main_part(title_tag)):
        return TitleChoice(main, "title_tag")
    return TitleChoice(None, None)
