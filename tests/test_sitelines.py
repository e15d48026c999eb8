"""Chrome by repetition: lines a site prints on most of its pages leave the
edges of its pages, whatever they say; lines an article shares with a few
others (a quoted law, a hotline) stay."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from pipeline.cleaners.context import Cut, strip_by_context
from pipeline.headline import key
from pipeline.run import Run
from pipeline.sitelines import Seen, Site, SiteLines, page_hashes, site_of, strip_edges

ARTICLES = [
    (
        "逾期三天会不会影响征信",
        "很多人担心逾期三天就会留下不良记录。其实多数银行设有宽限期，在宽限期内还清通常不会上报。",
        "不过各家银行的规定并不一样，最好第一时间打客服电话确认自己的宽限期是几天，并且设置自动还款，避免再次忘记。",
    ),
    (
        "网贷逾期后催收打电话给家人怎么办",
        "催收人员联系借款人的家人，往往是为了施加压力。借款人可以要求对方停止骚扰无关的第三人。",
        "如果对方言语威胁或者频繁骚扰，要保存通话录音，向平台和监管部门投诉，必要时也可以向当地派出所报警处理。",
    ),
    (
        "信用卡停息挂账需要什么条件",
        "停息挂账一般要求持卡人确实因为失业、疾病等原因暂时失去还款能力，并且有还款意愿。",
        "申请时要准备困难证明和收入情况说明，和银行约定一个能够做到的分期方案，签订书面协议后按月足额还款。",
    ),
    (
        "借呗逾期一个月的后果",
        "借呗逾期以后会按日收取罚息，逾期记录会报送征信，今后申请贷款和信用卡都会受到影响。",
        "发现自己还不上时，应尽早联系官方客服说明情况，争取延期或者分期偿还，千万不要相信网上所谓的代办机构，以免再被骗走一笔手续费。",
    ),
    (
        "被起诉以后怎样应诉",
        "收到法院的传票以后不要惊慌，先核实案件的真实性，再按照传票上的时间按时出庭。",
        "可以准备好还款记录和困难证明，在庭审中说明情况，争取调解分期履行，不出庭只会让判决对自己更加不利。",
    ),
]
BANNER = "欢迎光临某某财经网，专注个人信贷知识，帮您走出债务困境"
FOOTER = "本站内容均来自网络整理，转载请注明出处"
LAW = "《民法典》第六百七十五条 借款人应当按照约定的期限返还借款。"


def write_site(
    folder: Path,
    articles: list[tuple[str, str, str]],
    law_on: int = 0,
    last: str = FOOTER,
    dated: bool = True,
) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for n, (title, first, second) in enumerate(articles):
        second += "有了具体情况，再根据自己的收入制定切实可行的还款计划，一步一步把欠款还清。"
        law = [LAW] if n < law_on else []
        # the site prints the day's date in its banner
        banner = f"{BANNER}，今天是2024年3月{n + 1}日" if dated else BANNER
        lines = [banner, title, first, *law, second, last]
        (folder / f"{n}.txt").write_text("\n\n".join(lines), encoding="utf-8")


def run(tmp_path: Path, *sources: Path, force: bool = False) -> list[dict]:
    manifest = tmp_path / "manifest.jsonl"
    Run(tmp_path / "guides", state=tmp_path / "state.sqlite", force=force).execute(list(sources), manifest)
    return [json.loads(line) for line in manifest.read_text(encoding="utf-8").splitlines()]


def published(records: list[dict]) -> list[dict]:
    return [r for r in records if r["status"] == "published"]


def test_a_sites_banner_and_footer_leave_every_page_and_the_article_stays(tmp_path: Path) -> None:
    write_site(tmp_path / "site", ARTICLES[:4])
    records = published(run(tmp_path, tmp_path / "site"))
    assert len(records) == 4
    for record in records:
        guide = Path(record["output"]).read_text(encoding="utf-8")
        assert BANNER not in guide and FOOTER not in guide
        assert record["title"] in {title for title, _, _ in ARTICLES}
        removed = [f["message"] for f in record["findings"] if f["kind"] == "site_chrome"]
        assert any("4 of the 4 pages" in m and "转载请注明出处" in m for m in removed)
        assert any("4 of the 4 pages" in m and BANNER in m for m in removed)
    everything = "".join(Path(r["output"]).read_text(encoding="utf-8") for r in records)
    for _, first, second in ARTICLES[:4]:
        assert first in everything and second in everything


def test_a_slogan_taken_for_the_title_gives_way_to_the_headline(tmp_path: Path) -> None:
    # a slogan of several clauses above the headline: the page seemed to
    # have no headline, and the slogan became the title
    write_site(tmp_path / "site", ARTICLES[:4], dated=False)
    records = published(run(tmp_path, tmp_path / "site"))
    assert sorted(r["title"] for r in records) == sorted(title for title, _, _ in ARTICLES[:4])
    for record in records:
        kinds = [f["kind"] for f in record["findings"]]
        assert "title_after_site_chrome" in kinds and "flag_title_guessed" not in kinds
        messages = [f["message"] for f in record["findings"] if f["kind"] == "site_chrome"]
        assert any("was a line of" in m and BANNER in m for m in messages)
        assert BANNER not in Path(record["output"]).read_text(encoding="utf-8")


def test_a_banner_taken_for_the_title_gives_way(tmp_path: Path) -> None:
    # the banner looks like a headline and the headline does not (a label,
    # a colon and a space): the banner became the title
    banner = "欢迎莅临某某财经网官方网站"
    site = tmp_path / "site"
    site.mkdir()
    for n, (title, first, second) in enumerate(ARTICLES[:4]):
        lines = [
            banner,
            f"问答： {title}",
            first,
            second + "有了具体情况，再制定切实可行的还款计划，一步一步把欠款还清。",
        ]
        (site / f"{n}.txt").write_text("\n\n".join(lines), encoding="utf-8")
    records = published(run(tmp_path, site))
    assert sorted(r["title"] for r in records) == sorted(f"问答： {t}" for t, _, _ in ARTICLES[:4])
    for record in records:
        messages = [f["message"] for f in record["findings"] if f["kind"] == "site_chrome"]
        assert any("was a line of" in m and banner in m for m in messages)
        assert banner not in Path(record["output"]).read_text(encoding="utf-8")


def test_a_line_inside_the_articles_stays_even_on_every_page(tmp_path: Path) -> None:
    write_site(tmp_path / "site", ARTICLES, law_on=5)
    records = published(run(tmp_path, tmp_path / "site"))
    assert len(records) == 5
    for record in records:
        assert LAW in Path(record["output"]).read_text(encoding="utf-8").replace("\\", "")


def test_a_sentence_needs_more_pages_than_a_banner(tmp_path: Path) -> None:
    closing = "如果还有疑问，可以咨询专业律师，也可以拨打12378热线。"
    write_site(tmp_path / "four", ARTICLES[:4], last=closing)
    four = published(run(tmp_path / "a", tmp_path / "four"))
    assert all(closing in r["text"] for r in four)
    write_site(tmp_path / "five", ARTICLES, last=closing)
    five = published(run(tmp_path / "b", tmp_path / "five"))
    assert len(five) == 5 and not any(closing in r["text"] for r in five)


def test_a_page_too_short_without_its_sites_lines_is_rejected(tmp_path: Path) -> None:
    site = tmp_path / "site"
    write_site(site, ARTICLES[:4])
    title, first, _ = ARTICLES[4]
    lines = [
        BANNER,
        title,
        first,
        "一段话。" * 5,
        FOOTER,
        "本站所有内容仅供参考，不构成任何建议，请读者自行判断",
    ]
    (site / "short.txt").write_text("\n\n".join(lines), encoding="utf-8")
    for n in range(4):  # the site prints its disclaimer on every page
        page = site / f"{n}.txt"
        page.write_text(page.read_text(encoding="utf-8") + "\n\n" + lines[-1], encoding="utf-8")
    records = run(tmp_path, site)
    [short] = [r for r in records if r["source"].endswith("short.txt")]
    assert short["status"] == "rejected"
    assert short["reason"].startswith("too short after cleaning") and "its site prints" in short["reason"]
    assert len(published(records)) == 4


def test_pages_of_different_sites_do_not_count_together(tmp_path: Path) -> None:
    for n, article in enumerate(ARTICLES[:4]):
        write_site(tmp_path / f"site{n}", [article])
    records = published(run(tmp_path, *(tmp_path / f"site{n}" for n in range(4))))
    assert len(records) == 4
    assert not any(f["kind"] == "site_chrome" for r in records for f in r["findings"])


def test_a_later_batch_learns_from_the_earlier_ones_and_a_page_counts_once(tmp_path: Path) -> None:
    site = tmp_path / "site"
    write_site(site, ARTICLES[:2], dated=False)
    first = published(run(tmp_path, site))
    assert not any(f["kind"] == "site_chrome" for r in first for f in r["findings"])
    # cleaning the same two pages again does not make four pages of them
    again = published(run(tmp_path, site, force=True))
    assert not any(f["kind"] == "site_chrome" for r in again for f in r["findings"])
    # a third page of the site, in a batch of its own: the banner is now on
    # three of its three pages
    later = tmp_path / "later"
    write_site(later, ARTICLES[2:3], dated=False)
    (later / "0.txt").rename(site / "2.txt")
    records = published(run(tmp_path, site / "2.txt"))
    [record] = [r for r in records if r["source"].endswith("2.txt")]
    assert BANNER not in Path(record["output"]).read_text(encoding="utf-8")
    assert record["title"] == ARTICLES[2][0]
    assert any("3 of the 3 pages" in f["message"] for f in record["findings"] if f["kind"] == "site_chrome")


def test_pruned_pages_count_no_more(tmp_path: Path) -> None:
    site = tmp_path / "site"
    write_site(site, ARTICLES[:3], dated=False)
    run(tmp_path, site)
    for n in (1, 2):
        (site / f"{n}.txt").unlink()
    job = Run(tmp_path / "guides", state=tmp_path / "state.sqlite")
    job.prune()
    rows = job.site_lines.db.execute("SELECT COUNT(*) FROM site_lines").fetchone()[0]
    assert rows == 1
    # a new page of the site: the banner is on 2 of its 2 pages now, too few
    write_site(tmp_path / "new", ARTICLES[3:4], dated=False)
    (tmp_path / "new" / "0.txt").rename(site / "3.txt")
    [record] = [r for r in run(tmp_path, site / "3.txt") if r["source"].endswith("3.txt")]
    assert not any(f["kind"] == "site_chrome" for f in record["findings"])


def test_a_line_on_few_of_a_sites_pages_stays() -> None:
    site = Site()
    texts = [f"{BANNER}\n\n{first}\n\n{second}" for _, first, second in ARTICLES]
    texts += [f"{first}\n\n{second}" for _, first, second in ARTICLES * 2]  # 15 pages, 5 with the banner
    for n, text in enumerate(texts):
        site.add(str(n), page_hashes(text))
    assert strip_edges(texts[0], site) == (texts[0], [])


def test_a_page_made_mostly_of_the_sites_lines_keeps_them() -> None:
    # a copy of a page, or a stub: the copy detection and the length check
    # deal with it, not the removal of chrome
    site = Site()
    stub = f"{BANNER}\n\n短短一句。\n\n{FOOTER}"
    for n in range(4):
        site.add(str(n), page_hashes(stub))
    assert strip_edges(stub, site) == (stub, [])


def test_site_is_the_host_or_the_folder() -> None:
    assert site_of("http://www.Example.com/x", "/a/b.html") == "example.com"
    assert site_of("https://example.com/y", "/c/d.html") == "example.com"
    assert site_of("https://other.example.org/y", "/a/b.html") == "other.example.org"
    assert site_of(None, "/a/b.html") != site_of(None, "/c/d.html")


def counted_site(pages: list[str]) -> Site:
    """A site whose pages are ``pages``, counted."""
    site = Site()
    for n, page in enumerate(pages):
        site.add(str(n), page_hashes(page))
    return site


TOOLBAR = "复制链接 生成海报 分享到微博"
COMMENTS = ["网友小王：学到了，谢谢分享", "匿名用户：写得真好，收藏了", "老李：说得太对了", "游客8号：顶一下"]


def test_what_stands_between_the_sites_lines_goes_with_them(tmp_path: Path) -> None:
    """A reader's comment between the site's toolbar and its footer differs
    on every page; standing between two of the site's lines, it is the
    template's too."""
    write_site(tmp_path / "site", ARTICLES[:4])
    for n, comment in enumerate(COMMENTS):
        page = tmp_path / "site" / f"{n}.txt"
        text = page.read_text(encoding="utf-8").replace(FOOTER, f"{TOOLBAR}\n\n{comment}\n\n{FOOTER}")
        page.write_text(text, encoding="utf-8")
    records = published(run(tmp_path, tmp_path / "site"))
    assert len(records) == 4
    for record, comment in zip(sorted(records, key=lambda r: r["source"]), COMMENTS, strict=True):
        assert comment not in record["text"] and TOOLBAR not in record["text"]
        messages = [f["message"] for f in record["findings"] if f["kind"] == "site_chrome"]
        assert any(comment in m and "between the page's edge and 「复制链接" in m for m in messages), messages


