"""Main-content extraction from Chinese article pages, on lxml's HTML tree.

The article container is found the way readability does it: every paragraph
gives its text length to its parent and half of it to its grandparent, link
text counts against, and the best-scoring element wins. Its blocks come out
one per line, headings remembered, lists as ``- `` items; lists that are
mostly links (related articles, tag clouds) are dropped. A data table comes
out as rows (``pipeline.tables``); a table that lays out the page or the
article is read as the blocks it holds.

The tree is lxml's own: building BeautifulSoup's tree over it took about
0.8 ms of the 2.6 ms a page took, and the walk over bs4's elements most of
the rest (``benchmarks/throughput.py``). Text is gathered the way bs4's
``get_text(" ", strip=True)`` does, so the output did not change.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field

import lxml.html
from lxml import etree
from lxml.etree import ParserError
from lxml.html import HtmlElement

from pipeline.headline import key
from pipeline.readers.titles import LONG, choose_title, page_lines
from pipeline.record import Rejected
from pipeline.tables import neutralize, row_line
from pipeline.untrusted import plain_line

_DROP_TAGS = [
    "script",
    "style",
    "noscript",
    "iframe",
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
# an element holding this share of the page's text is the article's
MOST = 0.5
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


@dataclass
class ExtractedPage:
    title: str | None
    text: str
    headings: list[str] = field(default_factory=list)
    # the address the page gives for itself (canonical link, og:url), unchecked
    url: str | None = None
    # what extraction did that an editor should know
    notes: list[str] = field(default_factory=list)
    # how the title was chosen (see pipeline.readers.titles)
    title_how: str | None = None


_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_SPACES = re.compile(r"\s+")


def _is_chrome(el: HtmlElement) -> bool:
    attrs = f"{el.get('id') or ''} {el.get('class') or ''}"
    tokens = {t.lower() for t in _TOKEN_SPLIT.split(attrs) if t}
    return bool(tokens & _CHROME_TOKENS)


def _strings(el: HtmlElement) -> Iterator[str]:
    """The text pieces inside ``el``, in document order (not its tail)."""
    if el.text:
        yield el.text
    for child in el:
        yield from _strings(child)
        if child.tail:
            yield child.tail


def _text(el: HtmlElement) -> str:
    """bs4's ``get_text(" ", strip=True)``, white space collapsed."""
    return _SPACES.sub(" ", " ".join(p for p in (s.strip() for s in _strings(el)) if p)).strip()


def _link_density(el: HtmlElement) -> float:
    total = len(_text(el))
    if not total:
        return 0.0
    linked = sum(len(_text(a)) for a in el.iterdescendants("a"))
    return linked / total


# a block's end marks when it holds a sentence of its own
_SENTENCE_END = re.compile(r"[。！？!?]")
# a block whose text is mostly its links' text
LINKED = 0.6
# a table's cells and row groups: a row of linked names is still a row
_CELLS = {"td", "th", "tbody", "thead", "tfoot", "tr"}


def _is_link_block(el: HtmlElement) -> bool:
    """A block inside the article that is navigation, not text: mostly
    link text, with several links (lists of other articles under their
    headings, an app's promotion boxes) or with one link and no sentence
    (更多精彩资讯请点击 某某网). A paragraph with a linked word or two stays.

    >>> box = "<div><b>要闻</b><p><a>沪指重挫</a></p><p><a>券商齐聚</a></p></div>"
    >>> _is_link_block(_parse(box).find(".//div"))
    True
    >>> _is_link_block(_parse("<div>详见<a>《征信业管理条例》</a>第十六条的规定。</div>").find(".//div"))
    False
    """
    links = sum(1 for a in el.iterdescendants("a") if _text(a))
    if not links or _link_density(el) <= LINKED:
        return False
    return links >= 2 or not _SENTENCE_END.search(_text(el))


