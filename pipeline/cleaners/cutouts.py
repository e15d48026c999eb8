"""Words cut out of a page: found, restored where one answer is certain,
and otherwise flagged for an editor.

Sites that remove sensitive terms leave marks: empty quotation marks
(支付宝旗下的“”), masks (会***借款人), law titles cut short (《个人信息保》),
clauses that begin with 的 (按照相关规定,的逾期信息), a 被 with no verb
(会不会被的更猛), and titles that end on a verb with no object
(逾期后几天开始, where 催收 was removed everywhere).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

from pipeline.cleaners.rules import data_path

Note = Callable[[str, str], None]

_EMPTY_QUOTES = re.compile(r"“\s*”|\"\s*\"|「\s*」|『\s*』|‘\s*’|《\s*》|（\s*）|\(\s*\)")
# (the patterns that start with a lookbehind open with a look at the
# character a match starts with, which the engine passes over others for)
_MASK = re.compile(r"(?=[*＊×])(?:(?<=[\u4e00-\u9fff])[*＊×]{2,}|[*＊]{3,})")
_LAW = re.compile(r"《([^《》\n]{1,40})》")
# 的 opening a clause: its noun was cut. 的确, 的话 and 的士 are words.
_BARE_DE = re.compile(r"(?=[\s的])(?:^|(?<=[，,。；;：:、]))\s*的(?![确话士])")
_BARE_BEI = re.compile(r"被(?=的)")
_CUT_ITEM = re.compile(r"、(?=等)")
# Each mark, what finds it anywhere on a page, and what it says. A line holds
# a mark only if its page does, so a page's lines are searched only for the
# marks it holds (most pages hold none). A line's start is a start of a
# clause, so the 的 after one is looked for at the start of every line of
# the page (re.M); the others match on the page where they match in a line.
_MARKS = (
    (_EMPTY_QUOTES, _EMPTY_QUOTES, "empty quotation marks: a word was cut out"),
    (_MASK, _MASK, "a masked word"),
    (
        _BARE_DE,
        re.compile(_BARE_DE.pattern, re.M),
        "a clause starts with 的: the word before it was cut out",
    ),
    (_BARE_BEI, _BARE_BEI, "被 with no verb after it: a word was cut out"),
    (_CUT_ITEM, _CUT_ITEM, "an empty item before 等: a word was cut out"),
)
_DANGLING_TITLE = re.compile(r"(?:开始|进行|遭到|受到|被|会被)[?？]?$")
_PREFIX = "中华人民共和国"


@lru_cache(maxsize=4)
def known_titles(path: Path | None = None) -> tuple[str, ...]:
    path = path or data_path("law_titles.txt")
    lines = path.read_text(encoding="utf-8").splitlines()
    return tuple(line.strip() for line in lines if line.strip() and not line.startswith("#"))


def _context(line: str, start: int, end: int, width: int = 8) -> str:
    return line[max(0, start - width) : end + width]


def restore_law_titles(text: str, note: Note) -> str:
    """
    >>> restore_law_titles("必须遵守《个人信息保》等相关法规", lambda *a: None)
    '必须遵守《个人信息保护法》等相关法规'
    >>> restore_law_titles("按照《民法典》和《某某公司章程》", lambda *a: None)
    '按照《民法典》和《某某公司章程》'

    The state's name in front counts for nothing; three characters are
    enough when only one known title starts so, two are not:

    >>> restore_law_titles("《中华人民共和国个人信息保》《个人信》《民法》", print)  # doctest: +ELLIPSIS
    flag_cut_out law title 《中华人民共和国个人信息保》 was cut short; restored to 《个人信息保护法》, ...
    flag_cut_out law title 《个人信》 was cut short; restored to 《个人信息保护法》, ...
    '《中华人民共和国个人信息保护法》《个人信息保护法》《民法》'
    """
    titles = known_titles()

    def replace(match: re.Match[str]) -> str:
        name = match.group(1).strip()
        bare = name.removeprefix(_PREFIX)
        if bare in titles or not bare:
            return match.group(0)
        starts = [t for t in titles if t.startswith(bare)]
        if len(starts) == 1 and len(bare) >= 3:
            note(
                "flag_cut_out",
                f"law title 《{name}》 was cut short; restored to 《{starts[0]}》, the only known title "
                f"that starts so. Confirm it, then add it to glossary.yaml.",
            )
            return f"《{match.group(1).replace(bare, starts[0])}》"
        return match.group(0)

    return _LAW.sub(replace, text)


def flag_cut_out_words(text: str, title: str | None, note: Note) -> str:
    """Report the marks of cut-out words; the text is not changed. Three
    or more on a page point at a term its site removed throughout.

    >>> _ = flag_cut_out_words("支付宝旗下的“”实施借贷\\n会不会被的更猛", "逾期后几天开始", print)
    ... # doctest: +ELLIPSIS
    flag_cut_out line 1: empty quotation marks: a word was cut out: 「支付宝旗下的“”实施借贷」
    flag_cut_out line 2: 被 with no verb after it: a word was cut out: 「会不会被的更猛」
    flag_cut_out the title 「逾期后几天开始」 ends on a verb with no object: a term was probably cut out...
    flag_cut_out 3 places look cut: the source site probably removed a term throughout
    >>> _ = flag_cut_out_words("会***借款人\\n按照规定，的逾期信息", "逾期", print)
    flag_cut_out line 1: a masked word: 「会***借款人」
    flag_cut_out line 2: a clause starts with 的: the word before it was cut out: 「按照规定，的逾期信息」
    >>> _ = flag_cut_out_words("有些 催收人员\\n存在扰、等行为", None, print)
    flag_cut_out line 2: an empty item before 等: a word was cut out: 「存在扰、等行为」
    """
    found = 0
    marks = [(pattern, what) for pattern, on_page, what in _MARKS if on_page.search(text)]
    for number, line in enumerate(text.split("\n") if marks else [], start=1):
        if not line:  # every mark is at least one character
            continue
        for pattern, what in marks:
            for match in pattern.finditer(line):
                found += 1
                note(
                    "flag_cut_out",
                    f"line {number}: {what}: 「{_context(line, match.start(), match.end())}」",
                )
    if title and _DANGLING_TITLE.search(title):
        found += 1
        note(
            "flag_cut_out",
            f"the title 「{title}」 ends on a verb with no object: a term was probably cut out of "
            "the page everywhere (look for sentences that lack the same word)",
        )
    if found >= 3:
        note("flag_cut_out", f"{found} places look cut: the source site probably removed a term throughout")
    return text
