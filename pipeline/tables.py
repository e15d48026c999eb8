"""A table of an article on its way from the page to the guide.

The HTML reader writes a data table into the article's text as a block of
lines, one line a row: the header row starts with ``HEADER`` (␝), every
other row with ``ROW`` (␞), and the cells are separated by ``CELL`` (␟).
These are the Control Pictures of the ASCII group, record and unit
separators: visible where an editor reads the text (``explain``), not white
space for Python (the ASCII separators themselves are, and ``str.strip``
would eat an empty last cell), not punctuation, Han or a private-use
character that a cleaning step would touch. Text read from a page outside a
table has them removed (``neutralize``), so no line becomes a row that the
HTML reader did not make one.

So every cell gets the cleaning any line gets (script, mojibake, contact
details, punctuation), while the steps that remove whole lines (chrome,
titles, repeats, contact lines, the site's lines) leave rows alone: a row
of short cells (逾期天数 ␟ 罚息) looks like chrome to a rule made for lines.
``pipeline.structure`` turns a block of rows back into a table.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

HEADER = "\u241d"
ROW = "\u241e"
CELL = "\u241f"
_MARKS = re.compile(f"[{HEADER}{ROW}{CELL}]")


def is_row(line: str) -> bool:
    """
    >>> is_row(row_line(["逾期天数", "罚息"], header=True)), is_row("逾期天数 罚息")
    (True, False)
    """
    return line.startswith((HEADER, ROW))


def is_header(line: str) -> bool:
    return line.startswith(HEADER)


def row_line(cells: Sequence[str], header: bool = False) -> str:
    """One row as a line of text; the marks are taken out of its cells.

    >>> row_line(["1-30天", "万分之五"])
    '␞1-30天␟万分之五'
    """
    return (HEADER if header else ROW) + CELL.join(neutralize(c).strip() for c in cells)


def cells(line: str) -> list[str]:
    """
    >>> cells("␝逾期天数␟ 罚息 ␟")
    ['逾期天数', '罚息', '']
    """
    return [c.strip() for c in line.strip()[1:].split(CELL)]


def neutralize(text: str) -> str:
    """Text from a page with the table marks taken out: it cannot make a
    row.

    >>> neutralize("␞伪造␟的行")
    '伪造的行'
    """
    return _MARKS.sub("", text)


def blocks(lines: Sequence[str]) -> list[tuple[int, int]]:
    """The tables among ``lines``: (start, end) of each run of rows. A
    header row starts a new table; a line that is not a row ends one.

    >>> blocks(["正文。", "␝甲␟乙", "␞1␟2", "␝丙␟丁", "", "正文。"])
    [(1, 3), (3, 4)]
    """
    found: list[tuple[int, int]] = []
    i = 0
    while i < len(lines):
        if not is_row(lines[i]):
            i += 1
            continue
        j = i + 1
        while j < len(lines) and is_row(lines[j]) and not is_header(lines[j]):
            j += 1
        found.append((i, j))
        i = j
    return found
