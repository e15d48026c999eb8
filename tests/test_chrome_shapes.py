"""Chrome that no rule table lists, found by its shape.

Each case is a line (or block) of site chrome put into an ordinary article,
which must come out without it, with a finding naming the shape; beside
them, article lines of the same look that must stay (more of those are in
tests/data/negative_lines.txt).
"""

from __future__ import annotations

import random
import time

import pytest

from pipeline.cleaners import Cleaner
from pipeline.cleaners.boilerplate import keyword_run
from pipeline.cleaners.context import strip_by_context
from pipeline.record import Document

TITLE = "信用卡逾期后怎么和银行协商"
OPENING = [
    "信用卡逾期以后，很多人第一反应是害怕，不知道该从哪里下手。",
    "其实只要弄清楚欠款的构成，主动和银行沟通，大多数情况都能找到解决办法。",
]
CLOSING = "最后提醒大家，任何时候都要通过官方渠道办理，不要相信所谓的代办机构。"


@pytest.fixture(scope="module")
def cleaner() -> Cleaner:
    return Cleaner()


def clean(cleaner: Cleaner, blocks: list[str]) -> tuple[list[str], Document]:
    doc = Document(source="t.txt", text="\n\n".join(blocks))
    return cleaner.clean(doc).text.split("\n\n"), doc


@pytest.mark.parametrize(
    ("chrome", "shape"),
    [
        ("2021-05-06 09:30 来源：城市晚报 作者：张三", "meta_line"),
        ("编辑于 2024-03-02 · IP 属地广东", "meta_line"),
        ("发表于 3天前 · 来自浙江", "meta_line"),
        ("阅读 1234 · 点赞 56 · 评论 7", "meta_line"),
        ("浏览(4256)  收藏(99)  分享", "meta_line"),
        ("头像 小王同学 3天前", "name_time"),
        ("@老张说事 发表于 2小时前", "name_time"),
        ("共 3 页 上一页 1 2 3 下一页", "pagination"),
        ("首页 上一页 2 / 5 下一页 尾页", "pagination"),
        ("« 1 2 3 4 »", "pagination"),
        ("第 2 页 / 共 5 页", "pagination"),
        ("页次：2/7页 首页 上一页 下一页 尾页", "pagination"),
        ("点击加载更多", "pagination"),
        ("[回复] [引用] [举报]", "meta_line"),
        ("支持(158) 反对(23)", "meta_line"),
        ("字号：大 中 小 | 打印 | 收藏", "meta_line"),
        ("标签：车贷查询 公积金新政 个税怎么查", "tags"),
        ("#个税查询# #车贷怎么查#", "tags"),
        # what a post is filed under
        ("所属话题：基金定投额度高、消费贷利率对比", "tags"),
        ("问题分类：法律咨询 > 个人征信律师", "tags"),
        ("分类专栏： 生活百科 文章标签： 信用卡协商 劳动仲裁", "tags"),
        ("$东方财富(SZ300059)$ $中国平安(SH601318)$", "tags"),
        ("关键字：协商还款官方渠道・延期还款官方渠道", "tags"),
        ("案由：追偿权纠纷 关键词：征信异议 支付令流程图", "tags"),
        ("收录于合集 #信用卡协商真实案例 39个", "tags"),
        # labels in brackets, counted labels, any label beside a date and
        # two labels a page prints
        ("【发布单位】某某法院 【发布日期】2014年08月14日 【点击量】54717", "meta_line"),
        ("[ 作者：张三 转贴自：某网 点击数：58428 更新：2023年6月21日 ]", "meta_line"),
        # a post's counters behind icons
        ("❤ 999+ ⭐ 80,318 💬 44", "icon_counts"),
        ("一点号 · 廖轩 · 16 分钟前", "name_time"),
        ("weixin_595056974 作者 2 天前", "name_time"),
        # dates with spaces, full-width dots or the month first, any label
        # with a value beside a date
        ("发布于 2021．02．07 14:08・IP 属地广东", "meta_line"),
        ("bili_1827 2017 年 12 月 16 日 来自 iPhone 14", "meta_line"),
    ],
)
def test_chrome_lines_go_by_shape_anywhere(cleaner: Cleaner, chrome: str, shape: str) -> None:
    out, doc = clean(cleaner, [TITLE, OPENING[0], chrome, OPENING[1], CLOSING])
    assert out == [*OPENING, CLOSING]
    assert [f.message for f in doc.findings if f.kind == "boilerplate"] == [
        f"removed {shape} line 「{' '.join(chrome.split())}」"
    ]


def test_a_dateline_above_the_body_gives_the_page_date(cleaner: Cleaner) -> None:
    out, doc = clean(cleaner, [TITLE, "2021-05-06 09:30 来源：城市晚报 作者：张三", *OPENING, CLOSING])
    assert out == [*OPENING, CLOSING]
    assert doc.metadata["date"] == "2021-05-06"


# lines of the weaker shapes: a name with a date and a time, a poster's card
EDGE_LINES = [
    ("2019.3.19 10:16 · 晨光论坛", "name_date"),
    ("微信用户 04-09 · 广东", "name_day"),
    ("姜律师（苏州） 江苏 06-04", "name_day"),
    ("m0_7791 2022-09-17 23:08 江苏", "name_day"),
    # a label of when glued to its date
    ("发布于05-25 05:51 · 著作权归作者所有", "name_date"),
    # a poster's card with the button to follow them
    ("JasonW呀 注册会计师 ＋关注", "follow_card"),
    ("凤凰网友 银行柜员，业余写写东西 + 订阅", "follow_card"),
]


