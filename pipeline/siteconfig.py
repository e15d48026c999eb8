"""Checks of the mkdocs.yml values the pipeline relies on, before a build,
with messages that name the file, the key and what to do."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

# addresses that stand for "not set yet"
PLACEHOLDER_HOSTS = {"example.org", "example.com", "www.example.org", "www.example.com"}


class SiteConfigError(ValueError):
    pass


class _Loader(yaml.SafeLoader):
    """Reads mkdocs.yml, whose !!python/name tags (slugify) need no import here."""


def _ignore_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    return None


_Loader.add_multi_constructor("tag:yaml.org,2002:python/", _ignore_tag)
_Loader.add_multi_constructor("!", _ignore_tag)


def check_site_config(path: Path, guides: Path) -> list[str]:
    """Raise SiteConfigError for a value that breaks the site; return
    warnings for values that make it worse."""
    try:
        config = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)
    except OSError as exc:
        raise SiteConfigError(
            f"{path}: cannot read it ({exc.strerror}); run this in the project folder"
        ) from exc
    except yaml.YAMLError as exc:
        raise SiteConfigError(f"{path}: not valid YAML: {exc}") from exc
    if not isinstance(config, dict):
        raise SiteConfigError(f"{path}: expected a mapping of settings")
    docs = Path(str(config.get("docs_dir", "docs")))
    try:
        guides.resolve().relative_to(docs.resolve())
    except ValueError as exc:
        raise SiteConfigError(
            f"{path}: docs_dir is {docs}, but guides are written to {guides}; set docs_dir: content"
        ) from exc
    theme = config.get("theme") or {}
    if not isinstance(theme, dict) or theme.get("name") != "material":
        raise SiteConfigError(
            f"{path}: theme.name must be material (the guides use its admonitions and tags)"
        )
    for hook in config.get("hooks") or []:
        if not Path(str(hook)).is_file():
            raise SiteConfigError(
                f"{path}: hooks lists {hook}, which does not exist; restore it or remove the line"
            )
    warnings = []
    if theme.get("language") != "zh":
        warnings.append(
            f"{path}: theme.language is not zh; search segments Chinese only on pages marked lang=zh"
        )
    for plugin in config.get("plugins") or []:
        name = next(iter(plugin)) if isinstance(plugin, dict) else plugin
        if name in ("search", "material/search"):
            raise SiteConfigError(
                f"{path}: remove the search plugin from plugins; search is Pagefind, "
                "run by overrides/hooks/search.py"
            )
    site_url = str(config.get("site_url") or "")
    if urlsplit(site_url).hostname in PLACEHOLDER_HOSTS:
        warnings.append(
            f"{path}: site_url is still the placeholder {site_url}; set it to the site's real address "
            "(canonical links and sitemap.xml use it; links between pages do not)"
        )
    return warnings
