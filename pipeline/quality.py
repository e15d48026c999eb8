"""The editors' quality report: a page that ``mkdocs serve`` shows editors
and ``mkdocs build`` leaves out of the public site (a draft in mkdocs.yml's
``draft_docs``). It lists, in this order:

- the guides the review gate holds back (``pipeline.review``), with the
  spots an editor still has to fix;
- the published guides with flags waiting for an editor, and the repairs
  the cleaner made, with links to the guide and its source;
- every guide edited by hand, and whether it is published;
- the pages that were not published, and why.

A guide edited by hand is read as the editor left it: a flag whose passage
the editor's text no longer holds is dropped (counted as fixed).

Everything on it came from a scraped page, the input file names included:
it is written as escaped Markdown text, with contact details masked."""

from __future__ import annotations

import os
import sqlite3
from collections import Counter
from pathlib import Path
from typing import Any
from urllib.parse import quote

from pipeline import review
from pipeline.guide import md_cell, md_text
from pipeline.personal_data import redact
from pipeline.record import Finding
from pipeline.state import State
from pipeline.untrusted import plain_line
from pipeline.writers import atomic_write, is_pristine

REPAIR_KINDS = {
    "byte_slip_realigned": "字节错位已还原",
    "lost_character_restored": "据拼音补回的字",
    "repaired_from_copy": "据其他副本修复",
    "spun_word": "伪原创词已还原",
    "pinyin_annotation": "删除拼音注释",
    "traditional_script": "繁体转简体",
    "mojibake": "乱码已重新解码",
    "pii_removed": "删除个人信息",
    "glossary": "按词表替换",
}

HEADER = """---
title: 编辑质量报告
description: 每篇指南的自动修复和待编辑核对的问题。
search:
  exclude: true
hide:
  - navigation
---

# 编辑质量报告

{intro}

"""


INTRO = (
    "由清洗程序在每次运行后生成，请勿手工修改。🚩 表示程序无法确定、需要编辑对照原文核对的问题；"
    "核对后把修正写进 `glossary.yaml`，下次运行即生效。"
)

DRAFTS_INTRO = (
    f"损伤分（每处问题的权重之和，见 `pipeline/review.py`）达到 {review.THRESHOLD} 的指南不发布："
    "`mkdocs serve` 里可以看到（问题处有标记），`mkdocs build` 不会发布。"
    "对照原文改好正文后，把文件开头的 `reviewed: false` 改为 `reviewed: true`，下次构建即发布；"
    "程序不会覆盖编辑改过的文件。"
)


def _link(record: dict[str, Any], content: Path) -> str:
    """The guide's title, linked to its file when that is under ``content``
    (a resolved path)."""
    output = record.get("output")
    title = md_text(plain_line(record.get("title") or redact(record["source"])))
    if output and Path(output).exists():
        # resolving every guide's path took seconds at 10,000 guides: the
        # plain absolute path first, resolved only when it is not under content
        path = Path(os.path.abspath(output))
        if not path.is_relative_to(content):
            path = Path(output).resolve()
        if path.is_relative_to(content):
            return f"[{title}]({quote(path.relative_to(content).as_posix())})"
    return title


def _source(record: dict[str, Any]) -> str:
    """An input's path or address as escaped text (a file name may hold
    markup, a backtick to end a code span, or a phone number)."""
    return md_cell(redact(record["source"]))


class _Guide:
    """A published record's guide as it is on disk now."""

    def __init__(self, record: dict[str, Any]) -> None:
        self.record = record
        output = record.get("output")
        path = Path(output) if output else None
        text = path.read_text(encoding="utf-8", errors="replace") if path and path.is_file() else None
        self.edited = text is not None and not is_pristine(text)
        # as the site build decides drafts (review.is_draft_file)
        meta = review.gate_values(text) if text is not None else {}
        self.draft = review.is_draft(meta) if text is not None else bool(record.get("held"))
        self.reviewed = review.is_true(meta.get("reviewed")) and review.is_true(meta.get("held"))
        if "spots" in record:
            spots = [review.Spot.from_dict(s) for s in record["spots"]]
        else:  # a record from before the review gate: its flags, unplaced
            findings = [Finding(f["kind"], f["message"], f.get("step")) for f in record["findings"]]
            spots = [review.Spot(f.kind, f.message, review.weight(f), None) for f in findings]
            spots = [s for s in spots if s.kind.startswith("flag")]
        self.fixed: list[review.Spot] = []
        if self.edited and text is not None:
            spots, self.fixed = review.still_open(spots, text)
        # a count of other spots says nothing once they are all fixed
        if not any(s.weight for s in spots):
            spots = [s for s in spots if s.needle or s.weight]
        self.spots = spots
        self.damage = review.score(spots)


