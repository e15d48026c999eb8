"""Pinyin pushed in after characters: 訪問(wèn) → 訪問, 協(xié) → 協."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache

_LETTERS = "a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ"
# a run of Han characters, then up to MAX_WORD syllables in brackets
_ANNOTATION = re.compile(
    rf"([\u3400-\u9fff]{{1,6}})[(（]\s*([{_LETTERS}]{{1,7}}(?:[\s'’]+[{_LETTERS}]{{1,7}}){{0,5}}|[{_LETTERS}]{{8,30}})\s*[)）]"
)
# What every annotation holds: a Han character, then a bracket and a letter.
# A page without one (most pages) is not searched for annotations.
_MAY_ANNOTATE = re.compile(rf"[\u3400-\u9fff][(（]\s*[{_LETTERS}]")
_SYLLABLE_SPLIT = re.compile(r"[\s'’]+")
MAX_WORD = 6


@lru_cache(maxsize=8192)
def _toneless(syllable: str) -> str:
    """A syllable without its tone mark, ü written v as pypinyin writes it.

    >>> _toneless("Xié"), _toneless("lǜ"), _toneless("nü"), _toneless("lüè")
    ('xie', 'lv', 'nv', 'lve')
    """
    decomposed = unicodedata.normalize("NFD", syllable.lower()).replace("u\u0308", "v")
    return "".join(c for c in decomposed if not unicodedata.combining(c))


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
    """Remove a bracketed reading when it is the reading of the characters
    before it (one syllable per character, with or without tone marks, the
    syllables of a word spaced or run together); 第一(1), (注意) and
    支付宝(Alipay) stay.

    >>> remove_pinyin_annotations("歡迎訪問(wèn)逾期頻道，協(xié)商流程，協(xie)議")
    '歡迎訪問逾期頻道，協商流程，協議'
    >>> remove_pinyin_annotations("个性化分期(fēn qī)还款，协商（xie shang）成功，逾期(yuqi)")
    '个性化分期还款，协商成功，逾期'
    >>> remove_pinyin_annotations("第一(1)步，注(意)，支付宝(Alipay)，问(xié)，中国(China)")
    '第一(1)步，注(意)，支付宝(Alipay)，问(xié)，中国(China)'

    Each removal is reported with the characters it read:

    >>> remove_pinyin_annotations("協(xié)商，绿(lǜ)色", print)
    協 xié
    绿 lǜ
    '協商，绿色'
    """

    if not _MAY_ANNOTATE.search(text):
        return text

    def replace(match: re.Match[str]) -> str:
        han, reading = match.group(1), match.group(2)
        chars = _read_characters(han, reading)
        if chars is None:
            return match.group(0)
        if on_removed:
            on_removed(chars, reading)
        return han

    return _ANNOTATION.sub(replace, text)


@lru_cache(maxsize=8192)
def _read_characters(han: str, reading: str) -> str | None:
    """The characters at the end of ``han`` that ``reading`` is the reading
    of, or None. Kept for the pairs seen last: a page annotates the same
    characters again and again (協(xié) throughout).

    >>> _read_characters("歡迎訪問", "wèn"), _read_characters("分期", "fēn qī"), _read_characters("问", "xié")
    ('問', '分期', None)
    """
    syllables = [_toneless(s) for s in _SYLLABLE_SPLIT.split(reading.strip()) if s]
    longest = min(len(han), MAX_WORD)
    if len(syllables) > 1:  # spaced: one syllable for each character
        chars = han[-len(syllables) :]
        if len(syllables) <= longest and all(s in readings(c) for s, c in zip(syllables, chars, strict=True)):
            return chars
        return None
    # run together: every reading is a letter or more, so no more characters
    # than letters can be read
    joined = syllables[0] if syllables else ""
    for count in range(1, min(longest, len(joined)) + 1):
        if _reads_as(han[-count:], joined):
            return han[-count:]
    return None


@lru_cache(maxsize=8192)
def _reads_as(chars: str, joined: str) -> bool:
    """Whether ``joined`` (toneless, no spaces) is one reading of each of
    ``chars`` in turn. Kept for the pairs seen last: the same characters
    are annotated after ever other ones (商請(qǐng), 申請(qǐng)).

    >>> _reads_as("分期", "fenqi"), _reads_as("分期", "fenq")
    (True, False)
    """
    if not chars:
        return not joined
    return any(
        joined.startswith(r) and _reads_as(chars[1:], joined[len(r) :])
        for r in readings(chars[0])
        if r and r.isascii()
    )
