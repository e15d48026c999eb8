"""Real articles wrapped in site chrome: how much chrome the cleaner leaves,
and how much of the article it takes with it.

The articles are the gold texts of the real-page development set
(../shared/realhtml-dev, built into a scratch folder outside the project;
nothing of them is written anywhere). Each is wrapped, several times with
different seeds, in chrome of every kind scraped pages print around an
article: welcome banners, dateline-source-author lines, post metadata
(编辑于 … · IP 属地…, counters), an avatar-name-time line, pagination,
相关阅读 / 猜你喜欢 lists of dated headlines, a comment thread (prompt, then
commenters' name-time lines, one-line replies and their buttons) and a
keyword-stuffed line of a few hundred to 200,000 characters, in varying
places (before the title, between title and body, after the body).

Two halves, kept apart so that the rules can be tuned on one and measured
on the other: pages are split by a stable hash of their id into ``tune``
and ``held``, and every kind of chrome has two families of phrasings (and
of site names, people, separators and date formats): the tune half is
wrapped in family A, the held half in family B, which the rules were never
checked against. Both have since been looked at while tuning.

Family C is a third set of phrasings, written without sight of the
cleaner's rules, as a blind check: other banners and top bars, dateline and
source formats of government portals, old CMS sites and WeChat mirrors,
Discuz, 天涯 and 贴吧 floors, 知乎 and 百度知道 counters, other pagination,
related lists and comment threads, and five kinds more (breadcrumbs,
share/print toolbars, tag lines, previous/next links, footers). With
``--family C`` both halves are wrapped in it (``--family auto``, the
default, is A for tune and B for held). It is blind only until it is
measured and tuned against: once the rules have been changed by what it
shows, it is one more tuning family, and a check needs a new one written
by someone who has not seen them.

Per half: chrome lines left per 100 pages (a chrome line is left when its
normalized text is still in a line the guide publishes, title included,
that is not a line of the article), article lines lost or changed (a gold
line whose normalized text is no line of the cleaned page; the same count
on the undamaged page beside it), and the character error rate of the
cleaned body against the gold body (edit distance on the normalized texts,
normalized as benchmarks/real_pages.py does, over the gold length).

    python benchmarks/damaged_pages.py /tmp/realhtml [--half tune|held|both] [--copies 3] [--sites 6]
        [--family auto|A|B|C]

With ``--sites N`` the pages are put on sites of N pages each (each copy of
an article on another site); a site's template lines (its welcome banner,
its keyword line; in family C also its toolbar and footer) are the same on
each of its pages, as on real sites, and
the lines a site repeats are taken off its pages' edges as a run does
(``pipeline.sitelines``). Without it every page is a site of its own.
"""

from __future__ import annotations

import argparse
import datetime
import hashlib
import json
import math
import random
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from real_pages import normalize  # noqa: E402

from pipeline.cleaners import Cleaned, Cleaner  # noqa: E402
from pipeline.record import Document  # noqa: E402
from pipeline.sitelines import Site, page_hashes, strip_site_lines  # noqa: E402

R = random.Random


# --- vocabulary: two families of everything ------------------------------


@dataclass(frozen=True)
class Family:
    surnames: str
    given: str
    site_heads: tuple[str, ...]
    site_tails: tuple[str, ...]
    provinces: tuple[str, ...]
    nick_words: tuple[str, ...]
    headline_subjects: tuple[str, ...]
    headline_events: tuple[str, ...]
    keywords_a: tuple[str, ...]
    keywords_b: tuple[str, ...]
    keyword_seps: tuple[str, ...]
    praise: tuple[str, ...]


A = Family(
    surnames="王李张刘陈杨黄赵吴周",
    given="伟芳娜敏静磊洋艳勇军杰",
    site_heads=("今日", "南方", "金融", "民生", "东方", "城市", "信用", "财富"),
    site_tails=("网", "日报", "在线", "财经网", "新闻网"),
    provinces=("广东", "浙江", "江苏", "山东", "四川", "湖北", "河南"),
    nick_words=("追风少年", "小王同学", "快乐的鱼", "老张说事", "阳光男孩", "橘子汽水"),
    headline_subjects=("上海", "北京", "多地", "央行", "楼市", "高校", "新能源车", "本地菜市场"),
    headline_events=("发布新规", "迎来降温", "启动专项整治", "公布最新数据", "出台补贴政策", "调整收费标准"),
    keywords_a=("逾期", "信用卡", "网贷", "征信", "贷款", "花呗", "借呗", "分期"),
    keywords_b=("怎么办", "协商", "利息", "多久", "上门", "技巧", "流程", "后果", "2024"),
    keyword_seps=(" ", "  ", " "),
    praise=("写得真好，学习了", "感谢分享！", "说得太对了", "收藏了，很有用", "mark一下", "讲得很清楚"),
)

