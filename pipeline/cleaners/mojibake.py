"""Whole lines decoded with the wrong codec and saved again.

UTF-8 read as GBK (鏀粯瀹 for 支付宝), and UTF-8 read as cp1252 or
Latin-1 (æ”¯ä»˜å®); ftfy repairs the second kind, and only its
``fix_encoding`` is used: its other fixes turn full-width Chinese
punctuation into ASCII. UTF-8 read as Big5 is not repaired: most UTF-8
byte pairs are invalid in Big5, so the bytes were lost when it was read.

UTF-8 read as GBK *with losses* (逾期以后如何与银行协商还款 arriving as
閫炬湡浠ュ悗濡備綍涓庨摱琛屽崗鍟嗚繕娆�) is repaired too: a GBK decoder drops one
byte for each U+FFFD it writes and reads on from the next byte, so the run
is encoded back with every U+FFFD standing for one unknown byte, and the
bytes are decoded as UTF-8. A character that lost a byte comes out as one
U+FFFD: the byte-slip repair that runs next counts the U+FFFD of the page
as lost characters, guesses each from its context and flags the guess for
an editor, and the readability gate (``pipeline.readability``) keeps a page
that lost too many characters, or still holds a U+FFFD, from being
published.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable

from pipeline import tables

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


# An unknown byte: never valid in UTF-8, so it cannot join a character.
_UNKNOWN_BYTE = b"\xff"
_UNDECODED = re.compile("[\udc80-\udcff]+")
# A re-decoding that loses more of its characters than this is not UTF-8
# read as GBK (Chinese read correctly gives mostly undecodable bytes).
MAX_LOST_SHARE = 0.25


def redecode_gbk(line: str) -> tuple[str, int] | None:
    """``line`` read as GBK or GB18030 and decoded again as UTF-8: the text
    and how many of its characters were lost (each one U+FFFD). A U+FFFD in
    ``line`` is one byte the GBK decoder dropped.

    >>> redecode_gbk("閫炬湡浠ュ悗濡備綍涓庨摱琛屽崗鍟嗚繕娆\ufffd")
    ('逾期以后如何与银行协商还\ufffd', 1)
    >>> redecode_gbk("閫炬湡")
    ('逾期', 0)

    Bytes that do not decode stand for a character each three of them:
    two characters side by side lose four bytes and are two U+FFFD.

    >>> redecode_gbk("\ufffd緶熶互鍚庡\ufffd備綍涓庨摱琛屽崗鍟嗚繕娆\ufffd")
    ('\ufffd\ufffd以后\ufffd何与银行协商还\ufffd', 4)
    """
    data = _gbk_bytes(line)
    return None if data is None else _mark_lost(data)


def _gbk_bytes(line: str) -> bytes | None:
    """The GBK bytes ``line`` was read from, each U+FFFD one unknown byte
    (None if it cannot have been read from GBK)."""
    try:
        if "\ufffd" not in line:
            return line.encode("gb18030")
        return _UNKNOWN_BYTE.join(part.encode("gb18030") for part in line.split("\ufffd"))
    except UnicodeEncodeError:
        return None


def _mark_lost(data: bytes) -> tuple[str, int]:
    """``data`` decoded as UTF-8, each run of undecoded bytes marked as the
    U+FFFD of the characters they were, and how many those are."""
    lost = 0

    def mark(match: re.Match[str]) -> str:
        # a Chinese character or full-width mark is three bytes in UTF-8
        nonlocal lost
        count = math.ceil(len(match.group()) / 3)
        lost += count
        return "\ufffd" * count

    text = _UNDECODED.sub(mark, data.decode("utf-8", errors="surrogateescape"))
    return text, lost


def _surely_too_lossy(data: bytes) -> bool:
    """Whether ``data`` decoded as UTF-8 (see :func:`redecode_gbk`) loses
    more than MAX_LOST_SHARE of its characters, told without marking them:
    a run of bytes that do not decode is one lost character for every three
    bytes or fewer, so at least a third as many characters as such bytes
    are lost, and the more are lost, the larger their share. Most lines are
    Chinese read correctly, nearly every byte undecodable; they are passed
    over here instead of having their runs marked one by one."""
    kept = data.decode("utf-8", errors="ignore")
    undecoded = len(data) - len(kept.encode("utf-8"))
    fewest = (undecoded + 2) // 3
    return fewest > (len(kept) + fewest) * MAX_LOST_SHARE


def _candidates(line: str) -> list[tuple[str, str, int]]:
    out = []
    data = _gbk_bytes(line)
    if data is not None and not _surely_too_lossy(data):
        text, lost = _mark_lost(data)
        if lost <= len(text) * MAX_LOST_SHARE:
            out.append(("UTF-8 read as GBK", text, lost))
    if len(_LATIN1.findall(line)) >= 2:
        import ftfy

        out.append(("UTF-8 read as cp1252/latin-1 (ftfy)", ftfy.fix_encoding(line), 0))
    return out


def fix_mojibake(text: str, note: Note, where: str = "line") -> str:
    """Re-decode lines that read better in another codec (the cells of a
    table's row each on its own). A character lost in the wrong decoding is
    left as one U+FFFD, and the finding says how many were lost; ``where``
    names the text in findings ("line" numbers the lines, "title").

    >>> fix_mojibake("閫炬湡浠ュ悗鑱旂郴瀹㈡湇鍗忓晢杩樻\\ue0d9", lambda *a: None)
    '逾期以后联系客服协商还款'
    >>> fix_mojibake("æ\\x94¯ä»\\x98å®\\x9dé\\x80¾æ\\x9c\\x9f", lambda *a: None)
    '支付宝逾期'
    >>> fix_mojibake("支付宝逾期可以协商流程，（注意）", lambda *a: None)
    '支付宝逾期可以协商流程，（注意）'

    Two Latin-1 letters are enough for ftfy to try; text that no codec
    could have written (a lone surrogate) is left alone:

    >>> fix_mojibake("é€¾æœŸ", print), fix_mojibake("逾期\\udc80", print)
    mojibake line 1: UTF-8 read as cp1252/latin-1 (ftfy): 「é€¾æœŸ」 → 「逾期」
    ('逾期', '逾期\\udc80')
    >>> title = "閫炬湡浠ュ悗濡備綍涓庨摱琛屽崗鍟嗚繕娆\\ufffd"
    >>> fix_mojibake(title, print, where="title")  # doctest: +ELLIPSIS
    mojibake title: UTF-8 read as GBK, 1 character lost: 「閫炬湡浠ュ悗...」 → 「逾期以后如何与银行协商还�」
    '逾期以后如何与银行协商还\\ufffd'

    Lines are numbered in findings, which quote 20 characters of each
    side; a table's cells are repaired one by one and stay a row:

    >>> found = []
    >>> page = "正文\\n閫炬湡浠ュ悗濡備綍涓庨摱琛屽崗鍟嗚繕娆剧殑鍏蜂綋妤楠ゅ拰娉ㄦ剰浜嬮」"
    >>> fix_mojibake(page, lambda kind, message: found.append(message))
    '正文\\n逾期以后如何与银行协商还款的具体\\ufffd骤和注意事项'
    >>> found[0].split(" 「")[0], [len(part.split("」")[0]) for part in found[0].split("「")[1:]]
    ('line 2: UTF-8 read as GBK, 1 character lost:', [20, 20])
    >>> fix_mojibake("␝澶╂暟␟缃氭伅\\n␞1␟0.05%", print)
    mojibake line 1 cell 1: UTF-8 read as GBK: 「澶╂暟」 → 「天数」
    mojibake line 1 cell 2: UTF-8 read as GBK: 「缃氭伅」 → 「罚息」
    '␝天数␟罚息\\n␞1␟0.05%'
    """
    lines = text.split("\n")
    for number, line in enumerate(lines, start=1):
        label = f"line {number}" if where == "line" else where
        if tables.is_row(line):
            # each cell on its own: the row's marks are not the page's
            # bytes, and would not survive being read as another codec
            cells = [
                _repaired(cell, f"{label} cell {n}", note) for n, cell in enumerate(tables.cells(line), 1)
            ]
            lines[number - 1] = tables.row_line(cells, tables.is_header(line))
        else:
            lines[number - 1] = _repaired(line, label, note)
    return "\n".join(lines)


def _repaired(line: str, label: str, note: Note) -> str:
    if line.isascii():
        return line
    candidates = _candidates(line)
    if not candidates:
        return line
    base = None  # the line's own quality, when a candidate needs it (ftfy mostly changes nothing)
    best = None
    for how, candidate, lost in candidates:
        if candidate == line or not candidate.strip():
            continue
        if base is None:
            base = _quality(line)
        gain = _quality(candidate) - base
        if gain >= MIN_GAIN and (best is None or gain > best[0]):
            best = (gain, how, candidate, lost)
    if not best:
        return line
    _, how, candidate, lost = best
    if lost:
        how += f", {lost} character{'s' if lost > 1 else ''} lost"
    note("mojibake", f"{label}: {how}: 「{line[:20]}」 → 「{candidate[:20]}」")
    return candidate


def remove_control_escapes(text: str, note: Note) -> str:
    """Spreadsheet exports write control characters as ``_x0008_``.

    >>> remove_control_escapes("逾期_x0008_协商_x000D_", lambda *a: None)
    '逾期协商'
    >>> remove_control_escapes("型号_x0041_协商_x001F__x000A_", print)
    control_escape removed 2 control-character escapes such as _x001F_
    '型号_x0041_协商'
    """
    found: list[str] = []

    def replace(match: re.Match[str]) -> str:
        char = chr(int(match.group(1), 16))
        if char.isprintable():  # not a control character (\t, \n, \r are not printable)
            return match.group(0)
        found.append(match.group(0))
        return ""

    text = _CONTROL_ESCAPE.sub(replace, text)
    if found:
        note("control_escape", f"removed {len(found)} control-character escapes such as {found[0]}")
    return text


# Icon fonts draw from the private-use area; a site puts the icon before a
# title or after a sentence. Damage of text read out of step puts private-use
# characters among other odd characters instead.
_ICON = re.compile(r"(?:(?<=^)|(?<=[\s。！？!-/:-@\[-`{-~]))[ \t]*[\ue000-\uf8ff]+[ \t]*", re.M)


def remove_icon_characters(text: str, note: Note, where: str = "text") -> str:
    """Private-use characters that a site's icon font draws beside the text
    (a ``\\ue004`` before a title, after a sentence): at a line's start or
    after a space, a full stop or an ASCII mark. Private-use characters after
    other text are damage, not icons: they stay for the byte-slip repair and
    the readability gate.

    >>> remove_icon_characters("\\ue004 逾期以后如何协商", print, "title")
    icon_character removed 1 private-use character(s) (icon font) from the title, such as U+E004
    '逾期以后如何协商'
    >>> remove_icon_characters("逾期\\ue004以后", print)
    '逾期\\ue004以后'
    >>> remove_icon_characters("投身外交(3)\\ue004_读书频道", lambda *a: None)
    '投身外交(3)_读书频道'
    >>> remove_icon_characters("按时还款。\\ue004逾期以后", print)
    icon_character removed 1 private-use character(s) (icon font) from the text, such as U+E004
    '按时还款。逾期以后'
    """
    found: list[str] = []

    def remove(match: re.Match[str]) -> str:
        found.extend(c for c in match.group() if not c.isspace())
        return ""

    text = _ICON.sub(remove, text)
    if found:
        note(
            "icon_character",
            f"removed {len(found)} private-use character(s) (icon font) from the {where}, "
            f"such as U+{ord(found[0]):04X}",
        )
    return text
