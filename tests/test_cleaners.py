from __future__ import annotations

import itertools
import random
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from pipeline.cleaners import Cleaner, CleanerConfig
from pipeline.cleaners.boilerplate import strip_link_lists
from pipeline.cleaners.pinyin import remove_pinyin_annotations
from pipeline.cleaners.punctuation import normalize_punctuation
from pipeline.cleaners.rules import RuleFileError, load_boilerplate, load_spin_rules
from pipeline.cleaners.script import to_simplified
from pipeline.record import Document

# Text every step must leave exactly as it is (the body, after the title).
NEGATIVE = [
    "支付宝作为中国最大的电子支付平台之一，提供了便捷的服务。",
    "原因之一是忘记还款日期；其中之一个人信息变更。",
    "逾期初期(第1-3天)，平台会发短信提醒（注意：不是催收）。",
    "第一(1)步：拨打官方客服电话95188核实。",
    "显著提升效率，著作权属于原作者。",
    "Alipay 是支付宝的英文名，官网 https://www.alipay.com/ 可查询。",
    "“花呗”和‘借呗’的额度不同！你知道吗？",
    "金额为1,234.56元，利率24%，期限3-7天。",
    "他叫王珏，住在鄱阳县，姓氏罕见但是真实存在。",
]


@pytest.fixture(scope="module")
def cleaner() -> Cleaner:
    return Cleaner()


@pytest.mark.parametrize("sentence", NEGATIVE)
def test_clean_text_is_left_untouched(cleaner: Cleaner, sentence: str) -> None:
    doc = Document(source="t.txt", text=f"一个标题\n\n{sentence}")
    cleaned = cleaner.clean(doc)
    assert cleaned.title == "一个标题"
    assert cleaned.text == sentence
    assert [f.kind for f in doc.findings] == []


def test_every_change_is_recorded_with_its_step(cleaner: Cleaner) -> None:
    doc = Document(source="t.txt", text="首页 > 逾期动态\n\n協商流程\n\n協(xié)商還款的之一步是聯繫客服。")
    cleaned = cleaner.clean(doc)
    assert cleaned.title == "协商流程"
    assert cleaned.text == "协商还款的第一步是联系客服。"
    steps = [c.step for c in cleaned.changes]
    assert steps == [
        "remove_pinyin_annotations",
        "to_simplified",
        "strip_boilerplate",
        "take_title",
        "restore_spun_words",
    ]
    assert {f.step for f in doc.findings} >= {"remove_pinyin_annotations", "strip_boilerplate"}
    for change in cleaned.changes:
        assert change.before != change.after


def test_steps_can_be_turned_off() -> None:
    doc = Document(source="t.txt", text="標題\n\n之一步是聯繫客服。")
    cleaned = Cleaner(CleanerConfig(to_simplified=False, restore_spun_words=False)).clean(doc)
    assert cleaned.text == "之一步是聯繫客服。"


def test_comment_thread_between_two_copies(cleaner: Cleaner) -> None:
    body = "第一段正文，讲逾期以后怎么办，内容足够长。\n\n第二段正文，讲怎样联系客服协商。"
    text = (
        f"逾期怎么办\n\n{body}\n\n精彩评论\n\n发布于 2025-06-18 09:17:19・IP 属地北京\n"
        f"写下你的评论...\n\n还没有评论，发表第一个评论吧\n\n逾期怎么办\n\n2025-06-18 09:17:19\n\n{body}"
        "\n\n精彩评论\n\n头像 张三-律师 2025-05-10\n这是评论的内容。\n评论\n写评论"
    )
    doc = Document(source="t.txt", text=text)
    cleaned = cleaner.clean(doc)
    assert cleaned.text == body
    kinds = [f.kind for f in doc.findings]
    assert kinds.count("comment_block") == 2 and "repeated_body" in kinds


def test_link_list_only_at_the_end() -> None:
    items = "\n".join(f"• 信用卡逾期{i + 1}天怎么处理" for i in range(4))
    assert strip_link_lists(f"正文。\n\n{items}\n\n", lambda *a: None) == "正文。"
    # the same list followed by a paragraph is part of the article
    text = f"正文。\n\n{items}\n\n结尾一段。"
    assert strip_link_lists(text, lambda *a: None) == text


