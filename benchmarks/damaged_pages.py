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

Family D is that new one, again written blind, as C was: other portals and
self-media pages (网易号, 搜狐号, 百家号, 头条号), WeChat reprints, 知乎专栏,
简书, CSDN and 博客园 blogs, 豆瓣, 百度知道 and 百度经验, 小红书 mirrors, 贴吧,
Discuz and phpwind boards, court, government and bank sites, legal-advice Q&A
sites and card forums, with their own date formats (2023年5月6日 周六,
20230506, 3 天前), counters (1.2万, 10万+, ❤ 23) and separators. It has C's
kinds in C's places and three more: app-download and login-wall prompts
(打开APP阅读全文), a Q&A answer widget (已解决, 最佳答案, 本回答由…律师提供)
and copyright or disclaimer statements. ``--family D`` wraps both halves in
it. Like C it is blind only until it is measured and tuned against.

Family E is the next one, written blind as C and D were: news portals
(凤凰网, 澎湃, 界面, 第一财经), 雪球 and 东方财富股吧 posts, 什么值得买, card
forums and loan portals (我爱卡, 融360, 卡宝宝), legal Q&A sites (律图, 找法网,
华律网, 法律快车), 12315 and 信访 style government service pages, 知乎
answers, 微博 long posts, B站 专栏, 抖音 and 快手 图文 mirrors, 悟空问答, 天涯
archives, app-store download bars and university and hospital news pages,
with their own date formats (05/06/2023, 23-05-06, 二〇二三年五月六日,
5月6日 14:02, 昨晚 21:17), counters (3.4w, 10w+, 赞同 86), separators (▏, 〉,
::, ▸), floors and English UI words (Share, Top, Prev, Next). It has D's
kinds in D's places; ``--family E`` wraps both halves in it. It is blind
only until it is measured and tuned against.

Family F is the next one, written blind as C, D and E were: 人民网, 新华网,
央视网 and provincial news portals, 今日头条 and 网易新闻 mirrors, 百度贴吧 and
豆瓣小组 threads, 知乎 columns, 小红书 notes, 微信公众号 reprints (以下文章来源于,
在看, 写留言, 星标), 闲鱼 and 淘宝 问大家, 黑猫投诉 and 聚投诉 complaint pages,
consumer finance company sites (招联, 马上消费), court pages (人民法院公告网,
12368), 裁判文书 mirrors, 百科 pages, Discuz! X3 and phpBB boards, WordPress
blogs, PDF page markers (— 3 —) and Hong Kong and Taiwan sites in traditional
characters, with their own date formats (2023/5/6 下午 3:04, 06-05-2023,
癸卯年, 民國112年, ISO and English dates, full-width digits), counters
(1.2k, 10萬+, 💗, ★★★★☆), separators (┃, ‖, ・, •, ～, Tab, two full-width
spaces), English UI words (Login, More, Reply, Like, Report), PTT push lines,
one-word buttons (回复, 赞, 举报) and long sentence-like comments and
statements. It has E's kinds in E's places; ``--family F`` wraps both halves
in it. It is blind only until it is measured and tuned against.

Family G (新浪博客 and 新浪财经, 腾讯新闻 and 搜狐 pages, V2EX, NGA and 虎扑
threads, 掘金, Hexo, Typecho and Z-Blog blogs, 维基百科, WeChat reader
chrome, government 信息公开 and 问政 pages, card-bank communities, paywalls,
cookie banners and AI-summary boxes) was written blind after F; ``--family
G`` wraps both halves in it.

Per half: chrome lines left per 100 pages (a chrome line is left when its
normalized text is a line the guide publishes, title included, that is not
a line of the article, or, for one of at least LEFT_INSIDE characters, part
of such a line: a short button like 发送 inside a leftover keyword line is
not counted again), article lines lost or changed (a gold line whose
normalized text is no line of the cleaned page; the same count on the
undamaged page beside it), and the character error rate of the cleaned
body against the gold body (edit distance on the normalized texts,
normalized as benchmarks/real_pages.py does, over the gold length; a
page's rate counts at most 100% in the mean, which a leftover keyword line
of 200,000 characters would otherwise decide alone).

    python benchmarks/damaged_pages.py /tmp/realhtml [--half tune|held|both] [--copies 3] [--sites 6]
        [--family auto|A|B|C|D|E|F|G]

With ``--sites N`` the pages are put on sites of N pages each (each copy of
an article on another site); a site's template lines (its welcome banner,
its keyword line; in families C to G also its toolbar and footer, in D to
G its app prompt) are the same on each of its pages, as on real sites, and
the lines a site repeats, and those that many sites print at their pages'
edges around different articles, are taken off its pages' edges as a run
does (``pipeline.sitelines``). Without it every page is a site of its own.
"""

from __future__ import annotations

import argparse
import datetime
import hashlib
import json
import math
import random
import sqlite3
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
from pipeline.sitelines import Read, SiteLines, seen, strip_site_lines  # noqa: E402

# a chrome line this long counts as left when it is part of a published
# line; a shorter one only when it is a whole line
LEFT_INSIDE = 8
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


def one_or_two(rng: R, lines: list[str]) -> list[str]:
    """One of a widget's lines, now and then two."""
    return rng.sample(lines, rng.choice([1, 1, 2]))


def prev_next(rng: R, prev: str, nxt: str, none: str, headline: Callable[[R], str]) -> list[str]:
    """Links to the previous and the next article: each another headline,
    or now and then the site's word for none."""
    first = prev + (headline(rng) if rng.random() < 0.8 else none)
    return [first, nxt + (headline(rng) if rng.random() < 0.8 else none)]


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
    return one_or_two(rng, bars)


def c_prevnext(rng: R, fam: Family) -> list[str]:
    prev, nxt = rng.choice([("上一篇：", "下一篇："), ("上一条：", "下一条："), ("上一篇 ", "下一篇 ")])
    return prev_next(rng, prev, nxt, "没有了", c_headline)


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


# --- family D: a fourth set of phrasings, written blind -------------------
#
# Written, as C was, by someone who had not seen the cleaner's rules, from
# what other sites print around an article: portal and self-media pages
# (网易号, 搜狐号, 百家号, 头条号), WeChat reprints, 知乎专栏, 简书, CSDN and
# 博客园 blogs, 豆瓣, 百度知道 and 百度经验, 小红书 mirrors, 贴吧, Discuz and
# phpwind boards, court and government sites, banks, legal-advice Q&A sites
# and card forums. Besides C's kinds it has three more: app-download and
# login-wall prompts, a Q&A answer widget (已解决, 最佳答案, 本回答由…提供)
# and copyright or disclaimer statements.

D = Family(
    surnames="魏叶潘杜戴夏钟汪田任姜范方石姚谭廖邹熊陆",
    given="轩涵欣怡峰琪东新燕凯瑞琳博宁悦晖",
    site_heads=("星城", "鹭岛", "蓉城", "羊城", "春城", "泉城", "冰城", "鹏城"),
    site_tails=("生活网", "头条", "视界", "财讯", "法律网", "卡友之家", "便民网", "e家"),
    provinces=(
        "江苏",
        "浙江",
        "广东",
        "四川",
        "湖南",
        "河北",
        "吉林",
        "内蒙古",
        "新疆",
        "宁夏",
        "青海",
        "西藏",
    ),
    nick_words=(
        "小熊软糖",
        "风吹麦浪",
        "吃土少女",
        "深夜食堂",
        "奔跑的蜗牛",
        "一只咸鱼",
        "柠檬不萌",
        "Kevin_Chen",
        "阿杰爱旅行",
        "卡神老李",
        "上岸的小白",
        "努力还债中",
    ),
    headline_subjects=(
        "金融监管总局",
        "最高法",
        "多家银行",
        "个税APP",
        "支付宝",
        "消费金融公司",
        "某地法院",
        "12315平台",
        "证监会",
        "信用卡中心",
    ),
    headline_events=(
        "下调存款利率",
        "发布典型案例",
        "上线新功能",
        "回应网友关切",
        "明确认定标准",
        "提示消费风险",
        "集中清理睡眠卡",
        "调整还款规则",
    ),
    keywords_a=(
        "个人征信",
        "网贷逾期",
        "信用卡协商",
        "停息挂账",
        "劳动仲裁",
        "离婚诉讼",
        "债务纠纷",
        "催收投诉",
    ),
    keywords_b=(
        "律师",
        "在线咨询",
        "免费咨询",
        "电话",
        "多少钱",
        "2023最新",
        "怎么处理",
        "真实案例",
        "一对一",
    ),
    keyword_seps=("丨", "｜", " · ", "；", "  ", "、 "),
    praise=(
        "蹲一个后续",
        "666，已三连",
        "谢谢律师解答",
        "同问，我也遇到了",
        "楼主后来怎么样了？",
        "mark，回头细看",
        "真实，太真实了[捂脸]",
        "写得好[赞][赞]",
        "🙏🙏 感谢解答",
        "码住码住",
        "求私信，同款情况",
        "已关注，互关一下",
        "沙发是我的！",
        "up主辛苦了",
    ),
)

D_CITIES = ("苏州", "温州", "佛山", "南充", "岳阳", "保定", "吉林", "包头", "喀什", "银川", "西宁", "拉萨")
D_ABBR = ("苏", "浙", "粤", "蜀", "湘", "冀", "吉", "蒙", "新", "宁", "青", "藏")
D_PLATFORMS = ("网易号", "搜狐号", "百家号", "头条号", "企鹅号", "大鱼号", "一点号")
D_APPS = (
    "网易新闻",
    "搜狐新闻",
    "百度",
    "今日头条",
    "腾讯新闻",
    "知乎",
    "小红书",
    "CSDN",
    "豆瓣",
    "百度知道",
)
D_CHANNELS = (
    "法律咨询",
    "债务纠纷",
    "信用卡",
    "理财",
    "财经",
    "社会",
    "生活百科",
    "问答",
    "经验",
    "技术博客",
)
D_SUBS = ("文章详情", "问题详情", "帖子", "经验详情", "资讯", "综合")
D_BOARDS = ("卡友交流", "口子发布", "征信讨论", "新手报到", "灌水乐园")
D_WEEKDAYS = "一二三四五六日"
D_QUESTIONS = (
    "欠款不还会坐牢吗",
    "被起诉了怎么办",
    "还款期限是多久",
    "会影响子女吗",
    "是不是真的",
    "需要准备哪些材料",
)
D_LEVELS = ("Lv.5", "LV3", "新手上路", "初级卡友", "高级会员", "VIP会员", "认证律师", "铁杆粉丝 8")
D_BANKS = ("招商银行", "建设银行", "交通银行", "平安银行", "中信银行", "广发银行")


def d_site(rng: R) -> str:
    return rng.choice(
        [
            rng.choice(D.site_heads) + rng.choice(D.site_tails),
            f"{rng.choice(D_CITIES)}中级人民法院",
            f"{rng.choice(D_BANKS)}{rng.choice(D_CITIES)}分行",
            rng.choice(D_APPS),
            f"{rng.choice(D.site_heads)}{rng.choice(D.site_tails)}",
        ]
    )


def d_user(rng: R) -> str:
    return rng.choice(
        [
            rng.choice(D.nick_words),
            f"{rng.choice(D.nick_words)}_{rng.randint(1990, 2023)}",
            f"m0_{rng.randint(10**7, 10**8 - 1)}",
            f"weixin_{rng.randint(10**8, 10**9 - 1)}",
            f"百度网友{rng.randbytes(4).hex()[:7]}",
            f"小红薯{rng.randbytes(3).hex().upper()}",
            "微信用户",
            "知乎用户",
        ]
    )


def d_week(y: int, m: int, d: int) -> str:
    return "周" + D_WEEKDAYS[datetime.date(y, m, d).weekday()]


def d_date(rng: R, short: bool = False, form: int | None = None) -> str:
    y, m, d = rng.randint(2012, 2024), rng.randint(1, 12), rng.randint(1, 28)
    if short:
        return rng.choice([f"{m:02d}.{d:02d}", f"{m:02d}月{d:02d}日", f"{m}/{d}"])
    forms = [
        f"{y}年{m}月{d}日 {d_week(y, m, d)}",
        f"{y}/{m}/{d}",
        f"{y}{m:02d}{d:02d}",
        f"{y}.{m:02d}.{d:02d}",
        f"{y}年{m:02d}月{d:02d}日",
    ]
    return forms[form] if form is not None else rng.choice(forms)


def d_ago(rng: R) -> str:
    return rng.choice(
        [
            "刚刚",
            f"{rng.randint(1, 23)}小时前",
            f"昨天 {clock(rng)}",
            f"{rng.randint(1, 59)} 分钟前",
            f"{rng.randint(2, 6)} 天前",
            f"{rng.randint(1, 5)}年前",
            f"{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d} {clock(rng)}",
        ]
    )


def d_count(rng: R) -> str:
    n = rng.randint(1, 999_999)
    return rng.choice([str(n), f"{n / 10000:.1f}万", "10万+", "999+", f"{n / 1000:.1f}k", f"{n:,}"])


def d_headline(rng: R) -> str:
    subject, event = rng.choice(D.headline_subjects), rng.choice(D.headline_events)
    return rng.choice(
        [
            f"{subject}{event}",
            rng.choice(D.keywords_a) + rng.choice(D_QUESTIONS) + "？",
            f"{subject}{event}，{rng.choice(['一文读懂', '速看', '有你吗', '涉及这些人'])}",
            f"{rng.randint(3, 10)}招搞定{rng.choice(D.keywords_a)}，"
            + rng.choice(["建议收藏", "第3个最实用"]),
            f"{rng.choice(D_CITIES)}{rng.choice(D.keywords_a)}{rng.choice(D_QUESTIONS)}",
        ]
    )


def d_welcome(rng: R, fam: Family) -> list[str]:
    return [
        rng.choice(
            [
                f"早上好！{d_site(rng)}欢迎您  [请登录]  [免费注册]",
                f"hi，请登录  免费注册  手机逛{d_site(rng)}",
                "繁體 | 无障碍 | 关怀版 | 长者模式 | English",
                f"全国咨询热线：400-{rng.randint(100, 999)}-{rng.randint(1000, 9999)}（7×24小时）",
                f"切换城市 [{rng.choice(D_CITIES)}] ▾",
                f"嗨，欢迎来到{d_site(rng)}！新用户注册即送{rng.randint(5, 50) * 10}积分",
                f"{rng.choice(D_APPS)}首页  登录  注册  消息  创作中心",
                f"{d_site(rng)}｜{rng.choice(['专业法律服务平台', '卡友自己的家园', '有温度的本地门户'])}",
            ]
        )
    ]


def d_dateline(rng: R, fam: Family) -> list[str]:
    y, m, d = rng.randint(2012, 2024), rng.randint(1, 12), rng.randint(1, 28)
    return [
        rng.choice(
            [
                f"{y}-{m:02d}-{d:02d} {c_clock(rng)}　来源: {d_site(rng)}　举报",
                f"{y}年{m:02d}月{d:02d}日{clock(rng)} {d_site(rng)}",
                f"{d_site(rng)}官方帐号 {m:02d}-{d:02d} {clock(rng)} {rng.choice(fam.provinces)}",
                f"作者｜{person(rng, fam)}　编辑｜{person(rng, fam)}　来源｜{d_site(rng)}"
                f"（ID：{rng.choice(['fazhi', 'caixun', 'kayou', 'jrtt'])}{rng.randint(10, 999)}）",
                f"【发布单位】{rng.choice(D_CITIES)}中级人民法院　【发布日期】{d_date(rng)}"
                f"　【点击量】{rng.randint(10, 99999)}",
                f"{y}年{m}月{d}日{clock(rng)}  来源：{d_site(rng)}-{rng.choice(D_CHANNELS)}频道",
                f"发布日期：{y}/{m}/{d}  信息来源：{rng.choice(D_BANKS)}  【打印】",
                f"{rng.choice(D_PLATFORMS)} · {person(rng, fam)} · {d_ago(rng)}",
                f"原标题：{d_headline(rng)}",
            ]
        )
    ]