B = Family(
    surnames="孙马朱胡郭何林罗高梁",
    given="秀霞平刚桂英华明超涛娟",
    site_heads=("西部", "北方", "环球", "华夏", "晨光", "天天", "消费", "百姓"),
    site_tails=("晚报", "资讯网", "频道", "论坛", "观察"),
    provinces=("北京", "上海", "福建", "湖南", "陕西", "辽宁", "云南"),
    nick_words=("夜行的猫", "一只柠檬", "海边听风", "大刘", "momo酱", "路人甲"),
    headline_subjects=("广州", "深圳", "全国", "教育部", "股市", "医保", "短视频平台", "小区物业"),
    headline_events=("再出新招", "引发热议", "迎来大变化", "开展集中检查", "发布提醒", "晒出成绩单"),
    keywords_a=("旅游", "美食", "装修", "保险", "理财", "考研", "租房", "二手车"),
    keywords_b=("攻略", "推荐", "价格", "排行榜", "哪家好", "大全", "官网", "最新"),
    keyword_seps=("|", "_", "、", " | ", "，"),
    praise=("干货满满，已收藏", "楼主说得好", "支持一下", "谢谢，受教了", "顶！", "有用，转给家里人看看"),
)


def person(rng: R, fam: Family) -> str:
    return rng.choice(fam.surnames) + "".join(rng.choice(fam.given) for _ in range(rng.randint(1, 2)))


def site(rng: R, fam: Family) -> str:
    return rng.choice(fam.site_heads) + rng.choice(fam.site_heads) + rng.choice(fam.site_tails)


def user(rng: R, fam: Family) -> str:
    if fam is A:
        return rng.choice(
            [
                rng.choice(fam.nick_words),
                f"{rng.choice(fam.nick_words)}{rng.randint(1, 2024)}",
                f"用户{rng.randint(1000, 99999)}",
            ]
        )
    return rng.choice(
        [
            rng.choice(fam.nick_words),
            f"{rng.choice(fam.surnames)}先生",
            f"网友{rng.randint(100, 9999)}",
            f"{rng.choice(fam.nick_words)}_{rng.randint(1, 99)}",
        ]
    )


def date(rng: R, fam: Family, short: bool = False) -> str:
    y, m, d = rng.randint(2008, 2024), rng.randint(1, 12), rng.randint(1, 28)
    if fam is A:
        return rng.choice([f"{y}-{m:02d}-{d:02d}", f"{y}年{m}月{d}日"])
    if short:
        return rng.choice([f"{m:02d}-{d:02d}", f"{m:02d}/{d:02d}"])
    return rng.choice([f"{y}/{m:02d}/{d:02d}", f"{y}.{m}.{d}", f"{y}-{m:02d}-{d:02d}"])


def clock(rng: R) -> str:
    return f"{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}"


def ago(rng: R, fam: Family) -> str:
    if fam is A:
        return rng.choice([f"{rng.randint(1, 30)}天前", f"{rng.randint(1, 23)}小时前", "刚刚"])
    return rng.choice(
        [
            f"{rng.randint(2, 59)}分钟前",
            f"昨天 {clock(rng)}",
            f"{rng.randint(1, 3)}周前",
            f"{rng.randint(1, 11)}个月前",
        ]
    )


def headline(rng: R, fam: Family) -> str:
    tail = rng.choice(["", "", "：这些变化要知道", "（附名单）", "，市民怎么看", "？专家解读"])
    return rng.choice(fam.headline_subjects) + rng.choice(fam.headline_events) + tail


# --- chrome of each kind: a list of lines --------------------------------

Gen = Callable[[R, Family], list[str]]


def welcome(rng: R, fam: Family) -> list[str]:
    if fam is A:
        return [rng.choice([f"欢迎来到{site(rng, fam)}！", f"您好，欢迎访问{site(rng, fam)}"])]
    return [
        rng.choice(
            [f"Hi，欢迎光临{site(rng, fam)}，今天是{date(rng, fam)}", f"欢迎莅临{site(rng, fam)}官方网站"]
        )
    ]


def dateline(rng: R, fam: Family) -> list[str]:
    if fam is A:
        return [
            rng.choice(
                [
                    f"{date(rng, fam)} {clock(rng)} 来源：{site(rng, fam)} 作者：{person(rng, fam)}",
                    f"{date(rng, fam)}　来源：{site(rng, fam)}",
                    f"发布时间：{date(rng, fam)} {clock(rng)} | 来源：{site(rng, fam)}"
                    f" | 作者：{person(rng, fam)}",
                ]
            )
        ]
    return [
        rng.choice(
            [
                f"{site(rng, fam)} {date(rng, fam)} {clock(rng)} 编辑：{person(rng, fam)}",
                f"{date(rng, fam)}　{site(rng, fam)}　责任编辑：{person(rng, fam)}",
                f"作者：{person(rng, fam)} · {date(rng, fam)} · 阅读 {rng.randint(10, 99999)}",
                f"{date(rng, fam)} {clock(rng)} · {site(rng, fam)}",
            ]
        )
    ]


def post_meta(rng: R, fam: Family) -> list[str]:
    n, m, k = rng.randint(10, 99999), rng.randint(0, 999), rng.randint(0, 99)
    if fam is A:
        return [
            rng.choice(
                [
                    f"编辑于 {date(rng, fam)} · IP 属地{rng.choice(fam.provinces)}",
                    f"发布于 {date(rng, fam)} {clock(rng)}",
                    f"阅读 {n} · 点赞 {m} · 评论 {k}",
                ]
            )
        ]
    return [
        rng.choice(
            [
                f"最后编辑于 {date(rng, fam)}  IP属地：{rng.choice(fam.provinces)}",
                f"发表于 {ago(rng, fam)} · 来自{rng.choice(fam.provinces)}",
                f"{n} 阅读 · {m} 赞 · {k} 评论",
                f"浏览({n})  收藏({m})  分享",
            ]
        )
    ]


