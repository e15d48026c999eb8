"""Personal data in scraped pages: strangers' phone numbers, QQ numbers,
e-mail addresses, WeChat IDs, ID-card and bank-card numbers.

What the values look like is in ``pipeline.personal_data``. Each value is
replaced with a placeholder; a line that was little but contact details, or
that invites readers to contact someone (加微信, 联系王经理 — the "agents"
readers are warned about), goes whole; a row of a table keeps its place,
its values masked. Official service numbers on the
allow-list of ``pii.yaml`` stay. Findings show the removed value masked
(150****9527), so the manifest does not republish it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from pipeline import personal_data
from pipeline.cleaners.rules import RuleFileError, data_path, load_yaml
from pipeline.tables import is_row

Note = Callable[[str, str], None]


@dataclass(frozen=True)
class PiiRules:
    allow: frozenset[str]
    replacement: str


def load_pii_rules(path: Path | None = None) -> PiiRules:
    path = path or data_path("pii.yaml")
    data = load_yaml(path)
    allow = data.get("allow") or []
    if not isinstance(allow, list):
        raise RuleFileError(f"{path}: 'allow' must be a list of numbers")
    return PiiRules(
        allow=frozenset(re.sub(r"\D", "", str(a)) for a in allow),
        replacement=str(data.get("replacement", "〔已隐去〕")),
    )


def remove_pii(text: str, rules: PiiRules, note: Note) -> str:
    """
    >>> rules = PiiRules(frozenset({"95188", "4008195188"}), "〔已隐去〕")
    >>> remove_pii("请拨打95188或400-819-5188，不要联系陈先生15070879527。", rules, lambda *a: None)
    '请拨打95188或400-819-5188，不要联系陈先生〔已隐去〕。'
    >>> remove_pii("有问题联系作者微信：wx_helper2024，邮箱a1@qq.com。", rules, lambda *a: None)
    ''
    >>> remove_pii("借款15000000000元，电话（０１０）８７６５４３２１。", rules, lambda *a: None)
    '借款15000000000元，电话〔已隐去〕。'

    Each finding names the kind and masks the value; a line that was
    little but contact details goes:

    >>> remove_pii("张三 13912345678，lisi@163.com。\\n正文。", rules, print)
    pii_removed removed a mobile number (139****5678)
    pii_removed removed an e-mail address (li****@163.com)
    pii_removed removed a contact line 「张三 〔已隐去〕，〔已隐去〕。」
    '正文。'
    """
    removed_contact = False  # set for each line below

    def substitute(match: personal_data.Match) -> str:
        nonlocal removed_contact
        if match.digits in rules.allow:
            return match.value
        masked = personal_data.mask(match.kind, match.value)
        note("pii_removed", f"removed {_NAMES[match.kind]} ({masked})")
        removed_contact = removed_contact or match.kind in personal_data.CONTACT_KINDS
        return rules.replacement

    lines = []
    for line in text.split("\n"):
        removed_contact = False
        line = personal_data.replace(line, substitute)
        if removed_contact and personal_data.invites_contact(line) and not is_row(line):
            # 加微信/联系王经理 for 代理协商 or 征信修复: the services readers
            # are warned about, not a sentence of the article
            note("pii_removed", f"removed a line inviting readers to contact someone 「{_clip(line)}」")
            continue
        lines.append(line)
    return _drop_contact_lines("\n".join(lines), rules.replacement, note)


_NAMES = {
    "email": "an e-mail address",
    "id_card": "an ID-card number",
    "bank_card": "a bank-card number",
    "mobile": "a mobile number",
    "landline": "a landline number",
    "service_line": "a 400/800 number not on the allow-list",
    "qq": "a QQ number",
    "wechat": "a WeChat ID",
}


def _clip(line: str, width: int = 60) -> str:
    return line if len(line) <= width else line[: width - 1] + "…"


def _drop_contact_lines(text: str, placeholder: str, note: Note) -> str:
    """A line that was little but contact details says nothing once they
    are gone (有问题可以联系作者〔已隐去〕，〔已隐去〕。): it goes too.

    >>> mark = "〔已隐去〕"
    >>> _drop_contact_lines(f"有问题可以联系作者{mark}，{mark}。\\n正文。", mark, print)
    pii_removed removed a contact line 「有问题可以联系作者〔已隐去〕，〔已隐去〕。」
    '正文。'

    Two details and at most 20 other characters; a table's row stays:

    >>> twenty, once = "有" * 20, f"有问题可以联系作者{mark}。"
    >>> _drop_contact_lines(f"{twenty}{mark}{mark}\\n{twenty}好{mark}{mark}\\n{once}", mark, print)
    pii_removed removed a contact line 「有有有有有有有有有有有有有有有有有有有有〔已隐去〕〔已隐去〕」
    '有有有有有有有有有有有有有有有有有有有有好〔已隐去〕〔已隐去〕\\n有问题可以联系作者〔已隐去〕。'
    >>> row = f"␞客服{mark}␟投诉{mark}"
    >>> _drop_contact_lines(row, mark, print) == row
    True
    """
    keep = []
    for line in text.split("\n"):
        if line.count(placeholder) >= 2 and len(line.replace(placeholder, "")) <= 20 and not is_row(line):
            note("pii_removed", f"removed a contact line 「{line}」")
            continue
        keep.append(line)
    return "\n".join(keep)
