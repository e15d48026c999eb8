"""The review gate: a guide with damage a reader would see is held back as a
draft until an editor has fixed it.

Each guide gets a **damage score**, the sum of the weights of its open
spots: the cleaner's findings whose kind starts with ``flag_`` (problems it
saw and could not settle; see ``pipeline.cleaners``). A guide whose score
reaches ``THRESHOLD`` is **held**: it is still written, so that an editor
can fix it, but as a draft (front matter ``held: true``, ``reviewed:
false``). ``overrides/hooks/review.py`` marks a held guide's file a draft
with MkDocs' own mechanism (``File.inclusion = InclusionLevel.DRAFT``, what
``draft_docs`` does by path): ``mkdocs serve`` shows it, with each open spot
listed and highlighted; ``mkdocs build`` leaves it out (no page, nothing in
the navigation, sitemap, search, tags, category pages or related guides).
An editor fixes the text and sets ``reviewed: true``; the next build
publishes it, and the pipeline, which never overwrites a guide an editor
changed, leaves the edit alone.

The weights, and why (``THRESHOLD`` is 1.0: one spot a reader would see
as broken text holds a guide; spots that are only worth a look do not,
unless several come together):

- ``flag_cut_out``, a hole where the source site cut a word out (empty
  quotation marks, 被的, a clause starting with 的, an empty item before
  等, a title ending on a verb with no object): **1.0**. The sentence
  around it makes no sense to a reader; one hole holds the guide.
- ``flag_cut_out`` for a law title cut short and restored from the only
  known title starting so (``restore_law_titles``): **0.2**. The text reads
  correctly; the editor is asked to confirm the restoration.
- ``flag_cut_out`` that only counts the others ("N places look cut", no
  quoted spot of its own): **0**, its spots are counted already.
- ``flag_lost_characters``, a character the byte-slip repair guessed:
  **0.5**. A guess is more often right than wrong, so one guess alone is
  published (and listed in the quality report); two guesses on a page are
  likely to hold at least one wrong word (「个人信用分析树」), so they hold it.
- ``flag_title_guessed``, a title taken from the first sentence or from
  ``<title>`` alone: **0.25**. Not broken text, a headline worth a look:
  it never holds a guide by itself, only beside real damage.
- any other ``flag_`` kind (an unresolved spin, or a kind added later
  without a weight here): **1.0**, held until its weight is decided here.

Each spot carries the passage it is in (``needle``): the quoted context of
its finding, found again in the rendered guide, kept as its
:func:`skeleton` (Han characters, letters and digits only, so that Markdown
escapes and punctuation width do not matter). The quality report drops a
spot once an editor's text no longer holds its passage, and the draft page
highlights the passage where it still is.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from pipeline.guide import md_text, to_yaml
from pipeline.record import Finding
from pipeline.untrusted import plain_line

THRESHOLD = 1.0
DEFAULT_WEIGHT = 1.0
WEIGHTS: dict[str, float] = {
    "flag_cut_out": 1.0,
    "flag_lost_characters": 0.5,
    "flag_title_guessed": 0.25,
}
# flag_cut_out findings of the law-title step: the title is restored
RESTORED_LAW_TITLE = 0.2
# what an editor reads for each kind, in the draft page and the report
KIND_NAMES = {
    "flag_cut_out": "缺词（原网站删掉了词）",
    "flag_lost_characters": "猜测补回的字",
    "flag_title_guessed": "标题是猜的",
}
# A passage shorter than this says too little to be found again reliably.
NEEDLE_MIN = 4
_QUOTED = re.compile(r"「([^「」]*)」")
_SKELETON = re.compile(r"[^\u3400-\u9fffA-Za-z0-9]+")


@dataclass(frozen=True)
class Spot:
    """One open spot of a guide: its finding, its weight in the damage
    score, and the skeleton of the passage it is in (None when the passage
    could not be found in the guide)."""

    kind: str
    message: str
    weight: float
    needle: str | None

    def as_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "message": self.message, "weight": self.weight, "spot": self.needle}

    def in_front_matter(self) -> dict[str, Any]:
        """What a guide's front matter keeps of it: its passage, or when it
        has none, the message (a message may quote the page as it was
        before cleaning, damage and all, which a guide file never holds)."""
        if self.needle:
            return {"kind": self.kind, "weight": self.weight, "spot": self.needle}
        return {"kind": self.kind, "weight": self.weight, "message": self.message}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Spot:
        needle = data.get("spot")
        weight = data.get("weight")
        return cls(
            str(data.get("kind", "")),
            str(data.get("message", "")),
            float(weight) if isinstance(weight, int | float) else DEFAULT_WEIGHT,
            str(needle) if needle else None,
        )


def weight(finding: Finding) -> float:
    """A finding's weight in the damage score (0 for anything not a flag).

    >>> weight(Finding("flag_cut_out", "line 3: empty quotation marks: 「的“”实施」"))
    1.0
    >>> weight(Finding("flag_cut_out", "3 places look cut: the site removed a term"))
    0.0
    >>> weight(Finding("flag_title_guessed", "the title 「逾期怎么办」 is its first sentence"))
    0.25
    >>> weight(Finding("spun_word", "之一个 → 第一个")), weight(Finding("flag_new_kind", "x"))
    (0.0, 1.0)
    """
    if not finding.kind.startswith("flag_"):
        return 0.0
    if finding.kind == "flag_cut_out":
        if finding.step == "restore_law_titles":
            return RESTORED_LAW_TITLE
        if not _QUOTED.search(finding.message):
            return 0.0
    return WEIGHTS.get(finding.kind, DEFAULT_WEIGHT)


def score(spots: Iterable[Spot]) -> float:
    return round(sum(s.weight for s in spots), 2)


def is_held(damage: float) -> bool:
    """
    >>> is_held(1.0), is_held(0.75)
    (True, False)
    """
    return damage >= THRESHOLD


def skeleton(text: str) -> str:
    """What a passage is compared by: its Han characters, letters and
    digits (Markdown escapes, punctuation and spaces left out).

    >>> skeleton("支付宝旗下的“”实施\\\\*借贷 1.")
    '支付宝旗下的实施借贷1'
    """
    return _SKELETON.sub("", text)


def _passages(finding: Finding, guesses: Sequence[Mapping[str, str]]) -> list[str]:
    """Where in the text a finding is, as the cleaner quoted it."""
    if finding.kind == "flag_lost_characters":
        # the guess as it stands in the cleaned text (Simplified, Han context)
        for guess in guesses:
            if guess.get("flag") == finding.message:
                return [guess.get("left", "") + guess.get("choice", "") + guess.get("right", "")]
        quoted = _QUOTED.findall(finding.message)
        return ["".join(quoted[:2])] if quoted else []
    return _QUOTED.findall(finding.message)


def _locate(passage: str, body: str) -> str | None:
    """The longest part of ``passage`` (trimmed from its ends) whose skeleton
    is in ``body``'s skeleton; None when no part of NEEDLE_MIN is."""
    needle = skeleton(passage)
    for size in range(len(needle), NEEDLE_MIN - 1, -1):
        for start in range(0, len(needle) - size + 1):
            part = needle[start : start + size]
            if part in body:
                return part
    return None