def avatar(rng: R, fam: Family) -> list[str]:
    if fam is A:
        return [rng.choice([f"头像 {user(rng, fam)} {ago(rng, fam)}", f"{user(rng, fam)} · {ago(rng, fam)}"])]
    return [
        rng.choice(
            [
                f"{user(rng, fam)} {date(rng, fam)} {clock(rng)}",
                f"@{user(rng, fam)} 发表于 {ago(rng, fam)}",
                f"{user(rng, fam)}  {rng.randint(1, 60)}楼  {ago(rng, fam)}",
            ]
        )
    ]


def pagination(rng: R, fam: Family) -> list[str]:
    n = rng.randint(2, 12)
    cur = rng.randint(1, n)
    pages = " ".join(str(i) for i in range(1, min(n, 5) + 1))
    if fam is A:
        return [rng.choice([f"共 {n} 页 上一页 {pages} 下一页", f"上一页 {pages} ... {n} 下一页"])]
    return [
        rng.choice(
            [
                f"首页 上一页 {cur} / {n} 下一页 尾页",
                f"« {pages} »",
                f"第 {cur} 页 / 共 {n} 页",
                "< 上一页 | 下一页 >",
            ]
        )
    ]


def related(rng: R, fam: Family) -> list[str]:
    items = []
    for _ in range(rng.randint(3, 8)):
        if fam is A:
            items.append(
                rng.choice(
                    [f"{headline(rng, fam)} {date(rng, fam)}", f"· {headline(rng, fam)}  ({date(rng, fam)})"]
                )
            )
        else:
            items.append(
                rng.choice(
                    [
                        f"[{date(rng, fam, short=True)}] {headline(rng, fam)}",
                        f"{headline(rng, fam)} · {date(rng, fam)}",
                        f"{headline(rng, fam)}　{date(rng, fam, short=True)}",
                    ]
                )
            )
    heads = (
        ["相关阅读：", "相关阅读", "猜你喜欢", None]
        if fam is A
        else ["延伸阅读", "大家都在看：", "为你推荐", None]
    )
    head = rng.choice(heads)
    return ([head] if head else []) + items


def comments(rng: R, fam: Family) -> list[str]:
    k = rng.randint(2, 5)
    if fam is A:
        prompt = rng.choice(["说点什么…", "暂无评论，快来抢沙发", "发表评论", f"评论（{k}）"])
    else:
        prompt = rng.choice(["写下你的评论...", "还没有评论，来说两句吧～", f"全部评论 {k} 条", "我来说两句"])
    lines = [prompt]
    for _ in range(k):
        lines += avatar(rng, fam)
        lines.append(rng.choice(fam.praise))
        if rng.random() < 0.6:
            n = rng.randint(1, 300)
            lines.append(
                rng.choice([f"回复 赞 {n}", f"赞({n}) 回复"])
                if fam is A
                else rng.choice([f"回复  举报  {n}赞", f"👍 {n}  回复"])
            )
    return lines


def keywords(rng: R, fam: Family) -> list[str]:
    # a few hundred to 200,000 characters, log-uniform
    size = int(math.exp(rng.uniform(math.log(300), math.log(200_000))))
    sep = rng.choice(fam.keyword_seps)
    parts: list[str] = []
    length = 0
    while length < size:
        word = rng.choice(fam.keywords_a) + rng.choice(fam.keywords_b)
        if rng.random() < 0.3:
            word += rng.choice(fam.keywords_b)
        parts.append(word)
        length += len(word) + len(sep)
    return [sep.join(parts)]


# where each kind may stand
TOP, MID, TAIL = "top", "mid", "tail"
KINDS: dict[str, tuple[Gen, tuple[str, ...]]] = {
    "welcome": (welcome, (TOP, TAIL)),
    "dateline": (dateline, (TOP, MID)),
    "post_meta": (post_meta, (MID, TAIL)),
    "avatar": (avatar, (MID,)),
    "pagination": (pagination, (TOP, TAIL)),
    "related": (related, (TAIL,)),
    "comments": (comments, (TAIL,)),
    "keywords": (keywords, (TOP, MID, TAIL)),
}


@dataclass
class Damaged:
    id: str
    text: str
    gold_lines: list[str]
    gold_body: str
    chrome: list[tuple[str, str]] = field(default_factory=list)  # (kind, line)


# what a site's template prints the same on each of its pages (in --sites
# mode); the rest differs from page to page
TEMPLATE_KINDS = ("welcome", "keywords")


# --- family C: a third set of phrasings, written blind --------------------
#
# Written from what Chinese sites print around an article (government
# portals, old CMS news sites, Discuz boards, 天涯 and 贴吧 threads, 知乎 and
# 百度知道 answers, WeChat mirrors, loan and content-farm sites) by someone
# who had not seen the cleaner's rules. Besides the kinds above it has five
# more: breadcrumbs, share/print toolbars, tag lines, previous/next links
# and footers.

