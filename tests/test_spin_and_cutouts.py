"""Spun words, cut-out words and the editors' glossary."""

from __future__ import annotations

import itertools
import random
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.cleaners import Cleaner, CleanerConfig
from pipeline.cleaners.cutouts import flag_cut_out_words, restore_law_titles
from pipeline.cleaners.glossary import Glossary, load_glossary
from pipeline.cleaners.rules import RuleFileError, load_spin_rules
from pipeline.cleaners.spin import restore_spun_words
from pipeline.cli import main
from pipeline.record import Document
from tests.conftest import SEEDS

RULES = load_spin_rules()

SPUN = [
    ("会在客户逾期后的之一个工作日通过短信提醒", "会在客户逾期后的第一个工作日通过短信提醒"),
    ("之一步理应是主动与客服取得联系", "第一步理应是主动与客服取得联系"),
    ("可之一时间拨打支付宝客服热线", "可第一时间拨打支付宝客服热线"),
    ("从逾期之一天起,平台即开始密切关注", "从逾期第一天起,平台即开始密切关注"),
    ("倘利客户因各种原因未能准时还款", "倘若客户因各种原因未能准时还款"),
    ("假采使用者的联系办法准确且畅通", "假如使用者的联系办法准确且畅通"),
    ("对此我们必须增进警惕", "对此我们必须提高警惕"),
    ("积极选用措施应对", "积极采取措施应对"),
    ("在沟通进展中,使用者应妥善保存记录", "在沟通过程中,使用者应妥善保存记录"),
    ("应对策略显得尤为必不可少。", "应对策略显得尤为重要。"),
]

# Every rule leaves these exactly as they are.
LEGITIMATE = [
    "支付宝作为中国最大的电子支付平台之一,提供了便捷的服务。",
    "忘记还款日期是逾期的原因之一。",
    "其中之一个人信息变更也会导致逾期。",
    "原因之一是资金周转困难,之一是忘记日期。",
    "逾期还会对信用记录产生负面作用。",
    "这个问题的关键在于及时沟通,问题不大。",
    "咱们先把账单核对清楚。",
    "项目进展中出现了新情况,进展中的协商不要中断。",
    "机器选用的措施有限,这是必不可少的一步。",
    "他第一个工作日就还清了,第一步做得对。",
]


@pytest.mark.parametrize(("spun", "original"), SPUN)
def test_spun_words_are_restored(spun: str, original: str) -> None:
    found: list[str] = []
    # on a page known to be spun, as the rules that are not certain need
    assert restore_spun_words(spun, RULES, lambda k, m: found.append(m), spun=True) == original
    assert found and all("→" in m for m in found)


def test_uncertain_rules_need_a_spun_page() -> None:
    # 在案件审理进展中 is good Chinese: without other spinning on the page it stays
    sentence = "在案件审理进展中，双方仍可和解。"
    assert restore_spun_words(sentence, RULES, lambda *a: None) == sentence
    page = "之一步是核对账单。" + sentence
    restored = "第一步是核对账单。在案件审理过程中，双方仍可和解。"
    assert restore_spun_words(page, RULES, lambda *a: None) == restored


@pytest.mark.parametrize("sentence", LEGITIMATE)
def test_legitimate_words_are_left_alone(sentence: str) -> None:
    assert restore_spun_words(sentence, RULES, lambda *a: None) == sentence


def flags(text: str, title: str | None = None) -> list[str]:
    found: list[str] = []
    flag_cut_out_words(text, title, lambda k, m: found.append(m))
    return found


@pytest.mark.parametrize(
    ("text", "mark"),
    [
        ("采用互联网金融产品如支付宝旗下的“”实施借贷", "旗下的“”"),
        ("平台会***借款人的家人", "会***借款人"),
        ("按照相关规定,的逾期信息会被上报至央行", ",的逾期信息"),
        ("支付宝逾期一个月还一点点会不会被的更猛?", "会不会被的更猛"),
        ("假如过程中存在扰、等不当行为", "扰、等不当"),
    ],
)
def test_cut_out_marks_are_flagged_with_context(text: str, mark: str) -> None:
    [message] = flags(text)
    assert message.startswith("line 1: ") and mark in message