def spots(findings: Iterable[Finding], guesses: Sequence[Mapping[str, str]], markdown: str) -> list[Spot]:
    """The open spots of a guide rendered as ``markdown``, in the order the
    cleaner found them. Passages are looked for in its body (the title is
    its first heading)."""
    body = skeleton(body_of(markdown))
    found = []
    for finding in findings:
        if not finding.kind.startswith("flag_"):
            continue
        needle = None
        for passage in _passages(finding, guesses):
            needle = _locate(passage, body)
            if needle:
                break
        found.append(Spot(finding.kind, finding.message, weight(finding), needle))
    return found


def with_review(markdown: str, found: Sequence[Spot]) -> str:
    """The guide's Markdown with its review fields in the front matter: its
    damage score and open spots when it has any; a held guide also
    ``held: true`` and ``reviewed: false`` (the line an editor changes)."""
    if not found or not markdown.startswith("---\n"):
        return markdown
    damage = score(found)
    lines = []
    if is_held(damage):
        lines += [
            "# 未发布的草稿：编辑改好后把 reviewed 改为 true，下次构建即发布",
            "held: true",
            "reviewed: false",
        ]
    fields = {"damage": damage, "open_spots": [s.in_front_matter() for s in found]}
    lines.append(to_yaml(fields))
    end = markdown.index("\n---\n", 3)
    return markdown[: end + 1] + "\n".join(lines) + markdown[end:]


def is_true(value: object) -> bool:
    return value is True or (isinstance(value, str) and value.strip().lower() in ("true", "yes", "on"))


def is_draft(meta: Mapping[str, Any]) -> bool:
    """A guide is a draft while the pipeline holds it and no editor has
    marked it reviewed.

    >>> is_draft({"held": True, "reviewed": False}), is_draft({"held": True, "reviewed": True})
    (True, False)
    >>> is_draft({"title": "x"})
    False
    """
    return is_true(meta.get("held")) and not is_true(meta.get("reviewed"))


def is_draft_file(path: Path) -> bool:
    """:func:`is_draft` for a guide's file, from its two lines alone (a
    file an editor saved in another encoding is read too)."""
    from pipeline.writers import front_matter_value

    return is_draft(_gate_values(lambda key: front_matter_value(path, key)))