def d_post_meta(rng: R, fam: Family) -> list[str]:
    k = rng.randint(0, 99)
    y, m, d = rng.randint(2012, 2024), rng.randint(1, 12), rng.randint(1, 28)
    return [
        rng.choice(
            [
                f"{rng.uniform(0.1, 9):.3f} {y}.{m:02d}.{d:02d} {c_clock(rng)}"
                f" 字数 {rng.randint(300, 9000):,} 阅读 {rng.randint(10, 99999):,}",
                f"{d_user(rng)} 已于 {y}-{m:02d}-{d:02d} {c_clock(rng)} 修改  阅读量{d_count(rng)}"
                f"  收藏 {k}  点赞数 {rng.randint(0, 999)}",
                f"原创 | 浏览：{rng.randint(10, 99999)} | 更新：{y}-{m:02d}-{d:02d} {clock(rng)}",
                f"❤ {d_count(rng)}  ⭐ {d_count(rng)}  💬 {k}",
                f"浏览量 {d_count(rng)}  ·  评论 ({k})  ·  ❤ {rng.randint(0, 999)}",
                "还没有人送礼物，鼓励一下作者吧",
                f"{rng.randint(2, 999)} 人推荐  {rng.randint(2, 999)} 人喜欢",
                f"发布于{d_ago(rng)} · 著作权归作者所有",
                f"楼主 {d_user(rng)}  回复：{k}  浏览：{d_count(rng)}",
            ]
        )
    ]


def d_avatar(rng: R, fam: Family, form: int | None = None, dates: int | None = None) -> list[str]:
    # a thread prints all its commenters' lines in one form, dates in one format
    y, m, d = rng.randint(2012, 2024), rng.randint(1, 12), rng.randint(1, 28)
    when = [f"{y}-{m:02d}-{d:02d} {c_clock(rng)}", f"{m:02d}-{d:02d}", d_ago(rng)][
        dates if dates is not None else rng.randrange(3)
    ]
    forms = [
        f"{d_user(rng)}  {rng.choice(D_LEVELS)}  {rng.randint(2, 99)}楼 · {when}",
        f"{d_user(rng)}  级别：{rng.choice(D_LEVELS)}  帖子：{rng.randint(1, 9999)}"
        f"  积分：{rng.randint(0, 99999)}",
        f"{d_user(rng)} [{rng.choice(D_LEVELS)}] · {when}",
        f"{d_user(rng)}  {when} · {rng.choice(fam.provinces)}",
        f"{rng.choice(fam.surnames)}律师（{rng.choice(D_CITIES)}）  {when}",
        f"{d_user(rng)}  {when}  {rng.choice(fam.provinces)}",
        f"{d_user(rng)}  作者  {when}",
        f"#{rng.randint(2, 99)} {d_user(rng)} ｜ {when}",
    ]
    return [forms[form] if form is not None else rng.choice(forms)]


def d_pagination(rng: R, fam: Family) -> list[str]:
    n = rng.randint(2, 12)
    cur = rng.randint(1, n)
    pages = " ".join(str(i) for i in range(1, min(n, 5) + 1)) + (f" … {n}" if n > 5 else "")
    return [
        rng.choice(
            [
                f"‹ 上一页 {pages} 下一页 ›",
                f"展开剩余{rng.randint(20, 95)}%",
                f"本文共 {n} 页",
                f"共{n}页，跳转至 页 GO",
                f"{rng.randint(n, 999)}回复贴，共{n}页  尾页",
                f"第{cur}页  下一页 >>",
                rng.choice(["—— 已经到底了 ——", "没有更多了~", "点击展开 ▼", "余下全文"]),
                f"上页 {cur} 下页",
            ]
        )
    ]


def d_related(rng: R, fam: Family) -> list[str]:
    form = rng.randrange(8)
    items = []
    for i in range(rng.randint(3, 8)):
        h = d_headline(rng)
        items.append(
            [
                f"• {h}",
                f"{h}  {d_site(rng)} · {rng.randint(0, 9999)}评论",
                f"[{rng.choice(D_CHANNELS)}] {h}",
                f"Top{i + 1}  {h}",
                f"{h}  {d_count(rng)}阅读",
                f"{h}_{d_site(rng)}",
                f"{h}  {d_ago(rng)}",
                f"{rng.choice(D.keywords_a)}{rng.choice(D.keywords_b)}  {rng.randint(1, 99)}个回答",
            ][form]
        )
    heads = [
        "相关推荐",
        "精彩推荐",
        "看过本文的人还看了",
        "更多精彩内容",
        "你可能还喜欢",
        "大家都在问",
        "大家还在搜",
        "本周热榜",
        "相关问题",
        "热门文章 >",
        None,
    ]
    head = rng.choice(heads)
    return ([head] if head else []) + items


def d_comments(rng: R, fam: Family) -> list[str]:
    k = rng.randint(2, 5)
    lines = rng.choice(
        [
            ["热门评论", "按热度 | 按时间"],
            [f"{k} 条评论  默认  最新"],
            ["写评论…", "发布评论"],
            [f"跟贴 {rng.randint(k, 9999)}  参与 {rng.randint(k, 99999)}"],
            ["全部回复", "还可以输入500字"],
            [f"评论区（{k}）", "友善是交流的起点"],
            ["精彩评论", "评论将在审核后显示"],
        ]
    )
    form, dates, buttons = rng.randrange(8), rng.randrange(3), rng.randrange(5)
    for _ in range(k):
        lines += d_avatar(rng, fam, form, dates)
        reply = rng.choice(fam.praise)
        lines.append(reply if rng.random() < 0.75 else f"回复 @{d_user(rng)}：{reply}")
        if rng.random() < 0.6:
            a, b = rng.randint(1, 999), rng.randint(1, 30)
            lines.append(
                [
                    f"回复 · 赞 {a}",
                    f"♡ {a}  回复",
                    f"👍{a}  💬{b}",
                    f"展开{b}条回复",
                    f"点赞（{a}） | 回复 | 举报",
                ][buttons]
            )
    if rng.random() < 0.5:
        lines.append(rng.choice(["查看更多评论 ∨", "— 没有更多评论了 —", "打开APP查看全部评论", "加载中..."]))
    return lines


def d_keywords(rng: R, fam: Family) -> list[str]:
    prefix = rng.choice(["", "", "热门标签：", "大家还在搜：", "热搜词：", "TAG标签：", "相关标签："])
    return [prefix + keywords(rng, fam)[0]]


def d_tags(rng: R, fam: Family) -> list[str]:
    words = [rng.choice(D.keywords_a) + rng.choice(D.keywords_b) for _ in range(rng.randint(2, 5))]
    return [
        rng.choice(
            [
                f"分类专栏： {rng.choice(D_CHANNELS)}  文章标签： " + " ".join(words),
                "相关话题：" + "  ".join(words),
                f"收录于合集 #{words[0]} {rng.randint(2, 99)}个",
                "TAGS：" + " / ".join(words),
                f"问题分类：{rng.choice(D_CHANNELS)} > " + words[0],
                " ".join(f"#{w}" for w in words),
                "📌 " + "｜".join(words),
            ]
        )
    ]


def d_breadcrumb(rng: R, fam: Family) -> list[str]:
    chan, sub = rng.choice(D_CHANNELS), rng.choice(D_SUBS)
    return [
        rng.choice(
            [
                f"首页 » {chan} » {sub}",
                f"所在位置：{d_site(rng)}首页 ＞ {chan} ＞ {sub}",
                f"{d_site(rng)}首页 - {chan} - 正文",
                f"百度知道 › {chan} › {sub}",
                f"{d_site(rng)} » {rng.choice(D_BOARDS)} » 查看帖子",
                f"当前栏目：{chan}",
                f"导航：首页 | {chan} | {sub}",
                f"{rng.choice(D_CITIES)}法律咨询 ＞ {chan} ＞ {rng.choice(D.keywords_a)}",
            ]
        )
    ]


def d_toolbar(rng: R, fam: Family) -> list[str]:
    bars = [
        "👍 点赞  ⭐ 收藏  ↗ 分享  ⚠ 举报",
        "好文要顶 关注我 收藏该文 微信分享",
        "【背景色：□ □ □ □】 【A- A+】",
        "复制链接 | 生成海报 | 分享到微博",
        "🔊 听全文",
        "微信扫一扫：分享",
        "↑ 返回顶部",
        "打开微信“扫一扫”，打开网页后点击屏幕右上角分享按钮",
        "举报/反馈",
    ]
    return one_or_two(rng, bars)


def d_prevnext(rng: R, fam: Family) -> list[str]:
    prev, nxt, none = rng.choice(
        [
            ("« 上一篇： ", "» 下一篇： ", "已是第一篇"),
            ("上一篇文章：", "下一篇文章：", "无"),
            ("← ", "→ ", "已是最后一篇"),
            ("上篇：", "下篇：", "没有了"),
            ("前一篇：", "后一篇：", "暂无"),
        ]
    )
    return prev_next(rng, prev, nxt, none, d_headline)


def d_footer(rng: R, fam: Family) -> list[str]:
    site_name, city = d_site(rng), rng.choice(D_CITIES)
    abbr, y = rng.choice(D_ABBR), rng.randint(2015, 2024)
    lines = [
        f"© {y} {site_name}  {abbr}ICP证{rng.randint(10**5, 10**6 - 1)}号",
        f"增值电信业务经营许可证：{abbr}B2-{rng.randint(2008, 2023)}{rng.randint(1000, 9999)}",
        f"{city}市人民政府网站  网站标识码：{rng.randint(10**9, 10**10 - 1)}  政府网站找错",
        "违法和不良信息举报电话：12377  举报邮箱：jubao@12377.cn",
        "关于我们 · 联系方式 · 用户协议 · 隐私政策 · 意见反馈",
        "建议使用IE9以上版本浏览器，分辨率1366×768",
        f"Powered by Discuz! X3.{rng.randint(2, 5)}  © 2001-{y} Comsenz Inc.",
        f"GMT+8, {y}-{rng.randint(1, 12)}-{rng.randint(1, 28)} {clock(rng)} ,"
        f" Processed in 0.0{rng.randint(10, 99)} second(s), {rng.randint(5, 40)} queries .",
        f"客服电话：95{rng.randint(100, 599)}  （工作日 9:00-18:00）",
        "扫码关注官方微信，获取更多资讯",
    ]
    return rng.sample(lines, rng.randint(1, 3))


def d_app_prompt(rng: R, fam: Family) -> list[str]:
    app = rng.choice(D_APPS)
    lines = [
        f"打开{app}APP，阅读体验更佳",
        "打开APP阅读全文",
        f"下载{app}客户端，随时随地看资讯",
        "登录后查看更多精彩内容",
        "App内打开",
        f"扫码下载{app}App",
        "登录后即可查看完整答案 >",
        f"{app}  打开App  ×",
        "继续浏览内容请先登录",
    ]
    return one_or_two(rng, lines)


def d_qa(rng: R, fam: Family) -> list[str]:
    lawyer = rng.choice(fam.surnames) + rng.choice(fam.given)
    k = rng.randint(1, 30)
    lines = [
        rng.choice(["已解决", "问题已解决", "待解决", "已采纳"]),
        rng.choice(["满意答案", "最佳答案", "推荐答案", "律师回复"]),
        rng.choice([f"本回答由 {lawyer}律师 提供", "本回答被提问者采纳", "本回答被网友采纳"]),
        f"{lawyer}律师  执业{rng.randint(2, 25)}年  已帮助{rng.randint(100, 99999)}人",
        rng.choice(["咨询律师", "在线咨询  电话咨询", "免费咨询 >"]),
        f"其他回答（{k}）",
        f"{rng.randint(1, 999)}人觉得有用",
    ]
    return rng.sample(lines, rng.randint(1, 2))


def d_statement(rng: R, fam: Family) -> list[str]:
    platform, user_name = rng.choice(D_PLATFORMS), d_user(rng)
    handle = rng.choice([f"weixin_{rng.randint(10**8, 10**9 - 1)}", f"qq_{rng.randint(10**7, 10**8 - 1)}"])
    lines = [
        "版权声明：本文为博主原创文章，遵循 CC 4.0 BY-SA 版权协议，转载请附上原文出处链接和本声明。",
        f"本文链接：https://blog.{rng.choice(['csdn', 'kayou', 'fazhi'])}.net/{handle}/article/details/"
        f"{rng.randint(10**8, 10**9 - 1)}",
        "著作权归作者所有。商业转载请联系作者获得授权，非商业转载请注明出处。",
        f"© 本文版权归作者 {user_name} 所有，任何形式转载请联系作者。",
        "免责声明：本文仅代表作者个人观点，与本站无关，请读者仅作参考，并请自行核实相关内容。",
        f"特别声明：以上内容(如有图片或视频亦包括在内)为自媒体平台“{platform}”用户上传并发布，"
        "本平台仅提供信息存储服务。",
        f"声明：本文由入驻{platform}的作者撰写，观点仅代表作者本人，不代表{platform}立场。",
        "风险提示：市场有风险，投资需谨慎。本文不构成任何投资建议。",
        "以上回答仅供参考，具体请以当地法院判决为准。",
        f"（本文来源：{d_site(rng)}，如有侵权请联系删除）",
    ]
    return [rng.choice(lines)]


# family D's kinds: those of C, in the same places, and three more
KINDS_D: dict[str, tuple[Gen, tuple[str, ...]]] = {
    "welcome": (d_welcome, (TOP, TAIL)),
    "dateline": (d_dateline, (TOP, MID)),
    "post_meta": (d_post_meta, (MID, TAIL)),
    "avatar": (d_avatar, (MID,)),
    "pagination": (d_pagination, (TOP, TAIL)),
    "related": (d_related, (TAIL,)),
    "comments": (d_comments, (TAIL,)),
    "keywords": (d_keywords, (TOP, MID, TAIL)),
    "breadcrumb": (d_breadcrumb, (TOP,)),
    "toolbar": (d_toolbar, (MID, TAIL)),
    "tags": (d_tags, (MID, TAIL)),
    "prevnext": (d_prevnext, (TAIL,)),
    "footer": (d_footer, (TAIL,)),
    "app_prompt": (d_app_prompt, (TOP, TAIL)),
    "qa": (d_qa, (MID, TAIL)),
    "statement": (d_statement, (TAIL,)),
}
TEMPLATE_KINDS_D = (*TEMPLATE_KINDS_C, "app_prompt")

# --- family E: a fifth set of phrasings, written blind --------------------
#
# Written, as C and D were, by someone who had not seen the cleaner's rules,
# from what yet other sites print around an article: news portals (凤凰网,
# 澎湃, 界面, 第一财经), 雪球 and 东方财富股吧 posts, 什么值得买, card forums
# (我爱卡) and loan portals (融360, 卡宝宝), legal Q&A sites (律图, 找法网,
# 华律网, 法律快车), 12315 and 信访 style government service pages, 知乎
# answers, 微博 long posts, B站 专栏, 抖音 and 快手 图文 mirrors, 悟空问答,
# 天涯 archives, app-store download bars, and university and hospital news
# pages. It has D's kinds in D's places.