C = Family(
    surnames="郑谢韩唐冯董程曹袁邓许沈彭吕蒋蔡",
    given="志建国红玉兰丽春文斌宇浩婷雪鹏晨",
    site_heads=("齐鲁", "荆楚", "中原", "江淮", "海峡", "千龙", "燕赵", "巴渝"),
    site_tails=("信息港", "热线", "社区", "时报", "都市报", "门户网", "之窗"),
    provinces=("河北", "山西", "安徽", "江西", "广西", "贵州", "重庆", "天津", "黑龙江", "甘肃", "海南"),
    nick_words=(
        "清风徐来",
        "半夏微凉",
        "不吃香菜",
        "一叶知秋",
        "静待花开",
        "老顽童",
        "南山南",
        "糖醋排骨",
        "打酱油的",
        "sunny2008",
        "xiaoyu_88",
        "lzh0571",
    ),
    headline_subjects=(
        "国务院",
        "国家统计局",
        "住建部",
        "省人社厅",
        "市场监管局",
        "交通运输部",
        "我市",
        "铁路部门",
        "省气象台",
        "县教育局",
    ),
    headline_events=(
        "召开常务会议",
        "印发实施方案",
        "通报典型案例",
        "发布橙色预警",
        "举行签约仪式",
        "部署春运工作",
        "公开征求意见",
        "公布抽检结果",
    ),
    keywords_a=("公积金", "社保", "个税", "房贷", "车贷", "医保卡", "驾照", "学历"),
    keywords_b=(
        "查询",
        "怎么查",
        "提取条件",
        "办理流程",
        "需要什么材料",
        "在哪里办",
        "异地",
        "新政",
        "计算器",
    ),
    keyword_seps=(",", ";", "/", " - ", "#"),
    praise=(
        "支持楼主！",
        "学习了，谢谢分享",
        "说得好，顶",
        "顶顶顶",
        "路过打酱油",
        "感谢楼主无私分享",
        "不明觉厉",
        "同感+1",
        "先收藏了，慢慢看",
        "楼主好人一生平安",
        "坐等后续",
        "前排围观",
    ),
)

C_CITIES = ("临沂", "绵阳", "襄阳", "洛阳", "赣州", "柳州", "宜昌", "潍坊", "遵义", "常德")
C_ABBR = ("冀", "晋", "皖", "赣", "桂", "黔", "渝", "津", "黑", "甘", "琼")
C_DEPTS = ("人民政府办公室", "发展和改革委员会", "统计局", "政务服务中心", "住房和城乡建设局", "融媒体中心")
C_CHANNELS = ("新闻中心", "政务公开", "通知公告", "本地新闻", "社会民生", "财经频道", "贷款攻略", "经验交流")
C_SUBS = ("正文", "本地要闻", "部门动态", "图片新闻", "综合资讯", "查看内容")
C_WEEKDAYS = "一二三四五六日"
C_QUESTIONS = ("逾期了怎么办？", "多久能到账", "停缴了有什么影响", "额度是怎么算的", "需要注意哪些问题")
C_SLOGANS = ("权威发布 服务百姓", "专业的贷款知识平台", "本地人的生活门户")
C_CLIENTS = ("iPhone客户端", "Android客户端", "手机贴吧")


def c_site(rng: R) -> str:
    city = rng.choice(C_CITIES)
    return rng.choice(
        [
            rng.choice(C.site_heads) + rng.choice(C.site_tails),
            f"{city}市人民政府",
            f"{city}新闻网",
            f"{city}发布",
            f"{rng.choice(C.site_heads)}{rng.choice(C.site_tails)}",
        ]
    )


def c_user(rng: R) -> str:
    return rng.choice(
        [
            rng.choice(C.nick_words),
            f"{rng.choice(C.nick_words)}{rng.randint(10, 999)}",
            "匿名用户",
            f"{rng.choice(C_CITIES)}网友",
            f"游客{rng.randint(100, 999)}",
        ]
    )


def c_date(rng: R, short: bool = False, form: int | None = None) -> str:
    y, m, d = rng.randint(2006, 2024), rng.randint(1, 12), rng.randint(1, 28)
    if short:
        return rng.choice([f"{m}月{d}日", f"{m}-{d}"])
    week = C_WEEKDAYS[datetime.date(y, m, d).weekday()]
    forms = [f"{y}-{m}-{d}", f"{y}年{m:02d}月{d:02d}日", f"{y}年{m}月{d}日 星期{week}"]
    return forms[form] if form is not None else rng.choice(forms)


def c_clock(rng: R) -> str:
    return f"{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}"


def c_ago(rng: R) -> str:
    return rng.choice(
        ["半小时前", f"{rng.randint(5, 59)}秒前", f"前天 {clock(rng)}", f"今天 {clock(rng)}", "上周"]
    )


def c_ip(rng: R) -> str:
    return f"{rng.randint(36, 223)}.{rng.randint(0, 255)}.*.*"