@pytest.mark.parametrize(("chrome", "shape"), EDGE_LINES)
def test_a_weaker_shape_goes_only_at_the_head_or_tail(cleaner: Cleaner, chrome: str, shape: str) -> None:
    for blocks in ([TITLE, chrome, *OPENING, CLOSING], [TITLE, *OPENING, CLOSING, chrome]):
        out, doc = clean(cleaner, blocks)
        assert out == [*OPENING, CLOSING]
        assert any(shape in f.message for f in doc.findings)
    out, _ = clean(cleaner, [TITLE, OPENING[0], chrome, OPENING[1], CLOSING])
    assert out == [OPENING[0], chrome, OPENING[1], CLOSING]


@pytest.mark.parametrize(
    "line",
    [
        "投资 理财 +保险",
        "逾期以后如何与银行协商还款的方法 实用 ＋关注",
        # a sum growing, arrows between; a notice's last line with 于 and a time
        "→ 5000 → 5300 → 5600",
        "系统维护完成于2024年3月17日 06:00",
    ],
)
def test_look_alikes_of_cards_and_counters_stay_at_the_edges(cleaner: Cleaner, line: str) -> None:
    out, _ = clean(cleaner, [TITLE, *OPENING, CLOSING, line])
    assert out == [*OPENING, CLOSING, line]


def test_a_diary_line_with_a_date_and_time_inside_the_body_stays(cleaner: Cleaner) -> None:
    line = "2024年3月2日 14:30 在银行网点签了分期协议"
    out, _ = clean(cleaner, [TITLE, OPENING[0], line, OPENING[1], CLOSING])
    assert out == [OPENING[0], line, OPENING[1], CLOSING]


def test_a_notice_signed_with_a_full_date_keeps_its_signature(cleaner: Cleaner) -> None:
    # an official notice ends with who issued it and when, the year written out
    out, _ = clean(cleaner, [TITLE, *OPENING, CLOSING, "某某市人民法院 2023年4月9日"])
    assert out == [*OPENING, CLOSING, "某某市人民法院 2023年4月9日"]


@pytest.mark.parametrize("counters", ["楼主 奔跑的蜗牛 回复：86 浏览：10万+", "阅读量55.3万 收藏 12 点赞 3"])
def test_a_posts_counters_in_a_sites_number_format_go(cleaner: Cleaner, counters: str) -> None:
    out, doc = clean(cleaner, [TITLE, counters, *OPENING, CLOSING])
    assert out == [*OPENING, CLOSING]
    assert any("meta_line" in f.message for f in doc.findings)


def test_a_thread_with_weekdays_and_guest_addresses_goes(cleaner: Cleaner) -> None:
    thread = [
        "老顽童38  回复于 2010年8月19日 星期四 04:30",
        "坐等后续",
        "黑龙江网友 [200.45.*.*]  2013-05-07 01:03",
        "楼主好人一生平安",
    ]
    out, doc = clean(cleaner, [TITLE, *OPENING, CLOSING, *thread])
    assert out == [*OPENING, CLOSING]
    assert [f.kind for f in doc.findings] == ["comment_block"]


THREAD = [
    "头像 小王同学 3天前",
    "写得真好，学习了",
    "回复 赞 12",
    "老张说事 · 5小时前",
    "感谢分享！",
    "赞(3) 回复",
    "用户20931 · 刚刚",
    "收藏了，很有用",
]


@pytest.mark.parametrize(
    "prompt", ["说点什么…", "暂无评论，快来抢沙发", "评论（3）", "欢迎大家留言讨论", None]
)
@pytest.mark.parametrize("commenters", [3, 1])
def test_a_comment_thread_goes_with_its_prompt(cleaner: Cleaner, prompt: str | None, commenters: int) -> None:
    if prompt is None and commenters == 1:
        pytest.skip("one commenter's line without a prompt is not a thread")
    thread = ([prompt] if prompt else []) + (THREAD if commenters == 3 else THREAD[:3])
    out, doc = clean(cleaner, [TITLE, *OPENING, CLOSING, *thread])
    assert out == [*OPENING, CLOSING]
    assert [f.kind for f in doc.findings] == ["comment_block"]


def test_a_thread_with_buttons_under_each_comment_goes_and_a_signature_date_above_it_stays(
    cleaner: Cleaner,
) -> None:
    """Under each comment its buttons and counts (👍 306, 回复, 举报): a
    thread found by its commenters' lines goes with them. A date signing
    the article (2022年1月27日) is as short as a button, but opens no thread."""
    thread = [
        "#25 moonlight_07 • 03-09-2021 00:12",
        "推推，写得很清楚，感谢分享！",
        "👍 306",
        "回复",
        "#121 ifkevp • 28-12-2018 14:38",
        "同",
        "👍 214",
        "举报",
    ]
    out, doc = clean(cleaner, [TITLE, *OPENING, CLOSING, *thread])
    assert out == [*OPENING, CLOSING]
    assert [f.kind for f in doc.findings] == ["comment_block"]
    out, _ = clean(cleaner, [TITLE, *OPENING, CLOSING, "2022年1月27日", "评论（2）", *thread])
    assert out == [*OPENING, CLOSING, "2022年1月27日"]


