"""Article text survives the cleaner, and every line it removes is a finding.

``tests/data/negative_lines.txt`` holds lines of real-article style that
must come through untouched (character for character, but for ASCII
punctuation inside Chinese text made full-width, which is a finding of its
own), each put as a paragraph inside an ordinary article. The other tests here are the cases of
article text the cleaner used to delete or change, each beside the chrome it
must still remove.
"""

from __future__ import annotations

import difflib
import re
from pathlib import Path

import pytest

from pipeline.cleaners import Cleaner
from pipeline.cleaners.boilerplate import SHAPES
from pipeline.cleaners.punctuation import normalize_punctuation
from pipeline.cleaners.rules import load_boilerplate
from pipeline.personal_data import redact
from pipeline.readers import Rejection, read_file
from pipeline.record import Document
from pipeline.structure import parse

DATA = Path(__file__).parent / "data"
SEEDS = Path(__file__).parent.parent / "corpus" / "seeds"
BATCH = 12

TITLE = "信用卡逾期后怎么和银行协商"
OPENING = [
    "信用卡逾期以后，很多人第一反应是害怕，不知道该从哪里下手。",
    "其实只要弄清楚欠款的构成，主动和银行沟通，大多数情况都能找到解决办法。",
]
CLOSING = "最后提醒大家，任何时候都要通过官方渠道办理，不要相信所谓的代办机构。"


def negative_lines() -> list[str]:
    text = (DATA / "negative_lines.txt").read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


LINES = negative_lines()


def article(lines: list[str]) -> str:
    return "\n\n".join([TITLE, *OPENING, *lines, CLOSING])


@pytest.fixture(scope="module")
def cleaner() -> Cleaner:
    return Cleaner()


def test_the_corpus_is_large_and_has_no_repeats() -> None:
    assert len(LINES) >= 200
    assert len(set(LINES)) == len(LINES)


@pytest.mark.parametrize("start", range(0, len(LINES), BATCH))
def test_article_lines_come_through_untouched(cleaner: Cleaner, start: int) -> None:
    batch = [normalize_punctuation(line, lambda *a: None) for line in LINES[start : start + BATCH]]
    doc = Document(source="t.txt", text=article(LINES[start : start + BATCH]))
    cleaned = cleaner.clean(doc)
    assert cleaned.title == TITLE
    out = cleaned.text.split("\n\n")
    lost = [line for line in batch if line not in out]
    assert not lost, f"lines removed or changed: {lost}; findings: {doc.findings}"
    assert out == [*OPENING, *batch, CLOSING]
    assert doc.metadata.get("date") is None


@pytest.mark.parametrize(
    ("chrome", "rule"),
    [
        ("内容侵权、删帖举报联系方式:", "takedown_contact"),
        ("澳门葡京娱乐城 注册送88元彩金", "spam_gambling_adult"),
        ("关注公众号：逾期帮帮团", "follow_us"),
        ("声明：本文来源于网络，仅供参考，如有侵权请联系删除。", "source_disclaimer"),
        ("免责声明：本站文章仅代表作者观点，不代表本站立场。", "source_disclaimer"),
        ("【纠错】 【责任编辑:赏信罚必】", "editor_tags"),
        ("【打印】【关闭】", "editor_tags"),
        ("(c) 2024 某某理财网", "copyright"),
        ("Copyright © 2000 - 2023 All Rights Reserved.", "copyright"),
        ("版权所有，翻版必究。", "copyright"),
        ("分享到：", "counter"),
        ("发布时间：2024-01-01", "byline"),
        ("发布：2024年1月1日", "timestamp"),
        ("2024-01-01 09:30", "timestamp"),
    ],
)
def test_chrome_still_goes(cleaner: Cleaner, chrome: str, rule: str) -> None:
    doc = Document(source="t.txt", text=article([chrome]))
    assert cleaner.clean(doc).text.split("\n\n") == [*OPENING, CLOSING]
    assert any(f.kind == "boilerplate" and rule in f.message for f in doc.findings), doc.findings