def c_headline(rng: R) -> str:
    subject, event = rng.choice(C.headline_subjects), rng.choice(C.headline_events)
    return rng.choice(
        [
            f"{subject}{event}",
            rng.choice(C.keywords_a) + rng.choice(C_QUESTIONS),
            f"【{rng.choice(['图解', '视频', '专题', '权威发布'])}】{subject}{event}",
            f"{rng.choice(C_CITIES)}{event}",
        ]
    )


def c_welcome(rng: R, fam: Family) -> list[str]:
    y, m, d = rng.randint(2010, 2024), rng.randint(1, 12), rng.randint(1, 28)
    week = C_WEEKDAYS[datetime.date(y, m, d).weekday()]
    return [
        rng.choice(
            [
                f"您好！今天是{y}年{m}月{d}日 星期{week}",
                f"{c_site(rng)}欢迎您！",
                f"您好，请 登录 | 免费注册    {c_site(rng)}手机版",
                "欢迎您，游客！ 登录 | 立即注册 | 找回密码",
                f"点击上方蓝字“{c_site(rng)}”关注我们",
                f"设为首页 | 加入收藏 | {c_site(rng)}",
                f"{c_site(rng)}——{rng.choice(C_SLOGANS)}",
            ]
        )
    ]


def c_dateline(rng: R, fam: Family) -> list[str]:
    city, n = rng.choice(C_CITIES), rng.randint(10, 99999)
    y, m, d = rng.randint(2006, 2024), rng.randint(1, 12), rng.randint(1, 28)
    return [
        rng.choice(
            [
                f"发布时间：{c_date(rng)} {c_clock(rng)}  来源：{c_site(rng)}  浏览次数：{n}",
                f"时间：{y}年{m:02d}月{d:02d}日 来源：{city}市人民政府 作者：{city}市{rng.choice(C_DEPTS)}",
                f"信息来源：{city}市{rng.choice(C_DEPTS)}  发布日期：{c_date(rng)}  【字体：大 中 小】",
                f"原创 {person(rng, fam)} {c_site(rng)} {c_date(rng)} {clock(rng)}"
                f" 发表于{rng.choice(fam.provinces)}",
                f"来源: {c_site(rng)}   编辑: {person(rng, fam)}   {c_date(rng)} {c_clock(rng)}",
                f"稿源：{c_site(rng)}  |  责编：{person(rng, fam)}  |  {c_date(rng)}",
                f"文/{person(rng, fam)}　图/{person(rng, fam)}",
                f"[ 作者：{person(rng, fam)}  转贴自：{c_site(rng)}  点击数：{n}  更新时间：{c_date(rng)}"
                f"  文章录入：{c_user(rng)} ]",
                f"发布者：{c_user(rng)}  发布时间：{c_date(rng)}  阅读：{n}次",
            ]
        )
    ]


def c_post_meta(rng: R, fam: Family) -> list[str]:
    n, m, k = rng.randint(10, 99999), rng.randint(0, 999), rng.randint(0, 99)
    return [
        rng.choice(
            [
                f"本帖最后由 {c_user(rng)} 于 {c_date(rng)} {clock(rng)} 编辑",
                f"查看: {n}|回复: {k}",
                f"阅读原文  阅读 {rng.choice([str(n), '10万+'])}  在看 {k}",
                f"{m} 人赞同了该回答",
                f"赞同 {m}  {k} 条评论  分享  收藏  喜欢",
                f"本文共{rng.randint(800, 6000)}字，预计阅读时间{rng.randint(2, 15)}分钟",
                f"点击：{n}次  更新时间：{c_date(rng)}",
                f"采纳率：{rng.randint(30, 100)}%  擅长：{rng.choice(C_CHANNELS)}",
            ]
        )
    ]


def c_avatar(rng: R, fam: Family, form: int | None = None, dates: int | None = None) -> list[str]:
    # a thread prints all its commenters' lines in one form, dates in one format
    n = rng.randint(2, 99)
    floors = ["沙发", "板凳", "地板", f"#{n}楼", f"{n}#"]
    forms = [
        f"{c_user(rng)} 发表于 {c_date(rng, form=dates)} {c_clock(rng)}",
        f"{c_user(rng)}  楼主 | 发表于 {c_date(rng, form=dates)} {clock(rng)} | 只看该作者 | 倒序浏览",
        f"作者：{c_user(rng)}  时间：{c_date(rng, form=dates)} {c_clock(rng)}",
        f"{c_user(rng)}  回复于 {c_date(rng, form=dates)} {clock(rng)}",
        f"{n}楼  {c_user(rng)}  {c_date(rng, form=dates)} {clock(rng)}",
        f"{rng.choice(floors)}  {c_user(rng)}  {c_date(rng, form=dates)} {clock(rng)}",
        f"{rng.choice(fam.provinces)}网友 [{c_ip(rng)}]  {c_date(rng, form=dates)} {clock(rng)}",
        f"{c_user(rng)}  来自{rng.choice(C_CLIENTS)}  {c_ago(rng)}",
    ]
    return [forms[form] if form is not None else rng.choice(forms)]


