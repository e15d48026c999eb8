"""Repairs of byte slips and mojibake; text without damage is never touched."""

from __future__ import annotations

import json
import os
import random
from pathlib import Path

import pytest

from pipeline.cleaners import Cleaner, CleanerConfig
from pipeline.cleaners.garble import repair_byte_slips, repair_line
from pipeline.cleaners.mojibake import fix_mojibake
from pipeline.record import Document
from tests.conftest import SEEDS, slipped

DATA = Path(__file__).parent / "data"
CASES = json.loads((DATA / "garble_cases.json").read_text(encoding="utf-8"))
KNOWN_FAILURES = json.loads((DATA / "garble_known_failures.json").read_text(encoding="utf-8"))

# Byte for byte unchanged by every repair step.
NEGATIVE = [
    "支付宝作为中国最大的电子支付平台之一，提供了便捷的服务。",
    "支付寶作為中國最大的電子支付平臺之一，提供了便捷的服務。",
    "那么当客户逾期时的机制是怎样去运作的?从逾期到需要多长时间?本文将围绕这一疑惑展开详细探讨。",
    "支付宝逾期一个月催款办法有哪些?",
    "What happens after 30 days? Call 95188 (Alipay) or visit https://www.example.com/a?b=1&c=2.",
    "利率24%，金额1,234.56元，期限3-7天，第一(1)步，注意(重要)。",
    "鄱阳县的王珏和彧、堃、喆都是真实的名字。",
    "“花呗”和‘借呗’不同！你知道吗？——当然。",
    "全角ＡＢＣ１２３和半角ABC123都保留。",
    "（一）逾期金额大小；(2)历史信用记录：良好",
    "拼音作注释的正文（xié shāng）也保留，因为前面不是汉字。",
]


def noop(*_: str) -> None:
    pass


@pytest.mark.parametrize("text", NEGATIVE)
def test_clean_text_is_untouched(text: str) -> None:
    assert repair_byte_slips(text, noop) == text
    assert fix_mojibake(text, noop) == text


def test_clean_samples_are_untouched() -> None:
    for name in ("000_0951288d9a01546f.txt", "001_71aa38aa9bc6c4af.txt", "003_aef6583e97fd9b87.txt"):
        text = (SEEDS / name).read_text(encoding="utf-8")
        assert repair_byte_slips(text, noop) == text
        assert fix_mojibake(text, noop) == text


@pytest.mark.parametrize("case", CASES, ids=[c["label"] for c in CASES])
def test_repairs(case: dict) -> None:
    found: list[tuple[str, str]] = []
    repaired = repair_byte_slips(case["original"], lambda kind, message: found.append((kind, message)))
    assert repaired == case["fixed"]
    assert "?" not in repaired.replace("- ", "") and "\ufffd" not in repaired
    assert found, "every repair is reported"


@pytest.mark.parametrize(
    "case",
    [pytest.param(c, marks=pytest.mark.xfail(reason=c["label"], strict=True)) for c in KNOWN_FAILURES],
    # ASCII ids: a test id with escaped Han characters is not found again
    # when mutmut runs the tests it collected in-process
    ids=[f"known-failure-{n}" for n in range(len(KNOWN_FAILURES))],
)
def test_known_failures(case: dict) -> None:
    assert repair_byte_slips(case["original"], noop) == case["fixed"]


def test_guesses_are_flagged_with_position_and_candidates() -> None:
    found: list[tuple[str, str]] = []
    repair_byte_slips("第一行\n人們?nèi)粘I\ue30a钪胁豢苫蛉钡囊徊糠?。", lambda k, m: found.append((k, m)))
    flags = [m for k, m in found if k == "flag_lost_characters"]
    assert flags and all(m.startswith("line 2, after") and "other candidates" in m for m in flags)
    assert any(k == "byte_slip_realigned" for k, _ in found)


def test_pinyin_evidence_makes_a_restoration_certain() -> None:
    found: list[tuple[str, str]] = []
    assert (
        repair_byte_slips("作為中?guó)最大的平臺", lambda k, m: found.append((k, m))) == "作為中国最大的平臺"
    )
    assert [k for k, _ in found] == ["lost_character_restored"]


def test_synthetic_slips_are_mostly_repaired() -> None:
    """One byte dropped from clean sentences: the repair brings the text much
    closer to the original and never makes it worse on this sample (see
    benchmarks/byte_slips.py for the full measurement)."""
    from difflib import SequenceMatcher

    text = (SEEDS / "003_aef6583e97fd9b87.txt").read_text(encoding="utf-8")
    sentences = [s + "。" for s in text.split("。") if 15 <= len(s) <= 60 and "\n" not in s][:20]
    rng = random.Random(3)
    before = after = 0.0
    for truth in sentences:
        damaged = slipped(truth, rng)
        repaired = repair_line(damaged)[0]
        b = SequenceMatcher(None, truth, damaged).ratio()
        a = SequenceMatcher(None, truth, repaired).ratio()
        assert a >= b - 1e-9, (truth, damaged, repaired)
        before, after = before + b, after + a
    assert after / len(sentences) > before / len(sentences) + 0.15


