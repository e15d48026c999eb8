"""From cleaned text to a guide's structure: title, sections, paragraphs, lists.

Scraped articles mark their sections with numbering (一、 / 1.1 / (1) /
1. ), with question lines, or with short lines standing alone above a
paragraph. The first numbering kind under a top-level heading becomes the
next level down, a new kind under it the level below, and so on. The rows
of a table (``pipeline.tables``) become a table block, header row first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from pipeline import tables

_CN_NUM = "一二三四五六七八九十"
_TOP = re.compile(rf"^[{_CN_NUM}]+[、.．]\s*\S")
_SUB_KINDS = (
    # 第一步：联系客服 / 步骤二 提交申请: steps of the section they are in
    (
        "step",
        re.compile(rf"^(?:第\s*[{_CN_NUM}\d]{{1,3}}\s*步|步骤\s*[{_CN_NUM}\d]{{1,3}})[\s：:、，,.．]*\S"),
    ),
    ("cn_paren", re.compile(rf"^[(（][{_CN_NUM}]+[)）]\s*\S")),
    ("decimal", re.compile(r"^\d+\.\d+(?:\.\d+)*\s*[^\d.\s]")),
    ("paren", re.compile(r"^[(（]\d+[)）]\s*\S")),
    ("number", re.compile(r"^\d+[.、．]\s*[^\d\s]")),
)
_BULLET = re.compile(r"^(?:[-•·▪●◆■]|\*)\s+")
_SENTENCE_END = re.compile(r"[。！!；;，,]$|[。；;]")
_QUESTION = re.compile(r"[？?]$")
_TERM = re.compile(r"^[^，,。:：]{1,12}[:：]\S")
# A question said by someone (问：…？, 记者：…？): a heading up to twice as long
_LABELLED_QUESTION = re.compile(r"^[^，,。：:？?\s]{1,6}[：:]\S[^。]*[？?]$")
HEADING_MAX = 40
PLAIN_HEADING_MAX = 24
LIST_ITEM_MAX = 40


@dataclass
class Block:
    kind: Literal["paragraph", "list", "table", "steps"]
    text: str = ""
    items: list[str] = field(default_factory=list)
    # numbered steps (made by pipeline.shape): each step its paragraphs
    steps: list[list[str]] = field(default_factory=list)
    # a table's rows, the header first, each as many cells as the others
    rows: list[list[str]] = field(default_factory=list)


@dataclass
class Section:
    title: str
    level: int
    blocks: list[Block] = field(default_factory=list)


@dataclass
class Structure:
    intro: list[Block]
    sections: list[Section]


def _heading_kind(line: str, next_line: str | None, hinted: bool) -> str | None:
    if len(line) <= 2 * HEADING_MAX and _LABELLED_QUESTION.match(line):
        return "top"
    if len(line) > HEADING_MAX:
        return None
    if _TOP.match(line):
        return "top"
    for kind, pattern in _SUB_KINDS:
        if pattern.match(line) and not _SENTENCE_END.search(line):
            return kind
    if hinted:
        return "top"
    if _QUESTION.search(line) and "。" not in line:
        return "top"
    if (
        len(line) <= PLAIN_HEADING_MAX
        and not _SENTENCE_END.search(line)
        and not _TERM.match(line)
        and not _BULLET.match(line)
        and next_line is not None
        and len(next_line) > len(line)
    ):
        return "top"
    return None


def parse(text: str, heading_hints: frozenset[str] = frozenset()) -> Structure:
    """Split cleaned text into an intro and nested sections.

    >>> s = parse("\\n\\n".join(["引言段落。", "一、原因", "1.1 资金周转", "正文。",
    ...                          "准备以下材料:", "身份证件", "银行流水"]))
    >>> [b.text for b in s.intro], [(x.level, x.title) for x in s.sections]
    (['引言段落。'], [(2, '一、原因'), (3, '1.1 资金周转')])
    >>> [(b.kind, b.text or b.items) for b in s.sections[1].blocks]
    [('paragraph', '正文。'), ('paragraph', '准备以下材料:'), ('list', ['身份证件', '银行流水'])]
    """
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    intro: list[Block] = []
    sections: list[Section] = []
    sub_stack: list[str] = []
    seen_top = False
    i = 0
    while i < len(lines):
        line = lines[i]
        target = sections[-1].blocks if sections else intro
        if tables.is_row(line):
            j = i + 1
            while j < len(lines) and tables.is_row(lines[j]) and not tables.is_header(lines[j]):
                j += 1
            target.append(_table(lines[i:j]))
            i = j
            continue
        # A run of short lines after a line ending in a colon is a list.
        if line[-1] in ":：" and i + 1 < len(lines):
            target.append(Block("paragraph", line))
            items, j = _collect_items(lines, i + 1, heading_hints)
            if len(items) >= 2:
                target.append(Block("list", items=items))
                i = j
            else:
                i += 1
            continue
        if _BULLET.match(line):
            items = []
            while i < len(lines) and _BULLET.match(lines[i]):
                items.append(_BULLET.sub("", lines[i]))
                i += 1
            target.append(Block("list", items=items))
            continue
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        if nxt is not None and tables.is_row(nxt):
            nxt = None  # a short line above a table is its caption, not a heading for its length
        kind = _heading_kind(line, nxt, line in heading_hints)
        if kind == "top":
            sub_stack = []
            seen_top = True
            sections.append(Section(line, 2))
        elif kind is not None:
            if kind in sub_stack:
                del sub_stack[sub_stack.index(kind) + 1 :]
            else:
                sub_stack.append(kind)
            sections.append(Section(line, min(len(sub_stack) + (2 if seen_top else 1), 6)))
        else:
            target.append(Block("paragraph", line))
        i += 1
    return Structure(intro, _fold_empty_headings(intro, sections))


def _fold_empty_headings(intro: list[Block], sections: list[Section]) -> list[Section]:
    """A line taken for a heading with nothing under it was not a heading
    (questions closing an article: 还款后征信多久能恢复？): it stays as a
    paragraph of what comes before it, so no line of the article is lost.

    >>> s = parse("\\n\\n".join(["逾期后常见的问题，这里统一回答。", "一、征信", "逾期会上征信。",
    ...                          "还款后征信多久能恢复？", "可以只还本金吗？"]))
    >>> [(x.title, [b.text for b in x.blocks]) for x in s.sections]
    [('一、征信', ['逾期会上征信。', '还款后征信多久能恢复？', '可以只还本金吗？'])]
    """
    kept: list[Section] = []
    for section in sections:
        if section.blocks or _has_children(section, sections):
            kept.append(section)
        else:
            (kept[-1].blocks if kept else intro).append(Block("paragraph", section.title))
    return kept


def _table(lines: list[str]) -> Block:
    """
    >>> _table(["␝逾期天数␟罚息", "␞1-30天"]).rows
    [['逾期天数', '罚息'], ['1-30天', '']]
    """
    rows = [tables.cells(line) for line in lines]
    width = max(len(row) for row in rows)
    return Block("table", rows=[row + [""] * (width - len(row)) for row in rows])


def _collect_items(lines: list[str], start: int, hints: frozenset[str]) -> tuple[list[str], int]:
    items = []
    j = start
    while j < len(lines):
        line = lines[j]
        if tables.is_row(line):
            break
        nxt = lines[j + 1] if j + 1 < len(lines) else None
        is_item = (len(line) <= LIST_ITEM_MAX and not _SENTENCE_END.search(line.rstrip("。"))) or (
            _TERM.match(line) and len(line) <= 2 * LIST_ITEM_MAX
        )
        numbered = _heading_kind(line, nxt, line in hints) not in (None, "top")
        if not is_item or numbered or _TOP.match(line):
            break
        items.append(_BULLET.sub("", line))
        j += 1
    return items, j


def _has_children(section: Section, sections: list[Section]) -> bool:
    index = sections.index(section)
    return index + 1 < len(sections) and sections[index + 1].level > section.level