def c_pagination(rng: R, fam: Family) -> list[str]:
    n = rng.randint(2, 12)
    cur = rng.randint(1, n)
    pages = " ".join(f"[{i}]" for i in range(1, min(n, 5) + 1))
    return [
        rng.choice(
            [
                "第一页 上一页 下一页 最后一页",
                f"页次：{cur}/{n}页  首页 上一页 下一页 尾页",
                f"{cur}/{n}页",
                f"分页：{pages} [下一页]",
                f"共{n}页  到第  页  确定",
                rng.choice(["点击加载更多", "展开阅读全文", "查看全文"]),
                f"返回列表  发新帖  {' '.join(str(i) for i in range(1, min(n, 5) + 1))} ... {n}  下一页",
            ]
        )
    ]


def c_related(rng: R, fam: Family) -> list[str]:
    form = rng.randrange(7)
    items = []
    for i in range(rng.randint(3, 8)):
        h = c_headline(rng)
        items.append(
            [
                f">> {h}",
                f"◆ {h}",
                f"{i + 1}. {h}",
                f"{h}（{c_date(rng, short=True)}）",
                f"{h} [{c_date(rng)}]",
                f"{h}  {rng.randint(10, 9999)}阅读",
                f"▪ {h}  {c_date(rng, short=True)}",
            ][form]
        )
    heads = [
        "相关文章",
        "热门推荐",
        "猜你感兴趣",
        "往期回顾",
        "相关新闻 更多>>",
        "推荐阅读：",
        "本类排行",
        "往期推荐",
        "喜欢此内容的人还喜欢",
        None,
    ]
    head = rng.choice(heads)
    return ([head] if head else []) + items


def c_comments(rng: R, fam: Family) -> list[str]:
    k = rng.randint(2, 5)
    n = rng.randint(k, 5000)
    lines = rng.choice(
        [
            ["网友评论", "网友评论仅供其表达个人看法，并不表明本站同意其观点或证实其描述"],
            [f"已有{n}人参与  {k}条评论"],
            ["登录后发表评论", "用户名：  密码：  匿名发表"],
            ["精选留言", "写留言"],
            [f"共{k}条回复", "最新评论"],
            ["我要评论", "文明上网，理性发言"],
        ]
    )
    form, dates, buttons = rng.randrange(8), rng.randrange(3), rng.randrange(4)
    for _ in range(k):
        lines += c_avatar(rng, fam, form, dates)
        reply = rng.choice(fam.praise)
        lines.append(reply if rng.random() < 0.7 else f"回复 {c_user(rng)}：{reply}")
        if rng.random() < 0.6:
            a, b = rng.randint(0, 300), rng.randint(0, 50)
            lines.append(
                [
                    f"支持({a}) 反对({b})",
                    f"顶[{a}]  踩[{b}]",
                    "[回复] [引用] [举报]",
                    f"有用({a})  无用({b})",
                ][buttons]
            )
    if rng.random() < 0.5:
        lines.append(rng.choice(["查看全部评论>>", f"还有{n - k}条评论，点击查看", "加载更多评论"]))
    return lines


def c_keywords(rng: R, fam: Family) -> list[str]:
    prefix = rng.choice(["", "", "热门搜索：", "关键词：", "相关搜索：", "本站热词："])
    return [prefix + keywords(rng, fam)[0]]


def c_tag_words(rng: R) -> list[str]:
    return [rng.choice(C.keywords_a) + rng.choice(C.keywords_b) for _ in range(rng.randint(2, 5))]


def c_tags(rng: R, fam: Family) -> list[str]:
    words = c_tag_words(rng)
    return [
        rng.choice(
            [
                "标签：" + " ".join(words),
                "关键词：" + "，".join(words),
                "Tags: " + " ".join(words),
                "本文标签：" + " | ".join(words),
                " ".join(f"#{w}#" for w in words),
                f"分类：{rng.choice(C_CHANNELS)}  标签：" + "、".join(words),
            ]
        )
    ]


def c_breadcrumb(rng: R, fam: Family) -> list[str]:
    chan, sub = rng.choice(C_CHANNELS), rng.choice(C_SUBS)
    return [
        rng.choice(
            [
                f"当前位置：首页 > {chan} > {sub}",
                f"您现在的位置：首页 >> {chan} >> 正文",
                f"{c_site(rng)} > {chan} > 正文",
                f"首页 / {chan} / {sub}",
                f"位置：网站首页 → {chan} → {sub}",
                f"{c_site(rng)} › {chan} › {sub}",
            ]
        )
    ]


def c_toolbar(rng: R, fam: Family) -> list[str]:
    bars = [
        "【字体：大 中 小】 【打印】 【关闭】",
        "分享到： 微信 微博 QQ空间",
        "【打印本页】 【关闭窗口】",
        "扫一扫在手机打开当前页",
        "【我要纠错】 【打印】 【关闭】",
        "字号：大 中 小  |  打印  |  收藏",
        "分享：QQ好友 朋友圈 新浪微博 复制链接",
        "【收藏本文】【告诉好友】【打印此文】【关闭窗口】",
    ]
    return rng.sample(bars, rng.choice([1, 1, 2]))


def c_prevnext(rng: R, fam: Family) -> list[str]:
    prev, nxt = rng.choice([("上一篇：", "下一篇："), ("上一条：", "下一条："), ("上一篇 ", "下一篇 ")])
    first = prev + (c_headline(rng) if rng.random() < 0.8 else "没有了")
    return [first, nxt + (c_headline(rng) if rng.random() < 0.8 else "没有了")]


