"""Markup pasted into a text page: character references, HTML tags, script
bodies, Markdown links and attribute lists. The renderer escapes whatever
is left, so this is about what readers see; safety does not depend on it.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Callable

from pipeline.cleaners.normalize import normalize_text

Note = Callable[[str, str], None]

_SCRIPT = re.compile(r"<(script|style|iframe|object|embed|noscript)\b.*?(?:</\1\s*>|$)", re.I | re.S)
# the elements of HTML (and SVG's and MathML's roots): a tag of one of them is
# markup; other text between < and > (收入<支出, a<b) is not
_ELEMENTS = (
    "a|abbr|address|applet|area|article|aside|audio|b|base|basefont|bdi|bdo|bgsound|big|blink|blockquote|"
    "body|br|button|canvas|caption|center|cite|code|col|colgroup|data|datalist|dd|del|details|dfn|dialog|"
    "dir|div|dl|dt|em|embed|fieldset|figcaption|figure|font|footer|form|frame|frameset|h[1-6]|head|"
    "header|hgroup|hr|html|i|iframe|image|img|input|ins|isindex|kbd|keygen|label|legend|li|link|listing|"
    "main|map|mark|marquee|math|menu|meta|meter|nav|nobr|noembed|noframes|noscript|object|ol|optgroup|"
    "option|output|p|param|picture|plaintext|pre|progress|q|rp|rt|ruby|s|samp|script|search|section|"
    "select|slot|small|source|span|strike|strong|style|sub|summary|sup|svg|table|tbody|td|template|"
    "textarea|tfoot|th|thead|time|title|tr|track|tt|u|ul|var|video|wbr|xmp"
)
_TAG = re.compile(r"</?(?:" + _ELEMENTS + r")\b[^<>]*>", re.I)
# a character reference with its semicolon (&nbsp; &#8220; &#x4e00;): one
# without it (a URL's &para=2) is left as it is
_REFERENCE = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_MD_LINK = re.compile(r"!?\[([^\]\n]*)\]\((?:[^()\s]|\([^()\s]*\))*\)")
_ATTR_LIST = re.compile(r"\{:?\s*[#.\w-]*\s*[\w-]+\s*=[^{}\n]*\}")


def decode_references(text: str, note: Note) -> str:
    """Character references that a page saved as text still holds (&nbsp;,
    &mdash;, &#8220;): readers would see them as written. Each is decoded,
    until none is left (&amp;lt; is one twice encoded); the white space they
    stand for is then normalized as the page's own is (``normalize_text``).

    >>> decode_references("&nbsp;&nbsp;逾期以后&mdash;先联系银行&#12290;A&amp;amp;B", print)
    markup decoded 5 character references: &nbsp;、&mdash;、&#12290;
    '逾期以后—先联系银行。A&B'
    >>> decode_references("见 https://x.example/?a=1&para=2 与 AT&T。", print)
    '见 https://x.example/?a=1&para=2 与 AT&T。'
    >>> decode_references("&bogus;逾期", print)
    '&bogus;逾期'
    >>> decode_references("逾&#7;期&#0;以&#8203;后&#xFEFF;", lambda *a: None)
    '逾期以后'
    """
    found: list[str] = []

    def decode(match: re.Match[str]) -> str:
        decoded = html.unescape(match.group(0))
        if decoded == match.group(0):
            return decoded
        found.append(match.group(0))
        # a reference to a control or invisible character, or to none (&#0;)
        if decoded in ("\t", "\n"):
            return decoded
        if not decoded or decoded == "\ufffd" or unicodedata.category(decoded[0]) in ("Cc", "Cf"):
            return ""
        return decoded

    text = _REFERENCE.sub(decode, text)
    if not found:
        return text
    count = len(found)
    for _ in range(2):  # what was encoded twice
        text = _REFERENCE.sub(decode, text)
    text = normalize_text(text)
    shown = "、".join(list(dict.fromkeys(found))[:3])
    note("markup", f"decoded {count} character references: {shown}")
    return text


def strip_markup(text: str, note: Note) -> str:
    """
    >>> strip_markup('先别慌。<script>alert("x")</script>核实传票<img src=x onerror="alert(1)">。', print)
    markup removed 2 pieces of HTML: <script>alert("x")</script>、<img src=x onerror="alert(1)">
    '先别慌。核实传票。'
    >>> strip_markup('争取分期还款。[立即领取](javascript:alert(1)){: onclick="alert(2)" }', print)
    markup removed the targets of 1 Markdown links, kept their text
    '争取分期还款。立即领取'

    The finding quotes the first three pieces, each cut at 40 characters:

    >>> tag, found = '<span title="{}">', []
    >>> page = tag.format("x" * 25) + "正文" + tag.format("y" * 26) + "二</span></span>"
    >>> strip_markup(page, lambda kind, message: found.append(message))
    '正文二'
    >>> found[0].split(": ")[0], [(len(p), p[-2:]) for p in found[0].split(": ")[1].split("、")]
    ('removed 4 pieces of HTML', [(40, '">'), (40, 'y…'), (7, 'n>')])
    >>> strip_markup("收入>支出时才有余力，a<b 也可以写。", lambda *a: None)
    '收入>支出时才有余力，a<b 也可以写。'
    """
    text = decode_references(text, note)
    removed: list[str] = []

    def drop(match: re.Match[str]) -> str:
        removed.append(match.group(0))
        return ""

    text = _SCRIPT.sub(drop, text)
    text = _TAG.sub(drop, text)
    if removed:
        shown = "、".join(r if len(r) <= 40 else r[:39] + "…" for r in removed[:3])
        note("markup", f"removed {len(removed)} pieces of HTML: {shown}")
    links: list[str] = []

    def unlink(match: re.Match[str]) -> str:
        links.append(match.group(0))
        return match.group(1)

    text = _MD_LINK.sub(unlink, text)
    text = _ATTR_LIST.sub(drop, text)
    if links:
        note("markup", f"removed the targets of {len(links)} Markdown links, kept their text")
    return text
