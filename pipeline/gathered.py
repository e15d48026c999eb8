"""Pages gathered from the published guides at build time: 常见问题 (the
FAQ answers across guides) and 求助渠道 (the official channels the guides
mention, each with the guides it came from).

They are made from the guides' Markdown by ``overrides/hooks/pages.py``
when the site is built, so they follow hand edits and never go stale
between runs. Text taken from a guide is made plain (one line, no markup)
and escaped again for Markdown, as everything from a scraped page is.
"""

from __future__ import annotations

import html
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

from pipeline.cleaners.rules import RuleFileError, data_path, load_yaml
from pipeline.guide import md_text
from pipeline.untrusted import plain_line

FAQ_PER_CATEGORY = 15
SOURCES_PER_QUESTION = 3
GUIDES_PER_CHANNEL = 5
QUOTE_MAX = 90
ANSWER_MAX = 240

_QUESTION = re.compile(r'^\?\?\?\+? question "(?P<q>.*)"\s*$')
_SENTENCE = re.compile(r"[^。！？!?]*(?:[。！？!?]|$)")
_ESCAPE = re.compile(r"\\(.)")
_EMPHASIS = re.compile(r"\*\*|__")
_LIST_MARK = re.compile(r"^\s*(?:[-+*]|\d+\.)\s+")
_ATTRS = re.compile(r"\{:[^}]*\}")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")


@dataclass
class GuideText:
    """What the gathered pages need of one guide."""

    src_uri: str  # guides/<category>/<slug>.md
    title: str
    category: str  # the category's name, as in the front matter
    body: str  # the Markdown after the front matter


@dataclass
class Question:
    text: str
    answer: str
    sources: list[GuideText] = field(default_factory=list)


@dataclass(frozen=True)
class Channel:
    name: str
    what: str
    find: tuple[str, ...]


def plain(markdown: str, limit: int = ANSWER_MAX) -> str:
    """A line of a guide's Markdown as plain text: escapes, emphasis, list
    marks, links and attribute lists removed.

    >>> plain(r"- **准备材料**：身份证\\*1、&lt;b&gt;")
    '准备材料：身份证*1、'
    >>> plain("[支付宝](https://a.example/){: rel=\\"nofollow\\" }的客服")
    '支付宝的客服'
    """
    text = _LIST_MARK.sub("", markdown)
    text = _ATTRS.sub("", text)
    text = _LINK.sub(r"\1", text)
    text = _EMPHASIS.sub("", text)
    text = _ESCAPE.sub(r"\1", text)
    return plain_line(html.unescape(text), limit)


def _first_paragraph(lines: list[str], start: int) -> str:
    """The first paragraph of the block indented under line ``start``."""
    out: list[str] = []
    for line in lines[start + 1 :]:
        if not line.strip():
            if out:
                break
            continue
        if not line.startswith("    "):
            break
        out.append(line.strip())
    return " ".join(out)


def questions(guide: GuideText) -> list[Question]:
    """The collapsible questions of a guide (``??? question "…"``) with the
    first paragraph of each answer.

    >>> g = GuideText("guides/a/b.md", "标题", "催收流程",
    ...               '??? question "几天开始催收?"\\n\\n    一般逾期**三天**后。\\n\\n    其他。\\n')
    >>> [(q.text, q.answer) for q in questions(g)]
    [('几天开始催收?', '一般逾期三天后。')]
    """
    lines = guide.body.splitlines()
    found = []
    for i, line in enumerate(lines):
        match = _QUESTION.match(line.strip())
        if match:
            text = plain(match["q"].replace("“", '"'), 80)
            answer = plain(_first_paragraph(lines, i))
            if text and answer:
                found.append(Question(text, answer, [guide]))
    return found


def _key(question: str) -> str:
    return re.sub(r"[\s?？。!！]+", "", question)


def gather_questions(guides: Iterable[GuideText], order: list[str]) -> dict[str, list[Question]]:
    """Questions by category (in ``order``, then others by name); a question
    asked in several guides once, with its guides, the most asked first."""
    by_key: dict[tuple[str, str], Question] = {}
    for guide in sorted(guides, key=lambda g: (g.title, g.src_uri)):
        for q in questions(guide):
            key = (guide.category, _key(q.text))
            if key in by_key:
                by_key[key].sources.append(guide)
            else:
                by_key[key] = q
    grouped: dict[str, list[Question]] = defaultdict(list)
    for (category, _), q in by_key.items():
        grouped[category].append(q)
    rank = {name: i for i, name in enumerate(order)}
    return {
        category: sorted(grouped[category], key=lambda q: (-len(q.sources), q.sources[0].title, q.text))
        for category in sorted(grouped, key=lambda c: (rank.get(c, len(rank)), c))
    }


