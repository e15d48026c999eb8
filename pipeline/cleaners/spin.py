"""Words a "伪原创" rewriting tool swapped, restored from a reviewed table."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from pipeline.cleaners.rules import SpinRule

Note = Callable[[str, str], None]


def restore_spun_words(text: str, rules: Sequence[SpinRule], note: Note) -> str:
    """Apply every rule of ``spin.yaml``; each change is reported with context.

    >>> from pipeline.cleaners.rules import load_spin_rules
    >>> restore_spun_words("逾期后的之一个工作日，原因之一是忘记", load_spin_rules(), lambda *a: None)
    '逾期后的第一个工作日，原因之一是忘记'
    """
    for rule in rules:

        def replace(match: re.Match[str], rule: SpinRule = rule) -> str:
            new = match.expand(rule.replace)
            context = match.string[max(0, match.start() - 6) : match.end() + 6].replace("\n", " ")
            note("spun_word", f"{rule.name}: 「{match.group(0)}」 → 「{new}」 in 「{context}」")
            return new

        text = rule.pattern.sub(replace, text)
    return text