def test_what_follows_the_article_before_the_sites_lines_stays(tmp_path: Path) -> None:
    """A checklist after the last paragraph, then the site's footer: the
    walk in from the edge stops at the article, and the checklist stays."""
    write_site(tmp_path / "site", ARTICLES[:4])
    checklists = [
        ["身份证复印件", "近半年的收入证明"],
        ["与催收人员的通话录音", "对方发来的短信截图"],
        ["银行出具的还款协议", "每月还款的转账记录"],
        ["借款合同和借条原件", "法院的传票和起诉状"],
    ]
    for n, checklist in enumerate(checklists):
        page = tmp_path / "site" / f"{n}.txt"
        text = page.read_text(encoding="utf-8").replace(FOOTER, "\n\n".join([*checklist, TOOLBAR, FOOTER]))
        page.write_text(text, encoding="utf-8")
    records = published(run(tmp_path, tmp_path / "site"))
    assert len(records) == 4
    for record, checklist in zip(sorted(records, key=lambda r: r["source"]), checklists, strict=True):
        assert all(item in record["text"] for item in checklist)
        assert TOOLBAR not in record["text"]


def test_a_sites_line_the_cleaner_took_off_some_pages_counts_on_them(tmp_path: Path) -> None:
    """The site's app prompt is on all four pages; on two, a copyright
    line beside it takes it away in the cleaning, so only two cleaned pages
    print it. Counted on the pages as read, it is the site's on all four."""
    prompt = "打开APP阅读全文体验更佳"
    write_site(tmp_path / "site", ARTICLES[:4])
    for n in range(4):
        page = tmp_path / "site" / f"{n}.txt"
        tail = f"版权所有 © 2024 某某财经网\n\n{prompt}" if n < 2 else prompt
        text = page.read_text(encoding="utf-8").replace(FOOTER, f"{tail}\n\n{FOOTER}")
        page.write_text(text, encoding="utf-8")
    records = published(run(tmp_path, tmp_path / "site"))
    assert len(records) == 4
    assert not any(prompt in record["text"] for record in records)