def _prose_by_element(root: HtmlElement) -> dict[HtmlElement, float]:
    """How much prose each element holds: the text of its paragraphs
    (``<p>`` of 10 characters or more), less their links."""
    held: dict[HtmlElement, float] = defaultdict(float)
    for p in root.iter("p"):
        text = p.text_content()
        if len(text.strip()) < 10:
            continue
        linked = sum(len(a.text_content()) for a in p.iter("a"))
        weight = max(len(text) - linked, 0)
        held[p] += weight
        for ancestor in p.iterancestors():
            held[ancestor] += weight
    return held


def _has_descendant(el: HtmlElement, *tags: str) -> bool:
    return next(el.iterdescendants(*tags), None) is not None


def _page_names(root: HtmlElement) -> tuple[str | None, str | None]:
    """What the page's head calls it: ``<title>`` and ``og:title``."""
    og = next(
        (
            str(meta.get("content")).strip()
            for meta in root.iter("meta")
            if meta.get("property") in ("og:title", "twitter:title") and (meta.get("content") or "").strip()
        ),
        None,
    )
    title = next(root.iter("title"), None)
    # markup written into them as text (entity-encoded) is not their wording
    text = plain_line(title.text_content(), LONG) if title is not None else ""
    return text or None, plain_line(og, LONG) or None if og else None


def _direct_text(el: HtmlElement) -> str:
    return ((el.text or "") + "".join(child.tail or "" for child in el)).strip()


def _best_container(body: HtmlElement) -> HtmlElement:
    """The element holding the article: each paragraph (a <p>, or a <div> or
    <td> with text of its own) scores its length, less its links, for its
    parent and half of it for the grandparent; an element whose own text is
    broken by <br> holds its paragraphs itself."""
    scores: dict[int, float] = defaultdict(float)
    by_id: dict[int, HtmlElement] = {}
    for el in body.iterdescendants("p", "div", "td", "section", "article"):
        text = _text(el) if el.tag == "p" else _direct_text(el)
        if len(text) < 10:
            continue
        weight = len(text) * (1 - _link_density(el))
        holds_itself = el.tag != "p" and _has_descendant(el, "br")
        node = el if holds_itself else el.getparent()
        for share, target in ((1.0, node), (0.5, node.getparent() if node is not None else None)):
            if target is not None:
                scores[id(target)] += weight * share
                by_id[id(target)] = target
    if not scores:
        return body
    return by_id[max(scores, key=lambda k: scores[k])]


# A table is data, not layout, when its cells hold no more text than this
# and no block content (lists, headings, a table, paragraphs of prose): old
# sites put the whole page, or the article, in the cells of a layout table.
CELL_MAX = 100
# a cell of two or more paragraphs (<p>, <div>) holding more text than this
# holds prose; shorter, they are the lines of one cell (工作日 / 9:00-18:00)
CELL_LINES_MAX = 40
MAX_COLUMNS = 20
# a table mostly of links is navigation (a grid of related articles)
TABLE_LINKS_MAX = 0.5
_CELL_BLOCKS = ("table", "ul", "ol", "dl", "blockquote", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "form")
_SECTIONS = ("thead", "tbody", "tfoot")
_SECTION_ORDER = {"thead": 0, "tfoot": 2}


def _span(value: str | None, most: int, zero: int = 1) -> int:
    """A colspan or rowspan as a count from 1 to ``most``; nonsense is 1,
    and 0 is ``zero`` (a rowspan of 0 runs to the end of the table).

    >>> _span("3", 20), _span("999", 20), _span("x", 20), _span("0", 20), _span("0", 5, zero=5)
    (3, 20, 1, 1, 5)
    """
    try:
        n = int(str(value).strip())
    except ValueError:
        return 1
    return zero if n == 0 else max(1, min(n, most))


def _cell_text(cell: HtmlElement) -> str | None:
    """A cell's text, or None when the cell holds layout: a long text,
    paragraphs of prose or block content."""
    if _has_descendant(cell, *_CELL_BLOCKS):
        return None
    text = _text(cell)
    if len(text) > CELL_MAX:
        return None
    if len(text) > CELL_LINES_MAX and sum(1 for _ in cell.iterdescendants("p", "div")) >= 2:
        return None
    return text


