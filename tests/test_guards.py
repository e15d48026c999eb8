"""Behaviour that no other test pinned down: each test here fails when the
guard it names is removed or loosened."""

from __future__ import annotations

import json
import random
from pathlib import Path

from pipeline.cleaners import Cleaner
from pipeline.dedup import THRESHOLD, as_minhash, repair_from_siblings, signature
from pipeline.record import Document
from pipeline.run import Run
from tests.conftest import SEEDS, scramble


def test_a_copy_with_a_tenth_of_its_characters_changed_is_still_a_copy(tmp_path: Path) -> None:
    """Scrapers' copies differ (spun words, byte slips, cut words): a copy
    with about 8% of its Han characters changed is the same article, which
    a threshold near 0.9 would miss; another article on the same topic is
    not."""
    pages = tmp_path / "pages"
    pages.mkdir()
    original = (SEEDS / "000_0951288d9a01546f.txt").read_text(encoding="utf-8")
    copy = scramble(original, random.Random(4), rate=0.08)
    (pages / "a_original.txt").write_text(original, encoding="utf-8")
    (pages / "b_copy.txt").write_text(copy, encoding="utf-8")
    (pages / "c_other.txt").write_text((SEEDS / "001_71aa38aa9bc6c4af.txt").read_text("utf-8"), "utf-8")
    similarity = as_minhash(signature(original)).jaccard(as_minhash(signature(copy)))
    assert THRESHOLD < similarity < 0.85, similarity
    Run(tmp_path / "guides").execute([pages], tmp_path / "manifest.jsonl")
    records = [json.loads(line) for line in (tmp_path / "manifest.jsonl").read_text("utf-8").splitlines()]
    assert [r["status"] for r in records] == ["published", "duplicate", "published"]


def test_a_sibling_that_guessed_the_same_passage_repairs_nothing() -> None:
    guess = {"left": "人们", "choice": "生", "right": "活中不可"}
    text = "已成为人们生活中不可或缺的。"
    guessed_too = (
        "b",
        "已成为人们常生活中不可或缺的。",
        [{"left": "人们", "choice": "常生", "right": "活中不可"}],
    )
    assert repair_from_siblings(text, [guess], [guessed_too]) == (text, [])
    intact = ("c", "已成为人们日常生活中不可或缺的。", [])
    assert repair_from_siblings(text, [guess], [guessed_too, intact])[0] == "已成为人们日常生活中不可或缺的。"


def test_contact_details_in_a_title_are_removed() -> None:
    doc = Document(source="a.txt", text="正文第一段，讲逾期以后怎么办。", title="逾期协商找王经理13912345678")
    cleaned = Cleaner().clean(doc)
    assert cleaned.title is not None and "13912345678" not in cleaned.title