WIDGET = "本帖最后由楼主编辑过"


def write_sites(folder: Path, articles: list[tuple[str, str, str]], last: str) -> list[Path]:
    """One article on each of several sites (folders), each ending on
    ``last``."""
    sites = []
    for n, article in enumerate(articles):
        site = folder / f"site{n}"
        write_site(site, [article], last=last)
        sites.append(site)
    return sites


def test_a_line_many_sites_print_around_different_articles_goes(tmp_path: Path) -> None:
    """Five sites, one page each: no site repeats a line, but the same
    widget line ends five different articles on five sites: a template's
    (a platform's, a CMS's) line."""
    records = published(run(tmp_path, *write_sites(tmp_path, ARTICLES, WIDGET)))
    assert len(records) == 5
    for record in records:
        assert WIDGET not in record["text"]
        messages = [f["message"] for f in record["findings"] if f["kind"] == "site_chrome"]
        wanted = "5 sites print at the edges of 5 articles"
        assert any(wanted in m and WIDGET in m for m in messages), messages


def test_a_line_of_one_article_copied_to_many_sites_stays(tmp_path: Path) -> None:
    """The same article on five sites, with its own closing line: five
    sites print it, but around one article. It is the article's."""
    closing = "祝大家早日上岸，走出债务困境"
    copies = [(title, first, second + "。" * n) for n, (title, first, second) in enumerate([ARTICLES[0]] * 5)]
    records = published(run(tmp_path, *write_sites(tmp_path, copies, closing)))
    assert records and all(closing in record["text"] for record in records)