@pytest.mark.parametrize(
    "text",
    [
        "的确,逾期以后要尽快联系客服。",
        "他说“可以协商”,然后挂了电话。",
        "按照《个人信息保护法》的规定,的士司机也不例外。",
        "这些都是要注意的,的话题就到这里。",
        "平台会被监管部门约谈。",
    ],
)
def test_whole_text_raises_no_cut_out_flag(text: str) -> None:
    assert flags(text) == []


def _flags_line_by_line(text: str) -> list[str]:
    """The marks of cut-out words as plain patterns, searched for in every
    line of a page: what ``flag_cut_out_words`` reports, without its looks
    at the page and at the character a match starts with."""
    marks = [
        (
            r"“\s*”|\"\s*\"|「\s*」|『\s*』|‘\s*’|《\s*》|（\s*）|\(\s*\)",
            "empty quotation marks: a word was cut out",
        ),
        (r"(?<=[\u4e00-\u9fff])[*＊×]{2,}|[*＊]{3,}", "a masked word"),
        (
            r"(?:^|(?<=[，,。；;：:、]))\s*的(?![确话士])",
            "a clause starts with 的: the word before it was cut out",
        ),
        (r"被(?=的)", "被 with no verb after it: a word was cut out"),
        (r"、(?=等)", "an empty item before 等: a word was cut out"),
    ]
    found = []
    for number, line in enumerate(text.split("\n"), start=1):
        for pattern, what in marks:
            for match in re.finditer(pattern, line):
                context = line[max(0, match.start() - 8) : match.end() + 8]
                found.append(f"line {number}: {what}: 「{context}」")
    if len(found) >= 3:
        found.append(f"{len(found)} places look cut: the source site probably removed a term throughout")
    return found


def test_a_page_is_searched_only_for_the_marks_it_holds() -> None:
    """``flag_cut_out_words`` searches a page's lines only for the marks the
    whole page holds, and skips empty lines: on every short page of marks,
    clause ends, spaces and line ends it reports what searching every line
    for every mark reports, a 的 at the start of a line after one ending
    in a comma or in a letter included."""
    alphabet = ["的", "确", "“", "”", " ", "\t", "\n", "，", "*", "＊", "×", "被", "、", "等", "甲"]
    pages = ["".join(chars) for n in range(1, 5) for chars in itertools.product(alphabet, repeat=n)]
    rng = random.Random(3)
    pages += ["".join(rng.choices(alphabet, k=rng.randint(5, 40))) for _ in range(20_000)]
    flagged = 0
    for page in pages:
        expected = _flags_line_by_line(page)
        assert flags(page) == expected, page
        flagged += bool(expected)
    assert flagged > 10_000


def test_title_ending_on_a_verb_is_flagged() -> None:
    assert any("ends on a verb" in m for m in flags("正文。", "支付宝逾期后几天开始"))
    assert flags("正文。", "支付宝逾期后几天开始催收") == []


def test_law_titles_cut_short_are_restored_only_when_one_matches() -> None:
    found: list[str] = []
    text = "遵守《个人信息保》和《消费者权益保》,以及《中华人民共和国民法》和《某某条例》"
    restored = restore_law_titles(text, lambda k, m: found.append(m))
    assert "《个人信息保护法》" in restored and "《消费者权益保护法》" in restored
    # two characters are too few to be sure which title was meant
    assert "《中华人民共和国民法》" in restored and "《某某条例》" in restored
    assert len(found) == 2 and all("Confirm it" in m for m in found)


# an editor's fix of sample 000's cut-out word, with the editor's note
FILL_CUT_WORD = "replace:\n  - find: 支付宝旗下的“”\n    replace: 支付宝旗下的“花呗”\n    note: 据原文补回\n"