E = Family(
    surnames="贾丁薛阎余崔卢严史傅侯白孟雷钱汤尹",
    given="子梓萱晴嘉佳昊然俊哲逸航诗颖彤岚",
    site_heads=("钱江", "津门", "榕城", "锦官", "龙城", "椰城", "金陵", "江城"),
    site_tails=("商报", "快讯", "融媒", "贷款网", "卡论坛", "律师网", "理财圈", "健康网"),
    provinces=(
        "湖北",
        "福建",
        "陕西",
        "山东",
        "安徽",
        "辽宁",
        "中国香港",
        "中国台湾",
        "美国",
        "日本",
        "新加坡",
        "加拿大",
    ),
    nick_words=(
        "低吸高抛",
        "躺平的猫",
        "西瓜味的夏天",
        "不想上班鸭",
        "北漂打工人",
        "奶茶续命",
        "潜水员老K",
        "大道至简",
        "一只猹",
        "葱姜蒜",
        "Yuki_0523",
        "JasonW",
        "月光族本族",
        "理财小白兔",
    ),
    headline_subjects=(
        "A股",
        "沪指",
        "北上资金",
        "美联储",
        "两部门",
        "头部券商",
        "理财子公司",
        "多所高校",
        "三甲医院",
        "双11",
    ),
    headline_events=(
        "放出大招",
        "收涨逾1%",
        "迎重磅利好",
        "官宣降息",
        "发布联合通知",
        "被罚千万",
        "调整起购金额",
        "上演抢人大战",
    ),
    keywords_a=("信用卡提额", "消费贷", "装修贷", "大额存单", "基金定投", "可转债", "信用贷款", "银行卡年费"),
    keywords_b=("秒批", "避坑指南", "实测", "申请入口", "下款快", "利率对比", "额度高", "哪个好", "24年"),
    keyword_seps=(" ▏ ", "·", " / ", "▕", " + "),
    praise=(
        "学到了学到了",
        "已阅，涨知识了",
        "转给我爸妈看了",
        "说到心坎里了",
        "这篇真的良心",
        "收藏从未停止，学习从未开始",
        "插眼",
        "+1，同求",
        "大佬牛啤",
        "火钳刘明",
        "好文，点赞👍",
        "看完了，受益匪浅",
        "UP主yyds",
        "慢慢看，先赞再说",
    ),
)

E_CITIES = ("无锡", "嘉兴", "泉州", "汕头", "珠海", "芜湖", "九江", "大理", "桂林", "烟台")
E_ABBR = ("京", "沪", "闽", "陕", "辽", "滇", "鄂", "鲁", "豫")
E_PORTALS = (
    "凤凰网",
    "澎湃新闻",
    "界面新闻",
    "第一财经",
    "雪球",
    "东方财富网",
    "什么值得买",
    "我爱卡",
    "融360",
    "卡宝宝",
    "律图",
    "找法网",
    "华律网",
    "法律快车",
    "微博",
    "哔哩哔哩",
    "天涯社区",
    "悟空问答",
)
E_APPS = (
    "凤凰新闻",
    "澎湃新闻",
    "界面新闻",
    "第一财经",
    "雪球",
    "东方财富",
    "什么值得买",
    "我爱卡",
    "融360",
    "微博",
    "哔哩哔哩",
    "抖音",
    "快手",
)
E_LEGAL = ("律图", "找法网", "华律网", "法律快车")
E_CHANNELS = (
    "宏观",
    "A股",
    "基金",
    "银行卡",
    "小额贷款",
    "法律知识",
    "婚姻家庭",
    "劳动工伤",
    "校园新闻",
    "医院动态",
    "好价",
    "原创",
    "投资日记",
)
E_SUBS = ("详情页", "内容页", "帖子详情", "回答详情", "正文页", "全文")
E_DEPTS = ("市场监督管理局", "信访局", "12345热线办公室", "卫生健康委员会", "教育局")
E_STOCKS = (
    ("贵州茅台", "SH600519"),
    ("宁德时代", "SZ300750"),
    ("比亚迪", "SZ002594"),
    ("中国平安", "SH601318"),
    ("长江电力", "SH600900"),
    ("东方财富", "SZ300059"),
)
E_PHONES = (
    "iPhone 14 Pro Max",
    "HUAWEI Mate 60 Pro",
    "小米13 Ultra",
    "OPPO Find X6",
    "vivo X90",
    "微博网页版",
)
E_BIOS = (
    "持牌金融从业者",
    "执业律师 / 专注民商事",
    "在读研究生",
    "银行柜员，业余写写东西",
    "注册会计师",
    "互联网打工人",
    "三甲医院医生",
)
E_MEDALS = ("干杯", "财经UP", "小电视", "熬夜冠军")
E_FIRMS = ("德恒", "盈科", "大成", "金杜", "中伦", "君合")
E_QUESTIONS = (
    "信用卡晚还一天算不算逾期",
    "网贷逾期三个月会被起诉吗",
    "征信花了多久能养好",
    "停息挂账好申请吗",
    "最低还款到底有什么坏处",
    "分期手续费能退吗",
)
E_CAMPUS = (
    ("大学", ("举行2024届毕业典礼", "获批国家级一流专业", "召开教职工代表大会")),
    ("市第一人民医院", ("开展义诊进社区活动", "成功完成首例机器人手术", "召开职工代表大会")),
)
E_CN_DIGITS = "〇一二三四五六七八九"
E_LUNAR_MONTHS = tuple("正月 二月 三月 四月 五月 六月 七月 八月 九月 十月 冬月 腊月".split())
E_ALNUM = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"


def e_site(rng: R) -> str:
    city = rng.choice(E_CITIES)
    return rng.choice(
        [
            rng.choice(E_PORTALS),
            rng.choice(E.site_heads) + rng.choice(E.site_tails),
            f"{city}大学",
            f"{city}市第一人民医院",
            f"{city}市{rng.choice(E_DEPTS)}",
            rng.choice(E_PORTALS),
        ]
    )


def e_user(rng: R) -> str:
    return rng.choice(
        [
            rng.choice(E.nick_words),
            "股友" + "".join(rng.choice(E_ALNUM) for _ in range(6)),
            f"值友{rng.randint(10**9, 10**10 - 1)}",
            f"bili_{rng.randint(10**7, 10**8 - 1)}",
            f"{rng.choice(E.nick_words)}呀",
            "凤凰网友",
        ]
    )


def e_clock(rng: R) -> str:
    return f"{rng.randint(0, 23)}:{rng.randint(0, 59):02d}"


def e_cn_number(n: int) -> str:
    if n <= 10:
        return "十" if n == 10 else E_CN_DIGITS[n]
    tens, ones = divmod(n, 10)
    return ("十" if tens == 1 else E_CN_DIGITS[tens] + "十") + (E_CN_DIGITS[ones] if ones else "")


def e_date(rng: R, form: int | None = None) -> str:
    y, m, d = rng.randint(2009, 2024), rng.randint(1, 12), rng.randint(1, 28)
    forms = [
        f"{m:02d}/{d:02d}/{y}",
        f"{y % 100:02d}-{m:02d}-{d:02d}",
        f"{y} 年 {m} 月 {d} 日",
        "".join(E_CN_DIGITS[int(c)] for c in str(y)) + f"年{e_cn_number(m)}月{e_cn_number(d)}日",
        f"{y}．{m:02d}．{d:02d}",
    ]
    # the date in Chinese numerals is printed only where a page gives a 成文日期
    return forms[form] if form is not None else rng.choice(forms[:3] + forms[4:])


def e_short(rng: R, form: int | None = None) -> str:
    m, d = rng.randint(1, 12), rng.randint(1, 28)
    forms = [f"{m}月{d}日 {e_clock(rng)}", f"{m}-{d} {e_clock(rng)}", f"{m}.{d}"]
    return forms[form] if form is not None else rng.choice(forms)


def e_ago(rng: R) -> str:
    return rng.choice(
        [
            "几秒前",
            f"约 {rng.randint(1, 23)} 小时前",
            f"昨晚 {rng.randint(19, 23)}:{rng.randint(0, 59):02d}",
            f"凌晨 {rng.randint(0, 5)}:{rng.randint(0, 59):02d}",
            f"{rng.randint(1, 11)}个多月前",
            "去年",
        ]
    )


def e_count(rng: R) -> str:
    n = rng.randint(10_000, 999_999)
    return rng.choice([f"{n / 10000:.1f}w", f"{n / 10000:.1f}W", "10w+", "99+", str(rng.randint(1, 99))])


def e_headline(rng: R) -> str:
    subject, event = rng.choice(E.headline_subjects), rng.choice(E.headline_events)
    place, events = rng.choice(E_CAMPUS)
    return rng.choice(
        [
            f"{subject}{event}",
            f"{subject}{event}！{rng.choice(['附最新解读', '影响几何', '一图看懂', '你怎么看'])}",
            rng.choice(E_QUESTIONS) + rng.choice(["", "？律师这样说", "（附真实案例）"]),
            f"{rng.choice(E.keywords_a)}怎么选？{rng.randint(3, 12)}款产品实测对比",
            f"{rng.choice(E_CITIES)}{place}{rng.choice(events)}",
        ]
    )


def e_welcome(rng: R, fam: Family) -> list[str]:
    city, m, d = rng.choice(E_CITIES), rng.randint(1, 12), rng.randint(1, 28)
    lunar = E_LUNAR_MONTHS[(m - 2) % 12] + rng.choice(["初三", "初九", "十五", "廿一", "廿八"])
    low = rng.randint(-5, 25)
    return [
        rng.choice(
            [
                f"{e_site(rng)} ▏ 首页 ▏ 资讯 ▏ 财经 ▏ 视频 ▏ 问答",
                f"Hello，欢迎来到{e_site(rng)}～  登录 / 注册",
                f"{m}月{d}日 农历{lunar}  ☀ {city} {low}~{low + rng.randint(4, 10)}℃",
                "雪球 ▏ 聪明的投资者都在这里",
                "什么值得买 ▏ 科学消费 认真生活",
                f"{city}大学新闻网  学校首页  信息公开  English",
                f"{city}市第一人民医院  预约挂号 ▏ 就医指南 ▏ 健康科普",
                "Sign in ▏ 注册 ▏ 简体中文 / English",
                f"{city}市{rng.choice(E_DEPTS)}  政务服务便民热线 12345",
            ]
        )
    ]


def e_dateline(rng: R, fam: Family) -> list[str]:
    city, y = rng.choice(E_CITIES), rng.randint(2009, 2024)
    code = f"1{rng.randint(10**15, 10**16 - 1)}{rng.choice('XY0123')}"
    return [
        rng.choice(
            [
                f"澎湃新闻记者 {person(rng, fam)}  实习生 {person(rng, fam)}",
                f"界面新闻记者 ▏ {person(rng, fam)}    界面新闻编辑 ▏ {person(rng, fam)}",
                f"{e_date(rng)} {e_clock(rng)} ▏ 来源：{e_site(rng)} ▏ 撰稿：{person(rng, fam)}",
                f"文字：{person(rng, fam)}　图片：{person(rng, fam)}　初审：{person(rng, fam)}"
                f"　复审：{person(rng, fam)}　终审：{person(rng, fam)}",
                f"索引号：{code}/{y}-{rng.randint(1, 99999):05d}  发布机构：{city}市{rng.choice(E_DEPTS)}"
                f"  成文日期：{e_date(rng, form=3)}",
                f"【{city}市第一人民医院】{e_date(rng)}  来源：宣传科  浏览量：{rng.randint(10, 99999)}",
                f"{e_short(rng, form=rng.randrange(2))} 来自 {rng.choice(E_PHONES)}",
                f"{person(rng, fam)}／{e_site(rng)}  {e_date(rng)}",
                f"第一财经  {e_date(rng)} {e_clock(rng)}  责编：{person(rng, fam)}",
            ]
        )
    ]


def e_post_meta(rng: R, fam: Family) -> list[str]:
    n, k = rng.randint(10, 99999), rng.randint(0, 999)
    return [
        rng.choice(
            [
                f"▲ 赞同 {rng.randint(1, 9999)} ▼  💬 {k} 条评论  ⤴ 分享  ★ 收藏  ♥ 喜欢",
                f"发布于 {e_date(rng)} {e_clock(rng)}・IP 属地{rng.choice(fam.provinces)}",
                f"{e_short(rng, form=1)} · 来自雪球  阅读 {e_count(rng)}",
                f"{e_date(rng, form=1)} {e_clock(rng)}:{rng.randint(0, 59):02d} 股吧网页版"
                f" 发布于 {rng.choice(fam.provinces)}",
                f"👍 值 {rng.randint(0, 999)}  👎 不值 {rng.randint(0, 99)}"
                f"  🔖 收藏 {k}  💭 {rng.randint(0, 99)}",
                f"cv{rng.randint(10**7, 10**8 - 1)}  {e_count(rng)}阅读 ▏ {k}喜欢 ▏ {rng.randint(0, 99)}评论",
                f"🤍 {e_count(rng)}  💭 {k}  📤 {rng.randint(0, 999)}",
                f"楼主：{e_user(rng)}  时间：{e_date(rng)} {e_clock(rng)}  点击：{n}  回复：{k}",
                f"{n}人看过 ▏ 更新于 {e_date(rng)}",
                f"转发 {e_count(rng)} ▏ 评论 {e_count(rng)} ▏ 赞 {e_count(rng)}",
            ]
        )
    ]


def e_avatar(rng: R, fam: Family, form: int | None = None, dates: int | None = None) -> list[str]:
    # a thread prints all its commenters' lines in one form, dates in one format
    dates = dates if dates is not None else rng.randrange(6)
    when = (
        f"{e_date(rng, form=(0, 1, 2, 4)[dates])} {e_clock(rng)}"
        if dates < 4
        else e_short(rng, form=0)
        if dates == 4
        else e_ago(rng)
    )
    n = rng.randint(2, 199)
    forms = [
        f"{e_user(rng)}  {when} · 来自雪球",
        f"{e_user(rng)} Ⓥ  {when} 来自 {rng.choice(E_PHONES)}",
        f"{e_user(rng)}  {rng.choice(E_BIOS)}  ＋关注",
        f"作者：{e_user(rng)}  回复日期：{when}",
        f"{e_user(rng)}  {when}  {rng.choice(['沙发', '板凳', f'{n}楼', f'#{n}'])}",
        f"{e_user(rng)}  ✦{rng.choice(E_MEDALS)} {rng.randint(1, 30)}  {when}",
        f"{e_user(rng)}  精华 {rng.randint(0, 20)}  金币 {rng.randint(0, 9999)}"
        f"  在线 {rng.randint(1, 999)} 小时",
        f"{e_user(rng)}  [{rng.choice(fam.provinces)}]  {when}",
        f"{rng.choice(fam.surnames)}{rng.choice(fam.given)}律师  {rng.choice(E_FIRMS)}"
        f"（{rng.choice(E_CITIES)}）律师事务所  {when}",
    ]
    return [forms[form] if form is not None else rng.choice(forms)]


def e_pagination(rng: R, fam: Family) -> list[str]:
    n = rng.randint(2, 12)
    cur = rng.randint(1, n)
    pages = " ".join(str(i) for i in range(1, min(n, 4) + 1)) + (f" … {n}" if n > 4 else "")
    return [
        rng.choice(
            [
                f"Prev  {pages}  Next",
                f"第 {cur}/{n} 页  ◀ ▶",
                f"|< 首页  < 上一页  {cur}  下一页 >  末页 >|",
                "继续阅读 ⌄",
                f"Page {cur} of {n}",
                f"本帖共 {n} 页，当前第 {cur} 页",
                f"共 {n * 10 + rng.randint(0, 9)} 条记录 ▏ 每页 10 条 ▏ 转到 ___ 页",
            ]
        )
    ]


def e_related(rng: R, fam: Family) -> list[str]:
    form = rng.randrange(8)
    items = []
    for i in range(rng.randint(3, 8)):
        h = e_headline(rng)
        items.append(
            [
                f"▸ {h}",
                f"{i + 1}　{h}　🔥{e_count(rng)}",
                f"{h} ({e_date(rng, form=0)})",
                f"{h} — {e_site(rng)}",
                f"问：{rng.choice(E_QUESTIONS)}  已有{rng.randint(1, 40)}位律师解答",
                f"{h}▕{e_ago(rng)}",
                f"{rng.randint(10, 99999)}  {rng.randint(0, 999)}  {h}"
                f"  {e_user(rng)}  {e_short(rng, form=1)}",
                f"#{i + 1} {h}",
            ][form]
        )
    heads = [
        "相关资讯",
        "热门资讯",
        "编辑推荐",
        "24小时热文",
        "热门问答",
        "同类问题",
        "扩展阅读",
        "全网热点",
        "Top热帖",
        "热点推荐 ▸",
        None,
    ]
    head = rng.choice(heads)
    return ([head] if head else []) + items


