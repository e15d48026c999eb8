"""Untrusted values where they enter: contact details in every format
scrapers and spammers write them, titles and descriptions as plain text,
URLs as http(s) links or nothing."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from pipeline import personal_data
from pipeline.cleaners.pii import PiiRules, load_pii_rules, remove_pii
from pipeline.personal_data import find, redact
from pipeline.untrusted import is_plain_line, plain_line, public_url

RULES = load_pii_rules()
DATA = Path(__file__).parent / "data"

# (written as, the value that must not be published)
CONTACTS = [
    ("手机１３８１２３４５６８３", "１３８１２３４５６８３"),
    ("手机138.1234.5682", "138.1234.5682"),
    ("手机138 - 1234 - 5686", "138 - 1234 - 5686"),
    ("手机139 1234 5678", "139 1234 5678"),
    ("手机+86 139-1234-5678", "139-1234-5678"),
    ("手机13912345678", "13912345678"),
    ("座机(010)87654321", "87654321"),
    ("座机（０１０）８７６５４３２１", "８７６５４３２１"),
    ("座机010-8888-6666", "8888-6666"),
    ("座机0755-12345678", "12345678"),
    ("请加Q Q：678901234", "678901234"),
    ("请加q：789012345", "789012345"),
    ("QQ号：12345678", "12345678"),
    ("扣扣 23456789", "23456789"),
    ("微信 abc_1234", "abc_1234"),
    ("加微信abc_12345", "abc_12345"),
    ("v：daiban_8888", "daiban_8888"),
    ("加小编微信 wx_zhaiwu888 咨询", "wx_zhaiwu888"),
    ("微信：daibanxieshang", "daibanxieshang"),
    ("VX：helper_2024", "helper_2024"),
    ("邮箱lisi123＠163.com", "lisi123"),
    ("邮箱wangwu [at] gmail.com", "wangwu"),
    ("邮箱zhang.san@qq.com", "zhang.san"),
    ("身份证110101 19900307 7776", "19900307"),
    ("身份证１１０１０１１９９００３０７７７９５", "１９９００３０７"),
    ("身份证11010119900307777X", "11010119900307777X"),
    ("卡号6222 0202 0011 2233 445", "0202 0011 2233"),
    ("客服400-123-4567", "400-123-4567"),
]


@pytest.mark.parametrize(("written", "value"), CONTACTS)
def test_contact_details_are_removed(written: str, value: str) -> None:
    notes: list[tuple[str, str]] = []
    text = remove_pii(f"对方说：{written}，然后就挂了。", RULES, lambda *a: notes.append(a))
    assert value not in text
    assert "〔已隐去〕" in text or not text, "replaced, or the line of an invitation dropped"
    assert notes and all(value not in message for _, message in notes), "findings show it masked"


OFFICIAL = [
    "请拨打95188咨询。",
    "招商银行客服95555。",
    "可以拨打12378投诉。",
    "市场监管12315。",
    "人民银行12363。",
    "支付宝客服400-819-5188。",
    "招行信用卡800-820-5555。",
]


@pytest.mark.parametrize("sentence", OFFICIAL)
def test_official_numbers_stay(sentence: str) -> None:
    assert remove_pii(sentence, RULES, lambda *a: None) == sentence


def test_the_allow_list_is_what_keeps_official_hotlines() -> None:
    sentence = "支付宝客服400-819-5188。"
    empty = PiiRules(frozenset(), "〔已隐去〕")
    assert remove_pii(sentence, empty, lambda *a: None) == "支付宝客服〔已隐去〕。"
    assert remove_pii(sentence, RULES, lambda *a: None) == sentence


# article text with numbers and labels that are not contact details
NEGATIVE = [
    "借款15000000000元的说法不合常理。",
    "逾期90天以后，银行一般会委托第三方机构催收。",
    "2024-03-02以后，利率下调了0.5个百分点。",
    "可以在微信支付里查看账单，也可以在微信里联系官方客服。",
    "微信 WeChat 和支付宝都能还款。",
    "Q：逾期了怎么办？A：先联系官方客服。",
    "第一季度有13812笔投诉。",
    "合同编号2023-0001-0002请保存好。",
    "每月还款5000元，共还36期。",
    "罚息按日万分之五计算，一年约18.25%。",
    "2021年1月1日起施行的《民法典》第六百八十条。",
    "借款人拖欠13900000000元，法院判决分期偿还。",
]


@pytest.mark.parametrize("sentence", NEGATIVE)
def test_article_numbers_are_not_contact_details(sentence: str) -> None:
    assert remove_pii(sentence, RULES, lambda *a: None) == sentence


def test_a_line_inviting_contact_goes_whole_and_a_warning_stays() -> None:
    notes: list[tuple[str, str]] = []
    text = remove_pii(
        "逾期了先别慌。\n如需帮助请联系王经理13811112222，专业代理协商、征信修复。\n"
        "不要联系自称内部人员的陌生人13812345678。",
        RULES,
        lambda *a: notes.append(a),
    )
    assert text == "逾期了先别慌。\n不要联系自称内部人员的陌生人〔已隐去〕。"
    assert any("inviting readers to contact" in message for _, message in notes)


def test_redact_masks_values_quoted_in_messages() -> None:
    message = redact("removed contact_line line 「联系人：张三 13812347777，微信：daiban_888」")
    assert "13812347777" not in message and "daiban_888" not in message
    assert "138****7777" in message


def test_find_reports_each_value_once() -> None:
    assert [m.kind for m in find("卡号6222020200112233445，手机13912345678")] == ["bank_card", "mobile"]


TITLES = [
    "逾期还款<details open ontoggle=alert(1)>",
    "&lt;img src=x onerror=alert(1)&gt;花呗逾期",
    "&amp;lt;script&amp;gt;alert(1)&amp;lt;/script&amp;gt;",
    '"><svg onload=alert(1)>',
    "逾期协商](javascript:alert('rel')) [x",
    "第一行\n第二行",
    "`code` 与 a<b",
]


@pytest.mark.parametrize("title", TITLES)
def test_titles_become_plain_lines(title: str) -> None:
    plain = plain_line(title)
    assert is_plain_line(plain), plain
    assert plain == plain_line(plain), "checking again changes nothing"


def test_titles_are_bounded() -> None:
    assert len(plain_line("逾" * 500)) == 80


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        " JAVASCRIPT:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox(1)",
        "//evil.example/",
        "https://user:pw@evil.example/",
        "https://exa mple.com/",
        "https://example.com/\u2028x",
        "ftp://example.com/",
        "",
        None,
    ],
)
def test_only_http_urls_become_links(url: str | None) -> None:
    assert public_url(url) is None


def test_urls_are_encoded_and_stripped_of_contact_details() -> None:
    assert public_url("https://x.example/a b") is None
    assert public_url("https://x.example/a)b'c\"d") == "https://x.example/a%29b%27c%22d"
    assert public_url("https://x.example/u?mail=zhaoliu%40163.com") == "https://x.example/"
    assert public_url("https://x.example/call/13911112222") == "https://x.example/"


def test_a_cleaned_title_carries_no_markup(tmp_path: Path) -> None:
    from pipeline.cleaners import Cleaner
    from pipeline.record import Document

    doc = Document(source="a.html", text="正文第一段。", title="&lt;img src=x onerror=alert(1)&gt;花呗逾期")
    cleaned = Cleaner().clean(doc)
    assert cleaned.title == "花呗逾期"
    assert any(f.kind == "title_sanitized" for f in doc.findings)


def _contact_texts() -> list[str]:
    # each the shortest or barest of its kind: a five-digit QQ number, an
    # address with [at] and no v or w, WeChat labels in other characters
    texts = [written for written, _ in CONTACTS] + [
        "QQ：12345",
        "邮箱 lisi [at] qq.com",
        "加薇信 abc_123",
        "威信：abc_123",
        "wx：abc_123",
    ]
    for folder in (DATA / "pii", DATA / "hostile"):
        for path in sorted(folder.iterdir()):
            texts.extend(path.read_text(encoding="utf-8", errors="replace").splitlines())
    return texts


def test_the_quick_look_before_a_search_never_skips_contact_details(monkeypatch: pytest.MonkeyPatch) -> None:
    """``find`` skips a text with nothing any pattern needs
    (``personal_data.may_hold``). Every value the patterns find in the test
    pages passes that look on its own, so no text holding one is skipped;
    and the look does skip plain Chinese."""
    texts = _contact_texts()
    may_hold, fold = personal_data.may_hold, personal_data.fold
    with_look = [list(find(text)) for text in texts]
    monkeypatch.setattr(personal_data, "may_hold", lambda folded: True)
    without = [list(find(text)) for text in texts]
    assert with_look == without
    values = [m.value for found in without for m in found]
    assert len(values) >= len(CONTACTS)
    assert all(may_hold(value) and may_hold(fold(value)) for value in values)
    assert not may_hold(fold("逾期以后银行会先发短信提醒，然后打电话催收，影响征信。"))


def _full_width(text: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text)


def test_the_quick_look_never_misses_a_match_in_any_writing() -> None:
    """``may_hold`` looks at a text before it is folded. Whenever a pattern
    matches the folded text, the look passes the text as it was written:
    each part of it in full-width forms or not, in upper or lower case,
    after a Latin letter or a letter that only case-folds to one (ſ, K),
    and passes the folded text too."""
    before = ["", "a", "Z", "ſ", "\u212a", "逾期", " "]
    labels = ["微信", "威信", "薇信", "V信", "v", "vx", "wx", "weixin", "wechat", "WeChat", "加V", "加 v"]
    labels += ["QQ", "Q Q", "q", "加q", "扣扣", "企鹅号", "电话", ""]
    seps = ["", " ", ":", "=", " : "]
    values = ["abc_123", "helper_2024", "daibanxieshang", "12345", "678901234", "13812345678"]
    values += ["138 - 1234 - 5678", "(010)87654321", "0755-12345678", "400-123-4567", "110101199003077776"]
    texts = [[b, label, sep, value] for b in before for label in labels for sep in seps for value in values]
    ats = ["@", "[at]", "(AT)", "{At}", " [at] ", "at"]
    texts += [[b, name, at, "qq.com"] for b in before for name in ["lisi", "zhang.san", "163"] for at in ats]
    rng = random.Random(7)
    found = 0
    for parts in texts:
        for _ in range(3):
            writings = (str, str.upper, _full_width, lambda part: _full_width(part.upper()))
            text = "".join(rng.choice(writings)(part) for part in parts)
            folded = personal_data.fold(text)
            if any(pattern.search(folded) for _, pattern in personal_data.PATTERNS):
                found += 1
                assert personal_data.may_hold(text) and personal_data.may_hold(folded), text
    assert found > 10_000