@pytest.mark.parametrize(
    "thread",
    [
        # under a comment box's heading: a forum's floors, with the years of
        # the Republic of China
        [
            "全部回复",
            "林***子 ┃ 第79楼 ┃ 104/12/04 23:21 ┃ 台北",
            "写得很清楚，收藏了",
            "回复",
            "user_c0c9 ┃ 第165楼 ┃ 101/11/06 19:27",
            "dd",
        ],
        # the part of the day spelt out, and where the poster is
        [
            "网友评论",
            "俞先生　2021/2/17 晚上 10:03　未知",
            "谢谢楼主",
            "王小姐　2021/3/5 上午 9:15　广东",
            "有用",
        ],
        # the month first and the year after a comma, am and pm
        [
            "发表回复",
            "由 user_8b9 » 周五 1月 15, 2021 5:20 am",
            "请问这个办法现在还能用吗",
            "由 阿明 » 周四 2月 25, 2021 6:11 pm",
            "能",
        ],
        # a blog's 说道： under a handle, the time on a line of its own
        [
            "Leave a Reply",
            "豆友2964说道：",
            "113/02/06 09:58",
            "有用！",
            "不***鱼说道：",
            "109/07/27 21:04",
            "楼上说的办法我试过，确实有用，谢谢。",
        ],
        # without a heading: a handle before 说道： over the comment's time
        ["豆友2964说道：", "113/02/06 09:58", "有用！", "不***鱼说道：", "109/07/27 21:04", "楼上+1"],
        # a thread's heading and its order
        ["添加回应 ⋯", "最赞回应", "俞先生　2021/2/17 晚上 10:03　未知", "谢谢楼主，很有用"],
        # under a comment box's heading, a commenter's line may open on its date
        ["网友评论 (2)", "2021/2/17 晚上 10:03 俞先生", "谢谢楼主", "2021/3/5 上午 9:15 王小姐", "有用"],
        # relative times in English, a place beside a long handle, 前几天
        [
            "最新评论",
            "贴吧用户_mbadecv（英国） → 49 mins ago",
            "请问香港也一样吗？",
            "小李（广东） → 2 hours ago",
            "同",
        ],
        ["写留言", "吃瓜群众甲 的回答 ┃ 前几天", "同意楼上", "路人乙 的回答 ┃ 几分钟前", "顶"],
        # a prompt inside the box, and one answer under it
        ["写留言", "作者已设置关注7天后才可留言", "今***睡 的回答 ┃ 2020年3月1日 下午9:23", "同"],
    ],
)
def test_comment_threads_in_other_formats_of_date_and_name_go(cleaner: Cleaner, thread: list[str]) -> None:
    out, doc = clean(cleaner, [TITLE, *OPENING, CLOSING, *thread])
    assert out == [*OPENING, CLOSING]
    assert [f.kind for f in doc.findings] == ["comment_block"]


def test_a_commenters_handle_and_a_bare_date_and_time_above_the_body_go_not_inside_it(
    cleaner: Cleaner,
) -> None:
    """Above the first paragraph, a handle before 说道： and a date with a
    clock time on a line of its own are the post's byline; inside the
    article a date and time on their own line (a notice's hearing) and a
    quoted handle's 说道： stay."""
    head = ["豆友8813说道：", "周日 7月 17, 2022 9:13 pm"]
    out, doc = clean(cleaner, [TITLE, *head, *OPENING, CLOSING])
    assert out == [*OPENING, CLOSING]
    assert len(doc.findings) == 2
    body = ["2023年3月5日 上午9:00", "网友“小鱼123”说道：", "逾期以后先别慌，主动联系银行。"]
    out, doc = clean(cleaner, [TITLE, OPENING[0], *body, OPENING[1], CLOSING])
    assert out == [OPENING[0], *body, OPENING[1], CLOSING]
    assert doc.findings == []
    # the hearing's time above a court's notice is the notice's
    notice = ["2023年3月5日 上午9:00", "本院将在第一法庭公开开庭审理原告某银行诉被告张某信用卡纠纷一案。"]
    out, doc = clean(cleaner, ["某某区人民法院开庭公告", *notice, *OPENING, CLOSING])
    assert out == [*notice, *OPENING, CLOSING]


@pytest.mark.parametrize("speaker", ["网友“lucky88”写道：", "当事人A说道：", "他在2019年的日记里写道："])
def test_a_quotations_speaker_below_the_last_paragraph_stays(cleaner: Cleaner, speaker: str) -> None:
    """Below the article's last paragraph a handle before 说道： is a
    comment's; a quotation's speaker is not a handle."""
    quote = [speaker, "已经协商成功了，谢谢大家！"]
    out, _ = clean(cleaner, [TITLE, *OPENING, CLOSING, *quote])
    assert out == [*OPENING, CLOSING, *quote]
    out, _ = clean(cleaner, [TITLE, *OPENING, CLOSING, "豆友2964说道：", "已经协商成功了，谢谢大家！"])
    assert out == [*OPENING, CLOSING, "已经协商成功了，谢谢大家！"]


@pytest.mark.parametrize(
    "lines",
    [
        # a court's schedule: each row opens on its date and time
        [
            "2023年3月5日 上午9:00 第一法庭",
            "原告张三诉被告李四民间借贷纠纷一案",
            "2023年3月6日 下午2:30 第二法庭",
            "原告某银行诉被告王五信用卡纠纷一案",
        ],
        # a day's agenda (上午 and 下午 are not a previous and a next link)
        ["上午 9:00 签到", "上午 9:30 开幕式", "下午 2:00 分组讨论"],
        ["上半年 营收增长", "下半年 展望"],
        ["前期：收集证据", "后期：提起诉讼"],
        ["上个月：还了2000元", "下个月：计划还1800元"],
        ["上一期：应还3200元", "下一期：应还2800元"],
        # an interview: a plain name before 说道 quotes a speaker
        ["记者说道：", "逾期以后先别慌", "张律师说道：", "可以和银行协商"],
        ["网友“abc123”说道：", "我一直是先还最低", "网友“lily88”写道：", "最低还款也有利息"],
        ["合同第8条写道：", "借款期限为十二个月", "合同第12条写道：", "逾期利率不超过年利率24%"],
        # a chat log, a Taiwanese court's schedule, a name with when in English
        [
            "催收员刘** 2023-05-06 21:12",
            "你的案件已经转到我们律所了",
            "王** 2023-05-06 21:20",
            "请问是哪个律所",
        ],
        [
            "民事庭 111/11/10 14:30",
            "某银行诉林姓男子清偿债务事件",
            "民事庭 111/11/17 09:30",
            "某公司诉陈姓女子事件",
        ],
        ["签到 上午 8:30", "开幕致辞 上午 9:00", "请各参会单位提前安排好人员，准时参会。"],
        [
            "Sarah 2 hours ago",
            "We have received your request.",
            "Sarah 49 mins ago",
            "Your plan is approved.",
        ],
        # an answer under its heading, and headings that name answers
        ["律师回复", "王律师 2023-05-06 15:20", "您好，单纯的逾期不还属于民事纠纷，不会坐牢。"],
        ["（1）银行回复", "银行表示可以申请停息挂账。", "回复催收的3条原则", "不承认、不激怒、不转账。"],
    ],
)
def test_schedules_agendas_and_quotations_stay(cleaner: Cleaner, lines: list[str]) -> None:
    out, doc = clean(cleaner, [TITLE, *OPENING, *lines, CLOSING])
    assert out == [*OPENING, *lines, CLOSING]
    # nothing removed (a masked name is flagged for the editor, not removed)
    assert all(f.kind.startswith("flag_") for f in doc.findings)