def e_comments(rng: R, fam: Family) -> list[str]:
    k = rng.randint(2, 5)
    n = rng.randint(k + 1, 3000)
    lines = rng.choice(
        [
            [f"评论 {e_count(rng)}", "最热 ▏ 最新"],
            ["说说你的想法…", "发送"],
            [f"讨论（{k}）", "登录后参与讨论"],
            [f"{k} 条回帖", "只看楼主  倒序看帖"],
            ["留下你的精彩评论吧", "Ctrl+Enter 发表"],
            [f"网友回复 {k} 条"],
            ["神评论", "看看大家怎么说"],
        ]
    )
    form, dates, buttons = rng.randrange(9), rng.randrange(6), rng.randrange(5)
    for _ in range(k):
        lines += e_avatar(rng, fam, form, dates)
        reply = rng.choice(fam.praise)
        lines.append(reply if rng.random() < 0.75 else f"{reply} //@{e_user(rng)}: {rng.choice(fam.praise)}")
        if rng.random() < 0.6:
            a = rng.randint(1, 999)
            lines.append(
                [
                    f"赞同 {a} ▏ 回复 ▏ 踩",
                    f"▲{a} ▼  回复",
                    f"👍🏻 {a}  👎🏻  ↩ 回复",
                    f"{a}人点赞  UP主觉得很赞",
                    f"{a} 赞 · 作者赞过",
                ][buttons]
            )
    if rng.random() < 0.5:
        lines.append(rng.choice([f"共 {n} 条回复 ›", "展开更多评论 ⌄", "部分评论已折叠", "Load more"]))
    return lines


def e_keywords(rng: R, fam: Family) -> list[str]:
    prefix = rng.choice(["", "", "搜索热词：", "热搜榜：", "猜你想搜：", "Hot：", "推荐搜索 ▸ "])
    return [prefix + keywords(rng, fam)[0]]


def e_tags(rng: R, fam: Family) -> list[str]:
    words = [rng.choice(E.keywords_a) + rng.choice(E.keywords_b) for _ in range(rng.randint(2, 5))]
    stocks = rng.sample(E_STOCKS, rng.randint(1, 3))
    return [
        rng.choice(
            [
                "标签 ▸ " + " ▏ ".join(words),
                "🏷 " + " ".join(words),
                "所属话题：" + "、".join(words),
                "本文关键字：" + " / ".join(words),
                f"文章分类：{rng.choice(E_CHANNELS)}  ⋅  标签：" + " ".join(words),
                " ".join(f"${name}({code})$" for name, code in stocks),
                f"收录于专题「{words[0]}」 共{rng.randint(2, 60)}篇",
            ]
        )
    ]


def e_breadcrumb(rng: R, fam: Family) -> list[str]:
    chan, sub = rng.choice(E_CHANNELS), rng.choice(E_SUBS)
    word = rng.choice(E.keywords_a)
    return [
        rng.choice(
            [
                f"首页 〉{chan} 〉{sub}",
                f"{e_site(rng)} ▸ {chan} ▸ {sub}",
                f"Home / {chan} / {sub}",
                f"你的位置：首页 ＞＞ {chan} ＞＞ {sub}",
                f"东方财富网 ▶ 股吧 ▶ {rng.choice(E_STOCKS)[0]}吧",
                f"{rng.choice(E_CITIES)}大学新闻网 :: {chan} :: {sub}",
                f"{rng.choice(E_LEGAL)} ▷ {chan} ▷ {word}",
                f"首页 ≫ 办事服务 ≫ {chan}",
            ]
        )
    ]


def e_toolbar(rng: R, fam: Family) -> list[str]:
    bars = [
        "分享至 ▏ 微信好友 ▏ 朋友圈 ▏ QQ ▏ 复制链接",
        "A+  A-  🖨 打印  ✕ 关闭",
        "Share ↗    Top ↑",
        "⚑ 举报   ☆ 收藏   ⤴ 转发",
        "一键三连 ▏ 投币 ▏ 收藏 ▏ 分享",
        "🔈 朗读本文   ✂ 截图分享",
        "纠错 / 打印 / 收藏 / 关闭本页",
        "TOP ⇧",
        "🔗 复制本文链接",
        "▣ 扫码在手机上查看",
    ]
    return one_or_two(rng, bars)


def e_prevnext(rng: R, fam: Family) -> list[str]:
    prev, nxt, none = rng.choice(
        [
            ("上一篇 ▏ ", "下一篇 ▏ ", "（无）"),
            ("◀ 上一条 ", "▶ 下一条 ", "—"),
            ("Prev：", "Next：", "这是第一篇"),
            ("上一个问题：", "下一个问题：", "暂无更多"),
            ("↑ 上一主题：", "↓ 下一主题：", "（无）"),
            ("上一篇新闻：", "下一篇新闻：", "已是最新"),
        ]
    )
    return prev_next(rng, prev, nxt, none, e_headline)


def e_footer(rng: R, fam: Family) -> list[str]:
    site_name, city = e_site(rng), rng.choice(E_CITIES)
    abbr, y = rng.choice(E_ABBR), rng.randint(2016, 2024)
    lines = [
        f"ICP证：{abbr}B2-{rng.randint(2005, 2023)}{rng.randint(100, 999)} ▏"
        f" 网络文化经营许可证：{abbr}网文〔{y}〕{rng.randint(1000, 9999)}-{rng.randint(100, 999)}号",
        f"互联网新闻信息服务许可证：{rng.randint(10**10, 10**11 - 1)}",
        f"Copyright ©{y} {site_name}. All Rights Reserved.",
        f"地址：{city}市{rng.choice(['学府', '人民', '解放', '滨江'])}路{rng.randint(1, 999)}号"
        f"  邮编：{rng.randint(100000, 799999)}",
        f"预约电话：0{rng.randint(510, 899)}-{rng.randint(2000000, 8999999)}  急诊 24 小时开放",
        "网站地图 ▏ 关于我们 ▏ 加入我们 ▏ 商务合作 ▏ 友情链接",
        "网上有害信息举报专区 ▏ 中国互联网联合辟谣平台",
        f"{abbr}公网安备{rng.randint(10**13, 10**14 - 1)}号 ▏ {abbr}ICP备{rng.randint(10**7, 10**8 - 1)}号",
        f"技术支持：{city}{rng.choice(['云智', '华数', '易通'])}网络科技有限公司",
        f"© 1999-{y} Tianya.cn 天涯社区",
    ]
    return rng.sample(lines, rng.randint(1, 3))


def e_app_prompt(rng: R, fam: Family) -> list[str]:
    app = rng.choice(E_APPS)
    lines = [
        f"{app}  ★★★★☆ 4.{rng.randint(5, 9)}  免费下载",
        "在 App Store 下载",
        "打开App，查看更多高清图片",
        f"App内查看剩余{rng.randint(20, 80)}%内容",
        "下载App 领取新人福利 ›",
        "抖音 记录美好生活  打开看看",
        "在快手App中打开",
        "哔哩哔哩 (゜-゜)つロ 干杯~  打开App",
        f"用{app}App阅读，体验更流畅",
    ]
    return one_or_two(rng, lines)


def e_qa(rng: R, fam: Family) -> list[str]:
    lawyer = rng.choice(fam.surnames) + rng.choice(fam.given)
    n = rng.randint(1, 40)
    lines = [
        rng.choice(["已回答", "律师已解答", "已完结", "提问者已确认"]),
        rng.choice(["律师解答", "精选回答", "高赞回答", "优质回答"]),
        f"{lawyer}律师 ▏ {rng.choice(E_FIRMS)}（{rng.choice(E_CITIES)}）律师事务所"
        f" ▏ 好评率 {rng.randint(90, 100)}%",
        f"共 {n} 位律师回复",
        f"查看全部 {n} 个回答 ›",
        rng.choice(["我也要提问", "向律师提问 ›", "写回答", "等你来答"]),
        f"{n} 个回答 ▏ {rng.randint(n, 9999)} 人关注",
        f"{rng.choice(E_LEGAL)}网友 {rng.choice(fam.provinces)}  提问于 {e_date(rng)}",
    ]
    return rng.sample(lines, rng.randint(1, 2))


def e_statement(rng: R, fam: Family) -> list[str]:
    lines = [
        "特别声明：本文为澎湃号作者或机构在澎湃新闻上传并发布，仅代表该作者或机构观点，"
        "不代表澎湃新闻的观点或立场，澎湃新闻仅提供信息发布平台。",
        "特别声明：以上作品内容(包括在内的视频、图片或音频)为凤凰网旗下自媒体平台“大风号”用户上传并发布，"
        "本平台仅提供信息存储空间服务。",
        "Notice: The content above (including the videos, pictures and audios if any) is uploaded and "
        "posted by the user of Dafeng Hao, which is a social media platform and merely provides "
        "information storage space services.",
        "风险提示：本文所提到的观点仅代表个人的意见，所涉及标的不作推荐，据此买卖，风险自负。",
        "此内容为第一财经原创，著作权归第一财经所有。未经第一财经书面授权，不得以任何方式加以使用，"
        "包括转载、摘编、复制或建立镜像。",
        "未经正式授权严禁转载本文，侵权必究。",
        "本文为我原创 ▏ 本文禁止转载或摘编",
        "作者声明本文无利益相关，欢迎值友理性交流，和谐讨论～",
        f"本网站所有内容版权归{rng.choice(E_CITIES)}大学所有，转载请注明出处",
        f"原文发布于{rng.choice(E_PORTALS)}，转载请联系作者",
    ]
    return [rng.choice(lines)]


# family E's kinds: those of D, in the same places
KINDS_E: dict[str, tuple[Gen, tuple[str, ...]]] = {
    "welcome": (e_welcome, (TOP, TAIL)),
    "dateline": (e_dateline, (TOP, MID)),
    "post_meta": (e_post_meta, (MID, TAIL)),
    "avatar": (e_avatar, (MID,)),
    "pagination": (e_pagination, (TOP, TAIL)),
    "related": (e_related, (TAIL,)),
    "comments": (e_comments, (TAIL,)),
    "keywords": (e_keywords, (TOP, MID, TAIL)),
    "breadcrumb": (e_breadcrumb, (TOP,)),
    "toolbar": (e_toolbar, (MID, TAIL)),
    "tags": (e_tags, (MID, TAIL)),
    "prevnext": (e_prevnext, (TAIL,)),
    "footer": (e_footer, (TAIL,)),
    "app_prompt": (e_app_prompt, (TOP, TAIL)),
    "qa": (e_qa, (MID, TAIL)),
    "statement": (e_statement, (TAIL,)),
}
TEMPLATE_KINDS_E = TEMPLATE_KINDS_D


# --- family F: a sixth set of phrasings, written blind --------------------
#
# Written, as C, D and E were, by someone who had not seen the cleaner's
# rules, from what still other sites print around an article: 人民网, 新华网,
# 央视网 and provincial news portals, 今日头条 and 网易新闻 mirrors, 百度贴吧
# and 豆瓣小组 threads, 知乎 columns, 小红书 notes, 微信公众号 reprints, 闲鱼
# and 淘宝 问大家, 黑猫投诉 and 聚投诉 complaint pages, bank and consumer
# finance company sites (招联, 马上消费), court sites (人民法院公告网, 12368),
# 裁判文书 mirrors, 百科 pages, Discuz! X3 and phpBB boards, WordPress blogs,
# PDF-to-HTML page markers, and Hong Kong and Taiwan sites in traditional
# characters. It has E's kinds in E's places.

F = Family(
    surnames="黎常武乔赖龚庞樊殷施陶洪翟倪温季俞章葛韦聂焦邢岳梅莫庄",
    given="淑慧莉德福立永海云飞鑫振亮雯蕾晓雅婧洁蓉荣坤昕睿泽铭",
    site_heads=("三秦", "八闽", "天府", "潇湘", "岭南", "塞上", "陇原", "黄河"),
    site_tails=("百事通", "法治在线", "消费维权网", "新闻客户端", "生活圈", "手机报", "信用网", "茶馆"),
    provinces=(
        "广东",
        "河南",
        "黑龙江",
        "中国澳门",
        "香港特别行政区",
        "英国",
        "澳大利亚",
        "马来西亚",
        "韩国",
        "泰国",
        "未知",
    ),
    nick_words=(
        "一颗卤蛋",
        "不会游泳的鱼",
        "上岸第一剑",
        "债务清零ing",
        "晚风与你",
        "芋泥波波",
        "今天也要早睡",
        "冷静的土豆",
        "打工魂",
        "橙子不酸",
        "吃瓜群众甲",
        "CC_Lin",
        "moonlight_07",
        "还款倒计时",
        "阿樂仔",
        "小確幸",
    ),
    headline_subjects=(
        "人民银行",
        "商务部",
        "人社部",
        "国家外汇局",
        "中消协",
        "多家消费金融公司",
        "香港金管局",
        "台湾金管会",
        "某股份制银行",
        "最高检",
    ),
    headline_events=(
        "开出年内最大罚单",
        "发布消费提示",
        "启动专项清理",
        "公布一季度投诉数据",
        "下线高息产品",
        "发布2023年年报",
        "约谈平台企业",
        "出手整治暴力催收",
    ),
    keywords_a=(
        "协商还款",
        "个性化分期",
        "延期还款",
        "征信异议",
        "招联逾期",
        "马上消费金融",
        "借款合同纠纷",
        "支付令",
    ),
    keywords_b=(
        "申请书范本",
        "话术",
        "成功案例",
        "客服电话多少",
        "官方渠道",
        "新规",
        "流程图",
        "免费模板",
        "会怎样",
    ),
    keyword_seps=("・", " • ", "┃", "～", "\t", "　　", " ‖ "),
    praise=(
        "我也是招联逾期了三个月，按文章说的打了官方电话，最后协商成功分了36期，谢谢楼主！",
        "楼主说的这个办法我试过，客服一开始不同意，后来打了好几次才给办，大家一定要坚持。",
        "顶",
        "赞",
        "同",
        "已收藏，转给我表哥了",
        "写得很详细，比网上那些乱七八糟的强多了～",
        "请问短信说要上门是真的吗？我这边已经逾期快半年了，有点慌……",
        "dd",
        "马克",
        "請問香港的情況也一樣嗎？",
        "推推，寫得很清楚，感謝分享！",
        "Like 一下",
        "楼上+1",
        "有用！🙏",
        "坐标长沙，上周刚谈下来，减免了一部分罚息，但本金还是要还的，别信那些代理的。",
    ),
)

