"""ASCII punctuation that scrapers left inside Chinese text, made full-width.

Scraped articles mix 「在现代社会,电子支付」 with 「，」 in the same
paragraph. Inside a run of Chinese the ASCII marks become their full-width
forms: ``,`` ``:`` ``?`` between Han characters (``:`` and ``?`` also at the
end of a Chinese line), and a pair of ``( )`` around Chinese words next to
Han characters. Numbers (1,000 / 10:30 / (2) / (第1-3天)), URLs, inline
code and Latin text keep their ASCII marks, and full-width marks are never
touched.
"""

from __future__ import annotations

import re
from collections.abc import Callable

Note = Callable[[str, str], None]

_HAN = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# what ASCII punctuation must never be changed inside
_KEEP = re.compile(
    r"`[^`\n]*`|(?:https?|ftp)://[^\s\u3000-\u303f\uff00-\uffef]+|www\.[^\s\u3000-\u303f\uff00-\uffef]+"
)
# Each pattern opens with a look at the character where a match must start
# (a space, a tab or the mark; the opening bracket): the regular-expression
# engine then passes over every other character at once, instead of trying
# the lookbehinds at each (which was most of this step's time).
_MARK = re.compile(
    r"(?=[ \t,:?])"
    rf"(?:(?<=[{_HAN}])[ \t]*(?P<comma>,)[ \t]*(?=[{_HAN}])"
    rf"|(?<=[{_HAN}])[ \t]*(?P<colon>:)(?:[ \t]*(?=[{_HAN}“‘《「])|[ \t]*$)"
    rf"|(?<=[{_HAN}])(?P<question>\?)(?=[{_HAN}”’」）)]|[ \t]*$))",
    re.M,
)
# ( ) around Chinese words (no digits or Latin letters: (第1-3天), (2),
# (App) keep theirs), with a Han character outside on one side
_INNER = rf"[^()\n0-9A-Za-z]*[{_HAN}][^()\n0-9A-Za-z]*"
_PARENS = re.compile(rf"(?=\()(?:(?<=[{_HAN}])\((?P<a>{_INNER})\)|\((?P<b>{_INNER})\)(?=[{_HAN}]))")
_FULL = {"comma": "，", "colon": "：", "question": "？"}


def _context(text: str, start: int, end: int) -> str:
    return text[max(0, start - 6) : end + 6].replace("\n", " ")


def _outside_kept(text: str, change: Callable[[str], str]) -> str:
    out = []
    last = 0
    for kept in _KEEP.finditer(text):
        out.append(change(text[last : kept.start()]))
        out.append(kept.group(0))
        last = kept.end()
    out.append(change(text[last:]))
    return "".join(out)


def normalize_punctuation(text: str, note: Note) -> str:
    """
    >>> normalize_punctuation("在现代社会,电子支付已经成为生活的一部分", lambda *a: None)
    '在现代社会，电子支付已经成为生活的一部分'
    >>> normalize_punctuation("准备以下材料:\\n身份证件:用于证明身份", lambda *a: None)
    '准备以下材料：\\n身份证件：用于证明身份'
    >>> normalize_punctuation("会不会被催得更猛?", lambda *a: None)
    '会不会被催得更猛？'
    >>> normalize_punctuation("分期偿还(含利息)的方式", lambda *a: None)
    '分期偿还（含利息）的方式'
    >>> normalize_punctuation("共1,000元,10:30前还款", lambda *a: None)
    '共1,000元,10:30前还款'
    >>> normalize_punctuation("(2)历史信用记录,详见 https://a.example/x?y=1,2", lambda *a: None)
    '(2)历史信用记录，详见 https://a.example/x?y=1,2'

    Each change is a finding with six characters on either side:

    >>> page = "逾期了,怎么办\\n准备好以下的材料:身份证和收入证明,还有分期(含利息)的合同"
    >>> normalize_punctuation(page, print)
    punctuation 「(含利息)」 → 「（含利息）」 in 「明,还有分期(含利息)的合同」
    punctuation 「,」 → 「，」 in 「逾期了,怎么办 准备」
    punctuation 「:」 → 「：」 in 「好以下的材料:身份证和收入」
    punctuation 「,」 → 「，」 in 「证和收入证明,还有分期(含」
    '逾期了，怎么办\\n准备好以下的材料：身份证和收入证明，还有分期（含利息）的合同'
    """

    def change(part: str) -> str:
        def mark(match: re.Match[str]) -> str:
            kind = match.lastgroup or ""
            new = _FULL[kind]
            note(
                "punctuation",
                f"「{match.group(0).strip()}」 → 「{new}」 in 「{_context(part, *match.span())}」",
            )
            return new

        def parens(match: re.Match[str]) -> str:
            inner = match["a"] if match["a"] is not None else match["b"]
            new = f"（{inner}）"
            note("punctuation", f"「{match.group(0)}」 → 「{new}」 in 「{_context(part, *match.span())}」")
            return new

        return _MARK.sub(mark, _PARENS.sub(parens, part))

    return _outside_kept(text, change)