def test_pinyin_removed_only_when_it_is_a_reading() -> None:
    assert remove_pinyin_annotations("問(wèn)題(tí)") == "問題"
    assert remove_pinyin_annotations("問(xié)") == "問(xié)"
    assert remove_pinyin_annotations("会(kuài)计") == "会计"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("个性化分期(fēn qī)还款", "个性化分期还款"),  # a word's syllables, spaced
        ("協(xie)商", "協商"),  # no tone marks
        ("申请协商（xie shang）还款", "申请协商还款"),  # full-width brackets
        ("逾期(yuqi)以后", "逾期以后"),  # run together
        ("分期(fen qi 3)还款", "分期(fen qi 3)还款"),  # not only syllables
        ("分期(qi fen)还款", "分期(qi fen)还款"),  # syllables in the wrong order
        ("支付宝(Alipay)和中国银行(Bank of China)", "支付宝(Alipay)和中国银行(Bank of China)"),
        ("信用卡(card)", "信用卡(card)"),
    ],
)
def test_pinyin_of_a_word_is_removed_in_the_forms_scrapers_write_it(line: str, expected: str) -> None:
    assert remove_pinyin_annotations(line) == expected


def test_the_quick_look_for_pinyin_skips_no_annotation() -> None:
    """``remove_pinyin_annotations`` searches only a text with a Han
    character, a bracket and a letter in a row, tries no more characters
    than a reading has syllables or letters, and keeps what it decided for
    the characters and readings it last saw: on every short string of Han
    characters, brackets of both widths, spaces, line ends and readings
    (spaced, run together, with and without tone marks, wrong) it removes
    and reports what trying every ending of every match does, each time an
    annotation is met."""
    from pipeline.cleaners import pinyin

    def reads_as(chars: str, joined: str) -> bool:
        if not chars:
            return not joined
        return any(
            joined.startswith(r) and reads_as(chars[1:], joined[len(r) :])
            for r in pinyin.readings(chars[0])
            if r and r.isascii()
        )

    def every_ending(text: str) -> tuple[str, list[tuple[str, str]]]:
        removed: list[tuple[str, str]] = []

        def replace(match: re.Match[str]) -> str:
            han, reading = match.group(1), match.group(2)
            syllables = [pinyin._toneless(s) for s in re.split(r"[\s'’]+", reading.strip()) if s]
            spaced = len(syllables) > 1
            for count in range(1, min(len(han), pinyin.MAX_WORD) + 1):
                chars = han[-count:]
                if (
                    spaced
                    and len(syllables) == count
                    and all(s in pinyin.readings(c) for s, c in zip(syllables, chars, strict=True))
                ) or (not spaced and reads_as(chars, syllables[0] if syllables else "")):
                    removed.append((chars, reading))
                    return han
            return match.group(0)

        return pinyin._ANNOTATION.sub(replace, text), removed

    def removing(text: str) -> tuple[str, list[tuple[str, str]]]:
        removed: list[tuple[str, str]] = []
        kept = remove_pinyin_annotations(text, lambda chars, reading: removed.append((chars, reading)))
        return kept, removed

    alphabet = ["協", "商", "議", "(", "（", ")", "）", " ", "\n", "1"]
    alphabet += ["xié", "xie", "shang", "xie shang", "yi"]
    texts = ["".join(chars) for n in range(1, 5) for chars in itertools.product(alphabet, repeat=n)]
    rng = random.Random(5)
    texts += ["".join(rng.choices(alphabet, k=rng.randint(5, 14))) for _ in range(5_000)]
    hans = ["協", "商", "協商", "商協", "議協商", "甲協商議", "協商議協商議協", "呃阿"]  # 呃阿 reads ea
    readings = ["xié", "Xié", "xie", "shang", "xie shang", "xié shāng", "xieshang", "shangxie", "yi"]
    readings += ["shang yi", "x", "fen qi", "xie shang yi", "abcdefghij", "a", "ea"]
    texts += [
        f"{han}{bracket}{space}{reading}{space}{close}商"
        for han in hans
        for bracket, close in (("(", ")"), ("（", "）"), ("(", "）"))
        for space in ("", " ")
        for reading in readings
    ]
    quick = [removing(text) for text in texts]
    assert quick == [every_ending(text) for text in texts]
    assert sum(1 for _, removed in quick if removed) > 150
    assert removing("協(xié)商，協(xié)議，協（ xie ）")[1] == [("協", "xié")] * 2 + [("協", "xie")]