F_CITIES = ("南通", "台州", "漳州", "揭阳", "株洲", "衡阳", "绍兴", "扬州", "淄博", "德阳")
F_DISTRICTS = ("鼓楼", "天河", "江北", "高新", "城关", "雨花", "开福", "思明")
F_ABBR = ("湘", "粤", "浙", "苏", "鲁", "闽", "川")
F_PORTALS = (
    "人民网",
    "新华网",
    "央视网",
    "大众网",
    "红网",
    "华龙网",
    "东北网",
    "北青网",
    "网易新闻",
    "今日头条",
    "百度贴吧",
    "豆瓣",
    "知乎",
    "小红书",
    "黑猫投诉",
    "聚投诉",
    "人民法院公告网",
    "自由時報",
    "聯合新聞網",
    "明報",
)
F_FIRMS = (
    "招联消费金融",
    "马上消费金融",
    "中银消费金融",
    "兴业消费金融",
    "捷信消费金融",
    "中邮消费金融",
    "海尔消费金融",
    "苏宁消费金融",
)
F_APPS = ("网易新闻", "今日头条", "小红书", "豆瓣", "百度贴吧", "知乎", "招联金融", "马上金融")
F_CHANNELS = ("财经", "法治", "社会", "消费维权", "金融", "信用卡", "债务", "生活", "民生")
F_SUBS = ("正文", "详情", "帖子", "笔记", "公告详情", "文书详情", "投诉详情")
F_BOARDS = ("负债上岸交流区", "信用卡讨论区", "网贷吐槽区", "新人报到", "水区")
F_GROUPS = ("负债者互助联盟", "消费降级小组", "还款打卡小组", "反催收交流组")
F_CAUSES = ("金融借款合同纠纷", "信用卡纠纷", "小额借款合同纠纷", "追偿权纠纷", "借款合同纠纷")
F_DEMANDS = ("协商分期", "停止催收", "退还会员费", "减免罚息", "删除不实征信")
F_PROBLEMS = ("暴力催收", "爆通讯录", "高额服务费", "强制搭售保险", "拒绝协商")
F_QUESTIONS = (
    "逾期一年了还能协商吗",
    "被起诉后还能分期吗",
    "上征信多久能消除",
    "催收说要上门是真的吗",
    "只还本金可以吗",
    "支付令收到后怎么办",
)
F_STEMS = "甲乙丙丁戊己庚辛壬癸"
F_BRANCHES = "子丑寅卯辰巳午未申酉戌亥"
F_LUNAR_MONTHS = tuple("正 二 三 四 五 六 七 八 九 十 冬 腊".split())
F_LUNAR_DAYS = ("初二", "初六", "初十", "十三", "十八", "二十", "廿五", "三十")
F_WEEK = "一二三四五六日"
F_ALNUM = "abcdefghijkmnpqrstuvwxyz0123456789"
F_FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")
F_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def f_full(text: object) -> str:
    return str(text).translate(F_FULL_WIDTH)


def f_site(rng: R) -> str:
    city = rng.choice(F_CITIES)
    return rng.choice(
        [
            rng.choice(F_PORTALS),
            rng.choice(F.site_heads) + rng.choice(F.site_tails),
            f"{city}市{rng.choice(F_DISTRICTS)}区人民法院",
            rng.choice(F_FIRMS),
            f"{rng.choice(F.nick_words)}的博客",
            rng.choice(F_PORTALS),
        ]
    )


def f_user(rng: R) -> str:
    nick = rng.choice(F.nick_words)
    return rng.choice(
        [
            nick,
            "贴吧用户_" + "".join(rng.choice(F_ALNUM) for _ in range(7)),
            f"{nick[0]}***{nick[-1]}",
            f"豆友{rng.randint(10**5, 10**9)}",
            f"{nick}{rng.choice(['🍊', '🌙', '🐱', '✨'])}",
            "".join(rng.choice(F_ALNUM[:24]) for _ in range(rng.randint(4, 8))),
            f"{rng.choice(F.surnames)}先森",
        ]
    )


def f_ganzhi(y: int) -> str:
    return F_STEMS[(y - 4) % 10] + F_BRANCHES[(y - 4) % 12]


def f_clock12(rng: R) -> str:
    h = rng.randint(0, 23)
    half = "上午" if h < 12 else "下午" if h < 18 else "晚上"
    return f"{half} {h % 12 or 12}:{rng.randint(0, 59):02d}"


def f_date(rng: R, form: int | None = None) -> str:
    y, m, d = rng.randint(2010, 2024), rng.randint(1, 12), rng.randint(1, 28)
    h, mi, s = rng.randint(0, 23), rng.randint(0, 59), rng.randint(0, 59)
    forms = [
        f"{y}.{m:02d}.{d:02d}",
        f"{y}/{m}/{d} {f_clock12(rng)}",
        f"{d:02d}-{m:02d}-{y}",
        f"{f_ganzhi(y)}年{rng.choice(F_LUNAR_MONTHS)}月{rng.choice(F_LUNAR_DAYS)}",
        f"{f_full(y)}年{f_full(m)}月{f_full(d)}日",
        f"民國{y - 1911}年{m}月{d}日",
        f"{y}-{m:02d}-{d:02d}T{h:02d}:{mi:02d}:{s:02d}+08:00",
        f"{F_MONTHS[m - 1]} {d}, {y}",
    ]
    # the sexagenary year is printed only on a banner
    return forms[form] if form is not None else rng.choice(forms[:3] + forms[4:])


def f_ago(rng: R) -> str:
    return rng.choice(
        [
            "剛剛",
            f"{rng.randint(1, 23)} 小時前",
            f"{rng.randint(2, 59)} mins ago",
            f"{rng.randint(1, 6)}天前更新",
            f"今天 {f_clock12(rng)}",
            "前几天",
            f"{rng.randint(1, 9)} hr",
        ]
    )


def f_count(rng: R) -> str:
    n = rng.randint(100, 999_999)
    return rng.choice(
        [
            f"{n / 1000:.1f}k",
            str(n),
            f"{n / 10000:.1f}萬",
            "10萬+",
            f"{n:,}",
            f_full(rng.randint(1, 999)),
            f"{n / 1000:.1f}K",
        ]
    )


def f_case_number(rng: R) -> str:
    y = rng.randint(2015, 2024)
    return f"（{y}）{rng.choice(F_ABBR)}{rng.randint(100, 9999):04d}民初{rng.randint(1, 39999)}号"


def f_headline(rng: R) -> str:
    subject, event = rng.choice(F.headline_subjects), rng.choice(F.headline_events)
    firm = rng.choice(F_FIRMS)
    return rng.choice(
        [
            f"{subject}{event}",
            f"{subject}{event}（组图）",
            f"{firm}：{rng.choice(F_PROBLEMS)}，要求{rng.choice(F_DEMANDS)}",
            f"{firm}与{rng.choice(F.surnames)}某某{rng.choice(F_CAUSES)}一审民事判决书",
            rng.choice(F_QUESTIONS) + rng.choice(["？", "？｜过来人的真心话", "？在线等，挺急的"]),
            f"「{rng.choice(F.keywords_a)}」怎麼辦？律師教你{rng.randint(3, 7)}招",
            f"💰{rng.choice(F.keywords_a)}｜亲测有效的{rng.randint(3, 9)}个方法",
        ]
    )


def f_welcome(rng: R, fam: Family) -> list[str]:
    y, m, d = rng.randint(2010, 2024), rng.randint(1, 12), rng.randint(1, 28)
    week = F_WEEK[datetime.date(y, m, d).weekday()]
    site_name, blog = f_site(rng), f"{rng.choice(F.nick_words)}的博客"
    return [
        rng.choice(
            [
                "人民网首页 ┃ 手机人民网 ┃ 人民日报 ┃ English ┃ 繁體",
                "新华网 ‖ 新华社主办 ‖ 客户端 ‖ 登录",
                "央视网 ┃ 首页 ┃ 新闻 ┃ 视频 ┃ 直播 ┃ 登录",
                "Login  Register  繁體中文  More ▾",
                "亲，请登录  免费注册  ┃  淘宝网首页  我的淘宝  购物车0  收藏夹",
                "贴吧首页 ┃ 进吧 ┃ 会员 ┃ 登录 ┃ 注册",
                "设为首页收藏本站  切换到窄版  请 登录 后使用快捷导航  没有帐号？立即注册",
                "常见问题 • 登录 • 注册",
                f"{blog} — 又一个WordPress站点",
                "主頁 ‧ 新聞 ‧ 財經 ‧ 登入 ‧ 简体 / 繁體",
                f"微信号：{rng.choice(['fzsh', 'xfwq', 'zxtx'])}{rng.randint(100, 9999)}"
                f"  功能介绍：{rng.choice(['分享债务协商干货', '为你解读每一条金融新规'])}",
                f"{y}年{m}月{d}日 星期{week}　农历{f_date(rng, form=3)}",
                f"{site_name}　　在线客服 ▪ 消费者权益保护 ▪ 信息披露",
                "人民法院公告网 ‖ 最高人民法院主办 ‖ 公告查询 ‖ 刊登须知",
                "诉讼服务热线 12368 ┃ 网上立案 ┃ 案件查询 ┃ 联系法官",
            ]
        )
    ]


def f_dateline(rng: R, fam: Family) -> list[str]:
    y, m, d = rng.randint(2010, 2024), rng.randint(1, 12), rng.randint(1, 28)
    court = f"{rng.choice(F_CITIES)}市{rng.choice(F_DISTRICTS)}区人民法院"
    return [
        rng.choice(
            [
                f"《 人民日报 》（ {y}年{m:02d}月{d:02d}日   第 {rng.randint(1, 24):02d} 版）",
                f"来源：央视网 ┃ {f_date(rng, form=0)} {rng.randint(0, 23):02d}:{rng.randint(0, 59):02d} ┃",
                f"编辑：{person(rng, fam)} ‖ 审核：{person(rng, fam)} ‖ {f_date(rng, form=1)}",
                f"原创{y}-{m:02d}-{d:02d} {rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}·{f_site(rng)}",
                f"以下文章来源于{rng.choice(F_FIRMS)} ，作者{rng.choice(['小招', '马小消', '法务君'])}",
                f"审理法院：{court}  案号：{f_case_number(rng)}  裁判日期：{f_date(rng, form=0)}"
                f"  案由：{rng.choice(F_CAUSES)}",
                f"公告类型：起诉状副本及开庭传票  刊登日期：{y}-{m:02d}-{d:02d}  刊登版面：官网",
                f"{rng.randint(2, 90)}次历史版本 ┃ 最近更新：{f_user(rng)}（{y}-{m:02d}-{d:02d}）",
                f"{f_date(rng, form=2)} {rng.randint(0, 23):02d}:{rng.randint(0, 59):02d} HKT ・ 明報財經",
                f"{y}/{m:02d}/{d:02d} {rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}"
                f" ・ 記者{person(rng, fam)}／台北報導",
                f"由 admin 发布于 {f_date(rng)} ┃ 分类：未分类 ┃ {rng.randint(0, 40)} 条评论",
                f"Posted on {f_date(rng, form=7)} by {rng.choice(['admin', 'editor', 'wpuser'])}",
                f"{f_date(rng, form=0)} ▪ 阅读 {f_count(rng)} ▪ 分享",
                f"发布时间：{f_date(rng, form=4)}　　来源：{f_site(rng)}",
            ]
        )
    ]


def f_post_meta(rng: R, fam: Family) -> list[str]:
    n, k = rng.randint(10, 99999), rng.randint(0, 999)
    y, m, d = rng.randint(2010, 2024), rng.randint(1, 12), rng.randint(1, 28)
    editors = "、".join(person(rng, fam) for _ in range(rng.randint(1, 2)))
    stars = rng.randint(3, 5)
    return [
        rng.choice(
            [
                f"赞同 {rng.randint(1, 9999)} ▪ 添加评论 ▪ 分享 ▪ 喜欢 ▪ 收藏 ▪ 申请转载",
                f"阅读 {f_count(rng)} ┃ 👍 {rng.randint(0, 999)} ┃ 在看 {rng.randint(0, 99)}",
                f"编辑于 {f_ago(rng)} {rng.choice(fam.provinces)}",
                f"来自: {f_user(rng)} {y}-{m:02d}-{d:02d} {rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:"
                f"{rng.randint(0, 59):02d} {rng.choice(fam.provinces)}",
                f"[投诉编号] 17{rng.randint(10**9, 10**10 - 1)}  [投诉对象] {rng.choice(F_FIRMS)}"
                f"  [投诉要求] {rng.choice(F_DEMANDS)}  [涉诉金额] {rng.randint(500, 90000)}元",
                f"投诉编号：{rng.randint(10**7, 10**8 - 1)}  投诉时间：{f_date(rng, form=1)}"
                "  投诉进度：已回复",
                f"（责编：{editors}）",
                f"【纠错】 【责任编辑:{person(rng, fam)} 】",
                f"{f_date(rng)} · 浏览量：{n} · ↗ 分享",
                f"{n} 查看 {k} 回复  [复制链接]  电梯直达",
                f"评分：{'★' * stars}{'☆' * (5 - stars)} {rng.randint(30, 50) / 10}分"
                f"（{rng.randint(2, 9999)}人评价）",
                f"💗 {f_count(rng)}　⭐ {f_count(rng)}　💬 {k}",
                f"浏览量：{n}\t字数：{rng.randint(300, 9000)}\t预计阅读：{rng.randint(1, 20)} 分钟",
            ]
        )
    ]


def f_when(rng: R, dates: int) -> str:
    """A commenter's time: one of six formats, the same in a whole thread."""
    y, m, d = rng.randint(2010, 2024), rng.randint(1, 12), rng.randint(1, 28)
    h, mi = rng.randint(0, 23), rng.randint(0, 59)
    week = F_WEEK[datetime.date(y, m, d).weekday()]
    return [
        f"{y}/{m}/{d} {f_clock12(rng)}",
        f"{d:02d}-{m:02d}-{y} {h:02d}:{mi:02d}",
        f_ago(rng),
        f"周{week} {m}月 {d:02d}, {y} {h % 12 or 12}:{mi:02d} {'pm' if h >= 12 else 'am'}",
        f"{y - 1911}/{m:02d}/{d:02d} {h:02d}:{mi:02d}",
        f"{y}年{m}月{d}日 {f_clock12(rng).replace(' ', '')}",
    ][dates]


def f_avatar(rng: R, fam: Family, form: int | None = None, dates: int | None = None) -> list[str]:
    # a thread prints all its commenters' lines in one form, dates in one format
    when = f_when(rng, dates if dates is not None else rng.randrange(6))
    n = rng.randint(2, 199)
    forms = [
        [f"{f_user(rng)}　{when}　{rng.choice(fam.provinces)}"],
        [f"{f_user(rng)} ┃ 第{n}楼 ┃ {when}"],
        [f"{f_user(rng)}说道：", when],
        [f"由 {f_user(rng)} » {when}"],
        [
            f"{f_user(rng)}  UID {rng.randint(1000, 999999)}  主题 {rng.randint(0, 99)}"
            f"  帖子 {rng.randint(1, 9999)}  积分 {rng.randint(0, 99999)}"
        ],
        [f"#{n} {f_user(rng)} • {when}"],
        [f"{f_user(rng)} 的回答 ┃ {when}"],
        [f"{f_user(rng)}（{rng.choice(fam.provinces)}） → {when}"],
    ]
    return forms[form] if form is not None else rng.choice(forms)


def f_pagination(rng: R, fam: Family) -> list[str]:
    n = rng.randint(2, 12)
    cur = rng.randint(1, n)
    pages = " ".join(str(i) for i in range(1, min(n, 3) + 1)) + (f" … {n}" if n > 3 else "")
    return [
        rng.choice(
            [
                f"— {cur} —",
                f"－{f_full(cur)}－",
                f"‹‹ {pages} ›› 跳至 [    ] 页",
                f"[ {rng.randint(n, 300)} 篇帖子 ] • 第 {cur} 页 (共 {n} 页)",
                "← 较旧文章 ⋯ 较新文章 →",
                f"上一頁 ‖ {cur} ‖ 下一頁",
                f"第{f_full(cur)}頁／共{f_full(n)}頁",
                "More »",
                "Read more ⋯",
                f"<{cur}/{n}>",
                f"{pages}　　下一页 ▸▸",
            ]
        )
    ]


def f_related(rng: R, fam: Family) -> list[str]:
    form = rng.randrange(9)
    items = []
    for i in range(rng.randint(3, 8)):
        h = f_headline(rng)
        items.append(
            [
                f"→ {h}",
                f"{h}\t{f_date(rng, form=0)}",
                f"{h}　　{f_date(rng, form=2)}",
                f"「{h}」",
                f"{rng.choice(F_FIRMS)}：{rng.choice(F_PROBLEMS)}，要求{rng.choice(F_DEMANDS)}"
                f"  {rng.choice(['已完成', '处理中', '已回复'])}",
                f"{rng.choice(F_FIRMS)}与{person(rng, fam)}{rng.choice(F_CAUSES)}一审民事判决书"
                f"  {f_date(rng, form=0)}",
                f"{h} 💗{f_count(rng)}",
                f"No.{i + 1}　{h}",
                f"{h} ⋯ {f_user(rng)} ⋯ {f_ago(rng)}",
            ][form]
        )
    heads = [
        "相关链接",
        "延伸閱讀",
        "你可能也會喜歡",
        "推荐阅读 ◆",
        "本吧热帖",
        "小组热门话题",
        "同类投诉",
        "相关裁判文书",
        "猜你想问",
        "↓↓↓ 往期精彩 ↓↓↓",
        "More Stories",
        "编辑精选",
        None,
    ]
    head = rng.choice(heads)
    return ([head] if head else []) + items


