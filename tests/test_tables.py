"""Tables in an article: a data table of an HTML page reaches the guide as a
Markdown table, its cells cleaned like any line (script, contact details,
markup) but its rows left alone by the rules that remove chrome lines; a
table that lays out the page is read as the text it holds."""

from __future__ import annotations

import json
import re
from pathlib import Path

import lxml.html
import pytest

from pipeline.cleaners import Cleaner
from pipeline.guide import Renderer
from pipeline.readers.htmlpage import CELL_MAX, extract_html
from pipeline.record import Document
from pipeline.run import Run
from pipeline.structure import Block, parse
from pipeline.tables import cells, is_row
from tests.conftest import build_project

INTRO = "信用卡逾期以后，银行会按日收取罚息，还可能收取违约金。不同银行的标准并不一样，下面是常见的收费标准。"
CLOSING = "如果已经逾期，要尽快联系银行说明情况，争取减免罚息和违约金，避免逾期记录影响个人征信。"
FEE_TABLE = """
<table>
<thead><tr><th>逾期天数</th><th>罚息（日）</th><th>违约金</th></tr></thead>
<tbody>
<tr><td>1-30天</td><td>万分之五</td><td>最低还款额未还部分的5%</td></tr>
<tr><td>31-90天</td><td>万分之五</td><td>同上</td></tr>
<tr><td>90天以上</td><td colspan="2">银行可能委托催收或起诉</td></tr>
</tbody>
</table>"""
FEE_ROWS = [
    "| 逾期天数 | 罚息（日） | 违约金 |",
    "|---|---|---|",
    "| 1-30天 | 万分之五 | 最低还款额未还部分的5% |",
    "| 31-90天 | 万分之五 | 同上 |",
    "| 90天以上 | 银行可能委托催收或起诉 |  |",
]


def page(body: str, title: str = "信用卡逾期罚息怎么算") -> str:
    return (
        f"<html><head><title>{title}_某某财经网</title></head><body>"
        '<nav><a href="/">首页</a> <a href="/news">资讯</a></nav>'
        f'<div class="content"><h1>{title}</h1>{body}</div>'
        "<footer>Copyright 某某财经网</footer></body></html>"
    )


def run(tmp_path: Path, *sources: Path) -> list[dict]:
    manifest = tmp_path / "manifest.jsonl"
    Run(tmp_path / "guides", state=tmp_path / "state.sqlite").execute(list(sources), manifest)
    return [json.loads(line) for line in manifest.read_text(encoding="utf-8").splitlines()]


def guide_of(record: dict) -> str:
    assert record["status"] == "published", record["reason"]
    return Path(record["output"]).read_text(encoding="utf-8")


def clean_html(html: str) -> tuple[str, Document]:
    text, _, doc = clean_page(html)
    return text, doc


def clean_page(html: str) -> tuple[str, str | None, Document]:
    extracted = extract_html(html)
    doc = Document(source="page.html", key="page.html", text=extracted.text, is_html=True)
    doc.title = extracted.title
    cleaned = Cleaner().clean(doc)
    return cleaned.text, cleaned.title, doc


def rows_of(text: str) -> list[list[str]]:
    return [cells(line) for line in text.split("\n") if is_row(line)]


# --- the reader ------------------------------------------------------------


@pytest.mark.parametrize("form", ["html", "jsonl"])
def test_a_fee_table_becomes_a_markdown_table_in_the_guide(tmp_path: Path, form: str) -> None:
    html = page(f"<p>{INTRO}</p>{FEE_TABLE}<p>{CLOSING}</p>")
    source = tmp_path / "in"
    source.mkdir()
    if form == "html":
        (source / "fee.html").write_text(html, encoding="utf-8")
    else:
        record = {"url": "https://news.example.com/fee/1.html", "title": "信用卡逾期罚息怎么算", "html": html}
        (source / "pages.jsonl").write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    [record] = run(tmp_path, source)
    guide = guide_of(record)
    assert "\n".join(FEE_ROWS) in guide
    # in its place in the article, between the paragraphs around it
    assert guide.index(INTRO) < guide.index(FEE_ROWS[0]) < guide.index(CLOSING)
    # the rows are not also printed as lines of text
    assert "1-30天 万分之五" not in guide


