"""The source site's voice is rewritten to the article's: 本站 and 小编
would speak for this site."""

from __future__ import annotations

from pipeline.cleaners import Cleaner
from pipeline.record import Document

BODY = [
    "信用卡逾期以后，很多人第一反应是害怕，不知道该从哪里下手，其实只要弄清楚欠款的构成就好办了。",
    "本站将详细探讨与银行协商还款的流程，帮助大家少走弯路。",
    "今天小编为大家整理了协商时需要准备的材料。",
    "六、小编总结",
    "主动沟通、如实说明困难，是协商成功的关键。",
]


def test_the_source_sites_voice_becomes_the_articles() -> None:
    doc = Document(source="t.txt", text="\n\n".join(["信用卡逾期怎么协商", "引语：逾期之后的第一步", *BODY]))
    cleaned = Cleaner().clean(doc)
    lines = cleaned.text.split("\n\n")
    assert lines[0] == "逾期之后的第一步"
    assert "本文将详细探讨与银行协商还款的流程，帮助大家少走弯路。" in lines
    assert "今天笔者为大家整理了协商时需要准备的材料。" in lines
    assert "六、总结" in lines
    assert not any("小编" in line or "本站" in line for line in lines)
    assert len([f for f in doc.findings if f.kind == "site_voice"]) == 4


def test_words_that_only_look_like_the_sites_voice_stay() -> None:
    lines = [
        BODY[0],
        "引言部分已经说明了逾期的后果，下面说说怎么协商。",
        "网站首页的本站公告里写着客服的工作时间。",
        "总结：先沟通，再协商，留证据。",
    ]
    doc = Document(source="t.txt", text="\n\n".join(["信用卡逾期怎么协商", *lines]))
    cleaned = Cleaner().clean(doc)
    assert cleaned.text.split("\n\n") == lines
    assert not [f for f in doc.findings if f.kind == "site_voice"]
