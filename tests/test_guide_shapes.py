"""The shape of a guide on articles unlike the samples: warnings are the
sentences that warn, steps are what the reader does in order, and a
question-and-answer article becomes a whole FAQ.

Each article goes through the same structure, shape and templates as the
clean stage (``pipeline.stages.clean.Composer``), then through Markdown as
the site renders it.
"""

from __future__ import annotations

import itertools
import re

import markdown
from bs4 import BeautifulSoup

from pipeline.gathered import GuideText, questions
from pipeline.guide import Guide, Renderer
from pipeline.shape import Shaped, shape
from pipeline.structure import parse

RENDERER = Renderer()


def compose(title: str, lines: list[str]) -> tuple[Shaped, str]:
    structure = parse("\n\n".join(lines))
    shaped = shape(title, structure)
    guide = Guide(
        id="t",
        slug="t",
        title=title,
        description="",
        category="c",
        category_name="c",
        tags=[],
        source="s",
        intro=structure.intro,
        parts=shaped.parts,
        kind=shaped.kind,
        summary=shaped.summary,
    )
    return shaped, RENDERER.render(f"{guide.kind}.md.j2", guide=guide)


def html(md: str) -> BeautifulSoup:
    body = md.split("\n---\n", 1)[1]
    return BeautifulSoup(
        markdown.markdown(body, extensions=["admonition", "pymdownx.details", "tables"]), "lxml"
    )


def warning_boxes(md: str) -> list[str]:
    boxes = html(md).select(".admonition.warning")
    for box in boxes:
        box.select_one(".admonition-title").decompose()
    return [box.get_text("", strip=True) for box in boxes]


def steps(md: str) -> list[list[str]]:
    """Each numbered list of the guide, as the text of its items."""
    return [
        [li.get_text("", strip=True) for li in ol.find_all("li", recursive=False)]
        for ol in html(md).find_all("ol")
    ]


# --- warnings -------------------------------------------------------------

LONG = (
    "信用卡逾期以后，银行一般会先发短信提醒，然后打电话联系持卡人，了解逾期的原因和还款打算。"
    "逾期超过三个月的，银行可能委托第三方机构上门催收，或者向法院起诉。"
    "需要注意的是，逾期记录会在征信报告里保留五年。"
    "持卡人可以和银行协商个性化分期，把欠款分成几十期慢慢还。"
)


def test_one_warning_sentence_does_not_make_the_article_a_warning() -> None:
    # a page that is one long paragraph, with one sentence that warns: the
    # rule that boxed every paragraph with a warning word boxed the article
    _, md = compose("信用卡逾期以后会怎样", [LONG])
    assert warning_boxes(md) == []
    # the sentence that warns stands out, in the paragraph as the article has it
    assert "**需要注意的是，逾期记录会在征信报告里保留五年。**" in md
    assert re.sub(r"\*\*", "", md).count(LONG) == 1


def test_a_paragraph_that_warns_is_a_warning_box() -> None:
    warning = "千万不要相信所谓的征信修复机构。官方从不收取修复费用，切勿向陌生账户转账。"
    _, md = compose("征信可以修复吗", [LONG, warning])
    assert warning_boxes(md) == [warning]


def test_a_paragraphs_warnings_are_worked_out_once_and_stay_its_own() -> None:
    """The runs of a paragraph are kept for the paragraphs seen last
    (``shape._warning_runs``): asked again, they are the same, and what a
    caller does to the list it got changes nothing for the next one."""
    from pipeline.shape import _warning_runs, warning_runs

    warning = "千万不要相信所谓的征信修复机构。官方从不收取修复费用。"
    runs = warning_runs(warning)
    assert runs == [(True, "千万不要相信所谓的征信修复机构。"), (False, "官方从不收取修复费用。")]
    runs.clear()
    assert warning_runs(warning) == list(_warning_runs.__wrapped__(warning)) != []
    assert _warning_runs.cache_info().maxsize