def test_spanning_cells_keep_every_row_as_wide_as_the_table() -> None:
    html = page(
        "<p>" + INTRO + "</p><table>"
        '<tr><td colspan="3">2024年各银行信用卡逾期收费标准</td></tr>'
        "<tr><td>银行</td><td>项目</td><td>标准</td></tr>"
        '<tr><td rowspan="2">甲银行</td><td>罚息</td><td>万分之五</td></tr>'
        "<tr><td>违约金</td><td>5%</td></tr>"
        '<tr><td>乙银行</td><td colspan="2">不收违约金</td></tr>'
        '<tr><td colspan="2">丙银行不分项目</td><td>万分之六</td></tr>'
        '<tr><td colspan="3">注：以银行公布的最新标准为准</td></tr>'
        "</table>"
    )
    text = extract_html(html).text
    assert rows_of(text) == [
        ["银行", "项目", "标准"],
        ["甲银行", "罚息", "万分之五"],
        ["", "违约金", "5%"],
        ["乙银行", "不收违约金", ""],
        ["丙银行不分项目", "", "万分之六"],
    ]
    lines = [line for line in text.split("\n") if line]
    # a row of one cell across the table: its caption above it, a note below
    assert lines.index("2024年各银行信用卡逾期收费标准") + 1 == lines.index("␝银行␟项目␟标准")
    assert lines[-1] == "注：以银行公布的最新标准为准"


def test_a_th_row_is_the_header_wherever_the_page_put_its_footer() -> None:
    html = page(
        f"<p>{INTRO}</p><table><tfoot><tr><td>合计</td><td>3项</td></tr></tfoot>"
        "<thead><tr><th>项目</th><th>说明</th></tr></thead>"
        "<tbody><tr><td>罚息</td><td>按日计算</td></tr><tr><td>违约金</td><td>按月计算</td></tr></tbody></table>"
    )
    lines = [line for line in extract_html(html).text.split("\n") if is_row(line)]
    assert lines == ["␝项目␟说明", "␞罚息␟按日计算", "␞违约金␟按月计算", "␞合计␟3项"]


ARTICLE = [
    "很多人在网贷逾期以后第一反应是害怕，不知道该从哪里下手，其实只要弄清楚欠款的构成就好办了。",
    "第一步是整理自己的全部欠款，列出每个平台的本金、利息和逾期天数，算清楚每个月需要还多少钱。",
    "第二步是主动联系平台的官方客服，说明自己的实际困难，提出延期或者分期还款的请求，并保存沟通记录。",
    "第三步是按照协商好的方案按时还款，不要再借新还旧，避免欠款越滚越多，每还一笔都留好凭证。",
]


@pytest.mark.parametrize(
    "article",
    [
        "".join(f"<p>{p}</p>" for p in ARTICLE),  # paragraphs in the cell
        "<br><br>".join(ARTICLE),  # an old site's cell: text broken by <br>
    ],
)
def test_a_layout_table_still_yields_the_article_as_paragraphs(tmp_path: Path, article: str) -> None:
    html = (
        "<html><head><title>网贷逾期以后怎么办_某某网</title></head><body>"
        '<table width="980"><tr><td colspan="2"><a href="/">首页</a> | <a href="/a">网贷</a></td></tr>'
        f'<tr><td width="700"><h1>网贷逾期以后怎么办</h1>{article}</td>'
        '<td width="280"><a href="/1">热门文章一</a><br><a href="/2">热门文章二</a></td></tr>'
        '<tr><td colspan="2">Copyright 某某网</td></tr></table></body></html>'
    )
    text = extract_html(html).text
    assert not rows_of(text)
    source = tmp_path / "in"
    source.mkdir()
    (source / "layout.html").write_text(html, encoding="utf-8")
    [record] = run(tmp_path, source)
    guide = guide_of(record)
    assert "|---" not in guide
    for paragraph in ARTICLE:
        # a paragraph of its own, not a cell (第一步… 第三步… are numbered steps)
        assert re.search(rf"\n\n(?:\d\. )?{re.escape(paragraph)}\n", guide), paragraph


PROSE = [ARTICLE[n] + ARTICLE[(n + 1) % 4] + ARTICLE[(n + 2) % 4] for n in range(4)]