def test_a_date_above_the_body_is_the_page_date_and_one_inside_it_is_text(cleaner: Cleaner) -> None:
    text = "\n\n".join([TITLE, "2024年3月5日", *OPENING, "2024年1月1日", CLOSING])
    doc = Document(source="t.txt", text=text)
    assert cleaner.clean(doc).text.split("\n\n") == [*OPENING, "2024年1月1日", CLOSING]
    assert doc.metadata["date"] == "2024-03-05"


def test_a_keyword_list_still_goes(cleaner: Cleaner) -> None:
    stuffing = "逾期协商,逾期怎么办,逾期一天,逾期两天,逾期三天,逾期上征信"
    doc = Document(source="t.txt", text=article([stuffing]))
    assert cleaner.clean(doc).text.split("\n\n") == [*OPENING, CLOSING]
    assert [f.kind for f in doc.findings] == ["keyword_stuffing"]


PARALLEL = [
    "信用卡逾期1至30天，银行一般会通过电话、短信提醒还款，并收取违约金。",
    "信用卡逾期31至60天，银行一般会通过电话、短信提醒还款，并收取违约金。",
    "信用卡逾期三个月以上，银行一般会通过电话、短信提醒还款，并收取违约金。",
    "信用卡逾期六个月以上，银行一般会通过电话、短信提醒还款，并收取违约金。",
]


def test_parallel_sentences_are_not_near_repeats(cleaner: Cleaner) -> None:
    doc = Document(source="t.txt", text=article(PARALLEL))
    assert cleaner.clean(doc).text.split("\n\n") == [*OPENING, *PARALLEL, CLOSING]
    # a copy with one word changed is still one
    spun = PARALLEL[0].replace("提醒", "通知")
    doc = Document(source="t.txt", text=article([PARALLEL[0], spun]))
    assert cleaner.clean(doc).text.split("\n\n") == [*OPENING, PARALLEL[0], CLOSING]
    assert [f.kind for f in doc.findings] == ["repeated_paragraph"]


LAW = ["法律依据：", "《中华人民共和国民法典》第六百七十五条　借款人应当按照约定的期限返还借款。"]


def test_a_block_cited_in_two_sections_stays(cleaner: Cleaner) -> None:
    body = [
        "一、逾期后出借人能否起诉",
        "出借人可以向法院起诉，要求借款人还本付息。",
        *LAW,
        "二、起诉后如何应对",
        "收到传票后要按时出庭，说明自己的还款能力，争取调解。",
        *LAW,
    ]
    doc = Document(source="t.txt", text=article(body))
    assert cleaner.clean(doc).text.split("\n\n") == [*OPENING, *body, CLOSING]
    # printed twice within one section, it is a copy
    doc = Document(source="t.txt", text=article([body[1], *LAW, *LAW]))
    assert cleaner.clean(doc).text.split("\n\n") == [*OPENING, body[1], *LAW, CLOSING]
    assert [f.kind for f in doc.findings] == ["repeated_body"]


CHECKLIST = ["• 身份证原件和复印件", "• 近半年的收入证明", "• 失业证明或医院诊断书", "• 近三个月的银行流水"]
LINKS = ["• 支付宝逾期后几天开始催收", "• 工行信用卡逾期了七天怎么处理", "• 微粒贷欠款3万一年不还会怎样"]


@pytest.mark.parametrize("before", ["协商前请准备好以下材料：", "下面是需要准备的材料清单。"])
def test_a_checklist_at_the_end_stays(cleaner: Cleaner, before: str) -> None:
    text = "\n\n".join([TITLE, *OPENING, before, *CHECKLIST])
    doc = Document(source="t.txt", text=text)
    assert cleaner.clean(doc).text.split("\n\n") == [*OPENING, before, *CHECKLIST]
    assert doc.findings == []


def test_a_list_of_article_titles_at_the_end_goes(cleaner: Cleaner) -> None:
    doc = Document(source="t.txt", text="\n\n".join([TITLE, *OPENING, *LINKS]))
    assert cleaner.clean(doc).text.split("\n\n") == OPENING
    assert [f.kind for f in doc.findings] == ["link_list"]