def test_a_forum_thread_under_posters_cards_goes_and_a_schedule_stays(cleaner: Cleaner) -> None:
    """A forum prints each poster's card (a name and labelled counts) above
    their post: a thread. A repayment schedule's rows look alike, but each
    row is named by its period, and stay."""
    thread = [
        "阿***仔 UID 953996 主题 54 帖子 4003 积分 18625",
        "写得很详细，比网上那些乱七八糟的强多了",
        "顶",
        "庄先森 UID 404288 主题 70 帖子 9722 积分 43037",
        "请问香港的情况也一样吗？",
    ]
    out, doc = clean(cleaner, [TITLE, *OPENING, CLOSING, *thread])
    assert out == [*OPENING, CLOSING]
    assert [f.kind for f in doc.findings] == ["comment_block"]
    rows = ["第一期 本金 1000 利息 50 合计 1050", "第二期 本金 1000 利息 45 合计 1045"]
    schedule = [rows[0], "按时还款", rows[1], "已还清"]
    out, _ = clean(cleaner, [TITLE, *OPENING, *schedule, CLOSING])
    assert out == [*OPENING, *schedule, CLOSING]
    # nor are products' rows, named plainly
    products = ["花呗 账单 3200 最低还款 320", "按时还款", "借呗 借款 10000 利息 350", "已还清"]
    out, _ = clean(cleaner, [TITLE, *OPENING, *products, CLOSING])
    assert out == [*OPENING, *products, CLOSING]


@pytest.mark.parametrize("prompt", ["说点什么…", "暂无评论，快来抢沙发", "添加回应 ⋯"])
def test_an_empty_comment_box_goes(cleaner: Cleaner, prompt: str) -> None:
    out, doc = clean(cleaner, [TITLE, *OPENING, CLOSING, prompt])
    assert out == [*OPENING, CLOSING]
    assert [f.kind for f in doc.findings] == ["comment_block"]


def test_an_invitation_to_comment_that_ends_the_article_stays(cleaner: Cleaner) -> None:
    # the author's closing words, not the site's comment box: it goes only
    # as the head of a thread of commenters' lines (above)
    out, doc = clean(cleaner, [TITLE, *OPENING, CLOSING, "欢迎大家留言讨论"])
    assert out == [*OPENING, CLOSING, "欢迎大家留言讨论"]
    assert doc.findings == []


@pytest.mark.parametrize(
    "byline", [["头像 小王同学 3天前"], ["@小王同学 发表于 3天前", "2019.3.19 10:16 · 晨光论坛"]]
)
def test_name_lines_above_the_body_are_a_byline_not_a_thread(cleaner: Cleaner, byline: list[str]) -> None:
    # author lines above the body are chrome; the short first paragraph
    # under them is not a commenter's reply
    out, _ = clean(cleaner, [TITLE, *byline, "先说结论：能谈。", *OPENING, CLOSING])
    assert out == ["先说结论：能谈。", *OPENING, CLOSING]


HEADLINES = [
    "上海出台新能源车补贴政策 2015-04-22",
    "· 央行迎来降息，市民怎么看  (2009年3月16日)",
    "[05-06] 多地启动网贷催收专项整治",
    "高校公布最新毕业生就业数据？专家解读 2021年10月25日",
]


@pytest.mark.parametrize("heading", ["相关阅读：", "猜你喜欢", "为你推荐", None])
def test_a_list_of_dated_headlines_goes(cleaner: Cleaner, heading: str | None) -> None:
    items = ([heading] if heading else []) + HEADLINES
    out, doc = clean(cleaner, [TITLE, *OPENING, CLOSING, *items])
    assert out == [*OPENING, CLOSING]
    assert [f.kind for f in doc.findings] in (["related_list"], ["dated_headlines"])