def test_simplified_lines_do_not_go_through_opencc() -> None:
    text, changed = to_simplified("隨著網路發展\n效率会显著提升，看着办")
    assert text == "随着网路发展\n效率会显著提升，看着办"
    assert changed == 1


def test_lines_in_traditional_keep_what_they_kept_when_read_character_by_character() -> None:
    """``_convert_line`` looks only beside the Simplified-only characters of
    a line (found with one character class that misses none of them): it
    keeps what the character-by-character reading kept, on every string of
    Traditional-only, Simplified-only, both-script and other characters."""
    from pipeline.cleaners import script

    def by_character(line: str) -> str:
        new = script.to_simplified_text(line)
        if len(new) != len(line):
            return new
        out = list(new)
        for i, (old, char) in enumerate(zip(line, new, strict=True)):
            if old == char or script.is_traditional_only(old):
                continue
            near = line[max(0, i - 1) : i] + line[i + 1 : i + 2]
            if any(script.is_simplified_only(c) for c in near):
                out[i] = old
        return "".join(out)

    every = {chr(c) for c in range(0x3400, 0xA000) if script.is_simplified_only(chr(c))}
    assert every == {chr(c) for c in range(0x3400, 0xA000) if script._simplified_only().match(chr(c))}
    alphabet = ["著", "隨", "显", "時", "着", "乾", "干", "後", "后", "，"]
    lines = ["".join(chars) for n in range(1, 6) for chars in itertools.product(alphabet, repeat=n)]
    kept = [line for line in lines if script._convert_line(line) != script.to_simplified_text(line)]
    assert len(kept) > 1000
    assert all(script._convert_line(line) == by_character(line) for line in lines)


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("冠县信息港 > > 正文", "breadcrumb"),
        ("首页 > 逾期动态 人气:6 日期:2025-04-14 09:18:10", "breadcrumb"),
        ("当前位置：首页 > 新闻", "breadcrumb"),
        ("2025 05/ 10 12:28:51", "timestamp"),
        ("来源:赏信罚必", "byline"),
        ("责任编辑：张三", "byline"),
        ("字体:", "font_size"),
        ("【纠错】 【责任编辑:赏信罚必】", "editor_tags"),
        ("阅读下一篇:", "prev_next"),
        ("Copyright © 2000 - 2023 All Rights Reserved.", "copyright"),
        ("鲁ICP备17033019号-1.", "icp_number"),
        ("文章正文", "section_label"),
        ("您好!欢迎访问逾期频道!", "welcome_banner"),
        ("内容侵权、删帖举报联系方式:", "takedown_contact"),
        ("陈先生:15070879527 3590931873@qq.com", "contact_line"),
        ("平台逾期 5℃ 0", "counter"),
        ("---", "rule_line"),
    ],
)
def test_boilerplate_rules(cleaner: Cleaner, line: str, rule: str) -> None:
    doc = Document(source="t.txt", text=f"标题\n\n{line}\n\n正文第一段。")
    assert cleaner.clean(doc).text == "正文第一段。"
    assert any(f.kind == "boilerplate" and rule in f.message for f in doc.findings)


@pytest.mark.parametrize(
    "line",
    [
        "收入>支出时，才有余力还款。",
        "来源于生活的经验告诉我们，要按时还款。",
        "2025年起，新规开始施行，逾期记录保存五年。",
        "拨打支付宝客服热线95188咨询。",
    ],
)
def test_boilerplate_rules_leave_body_lines(cleaner: Cleaner, line: str) -> None:
    doc = Document(source="t.txt", text=f"标题\n\n{line}")
    assert cleaner.clean(doc).text == line