# Surroundings of gaps: Simplified and Traditional script, punctuation and
# ASCII at either edge, nothing at all; and candidates that make words with
# them (日常 + 生, 中 + 国; 效果顯 + 著 is converted as one phrase), punctuation,
# Traditional characters, nothing; some end alike (生, 人生).
LEFTS = [
    "",
    "人们",
    "人們的日常",
    "支付寶作為中",
    "逾期，",
    "。支付",
    "g)荒僻遼闊",
    "abc",
    "还款\ue13c",
    "效果顯",
]
RIGHTS = ["", "活中不可或缺", "國最大的平臺", "。支付寶深厚", "，协商", "人民", "x中", "的電子支付"]
FILLS = [
    "",
    "生",
    "国",
    "國",
    "中",
    "日常",
    "华人",
    "。",
    "，",
    "生。",
    "a",
    "\ue13c",
    "的",
    "發",
    "著",
    "人生",
    "中国",
]


def test_candidates_are_scored_in_their_surroundings_as_on_their_own() -> None:
    """The scores of a gap's candidates, with the surroundings looked up
    once for all of them, are the very floats that scoring each text whole
    gives: the repair's choices and the findings' numbers depend on them."""
    from pipeline.cleaners.garble import _simplified, _Surroundings, score
    from pipeline.cleaners.script import to_simplified_text

    texts = ["隨著時間", "效果顯著", "", "顯\n著", "著作"]
    assert _simplified(texts) == [to_simplified_text(t) for t in texts]
    assert _simplified(texts[:2]) == [to_simplified_text(t) for t in texts[:2]]
    rng = random.Random(5)
    text = (SEEDS / "003_aef6583e97fd9b87.txt").read_text(encoding="utf-8").replace("\n", "")
    windows = []
    for _ in range(200):
        i, k, m, r = rng.randrange(len(text) - 20), rng.randrange(7), rng.randrange(3), rng.randrange(7)
        windows.append((text[i : i + k], text[i + k : i + k + m], text[i + k + m : i + k + m + r]))
    for left in LEFTS:
        for right in RIGHTS:
            assert _Surroundings(left, right).scores(FILLS) == [score(left + c + right) for c in FILLS]
    for left, fill, right in windows:
        fills = [fill, fill[::-1], "国" + fill, fill + "。"]
        assert _Surroundings(left, right).scores(fills) == [score(left + c + right) for c in fills]


@pytest.mark.parametrize("word", ["吗", "什么", "怎么办", "为什么", "怎么样", "如何", "谁"])
def test_a_question_word_of_any_length_ends_a_question(word: str) -> None:
    """The words that ask are looked for only just before a ?: as far back
    as the longest of them reaches."""
    from pipeline.cleaners.garble import _is_question_mark

    line = f"逾期以后银行会起诉{word}?? " + "还款?" * 3
    assert _is_question_mark(line, line.index("?"))
    assert not _is_question_mark(line, line.index("还款?") + 2)


def test_mojibake_lines_are_redecoded() -> None:
    utf8_as_gbk = "逾期以后联系客服协商还款".encode().decode("gb18030", errors="replace")
    utf8_as_latin1 = "支付宝逾期协商".encode().decode("latin-1")
    text = f"{utf8_as_gbk}\n{utf8_as_latin1}\n正常的一行，不动。"
    found: list[str] = []
    fixed = fix_mojibake(text, lambda k, m: found.append(k))
    assert fixed.split("\n")[1:] == ["支付宝逾期协商", "正常的一行，不动。"]
    assert fixed.split("\n")[0].startswith("逾期以后联系客服协商还")
    assert found == ["mojibake", "mojibake"]


def test_lines_passed_over_as_too_lossy_are_the_ones_redecoding_rejects() -> None:
    """fix_mojibake passes over most lines without marking what they would
    lose as UTF-8 read as GBK: only those that would lose too much."""
    from pipeline.cleaners.mojibake import MAX_LOST_SHARE, _gbk_bytes, _surely_too_lossy, redecode_gbk

    rng = random.Random(7)
    lines = [
        line
        for name in ("000_0951288d9a01546f.txt", "003_aef6583e97fd9b87.txt")
        for line in (SEEDS / name).read_text(encoding="utf-8").split("\n")
        if line.strip()
    ]
    tried = []
    for line in lines:
        data = line.encode()
        dropped = bytearray(data)
        del dropped[rng.randrange(len(dropped))]
        tried += [
            line,
            data.decode("gbk", errors="replace"),
            bytes(dropped).decode("gbk", errors="replace"),
            f"2024年{line[:2]}, see https://example.com/{len(line)}?page=1",
        ]
    passed_over = rejected = 0
    for line in tried:
        data, redecoded = _gbk_bytes(line), redecode_gbk(line)
        assert data is not None and redecoded is not None
        text, lost = redecoded
        too_lossy = lost > len(text) * MAX_LOST_SHARE
        rejected += too_lossy
        if _surely_too_lossy(data):
            passed_over += 1
            assert too_lossy, line
    assert 0 < passed_over <= rejected < len(tried)