def test_every_word_that_warns_holds_a_character_the_quick_look_knows() -> None:
    """``cues.warns`` searches only sentences with one of
    ``cues._MAY_WARN``'s characters. Every match of the cues' pattern
    holds one: each of its alternatives has a part it cannot match without,
    all of whose forms hold such a character. (A warning word added to the
    cues without one fails here.)"""
    from re import _constants as sre
    from re import _parser

    from pipeline import cues
    from pipeline.shape import warning_runs

    def holds(item: tuple[object, object]) -> bool:
        op, av = item
        if op is sre.LITERAL:
            return cues._MAY_WARN.match(chr(av)) is not None
        if op is sre.IN:
            return all(kind is sre.LITERAL and holds((kind, c)) for kind, c in av)
        if op is sre.BRANCH:
            return all(any(map(holds, branch)) for branch in av[1])
        if op is sre.SUBPATTERN:
            return any(map(holds, av[3]))
        if op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
            return av[0] >= 1 and any(map(holds, av[2]))
        return False

    for pattern in (cues._WARN, cues._STRONG):
        assert any(map(holds, _parser.parse(pattern.pattern))), pattern.pattern
    # the look passes what the cues find, and a sentence with a character
    # of the list that does not warn still does not
    text = "切勿轻信。请注意。千万别去。当心受骗。不能轻信。否则罚息。这件事引起了大家的注意。逾期后要还款。"
    assert [warning for warning, _ in warning_runs(text)] == [True, False]
    plain = "逾期后要主动联系客服。平台会催收。"
    assert warning_runs(plain) == [(False, plain)]


def test_text_without_markup_characters_is_made_inert_the_same_way() -> None:
    """``md_text`` skips its replacements when a text holds none of the
    characters they touch: on every short string of those, other marks,
    spaces and Han it gives what replacing and escaping every time gives."""
    from pipeline.guide import _LINE_START, md_text

    def every_time(text: str) -> str:
        text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        text = re.sub(r"([\\`*_\[\]{}])", r"\\\1", text)
        match = _LINE_START.match(text)
        if match:
            lead, mark = match.groups()
            text = lead + (mark[:-1] + "\\" + mark[-1]) + text[match.end() :]
        return text

    alphabet = ["&", "<", ">", "\\", "`", "*", "_", "[", "]", "{", "}", "|", "#", "-", "1", ".", " ", "甲"]
    texts = ["".join(chars) for n in range(1, 5) for chars in itertools.product(alphabet, repeat=n)]
    assert [md_text(text) for text in texts] == [every_time(text) for text in texts]


def test_words_of_warning_that_do_not_warn_the_reader() -> None:
    # noticed, noteworthy, someone's speech, what others do: no warning
    lines = [
        "记者注意到，今年以来多家银行下调了信用卡分期手续费率，这一变化引起了持卡人的注意。",
        "值得注意的是，该行去年的信用卡不良率有所上升。",
        "他们不要利息，不要手续费，只要本金。",
        "客服说：“不要担心，我们会按规定处理。”",
    ]
    _, md = compose("银行下调分期手续费", lines)
    assert warning_boxes(md) == [] and "**" not in md


# --- steps ----------------------------------------------------------------

STEPS = [
    "第一步，登录手机银行，在首页找到“信用卡”栏目。",
    "第二步，点击“账单分期”，选择要分期的账单和期数。",
    "第三步，核对每期的本金和手续费，确认后提交申请。",
]


def test_first_second_third_step_paragraphs_are_numbered_steps() -> None:
    shaped, md = compose(
        "信用卡账单分期怎么办理", ["账单分期可以在手机银行上办理，办法如下：", *STEPS, "审核通过后即时生效。"]
    )
    assert steps(md) == [
        [
            "登录手机银行，在首页找到“信用卡”栏目。",
            "点击“账单分期”，选择要分期的账单和期数。",
            "核对每期的本金和手续费，确认后提交申请。",
        ]
    ]
    assert shaped.kind == "howto"
    assert "审核通过后即时生效。" in html(md).find_all("p")[-1].get_text()


def test_step_headings_with_text_under_them_are_numbered_steps() -> None:
    lines = [
        "协商还款前要先弄清楚自己欠了多少钱，再和银行谈。",
        "步骤一 整理欠款",
        "把每张卡的本金、利息、罚息和逾期天数列成一张表，算清每月能还多少。",
        "步骤二 联系银行",
        "拨打信用卡背面的官方客服电话，说明困难，提出分期的请求。",
        "步骤三 签订协议",
        "谈妥以后要求银行出具书面的还款协议，按协议按时还款。",
    ]
    _, md = compose("信用卡协商还款", lines)
    assert steps(md)[0] == [
        "整理欠款把每张卡的本金、利息、罚息和逾期天数列成一张表，算清每月能还多少。",
        "联系银行拨打信用卡背面的官方客服电话，说明困难，提出分期的请求。",
        "签订协议谈妥以后要求银行出具书面的还款协议，按协议按时还款。",
    ]
    assert "## 步骤" not in md
    # under a section heading: that section's steps
    _, md = compose("信用卡协商还款", ["一、怎样和银行协商", *lines[1:]])
    assert "## 一、怎样和银行协商" in md and len(steps(md)[0]) == 3


