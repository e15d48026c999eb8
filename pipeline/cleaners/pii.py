"""Personal data in scraped pages: strangers' phone numbers, QQ numbers,
e-mail addresses, WeChat IDs, ID-card and bank-card numbers.

A contact line made of nothing else is chrome and goes with the boilerplate;
what is left inside sentences is replaced here. Official service numbers on
the allow-list of ``pii.yaml`` stay. Findings show the removed value masked
(150****9527), so the manifest does not republish it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from pipeline.cleaners.rules import RuleFileError, data_path, load_yaml

Note = Callable[[str, str], None]

_D = r"(?<![\dA-Za-z])"  # not inside a longer number or word
_E = r"(?![\dA-Za-z])"
PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("email", re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")),
    (
        "id_card",
        re.compile(_D + r"[1-9]\d{5}(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx]" + _E),
    ),
    ("bank_card", re.compile(_D + r"(?:62|4\d|5[1-5])\d{2}(?:[ -]?\d{4}){2,3}(?:[ -]?\d{1,3})?" + _E)),
    ("mobile", re.compile(_D + r"(?:\+?86[- ]?)?1[3-9]\d[- ]?\d{4}[- ]?\d{4}" + _E)),
    ("landline", re.compile(_D + r"0\d{2,3}[- ]?\d{7,8}" + _E)),
    ("qq", re.compile(r"(?i)(?:QQ|扣扣|企鹅)(?:号码?|群)?\s*[:：]?\s*[1-9]\d{4,11}" + _E)),
    (
        "wechat",
        re.compile(r"(?:微信|VX|vx|wx|WX|V信|薇信)(?:号)?\s*[:：]\s*[A-Za-z][-_A-Za-z0-9]{5,19}" + _E),
    ),
]


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


def mask(value: str) -> str:
    """
    >>> mask("15070879527"), mask("3590931873@qq.com")
    ('150****9527', '35****@qq.com')
    """
    if "@" in value:
        name, domain = value.split("@", 1)
        return f"{name[:2]}****@{domain}"
    digits = re.sub(r"\s", "", value)
    return digits[:3] + "****" + digits[-4:] if len(digits) > 7 else "****"


def remove_pii(text: str, rules: PiiRules, note: Note) -> str:
    """
    >>> rules = PiiRules(frozenset({"95188"}), "〔已隐去〕")
    >>> remove_pii("遇到问题请拨打官方客服95188，不要联系陈先生15070879527。", rules, lambda *a: None)
    '遇到问题请拨打官方客服95188，不要联系陈先生〔已隐去〕。'
    >>> remove_pii("有问题联系作者微信：wx_helper2024，邮箱a1@qq.com。", rules, lambda *a: None)
    ''
    """
    for kind, pattern in PATTERNS:

        def replace(match: re.Match[str], kind: str = kind) -> str:
            value = match.group(0)
            digits = re.sub(r"\D", "", value)
            if digits in rules.allow:
                return value
            note("pii_removed", f"removed a {kind.replace('_', ' ')} ({mask(value)})")
            return rules.replacement

        text = pattern.sub(replace, text)
    return _drop_contact_lines(text, rules.replacement, note)


def _drop_contact_lines(text: str, placeholder: str, note: Note) -> str:
    """A line that was little but contact details says nothing once they
    are gone (有问题可以联系作者〔已隐去〕，〔已隐去〕。): it goes too."""
    keep = []
    for line in text.split("\n"):
        if line.count(placeholder) >= 2 and len(line.replace(placeholder, "")) <= 20:
            note("pii_removed", f"removed a contact line 「{line}」")
            continue
        keep.append(line)
    return "\n".join(keep)