def test_question_lines_at_the_end_stay_in_the_guide() -> None:
    questions = ["还款后征信多久能恢复？", "逾期会影响子女上学吗？", "可以只还本金吗？"]
    structure = parse("\n\n".join([*OPENING, "一、常见问题", "下面是读者问得最多的几个问题。", *questions]))
    kept = [b.text for b in structure.intro] + [b.text for s in structure.sections for b in s.blocks]
    assert kept == [*OPENING, "下面是读者问得最多的几个问题。", *questions]


def test_a_doubled_question_mark_is_not_damage(cleaner: Cleaner) -> None:
    doc = Document(source="t.txt", text=article(["真的会被起诉吗??"]))
    assert "真的会被起诉吗??" in cleaner.clean(doc).text.split("\n\n")
    assert doc.findings == []


def test_simplified_words_in_a_mixed_line_stay(cleaner: Cleaner) -> None:
    doc = Document(source="t.txt", text=article(["這個方法效果显著，隨著時間推移會更好。"]))
    assert "这个方法效果显著，随着时间推移会更好。" in cleaner.clean(doc).text.split("\n\n")


def test_good_chinese_is_not_taken_for_spinning(cleaner: Cleaner) -> None:
    line = "在案件审理进展中，双方仍可和解。"
    doc = Document(source="t.txt", text=article([line]))
    assert line in cleaner.clean(doc).text.split("\n\n")
    # on a page that shows spinning, the same form is restored
    doc = Document(source="t.txt", text=article(["逾期后的之一个工作日要联系银行。", line]))
    assert "在案件审理过程中，双方仍可和解。" in cleaner.clean(doc).text.split("\n\n")


# --- every removal is a finding naming its rule ---------------------------

# Steps that remove blocks name the block's first line and how many lines it had.
BLOCK_KINDS = {"comment_block", "related_list", "link_list", "repeated_body", "markup"}
RULES = {rule.name for rule in load_boilerplate()[0]} | set(SHAPES)
CHROME_PAGE = "\n\n".join(
    [
        "首页 > 逾期动态 > 正文",
        "发布时间：2025-04-14 09:18",
        TITLE,
        "来源：某某财经网",
        *OPENING,
        "内容侵权、删帖举报联系方式:",
        "逾期协商,逾期怎么办,逾期一天,逾期两天,逾期三天,逾期上征信",
        CLOSING,
        CLOSING,
        "相关推荐",
        "支付宝逾期后几天开始催收",
        "信用卡逾期七天怎么处理",
        "精彩评论",
        "头像 张三 2025-05-10",
        "写得很好。",
        "Copyright © 2000 - 2023 All Rights Reserved.",
        "鲁ICP备17033019号-1",
        *LINKS,
    ]
)


def pages() -> list[Document]:
    docs = [Document(source="chrome.txt", text=CHROME_PAGE)]
    for path in sorted(SEEDS.iterdir()):
        docs += [d for d in read_file(path) if not isinstance(d, Rejection)]
    return docs


def _named(line: str, message: str) -> bool:
    start = redact(line.strip())[:12]
    return start in message


@pytest.mark.parametrize("doc", pages(), ids=lambda d: Path(d.source).name)
def test_every_removed_line_is_a_finding_of_its_step(cleaner: Cleaner, doc: Document) -> None:
    cleaned = cleaner.clean(doc)
    titles = {t for t in [cleaned.title, *cleaned.alternative_titles] if t}
    removals = 0
    for change in cleaned.changes:
        before, after = change.before.split("\n"), change.after.split("\n")
        findings = [f for f in doc.findings if f.step == change.step]
        opcodes = difflib.SequenceMatcher(None, before, after, autojunk=False).get_opcodes()
        for tag, i1, i2, _, _ in opcodes:
            if tag != "delete":
                continue
            for line in before[i1:i2]:
                if not line.strip() or (change.step == "take_title" and line.strip() in titles):
                    continue
                removals += 1
                assert findings, f"{change.step} removed 「{line}」 with no finding"
                assert any(_named(line, f.message) for f in findings) or any(
                    f.kind in BLOCK_KINDS for f in findings
                ), f"{change.step} removed 「{line}」; its findings do not name it: {findings}"
    assert removals
    for finding in doc.findings:
        assert finding.step, finding
        if finding.kind == "boilerplate":
            name = re.match(r"removed (\S+) line", finding.message)
            assert name and name.group(1) in RULES, finding