@pytest.mark.parametrize("label", ["等你来答", "精选回答"])
def test_a_short_label_many_sites_print_around_different_articles_goes(tmp_path: Path, label: str) -> None:
    """A widget's label too short to compare on one site (four characters)
    is a template's when five sites print it at the edges of five articles."""
    records = published(run(tmp_path, *write_sites(tmp_path, ARTICLES, label)))
    assert len(records) == 5
    assert all(label not in record["text"] for record in records)


def test_a_short_closing_line_of_one_article_copied_to_many_sites_stays(tmp_path: Path) -> None:
    closing = "早日上岸"
    copies = [(title, first, second + "。" * n) for n, (title, first, second) in enumerate([ARTICLES[0]] * 5)]
    records = published(run(tmp_path, *write_sites(tmp_path, copies, closing)))
    assert records and all(closing in record["text"] for record in records)


def test_a_line_around_many_articles_needs_three_sites() -> None:
    """Five articles printing the line at their edges: on two sites it is
    no template's; on three it is."""
    lines = SiteLines(sqlite3.connect(":memory:"))
    widget = page_hashes(WIDGET)
    pages = [("a", 0), ("a", 1), ("b", 2), ("b", 3), ("b", 4)]
    lines.observe((site, f"p{article}", Seen(widget, widget, article)) for site, article in pages)
    assert lines.site("a").common_with(WIDGET) is None
    lines.observe([("c", "p4", Seen(widget, widget, 4))])  # the last page, now on a third site
    assert lines.site("a").common_with(WIDGET) == (5, 3)
    lines.forget(["p4"])
    assert lines.site("a").common_with(WIDGET) is None


def test_a_template_line_the_cleaner_took_off_some_pages_counts_there(tmp_path: Path) -> None:
    """On two of five sites the widget line follows a copyright line and
    the cleaning takes both; on the other three it stays after the
    article. Counted on the pages as read, five sites print it around five
    articles, so it leaves the three too."""
    sites = write_sites(tmp_path, ARTICLES, WIDGET)
    for site in sites[:2]:
        page = site / "0.txt"
        text = page.read_text(encoding="utf-8").replace(WIDGET, f"版权所有 © 2024 某某财经网\n\n{WIDGET}")
        page.write_text(text, encoding="utf-8")
    records = published(run(tmp_path, *sites))
    assert len(records) == 5 and not any(WIDGET in record["text"] for record in records)


def test_a_line_other_articles_carry_inside_their_text_is_no_templates(tmp_path: Path) -> None:
    """Four articles have the line between their paragraphs, one ends on
    it: only the lines at pages' edges are counted across sites."""
    line = "逾期以后如何与银行协商还款"
    sites = write_sites(tmp_path, ARTICLES, line)
    for site in sites[1:]:
        page = site / "0.txt"
        paragraphs = page.read_text(encoding="utf-8").split("\n\n")
        paragraphs.remove(line)
        paragraphs.insert(3, line)  # banner, title, first paragraph, line, second paragraph
        page.write_text("\n\n".join(paragraphs), encoding="utf-8")
    records = published(run(tmp_path, *sites))
    assert len(records) == 5 and all(line in record["text"] for record in records)


def test_a_prose_line_is_never_a_templates() -> None:
    lines = SiteLines(sqlite3.connect(":memory:"))
    sentences = "如果您还有其他问题，可以咨询专业的律师，也可以拨打当地的法律援助热线寻求免费的帮助。"
    closing = sentences.replace("，", " ").rstrip("。")
    counted = page_hashes(closing)
    lines.observe((f"s{n}", f"p{n}", Seen(counted, counted, n)) for n in range(5))
    assert lines.site("s0").common_with(closing) == (5, 5)
    # the same characters, written in sentences: prose
    assert lines.site("s0").common_with(sentences) is None