def _link(guide: GuideText, here: str) -> str:
    target = Path(guide.src_uri).relative_to(Path(here).parent).as_posix() if "/" in here else guide.src_uri
    return f"[{md_text(plain_line(guide.title))}]({quote(target)})"


def render_faq(grouped: dict[str, list[Question]], here: str = "faq.md") -> str:
    parts = [
        "---",
        "title: 常见问题",
        "description: 各篇指南里回答过的问题，按分类整理。",
        "searchable: false",
        "disclaimer: true",
        "---",
        "",
        "# 常见问题",
        "",
    ]
    if not grouped:
        parts += ["指南里还没有问答。可以用页面顶部的搜索框搜索，或者浏览[全部指南](guides/index.md)。", ""]
    else:
        parts += ["各篇指南里回答过的问题，按分类整理。点开问题看回答的开头，完整的回答在所在的指南里。", ""]
    for category, items in grouped.items():
        parts += [f"## {md_text(plain_line(category))}", ""]
        for q in items[:FAQ_PER_CATEGORY]:
            title = md_text(q.text).replace('"', "“")
            sources = "、".join(_link(g, here) for g in q.sources[:SOURCES_PER_QUESTION])
            more = f"等 {len(q.sources)} 篇" if len(q.sources) > SOURCES_PER_QUESTION else ""
            parts += [
                f'??? question "{title}"',
                "",
                f"    {md_text(q.answer)}",
                "",
                f"    出自：{sources}{more}",
                "",
            ]
        if len(items) > FAQ_PER_CATEGORY:
            parts += [f"这一类还有 {len(items) - FAQ_PER_CATEGORY} 个问题，见这一类的指南。", ""]
    return "\n".join(parts)


def load_channels(path: Path | None = None) -> list[Channel]:
    path = path or data_path("channels.yaml")
    data = load_yaml(path)
    try:
        return [
            Channel(str(c["name"]), str(c["what"]), tuple(str(f) for f in c["find"]))
            for c in data["channels"]
        ]
    except (KeyError, TypeError) as exc:
        raise RuleFileError(f"{path}: malformed channel list ({exc!r}); see the comments at its top") from exc


def mention(guide: GuideText, channel: Channel) -> str | None:
    """The sentence of ``guide`` that mentions ``channel``, as plain text.

    >>> c = Channel("12378", "热线", ("12378",))
    >>> mention(GuideText("g.md", "t", "c", "## 投诉\\n\\n先找平台。再拨打 12378 投诉。"), c)
    '再拨打 12378 投诉。'
    """
    if not any(term in guide.body for term in channel.find):
        return None  # most guides: no need to split them into sentences
    for line in guide.body.splitlines():
        if line.lstrip().startswith(("#", "???", "!!!")):
            continue
        for sentence in _SENTENCE.findall(line):
            if any(term in sentence for term in channel.find):
                return plain(sentence, QUOTE_MAX) or None
    return None


def render_channels(channels: list[Channel], guides: list[GuideText], here: str = "help.md") -> str:
    parts = [
        "---",
        "title: 求助渠道",
        "description: 指南里提到的官方求助和投诉渠道，每一项都注明出自哪篇指南。",
        "searchable: true",
        "disclaimer: true",
        "---",
        "",
        "# 求助渠道",
        "",
        "下面是各篇指南里提到的官方渠道。每一项下面列出提到它的指南和原文，方便核对出处；"
        "拨打电话前，请在官方网站或官方 App 上再核对一次号码。",
        "",
    ]
    listed = 0
    for channel in channels:
        mentions = [(g, m) for g in sorted(guides, key=lambda g: g.title) if (m := mention(g, channel))]
        if not mentions:
            continue
        listed += 1
        parts += [f"## {md_text(channel.name)}", "", md_text(channel.what), "", "指南里的说法："]
        parts += [""] + [f"- {_link(g, here)}：“{md_text(m)}”" for g, m in mentions[:GUIDES_PER_CHANNEL]]
        if len(mentions) > GUIDES_PER_CHANNEL:
            parts += ["", f"共 {len(mentions)} 篇指南提到，这里列出 {GUIDES_PER_CHANNEL} 篇。"]
        parts.append("")
    if not listed:
        parts += ["指南里还没有提到官方渠道。", ""]
    return "\n".join(parts)