@pytest.mark.parametrize(
    "items",
    [
        [
            "[信用卡] 吉林离婚诉讼欠款不还会坐牢吗",
            "[财经] 催收投诉是不是真的？",
            "[理财] 信用卡中心回应网友关切",
        ],
        ["信用卡协商在线咨询  77个回答", "催收投诉真实案例  93个回答", "债务纠纷一般怎么处理  19个回答"],
        [
            "逾期会影响子女吗？_某某法律网",
            "信用卡中心集中清理睡眠卡_冰城便民网",
            "停息挂账需要准备哪些材料_某某网",
        ],
        [
            "温州债务纠纷被起诉了怎么办  某某生活网 · 7852评论",
            "网贷逾期还款期限是多久  百度 · 718评论",
            "个税APP集中清理睡眠卡，速看  907,344阅读",
        ],
        [
            "Top1  停息挂账被起诉了怎么办？",
            "Top2  个人征信会影响子女吗？",
            "Top3  个人征信欠款不还会坐牢吗？",
        ],
        ["#1 某某大学举行毕业典礼", "#2 三甲医院放出大招", "#3 美联储发布联合通知"],
        [
            "理财子公司被罚千万 — 某某融媒",
            "某某大学举行毕业典礼 — 某某卫健委",
            "双11调整起购金额 — 某某财富网",
        ],
        [
            "问：分期手续费能退吗 已有20位律师解答",
            "问：征信花了多久能养好 已有3位律师解答",
            "问：网贷逾期三个月会被起诉吗 已有1位律师解答",
        ],
        [
            "某某消费金融：暴力催收，要求停止催收 已回复",
            "某某消费金融：高额服务费，要求退还会员费 处理中",
            "某某消费金融：拒绝协商，要求减免罚息 已完成",
        ],
        [
            "催收说要上门是真的吗？ ⋯ 某某 ⋯ 3 hr",
            "支付令收到后怎么办？ ⋯ 倪先森 ⋯ 前几天",
            "逾期一年了还能协商吗？ ⋯ 小王 ⋯ 6 小时前",
        ],
    ],
    ids=[
        "channel",
        "answers",
        "source",
        "counts",
        "rank",
        "hash_rank",
        "dash_source",
        "lawyers",
        "status",
        "age",
    ],
)
def test_a_list_of_headlines_with_counts_sources_or_channels_goes(cleaner: Cleaner, items: list[str]) -> None:
    for heading in ([], ["大家都在问"]):
        out, doc = clean(cleaner, [TITLE, *OPENING, CLOSING, *heading, *items])
        assert out == [*OPENING, CLOSING]
        assert [f.kind for f in doc.findings] == ["dated_headlines"]


def test_a_list_of_references_stays(cleaner: Cleaner) -> None:
    references = [
        "[3] 周仕仁. 电子商务下的物流配送模式研究[J]. 物流科技, 2011(11): 56-58.",
        "[4] 杨阳. 淘宝网物流配送模式分析[J]. 商业经济, 2011(23): 33-34.",
        "[5] 程艳霞. 现代物流管理理论[M]. 华中科技大学出版社, 2009.",
    ]
    out, _ = clean(cleaner, [TITLE, *OPENING, CLOSING, "参考文献", *references])
    assert out == [*OPENING, CLOSING, "参考文献", *references]


@pytest.mark.parametrize(
    "chrome",
    [
        "« 上一篇： 已是第一篇",
        "» 下一篇： 网贷逾期还款期限是多久？",
        "前一篇：暂无",
        "后一篇：停息挂账会影响子女吗？",
        "最佳答案",
        "问题已解决",
        "本回答被提问者采纳",
        "本回答由某某律师事务所提供",
    ],
)
def test_prev_next_links_and_answer_marks_go(cleaner: Cleaner, chrome: str) -> None:
    out, doc = clean(cleaner, [TITLE, *OPENING, CLOSING, chrome])
    assert out == [*OPENING, CLOSING]
    assert [f.kind for f in doc.findings] == ["boilerplate"]


def test_a_label_field_above_the_headline_goes_and_leaves_the_headline(cleaner: Cleaner) -> None:
    doc = Document(source="t.txt", text="\n\n".join(["当前栏目：信用卡", TITLE, *OPENING, CLOSING]))
    cleaned = cleaner.clean(doc)
    assert (cleaned.title, cleaned.text.split("\n\n")) == (TITLE, [*OPENING, CLOSING])
    assert [f.kind for f in doc.findings] == ["above_title"]
    # a headline with a label stays the headline
    labelled = "问答：逾期三天会不会影响征信"
    cleaned = cleaner.clean(Document(source="t.txt", text="\n\n".join([labelled, *OPENING, CLOSING])))
    assert cleaned.title == labelled


def test_short_headlines_under_a_list_heading_go(cleaner: Cleaner) -> None:
    # headlines of six to nine characters: too short to be taken for a list
    # of other articles on their own, not under a heading that names one
    short = ["监管晒出成绩单 · 2022-08-04", "征信迎来大变化 · 2016-01-11", "平台再出新招　10-20"]
    out, doc = clean(cleaner, [TITLE, *OPENING, CLOSING, "为你推荐", *short])
    assert out == [*OPENING, CLOSING]
    assert [f.kind for f in doc.findings] == ["dated_headlines"]
    out, doc = clean(cleaner, [TITLE, *OPENING, CLOSING, *short])
    assert out == [*OPENING, CLOSING, *short]


@pytest.mark.parametrize(
    "headline", ["信用卡逾期后谁来“埋单”？", "他放弃百万年薪 唯一的要求竟是……", "逾期会坐牢吗？律师这么说"]
)
def test_a_name_and_time_under_a_question_headline_is_still_at_the_head(
    cleaner: Cleaner, headline: str
) -> None:
    # the headline is shaped like a sentence (？, ……), but the article
    # starts below it, and so does the byline's name-date line
    doc = Document(source="t.txt", text="\n\n".join([headline, "路人甲 2014/04/22 01:06", *OPENING, CLOSING]))
    cleaned = cleaner.clean(doc)
    assert (cleaned.title, cleaned.text.split("\n\n")) == (headline, [*OPENING, CLOSING])
    assert [f.message for f in doc.findings] == ["removed name_date line 「路人甲 2014/04/22 01:06」"]


def test_a_lead_label_is_the_body_not_the_title(cleaner: Cleaner) -> None:
    doc = Document(source="t.txt", text="\n\n".join([TITLE, "编者按", *OPENING, CLOSING]))
    cleaned = cleaner.clean(doc)
    assert cleaned.title == TITLE
    assert cleaned.text.split("\n\n") == ["编者按", *OPENING, CLOSING]