THREAD = [
    "说说你的想法…",
    "小王同学 3月26日 13:51",
    "火钳刘明",
    "老李头 4月2日 09:12",
    "这篇真的良心",
    "路过的猫 4月3日 22:40",
    "学到了学到了",
    "同类问题",
    "#1 信用卡晚还一天算不算逾期（附真实案例）",
    "#2 大额存单怎么选？6款产品实测对比",
    "#3 分期手续费能退吗？律师这样说",
    "#4 征信花了多久能养好",
]


def test_a_thread_longer_than_the_article_still_goes_with_the_sites_lines() -> None:
    """Comments and related headlines between the site's toolbar and its
    footer can hold more characters than a short article: what decides
    whether the page keeps its edges is how much of its text written in
    sentences would go, not how much text."""
    pages = [
        "\n\n".join([first, second, TOOLBAR, *THREAD[: 8 + n], FOOTER])
        for n, (_, first, second) in enumerate(ARTICLES)
    ]
    site = counted_site(pages)
    text, removed = strip_edges(pages[0], site)
    assert text == f"{ARTICLES[0][1]}\n\n{ARTICLES[0][2]}"
    assert {r.line for r in removed} == {TOOLBAR, FOOTER, *THREAD[:8]}


def test_a_copy_of_an_article_on_most_of_a_sites_pages_keeps_its_text() -> None:
    """Every line of an article printed on five of the site's six pages is
    a line of the site by count; taking them off would take the article,
    so the page keeps them (the copy detection deals with copies)."""
    site = Site()
    _, first, second = ARTICLES[0]
    copy = f"{BANNER}\n\n{first}\n\n{second}\n\n{FOOTER}"
    for n in range(5):
        site.add(str(n), page_hashes(copy))
    site.add("other", page_hashes(f"{BANNER}\n\n{ARTICLES[1][1]}\n\n{ARTICLES[1][2]}\n\n{FOOTER}"))
    assert strip_edges(copy, site) == (copy, [])


def test_the_walk_in_from_the_edge_stops_at_a_short_sentence() -> None:
    """A short line written in sentences (with a full stop) is the article's
    even when it is no paragraph: the walk from the edge does not pass it
    to reach a line the site repeats inside its articles."""
    pages = [
        f"{BANNER}\n\n{title}。\n\n{LAW}\n\n{first}{second}\n\n{FOOTER}" for title, first, second in ARTICLES
    ]
    site = counted_site(pages)
    text, removed = strip_edges(pages[0], site)
    assert text.startswith(f"{ARTICLES[0][0]}。") and LAW in text
    assert {r.line for r in removed} == {BANNER, FOOTER}


STATEMENTS = [
    "特别声明：本文为作者在本平台上传并发布，仅代表作者观点，本平台仅提供信息发布服务。",
    "本网站所有内容版权归原作者所有，转载请注明出处。如有侵权请联系删除。",
    "此内容为本站原创，著作权归本站所有。未经书面授权，不得以任何方式加以使用。",
    "免责声明：文章内容仅供参考，不构成投资建议。投资者据此操作，风险自担。",
    "原文发布于某某财经网，转载请联系作者。",
]


@pytest.mark.parametrize("edge", [[], [BANNER]])
def test_a_statement_below_the_sites_footer_goes_with_it(edge: list[str]) -> None:
    """A sentence that is not about the article (a copyright statement),
    with a block of the site's lines between it and the article, is the
    page's, even when it differs from page to page, and even when one more
    of the site's lines stands below it."""
    pages = [
        "\n\n".join([first, second, TOOLBAR, COMMENTS[n % 4], FOOTER, STATEMENTS[n], *edge])
        for n, (_, first, second) in enumerate(ARTICLES)
    ]
    site = counted_site(pages)
    text, removed = strip_edges(pages[0], site)
    assert text == f"{ARTICLES[0][1]}\n\n{ARTICLES[0][2]}"
    assert STATEMENTS[0] in {r.line for r in removed}


def test_a_closing_sentence_after_one_repeated_line_stays() -> None:
    """One line of the site is no block: a sentence after a line the site
    repeats inside its articles (an advertisement) is still the article's."""
    pages = [
        f"{first}\n\n{second}\n\n{TOOLBAR}\n\n以上就是关于{title}的全部内容。"
        for title, first, second in ARTICLES
    ]
    site = counted_site(pages)
    # the walk stops at the sentence, as it would at any
    assert strip_edges(pages[0], site) == (pages[0], [])


def test_the_articles_closing_sentence_below_a_block_of_the_sites_lines_stays() -> None:
    """A sentence at the edge that is about the article (it shares its
    words) is the article's, even below a block of the site's lines."""
    pages = [
        f"{first}\n\n{second}\n\n{TOOLBAR}\n\n{FOOTER}\n\n总之，{second[:24]}。"
        for _, first, second in ARTICLES
    ]
    site = counted_site(pages)
    text, removed = strip_edges(pages[0], site)
    assert text == pages[0] and removed == []