@pytest.mark.parametrize(
    "rows",
    [
        # a paragraph in each row, beside its number
        "".join(f"<tr><td>{n}</td><td>{text}</td></tr>" for n, text in enumerate(PROSE)),
        # a list in a cell
        "".join(
            f"<tr><td>第{n}条</td><td>{text[:20]}<ul><li>身份证</li><li>收入证明</li></ul></td></tr>"
            for n, text in enumerate(ARTICLE)
        ),
        # paragraphs of prose in a cell
        "".join(
            f"<tr><td>第{n}条</td><td><p>{t[:24]}</p><p>{t[24:]}</p></td></tr>" for n, t in enumerate(ARTICLE)
        ),
    ],
    ids=["long_cells", "lists", "paragraphs"],
)
def test_a_table_laying_out_the_article_is_read_as_its_text(rows: str) -> None:
    assert all(len(text) > CELL_MAX for text in PROSE)
    text = extract_html(page(f"<p>{INTRO}</p><table>{rows}</table><p>{CLOSING}</p>")).text
    assert not rows_of(text)
    # read as today: a row or a cell a line, the text all there
    for paragraph in ARTICLE:
        assert paragraph[:20] in text


def test_a_cell_of_two_short_lines_is_one_cell() -> None:
    table = "<table><tr><th>渠道</th><th>时间</th></tr>"
    table += "<tr><td>客服热线</td><td><p>工作日</p><p>9:00-18:00</p></td></tr>"
    table += "<tr><td>在线客服</td><td>全天</td></tr></table>"
    assert rows_of(extract_html(page(f"<p>{INTRO}</p>{table}")).text)[1] == ["客服热线", "工作日 9:00-18:00"]


def test_a_table_that_is_not_data_is_read_as_before() -> None:
    one_row = page(f"<p>{INTRO}</p><table><tr><td>作者：张三</td><td>来源：某某日报</td></tr></table>")
    links = page(
        f"<p>{INTRO}</p><table>"
        '<tr><td><a href="/1">逾期三天怎么处理</a></td><td><a href="/2">网贷逾期会坐牢吗</a></td></tr>'
        '<tr><td><a href="/3">协商还款需要哪些材料</a></td><td><a href="/4">征信多久能恢复</a></td></tr>'
        "</table>"
    )
    nested = page(
        f"<p>{INTRO}</p><table><tr><td>甲</td><td><table><tr><td>1</td><td>2</td></tr>"
        "<tr><td>3</td><td>4</td></tr></table></td></tr><tr><td>乙</td><td>丙</td></tr></table>"
    )
    for html in (one_row, links):
        assert not rows_of(extract_html(html).text)
    # a table in a table: the outer one is layout, read as its blocks; the
    # inner one is data
    text = extract_html(nested).text
    assert rows_of(text) == [["1", "2"], ["3", "4"]]
    assert "\n甲\n" in text and "乙 丙" in text


# --- cleaning ---------------------------------------------------------------


def test_cells_are_cleaned_like_any_line_and_escaped_in_the_guide(tmp_path: Path) -> None:
    table = (
        "<table><tr><th>項目</th><th>說明</th></tr>"
        "<tr><td>罰息</td><td>按日計算 | 每月結算</td></tr>"
        "<tr><td>客服</td><td>請聯繫13812345678</td></tr>"
        "<tr><td>&lt;script&gt;alert(1)&lt;/script&gt;提醒</td><td>收入&lt;支出时 *先* 还最低额</td></tr>"
        "</table>"
    )
    html = page(f"<p>{INTRO}</p>{table}<p>{CLOSING}</p>")
    source = tmp_path / "in"
    source.mkdir()
    (source / "fee.html").write_text(html, encoding="utf-8")
    [record] = run(tmp_path, source)
    guide = guide_of(record)
    assert "| 项目 | 说明 |" in guide  # Traditional script made Simplified in the cells
    assert "| 罚息 | 按日计算 \\| 每月结算 |" in guide  # the bar is the cell's, escaped
    assert "| 客服 | 请联系〔已隐去〕 |" in guide
    assert "13812345678" not in guide + json.dumps(record, ensure_ascii=False)
    assert "| 提醒 | 收入&lt;支出时 \\*先\\* 还最低额 |" in guide
    assert "<script" not in guide and "alert" not in guide
    kinds = {f["kind"] for f in record["findings"]}
    assert {"pii_removed", "markup", "traditional_script"} <= kinds


def test_a_table_renders_escaped_whatever_its_cells_hold() -> None:
    # the template's escaping alone, without the cleaner in front of it
    hostile = [
        "<img src=x onerror=alert(1)>",
        "a|b",
        "[链接](javascript:x)",
        "{: onclick=x}",
        "# 标题",
        "`代码`",
    ]
    block = Block("table", rows=[["甲", "乙", "丙", "丁", "戊", "己"], hostile])
    renderer = Renderer()
    renderer.env.globals["b"] = block
    template = renderer.env.from_string('{% from "blocks.md.j2" import block %}{{ block(b) }}')
    lines = template.render().strip().split("\n")
    assert lines[:2] == ["| 甲 | 乙 | 丙 | 丁 | 戊 | 己 |", "|---|---|---|---|---|---|"]
    assert lines[2] == (
        "| &lt;img src=x onerror=alert(1)&gt; | a\\|b | \\[链接\\](javascript:x) | \\{: onclick=x\\} "
        "| \\# 标题 | \\`代码\\` |"
    )