SCHEDULE = ["第一期还款日 2024-03-15", "第二期还款日 2024-04-15", "第三期还款日 2024-05-15"]


@pytest.mark.parametrize(
    "items",
    [
        SCHEDULE,
        ["分期后的还款计划如下：", *(f"{s}，最低还款额2000元" for s in ("第一期", "第二期", "第三期"))],
        [
            "协商后的还款计划如下：",
            *(f"按时还清本期的欠款和利息 {d}" for d in ("2024-03-15", "2024-04-15", "2024-05-15")),
        ],
    ],
)
def test_a_dated_schedule_of_the_article_stays(cleaner: Cleaner, items: list[str]) -> None:
    out, doc = clean(cleaner, [TITLE, *OPENING, *items, CLOSING])
    assert out == [*OPENING, *items, CLOSING]
    assert doc.findings == []


def keyword_line(size: int, separator: str = " ") -> str:
    rng = random.Random(size)
    heads, tails = (
        ["逾期", "信用卡", "网贷", "征信", "贷款", "花呗"],
        ["怎么办", "协商", "利息", "多久", "技巧"],
    )
    words: list[str] = []
    length = 0
    while length < size:
        words.append(rng.choice(heads) + rng.choice(tails))
        length += len(words[-1]) + len(separator)
    return separator.join(words)


@pytest.mark.parametrize(
    ("size", "separator"),
    [
        (300, " "),
        (2_000, "|"),
        (174_000, " "),
        (5_000, "，"),
        (400, "#"),
        (400, " - "),
        (400, ";"),
        (400, " · "),
        (2_000, "；"),
    ],
)
def test_a_keyword_run_of_any_length_goes(cleaner: Cleaner, size: int, separator: str) -> None:
    line = keyword_line(size, separator)
    out, doc = clean(cleaner, [TITLE, *OPENING, line, CLOSING])
    assert out == [*OPENING, CLOSING]
    assert [f.kind for f in doc.findings if f.kind != "punctuation"] == ["keyword_stuffing"]


def test_a_keyword_run_is_read_in_linear_time() -> None:
    small, large = keyword_line(17_400), keyword_line(174_000)
    times = []
    for line in (small, large):
        start = time.perf_counter()
        for _ in range(3):
            assert keyword_run(line)
        times.append(time.perf_counter() - start)
    assert times[1] < 1.0
    assert times[1] < 30 * times[0]


# lines no rule knows, standing between lines rules remove
KNOWN = ["共 3 页 上一页 1 2 3 下一页", "阅读 1234 · 点赞 56 · 评论 7"]
UNKNOWN = ["楼主好人一生平安", "中原社区欢迎您"]
# a paragraph long enough to tell the article by (context.PROSE_CHARS)
PARAGRAPH = OPENING[0] + OPENING[1]


def test_lines_between_chrome_lines_go_with_them(cleaner: Cleaner) -> None:
    tail = [KNOWN[0], UNKNOWN[0], KNOWN[1], UNKNOWN[1]]
    out, doc = clean(cleaner, [TITLE, PARAGRAPH, CLOSING, *tail])
    assert out == [PARAGRAPH, CLOSING]
    assert [f.message for f in doc.findings if f.kind == "chrome_context"] == [
        f"removed 「{UNKNOWN[0]}」 between chrome lines (beside 「{KNOWN[0]}」)",
        f"removed 「{UNKNOWN[1]}」 between chrome lines (beside 「{KNOWN[1]}」)",
    ]


def test_lines_next_to_the_article_stay_beside_chrome(cleaner: Cleaner) -> None:
    # a checklist and a short closing line after the last paragraph, then
    # chrome: the article touches them, so they stay
    ending = ["• 身份证原件", "• 收入证明", "谢谢阅读"]
    out, doc = clean(cleaner, [TITLE, PARAGRAPH, CLOSING, *ending, KNOWN[1]])
    assert out == [PARAGRAPH, CLOSING, *ending]
    assert not [f for f in doc.findings if f.kind == "chrome_context"]


def test_the_headline_between_chrome_lines_stays_and_a_menu_above_it_goes(cleaner: Cleaner) -> None:
    head = [
        "手机版 | 电脑版",
        "2021-05-06 09:30 来源：城市晚报 作者：张三",
        TITLE,
        "阅读 1234 · 点赞 56 · 评论 7",
    ]
    doc = Document(source="t.txt", text="\n\n".join([*head, PARAGRAPH, CLOSING]))
    cleaned = cleaner.clean(doc)
    assert (cleaned.title, cleaned.text.split("\n\n")) == (TITLE, [PARAGRAPH, CLOSING])
    assert [f.message for f in doc.findings if f.kind == "chrome_context"] == [
        f"removed 「{head[0]}」 between chrome lines (beside 「{head[1]}」)"
    ]


def test_a_line_between_chrome_lines_below_the_headline_goes(cleaner: Cleaner) -> None:
    """Under the headline, a line no rule knows between two lines the rules
    removed is the page's block of metadata (a poster's card between the
    tags and the share buttons), however much it looks like a headline; a
    line right under the headline is its subtitle, and stays."""
    dateline = "2021-05-06 09:30 来源：城市晚报 作者：张三"
    head = ["首页 > 信用卡频道", UNKNOWN[0], dateline, TITLE, KNOWN[1], UNKNOWN[1], KNOWN[0]]
    doc = Document(source="t.txt", text="\n\n".join([*head, PARAGRAPH, CLOSING]))
    cleaned = cleaner.clean(doc)
    assert (cleaned.title, cleaned.text.split("\n\n")) == (TITLE, [PARAGRAPH, CLOSING])
    assert f"removed 「{UNKNOWN[1]}」 between chrome lines (beside 「{KNOWN[1]}」)" in [
        f.message for f in doc.findings if f.kind == "chrome_context"
    ]
    subtitle = "银行客服这样说"
    out, _ = clean(cleaner, [head[0], TITLE, subtitle, KNOWN[1], PARAGRAPH, CLOSING])
    assert out == [subtitle, PARAGRAPH, CLOSING]


