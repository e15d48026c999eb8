"""Traditional → Simplified script with OpenCC.

The configuration is ``tw2s``: plain ``t2s`` keeps 著 in 隨著 and 看著 (it
becomes 随著), while ``tw2s`` converts by phrase and gives 随着 but keeps
显著 and 著作. ``tw2sp`` would also swap Taiwanese vocabulary (軟體 → 软件),
which rewrites the author's words, so it is not used.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

OPENCC_CONFIG = "tw2s"


@lru_cache(maxsize=1)
def _converter():  # type: ignore[no-untyped-def]
    try:
        import opencc
    except ImportError as exc:  # pragma: no cover - a broken install
        raise ImportError("the official OpenCC bindings are missing: pip install opencc") from exc
    return opencc.OpenCC(OPENCC_CONFIG)


def to_simplified_text(text: str) -> str:
    """
    >>> to_simplified_text("隨著互聯網金融的發展，支付寶協商還款")
    '随着互联网金融的发展，支付宝协商还款'
    >>> to_simplified_text("顯著的著作")
    '显著的著作'

    Text already in Simplified must not go through it (see :func:`to_simplified`):

    >>> to_simplified_text("显著")
    '显着'
    """
    return str(_converter().convert(text))


@lru_cache(maxsize=65536)
def is_traditional_only(char: str) -> bool:
    """A character that Simplified text never uses: OpenCC changes it and it
    is outside GB2312, the Simplified character set (著 is in both scripts).

    >>> is_traditional_only("隨"), is_traditional_only("著"), is_traditional_only("随")
    (True, False, False)
    """
    if not "\u3400" <= char <= "\u9fff" or _encodes(char, "gb2312"):
        return False
    return to_simplified_text(char) != char


@lru_cache(maxsize=1)
def _traditional_only() -> re.Pattern[str]:
    """One character class of every Traditional-only character, so that a
    line is checked with one regular-expression search instead of a call per
    character."""
    chars = [chr(c) for c in range(0x3400, 0xA000) if is_traditional_only(chr(c))]
    return re.compile("[" + "".join(chars) + "]")


def has_traditional(text: str) -> bool:
    """
    >>> has_traditional("支付寶逾期"), has_traditional("支付宝逾期，显著")
    (True, False)
    """
    return _traditional_only().search(text) is not None


@lru_cache(maxsize=65536)
def is_simplified_only(char: str) -> bool:
    """A character that Traditional text never uses: in GB2312 and outside
    Big5 (显, 随, 着; 著 and 看 are in both).

    >>> is_simplified_only("显"), is_simplified_only("著"), is_simplified_only("隨")
    (True, False, False)
    """
    return "\u3400" <= char <= "\u9fff" and _encodes(char, "gb2312") and not _encodes(char, "big5")


def gb2312_characters(first: int = 0xA1, last: int = 0xF7) -> Iterator[str]:
    """The characters of GB 2312 whose first byte is between ``first`` and
    ``last`` (all of them by default; level 1, the 3,755 most common Han
    characters, is 0xB0 to 0xD7).

    >>> len(list(gb2312_characters(0xB0, 0xD7)))
    3755
    """
    for lead in range(first, last + 1):
        for trail in range(0xA1, 0xFF):
            try:
                yield bytes((lead, trail)).decode("gb2312")
            except UnicodeDecodeError:
                continue


@lru_cache(maxsize=1)
def _simplified_only() -> re.Pattern[str]:
    """One character class of every Simplified-only character. They are
    all in GB2312, so its 7,445 characters are checked, not the 27,000 of
    the Han block (``tests/test_cleaners.py`` checks that none is missed)."""
    chars = [char for char in gb2312_characters() if is_simplified_only(char)]
    return re.compile("[" + "".join(chars) + "]")


def _encodes(char: str, codec: str) -> bool:
    """Whether the character set of ``codec`` has ``char``."""
    try:
        char.encode(codec)
    except UnicodeEncodeError:
        return False
    return True


def _convert_line(line: str) -> str:
    """One line through OpenCC, except the characters of both scripts that
    sit beside a Simplified-only one: in a line that mixes the scripts,
    显著 is a Simplified word whose 著 must stay (OpenCC would make it 着),
    while the 著 of 隨著 is Traditional and becomes 着.

    >>> _convert_line("這個方法效果显著，隨著時間推移")
    '这个方法效果显著，随着时间推移'

    Only the characters right beside count; a Traditional-only character
    (這) is converted wherever it is:

    >>> [_convert_line(line) for line in ("這个方法", "显著時間", "显隨著時", "著显時")]
    ['这个方法', '显著时间', '显随着时', '著显时']
    """
    new = to_simplified_text(line)
    if len(new) != len(line):
        return new
    # only the characters beside a Simplified-only one can stay: most lines
    # in Traditional have none, and are OpenCC's as they are
    out: list[str] | None = None
    for match in _simplified_only().finditer(line):
        for i in (match.start() - 1, match.start() + 1):
            if 0 <= i < len(line) and line[i] != new[i] and not is_traditional_only(line[i]):
                out = out or list(new)
                out[i] = line[i]
    return "".join(out) if out else new


def to_simplified(text: str) -> tuple[str, int]:
    """Convert the lines written in Traditional script; return the text and
    how many lines changed.

    Lines in Simplified are left alone: OpenCC's phrase tables would turn
    the 著 of a Simplified 显著 into 着.

    >>> to_simplified("隨著發展\\n效率会显著提升")
    ('随着发展\\n效率会显著提升', 1)
    """
    if not has_traditional(text):
        return text, 0
    lines = text.split("\n")
    changed = 0
    for i, line in enumerate(lines):
        if has_traditional(line):
            new = _convert_line(line)
            changed += new != line
            lines[i] = new
    return "\n".join(lines), changed