def f_comments(rng: R, fam: Family) -> list[str]:
    k = rng.randint(2, 5)
    n = rng.randint(k + 1, 3000)
    lines = rng.choice(
        [
            ["写留言", f"作者已设置关注{rng.choice([7, 30])}天后才可留言"],
            ["添加回应 ⋯", "最赞回应"],
            ["Leave a Reply", "发表评论", "您的电子邮箱地址不会被公开。 必填项已用 * 标注"],
            ["发表回复", "发贴请遵守贴吧协议及“七条底线”"],
            ["發表評論", "請登入後留言"],
            [f"共 {k} 条评论", "爱评论的人运气都不差"],
            [f"網友推文 ({k})"],
            ["用户补充", "商家回复"],
        ]
    )
    form, dates, buttons = rng.randrange(9), rng.randrange(6), rng.randrange(7)
    for _ in range(k):
        reply = rng.choice(fam.praise)
        if form == 8:
            # a PTT thread: mark, id, reply and time on one line
            user = "".join(rng.choice(F_ALNUM[:24]) for _ in range(rng.randint(4, 10)))
            m, d, h, mi = rng.randint(1, 12), rng.randint(1, 28), rng.randint(0, 23), rng.randint(0, 59)
            stamp = f"{m:02d}/{d:02d} {h:02d}:{mi:02d}"
            lines.append(f"{rng.choice(['推', '→', '噓'])} {user}: {reply[:24]}\t{stamp}")
            continue
        lines += f_avatar(rng, fam, form, dates)
        lines.append(reply if rng.random() < 0.75 else f"回复 {f_user(rng)} ： {reply}")
        if rng.random() < 0.6:
            a = rng.randint(1, 999)
            lines += [
                ["回复"],
                ["赞"],
                ["举报"],
                [f"Like {a} · Reply · Report"],
                [f"讚 {a} ‧ 回覆"],
                [f"{a}  回应"],
                [f"👍 {a}", "回复"],
            ][buttons]
    if rng.random() < 0.5:
        lines.append(
            rng.choice([f"查看全部 {n} 条留言 →", "More comments ⋯", "已显示全部评论", "展開更多留言 ▾"])
        )
    return lines


def f_keywords(rng: R, fam: Family) -> list[str]:
    prefix = rng.choice(["", "", "熱門關鍵字：", "站内热搜 » ", "热门关键词 ▪ ", "Trending → ", "搜索推荐："])
    return [prefix + keywords(rng, fam)[0]]


def f_tags(rng: R, fam: Family) -> list[str]:
    words = [rng.choice(F.keywords_a) + rng.choice(F.keywords_b) for _ in range(rng.randint(2, 5))]
    return [
        rng.choice(
            [
                "分类目录：未分类 ┃ 标签：" + "、".join(words),
                " ".join(f"#{w}[话题]#" for w in words),
                "词条标签：" + " ， ".join(words),
                "涉及问题：" + "▪".join(words),
                "關鍵字：" + "・".join(words),
                f"案由：{rng.choice(F_CAUSES)}  关键词：" + " ".join(words),
                "Tagged: " + ", ".join(words),
                "话题 ◆ " + " ◆ ".join(words),
            ]
        )
    ]


def f_breadcrumb(rng: R, fam: Family) -> list[str]:
    chan, sub = rng.choice(F_CHANNELS), rng.choice(F_SUBS)
    return [
        rng.choice(
            [
                f"首页 ▪ {chan} ▪ {sub}",
                f"{f_site(rng)}  ‖  {chan}  ‖  {sub}",
                f"{f_site(rng)} -> 论坛 -> {rng.choice(F_BOARDS)}",
                f"论坛首页 ‹ {rng.choice(F_BOARDS)} ‹ 话题",
                f"{rng.choice(F.keywords_a)}吧 ┃ 关注：{f_count(rng)} ┃ 贴子：{f_count(rng)}",
                f"豆瓣小组 ・ {rng.choice(F_GROUPS)}",
                f"首页・民事案件・{rng.choice(F_CAUSES)}",
                f"首頁 ‧ {chan} ‧ {sub}",
                f"You are here: Home → {chan}",
                f"{f_site(rng)} ┃ {chan} ┃ {sub}",
            ]
        )
    ]


def f_toolbar(rng: R, fam: Family) -> list[str]:
    bars = [
        "微信扫一扫 关注该公众号",
        "点击“在看”，让更多人看到 ⬇",
        "星标★我们，不错过每一篇推送",
        "分享让更多人看到",
        "收藏 ┃ 分享 ┃ 淘帖 ┃ 支持 ┃ 反对",
        "发表回复 ✎  ⚙ 主题工具  🔍 搜索这个主题…",
        "列印 ┃ 電郵 ┃ 分享至 Facebook ┃ WhatsApp",
        "加入書籤 ┃ 分享到 LINE ┃ 字級 小 中 大",
        "Like ♥ ┃ Share ↗ ┃ Report ⚐",
        "▲ Back to top",
        "阅读原文",
        "⤓ 下载原文件（PDF）",
    ]
    return one_or_two(rng, bars)


def f_prevnext(rng: R, fam: Family) -> list[str]:
    prev, nxt, none = rng.choice(
        [
            ("<< 上一篇 ", "下一篇 >> ", "暂无"),
            ("上一則：", "下一則：", "沒有了"),
            ("Previous Post: ", "Next Post: ", "—"),
            ("上一篇笔记 ⋯ ", "下一篇笔记 ⋯ ", "无"),
            ("▲ 上一篇 ", "▼ 下一篇 ", "没有了"),
            ("上一条公告：", "下一条公告：", "无"),
            ("前一主题 ┃ ", "后一主题 ┃ ", "（无）"),
        ]
    )
    return prev_next(rng, prev, nxt, none, f_headline)


def f_footer(rng: R, fam: Family) -> list[str]:
    site_name, city = f_site(rng), rng.choice(F_CITIES)
    abbr, y = rng.choice(F_ABBR), rng.randint(2016, 2024)
    lines = [
        "人民日报社概况 ┃ 关于人民网 ┃ 报社招聘 ┃ 招聘英才 ┃ 广告服务 ┃ 合作加盟 ┃ 供稿服务"
        " ┃ 网站声明 ┃ 网站地图 ┃ 在线投稿 ┃ 友情链接 ┃ 联系我们",
        "人 民 网 股 份 有 限 公 司 版 权 所 有 ，未 经 书 面 授 权 禁 止 使 用",
        f"Copyright © 2000-{y} XINHUANET.com All Rights Reserved.",
        f"央视网 版权所有  京ICP证{rng.randint(10**5, 10**6 - 1)}号"
        f"  京公网安备{rng.randint(10**13, 10**14 - 1)}号",
        f"Archiver ┃ 手机版 ┃ 小黑屋 ┃ {site_name}",
        "Powered by phpBB® Forum Software © phpBB Limited",
        "所有时间均为 UTC+08:00",
        "隐私 ┃ 条款",
        "自豪地采用WordPress",
        f"{rng.choice(F_FIRMS)}股份有限公司　　{abbr}ICP备{rng.randint(10**7, 10**8 - 1)}号",
        "请理性借贷，避免逾期",
        f"主办单位：{city}市中级人民法院　技术支持：{city}{rng.choice(['天平', '法信', '智诉'])}科技",
        "私隱政策 ┃ 使用條款 ┃ 免責聲明 ┃ 聯絡我們",
        f"{f_full(abbr)}ＩＣＰ备{f_full(rng.randint(10**6, 10**7 - 1))}号",
        f"© {y} {site_name} 版權所有",
    ]
    return rng.sample(lines, rng.randint(1, 3))


def f_app_prompt(rng: R, fam: Family) -> list[str]:
    lines = [
        "网易新闻 · 各有态度 ┃ 打开",
        "小红书 · 标记我的生活 ┃ 立即打开",
        "豆瓣 ┃ 我们的精神角落 ┃ 下载豆瓣App",
        "百度贴吧 ┃ 上贴吧，找组织 ┃ 打开",
        f"招联金融App ┃ 最高可借{rng.choice([5, 10, 20])}万 ┃ 立即下载",
        "扫码下载「马上金融」App，随借随还",
        "Get it on Google Play ┃ Download on the App Store",
        "下載 App 即享更佳閱讀體驗 ›",
        "此内容仅限App内查看，请使用手机扫码",
        f"登录后可查看全部 {rng.randint(5, 500)} 条留言",
        "Login to see more　登录查看更多",
        f"用{rng.choice(F_APPS)}打开，看更多同类内容 »",
    ]
    return one_or_two(rng, lines)


def f_qa(rng: R, fam: Family) -> list[str]:
    n = rng.randint(1, 60)
    court = f"{rng.choice(F_CITIES)}市{rng.choice(F_DISTRICTS)}区人民法院"
    lines = [
        f"问大家（{n}）",
        f"{f_user(rng)}问：{rng.choice(F_QUESTIONS)}？",
        f"关注者 {rng.randint(1, 9999)}  被浏览 {rng.randint(100, 999999):,}",
        rng.choice(["邀请回答", "好问题", "关注问题 ✚"]),
        rng.choice(["商家已回复", "投诉进度：已完成", "投诉进度：处理中"]),
        f"处理满意度：{rng.choice(['★★★★☆', '★★★☆☆', '★★★★★'])}",
        f"答复单位：{court}",
        f"留言状态：已答复　答复时间：{f_date(rng, form=0)}",
        "以上答案是否解决了您的问题？ 是 否",
        "没有找到答案？联系在线客服 →",
        "最佳解答　發問者評分：5 星",
        f"共{n}个回答 ▾",
    ]
    return rng.sample(lines, rng.randint(1, 2))


def f_statement(rng: R, fam: Family) -> list[str]:
    blog = f"{rng.choice(F.nick_words)}的博客"
    lines = [
        "凡本网注明“来源：人民网”的所有作品，版权均属于人民网，"
        "未经本网授权不得转载、摘编或利用其它方式使用上述作品。",
        "声明：本文转载自网络，版权归原作者所有，如涉及作品版权问题，请及时与我们联系，我们将第一时间删除。",
        "投诉内容仅代表投诉人的个人观点与意见，并不代表21CN聚投诉认同其描述或赞同其观点。",
        "以上内容由用户上传，黑猫投诉仅提供信息存储空间服务，不代表本平台观点。",
        "贷款额度、利率及放款时间以实际审批结果为准，请根据个人能力合理贷款，理性消费，避免逾期。",
        "本文书来源于中国裁判文书网，仅供学习研究，如有侵权请联系删除。",
        "本词条由“科普中国”科学百科词条编写与应用工作项目 审核 。",
        f"转载请注明：{blog} » {f_headline(rng)}",
        "免責聲明：本網站所載資料僅供參考，並不構成任何投資建議，讀者應自行判斷並承擔風險。",
        f"【版權聲明】本文經{rng.choice(['自由時報', '聯合新聞網', '明報'])}授權轉載，未經同意不得轉載。",
        "免责声明：本站所刊载的各类文章、法律文书均来源于公开渠道，仅供参考，不构成法律意见；"
        "读者据此操作，风险自担。如对内容有异议，请来函说明，本站核实后将在三个工作日内处理。",
        "本公告自发出之日起经过三十日即视为送达。",
    ]
    return [rng.choice(lines)]


# family F's kinds: those of E, in the same places
KINDS_F: dict[str, tuple[Gen, tuple[str, ...]]] = {
    "welcome": (f_welcome, (TOP, TAIL)),
    "dateline": (f_dateline, (TOP, MID)),
    "post_meta": (f_post_meta, (MID, TAIL)),
    "avatar": (f_avatar, (MID,)),
    "pagination": (f_pagination, (TOP, TAIL)),
    "related": (f_related, (TAIL,)),
    "comments": (f_comments, (TAIL,)),
    "keywords": (f_keywords, (TOP, MID, TAIL)),
    "breadcrumb": (f_breadcrumb, (TOP,)),
    "toolbar": (f_toolbar, (MID, TAIL)),
    "tags": (f_tags, (MID, TAIL)),
    "prevnext": (f_prevnext, (TAIL,)),
    "footer": (f_footer, (TAIL,)),
    "app_prompt": (f_app_prompt, (TOP, TAIL)),
    "qa": (f_qa, (MID, TAIL)),
    "statement": (f_statement, (TAIL,)),
}
TEMPLATE_KINDS_F = TEMPLATE_KINDS_E


# --- family G: a seventh set of phrasings, written blind ------------------
#
# Written, as C to F were, by someone who had not seen the cleaner's rules,
# from what still other sites print around an article: 新浪博客 and 新浪财经,
# 腾讯新闻, 搜狐 and 一点资讯 pages, 新京报 and 光明网, V2EX, NGA and 虎扑
# threads, 掘金 posts, Hexo, Typecho and Z-Blog blogs with Valine comments,
# 维基百科, 企查查, WeChat reader chrome (预览时标签不可点, 轻触阅读原文),
# government 信息公开 and 问政 pages, 12309 procuratorate pages, card-bank
# communities (掌上生活, 买单吧), 电诉宝 and 消费保 complaint pages, paywalls,
# Discuz hidden-content walls, cookie banners, AI-summary boxes and 听文章
# toolbars. It has F's kinds in F's places.

G = Family(
    surnames="金邱秦江顾毛郝万覃鲍柯卓祝孔邵段齐康牛单",
    given="楠沐辰熙瑶彬阳旭琦茜璐帅鹤翔玮珊",
    site_heads=("西子", "甬城", "瓯越", "徽州", "滇池", "漓江", "长白", "嘉陵"),
    site_tails=("晨报", "新闻周刊", "问政平台", "知识库", "办事通", "家园网", "维权平台", "财经号"),
    provinces=(
        "浙江",
        "江苏",
        "四川",
        "重庆",
        "山东",
        "北京",
        "德国",
        "新西兰",
        "阿联酋",
        "俄罗斯",
        "荷兰",
    ),
    nick_words=(
        "陈皮不是皮",
        "晴天娃娃",
        "大橘为重",
        "加班狗",
        "海盐芝士",
        "不秃头的程序员",
        "理财搬砖工",
        "卡奴翻身记",
        "山野村夫",
        "一棵白菜",
        "walker_zz",
        "Lucky🍀",
        "kingzhao",
        "退堂鼓表演艺术家",
        "夜猫子阿宽",
    ),
    headline_subjects=(
        "国家医保局",
        "央行征信中心",
        "中国银联",
        "微信支付",
        "京东金融",
        "美团",
        "网联",
        "多地公积金中心",
        "最高人民检察院",
        "中国互金协会",
    ),
    headline_events=(
        "回应征信修复乱象",
        "官宣免收手续费",
        "升级风控规则",
        "通报一批违规APP",
        "调整个人账户限额",
        "开展反诈宣传月活动",
        "上调提取额度",
        "明起实施新办法",
    ),
    keywords_a=("白条", "美团月付", "抖音月付", "微粒贷", "京东金条", "分期乐", "安逸花", "度小满"),
    keywords_b=(
        "关闭方法",
        "怎么注销",
        "影响房贷吗",
        "一天利息多少",
        "提前还款违约金",
        "人工客服怎么转",
        "上征信吗",
        "额度突然没了",
        "协商技巧",
    ),
    keyword_seps=(" ∣ ", "┆", " ◇ ", " ● ", "〡", "；　"),
    praise=(
        "博主写得真好，已转到我的博客了",
        "感谢科普，原来如此",
        "太真实了，我就是这么被坑的😭",
        "有没有同城的，一起去金融办反映",
        "借楼问一下，逾期一周会有什么后果？",
        "一针见血",
        "博主能私信一下吗？想请教个问题",
        "去年我也遇到过一模一样的情况，打了十几次人工客服都没用，最后是打12378投诉才解决的，"
        "建议大家全程录音、保留好截图。",
        "+10086",
        "看完默默去把月付关了",
        "[抱拳][抱拳]",
        "这操作绝了[doge]",
        "顶上去，让更多人看到",
        "收藏 = 学会",
        "我在招行掌上生活上申请过，利率确实比文章里说的高一点，可能跟个人资质有关吧，仅供参考。",
        "谢谢分享 👏👏👏",
        "已私信",
        "同款经历，刚注销完",
    ),
)