def test_first_then_finally_actions_are_numbered_steps() -> None:
    lines = [
        "首先，要主动联系平台客服，说明逾期的原因。",
        "其次，根据自己的收入提出可行的还款方案。",
        "最后，保存好沟通记录和还款凭证。",
    ]
    _, md = compose("网贷逾期了怎么办", lines)
    assert steps(md) == [lines]  # 首先，其次，最后 are words of the sentences: kept


def test_numbered_facts_are_not_steps() -> None:
    # Reasons, not things to do: a numbered list would say "do these, in
    # this order". They stay paragraphs with the article's own numbers.
    facts = [
        "1. 逾期金额越大，银行越早介入催收。",
        "2. 信用记录良好的持卡人，银行往往给予更长的宽限。",
        "3. 联系方式失效的，催收会转向紧急联系人。",
    ]
    _, md = compose("影响催收频率的因素", ["催收的频率取决于几个方面。", *facts])
    assert steps(md) == []
    for fact in facts:
        assert fact.replace("1. ", "1\\. ").replace("2. ", "2\\. ").replace("3. ", "3\\. ") in md


def test_numbered_actions_are_steps_and_a_broken_sequence_is_not() -> None:
    actions = ["1. 拨打官方客服电话。", "2. 说明逾期原因和还款能力。", "3. 提出停息分期的请求。"]
    _, md = compose("逾期后如何协商", ["协商的做法很简单。", *actions])
    assert steps(md) == [["拨打官方客服电话。", "说明逾期原因和还款能力。", "提出停息分期的请求。"]]
    # 1. then 3.: not a sequence counting on from one
    _, md = compose("逾期后如何协商", ["协商的做法很简单。", actions[0], actions[2]])
    assert steps(md) == []


# --- FAQ ------------------------------------------------------------------

QA = [
    ("信用卡逾期一天会上征信吗？", "多数银行有三天左右的宽限期，宽限期内还款一般不会上报征信。"),
    ("逾期以后还能协商分期吗？", "可以，持卡人可以向银行申请个性化分期，最长可分六十期。"),
    ("催收人员可以打电话给家人吗？", "催收不得骚扰与债务无关的第三人，遇到骚扰可以向银行投诉。"),
    ("征信上的逾期记录多久消除？", "还清欠款之后，不良记录自还清之日起保留五年。"),
]


def faq_entries(md: str) -> list[str]:
    body = md.split("\n---\n", 1)[1]
    return [q.text for q in questions(GuideText("guides/c/t.md", "t", "c", body))]


def test_numbered_questions_under_a_heading_are_a_whole_faq() -> None:
    lines = ["一、关于逾期的常见问题"]
    for n, (q, a) in enumerate(QA, 1):
        lines += [f"{n}. {q}", a]
    shaped, md = compose("信用卡逾期常见问题", lines)
    assert shaped.kind == "faq"
    assert [re.sub(r"^\d\\?\. ", "", e) for e in faq_entries(md)] == [q for q, _ in QA]


def test_labelled_questions_longer_than_a_heading_are_faq_entries() -> None:
    # longer than a heading (40 characters): a question all the same
    long_q = "问：我的信用卡已经逾期三个多月了，银行说下个月就要去法院起诉我，现在还款还来得及吗？"
    assert len(long_q) > 40
    lines = [f"问：{q}" for q, _ in QA[:2]]
    lines = [
        lines[0],
        "答：" + QA[0][1],
        lines[1],
        "答：" + QA[1][1],
        long_q,
        "答：来得及，立案之前还清或者达成还款协议，银行一般会撤诉。",
    ]
    shaped, md = compose("信用卡逾期问答", lines)
    assert shaped.kind == "faq"
    assert faq_entries(md) == [f"问：{QA[0][0]}", f"问：{QA[1][0]}", long_q]
