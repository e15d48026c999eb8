"""A guide: what a cleaned article becomes, and how it is rendered.

Rendering goes through Jinja2 templates with StrictUndefined, so a template
that names a missing field fails loudly instead of printing nothing. The
templates ship in ``pipeline/templates``; a site overrides one by putting a
file of the same name in its own template folder (``overrides/guides``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from jinja2 import ChoiceLoader, Environment, FileSystemLoader, PackageLoader, StrictUndefined

from pipeline.shape import Part, is_question, is_warning, strip_numbering, warning_runs
from pipeline.structure import Block, Structure
from pipeline.untrusted import site_name

_SENTENCE = re.compile(r"[^。！？!?]*[。！？!?]")
DESCRIPTION_MAX = 120
# A description shorter than this says too little: the next source is tried.
DESCRIPTION_MIN = 10
# Where a description may end: after a sentence (a ； ends one point of the
# 要点), else after a clause.
_SENTENCE_END = re.compile(r"[。！？!?；;]")
_CLAUSE_END = re.compile(r"[，,、：:]")
# 要点 labels of a closing section: they say nothing about the guide
_CLOSING = re.compile(r"^(?:小编)?(?:总结|结语|结论|小结|结束语|写在最后|最后)$")
# Where the run puts the date a guide's text last changed (see with_updated):
# md_text escapes every { and } of a page's text, so text from a page never
# holds it.
UPDATED_MARK = "{updated}"
_UPDATED_LINE = re.compile(r"^updated: '\{updated\}'$", re.M)
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass
class Guide:
    id: str
    slug: str
    title: str
    description: str
    category: str
    category_name: str
    tags: list[str]
    source: str
    intro: list[Block]
    parts: list[Part]
    kind: str = "explainer"
    summary: list[str] = field(default_factory=list)
    date: str | None = None
    url: str | None = None
    alternative_titles: list[str] = field(default_factory=list)
    # when the guide's text last changed (YYYY-MM-DD): set by the publish
    # stage, which knows what was published before; rendered as UPDATED_MARK
    updated: str | None = None

    def front_matter(self) -> dict[str, Any]:
        meta: dict[str, Any] = {
            "title": self.title,
            "description": self.description,
            "tags": self.tags,
            "category": self.category_name,
            "kind": self.kind,
            "source": self.url or self.source,
            "guide_id": self.id,
        }
        if self.date:
            meta["source_date"] = self.date
        if self.updated:
            meta["updated"] = self.updated
        return meta


def describe(summary: list[str], structure: Structure, title: str) -> str:
    """The guide's description: its 要点 as one sentence, else the opening
    sentences of its first real paragraph, else its title; at most
    DESCRIPTION_MAX characters, cut only where a sentence or a clause ends.

    >>> from pipeline.structure import parse
    >>> text = "引语:短\\n\\n逾期后平台一般会先发短信提醒。随后电话联系。再后来委托第三方机构。"
    >>> describe(["逾期的后果：要尽快还款", "协商流程", "总结"], parse(text), "t")
    '逾期的后果：要尽快还款；协商流程。'
    >>> describe(["结语：应主动联系平台协商"], parse(text), "t")
    '应主动联系平台协商。'
    >>> describe([], parse(text), "t")
    '逾期后平台一般会先发短信提醒。随后电话联系。'
    """
    points = []
    for point in summary:
        label, colon, advice = point.partition("：")
        if _CLOSING.match(label.strip()):
            point = advice if colon else ""  # 结语：advice → the advice alone
        point = point.strip().rstrip("。；;，,、：:")
        if point:
            points.append(point)
    if points:
        described = clip("；".join(points) + "。", DESCRIPTION_MAX, DESCRIPTION_MIN)
        if described:
            return described
    paragraphs = [b.text for b in structure.intro if b.kind == "paragraph"]
    paragraphs += [b.text for s in structure.sections for b in s.blocks if b.kind == "paragraph"]
    paragraphs += [t for b in structure.intro if b.kind == "steps" for step in b.steps for t in step]
    for text in paragraphs:
        if len(text) < 30:
            continue
        out = ""
        for sentence in _SENTENCE.findall(text) or [text]:
            if out and len(out) + len(sentence) > DESCRIPTION_MAX:
                break
            out += sentence
            if len(out) >= 20:
                break
        # Two short sentences read better than one clipped one.
        if len(out) < 20 or len(out) > DESCRIPTION_MAX:
            out = clip(text, DESCRIPTION_MAX, 20) or ""
        if out:
            return out
    return title


def clip(text: str, limit: int, shortest: int = 1) -> str | None:
    """``text`` if it is at most ``limit`` characters; else its beginning up
    to the last end of a sentence (a closing ； becomes 。), else of a clause
    (marked ……), that leaves at least ``shortest`` characters; else None.
    Characters are counted, not words: never cut inside a word.

    >>> clip("第一句话。第二句话很长很长。", 8)
    '第一句话。'
    >>> clip("要点一；要点二；要点三。", 9)
    '要点一；要点二。'
    >>> clip("逾期以后，平台会先提醒，然后催收", 13)
    '逾期以后，平台会先提醒……'
    >>> clip("没有标点的一整段长文字", 5) is None
    True
    """
    text = text.strip()
    if len(text) <= limit:
        return text
    ends = [m.end() for m in _SENTENCE_END.finditer(text, 0, limit)]
    if ends and ends[-1] >= shortest:
        out = text[: ends[-1]]
        return out[:-1] + "。" if out.endswith(("；", ";")) else out
    # a clause, and room for the ellipsis
    ends = [m.start() for m in _CLAUSE_END.finditer(text, 0, limit - 1)]
    if ends and ends[-1] >= shortest:
        return text[: ends[-1]] + "……"
    return None


def with_updated(markdown: str, day: str) -> str:
    """A guide's Markdown, rendered with UPDATED_MARK for its date, with the
    date ``day`` (YYYY-MM-DD) in its front matter's ``updated`` line and its
    text. Markdown rendered without the mark is returned as it is.

    >>> markdown = "---\\ntitle: '{updated}'\\nupdated: '{updated}'\\n---\\n\\n更新于 {updated}。\\n"
    >>> print(with_updated(markdown, "2026-11-29"))
    ---
    title: '{updated}'
    updated: '2026-11-29'
    ---
    <BLANKLINE>
    更新于 2026-11-29。
    <BLANKLINE>
    """
    if not _ISO_DATE.match(day):
        raise ValueError(f"not a date: {day!r}")
    if not markdown.startswith("---\n"):
        return markdown.replace(UPDATED_MARK, day)
    end = markdown.index("\n---\n", 3)
    # in the front matter only its own line: a title may hold the mark
    head = _UPDATED_LINE.sub(lambda _: to_yaml({"updated": day}), markdown[:end], count=1)
    return head + markdown[end:].replace(UPDATED_MARK, day)


_MD_SPECIAL = re.compile(r"([\\`*_\[\]{}])")
# what md_text replaces or escapes anywhere in a text (most texts hold none)
_MD_ANY = re.compile(r"[&<>\\`*_\[\]{}]")
# What makes a line a heading, quote, list item or table row in Markdown.
_LINE_START = re.compile(r"^(\s*)(#+(?=\s|$)|>|[-+*](?=\s)|\d+[.)](?=\s)|\|)")


def md_text(text: str) -> str:
    """Text from a scraped page, made inert for Markdown and HTML.

    Nothing in it can become a tag, a link or emphasis on the site.

    >>> md_text('<script>alert(1)</script> *强调* [链接](javascript:x)')
    '&lt;script&gt;alert(1)&lt;/script&gt; \\\\*强调\\\\* \\\\[链接\\\\](javascript:x)'
    >>> md_text("1. 第一步"), md_text("1.1 资金周转")
    ('1\\\\. 第一步', '1.1 资金周转')
    """
    if _MD_ANY.search(text):
        text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        text = _MD_SPECIAL.sub(r"\\\1", text)
    match = _LINE_START.match(text)
    if match:
        lead, mark = match.groups()
        text = lead + (mark[:-1] + "\\" + mark[-1]) + text[match.end() :]
    return text


def emphasise_warnings(text: str) -> str:
    """A paragraph's text for Markdown (``md_text``) with its sentences that
    warn in bold: the paragraph stays one line, as the article has it.

    >>> emphasise_warnings("逾期后要主动联系客服。切勿轻信陌生来电。")
    '逾期后要主动联系客服。**切勿轻信陌生来电。**'
    """
    runs = warning_runs(text)
    if not any(warning for warning, _ in runs):
        return md_text(text)
    out = []
    for warning, run in runs:
        if warning and run.strip():
            core = run.strip()
            start = run.index(core)
            out.append(f"{run[:start]}**{md_text(core)}**{run[start + len(core) :]}")
        else:
            out.append(md_text(run))
    return "".join(out)


def md_cell(text: str) -> str:
    """Text for a Markdown table cell.

    >>> md_cell("a|b")
    'a\\\\|b'
    """
    return md_text(text).replace("|", "\\|").replace("\n", " ")


# libyaml's emitter when PyYAML has it: the pure-Python one took a third of
# the time it takes to render a guide
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def to_yaml(data: dict[str, Any]) -> str:
    """
    >>> print(to_yaml({"title": "逾期: 怎么办", "tags": ["协商", "征信"]}))
    title: '逾期: 怎么办'
    tags:
    - 协商
    - 征信
    """
    text = yaml.dump(data, Dumper=_DUMPER, allow_unicode=True, sort_keys=False, width=10_000)
    return text.rstrip("\n")


class Renderer:
    def __init__(self, override_dir: Path | None = None) -> None:
        loaders: list[Any] = []
        if override_dir and override_dir.is_dir():
            loaders.append(FileSystemLoader(str(override_dir)))
        loaders.append(PackageLoader("pipeline", "templates"))
        self.env = Environment(
            loader=ChoiceLoader(loaders),
            undefined=StrictUndefined,
            keep_trailing_newline=True,
            trim_blocks=True,
            lstrip_blocks=True,
            autoescape=False,  # Markdown out, escaped by the md filter
            # a run renders with the templates it started with: their files
            # are not looked at again for every guide (and every import)
            auto_reload=False,
        )
        self.env.filters["md"] = md_text
        self.env.filters["cell"] = md_cell
        self.env.filters["yaml"] = to_yaml
        self.env.filters["strip_numbering"] = strip_numbering
        self.env.filters["is_warning"] = is_warning
        self.env.filters["emphasise_warnings"] = emphasise_warnings
        self.env.filters["is_question"] = is_question
        self.env.filters["site_name"] = site_name

    def render(self, template: str, **context: Any) -> str:
        text = self.env.get_template(template).render(**context)
        return _BLANK_LINES.sub("\n\n", text).strip("\n") + "\n"


_BLANK_LINES = re.compile(r"\n{3,}")
