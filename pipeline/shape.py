"""What a guide shows a worried reader, worked out from its sections: a short
summary (要点), numbered steps where the article gives a procedure, a
timeline where it gives stages, collapsible answers where its sections are
questions, warnings where it warns; and which kind of guide it is (how-to,
explainer or FAQ), which picks the template.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Literal

from pipeline.cues import Marker, in_sequence, is_action, marker, sentences, warns
from pipeline.structure import Block, Section, Structure

Shape = Literal["plain", "steps", "timeline", "question"]
Kind = Literal["howto", "explainer", "faq"]

_STEPS_TITLE = re.compile(r"流程|步骤|怎么办|如何|办法|方法|做法|怎样|怎么")
_QUESTION = re.compile(r"[？?]$")
_NUMBERING = re.compile(
    r"^(?:(?:第\s*[一二三四五六七八九十\d]+\s*步|步骤\s*[一二三四五六七八九十\d]+)[：:、，,.．]?|[一二三四五六七八九十]+[、.．]|\d+(?:\.\d+)*[.、．]?|[(（][\d一二三四五六七八九十]+[)）])\s*"
)
_PERIOD = re.compile(
    r"(第?\s*\d+\s*(?:[-~～至到]\s*\d+\s*)?天(?:以上|以后|之后|后|内)?|超过\s*\d+\s*天|\d+\s*(?:个月|年)(?:以上|以后)?)"
)
# Unmarked paragraphs a step may run on over before the next step
STEP_CONTINUATION = 2
_HAN_END = re.compile(r"[\u3400-\u9fff]$")
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
    # its subsections are steps in order (第一步…, or numbered actions):
    # shown numbered, also inside a question's answer
    numbered: bool = False

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
    """The guide's shape. Runs of paragraphs that are steps (see
    :func:`steps_in`) become steps blocks in ``structure`` itself, so the
    intro and sections the guide renders show them numbered.

    >>> from pipeline.structure import parse
    >>> text = "\\n".join(["引言，说明本文讲什么内容。", "一、协商流程", "4.1 准备材料", "准备身份证件。",
    ...                   "4.2 联系客服", "拨打官方电话。", "4.3 确认结果", "拿到书面协议。"])
    >>> s = shape("协商流程", parse(text))
    >>> s.kind, [p.shape for p in s.parts]
    ('howto', ['steps'])
    """
    parts = _nest(structure)
    for part in parts:
        part.numbered = _are_steps([c.title for c in part.children])
        if _QUESTION.search(part.title):
            part.shape = "question"
        elif rows := _timeline(part):
            part.shape = "timeline"
            part.timeline = rows
        elif part.numbered or (len(part.children) >= 3 and _STEPS_TITLE.search(part.title)):
            part.shape = "steps"
    parts = _group_steps(parts)
    for blocks in [structure.intro] + [s.blocks for s in structure.sections]:
        blocks[:] = steps_in(blocks)
    # a question under a section heading is a question too (rendered as a
    # collapsible there): an article of numbered questions is a FAQ
    questions = sum(
        1 if p.shape == "question" else sum(bool(_QUESTION.search(c.title)) for c in p.children)
        for p in parts
    )
    units = sum(
        1 + (0 if p.shape == "question" else sum(bool(_QUESTION.search(c.title)) for c in p.children))
        for p in parts
    )
    kind: Kind
    if questions >= 2 and questions * 2 >= units:
        kind = "faq"
    elif any(p.shape == "steps" for p in parts) or _STEPS_TITLE.search(title) or _has_steps(structure):
        kind = "howto"
    else:
        kind = "explainer"
    return Shaped(kind, _summary(structure, parts), parts)


def is_question(title: str) -> bool:
    """A heading that asks (ends in ？)."""
    return bool(_QUESTION.search(title))


def _has_steps(structure: Structure) -> bool:
    return any(
        b.kind == "steps"
        for blocks in [structure.intro, *[s.blocks for s in structure.sections]]
        for b in blocks
    )


def _acting(markers: list[Marker]) -> bool:
    """Steps are what a reader does, in order: numbering that counts on from
    one over things to do, or the article calling them steps (第一步)."""
    return in_sequence(markers) and (markers[0].explicit or all(is_action(m.rest) for m in markers))


def _are_steps(titles: list[str]) -> bool:
    """
    >>> _are_steps(["第一步：登录", "第二步：申请"]), _are_steps(["(1)主动沟通", "(2)优先偿还高息债务"])
    (True, True)
    >>> _are_steps(["(1)逾期金额大小", "(2)历史信用记录"]), _are_steps(["第一步：登录"])
    (False, False)
    """
    markers = [marker(t) for t in titles]
    return all(m is not None for m in markers) and _acting([m for m in markers if m is not None])


def _group_steps(parts: list[Part]) -> list[Part]:
    """Top-level sections headed 第一步, 第二步 … (an article without other
    headings above them) become the steps of one untitled part."""
    out: list[Part] = []
    i = 0
    while i < len(parts):
        j = i
        while j < len(parts) and not parts[j].children and (m := marker(parts[j].title)) and m.explicit:
            j += 1
        while j > i + 1 and not _are_steps([p.title for p in parts[i:j]]):
            j -= 1
        if j - i >= 2:
            children = [Section(p.title, p.level + 1, p.blocks) for p in parts[i:j]]
            out.append(Part("", parts[i].level, [], children, shape="steps", numbered=True))
            i = j
        else:
            out.append(parts[i])
            i += 1
    return out


def steps_in(blocks: list[Block]) -> list[Block]:
    """``blocks`` with each run of paragraphs that are steps made one steps
    block: 第一步… 第二步…, 步骤一…, and numbering (1. （1） 一、 第一，) or
    首先… 其次/然后… 最后… over things the reader does. A step may run on
    over STEP_CONTINUATION unmarked paragraphs before the next one. Numbered
    facts (1. 价格有空间。 2. 风险低。) stay paragraphs: they are not
    something to do, and their numbers stay in their text.

    >>> texts = ["办理方法如下。", "第一步，登录手机银行。", "页面在首页。",
    ...          "第二步，提交申请。", "第三步，等待审核。", "以上就是全部。"]
    >>> bs = [Block("paragraph", t) for t in texts]
    >>> [(b.kind, b.text or b.steps) for b in steps_in(bs)]  # doctest: +NORMALIZE_WHITESPACE
    [('paragraph', '办理方法如下。'),
     ('steps', [['登录手机银行。', '页面在首页。'], ['提交申请。'], ['等待审核。']]),
     ('paragraph', '以上就是全部。')]
    >>> facts = [Block("paragraph", t) for t in ["1. 价格有空间。", "2. 风险低。"]]
    >>> [b.kind for b in steps_in(facts)]
    ['paragraph', 'paragraph']
    """
    out: list[Block] = []
    i = 0
    while i < len(blocks):
        if blocks[i].kind == "list":
            out += _list_steps(blocks[i])
            i += 1
            continue
        run = _steps_at(blocks, i)
        if run is None:
            out.append(blocks[i])
            i += 1
        else:
            steps, i = run
            out.append(Block("steps", steps=steps))
    return out


def _list_steps(block: Block) -> list[Block]:
    """A list after a colon line (办理步骤如下：) whose items open with 第一步,
    第二步 …: those items are steps; what the list took in after them (a
    closing sentence) is paragraphs again."""
    markers: list[Marker] = []
    for item in block.items:
        m = marker(item)
        if m is None or (markers and not in_sequence([*markers, m])):
            break
        markers.append(m)
    if len(markers) < 2 or not _acting(markers):
        return [block]
    items = block.items
    steps = [[_step_text(m, item)] for m, item in zip(markers, items[: len(markers)], strict=True)]
    return [Block("steps", steps=steps)] + [Block("paragraph", item) for item in items[len(markers) :]]


def _steps_at(blocks: list[Block], start: int) -> tuple[list[list[str]], int] | None:
    first = marker(blocks[start].text) if blocks[start].kind == "paragraph" else None
    if first is None or first.n != 1:
        return None
    markers = [first]
    steps = [[_step_text(first, blocks[start].text)]]
    pending: list[str] = []
    end = j = start + 1
    while j < len(blocks) and blocks[j].kind == "paragraph":
        m = marker(blocks[j].text)
        if m is None or m.kind != first.kind:
            if len(pending) == STEP_CONTINUATION:
                break
            pending.append(blocks[j].text)
        elif in_sequence([*markers, m]):
            markers.append(m)
            steps[-1] += pending
            steps.append([_step_text(m, blocks[j].text)])
            pending = []
            end = j + 1
            if m.kind == "adverb" and m.n == 0:  # 最后
                break
        else:
            break
        j += 1
    return (steps, end) if _acting(markers) else None


def _step_text(m: Marker, text: str) -> str:
    """A step's text: without its number (the list numbers it), unless the
    number is a word of its sentence (首先，…; 第一步是…, 第二步要…).

    >>> [_step_text(marker(t), t) for t in ("第一步：登录。", "第一步是登录。")]
    ['登录。', '第一步是登录。']
    """
    text = text.strip()
    head = text[: len(text) - len(m.rest)].rstrip()
    return text if m.kind == "adverb" or _HAN_END.search(head) else m.rest


def _summary(structure: Structure, parts: list[Part]) -> list[str]:
    """One point per top-level section: what it is about (its title without
    numbering) and, when the section gives one, a short piece of advice from
    it (使用者应主动联系客服). Advice is a clause of at most ADVICE_MAX
    characters, so a point never repeats a whole sentence of the body."""
    points: list[str] = []
    for part in parts[:SUMMARY_POINTS]:
        texts = [t for b in part.blocks for t in _texts(b)]
        texts += [t for c in part.children for b in c.blocks for t in _texts(b)]
        advice = next((c.strip() for t in texts for c in _CLAUSE.findall(t) if _is_advice(c)), "")
        label = part.label.rstrip("?？") if part.title else ""
        if label or advice:
            points.append(f"{label}：{advice}" if label and advice else label or advice)
    return points


def _texts(block: Block) -> list[str]:
    if block.kind == "steps":
        return [text for step in block.steps for text in step]
    return [block.text] if block.kind == "paragraph" else []


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


def warning_runs(text: str) -> list[tuple[bool, str]]:
    """A paragraph as runs of sentences that warn (True) and sentences that
    do not, in their order: the warning box holds the sentences that warn,
    not the paragraph they are in (``pipeline.cues.warns``).

    >>> warning_runs("逾期后要主动联系客服。切勿轻信陌生来电。客服会给出方案。")
    [(False, '逾期后要主动联系客服。'), (True, '切勿轻信陌生来电。'), (False, '客服会给出方案。')]
    >>> warning_runs("逾期后要主动联系客服。")
    [(False, '逾期后要主动联系客服。')]
    """
    return list(_warning_runs(text))


@lru_cache(maxsize=1024)
def _warning_runs(text: str) -> tuple[tuple[bool, str], ...]:
    """The runs of a paragraph, kept for the paragraphs seen last: a guide's
    template asks whether a paragraph is a warning (``is_warning``), then
    for its sentences that warn (``guide.emphasise_warnings``)."""
    runs: list[tuple[bool, str]] = []
    for sentence in sentences(text) or [text]:
        warning = warns(sentence)
        if runs and runs[-1][0] == warning:
            runs[-1] = (warning, runs[-1][1] + sentence)
        else:
            runs.append((warning, sentence))
    return tuple(runs)


def is_warning(block: Block) -> bool:
    """A paragraph that is a warning: the sentences that warn make at least
    half of it. A paragraph that warns in one sentence among others is not
    (its warning sentences are emphasised in it, see ``emphasise_warnings``),
    and neither is an article because a warning word appears in it.

    >>> is_warning(Block("paragraph", "切勿轻信陌生来电。官方不会私下收费。"))
    True
    >>> is_warning(Block("paragraph", "逾期后平台先发短信，随后打电话，再委托第三方。切勿轻信来电。"))
    False
    """
    if block.kind != "paragraph":
        return False
    warned = sum(len(text) for warning, text in _warning_runs(block.text) if warning)
    return warned > 0 and warned * 2 >= len(block.text.strip())
