"""Loading the rule tables that ship in ``pipeline/data``.

Rules are data: a site's chrome or a spin pair is added to a YAML file, not
to the code. A broken file is reported with its path and what to fix.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import yaml


class RuleFileError(ValueError):
    pass


@dataclass(frozen=True)
class LineRule:
    name: str
    pattern: re.Pattern[str]
    max_chars: int
    # the rule may remove a line shaped like a sentence (see
    # ``boilerplate.is_sentence``); most chrome is not, and most article is
    sentences: bool = False
    # "head": only above the article's first paragraph, where a page prints
    # its date and byline; "anywhere": wherever the line is
    where: str = "anywhere"


@dataclass(frozen=True)
class CommentRules:
    start: re.Pattern[str]
    inside: tuple[re.Pattern[str], ...]
    author: re.Pattern[str]


@dataclass(frozen=True)
class SpinRule:
    name: str
    # the evidence that the pattern is spun text, shown with each restoration
    why: str
    pattern: re.Pattern[str]
    replace: str
    # False: the spun form is also good Chinese (在案件审理进展中), so the
    # rule applies only on a page where a certain rule found spinning
    certain: bool = True


def data_path(name: str) -> Path:
    return Path(str(resources.files("pipeline") / "data" / name))


def jieba_dictionary() -> Path:
    """jieba's own dictionary file (word, frequency, part of speech), found
    without importing jieba."""
    from importlib.util import find_spec

    spec = find_spec("jieba")
    assert spec is not None and spec.origin is not None, "jieba is a dependency"
    return Path(spec.origin).parent / "dict.txt"


def load_yaml(path: Path, empty: bool = False) -> dict[str, Any]:
    """The mapping in the YAML file ``path``; with ``empty``, a file with
    nothing in it (blank, or comments only) is an empty mapping."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise RuleFileError(f"{path}: cannot read the rule file ({exc.strerror})") from exc
    except yaml.YAMLError as exc:
        raise RuleFileError(f"{path}: not valid YAML: {exc}") from exc
    if data is None and empty:
        return {}
    if not isinstance(data, dict):
        raise RuleFileError(f"{path}: expected a mapping at the top level")
    return data


def _compile(path: Path, where: str, pattern: object) -> re.Pattern[str]:
    if not isinstance(pattern, str):
        raise RuleFileError(f"{path}: {where}: 'pattern' must be a string")
    try:
        return re.compile(pattern)
    except re.error as exc:
        raise RuleFileError(f"{path}: {where}: bad regular expression: {exc}") from exc


def _where(path: Path, key: str, index: int, item: object) -> str:
    if not isinstance(item, dict) or not isinstance(item.get("name"), str):
        raise RuleFileError(f"{path}: {key}[{index}]: each rule needs a 'name'")
    return f"{key}[{index}] ({item['name']})"


def load_boilerplate(path: Path | None = None) -> tuple[list[LineRule], CommentRules, re.Pattern[str]]:
    path = path or data_path("boilerplate.yaml")
    data = load_yaml(path)
    lines = []
    for i, item in enumerate(data.get("lines") or []):
        where = _where(path, "lines", i, item)
        position = item.get("where", "anywhere")
        if position not in ("anywhere", "head"):
            raise RuleFileError(f"{path}: {where}: 'where' must be 'anywhere' or 'head'")
        lines.append(
            LineRule(
                name=str(item["name"]),
                pattern=_compile(path, where, item.get("pattern")),
                max_chars=int(item.get("max_chars", 80)),
                sentences=bool(item.get("sentences", False)),
                where=position,
            )
        )
    blocks = data.get("comment_blocks") or {}
    comments = CommentRules(
        start=_compile(path, "comment_blocks.start", blocks.get("start", "(?!)")),
        inside=tuple(
            _compile(path, f"comment_blocks.inside[{i}]", p) for i, p in enumerate(blocks.get("inside") or [])
        ),
        author=_compile(path, "comment_blocks.author", blocks.get("author", "(?!)")),
    )
    related = _compile(path, "related_blocks.start", (data.get("related_blocks") or {}).get("start", "(?!)"))
    return lines, comments, related


def load_spin_rules(path: Path | None = None) -> list[SpinRule]:
    path = path or data_path("spin.yaml")
    data = load_yaml(path)
    rules = []
    for i, item in enumerate(data.get("rules") or []):
        where = _where(path, "rules", i, item)
        if "replace" not in item:
            raise RuleFileError(f"{path}: {where}: 'replace' is missing")
        rules.append(
            SpinRule(
                name=str(item["name"]),
                why=str(item.get("why", "")),
                pattern=_compile(path, where, item.get("pattern")),
                replace=str(item["replace"]),
                certain=bool(item.get("certain", True)),
            )
        )
    return rules
