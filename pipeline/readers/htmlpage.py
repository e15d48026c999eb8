"""Main-content extraction from Chinese article pages with beautifulsoup4 + lxml.

The article container is found the way readability does it: every paragraph
gives its text length to its parent and half of it to its grandparent, link
text counts against, and the best-scoring element wins. Its blocks come out
one per line, headings remembered, lists as ``- `` items; lists that are
mostly links (related articles, tag clouds) are dropped.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from bs4 import BeautifulSoup, NavigableString, Tag

_DROP_TAGS = [
    "script",
    "style",
    "noscript",
    "iframe",
    "form",
    "nav",
    "header",
    "footer",
    "aside",
    "template",
    "svg",
    "button",
    "input",
    "select",
    "textarea",
    "object",
    "embed",
    "canvas",
    "link",
    "meta",
]
_CHROME_TOKENS = {
    "nav",
    "navbar",
    "menu",
    "sidebar",
    "side",
    "footer",
    "foot",
    "header",
    "comment",
    "comments",
    "breadcrumb",
    "crumb",
    "share",
    "related",
    "recommend",
    "relate",
    "ad",
    "ads",
    "advert",
    "banner",
    "copyright",
    "login",
    "toolbar",
    "pager",
    "pagination",
    "hot",
    "rank",
    "tags",
}
_TOKEN_SPLIT = re.compile(r"[\s_\-]+")
_BLOCKS = {"p", "li", "blockquote", "pre", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "tr"}
_CONTAINERS = {
    "div",
    "section",
    "article",
    "main",
    "body",
    "td",
    "ul",
    "ol",
    "dl",
    "table",
    "tbody",
    "thead",
    "center",
    "font",
    "span",
}
_TITLE_SUFFIX = re.compile(r"\s*[_|｜\-–—]\s*[^_|｜\-–—]{1,30}$")


@dataclass
class ExtractedPage:
    title: str | None
    text: str
    headings: list[str] = field(default_factory=list)


def _is_chrome(tag: Tag) -> bool:
    classes: object = tag.get("class") or []
    attrs = f"{tag.get('id') or ''} {' '.join(classes) if isinstance(classes, list) else classes}"
    tokens = {t.lower() for t in _TOKEN_SPLIT.split(attrs) if t}
    return bool(tokens & _CHROME_TOKENS)


def _text(tag: Tag) -> str:
    return re.sub(r"\s+", " ", tag.get_text(" ", strip=True)).strip()


def _link_density(tag: Tag) -> float:
    total = len(_text(tag))
    if not total:
        return 0.0
    linked = sum(len(_text(a)) for a in tag.find_all("a"))
    return linked / total


def _page_title(soup: BeautifulSoup) -> str | None:
    h1 = soup.find("h1")
    if isinstance(h1, Tag) and _text(h1):
        return _text(h1)
    og = soup.find("meta", attrs={"property": "og:title"})
    if isinstance(og, Tag) and og.get("content"):
        return str(og["content"]).strip()
    if soup.title and soup.title.string:
        return _TITLE_SUFFIX.sub("", soup.title.string.strip()) or None
    return None


def _direct_text(tag: Tag) -> str:
    return "".join(str(s) for s in tag.children if isinstance(s, NavigableString)).strip()


def _best_container(body: Tag) -> Tag:
    """The element holding the article: each paragraph (a <p>, or a <div> or
    <td> with text of its own) scores its length, less its links, for its
    parent and half of it for the grandparent; an element whose own text is
    broken by <br> holds its paragraphs itself."""
    scores: dict[int, float] = defaultdict(float)
    by_id: dict[int, Tag] = {}
    for el in body.find_all(["p", "div", "td", "section", "article"]):
        text = _text(el) if el.name == "p" else _direct_text(el)
        if len(text) < 10:
            continue
        weight = len(text) * (1 - _link_density(el))
        holds_itself = el.name != "p" and el.find("br") is not None
        node = el if holds_itself else el.parent
        for share, target in ((1.0, node), (0.5, node.parent if node else None)):
            if isinstance(target, Tag):
                scores[id(target)] += weight * share
                by_id[id(target)] = target
    if not scores:
        return body
    return by_id[max(scores, key=lambda k: scores[k])]


def _emit(node: Tag, blocks: list[str], headings: list[str]) -> None:
    inline: list[str] = []

    def flush() -> None:
        text = re.sub(r"\s+", " ", "".join(inline)).strip()
        if text:
            blocks.append(text)
        inline.clear()

    for child in node.children:
        if isinstance(child, NavigableString):
            if child.__class__.__name__ in ("Comment", "Doctype", "Declaration", "ProcessingInstruction"):
                continue
            inline.append(str(child))
            continue
        if not isinstance(child, Tag):
            continue
        name = child.name
        if name == "br":
            flush()
        elif name in ("ul", "ol") and _link_density(child) > 0.6:
            flush()  # a list of links: related articles, not the article
        elif name in _BLOCKS:
            flush()
            if name == "li":
                text = _text(child)
                if text:
                    blocks.append(f"- {text}")
            elif name in ("p", "blockquote", "pre", "dt", "dd", "tr") and child.find(
                ["p", "div", "ul", "ol", "table"]
            ):
                _emit(child, blocks, headings)
            else:
                text = _text(child)
                if text:
                    blocks.append(text)
                    if name[0] == "h" and name[1:].isdigit():
                        headings.append(text)
        elif name in _CONTAINERS and child.find([*_BLOCKS, "br", "div"]):
            flush()
            _emit(child, blocks, headings)
            flush()
        elif name in _CONTAINERS and name not in ("span", "font"):
            # a <div> paragraph: a block of its own
            flush()
            text = _text(child)
            if text:
                blocks.append(text)
        else:
            inline.append(child.get_text(" "))
    flush()


def extract_html(html: str) -> ExtractedPage:
    """Title and article text of an HTML page.

    >>> page = extract_html('<title>协商流程_某某网</title><nav>首页</nav>'
    ...     '<div class="content"><h2>一、准备材料</h2><p>身份证件和还款能力证明。</p></div>')
    >>> page.title, page.text, page.headings
    ('协商流程', '一、准备材料\\n\\n身份证件和还款能力证明。', ['一、准备材料'])
    """
    soup = BeautifulSoup(html, "lxml")
    title = _page_title(soup)
    for tag in soup.find_all(_DROP_TAGS):
        tag.decompose()
    for tag in soup.find_all(True):
        if (
            isinstance(tag, Tag)
            and tag.attrs is not None
            and tag.name not in ("html", "body")
            and _is_chrome(tag)
        ):
            tag.decompose()
    body = soup.body or soup
    container = _best_container(body)
    blocks: list[str] = []
    headings: list[str] = []
    _emit(container, blocks, headings)
    if title and blocks and blocks[0] == title:
        blocks = blocks[1:]
    return ExtractedPage(title=title, text="\n\n".join(blocks), headings=headings)
