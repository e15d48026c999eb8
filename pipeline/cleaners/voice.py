"""The source site's own voice, which on this site would speak for us.

A scraped article talks as its site: 「本站将详细探讨…」 (on our pages,
本站 would be this site), 「小编总结」 (the source site's editor), and it
labels its parts for its own layout: 「引语:数字化时代的信用管理与挑战」.
Rewritten to the article's voice:

- 本站/本网 introducing what the article does (本站将…, 本站为您…) →
  本文; other sentences about the site itself are its statements, which the
  chrome rules remove;
- 小编 → 笔者 (the article's writer), and 小编总结 / 小编寄语 as a heading →
  总结 / 寄语;
- a layout label in front of a line (引语：, 引言：, 导语：, 编者按：) is
  dropped and the line kept.

Each rewrite is a ``site_voice`` finding.
"""

from __future__ import annotations

import re
from collections.abc import Callable

Note = Callable[[str, str], None]

# 本站 introducing what the article does, not a statement about the site
_SITE_INTRODUCES = re.compile(
    r"(?:本站|本网)(?=(?:将|会|就|来|特意|特地|现在|今天|下面)?(?:为(?:您|你|大家)|给(?:您|你|大家)|详细|深入|全面|简单|重点|探讨|介绍|讲解|分析|梳理|整理|解答|盘点|分享|说说|聊聊))"
)
# 小编 heading its closing or advice: the heading without it
_EDITOR_HEADING = re.compile(
    r"^(\s*(?:[一二三四五六七八九十]+[、.．]|\d+[、.．])?\s*)小编(总结|寄语|提示|提醒|建议|结语|有话说)(?=\s*[:：]?\s*$)"
)
_EDITOR = re.compile(r"小编(?:们)?")
# a layout label in front of the line's own text
_LABEL = re.compile(r"^\s*(?:引语|引言|导语|导读|编者按|前言)\s*[:：]\s*(?=\S)")


def rewrite_site_voice(text: str, note: Note) -> str:
    """
    >>> rewrite_site_voice("本站将详细探讨支付宝逾期的协商流程。", print)
    site_voice 「本站」 → 「本文」: the source site introducing the article
    '本文将详细探讨支付宝逾期的协商流程。'
    >>> rewrite_site_voice("六、小编总结", print)
    site_voice 「六、小编总结」 → 「六、总结」: the source site's editor heading the closing
    '六、总结'
    >>> rewrite_site_voice("引语:数字化时代的信用管理与挑战", print)
    site_voice dropped the label 「引语:」 in front of 「数字化时代的信用管理与挑战」
    '数字化时代的信用管理与挑战'
    >>> rewrite_site_voice("今天小编为大家整理了协商的步骤。", print)
    site_voice 「小编」 → 「笔者」: the source site's editor
    '今天笔者为大家整理了协商的步骤。'
    >>> rewrite_site_voice("本站所有文章均来自网友投稿。引言部分很短。", lambda *a: None)
    '本站所有文章均来自网友投稿。引言部分很短。'
    """
    out = []
    for line in text.split("\n"):
        heading = _EDITOR_HEADING.match(line)
        if heading:
            new = _EDITOR_HEADING.sub(r"\1\2", line)
            note(
                "site_voice",
                f"「{line.strip()}」 → 「{new.strip()}」: the source site's editor heading the closing",
            )
            line = new
        if _EDITOR.search(line):
            note("site_voice", "「小编」 → 「笔者」: the source site's editor")
            line = _EDITOR.sub("笔者", line)
        if _SITE_INTRODUCES.search(line):
            note("site_voice", "「本站」 → 「本文」: the source site introducing the article")
            line = _SITE_INTRODUCES.sub("本文", line)
        label = _LABEL.match(line)
        if label:
            rest = line[label.end() :]
            note("site_voice", f"dropped the label 「{label.group().strip()}」 in front of 「{rest[:30]}」")
            line = rest
        out.append(line)
    return "\n".join(out)