PLATFORM_STATEMENT = (
    "特别声明：以上作品内容（包括在内的视频、图片或音频）为本平台用户上传并发布，"
    "本平台仅提供信息存储空间服务。"
)
LEGAL_BASIS = (
    "法律依据：《民法典》第六百七十六条，借款人未按照约定的期限返还借款的，"
    "应当按照约定或者国家有关规定支付逾期利息。"
)


def test_a_statement_many_sites_print_under_different_articles_goes(tmp_path: Path) -> None:
    """A platform's statement is a sentence, but not about the article it
    ends: printed under five different articles on five sites, it is the
    platform's."""
    records = published(run(tmp_path, *write_sites(tmp_path, ARTICLES, PLATFORM_STATEMENT)))
    assert len(records) == 5
    for record in records:
        assert "特别声明" not in record["text"]
        messages = [f["message"] for f in record["findings"] if f["kind"] == "site_chrome"]
        assert any("5 sites print at the edges of 5 articles" in m for m in messages), messages


def test_a_legal_basis_many_articles_end_with_stays(tmp_path: Path) -> None:
    """The same law quoted at the end of five articles on five sites is
    about the articles (it shares their words): it stays."""
    records = published(run(tmp_path, *write_sites(tmp_path, ARTICLES, LEGAL_BASIS)))
    assert len(records) == 5
    assert all("第六百七十六条" in record["text"] for record in records)


AD_BLOCK = ["小贝债务规划 专业团队一对一服务", "全国服务中心 周一至周日全天在线"]
CLOSINGS = [
    "最后想说，负债并不可怕，可怕的是失去面对生活的勇气。照顾好自己的身体和情绪，家人永远是你最坚强的后盾。",
    "人这一辈子谁都会遇到难处，熬过去就好了。愿每一个正在低谷里的人，都能等到属于自己的那束光照进来。",
    "写到这里，窗外的天已经亮了。希望看到这篇文章的你，今天也能好好吃饭，好好睡觉，明天会更好的。",
]


def test_a_closing_paragraph_after_an_ad_block_inside_the_article_stays() -> None:
    """The site's two-line ad block before the article's last paragraph is
    a block of the site's lines, but nothing else of the page's chrome
    stands beyond that paragraph: it is the article's, however few of the
    article's words it uses."""
    pages = [
        "\n\n".join([first, second, *AD_BLOCK, *([CLOSINGS[n]] if n < 3 else [])])
        for n, (_, first, second) in enumerate(ARTICLES)
    ]
    site = counted_site(pages)
    for page, closing in zip(pages, CLOSINGS, strict=False):
        text, _ = strip_edges(page, site)
        assert closing in text


def test_a_lede_above_an_ad_block_stays() -> None:
    """Sentences are passed over only on the way up from a page's bottom:
    a story's lede above the site's ad block is the article's."""
    site = Site()
    lede = "去年冬天的一个深夜，小王坐在出租屋里一遍遍地翻看手机，催收短信一条接着一条，他一夜都没有合眼。"
    pages = [
        "\n\n".join([f"{title}：{lede}", "编者的话", *AD_BLOCK, first, second])
        for title, first, second in ARTICLES
    ]
    site = counted_site(pages)
    text, _ = strip_edges(pages[0], site)
    assert text.startswith(f"{ARTICLES[0][0]}：{lede}")


@pytest.mark.parametrize(
    "reminder",
    [
        "银保监会提醒广大消费者，要通过正规渠道办理信贷业务，警惕所谓征信修复和债务优化等骗局。",
        "根据征信业管理条例的规定，不良信息自不良行为或者事件终止之日起保存五年，超过五年的予以删除。",
    ],
)
def test_a_regulators_reminder_many_sites_paste_under_their_articles_stays(
    tmp_path: Path, reminder: str
) -> None:
    records = published(run(tmp_path, *write_sites(tmp_path, ARTICLES, reminder)))
    assert len(records) == 5
    assert all(reminder[:12] in record["text"] for record in records)


POSTERS = [
    ("奔跑的蜗牛", 86, "10万+"),
    ("知乎用户", 64, "644.4k"),
    ("m0_51751801", 18, "273918"),
    ("柠檬", 96, "7万"),
]


def test_a_line_of_the_sites_fields_filled_in_for_each_page_goes() -> None:
    """A post's line differs on every page (the poster, the counts), but
    its fields (楼主, 回复：, 浏览：) are the site's, printed on each page:
    the site's template, filled in."""
    pages = [
        f"楼主 {name} 回复：{replies} 浏览：{views}\n\n{first}\n\n{second}"
        for (name, replies, views), (_, first, second) in zip(POSTERS, ARTICLES, strict=False)
    ]
    site = counted_site(pages)
    for page, (_, first, _) in zip(pages, ARTICLES, strict=False):
        text, removed = strip_edges(page, site)
        assert text.startswith(first) and [r.line.split()[0] for r in removed] == ["楼主"]