def gate_values(text: str) -> dict[str, object]:
    """``held`` and ``reviewed`` of a guide's Markdown, read as
    :func:`is_draft_file` reads them (the site build decides drafts so),
    without parsing the rest of its front matter.

    >>> gate_values("---\\ntitle: x\\nheld: true\\nreviewed: yes  # checked\\n---\\n")
    {'held': True, 'reviewed': True}
    """
    from pipeline.writers import front_matter_value_in

    return _gate_values(lambda key: front_matter_value_in(text, key))


def _gate_values(raw_value: Callable[[str], str | None]) -> dict[str, object]:
    def value(key: str) -> object:
        raw = raw_value(key)
        if raw in ("true", "false"):  # what the pipeline writes, without a parser
            return raw == "true"
        try:
            return yaml.safe_load(raw) if raw else None  # `true  # a comment` too
        except yaml.YAMLError:
            return raw

    return {"held": value("held"), "reviewed": value("reviewed")}


def open_spots(meta: Mapping[str, Any]) -> list[Spot]:
    """A guide's open spots as its front matter lists them (an editor may
    have changed that too: anything not a list of mappings is ignored)."""
    items = meta.get("open_spots")
    if not isinstance(items, list):
        return []
    return [Spot.from_dict(item) for item in items if isinstance(item, dict)]


def body_of(markdown: str) -> str:
    """A guide's Markdown without its front matter (which lists the spots'
    passages themselves).

    >>> body_of("---\\ntitle: x\\n---\\n\\n# x\\n")
    '\\n# x\\n'
    """
    if markdown.startswith("---\n"):
        end = markdown.find("\n---\n", 3)
        if end != -1:
            return markdown[end + 5 :]
    return markdown


def still_open(found: Iterable[Spot], text: str) -> tuple[list[Spot], list[Spot]]:
    """The spots whose passage the guide ``text`` (its Markdown, with or
    without front matter) still holds, or that have no passage to look
    for; and those an editor has fixed."""
    body = skeleton(body_of(text))
    open_: list[Spot] = []
    fixed: list[Spot] = []
    for spot in found:
        (fixed if spot.needle and spot.needle not in body else open_).append(spot)
    return open_, fixed


def describe(spot: Spot) -> str:
    """One spot for an editor, as escaped Markdown text."""
    name = KIND_NAMES.get(spot.kind, spot.kind)
    # the message quotes its passage as the cleaner saw it, mostly
    where = f"「{spot.needle}」：" if spot.needle and not _QUOTED.search(spot.message) else ""
    return md_text(plain_line(f"{name}：{where}{spot.message}", 400))


_MARKUP = re.compile(r"[*`\[\]<>]")


def _highlight(line: str, needle: str) -> str:
    """``line`` with the passage whose skeleton is ``needle`` in <mark>,
    when it lies in plain text; else the line as it is."""
    chars = [(i, c) for i, c in enumerate(line) if not _SKELETON.fullmatch(c)]
    text = "".join(c for _, c in chars)
    at = text.find(needle)
    if at < 0:
        return line
    start, end = chars[at][0], chars[at + len(needle) - 1][0] + 1
    if _MARKUP.search(line[start:end]):
        return line
    return f'{line[:start]}<mark class="open-spot">{line[start:end]}</mark>{line[end:]}'


def annotate(markdown: str, meta: Mapping[str, Any]) -> str:
    """A held guide's Markdown as ``mkdocs serve`` shows it to editors: a
    box under its title listing the open spots, and each spot's passage
    highlighted where the text still holds it."""
    open_, fixed = still_open(open_spots(meta), markdown)
    lines = markdown.split("\n")
    for spot in open_:
        if not spot.needle:
            continue
        for i, line in enumerate(lines):
            if line.lstrip().startswith(("!!!", "???")) or spot.needle not in skeleton(line):
                continue
            lines[i] = _highlight(line, spot.needle)
            break
    damage = meta.get("damage")
    shown = f"（损伤分 {damage}，门槛 {THRESHOLD}）" if isinstance(damage, int | float) else ""
    box = [
        f'!!! danger "草稿：这篇指南尚未发布{shown}"',
        "",
        f"    还有 {len(open_)} 处待修改（已改 {len(fixed)} 处）。`mkdocs build` 不会发布它。"
        "对照原文改好正文后，把文件开头的 `reviewed: false` 改为 `reviewed: true`，下次构建即发布；"
        "程序不会覆盖编辑改过的文件。",
        "",
        *(f"    - 🚩 {describe(spot)}" for spot in open_),
        "",
    ]
    # under the title (the first heading), else at the top
    at = next((i + 1 for i, line in enumerate(lines) if line.startswith("# ")), 0)
    return "\n".join([*lines[:at], "", *box, *lines[at:]])