# ASCII punctuation inside Chinese text: what changes, and what must not.
PUNCTUATION = [
    ("用户需要耐心等待,客服会回复", "用户需要耐心等待，客服会回复"),
    ("用户需要耐心等待 , 客服会回复", "用户需要耐心等待，客服会回复"),
    ("在联系到客服后:说明情况", "在联系到客服后：说明情况"),
    ("准备以下材料:", "准备以下材料："),
    ("身份证件:“用于证明身份”", "身份证件：“用于证明身份”"),
    ("逾期会怎样?平台会催收", "逾期会怎样？平台会催收"),
    ("支付宝逾期一个月催款办法有哪些?", "支付宝逾期一个月催款办法有哪些？"),
    ("分期偿还(含利息)的方式", "分期偿还（含利息）的方式"),
    ("(一)逾期的后果", "（一）逾期的后果"),
]
PUNCTUATION_UNTOUCHED = [
    "共1,000元",  # a number
    "10:30前还款",  # a time
    "(2)历史信用记录",  # numbering: digits inside
    "拨打客服热线(95188)",  # a number in parentheses
    "逾期初期(第1-3天)会收到短信",  # digits inside: a period the timeline reads
    "打开支付宝(App)的客服中心",  # Latin inside
    "详见 https://a.example/x?y=1,2:3(4)",  # a URL
    "见 www.example.com/a,b",
    "见 https://zh.example/逾期,协商?问题:一",  # a URL with Chinese in it
    "运行 `逾期,协商` 即可",  # code with Chinese in it
    "运行 `a,b:c?` 即可",  # code
    "Hello, world: are you there? (yes)",  # Latin text
    "Note: 中文在后",  # Latin before the colon
    "在现代社会，电子支付：已经？（成为）",  # already full-width
]


@pytest.mark.parametrize(("before", "after"), PUNCTUATION)
def test_ascii_punctuation_in_chinese_becomes_full_width(before: str, after: str) -> None:
    notes: list[tuple[str, str]] = []
    assert normalize_punctuation(before, lambda kind, message: notes.append((kind, message))) == after
    assert notes and all(kind == "punctuation" for kind, _ in notes), "every change is a finding"


@pytest.mark.parametrize("text", PUNCTUATION_UNTOUCHED)
def test_punctuation_outside_chinese_is_untouched(text: str) -> None:
    notes: list[tuple[str, str]] = []
    assert normalize_punctuation(text, lambda kind, message: notes.append((kind, message))) == text
    assert notes == []


def test_the_look_that_opens_the_punctuation_patterns_skips_no_match() -> None:
    """The patterns of ``normalize_punctuation`` open with a look at the
    character a match starts with, so that the engine passes over the
    others quickly. On every short string of Han characters, ASCII marks,
    spaces, tabs and line ends they match what they match without it: a
    comma with a space or tab before it, a colon at the end of a line, a
    question mark before a closing quotation mark are all still found."""
    from pipeline.cleaners import punctuation

    def matches(pattern: re.Pattern[str], text: str) -> list[tuple[object, ...]]:
        return [(m.span(), m.lastgroup, m.groups()) for m in pattern.finditer(text)]

    checked = 0
    for pattern, look in ((punctuation._MARK, "(?=[ \\t,:?])"), (punctuation._PARENS, "(?=\\()")):
        assert pattern.pattern.startswith(look)
        plain = re.compile(pattern.pattern[len(look) :], pattern.flags)
        alphabet = ["甲", ",", ":", "?", "(", ")", " ", "\t", "\n", "a", "1", "”", "“"]
        for length in range(1, 5):
            for chars in itertools.product(alphabet, repeat=length):
                text = "".join(chars)
                assert matches(pattern, text) == matches(plain, text), text
                checked += 1
    assert checked > 50_000
    assert normalize_punctuation("逾期 \t, 协商\n问题:\t\n为什么?”说明(含利息)", lambda *a: None) == (
        "逾期，协商\n问题：\n为什么？”说明（含利息）"
    )


def test_punctuation_step_runs_in_the_chain_and_reports() -> None:
    doc = Document(source="p.txt", text="逾期怎么办?\n\n在现代社会,电子支付已经普及,逾期后要及时还款。")
    cleaned = Cleaner().clean(doc)
    assert "在现代社会，电子支付已经普及，逾期后要及时还款。" in cleaned.text
    steps = [f.step for f in doc.findings if f.kind == "punctuation"]
    assert steps and set(steps) == {"normalize_punctuation"}
    assert "," not in cleaned.text and "?" not in (cleaned.title or "")


