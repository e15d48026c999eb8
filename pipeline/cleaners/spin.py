"""Words a "伪原创" rewriting tool swapped, restored from a reviewed table."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from pipeline.cleaners.rules import SpinRule

Note = Callable[[str, str], None]


def restore_spun_words(text: str, rules: Sequence[SpinRule], note: Note, spun: bool = False) -> str:
    """Apply the rules of ``spin.yaml``; each change is reported with its
    context and the rule's evidence (its ``why``).

    A rule that is not ``certain`` (its spun form is also good Chinese)
    applies only where the page is known to be spun: a certain rule matched
    in ``text``, or ``spun`` says one did elsewhere on the page.

    >>> from pipeline.cleaners.rules import load_spin_rules
    >>> page = "很多人不知道，逾期后的之一个工作日就要还款，原因之一是忘记"
    >>> restore_spun_words(page, load_spin_rules(), print)  # doctest: +ELLIPSIS
    spun_word ordinal_di_yi: 「之一」 → 「第一」 in 「道，逾期后的之一个工作日就要」 (「之一」后接...的结果)
    '很多人不知道，逾期后的第一个工作日就要还款，原因之一是忘记'
    >>> restore_spun_words("在案件审理进展中，双方仍可和解。", load_spin_rules(), lambda *a: None)
    '在案件审理进展中，双方仍可和解。'
    >>> show = lambda kind, message: print(message.split(" (")[0])
    >>> restore_spun_words("之一步，在沟通进展中要冷静。", load_spin_rules(), show)
    ordinal_di_yi: 「之一」 → 「第一」 in 「之一步，在沟通进」
    guocheng_zhong: 「沟通进展中」 → 「沟通过程中」 in 「第一步，在沟通进展中要冷静。」
    '第一步，在沟通过程中要冷静。'

    The context is shown on one line:

    >>> restore_spun_words("逾期以后\\n之一个工作日", load_spin_rules(), show)
    ordinal_di_yi: 「之一」 → 「第一」 in 「逾期以后 之一个工作日」
    '逾期以后\\n第一个工作日'
    """
    for rule in sorted(rules, key=lambda r: not r.certain):
        if not rule.certain and not spun:
            continue

        def replace(match: re.Match[str], rule: SpinRule = rule) -> str:
            nonlocal spun
            spun = spun or rule.certain
            new = match.expand(rule.replace)
            context = match.string[max(0, match.start() - 6) : match.end() + 6].replace("\n", " ")
            why = f" ({rule.why})" if rule.why else ""
            note("spun_word", f"{rule.name}: 「{match.group(0)}」 → 「{new}」 in 「{context}」{why}")
            return new

        text = rule.pattern.sub(replace, text)
    return text