def test_glossary_fixes_a_flag_and_protects_terms(tmp_path: Path) -> None:
    glossary = tmp_path / "glossary.yaml"
    glossary.write_text(FILL_CUT_WORD + "protect:\n  - 之一个\n", encoding="utf-8")
    doc = Document(source="t.txt", text="标题\n\n采用支付宝旗下的“”借贷;之一个工作日。")
    cleaned = Cleaner(CleanerConfig(glossary=glossary)).clean(doc)
    assert cleaned.text == "采用支付宝旗下的“花呗”借贷;之一个工作日。"
    kinds = [f.kind for f in doc.findings]
    assert "glossary" in kinds and "flag_cut_out" not in kinds and "spun_word" not in kinds


def test_sample_page_000_flag_goes_once_the_glossary_fixes_it(tmp_path: Path) -> None:
    glossary = tmp_path / "glossary.yaml"
    glossary.write_text(
        "replace:\n  - find: 支付宝旗下的“”\n    replace: 支付宝旗下的“花呗”\n", encoding="utf-8"
    )
    page = SEEDS / "000_0951288d9a01546f.txt"
    doc = Document(source=str(page), text=page.read_text(encoding="utf-8"))
    cleaned = Cleaner(CleanerConfig(glossary=glossary)).clean(doc)
    assert "支付宝旗下的“花呗”" in cleaned.text
    assert not any("“”" in f.message for f in doc.findings if f.kind == "flag_cut_out")


@pytest.mark.parametrize(
    ("content", "error"),
    [
        ("replace:\n  - find: a\n", "give 'replace' and exactly one of 'find'"),
        ("replace:\n  - pattern: '(a'\n    replace: b\n", "bad regular expression"),
        ("protect: 之一个\n", "'protect' must be a list"),
        ("replace: [\n", "not valid YAML"),
    ],
)
def test_broken_glossary_is_a_clear_error(tmp_path: Path, content: str, error: str) -> None:
    glossary = tmp_path / "glossary.yaml"
    glossary.write_text(content, encoding="utf-8")
    result = CliRunner().invoke(
        main, ["clean", str(SEEDS), "--out", str(tmp_path / "o"), "--glossary", str(glossary)]
    )
    assert result.exit_code == 1
    assert str(glossary) in result.output and error in result.output


def test_a_glossary_with_nothing_in_it_is_empty_and_terms_must_be_text(tmp_path: Path) -> None:
    glossary = tmp_path / "glossary.yaml"
    for nothing in ("", "\n\n", "# 术语表：还没有条目\n"):
        glossary.write_text(nothing, encoding="utf-8")
        assert load_glossary(glossary) == Glossary()
    for terms in ("[123]", "['']", "[花呗, 7]"):
        glossary.write_text(f"protect: {terms}\n", encoding="utf-8")
        with pytest.raises(RuleFileError, match="'protect' must be a list of terms"):
            load_glossary(glossary)


def test_glossary_findings_give_the_editors_note_and_protect_the_longest_term(tmp_path: Path) -> None:
    glossary = tmp_path / "glossary.yaml"
    glossary.write_text(
        FILL_CUT_WORD + "  - find: 也逾期了\n    replace: 也已逾期\nprotect:\n  - 銀行\n  - 臺灣銀行\n",
        encoding="utf-8",
    )
    doc = Document(
        source="t.txt", text="臺灣銀行的信用卡也逾期了怎麼辦\n\n採用支付宝旗下的“”借貸，借唄也逾期了。"
    )
    cleaned = Cleaner(CleanerConfig(glossary=glossary)).clean(doc)
    # a protected term inside a longer one does not split it: 臺灣 stays
    assert cleaned.title == "臺灣銀行的信用卡也已逾期怎么办"
    assert cleaned.text == "采用支付宝旗下的“花呗”借贷，借呗也已逾期。"
    assert [f.message for f in doc.findings if f.kind == "glossary"] == [
        "「支付宝旗下的“”」 → 「支付宝旗下的“花呗”」 1× (据原文补回)",
        "「也逾期了」 → 「也已逾期」 1×",
        "「也逾期了」 → 「也已逾期」 1×",
    ]
