"""Whole lines decoded with the wrong codec and saved again.

UTF-8 read as GBK (鏀粯瀹 for 支付宝), and UTF-8 read as cp1252 or
Latin-1 (æ”¯ä»˜å®); ftfy repairs the second kind, and only its
``fix_encoding`` is used: its other fixes turn full-width Chinese
punctuation into ASCII. UTF-8 read as Big5 is not repaired: most UTF-8
byte pairs are invalid in Big5, so the bytes were lost when it was read.
"""

from __future__ import annotations

import re
from collections.abc import Callable

Note = Callable[[str, str], None]

_CONTROL_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")
# A repair must make a line this much more ordinary Chinese to be taken.
MIN_GAIN = 0.25


_ORDINARY = re.compile(r"[\u4e00-\u9fff\u3000-\u303f\uff00-\uffef\u2018-\u201d\x20-\x7e]")


def _quality(line: str) -> float:
    """How much a line looks like ordinary Chinese text: common characters,
    and nothing but Han, ASCII and CJK punctuation (mojibake from cp1252 is
    all Latin-1 letters)."""
    from pipeline.readers.encoding import plausibility

    if not line:
        return 0.0
    ordinary = len(_ORDINARY.findall(line)) / len(line)
    return plausibility(line) * ordinary - line.count("\ufffd") / len(line)


# Lead bytes of UTF-8 Chinese (E4–E9) read as Latin-1 are ä…é; Chinese text
# itself has none of them, while it is full of “” that cp1252 also has.
_LATIN1 = re.compile("[\u00c0-\u00ff]")


def _candidates(line: str) -> list[tuple[str, str]]:
    out = []
    try:
        redecoded = line.encode("gb18030").decode("utf-8", errors="replace")
    except UnicodeEncodeError:
        redecoded = ""
    # Chinese read correctly gives mostly replacement characters here.
    if redecoded and redecoded.count("\ufffd") <= len(redecoded) // 10:
        out.append(("UTF-8 read as GBK", redecoded))
    if len(_LATIN1.findall(line)) >= 2:
        import ftfy

        out.append(("UTF-8 read as cp1252/latin-1 (ftfy)", ftfy.fix_encoding(line)))
    return out


def fix_mojibake(text: str, note: Note) -> str:
    """Re-decode lines that read better in another codec.

    >>> fix_mojibake("閫炬湡浠ュ悗鑱旂郴瀹㈡湇鍗忓晢杩樻\\ue0d9", lambda *a: None)
    '逾期以后联系客服协商还款'
    >>> fix_mojibake("æ\\x94¯ä»\\x98å®\\x9dé\\x80¾æ\\x9c\\x9f", lambda *a: None)
    '支付宝逾期'
    >>> fix_mojibake("支付宝逾期可以协商流程，（注意）", lambda *a: None)
    '支付宝逾期可以协商流程，（注意）'
    """
    lines = text.split("\n")
    for number, line in enumerate(lines, start=1):
        if line.isascii():
            continue
        candidates = _candidates(line)
        if not candidates:
            continue
        base = _quality(line)
        best = None
        for how, candidate in candidates:
            if candidate == line or not candidate.strip():
                continue
            gain = _quality(candidate) - base
            if gain >= MIN_GAIN and (best is None or gain > best[0]):
                best = (gain, how, candidate)
        if best:
            _, how, candidate = best
            note("mojibake", f"line {number}: {how}: 「{line[:20]}」 → 「{candidate[:20]}」")
            lines[number - 1] = candidate
    return "\n".join(lines)


def remove_control_escapes(text: str, note: Note) -> str:
    """Spreadsheet exports write control characters as ``_x0008_``.

    >>> remove_control_escapes("逾期_x0008_协商_x000D_", lambda *a: None)
    '逾期协商'
    """
    found: list[str] = []

    def replace(match: re.Match[str]) -> str:
        char = chr(int(match.group(1), 16))
        if char.isprintable() and char not in "\r\n\t":
            return match.group(0)
        found.append(match.group(0))
        return ""

    text = _CONTROL_ESCAPE.sub(replace, text)
    if found:
        note("control_escape", f"removed {len(found)} control-character escapes such as {found[0]}")
    return text
