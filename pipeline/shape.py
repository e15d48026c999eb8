"""What a guide shows a worried reader, worked out from its sections: a short
summary (要点), numbered steps where the article gives a procedure, a
timeline where it gives stages, collapsible answers where its sections are
questions, warnings where it warns; and which kind of guide it is (how-to,
explainer or FAQ), which picks the template.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from pipeline.structure import Block, Section, Structure

Shape = Literal["plain", "steps", "timeline", "question"]
Kind = Literal["howto", "explainer", "faq"]

_STEPS_TITLE = re.compile(r"流程|步骤|怎么办|如何|办法|方法|做法|怎样|怎么")
_QUESTION = re.compile(r"[？?]$")
_NUMBERING = re.compile(
    r"^(?:[一二三四五六七八九十]+[、.．]|\d+(?:\.\d+)*[.、．]?|[(（][\d一二三四五六七八九十]+[)）])\s*"
)
_PERIOD = re.compile(
    r"(第?\s*\d+\s*(?:[-~～至到]\s*\d+\s*)?天(?:以上|以后|之后|后|内)?|超过\s*\d+\s*天|\d+\s*(?:个月|年)(?:以上|以后)?)"
)
_WARNING = re.compile(r"诈骗|骗局|骗子|切勿|谨防|警惕|不要相信|不要轻信|钓鱼")
_SENTENCE = re.compile(r"[^。！？!?]+[。！？!?]?")
SUMMARY_POINTS = 6
# Advice in a point is one clause this short, so that no point repeats a
# whole sentence of the body.
ADVICE_MAX = 16
_ADVICE = re.compile(r"(?<![只主重需])要(?!是)|应(?![对用])|建议|务必|切勿|不要|尽快|主动|保存|核实")
_NOT_ADVICE = re.compile(
    r"^(?:要是|只要|以便|但|而|如果|假如|倘若|虽然|即使|尽管|认为|主要|因为|由于)|[“”\"]|以下"
)
_CLAUSE = re.compile(r"[^，,；;：:。！？!?]+")


@dataclass
class Row:
    stage: str
    period: str
    what: str


@dataclass
class Part:
    """A top-level section with its subsections."""

    title: str
    level: int
    blocks: list[Block]
    children: list[Section] = field(default_factory=list)
    shape: Shape = "plain"
    timeline: list[Row] = field(default_factory=list)

    @property
    def label(self) -> str:
        return _NUMBERING.sub("", self.title) or self.title


@dataclass
class Shaped:
    kind: Kind
    summary: list[str]
    parts: list[Part]


def strip_numbering(title: str) -> str:
    """
    >>> strip_numbering("4.1 准备相关材料"), strip_numbering("(1)逾期金额大小"), strip_numbering("一、原因")
    ('准备相关材料', '逾期金额大小', '原因')
    """
    return _NUMBERING.sub("", title) or title


def first_sentence(text: str, limit: int = 80) -> str:
    """
    >>> first_sentence("逾期后平台会先发短信提醒，随后电话联系。第二句。")
    '逾期后平台会先发短信提醒，随后电话联系。'
    """
    match = _SENTENCE.match(text.strip())
    sentence = match.group(0) if match else text
    return sentence if len(sentence) <= limit else sentence[: limit - 1] + "…"


def _nest(structure: Structure) -> list[Part]:
    parts: list[Part] = []
    top = min((s.level for s in structure.sections), default=2)
    for section in structure.sections:
        if section.level == top or not parts:
            parts.append(Part(section.title, section.level, section.blocks))
        else:
            parts[-1].children.append(section)
    return parts


def _period(title: str) -> str | None:
    match = _PERIOD.search(title)
    return match.group(1).strip() if match else None


def _first_text(blocks: list[Block]) -> str:
    return next((b.text for b in blocks if b.kind == "paragraph" and len(b.text) >= 10), "")


def _timeline(part: Part) -> list[Row]:
    rows = []
    for child in part.children:
        period = _period(child.title)
        if not period:
            return []
        stage = (
            re.sub(r"[(（][^()（）]*[)）]", "", strip_numbering(child.title))
            .replace(period, "")
            .strip(" ：:")
        )
        rows.append(Row(stage or period, period, first_sentence(_first_text(child.blocks), 80)))
    return rows if len(rows) >= 2 else []


def shape(title: str, structure: Structure) -> Shaped:
    """
    >>> from pipeline.structure import parse
    >>> text = "\\n".join(["引言，说明本文讲什么内容。", "一、协商流程", "4.1 准备材料", "准备身份证件。",
    ...                   "4.2 联系客服", "拨打官方电话。", "4.3 确认结果", "拿到书面协议。"])
    >>> s = shape("协商流程", parse(text))
    >>> s.kind, [p.shape for p in s.parts]
    ('howto', ['steps'])
    """
    parts = _nest(structure)
    for part in parts:
        if _QUESTION.search(part.title):
            part.shape = "question"
        elif rows := _timeline(part):
            part.shape = "timeline"
            part.timeline = rows
        elif len(part.children) >= 3 and _STEPS_TITLE.search(part.title):
            part.shape = "steps"
    questions = sum(p.shape == "question" for p in parts)
    kind: Kind
    if questions >= 2 and questions * 2 >= len(parts):
        kind = "faq"
    elif any(p.shape == "steps" for p in parts) or _STEPS_TITLE.search(title):
        kind = "howto"
    else:
        kind = "explainer"
    return Shaped(kind, _summary(structure, parts), parts)


def _summary(structure: Structure, parts: list[Part]) -> list[str]:
    """One point per top-level section: what it is about (its title without
    numbering) and, when the section gives one, a short piece of advice from
    it (使用者应主动联系客服). Advice is a clause of at most ADVICE_MAX
    characters, so a point never repeats a whole sentence of the body."""
    points: list[str] = []
    for part in parts[:SUMMARY_POINTS]:
        texts = [b.text for b in part.blocks if b.kind == "paragraph"]
        texts += [b.text for c in part.children for b in c.blocks if b.kind == "paragraph"]
        advice = next((c.strip() for t in texts for c in _CLAUSE.findall(t) if _is_advice(c)), "")
        label = part.label.rstrip("?？")
        points.append(f"{label}：{advice}" if advice else label)
    return points


def _is_advice(clause: str) -> bool:
    clause = clause.strip()
    return (
        6 <= len(clause) <= ADVICE_MAX
        and bool(_ADVICE.search(clause))
        and not _NOT_ADVICE.search(clause)
        and _makes_a_point(clause)
    )


def _makes_a_point(sentence: str) -> bool:
    """A sentence that stands on its own: not an introduction to a list
    (ending in a colon), not a clause whose subject was cut out (的…, 是…)."""
    return not sentence.rstrip().endswith((":", "：")) and not sentence.startswith(("的", "是"))


def is_warning(block: Block) -> bool:
    """A paragraph that warns the reader (scams, 切勿, 警惕)."""
    return block.kind == "paragraph" and bool(_WARNING.search(block.text))
