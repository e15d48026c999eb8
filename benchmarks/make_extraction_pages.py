"""Write the labelled HTML pages of tests/data/extraction/ from the cleaned
sample articles, each in the layout of a kind of Chinese site: a portal with
sidebars, a forum thread, an old table layout, a Q&A page with <br> breaks,
a CMS that uses <div> for paragraphs, and a mobile page. The article's
paragraphs are the labels; everything else on the page is chrome.

    python benchmarks/make_extraction_pages.py
"""

from __future__ import annotations

import html
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.cleaners import Cleaner  # noqa: E402
from pipeline.readers import Rejection, read_sources  # noqa: E402

OUT = ROOT / "tests" / "data" / "extraction"

CHROME_LINKS = "".join(
    f'<li><a href="/n/{i}">{t}</a></li>'
    for i, t in enumerate(
        [
            "信用卡逾期三天会怎样",
            "网贷逾期被起诉怎么办",
            "停息挂账需要什么材料",
            "征信多久能恢复",
            "花呗分期怎么还",
        ]
    )
)
NAV = (
    '<div class="nav"><a href="/">首页</a> <a href="/xyk">信用卡</a> '
    '<a href="/wd">网贷</a> <a href="/zx">征信</a></div>'
)
FOOT = '<div class="footer">关于我们 | 联系我们 | 免责声明<br>Copyright © 2024 某某网 粤ICP备20201234号</div>'


def e(text: str) -> str:
    return html.escape(text, quote=False)


def portal(title: str, paras: list[str]) -> str:
    body = "".join(f"<p>{e(p)}</p>" for p in paras)
    return (
        f"<html><head><meta charset='utf-8'><title>{e(title)}_某某财经网</title></head><body>{NAV}"
        f"<div class='crumb'>首页 &gt; 逾期 &gt; 正文</div><div class='wrap'><div class='left'>"
        f"<h1>{e(title)}</h1><div class='meta'>2025-04-14 来源：某某网 阅读：1234</div>"
        f"<div class='article-content'>{body}</div><div class='share'>分享到：微博 微信 QQ空间</div>"
        f"<div class='related'><h3>相关阅读</h3><ul>{CHROME_LINKS}</ul></div></div>"
        f"<div class='right sidebar'><h3>热门文章</h3><ul>{CHROME_LINKS}</ul></div></div>{FOOT}</body></html>"
    )


def forum(title: str, paras: list[str]) -> str:
    body = "<br><br>".join(e(p) for p in paras)
    replies = "".join(
        f"<div class='reply'><span class='user'>网友{i}</span><div class='reply-body'>{t}</div></div>"
        for i, t in enumerate(
            ["顶一下，说得很对，我上个月也是这样协商成功的。", "楼主加油，有问题可以私信我交流。"]
        )
    )
    return (
        f"<html><head><title>{e(title)} - 某某论坛</title></head><body>{NAV}"
        f"<table class='thread'><tr><td class='author'>楼主 小王 注册时间2019</td>"
        f"<td class='post'><h1>{e(title)}</h1><div class='post-body'>{body}</div></td></tr></table>"
        f"<div class='comment-list'>{replies}</div>{FOOT}</body></html>"
    )


def tables(title: str, paras: list[str]) -> str:
    rows = "".join(f"<tr><td>{e(p)}</td></tr>" for p in paras)
    return (
        f"<html><head><meta http-equiv='Content-Type' content='text/html; charset=gb2312'>"
        f"<title>{e(title)}</title></head><body><table width='100%'><tr><td>{NAV}</td></tr>"
        f"<tr><td><table><tr><td width='200'><ul>{CHROME_LINKS}</ul></td><td>"
        f"<table><tr><td><font size='4'><b>{e(title)}</b></font></td></tr>{rows}</table>"
        f"</td></tr></table></td></tr><tr><td>{FOOT}</td></tr></table></body></html>"
    )


def divs(title: str, paras: list[str]) -> str:
    body = "".join(f"<div class='para'>{e(p)}</div>" for p in paras)
    return (
        f"<html><head><title>{e(title)}|逾期知识</title></head><body>{NAV}<main><article>"
        f"<header><h1>{e(title)}</h1><span>编辑：小李</span></header><section class='text'>{body}</section>"
        f"<footer class='tags'>标签：逾期 协商 征信</footer></article></main>"
        f"<aside><div class='hot'><h4>大家都在看</h4><ul>{CHROME_LINKS}</ul></div></aside>"
        f"{FOOT}</body></html>"
    )


def mobile(title: str, paras: list[str]) -> str:
    body = "".join(f"<p><span>{e(p)}</span></p>" for p in paras)
    return (
        f"<html><head><meta name='viewport' content='width=device-width'>"
        f"<meta property='og:title' content='{e(title)}'><title>{e(title)}</title></head><body>"
        f"<div id='app'><div class='top-bar'><a href='/'>返回</a> <a href='/app'>打开App</a></div>"
        f"<div class='rich_media_content'>{body}</div>"
        f"<div class='recommend'><p class='rec-title'>为你推荐</p><ul>{CHROME_LINKS}</ul></div>"
        f"<div class='bottom-bar'>点赞 12 收藏 评论</div></div></body></html>"
    )


LAYOUTS = {"portal": portal, "forum": forum, "tables": tables, "divs": divs, "mobile": mobile}


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    cleaner = Cleaner()
    labels: dict[str, dict[str, object]] = {}
    docs = [d for d in read_sources([ROOT / "corpus" / "seeds"]) if not isinstance(d, Rejection)]
    articles = []
    for doc in docs:
        cleaned = cleaner.clean(doc)
        paras = [line for line in cleaned.text.split("\n") if line.strip()]
        articles.append((cleaned.title or "", paras))
    n = 0
    for layout, make in LAYOUTS.items():
        for title, paras in articles:
            name = f"{layout}_{n:02d}.html"
            (OUT / name).write_text(make(title, paras), encoding="utf-8")
            labels[name] = {"title": title, "paragraphs": paras}
            n += 1
    (OUT / "labels.json").write_text(json.dumps(labels, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"wrote {n} pages to {OUT}")


if __name__ == "__main__":
    main()
