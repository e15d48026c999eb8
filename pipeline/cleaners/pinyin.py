"""Pinyin pushed in after characters: 訪問(wèn) → 訪問, 協(xié) → 協."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache

_ANNOTATION = re.compile(r"([\u3400-\u9fff])[(（]([a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ]{1,7})[)）]")


def _toneless(syllable: str) -> str:
    decomposed = unicodedata.normalize("NFD", syllable.lower().replace("ü", "v"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("u\u0308", "v")


@lru_cache(maxsize=8192)
def readings(char: str) -> frozenset[str]:
    """Every reading pypinyin knows for ``char``, with and without tones.

    >>> sorted(readings("會"))[:3]
    ['hui', 'huì', 'kuai']
    """
    from pypinyin import Style, pinyin

    marked = pinyin(char, style=Style.TONE, heteronym=True, errors="ignore")
    found = {s for group in marked for s in group}
    return frozenset(found | {_toneless(s) for s in found})


def remove_pinyin_annotations(text: str, on_removed: Callable[[str, str], None] | None = None) -> str:
    """Remove a bracketed syllable only when it is a reading of the character
    before it; 第一(1), (注意) and 支付宝(Alipay) stay.

    >>> remove_pinyin_annotations("歡迎訪問(wèn)逾期頻道，協(xié)商流程")
    '歡迎訪問逾期頻道，協商流程'
    >>> remove_pinyin_annotations("第一(1)步，注(意)，支付宝(Alipay)，问(xié)")
    '第一(1)步，注(意)，支付宝(Alipay)，问(xié)'
    """

    def replace(match: re.Match[str]) -> str:
        char, syllable = match.group(1), match.group(2)
        if syllable.lower() in readings(char) or _toneless(syllable) in readings(char):
            if on_removed:
                on_removed(char, syllable)
            return char
        return match.group(0)

    return _ANNOTATION.sub(replace, text)
