"""Titles from what a page says about itself, and articles that used to be
lost: no page is rejected for lacking a headline, and an article inside an
element named like chrome (a page-wide ``<form>``, ``post_header``,
``share_area``) is still found."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.cleaners import Cleaner
from pipeline.readers import Rejection, read_file
from pipeline.readers.htmlpage import extract_html
from pipeline.record import Document
from pipeline.stages.clean import rejection_reason

PARAGRAPHS = [
    "信用卡逾期以后，银行一般会先通过短信和电话提醒持卡人尽快还款，这个阶段不必过分紧张。",
    "如果确实没有能力一次还清，可以主动联系银行客服说明情况，申请延期或者分期偿还欠款。",
    "协商时要准备好收入证明和困难证明，语气诚恳，并且把约定的还款方案留下书面记录。",
]
BODY = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
NAV = "<ul>" + "".join(f'<li><a href="/c/{i}">栏目{i}</a></li>' for i in range(8)) + "</ul>"


def page(head: str, before: str = "", body: str = BODY, after: str = "") -> str:
    content = f"<div class='content'>{body}</div>"
    return f"<html><head>{head}</head><body>{NAV}{before}{content}{after}</body></html>"


def test_the_headline_is_what_the_title_tag_and_a_heading_agree_on() -> None:
    # the logo <h1> is the site's name; the headline is the <h2> that
    # <title> also carries, with the channel and site names cut off
    html = page(
        "<title>信用卡逾期后如何与银行协商_理财频道_某某网</title>",
        "<h1>新闻中心</h1><h2>信用卡逾期后如何与银行协商</h2>",
    )
    assert extract_html(html).title == "信用卡逾期后如何与银行协商"


def test_a_site_name_that_the_title_tag_also_carries_is_passed_over() -> None:
    html = page(
        "<title>信用卡逾期后如何与银行协商 - 某某财经</title>",
        "<h3>某某财经</h3><h1>信用卡逾期后如何与银行协商</h1>",
    )
    assert extract_html(html).title == "信用卡逾期后如何与银行协商"
    # the site's name, even as a longer heading, is the last part of <title>
    named = page(
        "<title>协商还款 - 某某财经频道官方网站</title>",
        "<h1>协商还款</h1><h2>某某财经频道官方网站</h2>",
    )
    assert extract_html(named).title == "协商还款"
    # a short headline is still one when a heading carries it
    short = page(
        "<title>协商还款 - 维基百科，自由的百科全书</title>",
        "<h1>协商还款</h1><div>维基百科，自由的百科全书</div>",
    )
    assert extract_html(short).title == "协商还款"


def test_a_headline_shown_as_plain_text_agrees_with_the_title_tag() -> None:
    html = page(
        "<title>网贷逾期三个月会被起诉吗 东区办事处_某某网</title>",
        "<table><tr><td>网贷逾期三个月会被起诉吗</td></tr></table>",
    )
    assert extract_html(html).title == "网贷逾期三个月会被起诉吗"


def test_a_heading_below_the_article_does_not_agree() -> None:
    # the footer's heading carries the society's name, which <title> ends
    # with; the headline is the heading just above the text
    html = page(
        "<title>新闻动态--某某学会官网</title>",
        "<h3>首页 - 新闻动态</h3><h5>学会年会在重庆成功举行</h5>",
        after="<h3>某某学会</h3>",
    )
    assert extract_html(html).title == "学会年会在重庆成功举行"


def test_og_title_when_nothing_on_the_page_agrees_with_the_title_tag() -> None:
    html = page(
        '<title>某某网</title><meta property="og:title" content="停息挂账怎么申请">',
        "<h1>新闻中心</h1>",
    )
    assert extract_html(html).title == "停息挂账怎么申请"


def test_a_bold_line_above_the_text_beats_a_site_name_title() -> None:
    # old pages: <title> is the site's name, the headline a bold line; the
    # author's name and a dateline between it and the text are not headlines
    html = page(
        "<title>某某论坛</title>",
        "<p><b>逾期以后征信多久能恢复</b></p><p><b>作者： 来源： 发布日期： 7/5/2005 9:23:57 PM</b></p>"
        "<p><strong>小王</strong></p>",
    )
    extracted = extract_html(html)
    assert extracted.title == "逾期以后征信多久能恢复"
    assert extracted.title_how == "lead"


def test_the_heading_nearest_the_text_is_the_headline_when_the_title_tag_is_missing() -> None:
    html = page("", "<h1>某某的博客</h1><h2>谁来为暴力催收埋单？- -</h2>")
    assert extract_html(html).title == "谁来为暴力催收埋单？"


def test_a_title_only_the_title_tag_gives_is_flagged_for_the_editor(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(page("<title>某某娱乐</title>"), encoding="utf-8")
    [doc] = list(read_file(path))
    assert isinstance(doc, Document) and doc.title == "某某娱乐"
    assert [f.kind for f in doc.findings if f.kind == "flag_title_guessed"] == ["flag_title_guessed"]
    agreed = tmp_path / "agreed.html"
    agreed.write_text(
        page("<title>停息挂账怎么申请_某某网</title>", "<h1>停息挂账怎么申请</h1>"), encoding="utf-8"
    )
    [doc] = list(read_file(agreed))
    assert isinstance(doc, Document) and not [f for f in doc.findings if f.kind == "flag_title_guessed"]


def test_markup_written_into_a_title_is_not_its_wording() -> None:
    html = page(
        "<title>&lt;img src=x onerror=alert(1)&gt;网贷逾期被催收怎么办_某某网</title>",
        "<h1>&lt;img src=x onerror=alert(2)&gt;网贷逾期被催收怎么办</h1>",
    )
    assert extract_html(html).title == "网贷逾期被催收怎么办"


def test_an_article_inside_a_page_wide_form_is_found() -> None:
    # ASP.NET wraps the whole page in one <form>; a search box is a form too
    html = (
        "<html><head><title>协商还款的步骤</title></head><body>"
        "<div class='search'><form><input name='q'>搜索</form></div>"
        f"<form id='aspnetForm'>{NAV}<div class='content'>{BODY}</div></form></body></html>"
    )
    extracted = extract_html(html)
    assert all(p in extracted.text for p in PARAGRAPHS)
    assert "搜索" not in extracted.text


def test_an_article_in_an_element_named_like_chrome_is_kept() -> None:
    # class names such as post_header or js_img_share_area hold the article
    # on some sites; a real share bar beside it still goes
    html = page(
        "<title>协商还款的步骤</title>",
        body=f"<div class='js_img_share_area'>{BODY}</div><div class='share'>分享到微信 分享到微博</div>",
    )
    extracted = extract_html(html)
    assert all(p in extracted.text for p in PARAGRAPHS)
    assert "分享到" not in extracted.text
    assert any("holds the article" in note for note in extracted.notes)


def clean_text_page(tmp_path: Path, text: str) -> tuple[str | None, str, list[str], str | None]:
    path = tmp_path / "page.txt"
    path.write_text(text, encoding="utf-8")
    [doc] = list(read_file(path))
    assert isinstance(doc, Document)
    cleaned = Cleaner().clean(doc)
    return cleaned.title, cleaned.text, [f.kind for f in doc.findings], rejection_reason(cleaned)


def test_a_text_page_without_a_headline_is_published_with_a_guessed_title(tmp_path: Path) -> None:
    title, text, kinds, reason = clean_text_page(tmp_path, "\n\n".join(PARAGRAPHS))
    assert reason is None
    assert title == "信用卡逾期以后，银行一般会先通过短信和电话提醒持卡人尽快还款"
    assert "flag_title_guessed" in kinds
    assert text.startswith(PARAGRAPHS[0])  # the sentence stays in the body


def test_a_page_that_opens_with_a_stray_mark_still_gets_a_title(tmp_path: Path) -> None:
    # what was before the first 。 is gone (a removed icon or headline);
    # the title comes from the first sentence that has words
    title, _, kinds, reason = clean_text_page(tmp_path, "。" + "\n\n".join(PARAGRAPHS))
    assert reason is None
    assert title == "信用卡逾期以后，银行一般会先通过短信和电话提醒持卡人尽快还款"
    assert "flag_title_guessed" in kinds


def test_a_list_item_ending_with_a_semicolon_is_not_the_headline(tmp_path: Path) -> None:
    """One semicolon may join a headline's two items (甲中标；乙增持), but a
    line that ends with one is an item of a list: a body that opens with it
    has no headline, and the title guessed from its first sentence leaves
    the item in the text."""
    item = "准备好身份证明和近半年的收入证明；"
    _, text, kinds, reason = clean_text_page(tmp_path, item + "\n\n" + "\n\n".join(PARAGRAPHS))
    assert reason is None and "flag_title_guessed" in kinds
    assert text.split("\n\n")[0] == item


def test_a_long_headline_is_a_headline(tmp_path: Path) -> None:
    headline = "张某诉某某银行信用卡纠纷一案：逾期利息、违约金和年费能否一并主张的裁判要点"
    assert 30 < len(headline) <= 80
    title, text, kinds, reason = clean_text_page(tmp_path, headline + "\n\n" + "\n\n".join(PARAGRAPHS))
    assert title == headline and reason is None
    assert "flag_title_guessed" not in kinds and headline not in text


def test_a_dateline_is_not_taken_for_the_headline(tmp_path: Path) -> None:
    page_text = "逾期后如何申请停息挂账\n\n2021-05-06 09:30 某某法院发布\n\n" + "\n\n".join(PARAGRAPHS)
    title, _, _, _ = clean_text_page(tmp_path, page_text)
    assert title == "逾期后如何申请停息挂账"


def test_a_line_of_the_page_between_the_headline_and_the_text_is_not_the_headline(tmp_path: Path) -> None:
    """Between the headline and the first paragraph, a short line that no
    rule knows (a widget's label): the headline is about the article, and
    the article uses its words; the widget's label it does not."""
    headline = "信用卡逾期以后如何与银行协商"
    page_text = f"{headline}\n\n其他回答（9）\n\n" + "\n\n".join(PARAGRAPHS)
    title, text, _, _ = clean_text_page(tmp_path, page_text)
    assert title == headline and headline not in text


def test_a_line_below_the_headline_stays_in_the_text(tmp_path: Path) -> None:
    """The headline, then a line in English (a paper's English title):
    the Chinese article does not use its words, so it is not the title,
    and, below the headline, it is no other title either: it stays."""
    headline = "信用卡逾期以后如何与银行协商"
    english = "How to Negotiate with the Bank after an Overdue Credit Card"
    page_text = f"{headline}\n\n{english}\n\n" + "\n\n".join(PARAGRAPHS)
    title, text, _, _ = clean_text_page(tmp_path, page_text)
    assert title == headline and english in text


def test_of_two_headlines_about_the_article_the_nearer_is_the_title(tmp_path: Path) -> None:
    """A keyword title, then the article's own headline: both are about
    the article, and the headline (the last) is the title."""
    page_text = "信用卡逾期怎么办\n\n逾期以后如何与银行协商还款\n\n" + "\n\n".join(PARAGRAPHS)
    title, _, _, _ = clean_text_page(tmp_path, page_text)
    assert title == "逾期以后如何与银行协商还款"


def test_a_short_real_article_is_published(tmp_path: Path) -> None:
    article = "\n\n".join(PARAGRAPHS[:3])
    assert 100 <= len(article) < 150
    _, _, _, reason = clean_text_page(tmp_path, "信用卡逾期怎么协商\n\n" + article)
    assert reason is None
    _, _, _, stub = clean_text_page(tmp_path, "信用卡逾期怎么协商\n\n" + PARAGRAPHS[0])
    assert stub is not None and stub.startswith("too short")


def test_a_page_of_nothing_but_chrome_is_still_rejected(tmp_path: Path) -> None:
    path = tmp_path / "nav.html"
    path.write_text(page("<title>某某网</title>", body=""), encoding="utf-8")
    [item] = list(read_file(path))
    if isinstance(item, Rejection):
        assert "no article text" in item.reason
    else:
        assert rejection_reason(Cleaner().clean(item)) is not None


def test_a_breadcrumb_link_that_the_title_tag_names_is_not_the_headline() -> None:
    # old pages' <title> is the site and channel; the channel is also a
    # link in the breadcrumb, and the headline a bold line under it
    html = page(
        "<title>某某网＞理财频道</title>",
        "<div>您的位置：<a href='/'>主页</a> &gt; <a href='/licai'>理财频道</a> &gt;</div>"
        "<b>信用卡逾期以后的协商步骤</b>",
    )
    assert extract_html(html).title == "信用卡逾期以后的协商步骤"
    # a headline that is an emphasized link still agrees with <title>
    linked = extract_html(
        page(
            "<title>信用卡逾期以后的协商步骤_某某网</title>",
            "<strong><a href='/a/1.html'>信用卡逾期以后的协商步骤</a></strong><div>某某网</div>",
        )
    )
    assert (linked.title, linked.title_how) == ("信用卡逾期以后的协商步骤", "agreed")


def test_a_forum_headline_above_a_post_of_short_lines_loses_its_field_label() -> None:
    # the post opens with short lines (a film's credits), so its first
    # paragraph is far below the <h1>; the <h1> is still just above the post
    credits = "".join(f"<br>◎项目{i} 内容{i}" for i in range(20))
    html = page(
        "",
        "<h1>主题: 【2005年】信用修复纪录片</h1><div>作者：某网友</div>",
        body=credits + "<p>" + PARAGRAPHS[0] + "</p>" + BODY,
    )
    assert extract_html(html).title == "【2005年】信用修复纪录片"
    # a colon after a name that is not a field label stays
    named = page("", "<h1>劳伦斯：一个无法定义的人</h1>")
    assert extract_html(named).title == "劳伦斯：一个无法定义的人"


def test_boxes_of_links_inside_the_article_are_not_its_text() -> None:
    # a portal prints its app promotion, a "more news" link and lists of
    # other headlines under their own headings inside the article's <div>
    boxes = (
        "<table><tr><td><a href='/app'><b>某某财经<br>会赚钱的客户端：</b></a></td>"
        "<td><a href='/tool'><b>推出“打新神器”：</b></a></td></tr></table>"
        "<div><h1>重点推荐</h1><span><a href='/stock'>更多精彩资讯请点击 某某股票</a></span></div>"
        "<div><p><b>证券要闻</b></p><p><a href='/1'>沪指三周重挫近三成</a> <a href='/2'>券商齐聚</a></p>"
        "<p><a href='/3'>多部门出台措施稳定市场</a></p></div>"
    )
    text = extract_html(page("<title>t</title>", body=BODY + boxes)).text
    assert text.split("\n\n") == PARAGRAPHS
    # linked words inside a paragraph, a linked sentence, and a table's
    # linked names stay
    linked = (
        "<div>依照<a href='/law'>《征信业管理条例》</a>第十六条，不良信息自欠款还清之日起保存五年。</div>"
        "<div><a href='/faq'>个人信用报告每年可以免费查询两次</a>。</div>"
        "<table><tr><td><p><a href='/a'>征信中心</a></p></td><td><p>每年可以免费查询两次</p></td></tr>"
        "<tr><td><p><a href='/b'>中国人民银行</a></p></td><td><p>受理投诉</p></td></tr></table>"
    )
    text = extract_html(page("<title>t</title>", body=BODY + linked)).text.replace(" ", "")
    assert "依照《征信业管理条例》第十六条" in text and "个人信用报告每年可以免费查询两次。" in text
    assert "中国人民银行" in text and "征信中心" in text


@pytest.mark.parametrize(
    "headline", ["孙丰：巴黎举行逾期还款维权座谈会", "专访律师：逾期不等于诈骗，催收也有边界"]
)
def test_a_headline_opening_with_a_name_and_a_colon_is_a_headline(tmp_path: Path, headline: str) -> None:
    """A quoted speaker's or a column's name before the headline's words is
    no field label: the line is the headline, not a line above the body."""
    page_text = f"首页 > 信用卡频道\n\n{headline}\n\n" + "\n\n".join(PARAGRAPHS)
    title, text, kinds, _ = clean_text_page(tmp_path, page_text)
    assert title == headline and headline not in text
    assert "flag_title_guessed" not in kinds


def test_a_field_label_with_a_short_value_is_still_no_headline(tmp_path: Path) -> None:
    headline = "信用卡逾期以后如何与银行协商"
    page_text = f"{headline}\n\n栏目：信用卡\n\n" + "\n\n".join(PARAGRAPHS)
    title, _, kinds, _ = clean_text_page(tmp_path, page_text)
    assert title == headline and "flag_title_guessed" not in kinds


def test_a_label_before_a_list_below_the_headline_is_not_the_title(tmp_path: Path) -> None:
    """Even below a headline whose words the article does not use, a label
    before a list (所属话题：甲、乙) is no headline."""
    headline = "路是人走出来的"
    page_text = f"{headline}\n\n所属话题：基金定投秒批、可转债避坑指南\n\n" + "\n\n".join(PARAGRAPHS)
    title, _, _, _ = clean_text_page(tmp_path, page_text)
    assert title == headline


def test_a_label_sharing_one_word_with_the_article_is_not_its_headline(tmp_path: Path) -> None:
    """A widget's label below the headline that happens to use one of the
    article's words (还款) is weighed by the words behind its share: the
    headline shares many more."""
    headline = "信用卡逾期以后如何与银行协商"
    page_text = f"{headline}\n\n还款（23）\n\n" + "\n\n".join(PARAGRAPHS)
    title, _, kinds, _ = clean_text_page(tmp_path, page_text)
    assert title == headline and "flag_title_guessed" not in kinds


def test_a_headline_may_exclaim_inside_it(tmp_path: Path) -> None:
    headline = "别笑！逾期以后如何与银行协商还款"
    page_text = f"首页 > 信用卡频道\n\n{headline}\n\n" + "\n\n".join(PARAGRAPHS)
    title, text, kinds, _ = clean_text_page(tmp_path, page_text)
    assert title == headline and headline not in text
    assert "flag_title_guessed" not in kinds


def test_short_exclamations_that_open_the_text_stay_in_it(tmp_path: Path) -> None:
    """Below the headline, short lines that end on an exclamation mark are
    the article's opening, not more headlines."""
    headline = "逾期以后如何与银行协商还款"
    opening = ["协商还款真的可以！", "逾期以后不用慌！"]
    page_text = "\n\n".join([headline, *opening, *PARAGRAPHS])
    title, text, _, _ = clean_text_page(tmp_path, page_text)
    assert title == headline
    assert all(line in text for line in opening)


LONG = [
    *PARAGRAPHS,
    "银行在决定是否同意分期之前，通常会核实持卡人的收入情况和逾期原因，审核时间一般在一周左右。",
    "分期方案一旦达成，就要按照约定的时间足额还款，否则银行有权取消方案并要求一次性还清全部欠款。",
    "整个过程中保存好通话录音和书面材料，日后发生争议时可以作为证据。",
]


def test_lines_that_share_no_word_with_a_long_article_are_not_its_headline(tmp_path: Path) -> None:
    """Above a long article, short lines of the page that use none of its
    words (an app prompt, a city switch): none of them is the headline.
    The title is the first sentence, flagged for the editor, and the lines
    go as lines above the text."""
    page_text = "扫码下载今日头条App\n\n切换城市 [包头] ▾\n\n" + "\n\n".join(LONG)
    title, text, kinds, reason = clean_text_page(tmp_path, page_text)
    assert reason is None
    assert title == "信用卡逾期以后，银行一般会先通过短信和电话提醒持卡人尽快还款"
    assert "flag_title_guessed" in kinds
    assert "今日头条" not in text and "切换城市" not in text
    # above a short article, the same evidence is too thin: the last line is still taken
    title, _, _, _ = clean_text_page(tmp_path, "扫码下载今日头条App\n\n" + "\n\n".join(PARAGRAPHS))
    assert title == "扫码下载今日头条App"


def test_a_guessed_title_leaves_its_one_sentence_paragraph_in_the_text(tmp_path: Path) -> None:
    """The guessed title is the first sentence; when that sentence is a
    paragraph of its own, it is not an echo of the title to remove."""
    first = "信用卡逾期以后不要慌。"
    title, text, kinds, _ = clean_text_page(tmp_path, "\n\n".join([first, *PARAGRAPHS]))
    assert title == "信用卡逾期以后不要慌" and "flag_title_guessed" in kinds
    assert text.startswith(first)


@pytest.mark.parametrize(
    "headline",
    [
        "逆水寒再按照这个速度研发下去 应该马上就要收到律师函了！",
        "交通运输部：着力打造京津冀区域综合立体交通网络",
    ],
)
def test_a_headline_the_title_was_guessed_from_leaves_the_text(tmp_path: Path, headline: str) -> None:
    """A headline that does not look like one (an exclamation at its end, a
    long name before a colon) gives the guessed title; it is a headline
    still, and leaves the text as the title does."""
    title, text, kinds, _ = clean_text_page(tmp_path, "\n\n".join([headline, *PARAGRAPHS]))
    assert "flag_title_guessed" in kinds and title == headline.rstrip("！")
    assert headline not in text and text.startswith(PARAGRAPHS[0])


def test_a_reporters_credit_under_the_headline_is_not_the_title(tmp_path: Path) -> None:
    """A reporter's credit (某某新闻记者 张三 李四) shares the outlet's name
    with an article that quotes it; it is a credit line, not a headline,
    and stays in the text."""
    headline = "信用卡逾期以后如何与银行协商"
    credit = "城市晚报记者 张三 李四"
    quoted = [p.replace("银行", "银行告诉城市晚报记者，", 1) for p in PARAGRAPHS]
    title, text, _, _ = clean_text_page(tmp_path, "\n\n".join([headline, credit, *quoted]))
    assert title == headline and text.split("\n\n")[0] == credit


def test_a_lead_with_a_semicolon_under_the_headline_is_not_the_title(tmp_path: Path) -> None:
    """One semicolon may join a headline's two items, but under a headline
    a line that joins two clauses with one is the article's lead."""
    headline = "网贷逾期三个月会怎样"
    lead = "逾期不还后果严重；协商还款是正道"
    title, text, _, _ = clean_text_page(tmp_path, "\n\n".join([headline, lead, *PARAGRAPHS]))
    assert title == headline and text.split("\n\n")[0] == lead


def test_a_headline_under_a_columns_name_between_chrome_lines_stays(tmp_path: Path) -> None:
    """A column's name above the breadcrumb shares more of the article's
    words than the headline below it; the headline, between the breadcrumb
    and the dateline, uses some of them, so it is no poster's card and
    stays on the page."""
    column, headline = "逾期还款协商", "一位持卡人的自述"
    page_text = "\n\n".join(
        [column, "首页 > 信用卡 > 正文", headline, "2024-03-01 10:00 来源：本站", *PARAGRAPHS]
    )
    title, text, _, _ = clean_text_page(tmp_path, page_text)
    assert headline in [title, *text.split("\n\n")]
