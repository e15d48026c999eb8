"""Values that come from scraped pages, checked where they enter and encoded
where they are written.

Everything a page gives us is untrusted: its title, the description taken
from its first paragraph, its URL, its file name, its text. Material's
templates print front-matter values into ``<title>``, ``<meta>`` attributes,
the header, the footer's previous/next links and the tags page as they are,
so a value that reaches the front matter must already be harmless there:

- a title or description is one line of plain text of bounded length, with
  no markup and no character that HTML or an attribute would read (``<``,
  ``>``, ``"``, and no character reference left to decode: Jinja's
  ``striptags`` decodes references, so ``&lt;`` would come back as ``<``);
- a date (a guide's ``updated``) is a real calendar date written
  YYYY-MM-DD, or nothing;
- a URL is http(s), with nothing in it that could end the attribute or the
  Markdown link it is written into, and no contact details;
- text written into Markdown goes through ``guide.md_text``; a link target
  we generate is a percent-encoded path or one of these URLs.

The same checks run again at build time on every page's front matter
(``overrides/hooks/page_meta.py``), so a hand-edited guide or one written by
an older version of the pipeline is held to them too.
"""

from __future__ import annotations

import datetime
import html
import re
import unicodedata
from urllib.parse import quote, unquote, urlsplit, urlunsplit

from pipeline import personal_data

TITLE_MAX = 80
DESCRIPTION_MAX = 160

# anything shaped like a tag, a comment or a declaration; script bodies
_SCRIPT = re.compile(r"<(script|style)\b.*?(?:</\1\s*>|$)", re.I | re.S)
_TAG = re.compile(r"<(?:[A-Za-z/!?][^<>]*>?|$)")
_SPACES = re.compile(r"\s+")
_QUOTES = re.compile(r'"([^"]*)"')


def _decode_references(text: str) -> str:
    """Character references decoded until none is left, so that no decoder
    later in the chain (Jinja's ``striptags``, a browser) finds one."""
    for _ in range(5):
        decoded = html.unescape(text)
        if decoded == text:
            return text
        text = decoded
    return text.replace("&", "＆")


def plain_line(value: object, limit: int = TITLE_MAX) -> str:
    """One line of plain text, safe to print as HTML text or inside a
    double-quoted attribute, at most ``limit`` characters.

    >>> plain_line('逾期还款<details open ontoggle=alert(1)>')
    '逾期还款'
    >>> plain_line('&lt;img src=x onerror=alert(1)&gt;花呗逾期')
    '花呗逾期'
    >>> plain_line('说"协商"是 "><svg onload=alert(1)> 收入<支出')
    '说“协商”是 ＂＞ 收入＜支出'
    >>> plain_line("第一行\\n第二行\\u200b", 6)
    '第一行 第…'

    Invisible and control characters become spaces:

    >>> plain_line("逾期\\u200b还款\\x07了\\u2029")
    '逾期 还款 了'
    """
    text = _decode_references(str(value or ""))
    text = _TAG.sub("", _SCRIPT.sub("", text))
    # isprintable: none of them (nor any other control or separator but
    # the space) in the line, the common case, seen without a look at each
    if not text.isprintable():
        text = "".join(" " if unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp") else c for c in text)
    text = _SPACES.sub(" ", text).strip()
    text = _QUOTES.sub(r"“\1”", text).replace('"', "＂")
    text = text.replace("<", "＜").replace(">", "＞").replace("`", "＇")
    if len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    return text


def is_plain_line(value: str) -> bool:
    """
    >>> is_plain_line("逾期怎么办"), is_plain_line("a<b"), is_plain_line("&lt;b")
    (True, False, False)
    """
    return not re.search(r'[<>"`\n]', value) and html.unescape(value) == value


def iso_date(value: object) -> str | None:
    """A date as YYYY-MM-DD: from that text, or from a date YAML read from
    an unquoted 2026-11-29; anything else is not a date: ``None``.

    >>> iso_date("2026-11-29"), iso_date(datetime.date(2026, 2, 1))
    ('2026-11-29', '2026-02-01')
    >>> iso_date(datetime.datetime(2026, 2, 1, 9, 30))
    '2026-02-01'
    >>> iso_date("2026-02-30"), iso_date("2026-11-29</lastmod><x>"), iso_date(20261129)
    (None, None, None)
    """
    if isinstance(value, datetime.datetime):
        value = value.date()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return None
    try:
        return datetime.date.fromisoformat(value).isoformat()
    except ValueError:
        return None


_HOST = re.compile(r"^[A-Za-z0-9.-]+(?::\d{1,5})?$")


def public_url(url: object) -> str | None:
    """The address of a page as a reader may follow it: http(s) only,
    percent-encoded, without user names. An address that carries contact
    details (a phone number in the path, an e-mail in the query) is cut
    back to its site. Anything else is not a link: ``None``.

    >>> public_url("https://news.example.com/a/1?x=协商")
    'https://news.example.com/a/1?x=%E5%8D%8F%E5%95%86'
    >>> public_url("javascript:alert(1)"), public_url("//evil.example/x"), public_url("https://a@b.com/")
    (None, None, None)
    >>> public_url('https://x.example/a"onmouseover="alert(1)')
    'https://x.example/a%22onmouseover=%22alert%281%29'
    >>> public_url("https://x.example/call/13812345678"), public_url("https://x.example/a#tel:13812345678")
    ('https://x.example/', 'https://x.example/')
    >>> public_url("HTTP://X.example/a?q=1#s?x=协:1")
    'http://x.example/a?q=1#s?x=%E5%8D%8F:1'

    Control and format characters and any white space make an address
    suspect (a zero-width space can hide a different host):

    >>> [public_url(f"https://x.example/a{c}b") for c in "\\x00\\u200b \\u2028\\u2029"]
    [None, None, None, None, None]
    """
    if not isinstance(url, str):
        return None
    url = url.strip()
    if not url or any(unicodedata.category(c) in ("Cc", "Cf", "Zs", "Zl", "Zp") for c in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    # a host name and a port only: no user name, no password
    if parts.scheme.lower() not in ("http", "https") or not _HOST.match(parts.netloc):
        return None
    scheme, host = parts.scheme.lower(), parts.netloc.lower()
    parts_read = (unquote(part) for part in (parts.path, parts.query, parts.fragment))
    if any(next(personal_data.find(part), None) for part in parts_read):
        return f"{scheme}://{host}/"
    # quote what is not already a safe URL character; %XX stays as it is
    safe = "/:@!$&*+,;=-._~%"
    path = quote(parts.path, safe=safe)
    query = quote(parts.query, safe=safe + "?")
    fragment = quote(parts.fragment, safe=safe + "?")
    return urlunsplit((scheme, host, path, query, fragment))


def site_name(url: str) -> str:
    """
    >>> site_name("https://www.example.com/a/1")
    'www.example.com'
    """
    return urlsplit(url).netloc