def c_footer(rng: R, fam: Family) -> list[str]:
    site_name, city = c_site(rng), rng.choice(C_CITIES)
    abbr, y = rng.choice(C_ABBR), rng.randint(2012, 2024)
    lines = [
        f"版权所有：{site_name}  备案号：{abbr}ICP备{rng.randint(10**7, 10**8 - 1)}号-{rng.randint(1, 5)}",
        f"Copyright © 2008-{y} {site_name} 版权所有",
        f"主办：{city}市人民政府办公室  承办：{city}市大数据中心",
        f"{abbr}公网安备 {rng.randint(10**13, 10**14 - 1)}号",
        "免责声明：本站部分内容来源于网络，如有侵权请联系删除。",
        "声明：本文内容由互联网用户自发贡献，该文观点仅代表作者本人。",
        "长按识别二维码，关注我们",
        "联系我们 | 关于我们 | 网站地图 | 广告服务 | 免责声明",
    ]
    return rng.sample(lines, rng.randint(1, 3))


# family C's kinds: those of A and B, in the same places, and five more
KINDS_C: dict[str, tuple[Gen, tuple[str, ...]]] = {
    "welcome": (c_welcome, (TOP, TAIL)),
    "dateline": (c_dateline, (TOP, MID)),
    "post_meta": (c_post_meta, (MID, TAIL)),
    "avatar": (c_avatar, (MID,)),
    "pagination": (c_pagination, (TOP, TAIL)),
    "related": (c_related, (TAIL,)),
    "comments": (c_comments, (TAIL,)),
    "keywords": (c_keywords, (TOP, MID, TAIL)),
    "breadcrumb": (c_breadcrumb, (TOP,)),
    "toolbar": (c_toolbar, (MID, TAIL)),
    "tags": (c_tags, (MID, TAIL)),
    "prevnext": (c_prevnext, (TAIL,)),
    "footer": (c_footer, (TAIL,)),
}
TEMPLATE_KINDS_C = (*TEMPLATE_KINDS, "toolbar", "footer")

FAMILIES = {"A": A, "B": B, "C": C}


def damage(record: dict, rng: R, fam: Family, site_seed: int | None = None) -> Damaged:
    title = (record.get("title") or "").strip()
    body = [line.strip() for line in (record.get("text") or "").split("\n") if line.strip()]
    places: dict[str, list[tuple[str, list[str]]]] = {TOP: [], MID: [], TAIL: []}
    kinds, template = (KINDS_C, TEMPLATE_KINDS_C) if fam is C else (KINDS, TEMPLATE_KINDS)
    for kind, (gen, where) in kinds.items():
        own = rng if site_seed is None or kind not in template else R(f"{site_seed}/{kind}")
        places[own.choice(where)].append((kind, gen(own, fam)))
    for blocks in places.values():
        rng.shuffle(blocks)
    lines: list[str] = []
    chrome: list[tuple[str, str]] = []

    def put(place: str) -> None:
        for kind, block in places[place]:
            lines.extend(block)
            chrome.extend((kind, line) for line in block)

    put(TOP)
    if title:
        lines.append(title)
    put(MID)
    lines.extend(body)
    put(TAIL)
    return Damaged(record["id"], "\n\n".join(lines), body, "\n".join(body), chrome)


def hash_of(value: object) -> int:
    return int.from_bytes(hashlib.sha256(repr(value).encode()).digest()[:8], "big")


def half_of(page_id: str) -> str:
    return "tune" if hashlib.sha256(page_id.encode()).digest()[0] % 2 == 0 else "held"


def edit_distance(a: str, b: str) -> int:
    """Levenshtein distance, bit-parallel (Myers/Hyyrö): linear in the
    longer text times the shorter one's length in machine words."""
    if len(a) < len(b):
        a, b = b, a
    m = len(b)
    if not m:
        return len(a)
    peq: dict[str, int] = {}
    for i, char in enumerate(b):
        peq[char] = peq.get(char, 0) | (1 << i)
    mask, high = (1 << m) - 1, 1 << (m - 1)
    pv, mv, score = mask, 0, m
    for char in a:
        eq = peq.get(char, 0)
        xv = eq | mv
        xh = (((eq & pv) + pv) ^ pv) | eq
        ph = (mv | ~(xh | pv)) & mask
        mh = pv & xh
        if ph & high:
            score += 1
        elif mh & high:
            score -= 1
        ph = ((ph << 1) | 1) & mask
        mh = (mh << 1) & mask
        pv = (mh | ~(xv | ph)) & mask
        mv = ph & xv
    return score


@dataclass
class Result:
    pages: int = 0
    chrome: int = 0
    left: Counter[str] = field(default_factory=Counter)
    lost: int = 0
    lost_undamaged: int = 0
    article_lines: int = 0
    cers: list[float] = field(default_factory=list)
    examples: list[str] = field(default_factory=list)


def output_lines(cleaned: object) -> list[str]:
    title = getattr(cleaned, "title", None)
    text = getattr(cleaned, "text", "")
    # what a guide publishes: its title and text (alternative titles only
    # serve to find echoes of the title; no page shows them)
    return [line for line in [title or "", *text.split("\n")] if line.strip()]