def table_blocks(table: HtmlElement) -> list[str] | None:
    """A data table as blocks of the article: its caption (``<caption>``,
    or a row of one cell above the others) and notes (a row of one cell
    below them) as lines of text, its rows as one block of rows
    (``pipeline.tables``); None for a table that is not data (layout,
    navigation, fewer than two rows of two cells), to be read as the blocks
    it holds.

    A cell spanning rows or columns is written once, in its first row and
    column, and leaves the others empty, so every row has as many cells and
    no text is printed more often than the page prints it (repeating a
    spanning cell made the real-page text less like its gold). The first
    row is the header (a ``<thead>`` or ``<th>`` row, or whatever comes
    first).

    >>> table = _parse("<table><caption>罚息</caption><tr><th>逾期天数</th><th>罚息</th></tr>"
    ...     "<tr><td rowspan=2>逾期</td><td>万分之五</td></tr><tr><td>万分之七</td></tr></table>")
    >>> table_blocks(table.find(".//table"))
    ['罚息', '␝逾期天数␟罚息\\n␞逾期␟万分之五\\n␞␟万分之七']
    >>> layout = _parse("<table><tr><td><p>第一段。</p><p>第二段。</p></td><td>侧栏</td></tr></table>")
    >>> table_blocks(layout.find(".//table")) is None
    True
    """
    if _has_descendant(table, "table") or _link_density(table) > TABLE_LINKS_MAX:
        return None
    # the header group first and the footer group last, wherever the page
    # put them (HTML 4 put <tfoot> before <tbody>)
    trs = sorted(table.iter("tr"), key=lambda tr: _SECTION_ORDER.get(tr.getparent().tag, 1))
    pending: dict[int, int] = {}  # column → rows left of a cell spanning rows
    grid: list[tuple[list[str], int]] = []  # each row's cells, and how many are its own
    for number, tr in enumerate(trs):
        row: list[str] = []
        own = [c for c in tr if c.tag in ("td", "th")]
        from_above = 0
        for cell in own:
            from_above += _fill_spanned(row, pending)
            text = _cell_text(cell)
            if text is None:
                return None
            columns = _span(cell.get("colspan"), MAX_COLUMNS)
            down = _span(cell.get("rowspan"), len(trs) - number, zero=len(trs) - number)
            if down > 1:
                for k in range(columns):
                    pending[len(row) + k] = down - 1
            row += [text] + [""] * (columns - 1)
        # columns that a cell above still fills, after this row's own cells
        while pending and len(row) <= max(pending):
            from_above += _fill_spanned(row, pending)
            if pending and len(row) < max(pending):
                row.append("")
        if len(row) > MAX_COLUMNS:
            return None
        if any(row):
            grid.append((row, len(own) + from_above))
    width = max((len(row) for row, _ in grid), default=0)
    before = [_text(c) for c in table.iterchildren("caption")]
    after: list[str] = []
    # a row of one cell across the table: a caption above, a note below
    while grid and grid[0][1] == 1 and width > 1:
        before.append(grid.pop(0)[0][0])
    while grid and grid[-1][1] == 1 and width > 1:
        after.insert(0, grid.pop()[0][0])
    if width < 2 or sum(sum(1 for c in row if c) >= 2 for row, _ in grid) < 2:
        return None
    rows = [row_line(row + [""] * (width - len(row)), header=n == 0) for n, (row, _) in enumerate(grid)]
    return [t for t in before if t] + ["\n".join(rows)] + [t for t in after if t]


def _fill_spanned(row: list[str], pending: dict[int, int]) -> int:
    """Empty cells where cells of rows above span into ``row``; how many."""
    filled = 0
    while len(row) in pending:
        left = pending.pop(len(row))
        if left > 1:
            pending[len(row)] = left - 1
        row.append("")
        filled += 1
    return filled