def test_findings_name_their_kind(cleaner: Cleaner) -> None:
    """Editors and the review gate read findings by kind: each removal and
    each flag says which it is."""
    text = (
        "信用卡逾期怎么办\n\n逾期以后如何协商还款\n\n"
        "逾期以后要尽快联系银行客服说明情况，不要联系陈先生15070879527，他不是银行的人。\n\n"
        "加微信wx_helper2024，联系王经理代理协商。\n\n"
        "逾期以后如何协商还款\n\n"
        "支付宝旗下的“”实施借贷，会不会被的更猛？"
    )
    doc = Document(source="t.txt", text=text)
    cleaned = cleaner.clean(doc)
    assert cleaned.title == "逾期以后如何协商还款"
    kinds = [(f.kind, f.message) for f in doc.findings]
    alternative = (
        "kept 「逾期以后如何协商还款」 as the title; 「信用卡逾期怎么办」 is another title of the page"
    )
    assert ("alternative_title", alternative) in kinds
    assert ("title_echo", "removed a line that repeats the title: 「逾期以后如何协商还款」") in kinds
    assert [m for k, m in kinds if k == "pii_removed"] == [
        "removed a mobile number (150****9527)",
        "removed a WeChat ID (****)",
        "removed a line inviting readers to contact someone 「加〔已隐去〕，联系王经理代理协商。」",
    ]
    assert sum(k == "flag_cut_out" for k, _ in kinds) == 2
    assert "wx_helper2024" not in cleaned.text and "15070879527" not in cleaned.text


BODY = (
    "很多人在信用卡逾期以后不知道该怎么办，其实在沟通进展中要冷静，先弄清楚欠款的构成。\n\n"
    "银行一般会先打电话提醒，持卡人应当主动联系银行说明情况。"
)


def _cleaned(cleaner: Cleaner, **page: object) -> tuple[str | None, str, list[tuple[str, str | None, str]]]:
    doc = Document(source="page.txt", **{"text": BODY, **page})  # type: ignore[arg-type]
    cleaned = cleaner.clean(doc, record_changes=False)
    return cleaned.title, cleaned.text, [(f.kind, f.step, f.message) for f in doc.findings]


def test_a_given_title_goes_through_the_steps_that_clean_titles(cleaner: Cleaner) -> None:
    title, text, findings = _cleaned(cleaner, title="\ue004 協(xié)商還款之一步:怎么办?")
    assert title == "协商还款第一步：怎么办？"
    assert [(kind, step) for kind, step, _ in findings] == [
        ("icon_character", "remove_icon_characters"),
        ("pinyin_annotation", "remove_pinyin_annotations"),
        ("spun_word", "restore_spun_words"),
        ("spun_word", "restore_spun_words"),
        ("punctuation", "normalize_punctuation"),
        ("punctuation", "normalize_punctuation"),
    ]
    assert "from the title" in findings[0][2] and "協(xié)" in findings[1][2]
    # the title's certain spin lets the body's uncertain rule apply
    assert "在沟通过程中要冷静" in text and "沟通进展中" in findings[3][2]

    title, _, findings = _cleaned(cleaner, title="借款人13912345678的逾期记录")
    assert title == "借款人〔已隐去〕的逾期记录"
    assert findings == [("pii_removed", "remove_pii", "removed a mobile number (139****5678)")]


def test_a_damaged_title_is_repaired_and_reported(cleaner: Cleaner) -> None:
    mojibake = "逾期以后如何与银行协商还款".encode().decode("gbk", errors="replace")
    title, _, findings = _cleaned(cleaner, title=mojibake)
    assert title == "逾期以后如何与银行协商还款"
    assert findings[0][:2] == ("mojibake", "fix_mojibake") and findings[0][2].startswith("title: ")
    assert findings[1][:2] == ("flag_lost_characters", "repair_byte_slips")

    data = "支付宝逾期以后如何与银行协商还款".encode("gb18030")
    slipped = (data[:7] + data[8:]).decode("gb18030", errors="replace")
    doc = Document(source="page.txt", text=BODY, title=slipped)
    cleaned = cleaner.clean(doc, record_changes=False)
    assert cleaned.title == "支付宝逾期以后如何与银行协商还款"
    assert cleaned.lost == 1 and [g["choice"] for g in cleaned.guesses] == ["逾", "款"]
    assert [f.kind for f in doc.findings] == [
        "byte_slip_realigned",
        "flag_lost_characters",
        "flag_lost_characters",
    ]
    # an editor is told the guess is in the title, not in line 1 of the text
    assert all(f.message.startswith("title") for f in doc.findings)


def test_a_declared_title_and_markup_in_the_text(cleaner: Cleaner) -> None:
    title, text, findings = _cleaned(
        cleaner, text="_x0008_<b>正文</b>" + BODY, metadata={"declared_title": "逾期后几天开始"}
    )
    assert title == "逾期后几天开始" and text.startswith("正文很多人")
    assert [(kind, step) for kind, step, _ in findings] == [
        ("control_escape", "remove_control_escapes"),
        ("markup", "strip_markup"),
        ("flag_cut_out", "flag_cut_out_words"),
    ]
    assert "the title 「逾期后几天开始」" in findings[2][2]