def test_a_page_without_prose_is_left_to_the_rules() -> None:
    # a poem's short lines: no paragraph to tell the article by
    poem = ["床前明月光", "疑是地上霜", "举头望明月", "低头思故乡"]
    before = "\n".join([*poem, KNOWN[1], UNKNOWN[0]])
    after = "\n".join([*poem, UNKNOWN[0]])
    assert strip_by_context(before, after, print) == after
    # with a paragraph, the line after the chrome goes
    prose = [*poem, PARAGRAPH]
    before = "\n".join([*prose, KNOWN[1], UNKNOWN[0]])
    assert strip_by_context(before, "\n".join([*prose, UNKNOWN[0]]), lambda *a: None) == "\n".join(prose)


def test_a_news_brief_between_chrome_lines_is_the_article(cleaner: Cleaner) -> None:
    """A brief of company names and figures has few function characters,
    but it is written in sentences: between chrome lines it is the article
    (a statement below it is prose too), and its headline, two items joined
    by a semicolon, is the title."""
    headline = "午间公告：天奇股份中标广汽丰田项目；运达股份中标7亿元项目"
    brief = (
        "证券时报e公司讯，精功科技：收到浙江证监局行政监管措施决定书。"
        "伊戈尔：拟1079.6万元收购控股子公司日本伊戈尔少数股权。"
        "运达股份：确定为节能风电公司两风电场项目的风力发电机组设备供应商，中标价7亿元。"
    )
    statement = "风险提示：本文所提到的观点仅代表个人的意见，所涉及标的不作推荐，据此买卖，风险自负。"
    # a line of the page under the headline does not take the title from it
    blocks = [
        "您现在的位置：首页 >> 财经频道 >> 正文",
        headline,
        UNKNOWN[1],
        KNOWN[1],
        brief,
        KNOWN[0],
        statement,
    ]
    doc = Document(source="t.txt", text="\n\n".join(blocks))
    cleaned = cleaner.clean(doc)
    assert cleaned.title == headline
    assert brief in cleaned.text.split("\n\n")
    assert not [f for f in doc.findings if f.kind == "chrome_context" and "e公司" in f.message]


ROWS_AND_COUNTERS = [
    ("网站地图 ▏ 关于我们 ▏ 加入我们 ▏ 商务合作 ▏ 友情链接", "link_row"),
    ("首页 〉信用卡 〉帖子详情", "link_row"),
    ("标签 ▸ 装修贷 ▏ 消费贷避坑指南 ▏ 银行卡年费", "link_row"),
    ("信用卡 ◆ 网贷 ◆ 征信修复 ◆ 停息挂账", "link_row"),
    ("理财小白兔 精华 6 金币 5538 在线 872 小时", "counters"),
    ("cv4701 38围观 941弹幕 71投币", "counters"),
]


@pytest.mark.parametrize(("chrome", "shape"), ROWS_AND_COUNTERS)
def test_rows_of_links_and_counters_above_the_article_go(cleaner: Cleaner, chrome: str, shape: str) -> None:
    """Whatever symbol a site puts between its links, and whatever words
    label its counters, such a line above the article goes."""
    for blocks in ([chrome, TITLE, *OPENING, CLOSING], [TITLE, chrome, *OPENING, CLOSING]):
        doc = Document(source="t.txt", text="\n\n".join(blocks))
        cleaned = cleaner.clean(doc)
        assert cleaned.text.split("\n\n") == [*OPENING, CLOSING]
        assert cleaned.title == TITLE
        assert any(f.kind == "boilerplate" and shape in f.message for f in doc.findings)


@pytest.mark.parametrize(
    "line",
    [
        "申请 → 审核 → 签协议 → 按月还款",
        "身份证 ＋ 收入证明 ＋ 困难证明 ＋ 银行流水",
        "95188 ｜ 12378 ｜ 12315",
        "本金 10000元 日息 万五 逾期 30天 罚息 150元",
        "2023年5月20日 逾期：35天",
    ],
)
def test_a_process_a_list_or_figures_that_end_the_article_stay(cleaner: Cleaner, line: str) -> None:
    """An article ends with its process, its list of documents or hotlines,
    or its figures as often as a page ends with its footer's links."""
    out, _ = clean(cleaner, [TITLE, *OPENING, CLOSING, line, "以上就是协商的全部流程，祝大家早日上岸！"])
    assert out == [*OPENING, CLOSING, line, "以上就是协商的全部流程，祝大家早日上岸！"]


def test_a_headline_with_bars_above_the_body_is_the_title(cleaner: Cleaner) -> None:
    doc = Document(source="t.txt", text="\n\n".join(["逾期 ｜ 催收 ｜ 协商 三步走", *OPENING]))
    assert cleaner.clean(doc).title == "逾期 ｜ 催收 ｜ 协商 三步走"


@pytest.mark.parametrize(("line", "shape"), ROWS_AND_COUNTERS)
def test_rows_of_links_and_counters_inside_the_article_stay(cleaner: Cleaner, line: str, shape: str) -> None:
    out, _ = clean(cleaner, [TITLE, OPENING[0], line, OPENING[1], CLOSING])
    assert out == [OPENING[0], line, OPENING[1], CLOSING]


@pytest.mark.parametrize(
    "line",
    [
        "GPS: N24 39 16.4 E121 18 19.5",
        "每帐$600 两间卫浴 全天热水 蹲式X 3",
        "前面一区约可搭十二帐/车/厅 后面那区也大约4~5帐/车/厅",
        "申请→审核→放款，一般三天到账",
        "2023年逾期人数 同比 增长 12%",
    ],
)
def test_lines_of_the_article_shaped_almost_like_rows_stay_at_its_end(cleaner: Cleaner, line: str) -> None:
    out, _ = clean(cleaner, [TITLE, *OPENING, CLOSING, line])
    assert out[-1] == line


