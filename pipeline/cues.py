"""What a sentence or a line of an article does for the reader, read from its
shape: does it open a step of a sequence (第一步, 步骤二, 首先, 3., （2）), is
it something the reader does (an action), does it warn.

These decide the guide's numbered steps and warning boxes
(``pipeline.shape``); ``benchmarks/guide_shapes.py`` counts with the same
predicates what an article offers and what its guide made of it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

_CN = "一二三四五六七八九十"
_CN_VALUE = {c: i + 1 for i, c in enumerate(_CN)}

MarkKind = Literal["step", "ordinal", "decimal", "number", "paren", "cn", "cn_paren", "adverb"]


@dataclass(frozen=True)
class Marker:
    """How a line opens a sequence: its kind, its place in it (an adverb:
    1 for 首先, 2 for 其次/然后…, 0 for 最后) and the text after the
    marker (an adverb is part of its sentence: a step keeps it, see
    ``pipeline.shape``)."""

    kind: MarkKind
    n: int
    rest: str
    # the number before the dot of 3.1, 3.2: one sequence keeps it
    group: int = 0

    @property
    def explicit(self) -> bool:
        """第一步 / 步骤一: the article itself says these are steps."""
        return self.kind == "step"


def ordinal(token: str) -> int | None:
    """
    >>> ordinal("3"), ordinal("三"), ordinal("十二"), ordinal("二十"), ordinal("两")
    (3, 3, 12, 20, None)
    """
    if token.isdigit():
        return int(token)
    if not token or any(c not in _CN_VALUE for c in token):
        return None
    if len(token) == 1:
        return _CN_VALUE[token]
    if len(token) == 2 and token[0] == "十":
        return 10 + _CN_VALUE[token[1]]
    if len(token) == 2 and token[1] == "十":
        return _CN_VALUE[token[0]] * 10
    if len(token) == 3 and token[1] == "十":
        return _CN_VALUE[token[0]] * 10 + _CN_VALUE[token[2]]
    return None


_SEP = r"\s*[：:、，,.．]?\s*"
_MARKS: tuple[tuple[MarkKind, re.Pattern[str]], ...] = (
    ("step", re.compile(rf"^(?:第\s*([{_CN}\d]{{1,3}})\s*步|步骤\s*([{_CN}\d]{{1,3}})){_SEP}")),
    # 第一，… 第二，… (not 第一次, 第一个: those are words, not numbering)
    ("ordinal", re.compile(rf"^第([{_CN}]{{1,3}})[：:、，,]\s*")),
    ("decimal", re.compile(r"^(\d{1,2})[.．](\d{1,2})(?![.．]?\d|\s*[%％])[.．]?\s*")),
    ("number", re.compile(r"^(\d{1,2})(?:[.．](?!\d)|、)\s*")),
    ("paren", re.compile(r"^[(（](\d{1,2})[)）][、.．]?\s*")),
    ("cn", re.compile(rf"^([{_CN}]{{1,3}})[、.．]\s*")),
    ("cn_paren", re.compile(rf"^[(（]([{_CN}]{{1,3}})[)）][、.．]?\s*")),
)
_FIRST = re.compile(r"^首先[，,、：:]?\s*")
_NEXT = re.compile(r"^(?:其次|然后|接着|再次|随后|再者|之后)[，,、：:]?\s*")
_LAST = re.compile(r"^(?:最后|最终)[，,、：:]\s*|^最后(?=[要应需请可再还])")


def marker(line: str) -> Marker | None:
    """How ``line`` opens a sequence, if it does.

    >>> m = marker("第二步：拨打官方客服电话。")
    >>> m.kind, m.n, m.rest
    ('step', 2, '拨打官方客服电话。')
    >>> [(m.kind, m.n, m.rest) for m in (marker("步骤三 提交申请"), marker("（2）保留证据"))]
    [('step', 3, '提交申请'), ('paren', 2, '保留证据')]
    >>> marker("其次，准备材料。").n, marker("最后，确认结果。").n, marker("1.5%的利息") is None
    (2, 0, True)
    >>> marker("第一次逾期的人很多。") is None, marker("最后一公里。") is None
    (True, True)
    >>> m = marker("3.2 及时还款")
    >>> m.kind, m.group, m.n, m.rest
    ('decimal', 3, 2, '及时还款')
    """
    line = line.strip()
    for kind, pattern in _MARKS:
        match = pattern.match(line)
        if match:
            groups = [g for g in match.groups() if g]
            n = ordinal(groups[-1])
            rest = line[match.end() :].strip()
            if n is None or not rest:
                return None
            return Marker(kind, n, rest, int(groups[0]) if kind == "decimal" else 0)
    for pattern, n in ((_FIRST, 1), (_NEXT, 2), (_LAST, 0)):
        match = pattern.match(line)
        if match and line[match.end() :].strip():
            return Marker("adverb", n, line[match.end() :].strip())
    return None


def in_sequence(markers: list[Marker]) -> bool:
    """Markers of one kind that count on from the first: 1, 2, 3 … or
    首先, 其次/然后…, (最后).

    >>> in_sequence([marker("1. 甲"), marker("2. 乙")]), in_sequence([marker("2. 甲"), marker("3. 乙")])
    (True, False)
    >>> in_sequence([marker("首先，甲"), marker("然后，乙"), marker("最后，丙")])
    True
    """
    if len(markers) < 2 or len({(m.kind, m.group) for m in markers}) != 1:
        return False
    if markers[0].kind == "adverb":
        ns = [m.n for m in markers]
        return ns[0] == 1 and all(n == 2 for n in ns[1:-1]) and ns[-1] in (0, 2)
    return [m.n for m in markers] == list(range(1, len(markers) + 1))


# Who does it and how it is said before the verb: 您可以先…, 请尽快…, 多吃…
_LEAD = re.compile(
    r"^(?:(?:您|你|我们|大家|用户|借款人|持卡人|客户|使用者|当事人)[们]?[，,]?)?"
    r"(?:请|可以|可|要|应该|应当|应|需要|需|必须|务必|一定要|记得|最好|建议|先|再|并|及时|尽快|立即|立刻|马上|"
    r"主动|如实|尽量|优先|定期|亲自|直接|在线|第一时间|千万|切勿|不要|别|多|少|好好|认真|仔细|耐心)*"
)
# Modal words that make what follows an instruction, whatever the verb.
_MODAL = re.compile(
    r"^(?:请|要|应该|应当|应|需要|必须|务必|一定要|记得|建议|千万|切勿|不要|别)"
    r"(?!是|该是|求|点)"
)
# A phrase saying through whom or where, before the verb: 通过官方渠道申请, 向银行说明
_PREPOSITION = re.compile(
    r"^(?:通过|向|与|跟|到|去|在|用|按照|按|凭|拿着|带上|"
    r"根据|依据|结合|针对|对|把|将|从)"
)
# Verbs of doing, as procedures and advice use them: domain words of credit
# guides and the everyday verbs of any how-to.
_VERBS = (
    "联系 拨打 致电 打电话 准备 提交 递交 登录 登陆 打开 点击 进入 选择 填写 填报 输入 上传 下载 安装 注册 "
    "申请 查询 查看 查阅 核实 核对 确认 检查 保存 保留 留存 备份 截图 拍照 录音 记录 回复 发送 携带 前往 "
    "办理 等待 签订 签署 签字 咨询 收集 整理 投诉 举报 报警 报案 申诉 起诉 还款 还清 偿还 归还 结清 协商 "
    "沟通 说明 告知 提出 制定 设置 了解 寻求 求助 评估 计算 列出 关闭 注销 开通 绑定 解绑 缴纳 支付 转账 "
    "停止 避免 拒绝 聘请 委托 预约 登记 报名 领取 打印 复印 阅读 比较 对比 关注 留意 注意 警惕 谨防 提防 "
    "保持 坚持 减少 控制 规划 安排 调整 使用 利用 开启 提供 出示 邮寄 寄送 保护 更改 修改 更新 补充 "
    "搜索 找到 进行 完成 确定 核算 备好 带好 存好 记下 写下 回拨 挂断 接听 拉黑 屏蔽 "
    "吃 喝 食 戒 忌 用 找 带 填 选 点 问 看 写 存 交 拨 留 查 问 买 卖 去 到"
).split()
_VERB = re.compile("^(?:" + "|".join(sorted(set(_VERBS), key=len, reverse=True)) + ")")
# Words that open like a verb but are not one here: 看来, 还是, 用于 …
_NOT_VERB = re.compile(
    r"^(?:看来|看似|看出|看到|用于|用户|点评|点数|问题|带来|带动|写作|存在|交通|交易|"
    r"到期|到账|去年|选手|找不到|查处|卖家|买家|拨款|留学|食品|戒指)"
)


def is_action(text: str) -> bool:
    """Does the sentence tell the reader to do something: a verb of doing
    (after who does it and how: 您可以先…, 尽快…, 通过官方渠道…), or a modal
    that makes it an instruction (要…, 请…, 不要…)?

    >>> [is_action(t) for t in ["拨打官方客服电话95188", "及时还款", "请保留好通话录音。",
    ...                         "通过官方渠道提交申请", "多吃含维生素A的食物。", "您可以先联系客服。",
    ...                         "根据自己的收入提出还款方案。"]]
    [True, True, True, True, True, True, True]
    >>> [is_action(t) for t in ["逾期金额大小", "资金周转不灵", "价格、付款方式及谈判有空间。",
    ...                         "看来问题不大。", "为消费者带来了现实的利益。", "用户的信用记录很重要。"]]
    [False, False, False, False, False, False]
    """
    text = text.strip().lstrip("，,、：: ")
    if _MODAL.match(text):
        return True
    rest = _LEAD.sub("", text, count=1)
    if _NOT_VERB.match(rest):
        return False
    if _VERB.match(rest):
        # a single-character verb only after a lead: 多吃, 先查 (吃 alone opens 吃亏)
        word = _VERB.match(rest)
        assert word is not None
        return len(word.group(0)) > 1 or rest != text
    prep = _PREPOSITION.match(rest)
    if prep:
        # a verb of two characters or more in the clause: 根据自己的收入提出…
        clause = re.split(r"[，,。；;：:！!？?]", rest, maxsplit=1)[0]
        for i in range(prep.end() + 1, len(clause)):
            word = _VERB.match(clause[i:])
            if word and len(word.group(0)) > 1 and not _NOT_VERB.match(clause[i:]):
                return True
    return False


_SENTENCE = re.compile(r"[^。！？!?]+(?:[。！？!?]+[”’」』）)]*|$)")
# What warns: 切勿…, 谨防…, 警惕…, 提防… wherever they stand; 不要…, 一定要…,
# 否则…, 注意… (not 注意到) where a clause opens with them, after no
# subject or the reader (您, 大家, 借款人) and 请/千万/一定/务必: a warning
# speaks to the reader, 他们不要自由 or 网商卖家一定要… do not; and 注意
# made an instruction anywhere (请注意, 需要注意的是), not 值得注意的是.
_READER = r"(?:你们?|您|大家|各位|用户|借款人|持卡人|消费者|朋友们?)"
_STRONG = re.compile(r"切勿|切忌|谨防|警惕|提防")
_THIRD_PERSON = re.compile(r"^\s*(?:他|她|它)们?")
_WARN = re.compile(
    rf"{_STRONG.pattern}|"
    rf"(?:^|[，,；;：:])\s*(?:{_READER}[，,]?)?(?:请|也|还|更|都|就|可|切记|记住|务必|一定|千万)?"
    r"(?:不要|一定要|千万(?:不|别|要)|注意(?!到|力)|小心(?!翼)|当心|不能轻信|否则)|"
    r"(?:请|要|需|需要|应|应该|务必|特别|一定|千万|多加|格外)注意(?!到|力)"
)
_QUOTED = re.compile(r"“[^”]*”|「[^」]*」|\"[^\"]*\"")
# Every word that warns above (切勿, 切忌, 谨防, 警惕, 提防, 不要, 一定要, 千万,
# 注意, 小心, 当心, 不能轻信, 否则) holds one of these characters: a sentence
# with none of them does not warn and is not searched (most sentences;
# tests/test_guide_shapes.py checks the patterns' words against this list).
_MAY_WARN = re.compile("[勿忌防惕要千意心信否]")


def sentences(text: str) -> list[str]:
    """
    >>> sentences("他说：“不要去。”然后走了。还有")
    ['他说：“不要去。”', '然后走了。', '还有']
    """
    return [s for s in _SENTENCE.findall(text) if s.strip()]


def warns(sentence: str) -> bool:
    """Does the sentence warn the reader? Words inside quotation marks are
    someone's speech or a name, and a sentence about him, her or them tells
    what others do: neither warns the reader.

    >>> [warns(s) for s in ["切勿轻信陌生来电。", "千万不要把验证码告诉别人。",
    ...                     "需要注意的是，逾期会上征信。", "请按时还款，否则会产生罚息。",
    ...                     "注意：官方不会私下收费。"]]
    [True, True, True, True, True]
    >>> [warns(s) for s in ["这件事引起了大家的注意。", "记者注意到，利率有所下降。",
    ...                     "他说：“不要走。”", "值得注意的是，该公司去年营收增长。",
    ...                     "项目总投资两千万元。", "他小心翼翼地打开了门。",
    ...                     "他们不要自由，不要民主。", "卖家一定要经过比较。", "统治者不一定要遵循民意。"]]
    [False, False, False, False, False, False, False, False, False]
    """
    if not _MAY_WARN.search(sentence):
        return False
    said = _QUOTED.sub("", sentence)
    if _THIRD_PERSON.match(said):  # 他们不要自由，不要民主: what others do
        return bool(_STRONG.search(said))
    return bool(_WARN.search(said))
