"""The command line: every command documented, clean messages, the site build."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.cli import main
from tests.conftest import ROOT, SEEDS, copy_project


def test_every_command_has_help_and_is_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    runner = CliRunner()
    for name, command in main.commands.items():
        assert command.help, f"{name} has no help text"
        result = runner.invoke(main, [name, "--help"])
        assert result.exit_code == 0
        assert f"credit-guides {name}" in readme, f"README does not show `credit-guides {name}`"


def test_clean_goes_on_past_bad_files(tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    shutil.copytree(SEEDS, pages)
    (pages / "zz_empty.txt").write_bytes(b"")
    (pages / "zz_table.xlsx").write_bytes(b"PK\x03\x04")
    manifest = tmp_path / "m.jsonl"
    result = CliRunner().invoke(
        main, ["clean", str(pages), "--out", str(tmp_path / "out"), "--manifest", str(manifest)]
    )
    assert result.exit_code == 0, result.output
    assert f"{pages / 'zz_empty.txt'}: rejected: empty file" in result.output
    assert "zz_table.xlsx: rejected: unknown file type .xlsx" in result.output
    statuses = [json.loads(line)["status"] for line in manifest.read_text(encoding="utf-8").splitlines()]
    assert statuses == ["published"] * 4 + ["rejected"] * 2


def test_broken_rule_file_is_a_one_line_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    broken = tmp_path / "boilerplate.yaml"
    broken.write_text("lines:\n  - name: x\n    pattern: '(unclosed'\n", encoding="utf-8")
    import pipeline.cleaners.rules as rules

    real = rules.data_path
    monkeypatch.setattr(rules, "data_path", lambda name: broken if name == "boilerplate.yaml" else real(name))
    result = CliRunner().invoke(main, ["clean", str(SEEDS), "--out", str(tmp_path / "o")])
    assert result.exit_code == 1
    assert f"error: {broken}: lines[0] (x): bad regular expression" in result.output


def test_explain_shows_each_step(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["explain", str(SEEDS / "002_6b3c3bd5d17d6661.txt")])
    assert result.exit_code == 0
    for step in ("remove_pinyin_annotations", "to_simplified", "strip_boilerplate", "take_title"):
        assert step in result.output
    # the removed contact line is shown, its values masked as in the findings
    assert "-陈先生:150****9527 35****@qq.com" in result.output
    assert "15070879527" not in result.output and "3590931873" not in result.output


def test_site_has_a_page_per_guide(built_site: Path) -> None:
    pages = sorted(p.parent.name for p in built_site.glob("guides/*/*/index.html"))
    assert len(pages) == 4
    html = (built_site / "guides/xieshang/zhifubao-yuqi-keyi-xieshang-liucheng/index.html").read_text()
    assert "<h1" in html and "支付宝逾期可以协商流程" in html
    assert "不构成法律意见" in html  # the disclaimer from overrides/main.html
    nav = (built_site / "index.html").read_text()
    assert "协商还款" in nav and "催收流程" in nav, "sections are named after their categories"


def test_search_index_is_segmented_for_chinese(built_site: Path) -> None:
    index = json.loads((built_site / "search/search_index.json").read_text(encoding="utf-8"))
    assert "\\u200b" in index["config"]["separator"]
    text = " ".join(doc["text"] for doc in index["docs"])
    # jieba puts U+200B between words; a word from the middle of a sentence
    # is then a search term of its own.
    assert "\u200b资金周转\u200b" in text or "\u200b资金\u200b" in text
    assert "\u200b协商\u200b" in text


def test_related_guides_are_shown_but_not_searched(built_site: Path) -> None:
    index = json.loads((built_site / "search/search_index.json").read_text(encoding="utf-8"))
    titles = [doc["title"].replace("\u200b", "") for doc in index["docs"]]  # segmented
    assert any("结语" in title for title in titles), "the guides' own sections are indexed"
    assert not any("相关指南" in title for title in titles), "another guide's title is not a hit"
    html = (built_site / "guides/xieshang/zhifubao-yuqi-keyi-xieshang-liucheng/index.html").read_text()
    assert 'id="相关指南"' in html and "{ data-search-exclude }" not in html


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda s: s.replace("docs_dir: content", "docs_dir: docs"), "set docs_dir: content"),
        (lambda s: s.replace("name: material", "name: mkdocs"), "theme.name must be material"),
        (
            lambda s: s.replace("overrides/hooks/related.py", "overrides/hooks/gone.py"),
            "gone.py, which does not exist",
        ),
        (lambda s: s.replace("site_name: ", "site_name: [unclosed "), "not valid YAML"),
    ],
)
def test_build_refuses_a_broken_site_config(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, edit, message
) -> None:  # type: ignore[no-untyped-def]
    copy_project(tmp_path)
    (tmp_path / "mkdocs.yml").write_text(
        edit((ROOT / "mkdocs.yml").read_text(encoding="utf-8")), encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["build"])
    assert result.exit_code == 1
    assert "error: mkdocs.yml: " in result.output and message in result.output