def test_mojibake_in_cells_is_repaired_cell_by_cell() -> None:
    def garbled(text: str) -> str:
        return text.encode("utf-8").decode("gbk", errors="replace")

    table = f"<table><tr><th>{garbled('逾期天数')}</th><th>{garbled('罚息标准')}</th></tr>"
    table += f"<tr><td>1-30{garbled('天')}</td><td>{garbled('万分之五')}</td></tr></table>"
    text, doc = clean_html(page(f"<p>{INTRO}</p>{table}"))
    assert rows_of(text)[0] == ["逾期天数", "罚息标准"]
    assert any(f.kind == "mojibake" for f in doc.findings)


# Rows of short cells look like chrome to rules made for lines; each of these
# was removed by the rule named beside it before rows were kept from them.
CHROME_SHAPED_ROWS = [
    # strip_keyword_stuffing: a run of ten short phrases
    ("网贷", "花呗 借呗 白条 微粒贷 金条 任性付 有钱花 分期乐 安逸花 招联好期贷"),
    # strip_boilerplate: the spam rule's words, here the name of a scam
    ("裸聊敲诈", "录下视频以后勒索钱财"),
    # remove_pii: a row of contact details (a contact line once masked)
    ("官方客服", "95555 或 QQ 12345678 或 13812345678"),
]


@pytest.mark.parametrize("row", CHROME_SHAPED_ROWS, ids=["keyword_run", "spam_word", "contact_line"])
def test_a_row_shaped_like_chrome_survives(row: tuple[str, str]) -> None:
    table = f"<table><tr><th>类别</th><th>内容</th></tr><tr><td>{row[0]}</td><td>{row[1]}</td></tr></table>"
    text, doc = clean_html(page(f"<p>{INTRO}</p>{table}<p>{CLOSING}</p>"))
    [header, kept] = rows_of(text)
    assert header == ["类别", "内容"]
    assert kept[0] == row[0] and len(kept) == 2 and kept[1]
    assert not [f for f in doc.findings if f.kind in ("keyword_stuffing", "boilerplate")]


def test_a_table_above_the_first_paragraph_is_not_taken_for_the_title() -> None:
    # no headline on the page: the short rows on top looked like titles
    html = (
        '<html><body><div class="content"><table><tr><th>逾期天数</th><th>后果</th></tr>'
        "<tr><td>1-3天</td><td>宽限期内</td></tr><tr><td>90天以上</td><td>可能被起诉</td></tr></table>"
        f"<p>{INTRO}</p><p>{CLOSING}</p></div></body></html>"
    )
    text, title, doc = clean_page(html)
    assert rows_of(text) == [["逾期天数", "后果"], ["1-3天", "宽限期内"], ["90天以上", "可能被起诉"]]
    assert not [f for f in doc.findings if f.kind in ("alternative_title", "title_echo")]
    # the title guessed from the first sentence, not from a row
    assert title == "信用卡逾期以后，银行会按日收取罚息，还可能收取违约金"


def test_rows_that_echo_the_title_stay() -> None:
    table = (
        "<table><tr><th>信用卡</th><th>逾期罚息</th></tr><tr><td>甲银行</td><td>万分之五</td></tr></table>"
    )
    text, _ = clean_html(page(f"<p>{INTRO}</p>{table}<p>{CLOSING}</p>", title="信用卡逾期罚息"))
    assert rows_of(text)[0] == ["信用卡", "逾期罚息"]


def test_rows_two_tables_share_stay_and_a_whole_table_printed_twice_goes() -> None:
    shared = "".join(
        f"<tr><td>{bank}银行</td><td>万分之{n}</td></tr>" for bank, n in zip("甲乙丙", "五六七", strict=True)
    )
    tables = f"<table><tr><th>2023年</th><th>罚息</th></tr>{shared}</table><p>{CLOSING}</p>"
    tables += f"<table><tr><th>2024年</th><th>罚息</th></tr>{shared}</table>"
    text, _ = clean_html(page(f"<p>{INTRO}</p>{tables}"))
    assert len(rows_of(text)) == 8
    # the body printed twice, its table with it
    twice = f"<p>{INTRO}</p>{FEE_TABLE}<p>{CLOSING}</p>"
    text, doc = clean_html(page(twice + twice))
    assert len(rows_of(text)) == 4 and text.count(CLOSING) == 1
    assert any(f.kind == "repeated_body" for f in doc.findings)