def test_the_shipped_rules_find_comment_and_related_headings(cleaner: Cleaner) -> None:
    """The headings of boilerplate.yaml (精彩评论, 相关推荐), not only the
    shapes, open the blocks that go: the rule file's sections are read."""
    related = "相关推荐\n\n逾期怎么办\n\n网贷怎么还"
    comments = "精彩评论\n\n写得真好，学习了\n\n感谢分享"
    page = f"信用卡逾期怎么办\n\n{BODY}\n\n{related}\n\n{comments}"
    _, text, findings = _cleaned(cleaner, text=page)
    assert text == BODY
    assert (
        "comment_block",
        "strip_comment_blocks",
        "removed a comment block of 1 lines starting 「精彩评论」",
    ) in findings
    assert (
        "related_list",
        "strip_related_blocks",
        "removed 「相关推荐」 and the 2 article titles under it",
    ) in findings


@pytest.mark.parametrize(
    ("load", "content", "error"),
    [
        (load_boilerplate, "lines:\n  - pattern: x\n", "lines[0]: each rule needs a 'name'"),
        (
            load_boilerplate,
            "lines:\n  - name: a\n    pattern: x\n    where: top\n",
            "lines[0] (a): 'where' must be 'anywhere' or 'head'",
        ),
        (
            load_boilerplate,
            "lines:\n  - name: a\n    pattern: 3\n",
            "lines[0] (a): 'pattern' must be a string",
        ),
        (
            load_boilerplate,
            "comment_blocks:\n  start: '(x'\n",
            "comment_blocks.start: bad regular expression",
        ),
        (
            load_boilerplate,
            "comment_blocks:\n  author: '(x'\n",
            "comment_blocks.author: bad regular expression",
        ),
        (
            load_boilerplate,
            "comment_blocks:\n  inside: ['a', '(x']\n",
            "comment_blocks.inside[1]: bad regular expression",
        ),
        (
            load_boilerplate,
            "related_blocks:\n  start: '(x'\n",
            "related_blocks.start: bad regular expression",
        ),
        (load_boilerplate, "- a list\n", "expected a mapping at the top level"),
        (load_spin_rules, "rules:\n  - pattern: x\n    replace: y\n", "rules[0]: each rule needs a 'name'"),
        (
            load_spin_rules,
            "rules:\n  - name: s\n    pattern: '(x'\n    replace: y\n",
            "rules[0] (s): bad regular expression",
        ),
        (
            load_spin_rules,
            "rules:\n  - name: s\n    pattern: [x]\n    replace: y\n",
            "rules[0] (s): 'pattern' must be",
        ),
    ],
    ids=[
        "name",
        "where",
        "pattern-type",
        "comment-start",
        "comment-author",
        "comment-inside",
        "related",
        "mapping",
        "spin-name",
        "spin-regex",
        "spin-pattern-type",
    ],
)
def test_a_broken_rule_file_names_the_file_and_the_place(
    tmp_path: Path, load: Callable[[Path], object], content: str, error: str
) -> None:
    path = tmp_path / "rules.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(RuleFileError) as caught:
        load(path)
    assert str(caught.value).startswith(f"{path}: {error}")


def test_rule_files_fill_in_what_a_rule_leaves_out(tmp_path: Path) -> None:
    path = tmp_path / "boilerplate.yaml"
    path.write_text("lines:\n  - name: a\n    pattern: x\n", encoding="utf-8")
    (rule,), comments, related = load_boilerplate(path)
    assert (rule.max_chars, rule.sentences, rule.where) == (80, False, "anywhere")
    # a block the file does not describe matches no line at all
    for line in ("", "精彩评论", "网友评论：", "相关推荐"):
        assert not comments.start.search(line) and not comments.author.search(line)
        assert not related.search(line)
    assert comments.inside == ()
    spin = tmp_path / "spin.yaml"
    spin.write_text("rules:\n  - name: s\n    pattern: 之一(?=个)\n    replace: 第一\n", encoding="utf-8")
    (only,) = load_spin_rules(spin)
    assert only.certain and only.replace == "第一" and only.pattern.search("之一个") and only.why == ""
    spin.write_text("rules:\n  - name: s\n    pattern: x\n", encoding="utf-8")
    with pytest.raises(RuleFileError, match=r"rules\[0\] \(s\): 'replace' is missing"):
        load_spin_rules(spin)
    with pytest.raises(RuleFileError, match="cannot read the rule file"):
        load_spin_rules(tmp_path / "missing.yaml")


