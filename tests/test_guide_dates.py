"""A guide's description.

The description (front matter → ``<meta name="description">``, and the
line under the guide on its category page) is the guide's 要点, else the
opening of its first real paragraph, cut where a sentence or a clause ends,
escaped like every value from a scraped page.
"""

from __future__ import annotations

from pathlib import Path

from pipeline.cleaners import Cleaned
from pipeline.guide import DESCRIPTION_MAX, clip
from pipeline.record import Document
from pipeline.run import Run
from pipeline.stages.clean import Composer
from pipeline.untrusted import is_plain_line
from pipeline.writers import read_front_matter

COMPOSER = Composer()

ARTICLE = (
    "逾期以后怎样和平台协商\n\n"
    "逾期以后，很多人不知道第一步该做什么。本文讲清楚协商还款的流程和需要准备的材料。\n\n"
    "一、逾期的后果\n\n"
    "逾期会影响个人征信，还会产生罚息，用户应尽快还清欠款。\n\n"
    "二、协商的流程\n\n"
    "通过官方渠道联系客服，说明逾期原因和目前的还款能力，建议保存通话录音。"
    "客服会根据情况评估，并在几个工作日内给出答复。\n\n"
    "三、总结\n\n"
    "协商成功以后，仔细阅读新的还款协议，确认每期金额和日期，按时还款。\n"
)


def compose(title: str, text: str) -> tuple[list[str], str, str]:
    """The 要点, the description and the Markdown of a cleaned page."""
    guide, markdown = COMPOSER.compose(Document(source="/pages/a.txt", text=""), Cleaned(title, text))
    return guide.summary, guide.description, markdown


# --- the description ---------------------------------------------------------


def test_the_description_is_the_guides_summary() -> None:
    summary, description, markdown = compose("逾期以后怎样和平台协商", ARTICLE.split("\n\n", 1)[1])
    assert summary == ["逾期的后果：用户应尽快还清欠款", "协商的流程：建议保存通话录音", "总结"]
    # a bare closing label (总结) says nothing about the guide
    assert description == "逾期的后果：用户应尽快还清欠款；协商的流程：建议保存通话录音。"
    assert f"description: {description}\n" in markdown
    assert "逾期以后，很多人不知道" not in description, "not the first sentence"


def test_without_a_summary_the_description_is_the_first_real_paragraph() -> None:
    text = (
        "引语：短\n\n"
        "逾期以后平台一般会先发短信提醒，随后电话联系，再后来委托第三方机构。"
        "这一段是第二句，说明催收的各个阶段。第三句不会出现在描述里面。\n"
    )
    summary, description, _ = compose("逾期以后会怎样", text)
    assert summary == []
    assert description == "逾期以后平台一般会先发短信提醒，随后电话联系，再后来委托第三方机构。"


def test_a_long_summary_is_cut_after_a_whole_point() -> None:
    sections = "".join(
        f"{n}、关于逾期以后第{n}个需要特别留意的常见问题与处理办法\n\n"
        f"第{n}段正文，用户应主动联系平台说明情况，保留证据。\n\n"
        for n in "一二三四五六"
    )
    intro = "引言，本文列出需要留意的问题。\n\n"
    summary, description, _ = compose("逾期以后需要留意的问题", intro + sections)
    assert len(summary) == 6 and len("；".join(summary)) > DESCRIPTION_MAX
    assert len(description) <= DESCRIPTION_MAX
    assert description.endswith("。")
    points = description[:-1].split("；")
    assert 1 <= len(points) < 6 and points == summary[: len(points)], "whole points, in order"


def test_a_long_sentence_is_cut_after_a_clause_and_full_width_stays() -> None:
    first = (
        "逾期以后，平台会先发短信和电话提醒，"
        + "如果仍然没有还款，可能委托第三方机构上门催收，"
        + "并把逾期记录报送人民银行征信中心，影响以后办理信用卡、房贷、车贷和其他各种贷款业务的审批结果，"
        + "所以一定要尽早和平台联系协商还款方案，争取停息挂账或者分期还款，并且保存好每一次沟通的记录。"
    )
    assert len(first) > DESCRIPTION_MAX
    summary, description, _ = compose("逾期以后会怎样", first + "\n")
    assert summary == []
    assert len(description) <= DESCRIPTION_MAX
    assert description.endswith("……") and first.startswith(description[:-2])
    assert first[len(description) - 2] in "，、：", "cut where a clause ends"
    assert "," not in description and "，" in description, "full-width punctuation is kept"


def test_a_description_is_never_cut_inside_a_word() -> None:
    # no sentence or clause ends within the limit: the title, not a clipped word
    assert clip("逾期" * 80, DESCRIPTION_MAX) is None
    _, description, _ = compose("逾期以后会怎样", "逾期以后平台会" * 30 + "\n")
    assert description == "逾期以后会怎样"


def test_hostile_text_in_the_summary_is_escaped(tmp_path: Path) -> None:
    article = (
        "逾期以后怎么办\n\n"
        "引言，说明本文讲什么内容，帮助读者了解逾期以后应该怎么处理。\n\n"
        '一、逾期"><svg onload=alert(1)>的后果\n\n'
        "逾期会影响个人征信，用户应尽快还清欠款。逾期记录会在征信报告上保留五年，从还清欠款之日起计算。\n\n"
        "二、[点我](javascript:alert(2))协商的流程 *强调*\n\n"
        "先准备材料，然后联系客服，建议保存通话录音。客服会根据情况评估，并在几个工作日内给出答复。\n"
    )
    summary, description, _ = compose("逾期以后怎么办", article.split("\n\n", 1)[1])
    assert any("<svg" in point for point in summary), "the payload reached the 要点"
    assert is_plain_line(description), description
    assert "<" not in description and "svg" not in description and '"' not in description
    assert "协商的流程" in description

    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "a.txt").write_text(article, encoding="utf-8")
    Run(tmp_path / "guides").execute([pages], tmp_path / "manifest.jsonl")
    [guide] = [p for p in (tmp_path / "guides").rglob("*.md") if not p.name.startswith(("index", "page-"))]
    meta = read_front_matter(guide)
    assert is_plain_line(meta["description"]) and "；" in meta["description"]
    # the category page lists the description as text: no markup, no emphasis
    listing = (guide.parent / "index.md").read_text(encoding="utf-8")
    line = next(x for x in listing.splitlines() if guide.name in x)
    assert line.endswith(f"：{meta['description'].replace('*', chr(92) + '*')}")
    assert r"\*强调\*" in line and "＂＞" in line
    assert "<svg" not in listing and "javascript" not in listing