def _table_of(container: HtmlElement) -> HtmlElement | None:
    """The table that ``container`` is (or is a row or row group of)."""
    if container.tag == "table":
        return container
    if container.tag in (*_SECTIONS, "tr"):
        return next(container.iterancestors("table"), None)
    return None


def _emit(node: HtmlElement, blocks: list[str], headings: list[str]) -> None:
    inline: list[str] = []

    def flush() -> None:
        text = _SPACES.sub(" ", "".join(inline)).strip()
        if text:
            blocks.append(text)
        inline.clear()

    if node.text:
        inline.append(node.text)
    for child in node:
        name = child.tag
        if name == "br":
            flush()
        elif name in ("ul", "ol") and _link_density(child) > LINKED:
            flush()  # a list of links: related articles, not the article
        elif name == "table" and (table := table_blocks(child)) is not None:
            flush()
            blocks.extend(table)
        elif name in _CONTAINERS and name not in _CELLS and _is_link_block(child):
            flush()  # a box of links: other articles, a promotion
        elif name in _BLOCKS:
            flush()
            if name == "li":
                text = _text(child)
                if text:
                    blocks.append(f"- {text}")
            elif name in ("p", "blockquote", "pre", "dt", "dd", "tr") and _has_descendant(
                child, "p", "div", "ul", "ol", "table"
            ):
                _emit(child, blocks, headings)
            else:
                text = _text(child)
                if text:
                    blocks.append(text)
                    if name[0] == "h" and name[1:].isdigit():
                        headings.append(text)
        elif name in _CONTAINERS and _has_descendant(child, *_BLOCKS, "br", "div"):
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
            inline.append(" ".join(_strings(child)))
        if child.tail:
            inline.append(child.tail)
    flush()


# huge_tree: libxml2 otherwise stops nesting at 255 levels and drops the text
# below them without a word (pages made of thousands of nested <div>s exist)
_PARSER = lxml.html.HTMLParser(huge_tree=True)


def _parse(html: str) -> HtmlElement | None:
    try:
        return lxml.html.document_fromstring(_XML_DECLARATION.sub("", html, count=1), parser=_PARSER)
    except (ParserError, ValueError):
        return None  # nothing but white space, or nothing lxml can read


def extract_html(html: str) -> ExtractedPage:
    """Title and article text of an HTML page.

    >>> page = extract_html('<title>协商流程_某某网</title><nav>首页</nav>'
    ...     '<div class="content"><h2>一、准备材料</h2><p>身份证件和还款能力证明。</p></div>')
    >>> page.title, page.text, page.headings
    ('协商流程', '一、准备材料\\n\\n身份证件和还款能力证明。', ['一、准备材料'])
    """
    notes = []
    # the page's own text never holds a row: only a <table> makes one
    html = neutralize(html)
    html, collapsed = _collapse_wrapper_runs(html)
    if collapsed:
        notes.append(f"collapsed {collapsed} runs of hundreds of nested wrapper tags before parsing")
    root = _parse(html)
    if root is None:
        return ExtractedPage(title=None, text="", notes=notes)
    _flatten_deep_nesting(root)
    # comments and processing instructions are not text; their tails are
    for junk in root.xpath("//comment() | //processing-instruction()"):
        if junk.getparent() is not None:
            junk.drop_tree()
    title_tag, og_title = _page_names(root)
    lines = page_lines(root)
    url = _page_url(root)
    for el in list(root.iter(*_DROP_TAGS)):
        el.drop_tree()
    page_chars = len(root.text_content())
    for el in list(root.iter("form")):
        # a search or login box goes; an ASP.NET page's <form> around the
        # whole page stays
        if len(el.text_content()) < page_chars * MOST:
            el.drop_tree()
    prose = _prose_by_element(root)
    total = prose.get(root, 0.0)
    for el in list(root.iter()):
        if el.tag not in ("html", "body") and isinstance(el.tag, str) and _is_chrome(el):
            if total and prose.get(el, 0.0) >= total * MOST:
                # a class such as post_header or js_img_share_area on the
                # element that holds most of the page's prose: the article
                name = el.get("class") or el.get("id")
                notes.append(f"kept <{el.tag} {name!r}> despite its name: it holds the article")
                continue
            el.drop_tree()
    body = root.find("body")
    container = _best_container(body if body is not None else root)
    blocks: list[str] = []
    headings: list[str] = []
    table = _table_of(container)
    read = table_blocks(table) if table is not None else None
    if read is not None:
        # the article is a data table (or most of it is): the whole table
        blocks = read
    else:
        _emit(container, blocks, headings)
    choice = choose_title(lines, container, title_tag, og_title)
    title = choice.title
    if title and blocks and key(blocks[0]) == key(title):
        blocks = blocks[1:]
    return ExtractedPage(
        title=title, text="\n\n".join(blocks), headings=headings, url=url, notes=notes, title_how=choice.how
    )