def test_the_chain_uses_the_rule_files_it_is_given(tmp_path: Path) -> None:
    boilerplate = tmp_path / "boilerplate.yaml"
    boilerplate.write_text("lines:\n  - name: our_banner\n    pattern: ^本站特供\n", encoding="utf-8")
    spin = tmp_path / "spin.yaml"
    spin.write_text(
        "rules:\n  - name: our_spin\n    pattern: 作用征信\n    replace: 影响征信\n", encoding="utf-8"
    )
    pii = tmp_path / "pii.yaml"
    pii.write_text('allow:\n  - "400-123-4567"\n', encoding="utf-8")
    config = CleanerConfig(boilerplate_rules=boilerplate, spin_rules=spin, pii_rules=pii)
    doc = Document(
        source="t.txt",
        text="逾期怎么办\n\n本站特供\n\n逾期会作用征信，客服电话400-123-4567，不要拖。\n\n之一个工作日就要还。",
    )
    cleaned = Cleaner(config).clean(doc)
    # the given files replace the shipped ones: 之一个 is no spin here
    assert cleaned.text == "逾期会影响征信，客服电话400-123-4567，不要拖。\n\n之一个工作日就要还。"
    found = [(f.kind, f.step) for f in doc.findings]
    assert ("boilerplate", "strip_boilerplate") in found and ("spun_word", "restore_spun_words") in found
    # a rule without a why is reported without one
    assert [f.message for f in doc.findings if f.kind == "spun_word"] == [
        "our_spin: 「作用征信」 → 「影响征信」 in 「逾期会作用征信，客服电话4」"
    ]


def test_mojibake_and_icons_in_the_body_are_reported_by_their_steps() -> None:
    text = "逾期怎么办\n\n\ue004 先和银行联系。\n\n閫炬湡浠ュ悗鑱旂郴瀹㈡湇鍗忓晢杩樻\ue0d9。"
    doc = Document(source="t.txt", text=text)
    cleaned = Cleaner().clean(doc)
    assert cleaned.text == "先和银行联系。\n\n逾期以后联系客服协商还款。"
    steps = {f.kind: f.step for f in doc.findings}
    assert steps["icon_character"] == "remove_icon_characters" and steps["mojibake"] == "fix_mojibake"


def test_a_date_the_page_gave_is_not_replaced_by_a_dateline() -> None:
    text = "逾期怎么办\n\n2021-05-06 09:30 来源：城市晚报 作者：张三\n\n逾期以后，先和银行联系。"
    doc = Document(source="t.txt", text=text, metadata={"date": "2020-01-02"})
    Cleaner().clean(doc)
    assert doc.metadata["date"] == "2020-01-02"
    doc = Document(source="t.txt", text=text)
    Cleaner().clean(doc)
    assert doc.metadata["date"] == "2021-05-06"


def test_findings_keep_their_step_when_the_glossary_protects_terms(tmp_path: Path) -> None:
    glossary = tmp_path / "glossary.yaml"
    glossary.write_text("protect:\n  - 臺灣銀行\n", encoding="utf-8")
    doc = Document(source="t.txt", text="逾期怎么办\n\n臺灣銀行的客服说，之一个工作日就要还。")
    cleaned = Cleaner(CleanerConfig(glossary=glossary)).clean(doc)
    assert cleaned.text == "臺灣銀行的客服说，第一个工作日就要还。"
    assert ("spun_word", "restore_spun_words") in [(f.kind, f.step) for f in doc.findings]


def test_an_empty_rule_file_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "boilerplate.yaml"
    path.write_text("# nothing yet\n", encoding="utf-8")
    with pytest.raises(RuleFileError, match="expected a mapping at the top level"):
        load_boilerplate(path)


