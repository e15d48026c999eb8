"""The editors' quality report: a page that ``mkdocs serve`` shows editors
and ``mkdocs build`` leaves out of the public site (a draft in mkdocs.yml's
``draft_docs``). It lists per guide the repairs the cleaner made and the
flags waiting for an editor, with links to the guide and its source.

Everything on it came from a scraped page, the input file names included:
it is written as escaped Markdown text, with contact details masked."""

from __future__ import annotations

import sqlite3
from collections import Counter
from pathlib import Path
from typing import Any
from urllib.parse import quote

from pipeline.guide import md_cell, md_text
from pipeline.personal_data import redact
from pipeline.state import State
from pipeline.untrusted import plain_line
from pipeline.writers import atomic_write

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


def _link(record: dict[str, Any], content: Path) -> str:
    output = record.get("output")
    title = md_text(plain_line(record.get("title") or redact(record["source"])))
    if output and Path(output).exists():
        try:
            return f"[{title}]({quote(Path(output).resolve().relative_to(content.resolve()).as_posix())})"
        except ValueError:
            pass
    return title


def _source(record: dict[str, Any]) -> str:
    """An input's path or address as escaped text (a file name may hold
    markup, a backtick to end a code span, or a phone number)."""
    return md_cell(redact(record["source"]))


def render_report(records: list[dict[str, Any]], content: Path) -> str:
    lines = [HEADER.format(intro=INTRO)]
    published = [r for r in records if r["status"] == "published"]
    flagged = [r for r in published if any(f["kind"].startswith("flag") for f in r["findings"])]
    statuses = Counter(r["status"] for r in records)
    lines.append(
        f"共 {len(records)} 个输入页面：发布 {statuses['published']}，重复 {statuses['duplicate']}，"
        f"拒绝 {statuses['rejected']}；{len(flagged)} 篇指南有待核对的问题。\n"
    )
    lines.append("## 待核对的指南\n")
    if not flagged:
        lines.append("暂无。\n")
    for record in sorted(
        published,
        key=lambda r: (-sum(f["kind"].startswith("flag") for f in r["findings"]), r.get("title") or ""),
    ):
        flags = [f for f in record["findings"] if f["kind"].startswith("flag")]
        repairs = Counter(REPAIR_KINDS[f["kind"]] for f in record["findings"] if f["kind"] in REPAIR_KINDS)
        if not flags and not repairs:
            continue
        lines.append(f"### {_link(record, content)}\n")
        lines.append(f"来源：{_source(record)}\n")
        for flag in flags:
            lines.append(f"- 🚩 {md_cell(flag['message'])}")
        if repairs:
            lines.append("- 自动修复：" + "，".join(f"{kind} {n} 处" for kind, n in repairs.most_common()))
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