G_CITIES = ("杭州", "宁波", "合肥", "昆明", "长春", "南宁", "兰州", "贵阳", "太原", "呼和浩特")
# the abbreviation of each city's province, in G_CITIES' order
G_ABBR = ("浙", "浙", "皖", "滇", "吉", "桂", "甘", "黔", "晋", "蒙")
G_PORTALS = (
    "新浪博客",
    "新浪财经",
    "腾讯新闻",
    "搜狐",
    "一点资讯",
    "新京报",
    "光明网",
    "V2EX",
    "NGA玩家社区",
    "虎扑",
    "掘金",
    "维基百科",
    "企查查",
    "电诉宝",
    "消费保",
    "掌上生活",
    "买单吧",
    "12309中国检察网",
)
G_APPS = (
    "腾讯新闻",
    "新浪新闻",
    "新浪财经",
    "一点资讯",
    "搜狐新闻",
    "虎扑",
    "掘金",
    "掌上生活",
    "买单吧",
    "云闪付",
)
G_BANKS = ("浦发银行", "民生银行", "兴业银行", "光大银行", "华夏银行", "邮储银行")
G_DEPTS = ("地方金融监督管理局", "人民检察院", "政务服务数据管理局", "人力资源和社会保障局", "司法局")
G_CHANNELS = (
    "滚动新闻",
    "信用卡",
    "博文",
    "政策文件",
    "问政回复",
    "理财",
    "消费金融",
    "程序人生",
    "维权曝光",
)
G_SUBS = ("文章", "帖子", "博文正文", "问答详情", "原文", "信息公开")
G_NODES = ("问与答", "程序员", "职场话题", "分享发现", "酷工作", "投资")
G_BOARDS = ("网事杂谈", "步行街主干道", "大时代", "职场人生", "理财交流")
G_JOBS = ("前端开发", "后端工程师", "产品经理", "风控分析师", "银行客户经理", "在校学生")
G_COMPANIES = ("字节跳动", "蚂蚁集团", "某城商行", "自由职业", "美团", "某消金公司")
G_BROWSERS = ("Chrome 116.0.0.0", "Safari 16.5", "Edge 114.0.1823.51", "Firefox 115.0", "WeChat 8.0.38")
G_OSES = ("Windows 10", "macOS 13.4", "iOS 16.5.1", "Android 13", "HarmonyOS 3.0", "Linux")
G_BADGES = ("钻石卡友", "金卡达人", "新手卡友", "社区之星", "白金会员")
G_ACCOUNTS = ("信用卡那点事", "老钱说理财", "法律小助手", "负债人的自救", "银行内参")
G_QUESTIONS = (
    "月付关了还能重新开吗",
    "提前还款要收违约金吗",
    "注销以后还会上征信吗",
    "协商分期需要什么材料",
    "额度被冻结了怎么解冻",
    "客服说的减免是真的吗",
)
G_ROLES = ("女子", "男子", "大学生", "退休教师", "外卖骑手", "宝妈")
G_WEEK = "一二三四五六日"
G_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
G_LOWER = "abcdefghijklmnopqrstuvwxyz"


def g_site(rng: R) -> str:
    city = rng.choice(G_CITIES)
    return rng.choice(
        [
            rng.choice(G_PORTALS),
            rng.choice(G.site_heads) + rng.choice(G.site_tails),
            f"{city}市{rng.choice(G_DEPTS)}",
            f"{rng.choice(G.nick_words)}的小站",
            f"{rng.choice(G_BANKS)}信用卡中心",
            rng.choice(G_PORTALS),
        ]
    )


def g_user(rng: R) -> str:
    nick = rng.choice(G.nick_words)
    return rng.choice(
        [
            nick,
            f"虎扑JR{rng.randint(10**6, 10**7 - 1)}",
            "".join(rng.choice(G_LOWER) for _ in range(rng.randint(3, 7))) + str(rng.randint(1980, 2005)),
            f"手机用户{rng.randint(1000, 9999)}",
            f"{rng.choice(G.surnames)}**",
            f"{rng.choice(G.surnames)}女士",
            "该用户已注销",
            f"{nick}_{rng.choice(G_LOWER)}",
        ]
    )


def g_date(rng: R, form: int | None = None) -> str:
    y, m, d = rng.randint(2011, 2024), rng.randint(1, 12), rng.randint(1, 28)
    h, mi, s = rng.randint(0, 23), rng.randint(0, 59), rng.randint(0, 59)
    week = G_WEEK[datetime.date(y, m, d).weekday()]
    forms = [
        f"{y}-{m:02d}-{d:02d} {h:02d}:{mi:02d}:{s:02d}.0",
        f"{y}年{m}月{d}日（星期{week}）",
        f"{d} {G_MONTHS[m - 1]} {y}",
        f"{y}·{m:02d}·{d:02d}",
        f"{y}年{m:02d}月{d:02d}日 {h:02d}时{mi:02d}分",
        f"{y}-{m:02d}-{d:02d} {h:02d}:{mi:02d}:{s:02d} +08:00",
    ]
    return forms[form] if form is not None else rng.choice(forms)


def g_ago(rng: R) -> str:
    return rng.choice(
        [
            f"{rng.randint(1, 23)} 小时 {rng.randint(1, 59)} 分钟前",
            f"{rng.randint(2, 6)} days ago",
            f"上周{rng.choice(G_WEEK)}",
            "大前天",
            f"{rng.randint(2, 59)}分钟以前",
            f"{rng.randint(1, 9)}天前 · 已编辑",
            "一周内",
        ]
    )


def g_count(rng: R) -> str:
    n = rng.randint(1000, 9_999_999)
    return rng.choice(
        [
            f"{n / 1000:.1f}千",
            f"{n / 10000:.2f}万",
            f"{max(n // 10000, 1)}万+",
            "10000+",
            f"{n:,}次",
            f"{rng.randint(11, 99) / 10}亿",
        ]
    )


def g_headline(rng: R) -> str:
    subject, event = rng.choice(G.headline_subjects), rng.choice(G.headline_events)
    word = rng.choice(G.keywords_a)
    return rng.choice(
        [
            f"{subject}{event}",
            f"{subject}{event}，{rng.randint(3, 9)}个细节值得关注",
            f"{word}{rng.choice(G.keywords_b)}？"
            + rng.choice(["手把手教你", "看这一篇就够了", "过来人说几句"]),
            f"{rng.choice(G_CITIES)}一{rng.choice(G_ROLES)}被{word}“套路”，最终讨回"
            f"{rng.randint(11, 99) / 10}万元",
            f"有没有人用过{word}？{rng.choice(G_QUESTIONS)}",
            f"{word}避坑笔记（{rng.randint(1, 12)}）",
            f"【{rng.choice(G_ACCOUNTS)}】{subject}{event}",
        ]
    )


def g_welcome(rng: R, fam: Family) -> list[str]:
    blog = f"{rng.choice(G.nick_words)}的小站"
    city = rng.choice(G_CITIES)
    return [
        rng.choice(
            [
                "新浪首页 新闻 体育 财经 娱乐 科技 博客 图片 专栏 更多",
                "博客首页 ∣ 注册 ∣ 发博文 ∣ 博文 ∣ 消息 ∣ 退出",
                "V2EX = way to explore",
                "维基百科，自由的百科全书",
                "企查查 - 查企业 查老板 查风险，就上企查查",
                "本网站使用 Cookie 来改善您的浏览体验，继续使用即表示您同意我们的《隐私政策》。"
                " [接受] [拒绝]",
                "我们使用cookies来帮助提供和改进本站服务 · 了解更多 · 知道了",
                "您正在使用的浏览器版本过低，为保证最佳浏览效果，请升级至 Chrome、Edge 或切换到360极速模式",
                f"{city}市人民政府门户网站　适老化服务 ∣ 读屏专用 ∣ 政务微博 ∣ 政务微信",
                f"{blog} ┆ 记录生活，分享所学",
                f"您有 {rng.randint(1, 19)} 条未读消息，点击查看 ×",
                "用户中心 〡 投稿 〡 RSS订阅 〡 退出登录",
            ]
        )
    ]


def g_dateline(rng: R, fam: Family) -> list[str]:
    y, m, d = rng.randint(2011, 2024), rng.randint(1, 12), rng.randint(1, 28)
    h, mi, s = rng.randint(0, 23), rng.randint(0, 59), rng.randint(0, 59)
    place = rng.randrange(len(G_CITIES))
    city, abbr = G_CITIES[place], G_ABBR[place]
    cat = rng.choice(G_CHANNELS)
    return [
        rng.choice(
            [
                f"({y}-{m:02d}-{d:02d} {h:02d}:{mi:02d}:{s:02d})",
                f"新京报记者 {person(rng, fam)} 编辑 {person(rng, fam)} 校对 {person(rng, fam)}",
                f"{y}-{m:02d}-{d:02d} {h:02d}:{mi:02d}  来源：光明网-《光明日报》",
                f"发文机关：{city}市人民政府办公室　　发文字号：{abbr}政办发〔{y}〕{rng.randint(1, 60)}号",
                f"〖发布时间〗{g_date(rng, form=0)}　〖来源〗{city}市{rng.choice(G_DEPTS)}"
                f"　〖作者〗{person(rng, fam)}",
                f"{g_user(rng)}  {g_date(rng, form=3)}  {rng.randint(100, 99999):,}"
                f" 阅读{rng.randint(2, 25)}分钟",
                f"发表于 {g_date(rng, form=3)} ∣ 分类于 {cat} ∣ 阅读次数： {rng.randint(10, 99999)}",
                f"{g_user(rng)} 发布于 {g_date(rng, form=1)} ┆ {rng.randint(10, 9999)} 人围观"
                f" ┆ {rng.randint(0, 99)} 条评论",
                f"来自公众号「{rng.choice(G_ACCOUNTS)}」 · {g_date(rng, form=4)}",
                f"［{g_date(rng, form=3)}］［{g_site(rng)}］［字号：大 中 小］",
            ]
        )
    ]


def g_post_meta(rng: R, fam: Family) -> list[str]:
    n, k = rng.randint(10, 99999), rng.randint(0, 999)
    y, m, d = rng.randint(2011, 2024), rng.randint(1, 12), rng.randint(1, 28)
    h, mi = rng.randint(0, 23), rng.randint(0, 59)
    return [
        rng.choice(
            [
                f"阅读({n})　评论({k})　收藏({rng.randint(0, 99)})　转载({rng.randint(0, 99)})"
                "　喜欢▼　打印　举报/Report",
                f"posted @ {y}-{m:02d}-{d:02d} {h:02d}:{mi:02d}  {g_user(rng)}  阅读({n})  评论({k})"
                "  编辑  收藏  举报",
                f"{g_user(rng)} · {g_ago(rng)} · {n} 次点击",
                f"审稿：{person(rng, fam)} ◇ 值班编辑：{person(rng, fam)}",
                f"本文字数： {rng.randint(5, 99) / 10}k ∣ 阅读时长 ≈ {rng.randint(2, 30)} 分钟",
                f"{k}回复 ∣ {n}浏览 ∣ 亮了({rng.randint(0, 999)})",
                f"⏱ 约 {rng.randint(2, 30)} 分钟读完 · 共 {rng.randint(600, 12000):,} 字",
                f"访问量：{n}次 〡 最后更新：{g_date(rng, form=0)}",
                f"🔥 热度 {g_count(rng)} ◇ 收藏 {k}",
                f"本文最后更新于{rng.randint(30, 900)}天前，其中的信息可能已经有所发展或是发生改变。",
            ]
        )
    ]


def g_when(rng: R, dates: int) -> str:
    """A commenter's time: one of six formats, the same in a whole thread."""
    y, m, d = rng.randint(2011, 2024), rng.randint(1, 12), rng.randint(1, 28)
    h, mi = rng.randint(0, 23), rng.randint(0, 59)
    week = G_WEEK[datetime.date(y, m, d).weekday()]
    return [
        g_date(rng, form=5),
        g_ago(rng),
        f"{d} {G_MONTHS[m - 1]} {y} {h:02d}:{mi:02d}",
        f"{y}·{m:02d}·{d:02d} {h:02d}:{mi:02d}",
        f"{m}月{d}日 周{week} {h:02d}:{mi:02d}",
        g_date(rng, form=4),
    ][dates]


def g_avatar(rng: R, fam: Family, form: int | None = None, dates: int | None = None) -> list[str]:
    # a thread prints all its commenters' lines in one form, dates in one format
    when = g_when(rng, dates if dates is not None else rng.randrange(6))
    forms = [
        [f"{g_user(rng)}  {rng.choice(G_BROWSERS)}  {rng.choice(G_OSES)}  {when}"],
        [f"Post by [uid={rng.randint(10**6, 10**8)}]{g_user(rng)}[/uid] ({when})"],
        [f"{g_user(rng)}  {rng.choice(G_JOBS)} @ {rng.choice(G_COMPANIES)}  {when}"],
        [f"{g_user(rng)}   {when}   ♥ {rng.randint(1, 60)}"],
        [f"{g_user(rng)} 💎{rng.choice(G_BADGES)} {when}"],
        [g_user(rng), f"{when} ● {rng.choice(fam.provinces)}"],
        [f"{g_user(rng)}  Lv{rng.randint(1, 9)} {rng.randint(0, 999)}/1000  {when}"],
        [f"{g_user(rng)} 于 {when} 留言："],
    ]
    return forms[form] if form is not None else rng.choice(forms)


def g_pagination(rng: R, fam: Family) -> list[str]:
    n = rng.randint(2, 12)
    cur = rng.randint(1, n)
    pages = " ".join(str(i) for i in range(1, min(n, 4) + 1)) + (f" … {n}" if n > 4 else "")
    boxed = "".join(f"【{i}】" for i in range(1, min(n, 5) + 1))
    return [
        rng.choice(
            [
                f"◁ {cur}/{n} ▷",
                f"前一页 {pages} 后一页",
                f"<<首页 <前页 后页> 尾页>>   {cur}/{n}",
                f"« 第一页 ‹ 前一页 {pages} 后一页 › 最末页 »",
                f"{boxed}【下一页】",
                f"（第{cur}页 共{n}页）",
                "续见下页 ▶",
                "剩余内容已隐藏，点击展开 ⇣",
                f"Page {cur}/{n}  « First  ‹ Prev  Next ›  Last »",
            ]
        )
    ]


def g_related(rng: R, fam: Family) -> list[str]:
    form = rng.randrange(9)
    items = []
    for i in range(rng.randint(3, 8)):
        h = g_headline(rng)
        items.append(
            [
                f"『{h}』",
                f"{h} ┆ {rng.randint(10, 99999)}人已读",
                f"{i + 1:02d} {h}",
                f"◇ {h}",
                f"{h}　{g_ago(rng)}",
                f"{h}  ◇ {g_user(rng)} ◇ {rng.randint(0, 300)} 条回复",
                f"[{rng.choice(['转载', '原创'])}]{h}",
                f"{h} ({rng.randint(0, 99)})",
                f"{h}  {g_user(rng)} · {g_count(rng)}阅读",
            ][form]
        )
    heads = [
        "相关博文",
        "推荐博文",
        "随机文章",
        "热评文章",
        "最近更新",
        "同一作者的其他文章",
        "相关主题",
        "本站热门",
        "同类投诉案例 ⟶",
        "Recommended",
        None,
    ]
    head = rng.choice(heads)
    return ([head] if head else []) + items


