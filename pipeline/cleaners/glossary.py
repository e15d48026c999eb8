"""The editors' glossary: fixes an editor decided on after reviewing a flag,
and terms no rule may change. It lives in ``glossary.yaml`` at the top of
the project and is read at the start of every run.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.cleaners.rules import RuleFileError, load_yaml

Note = Callable[[str, str], None]


@dataclass(frozen=True)
class Replacement:
    pattern: re.Pattern[str]
    replace: str
    note: str
    shown: str


@dataclass(frozen=True)
class Glossary:
    replacements: tuple[Replacement, ...] = ()
    protect: tuple[str, ...] = field(default_factory=tuple)

    def apply(self, text: str, note: Note) -> str:
        """
        >>> g = Glossary((Replacement(re.compile(re.escape("旗下的“”")), "旗下的“花呗”", "", "旗下的“”"),))
        >>> g.apply("支付宝旗下的“”实施借贷", lambda *a: None)
        '支付宝旗下的“花呗”实施借贷'
        """
        for item in self.replacements:
            text, count = item.pattern.subn(item.replace, text)
            if count:
                why = f" ({item.note})" if item.note else ""
                note("glossary", f"「{item.shown}」 → 「{item.replace}」 {count}×{why}")
        return text

    def mask(self, text: str) -> str:
        """Hide protected terms from every rule behind placeholders that no
        rule changes (ASCII control characters around a number)."""
        for n, term in enumerate(self.protect):
            text = text.replace(term, f"\x1a{n}\x1a")
        return text

    def unmask(self, text: str) -> str:
        for n, term in enumerate(self.protect):
            text = text.replace(f"\x1a{n}\x1a", term)
        return text


def load_glossary(path: Path | None) -> Glossary:
    """Read the glossary; a missing file is an empty glossary."""
    if path is None or not path.exists():
        return Glossary()
    data = load_yaml(path, empty=True)
    replacements = []
    for i, item in enumerate(data.get("replace") or []):
        where = f"{path}: replace[{i}]"
        if not isinstance(item, dict) or "replace" not in item or ("find" in item) == ("pattern" in item):
            raise RuleFileError(
                f"{where}: give 'replace' and exactly one of 'find' (exact text) or 'pattern'"
            )
        if "find" in item:
            shown = str(item["find"])
            pattern = re.compile(re.escape(shown))
        else:
            shown = str(item["pattern"])
            try:
                pattern = re.compile(shown)
            except re.error as exc:
                raise RuleFileError(f"{where}: bad regular expression: {exc}") from exc
        replacements.append(Replacement(pattern, str(item["replace"]), str(item.get("note", "")), shown))
    protect = data.get("protect") or []
    if not isinstance(protect, list) or not all(isinstance(t, str) and t for t in protect):
        raise RuleFileError(f"{path}: 'protect' must be a list of terms")
    # longest first, so a term inside a longer one does not split it
    return Glossary(tuple(replacements), tuple(sorted(protect, key=len, reverse=True)))
