"""Site chrome around the article: comment threads, info lines, link lists."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from pipeline.cleaners.rules import CommentRules, LineRule

Note = Callable[[str, str], None]

_BULLET = re.compile(r"^[•·▪●◆◇■□○\-*]\s*")
_SENTENCE_END = re.compile(r"[。！？!?；;，,]")


def strip_comment_blocks(text: str, rules: CommentRules, note: Note) -> str:
    """Remove reader comment threads: from a 精彩评论-style heading through
    the commenters' lines, dates and 写评论 prompts that follow it."""
    lines = text.split("\n")
    keep: list[str] = []
    i = 0
    while i < len(lines):
        if not rules.start.search(lines[i]):
            keep.append(lines[i])
            i += 1
            continue
        start = i
        i += 1
        while i < len(lines):
            line = lines[i]
            if not line:
                i += 1
            elif any(p.search(line) for p in rules.inside):
                i += 1
            elif rules.author.search(line):
                i += 1
                # the commenter's text follows their name line
                if (
                    i < len(lines)
                    and lines[i]
                    and not rules.author.search(lines[i])
                    and not rules.start.search(lines[i])
                ):
                    i += 1
            else:
                break
        removed = [line for line in lines[start:i] if line]
        note(
            "comment_block",
            f"removed a comment block of {len(removed)} lines starting 「{removed[0]}」",
        )
    return "\n".join(keep)


_DATE = re.compile(r"(20\d{2})\s*[-/年.]\s*(\d{1,2})\s*[-/月.]\s*(\d{1,2})")


def strip_boilerplate(
    text: str, rules: Sequence[LineRule], note: Note, dates: list[str] | None = None
) -> str:
    """Remove lines that a rule of ``boilerplate.yaml`` recognises as chrome.

    Dates on removed lines (the page's publication date, usually) are
    collected in ``dates`` as YYYY-MM-DD.
    """
    keep = []
    for line in text.split("\n"):
        rule = next(
            (r for r in rules if line and len(line) <= r.max_chars and r.pattern.search(line)),
            None,
        )
        if rule is None:
            keep.append(line)
        else:
            note("boilerplate", f"removed {rule.name} line 「{_clip(line)}」")
            match = _DATE.search(line)
            if match and dates is not None:
                year, month, day = match.groups()
                dates.append(f"{year}-{int(month):02d}-{int(day):02d}")
    return "\n".join(keep)


def strip_link_lists(text: str, note: Note) -> str:
    """Remove a trailing list of article titles (相关文章 lists printed as
    bullets after the last paragraph): three or more short bullet lines
    with no sentence punctuation, with nothing but blank lines after them."""
    lines = text.split("\n")
    end = len(lines)
    while end and not lines[end - 1].strip():
        end -= 1
    start = end
    while start and (
        not lines[start - 1].strip()
        or (
            _BULLET.match(lines[start - 1])
            and len(lines[start - 1]) <= 40
            and not _SENTENCE_END.search(_BULLET.sub("", lines[start - 1]))
        )
    ):
        start -= 1
    items = [line for line in lines[start:end] if line.strip()]
    if len(items) < 3:
        return text
    note(
        "link_list",
        f"removed a list of {len(items)} links to other articles, first 「{_BULLET.sub('', items[0])}」",
    )
    return "\n".join(lines[:start]).rstrip("\n")


def _clip(line: str, width: int = 40) -> str:
    return line if len(line) <= width else line[: width - 1] + "…"


_SEGMENTS = re.compile(r"[，,、|｜/\s]+")


def strip_related_blocks(text: str, start: re.Pattern[str], note: Note) -> str:
    """Remove a 相关推荐-style heading and the list of titles under it."""
    lines = text.split("\n")
    keep: list[str] = []
    i = 0
    while i < len(lines):
        if not (lines[i] and start.search(lines[i])):
            keep.append(lines[i])
            i += 1
            continue
        j = i + 1
        items = 0
        while j < len(lines) and (
            not lines[j]
            or (len(_BULLET.sub("", lines[j])) <= 40 and not _SENTENCE_END.search(_BULLET.sub("", lines[j])))
        ):
            items += bool(lines[j])
            j += 1
        note("related_list", f"removed 「{lines[i]}」 and the {items} article titles under it")
        i = j
    return "\n".join(keep)


def strip_keyword_stuffing(text: str, note: Note) -> str:
    """Remove lines that are lists of search keywords pasted for SEO: six or
    more short segments, no sentence punctuation, and one two-character term
    in most of them (逾期协商,逾期怎么办,逾期一天,逾期两天,…).

    >>> strip_keyword_stuffing("逾期协商,逾期怎么办,逾期一天,逾期两天,逾期三天,逾期上征信\\n正文。", print)
    keyword_stuffing removed a line of 6 search keywords 「逾期协商,逾期怎么办,逾期一天,逾期两天,逾期…」
    '正文。'
    """
    keep = []
    for line in text.split("\n"):
        segments = [s for s in _SEGMENTS.split(line) if s]
        if len(segments) >= 6 and not re.search(r"[。！？!?；;]", line) and _shared_term(segments):
            note(
                "keyword_stuffing", f"removed a line of {len(segments)} search keywords 「{_clip(line, 24)}」"
            )
            continue
        keep.append(line)
    return "\n".join(keep)


def _shared_term(segments: list[str]) -> bool:
    counts: dict[str, int] = {}
    for segment in segments:
        for gram in {segment[i : i + 2] for i in range(len(segment) - 1)}:
            counts[gram] = counts.get(gram, 0) + 1
    return bool(counts) and max(counts.values()) >= 0.6 * len(segments)