def g_comments(rng: R, fam: Family) -> list[str]:
    k = rng.randint(2, 5)
    n = rng.randint(k + 1, 3000)
    lines = rng.choice(
        [
            ["昵称（必填）", "邮箱（必填）", "网址", "提交评论"],
            [f"{k} 条回复  •  {g_date(rng, form=5)}"],
            ["添加一条新回复", "请尽量让自己的回复能够对别人有帮助"],
            [f"已有 {k} 位网友发表了看法："],
            ["我有话说", "0/1000"],
            ["游客请先 登录 或 注册 再发言"],
            [f"Powered By Valine v1.4.{rng.randint(10, 18)}", f"{k} 评论"],
            ["热议 ◇ 最新"],
        ]
    )
    form, dates, buttons = rng.randrange(8), rng.randrange(6), rng.randrange(6)
    for _ in range(k):
        lines += g_avatar(rng, fam, form, dates)
        reply = rng.choice(fam.praise)
        lines.append(reply if rng.random() < 0.75 else f"回复 {rng.randint(2, 99)}楼 {g_user(rng)}：{reply}")
        if rng.random() < 0.6:
            a, b = rng.randint(1, 999), rng.randint(0, 99)
            lines.append(
                [
                    f"亮了({a})  回复  引用",
                    f"有帮助({a}) ◇ 没帮助({b})",
                    f"点亮 {a} ● 回复 ● 分享",
                    f"♥ {a}",
                    f"[{a}]赞 [回复]",
                    f"{a}人觉得很赞 · 回复",
                ][buttons]
            )
    if rng.random() < 0.5:
        lines.append(
            rng.choice(
                [f"已加载全部 {n} 条", f"点击展开剩余{n - k}条回复 ⇣", "没有更早的回复了", "下拉加载更多 ↓"]
            )
        )
    return lines


def g_keywords(rng: R, fam: Family) -> list[str]:
    prefix = rng.choice(
        ["", "", "热门话题：", "Hot Tags：", "搜索更多 › ", "站内搜索热榜：", "相关关键词推荐："]
    )
    return [prefix + keywords(rng, fam)[0]]


def g_tags(rng: R, fam: Family) -> list[str]:
    words = [rng.choice(G.keywords_a) + rng.choice(G.keywords_b) for _ in range(rng.randint(2, 5))]
    cat = rng.choice(G_CHANNELS)
    return [
        rng.choice(
            [
                " ".join(f"# {w}" for w in words),
                "页面分类：" + " ∣ ".join(words),
                "本文被以下专题收入：" + "、".join(words),
                f"此条目发表在{cat}分类目录，贴了" + "、".join(words) + "标签。将固定链接加入收藏夹。",
                f"所属栏目：{cat} ◇ 关键字：" + " ".join(words),
                "标签：" + "　".join(words) + f"　　分类：{cat}",
                "Keywords ➤ " + "; ".join(words),
            ]
        )
    ]


def g_breadcrumb(rng: R, fam: Family) -> list[str]:
    chan, sub = rng.choice(G_CHANNELS), rng.choice(G_SUBS)
    city = rng.choice(G_CITIES)
    return [
        rng.choice(
            [
                f"V2EX  ›  {rng.choice(G_NODES)}",
                f"NGA玩家社区 ▹ {rng.choice(G_BOARDS)} ▹ 主题",
                f"虎扑 ／ {rng.choice(G_BOARDS)} ／ 帖子详情",
                f"{city}市人民政府门户网站 ⇨ 政务公开 ⇨ {chan}",
                f"您当前所在：首页 ▹ {chan} ▹ {sub}",
                f"▌{chan}",
                f"Home ▹ 文章 ▹ {chan}",
                f"新浪首页 ＞ 新浪财经 ＞ {chan} ＞ 正文",
                f"{rng.choice(G.nick_words)}的小站 → 归档 →"
                f" {rng.randint(2011, 2024)}年{rng.randint(1, 12)}月",
            ]
        )
    ]


def g_toolbar(rng: R, fam: Family) -> list[str]:
    bars = [
        f"▶ 听文章 {rng.randint(1, 12):02d}:{rng.randint(0, 59):02d}",
        "字号 ◇ 小 ◇ 标准 ◇ 大 ◇ 特大",
        "Aa 字号  ◐ 夜间模式  ▷ 听新闻",
        "预览时标签不可点",
        "轻触阅读原文",
        "继续滑动看下一个",
        "赞，轻点两下取消赞",
        "在看，轻点两下取消在看",
        "🤖 AI帮你读 ∣ 一键总结全文",
        "✨ AI摘要 ▾",
        "缩小字体 放大字体 收藏 微博 微信 分享",
        "转发到微博 ∣ 分享到QQ ∣ 生成长图",
        "❤ 喜欢作者",
        "⇧ 回到顶部",
    ]
    return one_or_two(rng, bars)


def g_prevnext(rng: R, fam: Family) -> list[str]:
    prev, nxt, none = rng.choice(
        [
            ("上一篇博文：", "下一篇博文：", "已是最早一篇"),
            ("较早的文章 ◂ ", "较新的文章 ▸ ", "—"),
            ("PREVIOUS ∣ ", "NEXT ∣ ", "无"),
            ("上一帖：", "下一帖：", "没有更多帖子了"),
            ("上一条信息：", "下一条信息：", "没有相关信息"),
            ("◂ 前文 ", "▸ 后文 ", "暂无"),
            ("上一节 ", "下一节 ", "本章完"),
        ]
    )
    return prev_next(rng, prev, nxt, none, g_headline)


def g_footer(rng: R, fam: Family) -> list[str]:
    site_name = g_site(rng)
    abbr, y = rng.choice(G_ABBR), rng.randint(2016, 2024)
    m, d = rng.randint(1, 12), rng.randint(1, 28)
    week = G_WEEK[datetime.date(y, m, d).weekday()]
    lines = [
        f"信息网络传播视听节目许可证：{rng.randint(10**6, 10**7 - 1)}号",
        f"广播电视节目制作经营许可证：（{abbr}）字第{rng.randint(100, 99999):05d}号",
        f"网站备案/许可证号：{abbr}ICP备{rng.randint(10**7, 10**8 - 1)}号-{rng.randint(1, 9)}",
        f"工信部备案号：{abbr}ICP备{rng.randint(10**7, 10**8 - 1)}号 ∣ 公安机关备案号："
        f"{rng.randint(10**13, 10**14 - 1)}",
        "未成年人举报专区 ∣ 算法推荐专项举报 ∣ 网络谣言曝光台",
        f"Powered By Z-BlogPHP 1.7.{rng.randint(0, 3)} Build {rng.randint(172000, 173999)}",
        "Powered by Typecho ))) Optimized by EAA",
        f"由 Hexo 强力驱动 ∣ 主题 — NexT.Gemini v8.{rng.randint(10, 19)}.{rng.randint(0, 3)}",
        f"本页面最后修订于{y}年{m}月{d}日 (星期{week}) {rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}。",
        f"本站已安全运行 {rng.randint(100, 3999)} 天 {rng.randint(0, 23)} 小时 {rng.randint(0, 59)} 分",
        f"总访问量 {rng.randint(10**4, 10**7)} 次 ∣ 访客数 {rng.randint(10**3, 10**6)} 人次",
        f"Copyright © 1996-{y} SINA Corporation, All Rights Reserved",
        f"Copyright © 1998 - {y} Tencent. All Rights Reserved.",
        "网站纠错 ∣ 关于本网 ∣ 使用帮助 ∣ 无障碍声明",
        f"互联网宗教信息服务许可证：{abbr}（{y}）{rng.randint(10, 999):07d}",
        f"© {y} {site_name} ◇ 保留所有权利",
    ]
    return rng.sample(lines, rng.randint(1, 3))


def g_app_prompt(rng: R, fam: Family) -> list[str]:
    app, price = rng.choice(G_APPS), rng.choice(["9.90", "19.9", "1.00", "49", "6.6"])
    lines = [
        f"试读已结束，订阅专栏后可阅读全文（¥{price}）",
        f"本文为付费内容 · 已有{rng.randint(10, 9999)}人购买 · ¥{price} 解锁全文",
        f"开通会员，免费畅读 {rng.randint(2, 90)} 万篇精品内容",
        f"加入知识星球「{rng.choice(G_ACCOUNTS)}」，查看完整内容",
        "本帖隐藏的内容需要回复才可以浏览",
        "游客，如果您要查看本帖隐藏内容请回复",
        "用微信扫描二维码，分享至好友和朋友圈",
        f"安装{app}极速版，看文章领现金",
        f"继续阅读需跳转至「{app}」App，是否打开？ 取消 ∣ 打开",
        f"下载买单吧App，账单分期手续费低至{rng.randint(5, 9)}折",
        f"{app} ◇ 扫码领 {rng.randint(5, 88)} 元新人红包",
        "海量资讯、精准解读，尽在新浪财经APP",
    ]
    return one_or_two(rng, lines)


def g_qa(rng: R, fam: Family) -> list[str]:
    n = rng.randint(1, 60)
    city = rng.choice(G_CITIES)
    lawyer = rng.choice(fam.surnames) + rng.choice(fam.given)
    lines = [
        f"悬赏分：{rng.choice([0, 5, 10, 20, 50, 100])} ∣ 解决时间：{g_date(rng, form=3)}",
        f"办理单位：{city}市{rng.choice(G_DEPTS)}　　办结时间：{g_date(rng, form=4)}",
        "办理状态：已办结 ✔",
        "✅ 官方客服已回答",
        "这个回答对您有帮助吗？ 👍 有帮助 👎 没帮助",
        "我来回答",
        f"追问：{rng.choice(G_QUESTIONS)}？",
        f"问题补充：{rng.choice(G_QUESTIONS)}，急！",
        f"{lawyer}律师 ◇ 平均响应 {rng.randint(1, 15)} 分钟 ◇ 服务人次 {rng.randint(100, 99999):,}",
        f"共收到 {n} 条回复，最早一条回复于 {g_ago(rng)}",
        f"网友：{rng.choice(fam.surnames)}**　　留言时间：{g_date(rng, form=0)}",
    ]
    return rng.sample(lines, rng.randint(1, 2))


def g_statement(rng: R, fam: Family) -> list[str]:
    blog = f"{rng.choice(G.nick_words)}的小站"
    lines = [
        "平台声明：该文观点仅代表作者本人，搜狐号系信息发布平台，搜狐仅提供信息存储空间服务。",
        "返回搜狐，查看更多",
        "新浪声明：此消息系转载自新浪合作媒体，新浪网登载此文出于传递更多信息之目的，并不意味着赞同其观点"
        "或证实其描述。文章内容仅供参考，不构成投资建议。投资者据此操作，风险自担。",
        "本作品采用知识共享署名-非商业性使用-相同方式共享 4.0 国际许可协议进行许可。",
        f"本博客所有文章除特别声明外，均采用 CC BY-NC-SA 4.0 许可协议。转载请注明来自 {blog}！",
        "本文部分内容由AI辅助生成，已经人工审核，仅供参考。",
        "以上摘要由 AI 自动生成，可能存在偏差，请以原文为准。",
        "数据来源：国家企业信用信息公示系统、中国裁判文书网等公开渠道，企查查对其准确性不作任何保证。",
        f"转载请联系本公众号获得授权，并在文首注明：来源「{rng.choice(G_ACCOUNTS)}」",
        f"※ 本文所述利率仅供参考，实际以{rng.choice(G_BANKS)}审批结果为准，活动最终解释权归本行所有。",
        "温馨提示：远离非法集资，谨防电信诈骗，请通过官方渠道办理业务。",
        "本平台所展示投诉内容均由用户自行提交，电诉宝仅依据用户授权进行展示，不代表网经社观点。",
        f"本文由 @{g_user(rng)} 原创发布于{rng.choice(['掘金', '一点资讯', blog])}，未经作者许可，禁止转载。",
    ]
    return [rng.choice(lines)]


# family G's kinds: those of F, in the same places
KINDS_G: dict[str, tuple[Gen, tuple[str, ...]]] = {
    "welcome": (g_welcome, (TOP, TAIL)),
    "dateline": (g_dateline, (TOP, MID)),
    "post_meta": (g_post_meta, (MID, TAIL)),
    "avatar": (g_avatar, (MID,)),
    "pagination": (g_pagination, (TOP, TAIL)),
    "related": (g_related, (TAIL,)),
    "comments": (g_comments, (TAIL,)),
    "keywords": (g_keywords, (TOP, MID, TAIL)),
    "breadcrumb": (g_breadcrumb, (TOP,)),
    "toolbar": (g_toolbar, (MID, TAIL)),
    "tags": (g_tags, (MID, TAIL)),
    "prevnext": (g_prevnext, (TAIL,)),
    "footer": (g_footer, (TAIL,)),
    "app_prompt": (g_app_prompt, (TOP, TAIL)),
    "qa": (g_qa, (MID, TAIL)),
    "statement": (g_statement, (TAIL,)),
}
TEMPLATE_KINDS_G = TEMPLATE_KINDS_F


FAMILIES = {"A": A, "B": B, "C": C, "D": D, "E": E, "F": F, "G": G}


def damage(record: dict, rng: R, fam: Family, site_seed: int | None = None) -> Damaged:
    title = (record.get("title") or "").strip()
    body = [line.strip() for line in (record.get("text") or "").split("\n") if line.strip()]
    places: dict[str, list[tuple[str, list[str]]]] = {TOP: [], MID: [], TAIL: []}
    kinds, template = (
        (KINDS_G, TEMPLATE_KINDS_G)
        if fam is G
        else (KINDS_F, TEMPLATE_KINDS_F)
        if fam is F
        else (KINDS_E, TEMPLATE_KINDS_E)
        if fam is E
        else (KINDS_D, TEMPLATE_KINDS_D)
        if fam is D
        else (KINDS_C, TEMPLATE_KINDS_C)
        if fam is C
        else (KINDS, TEMPLATE_KINDS)
    )
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
    # pages whose title is a chrome line
    chrome_titles: int = 0
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
    foreign_set = set(foreign)
    result.pages += 1
    title = normalize(cleaned.title or "")
    result.chrome_titles += bool(title) and any(normalize(line) == title for _, line in page.chrome)
    for kind, line in page.chrome:
        key = normalize(line)
        if not key or key in gold:
            continue
        result.chrome += 1
        if key in foreign_set or (len(key) >= LEFT_INSIDE and any(key in line_out for line_out in foreign)):
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
    print(f"pages whose title is a chrome line: {result.chrome_titles}")
    print(
        f"article lines lost or changed: {result.lost} of {result.article_lines}"
        f" ({result.lost_undamaged} of them also on the undamaged page)"
    )
    if result.cers:
        print(
            f"character error rate of the body: median {100 * statistics.median(result.cers):.2f}%,"
            f" mean {100 * statistics.mean(min(cer, 1.0) for cer in result.cers):.2f}%"
            " (each page at most 100%)"
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
        "C, D, E, F and G (written blind to the cleaner's rules) are for a check, not for tuning",
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
        # the lines of every site's pages are counted as a run counts them
        # (in a state of its own), then taken off
        lines = SiteLines(sqlite3.connect(":memory:"))
        if args.sites:
            lines.observe(
                (repr(where), f"{where}/{page.id}", seen(cleaned, Read.of(page.text)))
                for where, pages in sites.items()
                for page, _, cleaned, _ in pages
            )
        for where, pages in sites.items():
            if args.sites:
                for _, doc, cleaned, _ in pages:
                    strip_site_lines(cleaned, doc, lines.site(repr(where)), repr(where))
            for page, _, cleaned, lost in pages:
                measure(cleaned, page, lost, result, args.examples)
        name = next(key for key, value in FAMILIES.items() if value is fam)
        report(f"{half} (phrasings of family {name})", result)
    print(f"\n{time.monotonic() - start:.1f} s")


if __name__ == "__main__":
    main()