def measure(cleaned: Cleaned, page: Damaged, undamaged_lost: set[str], result: Result, examples: int) -> None:
    gold = {normalize(line) for line in page.gold_lines}
    out = [normalize(line) for line in output_lines(cleaned)]
    out_set = set(out)
    foreign = [line for line in out if line not in gold]
    result.pages += 1
    for kind, line in page.chrome:
        key = normalize(line)
        if not key or key in gold:
            continue
        result.chrome += 1
        if any(key in line_out for line_out in foreign):
            result.left[kind] += 1
            if len(result.examples) < examples:
                result.examples.append(f"{page.id} {kind}: {line[:70]}")
    for line in page.gold_lines:
        result.article_lines += 1
        if normalize(line) not in out_set:
            result.lost += 1
            result.lost_undamaged += line in undamaged_lost
    truth = normalize(page.gold_body)
    if truth:
        result.cers.append(edit_distance(normalize(cleaned.text), truth) / len(truth))


def undamaged_losses(cleaner: Cleaner, record: dict) -> set[str]:
    body = [line.strip() for line in (record.get("text") or "").split("\n") if line.strip()]
    title = (record.get("title") or "").strip()
    doc = Document(source=record["id"], text="\n\n".join([title, *body] if title else body))
    out = {normalize(line) for line in output_lines(cleaner.clean(doc, record_changes=False))}
    return {line for line in body if normalize(line) not in out}


def report(name: str, result: Result) -> None:
    left = sum(result.left.values())
    per100 = 100 * left / result.pages if result.pages else 0.0
    print(f"\n== {name}: {result.pages} damaged pages, {result.chrome} chrome lines")
    print(f"chrome lines left: {left} ({per100:.2f} per 100 pages)", end="")
    print(f"  {dict(result.left.most_common())}" if left else "")
    print(
        f"article lines lost or changed: {result.lost} of {result.article_lines}"
        f" ({result.lost_undamaged} of them also on the undamaged page)"
    )
    if result.cers:
        print(
            f"character error rate of the body: median {100 * statistics.median(result.cers):.2f}%,"
            f" mean {100 * statistics.mean(result.cers):.2f}%"
        )
    for example in result.examples:
        print(f"   left: {example}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folder", type=Path, help="where realhtml-dev's build.py wrote gold.jsonl")
    parser.add_argument("--half", choices=["tune", "held", "both"], default="both")
    parser.add_argument(
        "--family",
        choices=["auto", *FAMILIES],
        default="auto",
        help="phrasings to wrap the pages in: auto wraps the tune half in A and the held half in B; "
        "C (written blind to the cleaner's rules) is for a check, not for tuning",
    )
    parser.add_argument("--copies", type=int, default=3, help="damaged copies of each page (different seeds)")
    parser.add_argument("--examples", type=int, default=12, help="chrome lines left shown per half")
    parser.add_argument(
        "--sites",
        type=int,
        default=0,
        help="put the pages on sites of this many pages, whose template lines are the same on each page, "
        "and take the lines a site repeats off its pages (pipeline.sitelines) as a run does",
    )
    args = parser.parse_args()
    gold = args.folder / "gold.jsonl"
    if not gold.is_file():
        sys.exit(f"{gold} is missing: build the set first (see ../shared/realhtml-dev/README.md)")
    records = [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines() if line.strip()]
    records = [r for r in records if (r.get("text") or "").strip()]
    cleaner = Cleaner()
    halves = ["tune", "held"] if args.half == "both" else [args.half]
    start = time.monotonic()
    for half in halves:
        fam = FAMILIES[args.family] if args.family != "auto" else A if half == "tune" else B
        result = Result()
        mine = [record for record in records if half_of(record["id"]) == half]
        sites: dict[tuple[int, int], list[tuple[Damaged, Document, Cleaned, set[str]]]] = {}
        for position, record in enumerate(mine):
            lost = undamaged_losses(cleaner, record)
            for copy in range(args.copies):
                seed = int.from_bytes(hashlib.sha256(f"{record['id']}/{copy}".encode()).digest()[:8], "big")
                # each copy of an article is on another site
                where = (copy, position // args.sites) if args.sites else (copy, position)
                page = damage(record, random.Random(seed), fam, hash_of(where) if args.sites else None)
                doc = Document(source=page.id, text=page.text)
                cleaned = cleaner.clean(doc, record_changes=False)
                sites.setdefault(where, []).append((page, doc, cleaned, lost))
        for where, pages in sites.items():
            site = Site()
            if args.sites:
                for page, _, cleaned, _ in pages:
                    site.add(page.id, page_hashes(cleaned.text, [cleaned.title, *cleaned.alternative_titles]))
                for _, doc, cleaned, _ in pages:
                    strip_site_lines(cleaned, doc, site, repr(where))
            for page, _, cleaned, lost in pages:
                measure(cleaned, page, lost, result, args.examples)
        name = next(key for key, value in FAMILIES.items() if value is fam)
        report(f"{half} (phrasings of family {name})", result)
    print(f"\n{time.monotonic() - start:.1f} s")


if __name__ == "__main__":
    main()