def test_a_line_of_fields_only_its_page_prints_stays() -> None:
    """A ledger's line at the top of one page (借款：5000元 beside a date)
    is made of a field no other page of the site prints: the article's."""
    ledger = "借款：5000元 2023-05-01"
    pages = [f"{first}\n\n{second}" for _, first, second in ARTICLES[:4]]
    pages[0] = f"{ledger}\n\n{pages[0]}"
    site = counted_site(pages)
    assert strip_edges(pages[0], site) == (pages[0], [])


def test_a_line_with_two_words_of_its_own_beside_the_sites_field_stays() -> None:
    """The site's field beside two words of the page's own (a name and a
    place of a case) is not the template's line."""
    cases = [("张三", "北京"), ("李四", "上海"), ("王五", "广州"), ("赵六", "深圳")]
    pages = [
        f"当事人 {name} {city} 2023-05-01\n\n{first}\n\n{second}"
        for (name, city), (_, first, second) in zip(cases, ARTICLES, strict=False)
    ]
    site = counted_site(pages)
    assert strip_edges(pages[0], site) == (pages[0], [])
    # with one word of its own, it is
    one = [page.replace(f" {city} ", " ") for page, (_, city) in zip(pages, cases, strict=True)]
    assert strip_edges(one[0], counted_site(one))[1]


def test_a_statement_below_the_footer_goes_when_the_sites_template_lies_beyond() -> None:
    """Below the site's footer, a statement, then the site's post line
    filled in for the page: the filled-in line is chrome beside the
    footer, so the footer is no advertisement block inside the article,
    and the statement goes with them."""
    statement = "特别声明：以上内容为自媒体平台用户上传并发布，本平台仅提供信息存储服务。"
    pages = [
        f"{first}\n\n{second}\n\n{FOOTER}\n\n{TOOLBAR}\n\n{statement}\n\n"
        f"楼主 {name} 回复：{replies} 浏览：{views}"
        for (name, replies, views), (_, first, second) in zip(POSTERS, ARTICLES, strict=False)
    ]
    site = counted_site(pages)
    text, removed = strip_edges(pages[0], site)
    assert text == f"{ARTICLES[0][1]}\n\n{ARTICLES[0][2]}"
    assert statement in [r.line for r in removed]


def test_a_statement_below_the_footer_goes_when_a_templates_line_lies_beyond() -> None:
    """The same with a widget's line that many sites print around
    different articles (a template's, not this site's) at the bottom."""
    statement = "特别声明：以上内容为自媒体平台用户上传并发布，本平台仅提供信息存储服务。"
    bottom = f"{FOOTER}\n\n{TOOLBAR}\n\n{statement}\n\n{WIDGET}"
    texts = [f"{first}\n\n{second}\n\n{bottom}" for _, first, second in ARTICLES]
    lines = SiteLines(sqlite3.connect(":memory:"))
    # five sites of three pages each, every article on three of them
    pages = [(f"s{n}", f"s{n}/p{k}", (n + k) % 5) for n in range(5) for k in range(3)]
    lines.observe(
        (site, page, Seen(page_hashes(texts[a]), page_hashes(bottom) - page_hashes(statement), a))
        for site, page, a in pages
    )
    text, removed = strip_edges(texts[0], lines.site("s0"))
    assert text == f"{ARTICLES[0][1]}\n\n{ARTICLES[0][2]}"
    assert statement in [r.line for r in removed]


# lines the cleaner removes by their shape (a pager, a post's counters)
REMOVED_BLOCK = ["共 3 页 上一页 1 2 3 下一页", "阅读 1234 · 点赞 56 · 评论 7"]
SLOGAN = "某某财经网 用心做好每一篇"
RELATED = [
    ["信用卡年费能不能免", "网贷逾期一天要紧吗"],
    ["房贷提前还款划算吗", "白条逾期会怎么样"],
    ["助学贷款怎么续贷", "车贷逾期被拖车怎么办"],
    ["征信查询次数多了怎么办", "借条怎么写才有效"],
]


def test_headlines_below_chrome_the_cleaner_removed_under_the_article_go(tmp_path: Path) -> None:
    """Below the last paragraph the cleaner took a block of chrome off (a
    pager and a post's counters); the related headlines under it, no rule's
    and different on every page, stand between that chrome and the site's
    slogan (with a platform's statement under it, prose: the cleaner's
    context rule leaves them): they are the page's, as if the block were a
    line of the site."""
    write_site(tmp_path / "site", ARTICLES[:4], last=SLOGAN)
    for n, related in enumerate(RELATED):
        page = tmp_path / "site" / f"{n}.txt"
        tail = [*REMOVED_BLOCK, *related, SLOGAN, STATEMENTS[0]]
        text = page.read_text(encoding="utf-8").replace(SLOGAN, "\n\n".join(tail))
        page.write_text(text, encoding="utf-8")
    records = published(run(tmp_path, tmp_path / "site"))
    assert len(records) == 4
    for record, related in zip(sorted(records, key=lambda r: r["source"]), RELATED, strict=True):
        assert not any(line in record["text"] for line in [*related, STATEMENTS[0]]), record["text"]
        assert "一步一步把欠款还清。" in record["text"]
        messages = [f["message"] for f in record["findings"] if f["kind"] == "site_chrome"]
        assert any(related[0] in m and "chrome the cleaner removed" in m for m in messages), messages


