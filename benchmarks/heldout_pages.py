"""Build the held-out set of real Chinese web pages for main-content extraction.

    python benchmarks/heldout_pages.py OUTDIR [--mirrors DIR]
    python benchmarks/real_pages.py OUTDIR --compare

OUTDIR is a scratch folder outside the project (made if missing; old
OUTDIR/pages/*.html are removed first). It gets what the development set's
build (../shared/realhtml-dev/build.py) writes, so real_pages.py scores it
unchanged:

- OUTDIR/pages/<id>.html: the page bytes as the source repository holds them
  (nothing re-encoded: GB2312/GBK, UTF-8 and Traditional-script pages as
  published);
- OUTDIR/gold.jsonl: one record per page with id, title, title_alt, text,
  set, site, url, source.

No cleaning rule of the pipeline was tuned on these pages: they come from
public repositories other than the development set's two (and other than
the ones reserved for someone else's evaluation), and they were labelled
after the rules were written. Keep it that way: score on them, don't tune
on them.

Where the pages come from. The script reads ten public repositories from
bare git mirrors: --mirrors DIR, else $MIRRORS, else the nearest folder
named .mirror in the current directory or one above it; each repository as
DIR/<owner>+<name>/repo (bare, or a clone with repo/.git), DIR/<owner>+<name>
or DIR/<owner>+<name>.git. If one is missing it says what to fetch. Each
page is read at the commit named in the labels (a newer snapshot that lacks
it is used with a warning; the gold check below then tells whether the page
still fits).

  repository (licence of the repository)           pages  set
  mozilla/readability (Apache-2.0)                      4  readability-js
  goose3/goose3 (Apache-2.0)                            2  goose3
  AndyTheFactory/newspaper4k (MIT)                      2  newspaper4k
  adbar/trafilatura (Apache-2.0)                        3  trafilatura
  adbar/htmldate (Apache-2.0)                           5  htmldate
  Gerapy/GerapyAutoExtractor (Apache-2.0)               3  gerapy
  sonyfe25cp/EventsMachine (no licence stated)          4  eventsmachine
  chyroc/WechatSogou (Apache-2.0)                       3  wechatsogou
  7sDream/zhihu-py3 (MIT)                               1  zhihu-py3
  chrislinan/cx-extractor-python (MIT, added after     13  cx-extractor
    the 2015 commit that holds the pages)

Why only references are committed. The pages, and so their article text,
belong to their publishers (news sites, blogs, a Q&A site, WeChat accounts);
a repository's own licence covers its code, not the third-party pages it
keeps as test data, and one of the ten states no licence at all. So the
project holds no page and no gold text. benchmarks/heldout/labels.jsonl
holds, per page: where it is (repository, commit, path), its id, site, url
and set, the gold title and accepted variants (a headline, as the
development set's build also carries), and the gold body BY REFERENCE: each
gold line as the first 16 hex digits of the SHA-1 of one line of the page's
own text, optionally with a [start, end) character slice of it, plus the
SHA-1 of the whole gold text. This script splits each page into lines the
same way the labels were made (decode, drop script/style/head and the like,
one line per block element, white space collapsed), picks the referenced
lines in page order and checks the result against that SHA-1, so it
reproduces exactly the gold that was labelled, or stops and says which page
no longer fits.

How the gold was made (by hand, for each page): the page's lines were read
in order, the headline recorded as title (variants in title_alt), and the
article body marked line by line, leaving out, as the development set does:
the headline itself, credit lines (责任编辑, 来源, 原标题, 作者/记者 lines and
trailing author notes such as "（评论员 …）"), navigation, share and "app"
promotion bars, related-news boxes (also those inside the body), tags,
comments, and footers. Kept: subheadings, photo captions that describe the
picture, an editor's note that opens a column; left out: pure photo credits
(…供图, 图片来源：…) and the summary "deck" some portals put above the body
(ep-summary, [摘要 …]). A page's "note" in the labels says where a choice was
made that a reader could make differently.

First measurement (real_pages.py --compare, all 40 pages, at the commit that
added this set): the pipeline's mean F1 0.943 (median 0.994), no page without
text, titles 40/40; readability-lxml 0.940 (titles 26/40); trafilatura 0.903
(titles 28/40). Its worst pages then: a WeChat digest whose extraction kept
only an embedded scroll box; 163.com finance pages whose body holds an app
promotion and a news-list box; a CNA page with related-news links inside
the body and a related-news block after it.

Needs git and lxml (the project's .venv/bin/python has it).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import lxml.html

LABELS = Path(__file__).resolve().parent / "heldout" / "labels.jsonl"

# every block element starts and ends a line of the page's text
BLOCK = {
    "p", "div", "br", "li", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre",
    "section", "article", "table", "ul", "ol", "dd", "dt", "dl", "figure", "figcaption", "center", "hr",
    "header", "footer", "nav", "aside", "main", "form", "title",
}  # fmt: skip
DROP = (
    "//script|//style|//noscript|//iframe|//button|//select|//textarea|//svg|//video|//audio"
    "|//template|//head"
)


# ---------------------------------------------------------------- the source repositories
def find_mirrors(arg: Path | None) -> Path | None:
    if arg is not None:
        return arg
    if os.environ.get("MIRRORS"):
        return Path(os.environ["MIRRORS"])
    for d in (Path.cwd(), *Path.cwd().parents):
        if (d / ".mirror").is_dir():
            return d / ".mirror"
    return None


def gitdir(mirrors: Path | None, repo: str) -> Path | None:
    if mirrors is None:
        return None
    name = repo.replace("/", "+")
    for d in (
        mirrors / name / "repo" / ".git",
        mirrors / name / "repo",
        mirrors / name,
        mirrors / f"{name}.git",
    ):
        if (d / "HEAD").exists():
            return d
    return None


def missing_repos(mirrors: Path | None, repos: list[str]) -> str:
    where = f"in {mirrors}" if mirrors else "($MIRRORS is unset and no folder named .mirror is here or above)"
    fetches = "".join(f"    fetch github:{r}\n" for r in repos)
    return (
        f"cannot find these source repositories {where}.\n"
        f"Fetch them first:\n{fetches}"
        "(they land as bare git folders, .mirror/<owner>+<name>/repo; a clone at DIR/<owner>+<name>\n"
        "works too). Then run this from the folder holding .mirror or any folder below it, or say\n"
        "where the folder is:\n"
        "    python benchmarks/heldout_pages.py OUTDIR --mirrors DIR     (or: MIRRORS=DIR ...)"
    )


def git(d: Path, *args: str) -> bytes:
    return subprocess.run(["git", "--git-dir", str(d), *args], check=True, capture_output=True).stdout


def usable_commit(d: Path, repo: str, pinned: str, warned: set[str]) -> str:
    if (
        subprocess.run(
            ["git", "--git-dir", str(d), "cat-file", "-e", f"{pinned}^{{commit}}"], capture_output=True
        ).returncode
        == 0
    ):
        return pinned
    head = git(d, "rev-parse", "HEAD").decode().strip()
    if repo not in warned:
        warned.add(repo)
        print(
            f"warning: {repo}: this snapshot lacks commit {pinned[:12]}, which the gold was made from; "
            f"using {head[:12]}",
            file=sys.stderr,
        )
    return head


# ---------------------------------------------------------------- a page's lines
def decode(raw: bytes) -> str:
    """For rebuilding the gold only (an extractor under test decodes the bytes itself)."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    m = re.search(rb'charset\s*=\s*["\']?([\w-]+)', raw[:5000], re.I)
    enc = m.group(1).decode("ascii").lower() if m else "gb18030"
    if enc in ("gb2312", "gbk", "x-gbk", "gb_2312-80"):
        enc = "gb18030"
    if enc == "big5":
        enc = "big5hkscs"
    try:
        return raw.decode(enc)
    except (LookupError, UnicodeDecodeError):
        return raw.decode("gb18030", errors="replace")