def test_a_row_of_tags_between_the_headline_and_the_body_is_not_the_title(cleaner: Cleaner) -> None:
    doc = Document(source="t.txt", text="\n\n".join([TITLE, "标签 ▸ 装修贷 ▏ 消费贷 ▏ 银行卡年费", *OPENING]))
    cleaned = cleaner.clean(doc)
    assert cleaned.title == TITLE
    assert cleaned.text.split("\n\n") == OPENING


@pytest.mark.parametrize(
    "chrome",
    [
        "bili_1827 2017 年 12 月 16 日 12:02 来自 iPhone 14 Pro Max",
        "2020 年 9 月 20 日 10:52 责编：王五",
        "05/21/2016 13:17 审核：李四",
    ],
)
@pytest.mark.parametrize("where", ["head", "tail"])
def test_a_commenter_or_a_dated_label_goes_at_the_edges(cleaner: Cleaner, where: str, chrome: str) -> None:
    blocks = [TITLE, chrome, *OPENING, CLOSING] if where == "head" else [TITLE, *OPENING, CLOSING, chrome]
    out, doc = clean(cleaner, blocks)
    assert out == [*OPENING, CLOSING]
    assert any(f.kind == "boilerplate" for f in doc.findings)
    # inside the article the same shape stays
    out, doc = clean(cleaner, [TITLE, OPENING[0], chrome, OPENING[1], CLOSING])
    assert chrome.replace("  ", " ") in out


@pytest.mark.parametrize(
    "line",
    [
        "2023 年 5 月，我去银行办了分期",
        "追风少年 3 月份逾期了",
        "首付：三成 月供：两千",
        "2023年3月15日 借款：5000元",
        "2022．06．01 起诉：法院立案",
        "2023 年 3 月 15 日 收到短信：银行催收提醒",
        # a single item under a topic's label is a heading; a kind of loan
        # with its kinds is the article's
        "话题：如何与银行协商还款",
        "贷款分类：信用贷款、抵押贷款、担保贷款",
        # a product's line; a topic with its guest
        "产品：招联好期贷 分类：消费贷款",
        "话题：逾期后如何协商 嘉宾：某某律师事务所张律师",
        # an article's contents
        "目录：一、逾期的后果 二、怎么办",
        # a price in dollars, a book the article is collected in
        "月供 $300 左右",
        "本文收录于《民法典》释义，供参考。",
        "收录于《中国法律年鉴》",
        # a ledger's line, with one label a page prints
        "2023年3月15日 还款：5000元 来源：工资",
        # a plus between two words, a date after 于 in a sentence's words
        "投资 理财 +保险",
        "公司成立于2015年5月 注册资本一千万元",
    ],
)
def test_article_lines_with_spaced_dates_or_labels_stay(cleaner: Cleaner, line: str) -> None:
    out, _ = clean(cleaner, [TITLE, OPENING[0], line, OPENING[1], CLOSING])
    assert out == [OPENING[0], line, OPENING[1], CLOSING]


@pytest.mark.parametrize(
    "pair",
    [
        ["↑ 上一主题：停息挂账好申请吗", "↓ 下一主题：（无）"],
        ["◀ 上一条 头部券商上演抢人大战", "▶ 下一条 美联储被罚千万"],
        ["上一个问题：消费贷怎么选？11款产品实测对比", "下一个问题：理财子公司放出大招！一图看懂"],
        ["Prev：最低还款到底有什么坏处（附真实案例）", "Next：分期手续费能退吗？律师这样说"],
    ],
)
def test_links_to_the_previous_and_next_article_go_as_a_pair(cleaner: Cleaner, pair: list[str]) -> None:
    """However the site names them (主题, 条, 问题, Prev and Next), two lines
    in a row linking back and forward are the page's."""
    blocks, doc = clean(cleaner, [TITLE, *OPENING, CLOSING, *pair])
    assert blocks == [*OPENING, CLOSING]
    assert any("prev_next_pair" in f.message for f in doc.findings)


@pytest.mark.parametrize(
    "lines",
    [
        ["下一步，银行会根据你的收入情况重新核定每月的还款金额"],
        ["上一步：准备好身份证和收入证明", "接下来提交申请"],
        ["上一主题：逾期以后的第一步", "下一条：提交申请材料"],
    ],
)
def test_one_line_back_or_forward_stays(cleaner: Cleaner, lines: list[str]) -> None:
    """One line that opens with 上一 or 下一, or two of different units, is
    no pair of links: it is the article's."""
    blocks, _ = clean(cleaner, [TITLE, *OPENING, *lines, CLOSING])
    assert blocks == [*OPENING, *lines, CLOSING]


def test_a_list_of_headlines_with_their_age_or_time_goes(cleaner: Cleaner) -> None:
    """Other articles listed with how long ago they were posted, or their
    date and time, after a bar or a symbol: the list goes whole."""
    related = [
        "大额存单怎么选？3款产品实测对比▕昨晚 23:57",
        "九江大学举行2024届毕业典礼▕约 13 小时前",
        "银行卡年费怎么选？6款产品实测对比▕几秒前",
        "多所高校调整起购金额▕6个多月前",
        "20232 268 信用贷款怎么选？8款产品实测对比 低吸高抛 5-24 23:31",
    ]
    blocks, doc = clean(cleaner, [TITLE, *OPENING, CLOSING, *related])
    assert blocks == [*OPENING, CLOSING]
    assert any(f.kind == "dated_headlines" for f in doc.findings)