_HTTP = re.compile(r"\s*https?://", re.I)


# Deeper than this, the tree is walked with Python recursion no more.
MAX_DEPTH = 300
_WRAPPERS = ("div", "span", "section", "font", "center", "article", "main", "b", "i", "em", "strong")


# libxml2 reads at most 2,048 levels even with huge_tree and drops what is
# deeper without a word; a run of hundreds of bare wrapper tags is collapsed
# to one before parsing (its closing run too), which keeps the text
_WRAPPER_RUN = re.compile(
    r"(?:<(?:div|span|font|section|center|b|i|em|strong)>\s*){200,}"
    r"|(?:</(?:div|span|font|section|center|b|i|em|strong)>\s*){200,}",
    re.I,
)
# libxml2's own limit: a tree this deep may have lost what was below it
PARSER_DEPTH = 2045


def _collapse_wrapper_runs(html: str) -> tuple[str, int]:
    """
    >>> _collapse_wrapper_runs("<div><b>" * 300 + "正文" + "</b></div>" * 300)
    ('<div>正文</div>', 2)
    """
    count = 0

    def one(match: re.Match[str]) -> str:
        nonlocal count
        count += 1
        return "</div>" if match.group(0).startswith("</") else "<div>"

    return _WRAPPER_RUN.sub(one, html), count


def _depth(root: HtmlElement) -> int:
    deepest = depth = 0
    for event, _ in etree.iterwalk(root, events=("start", "end")):
        depth += 1 if event == "start" else -1
        deepest = max(deepest, depth)
    return deepest


def _flatten_deep_nesting(root: HtmlElement) -> None:
    """A page nested thousands of levels deep (wrappers around wrappers)
    keeps its text: a wrapper whose only content is one element goes, its
    content stays. A page still too deep after that is not an article page.

    >>> root = _parse("<body>" + "<div>" * 1000 + "<p>正文</p>" + "</div>" * 1000 + "</body>")
    >>> _flatten_deep_nesting(root); _depth(root) < 10
    True
    """
    depth = _depth(root)
    if depth >= PARSER_DEPTH:
        raise Rejected(f"the HTML is nested {depth}+ levels deep; the parser does not read below that")
    if depth <= MAX_DEPTH:
        return
    for el in list(root.iter(*_WRAPPERS)):
        if (
            len(el) == 1
            and not (el.text or "").strip()
            and not (el[0].tail or "").strip()
            and el.getparent() is not None
        ):
            el.drop_tag()
    depth = _depth(root)
    if depth > MAX_DEPTH:
        raise Rejected(f"the HTML is nested {depth} levels deep, more than an article page ({MAX_DEPTH})")


def _page_url(root: HtmlElement) -> str | None:
    """
    >>> _page_url(_parse('<link rel="canonical" href="https://a.example/1"><p>x</p>'))
    'https://a.example/1'
    """
    candidates = [
        link.get("href")
        for link in root.iter("link")
        if "canonical" in (link.get("rel") or "").lower().split()
    ]
    candidates += [meta.get("content") for meta in root.iter("meta") if meta.get("property") == "og:url"]
    # the first that is an address at all; pipeline.untrusted checks it
    return next((str(c).strip() for c in candidates if c and _HTTP.match(c)), None)