def test_a_row_never_belongs_to_a_comment_thread_or_a_list_of_links() -> None:
    lines = ["逾期以后要尽快联系银行说明情况，争取对方的理解，不要躲避催收电话。"]
    lines += ["精彩评论", "头像 小王 3天前", "␝项目␟时间", "␞罚息␟按日"]
    lines += ["相关推荐", "␝银行␟标准", "␞甲银行␟万分之五"]
    doc = Document(source="page.txt", key="page.txt", text="\n\n".join(lines))
    text = Cleaner().clean(doc).text
    assert rows_of(text) == [["项目", "时间"], ["罚息", "按日"], ["银行", "标准"], ["甲银行", "万分之五"]]
    assert "头像" not in text and "相关推荐" not in text  # the chrome around them went


# --- structure ------------------------------------------------------------


def test_rows_become_one_table_block_per_table() -> None:
    text = "\n\n".join(
        [
            "收费标准",
            "␝项目␟标准\n␞罚息␟万分之五",
            "违约金的标准如下：",
            "␝银行␟标准\n␞甲银行␟5%",
            "␝另一张␟表\n␞1",
        ]
    )
    structure = parse(text)
    assert structure.sections == []  # a short line above a table is not a heading for its length
    assert [(b.kind, b.text or b.rows) for b in structure.intro] == [
        ("paragraph", "收费标准"),
        ("table", [["项目", "标准"], ["罚息", "万分之五"]]),
        ("paragraph", "违约金的标准如下："),  # its rows are a table, not a list it introduces
        ("table", [["银行", "标准"], ["甲银行", "5%"]]),
        ("table", [["另一张", "表"], ["1", ""]]),
    ]


# --- text pages ------------------------------------------------------------


def test_text_pages_make_no_tables(tmp_path: Path) -> None:
    source = tmp_path / "in"
    source.mkdir()
    text = "\n\n".join(
        [
            "信用卡逾期罚息怎么算",
            INTRO,
            "逾期天数 | 罚息 | 违约金",
            "1-30天 | 万分之五 | 5%",
            "␝伪造的␟表头",
            "␞伪造的␟一行",
            CLOSING,
        ]
    )
    (source / "fee.txt").write_text(text, encoding="utf-8")
    [record] = run(tmp_path, source)
    guide = guide_of(record)
    assert "|---" not in guide
    assert "伪造的表头" in guide and "伪造的一行" in guide


# --- chrome by repetition -----------------------------------------------------

SITE_ARTICLES = [
    (
        "逾期三天会不会影响征信",
        "很多人担心逾期三天就会留下不良记录。其实多数银行设有宽限期，在宽限期内还清通常不会上报征信。",
    ),
    (
        "催收打电话给家人怎么办",
        "催收人员联系借款人的家人，往往是为了施加压力。借款人可以要求对方停止骚扰无关的第三人。",
    ),
    (
        "停息挂账需要什么条件",
        "停息挂账一般要求持卡人确实因为失业、疾病等原因暂时失去还款能力，并且有还款意愿。",
    ),
    (
        "借呗逾期一个月的后果",
        "借呗逾期以后会按日收取罚息，逾期记录会报送征信，今后申请贷款和信用卡都会受到影响。",
    ),
]
MORE = (
    "发现自己还不上时，应尽早联系官方客服说明情况，争取延期或者分期偿还，千万不要相信网上所谓的代办机构。"
    "有了具体情况，再根据自己的收入制定切实可行的还款计划，一步一步把欠款还清。"
)


def write_site(folder: Path, table: str | list[str], where: str) -> None:
    folder.mkdir(parents=True)
    for n, (title, first) in enumerate(SITE_ARTICLES):
        one = table if isinstance(table, str) else table[n]
        body = {
            "top": f"{one}<p>{first}</p><p>{MORE}</p>",
            "middle": f"<p>{first}</p>{one}<p>{MORE}</p>",
            "bottom": f"<p>{first}</p><p>{MORE}</p>{one}",
        }[where]
        (folder / f"{n}.html").write_text(page(body, title), encoding="utf-8")