def page_lines(raw: bytes) -> list[str]:
    """The page's visible text, one line per block, white space collapsed, empty lines dropped."""
    root = lxml.html.document_fromstring(decode(raw))
    for junk in root.xpath(DROP):
        junk.drop_tree()
    parts: list[str] = []

    def walk(node) -> None:
        if not isinstance(node.tag, str):  # comment or processing instruction
            if node.tail:
                parts.append(node.tail)
            return
        block = node.tag in BLOCK
        if block:
            parts.append("\n")
        if node.text:
            parts.append(node.text)
        for child in node:
            walk(child)
        if block:
            parts.append("\n")
        if node.tail:
            parts.append(node.tail)

    walk(root)
    lines = (re.sub(r"\s+", " ", line).strip() for line in "".join(parts).split("\n"))
    return [line for line in lines if line]


def line_key(line: str) -> str:
    return hashlib.sha1(line.encode("utf-8")).hexdigest()[:16]


def text_key(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def gold_text(lines: list[str], refs: list) -> str | None:
    """The gold lines: each reference is a line key, or [key, start, end] for a slice of that line.
    Taken in page order; None when a reference is not found after the previous one."""
    keys = [line_key(line) for line in lines]
    out: list[str] = []
    at = 0
    for ref in refs:
        key, start, end = (ref, None, None) if isinstance(ref, str) else ref
        try:
            at = keys.index(key, at)
        except ValueError:
            return None
        out.append(lines[at][start:end].strip())
        at += 1
    return "\n".join(out)


# ---------------------------------------------------------------- build
def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("outdir", type=Path, help="a scratch folder for pages/ and gold.jsonl")
    ap.add_argument(
        "--mirrors",
        type=Path,
        help="folder holding <owner>+<name>/repo git folders "
        "(default: $MIRRORS, else the nearest .mirror folder here or above)",
    )
    args = ap.parse_args()
    labels = [json.loads(line) for line in LABELS.read_text("utf-8").splitlines() if line.strip()]
    mirrors = find_mirrors(args.mirrors)
    repos = sorted({lab["source"]["repo"] for lab in labels})
    dirs = {repo: gitdir(mirrors, repo) for repo in repos}
    missing = [repo for repo, d in dirs.items() if d is None]
    if missing:
        sys.exit(missing_repos(mirrors, missing))
    out = args.outdir.resolve()
    (out / "pages").mkdir(parents=True, exist_ok=True)
    for old in (out / "pages").glob("*.html"):
        old.unlink()
    rows, warned, misfits = [], set(), []
    for lab in labels:
        src = lab["source"]
        d = dirs[src["repo"]]
        assert d is not None
        commit = usable_commit(d, src["repo"], src["commit"], warned)
        try:
            raw = git(d, "show", f"{commit}:{src['path']}")
        except subprocess.CalledProcessError:
            sys.exit(f"{src['repo']}@{commit[:12]} lacks {src['path']}; fetch it again")
        text = gold_text(page_lines(raw), lab["lines"])
        if text is None or text_key(text) != lab["text_sha1"]:
            misfits.append(f"{lab['id']} ({src['repo']}:{src['path']})")
            continue
        (out / "pages" / f"{lab['id']}.html").write_bytes(raw)
        rows.append(
            {
                "id": lab["id"],
                "set": lab["set"],
                "site": lab["site"],
                "url": lab["url"],
                "title": lab["title"],
                "title_alt": lab["title_alt"],
                "text": text,
                "source": f"github:{src['repo']}@{commit[:12]}:{src['path']}",
            }
        )
    if misfits:
        sys.exit(
            f"the gold no longer fits {len(misfits)} page(s): {', '.join(misfits)}\n"
            "(a changed page, or an lxml whose parsing differs from the one the labels were made with)"
        )
    with open(out / "gold.jsonl", "w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    sites = Counter(r["site"] for r in rows)
    sets = Counter(r["set"] for r in rows)
    print(f"{len(rows)} pages from {len(sites)} sites ({dict(sets)}) -> {out}")


if __name__ == "__main__":
    main()