def test_lines_below_chrome_the_cleaner_removed_under_a_list_stay() -> None:
    """Under a list item, not a paragraph, the article may go on below an
    advertisement the cleaner took off (a table's rows split by it): the
    lines below stay, and so do lines below chrome on the way down."""
    items = ["身份证复印件", "近半年的收入证明", "银行流水", "借款合同原件"]
    pages = [
        "\n\n".join([first, second, items[n], *RELATED[n], FOOTER])
        for n, (_, first, second) in enumerate(ARTICLES[:4])
    ]
    site = counted_site(pages)
    text, _ = strip_edges(pages[0], site, {key(items[0]): Cut(REMOVED_BLOCK[0], 2)})
    assert all(line in text for line in RELATED[0])
    page = "\n\n".join([ARTICLES[0][2], *RELATED[0], FOOTER])
    text, removed = strip_edges(page, site, {key(ARTICLES[0][2]): Cut(REMOVED_BLOCK[0], 2)})
    assert text == ARTICLES[0][2] and [r.cut for r in removed] == [True, True, False]
    text, _ = strip_edges(page, site)
    assert all(line in text for line in RELATED[0])


def test_the_cleaner_marks_a_block_it_removed_under_a_line_not_one_line() -> None:
    """What the walk from the foot is told: the lines right above a block
    of two or more lines the cleaner removed. One line removed inside the
    article (an advertisement) marks nothing."""
    _, first, second = ARTICLES[0]
    # the headlines touch a statement, prose: the context rule leaves them
    tail = [*RELATED[0], STATEMENTS[0]]
    after = "\n".join([first, second, *tail])
    marks: dict[str, str] = {}
    text = strip_by_context("\n".join([first, second, *REMOVED_BLOCK, *tail]), after, lambda *a: None, marks)
    assert (text, marks) == (after, {second: Cut(REMOVED_BLOCK[0], 2)})
    marks.clear()
    strip_by_context("\n".join([first, second, REMOVED_BLOCK[0], *tail]), after, lambda *a: None, marks)
    assert marks == {}


def test_chrome_removed_under_a_paragraph_does_not_take_lines_above_it() -> None:
    """On the way down from the page's top, a block the cleaner removed
    below the first paragraph says nothing of the byline above it."""
    byline = "记者 张三 李四"
    pages = [
        "\n\n".join([byline if n == 0 else f"通讯员 王{n}", first, second, FOOTER])
        for n, (_, first, second) in enumerate(ARTICLES[:4])
    ]
    text, _ = strip_edges(pages[0], counted_site(pages), {key(ARTICLES[0][1]): Cut(REMOVED_BLOCK[0], 2)})
    assert text.startswith(byline)


def test_a_statement_below_the_sites_footer_and_chrome_the_cleaner_removed_goes() -> None:
    """Under the last paragraph, a block the cleaner removed, the site's
    footer and a platform's statement: the block and the footer are the
    two lines of chrome beyond the statement that one line alone is not."""
    pages = ["\n\n".join([first, second, FOOTER, STATEMENTS[0]]) for _, first, second in ARTICLES[:4]]
    site = counted_site(pages)
    assert strip_edges(pages[0], site) == (pages[0], [])
    text, removed = strip_edges(pages[0], site, {key(ARTICLES[0][2]): Cut(REMOVED_BLOCK[0], 2)})
    assert text == f"{ARTICLES[0][1]}\n\n{ARTICLES[0][2]}"
    assert [r.line for r in removed] == [FOOTER, STATEMENTS[0]]


def test_a_statement_below_a_block_the_cleaner_removed_goes_with_it() -> None:
    """A block the cleaner removed under the last paragraph is as many
    lines of chrome beyond a statement below it as it had: two are enough
    for the statement to go; one line is not."""
    pages = ["\n\n".join([first, second, STATEMENTS[0]]) for _, first, second in ARTICLES[:4]]
    site = counted_site(pages)
    text, removed = strip_edges(pages[0], site, {key(ARTICLES[0][2]): Cut(REMOVED_BLOCK[0], 2)})
    assert (text, [r.line for r in removed]) == (f"{ARTICLES[0][1]}\n\n{ARTICLES[0][2]}", [STATEMENTS[0]])
    assert strip_edges(pages[0], site, {key(ARTICLES[0][2]): Cut(REMOVED_BLOCK[0], 1)}) == (pages[0], [])


def test_a_numbered_list_below_chrome_the_cleaner_removed_stays() -> None:
    """Below the last paragraph and an advertisement the cleaner removed,
    a numbered checklist is the article's closing list."""
    checklist = ["温馨提示", "1、保留好通话录音", "2、保存好短信截图"]
    pages = [
        "\n\n".join([first, second, *checklist, FOOTER, STATEMENTS[0]]) for _, first, second in ARTICLES[:4]
    ]
    site = counted_site(pages)
    text, _ = strip_edges(pages[0], site, {key(ARTICLES[0][2]): Cut(REMOVED_BLOCK[0], 2)})
    assert all(line in text for line in checklist)