SERVICE_TABLE = (
    "<table><tr><th>本站服务</th><th>时间</th></tr><tr><td>在线咨询</td><td>工作日</td></tr>"
    "<tr><td>投稿</td><td>全天</td></tr></table>"
)


def test_a_table_every_page_of_a_site_ends_with_is_the_sites(tmp_path: Path) -> None:
    # The site's template prints it, not the article's author: the same
    # reasoning as for any line on most of a site's pages, and it goes whole.
    write_site(tmp_path / "site", SERVICE_TABLE, "bottom")
    records = run(tmp_path, tmp_path / "site")
    assert len(records) == 4
    for record in records:
        guide = guide_of(record)
        assert "本站服务" not in guide and "在线咨询" not in guide and MORE in guide
        removed = [f["message"] for f in record["findings"] if f["kind"] == "site_chrome"]
        assert removed == [
            f"removed a table of 3 rows that 4 of the 4 pages of {tmp_path / 'site'} have: 「␝本站服务␟时间」"
        ]


def test_a_table_every_page_holds_inside_its_article_stays(tmp_path: Path) -> None:
    write_site(tmp_path / "site", SERVICE_TABLE, "middle")
    for record in run(tmp_path, tmp_path / "site"):
        assert "| 本站服务 | 时间 |\n|---|---|\n| 在线咨询 | 工作日 |\n| 投稿 | 全天 |" in guide_of(record)


def test_tables_that_share_only_their_header_are_the_articles(tmp_path: Path) -> None:
    # each article's fee table under the header the site always uses, at
    # the top of the page where the site's banner would be
    banks = ["甲银行", "乙银行", "丙银行", "丁银行"]
    tables = [
        f"<table><tr><th>发卡银行</th><th>逾期罚息标准</th></tr><tr><td>{bank}</td><td>万分之五</td></tr>"
        f"<tr><td>{bank}信用卡中心</td><td>万分之七</td></tr></table>"
        for bank in banks
    ]
    write_site(tmp_path / "site", tables, "top")
    records = run(tmp_path, tmp_path / "site")
    for record in records:
        guide = guide_of(record)
        assert "| 发卡银行 | 逾期罚息标准 |\n|---|---|\n| " in guide
        assert not [f for f in record["findings"] if f["kind"] == "site_chrome"]


# --- the built site -----------------------------------------------------------


def test_the_published_guide_shows_a_real_table(tmp_path: Path) -> None:
    sources = tmp_path / "in"
    sources.mkdir()
    (tmp_path / "project").mkdir()
    table = FEE_TABLE.replace("<td>同上</td>", "<td>同上 | 另计，收入&lt;支出时 *先* 还</td>")
    (sources / "fee.html").write_text(page(f"<p>{INTRO}</p>{table}<p>{CLOSING}</p>"), encoding="utf-8")
    site = build_project(tmp_path / "project", sources)
    [built] = [
        p for p in site.rglob("index.html") if "xinyongka" in str(p) and "逾期天数" in p.read_text("utf-8")
    ]
    html = built.read_text(encoding="utf-8")
    root = lxml.html.fromstring(html)
    [table_el] = [t for t in root.iter("table") if "逾期天数" in t.text_content()]
    head = [th.text_content() for th in table_el.iter("th")]
    body = [
        [td.text_content() for td in tr.iter("td")] for tr in table_el.iter("tr") if tr.find("td") is not None
    ]
    assert head == ["逾期天数", "罚息（日）", "违约金"]
    assert body[1] == ["31-90天", "万分之五", "同上 | 另计，收入<支出时 *先* 还"]
    assert len(body) == 3 and all(len(row) == 3 for row in body)
    assert not re.search(r"<(?:em|script)\b", str(lxml.html.tostring(table_el, encoding="unicode")))


def test_rows_between_chrome_lines_stay() -> None:
    # a table right after the dateline and before a pager: no prose beside
    # it, but its rows are the article's
    from pipeline.cleaners.context import strip_by_context
    from pipeline.tables import row_line

    rows = [row_line(["期数", "金额"], header=True), row_line(["第一期", "2000元"])]
    paragraph = "信用卡逾期以后，很多人第一反应是害怕，不知道该从哪里下手。其实只要弄清楚欠款的构成就好办了。"
    before = "\n".join([paragraph, "阅读 1234 · 点赞 56", *rows, "共 3 页 上一页 1 2 3 下一页"])
    after = "\n".join([paragraph, *rows])
    assert strip_by_context(before, after, print) == after