def test_chain_repairs_before_pinyin_removal() -> None:
    doc = Document(source="t.txt", text="協商流程\n\n可能因?yàn)橥话l(fā)的資金需求而導致無法按時還款。")
    cleaned = Cleaner().clean(doc)
    assert "突发的资金需求" in cleaned.text and "(" not in cleaned.text
    steps = [c.step for c in cleaned.changes]
    assert steps.index("repair_byte_slips") < steps.index("remove_pinyin_annotations")


def test_repairs_can_be_turned_off() -> None:
    doc = Document(source="t.txt", text="標題\n\n支付寶作為中?guó)最大的電子支付平臺之一，提供了便捷的服務。")
    cleaned = Cleaner(CleanerConfig(repair_byte_slips=False, remove_pinyin_annotations=False)).clean(doc)
    assert "?guó)" in cleaned.text


# Lines of real articles (tests/data/negative_lines.txt) with one or two
# bytes of their GB18030 dropped, and what the repair made of each: its
# text and its findings. A change to the repair that changes any of them
# fails here; when the change is meant, write the file again
# (UPDATE_BYTE_SLIP_LINES=1 pytest tests/test_garble.py) and read the diff.
SLIP_LINES = DATA / "byte_slip_lines.json"
# Each set: the random seed of the lost bytes, how many of the lines make
# one paragraph (a loss puts the rest of its paragraph out of step, so long
# paragraphs try the long realigned runs), and which lines lose two bytes
# (every n-th). Single lines from three seeds try the short gaps; with
# fewer sets, mutants of the repair's search and scoring that change the
# repairs of real paragraphs went unseen (`benchmarks/mutants_recheck.py`).
SLIP_SETS = {
    "lines": (7, 1, 3),
    "lines-21": (21, 1, 2),
    "lines-22": (22, 1, 2),
    "pairs": (30, 2, 1),
    "threes": (11, 3, 2),
    "fours": (31, 4, 2),
    "fives": (12, 5, 1),
}


def _slipped_lines() -> list[dict[str, object]]:
    from tests.test_article_lines import negative_lines

    lines = [line for line in negative_lines() if len(line) >= 12]
    rows = []
    for name, (seed, size, twice) in SLIP_SETS.items():
        rng = random.Random(seed)
        paragraphs = ["".join(lines[i : i + size]) for i in range(0, len(lines) - size + 1, size)]
        for i, paragraph in enumerate(paragraphs):
            damaged = slipped(paragraph, rng, 1 + (i % twice == 0))
            found: list[list[str]] = []

            def note(kind: str, message: str, found: list[list[str]] = found) -> None:
                found.append([kind, message])

            repaired = repair_byte_slips(damaged, note)
            rows.append(
                {"set": name, "truth": paragraph, "damaged": damaged, "repaired": repaired, "findings": found}
            )
    return rows


def test_repairs_of_real_lines_are_the_recorded_ones() -> None:
    rows = _slipped_lines()
    if os.environ.get("UPDATE_BYTE_SLIP_LINES"):
        SLIP_LINES.write_text(json.dumps(rows, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    recorded = json.loads(SLIP_LINES.read_text(encoding="utf-8"))
    assert len(rows) == len(recorded) > 1000
    changed = [
        (r["damaged"], r["repaired"], w["repaired"]) for r, w in zip(rows, recorded, strict=True) if r != w
    ]
    assert not changed, f"{len(changed)} repairs changed, first: {changed[0]}"
    # what the record holds: most lines are repaired or their damage flagged
    exact = sum(r["repaired"] == r["truth"] for r in recorded)
    flagged = sum(
        r["repaired"] != r["truth"] and any(k.startswith("flag_") for k, _ in r["findings"]) for r in recorded
    )
    assert exact + flagged >= 0.8 * len(recorded)


SILENT = [
    "阅读征信报告的时候，先俊坝馄诩锹肌币桓。",  # 先看“逾期记录”一栏。
    "日期写错的协商函，银锌赡芑嵬素重新签。",  # 银行可能会退回
    "遭遇绷Υ呤涨秩，可拨打12378举报。",  # 暴力催收侵权
]


@pytest.mark.xfail(
    reason="a run read out of step with no mark (no U+FFFD, no ?) decodes as common characters: "
    "neither the repair nor the readability gate sees it",
    strict=True,
)
@pytest.mark.parametrize("line", SILENT, ids=[f"silent-{n}" for n in range(len(SILENT))])
def test_damage_without_a_mark_is_reported(line: str) -> None:
    found: list[str] = []
    repair_byte_slips(line, lambda kind, message: found.append(kind))
    assert any(kind.startswith("flag_") or kind == "byte_slip_realigned" for kind in found)
