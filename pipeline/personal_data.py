"""What personal contact details look like in scraped Chinese pages, and how
they are found and masked.

Scrapers and spammers write the same number many ways: full-width digits
(１３８１２３４５６７８), separators inside it (138.1234.5678,
138 - 1234 - 5678, (010)87654321), labels without a colon (加微信abc_12345,
Q Q：678901234) and disguised e-mail (lisi＠163.com, wangwu [at] gmail.com).
Matching runs on a folded copy of the text: full-width forms become ASCII
one character for one, so a match's position is the same in the original,
and only the matched span is replaced there; the rest of the text, full-width
punctuation included, is left as it was.

This module has no dependencies inside the package, so that every place that
writes something down (findings, records, ``explain``) can redact with it.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

# full-width ASCII variants (！ to ～) and the ideographic space, one for one
_FOLD = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}


def fold(text: str) -> str:
    """Full-width letters, digits and signs as ASCII, the length unchanged.

    >>> fold("１３８：Ｑｑ＠（）")
    '138:Qq@()'
    """
    return text.translate(_FOLD)


_D = r"(?<![\dA-Za-z])"  # not inside a longer number or word
_E = r"(?![\dA-Za-z])"
# a separator inside a number: a space, or a dash or dot with a space either side
_S = r"(?:[ \t]?[-.·—–][ \t]?|[ \t])?"
# a number followed by a unit is an amount or a count, not a phone number
_NOT_AMOUNT = r"(?![ \t]?(?:元|万|亿|块|千|百|多|余|笔|次|人|户|个|件|天|年|%))"
# WeChat IDs: 6 to 20 characters, a letter first
_WX_ID = r"[A-Za-z][-_A-Za-z0-9]{5,19}" + _E

PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    (
        "email",
        re.compile(
            r"[A-Za-z0-9._%+-]+[ \t]*(?:@|\[at\]|\(at\)|\{at\})[ \t]*"
            r"[A-Za-z0-9-]+(?:[ \t]*(?:\.|\[dot\]|\(dot\))[ \t]*[A-Za-z0-9-]+)*"
            r"(?:\.|\[dot\]|\(dot\))[A-Za-z]{2,}" + _E,
            re.I,
        ),
    ),
    (
        "id_card",
        re.compile(
            _D
            + r"[1-9]\d{5}"
            + _S
            + r"(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])"
            + _S
            + r"\d{3}[\dXx]"
            + _E
        ),
    ),
    ("bank_card", re.compile(_D + r"(?:62|4\d|5[1-5])\d{2}(?:[ -]?\d{4}){2,3}(?:[ -]?\d{1,3})?" + _E)),
    (
        "mobile",
        re.compile(
            _D + r"(?:(?:\+|00)?86[ \t]?-?[ \t]?)?1[3-9]\d" + _S + r"\d{4}" + _S + r"\d{4}" + _E + _NOT_AMOUNT
        ),
    ),
    (
        "landline",
        re.compile(_D + r"(?:\(0\d{2,3}\)|0\d{2,3})" + _S + r"\d{3,4}" + _S + r"\d{4}" + _E + _NOT_AMOUNT),
    ),
    # company hotlines: removed unless allowed, since fake "customer service"
    # numbers are how many scams start
    ("service_line", re.compile(_D + r"[48]00" + _S + r"\d{3}" + _S + r"\d{4}" + _E + _NOT_AMOUNT)),
    (
        "qq",
        re.compile(
            r"(?i)(?:(?:q[ \t]?q|扣扣|企鹅)(?:号码?|群)?[ \t]*[:=]?[ \t]*"
            r"|(?:加|\+)[ \t]?q[ \t]*:?[ \t]*"
            r"|(?<![A-Za-z])q[ \t]*:[ \t]*)"
            r"[1-9]\d{4,11}" + _E
        ),
    ),
    (
        "wechat",
        re.compile(
            r"(?:(?:微信|威信|薇信|[Vv]信|(?<![A-Za-z])(?:vx|VX|Vx|wx|WX|Wx|weixin|wechat|WeChat))号?"
            r"(?P<sep>[ \t]*[:=][ \t]*|[ \t]*)"
            r"|(?<![A-Za-z])[Vv](?P<vsep>[ \t]*:[ \t]*)"
            r"|加[ \t]?[Vv](?P<asep>[ \t]*:?[ \t]*))"
            r"(?P<id>" + _WX_ID + ")"
        ),
    ),
]

# What every pattern above needs, so that a text with none of it is not
# searched (most findings and lines hold no contact data, and searching
# them was a tenth of the cleaning time): five digits (the shortest number,
# a QQ number, has five); an @, [at], (at) or {at} (e-mail); or 微信, 威信,
# 薇信, V信, or a V or W that no Latin letter comes before (the labels of
# WeChat IDs: vx, wx, weixin, wechat, v:, 加V). Each is written with its
# full-width forms too, so the look works on a text before it is folded and
# the folding is spared for the texts it skips. It opens with a look at the
# character each of them starts with, so that the engine passes over other
# characters at once. A pattern added above must be covered here;
# tests/test_untrusted.py checks both ways agree on the test pages, and
# that the look never misses a match of a pattern.
_MAY_HOLD = re.compile(
    r"(?=[\d@＠\[({［（｛微威薇VvWwＶｖＷｗ])"
    r"(?:\d(?:\D*\d){4}"
    r"|[@＠]|(?i:[\[({［（｛][aａ][tｔ][\])}］）｝])"
    r"|[微威薇VvＶｖ]信|(?<![A-Za-zＡ-Ｚａ-ｚ])[VvWwＶｖＷｗ])"
)


def may_hold(text: str) -> bool:
    """Whether a text, folded or not, can hold anything ``find`` looks for.

    >>> may_hold(fold("逾期了，怎么办？")), may_hold("拨打９５１８８"), may_hold("共1,000元")
    (False, True, False)
    >>> may_hold("征信和短信"), may_hold("加薇信"), may_hold("removed a line")
    (False, True, False)
    >>> may_hold("加V：x"), may_hold("微信"), may_hold("li [AT] qq"), may_hold("a＠b"), may_hold("mail")
    (True, True, True, True, False)
    """
    return _MAY_HOLD.search(text) is not None


# what makes a line an invitation to contact someone, and what makes it a warning
_INVITE = re.compile(
    r"联系|联络|咨询|加我|加他|加她|添加|加微信|加[Vv]|加QQ|加[Qq]|加好友|私信|私聊|找我|扫码|扫一扫|致电|来电|拨打|详询|"
    r"请加|可加|欢迎加"
)
_WARNING = re.compile(
    r"不要|切勿|勿|别|谨防|警惕|小心|提防|骗|冒充|自称|陌生|可疑|所谓|举报|投诉|并非|不是|假"
)
CONTACT_KINDS = frozenset({"email", "mobile", "landline", "service_line", "qq", "wechat"})


@dataclass(frozen=True)
class Match:
    kind: str
    start: int
    end: int
    value: str

    @property
    def digits(self) -> str:
        return re.sub(r"\D", "", fold(self.value))


def _accept(kind: str, match: re.Match[str]) -> bool:
    """WeChat labels are also words: 微信 followed by a space and an English
    word is not an ID. Without a colon (or ``=``), an ID must look like one
    (a digit, ``_`` or ``-`` in it).

    >>> [m.kind for m in find("微信 zhangsan")], [m.kind for m in find("微信=zhangsan")]
    ([], ['wechat'])
    >>> [m.kind for m in find("微信 zhang_san")], [m.kind for m in find("微信：zhangsan")]
    (['wechat'], ['wechat'])
    """
    if kind != "wechat":
        return True
    if match.group("sep") is not None and ":" not in match.group("sep") and "=" not in match.group("sep"):
        return bool(re.search(r"[-_\d]", match.group("id")))
    return True


def find(text: str) -> Iterator[Match]:
    """Every piece of contact data in ``text``, kind by kind, left to right;
    a span already claimed by an earlier kind is not claimed again.

    >>> [(m.kind, m.value) for m in find("电话１３８ - １２３４ - ５６８６，加q：789012345")]
    [('mobile', '１３８ - １２３４ - ５６８６'), ('qq', '加q：789012345')]
    """
    if not may_hold(text):
        return iter(())
    folded = fold(text)
    # the claimed spans, which never overlap, in order: a new match is
    # checked against its two neighbours only (a line of megabytes can hold
    # tens of thousands of numbers)
    taken: list[tuple[int, int]] = []
    found: list[Match] = []
    for kind, pattern in PATTERNS:
        for m in pattern.finditer(folded):
            if not _accept(kind, m):
                continue
            at = bisect.bisect_left(taken, m.span())
            if (at and taken[at - 1][1] > m.start()) or (at < len(taken) and taken[at][0] < m.end()):
                continue
            taken.insert(at, m.span())
            found.append(Match(kind, m.start(), m.end(), text[m.start() : m.end()]))
    return iter(sorted(found, key=lambda m: m.start))


def mask(kind: str, value: str) -> str:
    """A removed value as findings may show it: enough to recognise, not
    enough to use.

    >>> mask("mobile", "150 7087 9527"), mask("email", "3590931873＠qq.com")
    ('150****9527', '35****@qq.com')
    >>> mask("email", "zhangsan [AT] qq.com"), mask("landline", "(010) 8888-6666")
    ('zh****@qq.com', '010****6666')

    A mobile number is shown without its country code; a QQ number, a
    WeChat ID and any number shorter than a mobile's 11 digits not at all
    (3 and 4 of its digits would be most of it):

    >>> mask("mobile", "+86 138 1234 5678"), mask("landline", "8888 6666"), mask("service_line", "0571888866")
    ('138****5678', '****', '****')
    >>> mask("wechat", "微信：wx_abc123"), mask("wechat", "微信：wx13812345678")
    ('****', '****')
    >>> mask("qq", "QQ 278901234567")
    '****'
    """
    folded = fold(value)
    if kind == "email":
        name, _, domain = re.split(r"[ \t]*(@|\[at\]|\(at\)|\{at\})[ \t]*", folded, maxsplit=1, flags=re.I)
        return f"{name[:2]}****@{domain}"
    digits = re.sub(r"\D", "", folded)
    if kind == "mobile":
        digits = digits[-11:]
    if kind in ("qq", "wechat") or len(digits) < 11:
        return "****"
    return digits[:3] + "****" + digits[-4:]


def replace(text: str, substitute: Callable[[Match], str]) -> str:
    """``text`` with each piece of contact data replaced by ``substitute(match)``."""
    out: list[str] = []
    at = 0
    for m in find(text):
        out.append(text[at : m.start])
        out.append(substitute(m))
        at = m.end
    out.append(text[at:])
    return "".join(out)


def redact(text: str) -> str:
    """Any text that may quote a page, made safe to write down: each value
    masked in place.

    >>> redact("removed contact_line line 「联系人：张三 13812347777」")
    'removed contact_line line 「联系人：张三 138****7777」'
    """
    if not text:
        return text
    return replace(text, lambda m: mask(m.kind, m.value))


def invites_contact(line: str) -> bool:
    """A line that asks readers to get in touch (加微信, 联系王经理, 私信),
    and is not a warning about such people.

    >>> invites_contact("如需帮助请联系王经理〔已隐去〕。")
    True
    >>> invites_contact("不要联系自称内部人员的陌生人〔已隐去〕。")
    False
    """
    return bool(_INVITE.search(line)) and not _WARNING.search(line)