def _entry(guide: _Guide, content: Path, lines: list[str]) -> None:
    record = guide.record
    repairs = Counter(REPAIR_KINDS[f["kind"]] for f in record["findings"] if f["kind"] in REPAIR_KINDS)
    lines.append(f"### {_link(record, content)}\n")
    about = [f"来源：{_source(record)}"]
    if guide.draft:
        about.append(f"损伤分 {guide.damage}")
    if guide.edited:
        about.append("✏️ 编辑已手工修改" + ("，已标记 reviewed" if guide.reviewed else ""))
    lines.append("　".join(about) + "\n")
    for spot in guide.spots:
        lines.append(f"- 🚩 {review.describe(spot)}")
    if guide.fixed:
        lines.append(f"- ✅ 编辑已改好 {len(guide.fixed)} 处")
    if repairs:
        lines.append("- 自动修复：" + "，".join(f"{kind} {n} 处" for kind, n in repairs.most_common()))
    lines.append("")


def render_report(records: list[dict[str, Any]], content: Path) -> str:
    content = content.resolve()
    lines = [HEADER.format(intro=INTRO)]
    guides = [_Guide(r) for r in records if r["status"] == "published"]
    drafts = sorted((g for g in guides if g.draft), key=lambda g: (-g.damage, g.record.get("title") or ""))
    public = [g for g in guides if not g.draft]
    flagged = [g for g in public if g.spots]
    edited = [g for g in guides if g.edited]
    statuses = Counter(r["status"] for r in records)
    lines.append(
        f"共 {len(records)} 个输入页面：发布 {statuses['published']}（其中未发布的草稿 {len(drafts)}），"
        f"重复 {statuses['duplicate']}，拒绝 {statuses['rejected']}；"
        f"{len(flagged)} 篇已发布的指南有待核对的问题；{len(edited)} 篇指南经编辑手工修改。\n"
    )
    lines.append("## 未发布的草稿\n")
    lines.append(DRAFTS_INTRO + "\n")
    if not drafts:
        lines.append("暂无。\n")
    for guide in drafts:
        _entry(guide, content, lines)
    lines.append("## 待核对的指南\n")
    if not flagged:
        lines.append("暂无。\n")
    for guide in sorted(public, key=lambda g: (-len(g.spots), g.record.get("title") or "")):
        if guide.spots or guide.fixed or any(f["kind"] in REPAIR_KINDS for f in guide.record["findings"]):
            _entry(guide, content, lines)
    lines.append("## 编辑手工修改过的指南\n")
    lines.append("这些文件程序不会覆盖（`credit-guides clean --force` 才会重新生成，并显示被替换的修改）。\n")
    if not edited:
        lines.append("暂无。\n")
    for guide in edited:
        state = "草稿，尚未标记 reviewed，未发布" if guide.draft else "已发布"
        lines.append(f"- {_link(guide.record, content)}：{state}")
    lines.append("")
    rejected = [r for r in records if r["status"] == "rejected"]
    if rejected:
        lines.append("## 未发布的页面\n")
        lines.append("| 页面 | 原因 |\n|---|---|")
        for record in rejected:
            reason = md_cell(redact(record["reason"] or ""))
            lines.append(f"| {_source(record)} | {reason} |")
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


def write_quality_report(state_path: Path, page: Path) -> None:
    if not state_path.exists():
        return
    db = sqlite3.connect(str(state_path))
    try:
        records = State(db, "").all_records()
    finally:
        db.close()
    atomic_write(page, render_report(records, page.parent))
