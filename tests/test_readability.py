"""Mojibake with lost bytes and the readability gate: no published guide is
unreadable, holds U+FFFD or private-use characters; what cannot be
repaired is rejected with the reason."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from pipeline.cleaners import Cleaner
from pipeline.readability import THRESHOLD, readability, unreadable
from pipeline.record import Document
from pipeline.run import Run
from pipeline.stages.clean import rejection_reason

TITLE = "逾期以后如何与银行协商还款"
# The title of the issue, UTF-8 read as GBK with errors replaced: the last
# byte of 款 is dropped and marked with U+FFFD.
DAMAGED_TITLE = "閫炬湡浠ュ悗濡備綍涓庨摱琛屽崗鍟嗚繕娆\ufffd"
BODY = (
    "逾期以后，很多人不知道第一步该做什么。本文讲清楚与银行协商还款的流程和需要准备的材料。\n\n"
    "一、准备材料\n\n"
    "协商之前，需要准备身份证件、收入证明和逾期原因的说明，例如失业、生病或者家庭变故。\n\n"
    "二、联系银行\n\n"
    "通过信用卡背面的官方客服电话联系银行，说明逾期原因和目前的还款能力，提出停息挂账或者分期还款的请求。"
    "银行会根据情况评估，并在几个工作日内给出答复。\n\n"
    "三、确认结果\n\n"
    "协商成功以后，仔细阅读新的还款协议，确认每期金额和日期，按时还款，并保存好通话录音和聊天记录。\n"
)
UNSAFE = ("\ufffd", "\ue000", "\ue004", "\uf8ff")


def run(tmp_path: Path, name: str, text: str) -> list[dict]:
    pages = tmp_path / "pages"
    pages.mkdir(exist_ok=True)
    (pages / name).write_text(text, encoding="utf-8")
    manifest = tmp_path / "manifest.jsonl"
    Run(tmp_path / "guides").execute([pages], manifest)
    return [json.loads(line) for line in manifest.read_text(encoding="utf-8").splitlines()]


def damaged(text: str, codec: str) -> str:
    return text.encode("utf-8").decode(codec, errors="replace")


def test_the_example_is_what_gbk_with_losses_makes_of_the_title() -> None:
    assert damaged(TITLE, "gbk") == DAMAGED_TITLE


def test_a_title_read_as_gbk_with_a_lost_byte_is_repaired_and_flagged(tmp_path: Path) -> None:
    [record] = run(tmp_path, "page.txt", f"{DAMAGED_TITLE}\n\n{BODY}")
    assert record["status"] == "published", record["reason"]
    assert record["title"] == TITLE
    guide = Path(record["output"]).read_text(encoding="utf-8")
    assert TITLE in guide and not any(c in guide for c in UNSAFE)
    assert readability(guide).score >= 0.99
    messages = {f["kind"]: f["message"] for f in record["findings"]}
    assert "UTF-8 read as GBK, 1 character lost" in messages["mojibake"]
    # the lost character is a guess, flagged for an editor
    assert "款" in messages["flag_lost_characters"] and "a guess" in messages["flag_lost_characters"]


def test_a_title_that_cannot_be_repaired_is_not_published(tmp_path: Path) -> None:
    cleaner = Cleaner()
    cleaned = cleaner.clean(Document("page.txt", BODY, title=DAMAGED_TITLE))
    assert cleaned.title == TITLE
    # without the byte-slip repair the lost character stays a U+FFFD: rejected
    from pipeline.cleaners import CleanerConfig

    unrepaired = Cleaner(CleanerConfig(repair_byte_slips=False))
    cleaned = unrepaired.clean(Document("page.txt", BODY, title=DAMAGED_TITLE))
    assert cleaned.title == TITLE[:-1] + "\ufffd"
    reason = rejection_reason(cleaned)
    assert reason and reason.startswith("unreadable title: it still holds 1 U+FFFD")
    assert f"a guide needs {THRESHOLD:.2f}" in reason


@pytest.mark.parametrize("codec", ["gbk", "gb18030", "cp1252", "big5"])
def test_a_whole_page_of_mojibake_with_losses_is_rejected_with_the_reason(tmp_path: Path, codec: str) -> None:
    page = {"url": "https://example.org/a", "title": damaged(TITLE, codec), "text": damaged(BODY, codec)}
    assert "\ufffd" in page["text"]
    [record] = run(tmp_path, "pages.jsonl", json.dumps(page, ensure_ascii=False))
    assert record["status"] == "rejected"
    assert record["output"] is None
    assert all(p.name == "index.md" for p in (tmp_path / "guides").rglob("*.md"))
    assert record["findings"]
    reason = record["reason"]
    if codec in ("gbk", "gb18030"):
        # repaired line by line, but a tenth of its characters are lost
        assert reason.startswith("unrecoverable: ") and "characters were lost in decoding" in reason
        assert any("characters lost" in f["message"] for f in record["findings"] if f["kind"] == "mojibake")
    else:
        # the byte-slip repair throws out what it cannot read; what is left
        # is no guide, or is not readable
        assert reason.startswith(("unrecoverable: ", "unreadable ", "too short after cleaning")), reason


def test_unreadable_text_is_rejected_with_its_score() -> None:
    # mojibake the cleaner does not repair: GBK bytes read as Big5
    garbage = "\n".join(
        line.encode("gbk").decode("big5", errors="ignore") for line in BODY.splitlines() if line
    )
    reason = unreadable(TITLE, garbage)
    assert reason and reason.startswith("unreadable text: ")
    score = readability(garbage).score
    assert score < THRESHOLD and f"(score {score:.2f}, a guide needs {THRESHOLD:.2f})" in reason
    latin = unreadable(TITLE, damaged(BODY, "latin-1"))
    assert latin and "Latin-1 letters" in latin


def test_too_many_lost_characters_are_not_published_as_guesses() -> None:
    reason = unreadable(TITLE, BODY, lost=40)
    assert reason and reason.startswith("unrecoverable: 40 characters were lost in decoding")
    assert unreadable(TITLE, BODY, lost=1) is None


def test_private_use_characters_are_rejected_unless_they_are_icons() -> None:
    cleaned = Cleaner().clean(Document("page.txt", BODY, title="\ue004 " + TITLE))
    assert cleaned.title == TITLE
    assert rejection_reason(cleaned) is None
    reason = unreadable(TITLE, BODY.replace("流程", "流\ue123程"))
    assert reason and "private-use" in reason


READABLE = [
    # rare but real characters: names, old words
    "龚琛和邝颀是同事，甄嬛传里的人物名字常被用作网名；犇、囧、槑也是网上常见的字。"
    "他在亳州、涪陵、邕宁和婺源都开过店，后来欠下了网贷。",
    # English terms, numbers, amounts and dates
    "2023年12月31日前，打开支付宝APP或者微信，在“借呗”页面查看账单；年化利率(APR)为5.5%，"
    "逾期费按日0.05%计算，共计￥3,000.00元。可以下载PDF版的还款协议，或者用Excel记账。",
    # full-width punctuation of every kind
    "第一，保持冷静；第二，不要失联！为什么？因为失联会让催收升级……请记住：《民法典》第680条、"
    "「借款合同」和『还款计划』都很重要——另附（一）（二）两项说明。",
    # Traditional script
    "逾期後如何與銀行協商還款？請先準備好身份證件、收入證明，並透過官方客服電話聯繫銀行，說明還款困難的原因。",
    # Latin words with accents and a few symbols
    "Müller和café的写法保留原样；温度是25°C，面积约10㎡，长宽为3×4米，距离±5公里。",
]


@pytest.mark.parametrize("text", READABLE)
def test_real_chinese_passes_the_gate(text: str) -> None:
    assert unreadable(TITLE, text) is None
    assert readability(text).score >= 0.95


@pytest.mark.parametrize("text", READABLE)
def test_real_chinese_passes_the_whole_cleaner(text: str) -> None:
    doc = Document("page.txt", f"{text}\n\n{BODY}", title=TITLE)
    cleaned = Cleaner().clean(doc)
    assert rejection_reason(cleaned) is None
    assert not any(f.kind == "mojibake" for f in doc.findings)


def test_the_quick_count_of_rare_characters_is_the_full_count() -> None:
    """The gate looks one by one only at characters outside GB 2312 level 1
    (``readability._maybe_uncommon``), and only in runs with enough of them
    to be mostly rare: every character it passes over is common, and texts
    of every kind score as they do when each character of each run of Han
    characters is looked at."""
    from pipeline.readability import MIN_RUN, _common, _maybe_uncommon

    def rare_runs(text: str) -> int:
        runs = re.findall("[\u3400-\u9fff\uf900-\ufaff\U00020000-\U0003134f]+", text)
        runs = [run for run in runs if len(run) >= MIN_RUN]
        return sum(len(run) for run in runs if sum(not _common(c) for c in run) * 2 > len(run))

    passed_over = [chr(c) for c in range(0x3400, 0xA000) if not _maybe_uncommon().match(chr(c))]
    assert len(passed_over) == 3755
    assert all(_common(c) for c in passed_over)
    texts = [
        TITLE,
        DAMAGED_TITLE,
        BODY,
        *(line.encode("gbk").decode("big5", errors="ignore") for line in BODY.splitlines()),
        *READABLE,
        "龚琛邝颀犇囧槑亳涪邕婺",
        "逾期後與銀行協商還款，與銀協還後",  # outside level 1, yet common
        "\U00020000\U0002a6d6\uf900\ufa0e逾期",
        "閫湡，逾期以后如何与银行协商还款",  # a run shorter than three never counts, however rare
        "閫炬湡，逾期以后",
        "閫炬湡浠，閫炬湡浠ュ，閫炬湡浠ュ悗",  # half rare is not mostly rare
    ]
    assert [readability(text).rare_runs for text in texts] == [rare_runs(text) for text in texts]
    assert sum(rare_runs(text) for text in texts) > 50
