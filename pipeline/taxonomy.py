"""Categories and tags from a guide's content, by the rules of taxonomy.yaml."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pipeline.cleaners.rules import RuleFileError, data_path, load_yaml


@dataclass(frozen=True)
class Category:
    slug: str
    name: str
    description: str
    keywords: tuple[str, ...]


@dataclass(frozen=True)
class TagRule:
    tag: str
    keywords: tuple[str, ...]


class Taxonomy:
    def __init__(self, path: Path | None = None) -> None:
        path = path or data_path("taxonomy.yaml")
        data = load_yaml(path)
        try:
            self.title_weight = int(data.get("title_weight", 5))
            self.min_body_hits = int(data.get("min_body_hits", 2))
            self.max_tags = int(data.get("max_tags", 6))
            self.categories = [
                Category(
                    str(c["slug"]),
                    str(c["name"]),
                    str(c.get("description", "")),
                    tuple(map(str, c.get("keywords") or [])),
                )
                for c in data["categories"]
            ]
            self.tags = [
                TagRule(str(t["tag"]), tuple(map(str, t["keywords"]))) for t in data.get("tags") or []
            ]
        except (KeyError, TypeError, ValueError) as exc:
            raise RuleFileError(f"{path}: malformed taxonomy ({exc!r}); see the comments at its top") from exc
        by_slug = {c.slug: c for c in self.categories}
        default = str(data.get("default_category", ""))
        if default not in by_slug:
            raise RuleFileError(f"{path}: default_category {default!r} is not one of the categories")
        self.default = by_slug[default]
        self.by_slug = by_slug

    def categorise(self, title: str, body: str) -> Category:
        """
        >>> Taxonomy().categorise("支付宝逾期可以协商流程", "联系客服协商").slug
        'xieshang'
        >>> Taxonomy().categorise("", "先协商，再催收").slug, Taxonomy().categorise("", "无关").slug
        ('cuishou', 'yuqi')
        """

        weight = self.title_weight
        # each category scored once; of equal scores the first wins
        scores = [sum(weight * title.count(k) + body.count(k) for k in c.keywords) for c in self.categories]
        best = max(range(len(scores)), key=scores.__getitem__)
        return self.categories[best] if scores[best] > 0 else self.default

    def tag(self, title: str, body: str) -> list[str]:
        scored = []
        for rule in self.tags:
            in_title = any(k in title for k in rule.keywords)
            hits = sum(body.count(k) for k in rule.keywords)
            if in_title or hits >= self.min_body_hits:
                scored.append((in_title, hits, rule.tag))
        scored.sort(key=lambda t: (not t[0], -t[1]))
        return [tag for _, _, tag in scored[: self.max_tags]]