def test_a_title_is_made_plain_text_and_the_editor_is_told() -> None:
    doc = Document(source="t.txt", text="逾期怎么办`code`\n\n逾期以后，先和银行联系，说明情况。")
    assert Cleaner().clean(doc).title == "逾期怎么办＇code＇"
    message = "title made plain text: 「逾期怎么办`code`」 → 「逾期怎么办＇code＇」"
    sanitized = [(f.kind, f.step, f.message) for f in doc.findings if f.kind == "title_sanitized"]
    assert sanitized == [("title_sanitized", "take_title", message)]
    # one longer than 80 characters is quoted cut short
    for length, quoted in ((79, "逾" * 79 + "`"), (85, "逾" * 79 + "…")):
        doc = Document(source="t.html", text="逾期以后，先和银行联系，说明情况。", title="逾" * length + "`")
        Cleaner().clean(doc)
        message = next(f.message for f in doc.findings if f.kind == "title_sanitized")
        assert message.startswith(f"title made plain text: 「{quoted}」 → 「{'逾' * 79}")


def test_the_chain_returns_alternative_titles_and_names_the_script_step() -> None:
    doc = Document(source="t.txt", text="逾期怎么办\n\n逾期一个月的应对策略\n\n逾期以后，先和银行联系。")
    cleaned = Cleaner().clean(doc)
    assert (cleaned.title, cleaned.alternative_titles) == ("逾期一个月的应对策略", ["逾期怎么办"])
    doc = Document(source="t.txt", text="逾期怎麼辦\n\n逾期以後，先和銀行聯繫，說明情況。")
    assert Cleaner().clean(doc).title == "逾期怎么办"
    assert [(f.kind, f.step) for f in doc.findings] == [("traditional_script", "to_simplified")]


def test_the_byte_slip_step_keeps_to_its_time_budget_in_the_title_too() -> None:
    for doc in (
        Document(source="t.txt", text="逾期怎么办\n\n逾期以后先和银\ufffd联系。"),
        Document(source="t.txt", text="逾期以后先和银行联系。", title="逾期怎\ufffd办"),
    ):
        Cleaner(CleanerConfig(time_budget=0)).clean(doc)
        (finding,) = doc.findings
        assert finding.kind == "flag_time_budget"
        assert finding.message.startswith("byte-slip repair stopped after 0 s on a page of ")
        assert finding.message.endswith(" characters; its damage is left as it is for an editor")
    # without a budget the repair runs to its end
    doc = Document(source="t.txt", text="逾期怎么办\n\n逾期以后先和银\ufffd联系。")
    assert Cleaner(CleanerConfig(time_budget=None)).clean(doc).text == "逾期以后先和银行联系。"


def test_characters_lost_are_counted_on_lines_with_words_only() -> None:
    # a line of nothing but U+FFFD lost an ornament; one with words lost text
    doc = Document(
        source="t.txt", text="逾期怎么办\n\n逾期以后\n\n\ufffd\ufffd\n\n欠款 \ufffd 元，先和银行联系。"
    )
    assert Cleaner().clean(doc).lost == 1


def test_the_chain_names_pinyin_it_removed_and_leaves_earlier_findings_alone() -> None:
    doc = Document(source="t.txt", text="逾期怎么办\n\n協(xié)商和還(huán)款都要趁早。")
    doc.note("encoding", "read as Big5")
    cleaned = Cleaner().clean(doc)
    assert cleaned.text == "协商和还款都要趁早。"
    assert [(f.kind, f.step) for f in doc.findings][:2] == [
        ("encoding", None),
        ("pinyin_annotation", "remove_pinyin_annotations"),
    ]
    assert doc.findings[1].message == "removed 2 pinyin annotations: 協(xié)、還(huán)"


def test_a_page_with_no_words_has_no_title() -> None:
    cleaned = Cleaner().clean(Document(source="t.txt", text=""))
    assert (cleaned.title, cleaned.text) == (None, "")


def test_character_references_in_a_text_page_are_decoded_and_encoded_markup_goes() -> None:
    text = (
        "逾期怎么办&lt;必看&gt;\n\n&nbsp;&nbsp;逾期以后，先和银行联系&mdash;说明情况。"
        "\n\n&lt;script&gt;alert(1)&lt;/script&gt;A&amp;B 与 &#8220;协商&#8221;。"
    )
    doc = Document(source="t.txt", text=text)
    cleaned = Cleaner().clean(doc)
    assert cleaned.title == "逾期怎么办＜必看＞"  # not a first sentence cut at the ; of &lt;
    assert cleaned.text == "逾期以后，先和银行联系—说明情况。\n\nA&B 与 “协商”。"
    assert [f.message for f in doc.findings if f.kind == "markup"] == [
        "decoded 12 character references: &lt;、&gt;、&nbsp;",
        "removed 1 pieces of HTML: <script>alert(1)</script>",
    ]
