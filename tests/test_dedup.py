"""Copies of the same article across pages: one guide per article, the
cleanest copy published and repaired from the others, no false merges, and
later batches checked against what was published before."""

from __future__ import annotations

import json
import random
import re
from difflib import SequenceMatcher
from pathlib import Path

import pytest

from pipeline.dedup import THRESHOLD, DedupIndex, as_minhash, minhash, shingle_hashes, signature
from pipeline.run import Run
from tests.conftest import SEEDS

SAMPLES = sorted(p.name for p in SEEDS.glob("*.txt"))


def slip_line(line: str, rng: random.Random) -> str:
    """The line as a reader sees it after one byte of its GB18030 form was lost."""
    data = line.encode("gb18030")
    at = rng.randrange(len(data) // 3, 2 * len(data) // 3)
    return (data[:at] + data[at + 1 :]).decode("gb18030", errors="replace")


def damaged_copy(text: str, seed: int, chrome: str) -> str:
    """A copy with byte slips in two long lines (different ones per seed)
    and its own site chrome."""
    rng = random.Random(seed)
    lines = text.split("\n")
    long_lines = [i for i, line in enumerate(lines) if len(line) > 60]
    for i in rng.sample(long_lines, 2):
        lines[i] = slip_line(lines[i], rng)
    return f"{chrome}\n\n" + "\n".join(lines) + "\n\nCopyright © 2024 某某网 版权所有"


def cer(truth: str, text: str) -> float:
    """Character error rate on the Chinese text (punctuation, Markdown and
    white space left out), approximated by difflib."""
    a, b = (re.sub(r"[^\u4e00-\u9fff]", "", t) for t in (truth, text))
    return 1 - SequenceMatcher(None, a, b, autojunk=False).ratio()


@pytest.fixture(scope="module")
def clusters(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, list[str]]]:
    """Three damaged copies of each sample article, in a shuffled folder."""
    folder = tmp_path_factory.mktemp("copies")
    chromes = ["首页 > 逾期资讯 > 正文", "当前位置：首页 > 信用卡", "来源：某某财经网"]
    members: dict[str, list[str]] = {}
    names = []
    for sample in SAMPLES:
        text = (SEEDS / sample).read_text(encoding="utf-8")
        for n, chrome in enumerate(chromes):
            name = f"{sample[:3]}_copy{n}.txt"
            (folder / name).write_text(
                damaged_copy(text, SAMPLES.index(sample) * 10 + n, chrome), encoding="utf-8"
            )
            members.setdefault(sample, []).append(name)
            names.append(name)
    return folder, members


def run(tmp: Path, *sources: Path, state: Path | None = None) -> list[dict]:
    """The records of this run's inputs (the manifest also describes the
    inputs of earlier runs that the state knows)."""
    manifest = tmp / "manifest.jsonl"
    Run(tmp / "guides", state=state).execute(list(sources), manifest)
    records = [json.loads(line) for line in manifest.read_text(encoding="utf-8").splitlines()]
    return [r for r in records if any(r["source"].startswith(s.as_posix()) for s in sources)]


def test_each_cluster_becomes_one_guide(tmp_path: Path, clusters: tuple[Path, dict[str, list[str]]]) -> None:
    folder, members = clusters
    records = {Path(r["source"]).name: r for r in run(tmp_path, folder)}
    for sample, names in members.items():
        group = [records[name] for name in names]
        published = [r for r in group if r["status"] == "published"]
        assert len(published) == 1, sample
        keeper = published[0]["id"]
        assert all(r["duplicate_of"] == keeper for r in group if r is not published[0])
    assert sum(r["status"] == "published" for r in records.values()) == len(members)


def test_published_copy_is_at_least_as_good_as_the_best_copy(
    tmp_path: Path, clusters: tuple[Path, dict[str, list[str]]]
) -> None:
    """Each guide compared with the guide the undamaged page gives, all
    rendered the same way: the cluster's guide has no more character errors
    than the guide of its best copy alone."""
    folder, members = clusters

    def alone(page: Path, where: str) -> str:
        [record] = run(tmp_path / where, page)
        return guide_body(record)

    records = {Path(r["source"]).name: r for r in run(tmp_path / "all", folder)}
    improved = 0
    for sample, names in members.items():
        truth = alone(SEEDS / sample, f"truth-{sample}")
        best = min(cer(truth, alone(folder / name, f"alone-{name}")) for name in names)
        [published] = [records[n] for n in names if records[n]["status"] == "published"]
        got = cer(truth, guide_body(published))
        assert got <= best + 1e-9, (sample, got, best)
        improved += any(f["kind"] == "repaired_from_copy" for f in published["findings"])
    assert improved >= 2, "sibling copies repaired damaged passages"


def guide_body(record: dict) -> str:
    """The rendered guide without the source line at its foot."""
    return record["text"].rsplit("\n---\n", 1)[0]


def test_unrelated_articles_on_the_same_topic_are_not_merged(tmp_path: Path) -> None:
    records = run(tmp_path, SEEDS)
    assert [r["status"] for r in records] == ["published"] * 4


def test_later_batch_is_checked_against_published_guides(
    tmp_path: Path, clusters: tuple[Path, dict[str, list[str]]]
) -> None:
    folder, members = clusters
    state = tmp_path / "state.sqlite"
    first = {Path(r["source"]).name: r for r in run(tmp_path, SEEDS, state=state)}
    second = run(tmp_path, folder, state=state)
    assert all(r["status"] == "duplicate" for r in second)
    for record in second:
        sample = next(s for s, names in members.items() if Path(record["source"]).name in names)
        assert record["duplicate_of"] == first[sample]["id"]
    # the same batch again changes nothing: its pages stay published
    again = run(tmp_path, SEEDS, state=state)
    assert [r["status"] for r in again] == ["published"] * 4


def test_index_survives_reopening(tmp_path: Path) -> None:
    state = tmp_path / "state.sqlite"
    text = (SEEDS / SAMPLES[0]).read_text(encoding="utf-8")
    index = DedupIndex(state)
    index.add("a", index.minhash(text), "guides/a.md", "t")
    index.close()
    reopened = DedupIndex(state)
    [match] = reopened.query(reopened.minhash(text.replace("逾期", "逾期 ")))
    assert match.id == "a" and match.similarity > 0.9
    assert reopened.query(reopened.minhash((SEEDS / SAMPLES[1]).read_text(encoding="utf-8"))) == []


def test_workers_hash_with_datasketchs_permutations(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Workers take datasketch's permutations from the table cache instead of
    importing datasketch; made afresh or read back, they are datasketch's,
    and a page's MinHash is the same either way."""
    from datasketch import MinHash

    from pipeline import dedup

    a, b = MinHash(num_perm=dedup.NUM_PERM).permutations
    text = (SEEDS / SAMPLES[0]).read_text(encoding="utf-8")
    monkeypatch.setenv("CREDIT_GUIDES_CACHE", str(tmp_path))
    values = []
    for _ in range(2):  # made afresh into an empty cache, then read from it
        dedup._permutations.cache_clear()
        pa, pb = dedup._permutations(dedup.NUM_PERM)
        assert (pa.ravel() == a.astype("uint32")).all() and (pb.ravel() == b.astype("uint32")).all()
        values.append(minhash(text).hashvalues)
    dedup._permutations.cache_clear()
    assert list(tmp_path.glob("minhash-permutations-*"))
    assert (values[0] == values[1]).all()


def test_shingles_ignore_punctuation_and_latin() -> None:
    assert (shingle_hashes("逾期一个月，怎么办？") == shingle_hashes("逾期 一个月 (ok) 怎么办")).all()


def _plain_shingle_hashes(text: str, k: int = 5) -> list[int]:
    """The shingle hash of ``pipeline.dedup`` one shingle at a time, in
    Python integers: each distinct value once, sorted."""
    codes = [ord(c) for c in re.sub(r"[^\u3400-\u9fff]+", "", text)]
    if not codes:
        return []
    k = min(k, len(codes))
    mask64 = 2**64 - 1
    found = set()
    for i in range(len(codes) - k + 1):
        h = 0
        for code in codes[i : i + k]:
            h = (h * 1000003 + code) & mask64
        h ^= h >> 33
        h = (h * 0xFF51AFD7ED558CCD) & mask64
        h ^= h >> 33
        h = (h * 0xC4CEB9FE1A85EC53) & mask64
        h ^= h >> 33
        found.add(h & 0xFFFFFFFF)
    return sorted(found)


def test_shingle_hashes_and_signatures_are_the_plain_formulas(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The numpy shingle hashing and MinHash (in place, distinct values by
    sorting, a few permutations at a time) give what the formulas give one
    shingle and one permutation at a time: repeated shingles once, in
    order, texts shorter than a shingle, and any number of permutations."""
    from pipeline.dedup import _permutations

    monkeypatch.setenv("CREDIT_GUIDES_CACHE", str(tmp_path))  # other numbers' permutations
    seed = (SEEDS / SAMPLES[0]).read_text(encoding="utf-8")
    repeated = "逾期一个月，逾期一个月，逾期一个月"
    others = "\ud800逾期一\U00020000个\u33ff\ua000月\uf900"  # a lone surrogate; outside U+3400–U+9FFF
    texts = [seed, seed[:300] * 4, repeated, "逾期", "逾期一个", "逾", "", "abc 123", others]
    for text in texts:
        hashes = _plain_shingle_hashes(text)
        assert shingle_hashes(text).tolist() == hashes
        assert shingle_hashes(text, 3).tolist() == _plain_shingle_hashes(text, 3)
        for num_perm in (128, 70, 16):
            a, b = _permutations(num_perm)
            expected = [
                min(((int(ai) * h + int(bi)) & 0xFFFFFFFF for h in hashes), default=0xFFFFFFFF)
                for ai, bi in zip(a.ravel(), b.ravel(), strict=True)
            ]
            assert signature(text, num_perm).tolist() == expected


def test_an_index_built_another_way_starts_again(tmp_path: Path) -> None:
    """Signatures from another shingle hash cannot be compared with new ones:
    the index of published pages is emptied (and the run says so), while the
    rest of the state stays."""
    state = tmp_path / "state.sqlite"
    index = DedupIndex(state)
    text = (SEEDS / SAMPLES[0]).read_text(encoding="utf-8")
    index.add("a", index.minhash(text), "guides/a.md", "t")
    index.db.execute("CREATE TABLE kept (x TEXT)")
    index.db.execute("UPDATE meta SET value = 'sha1' WHERE name = 'shingle_hash'")
    index.close()
    job = Run(tmp_path / "guides", state=state)
    assert job.index.reset and any("starts again empty" in m for m in job.summary.messages)
    assert job.index.query(job.index.minhash(text)) == []
    assert job.index.db.execute("SELECT count(*) FROM kept").fetchone() == (0,)
    assert DedupIndex(state).reset is None, "once rebuilt, the index is taken as it is"


# a site's own block under every article, in no rule table: about the site
FOOTER = (
    "某某理财网是一家专注于个人金融知识普及的网站，团队由多名银行从业人员、律师和财经记者组成，"
    "长期关注信用卡、网络借贷和个人征信方面的问题，每天为读者整理实用的经验和案例。"
    "我们相信，只要掌握正确的方法，每一位遇到困难的借款人都能找到适合自己的解决办法，"
    "重新走上正常的生活轨道。网站的文章按照问题分类，读者可以通过页面顶部的栏目找到需要的内容，"
    "也可以在每篇文章的末尾看到相关的延伸阅读，方便系统地了解一个问题的来龙去脉。"
)
ARTICLES = {
    "card.txt": (
        "信用卡逾期三天会怎样\n\n"
        "信用卡逾期三天，多数银行有宽限期，只要在宽限期内还清，一般不会上报征信。\n\n"
        "但要注意，宽限期各家银行规定不同，最好打电话问清楚，并尽快把欠款还上，避免产生利息和违约金。\n\n"
        "如果经常忘记还款日，可以设置自动还款，或者把还款日调整到发工资以后的几天。"
    ),
    "report.txt": (
        "怎样查询个人征信报告\n\n"
        "个人征信报告可以在人民银行征信中心的网站上查询，也可以带身份证到当地的查询网点打印。\n\n"
        "每人每年有两次免费查询的机会，报告里会列出贷款、信用卡的使用情况和逾期记录。\n\n"
        "看报告时要逐条核对，发现不是自己办理的业务，要及时向报送机构提出异议。"
    ),
    "huabei.txt": (
        "花呗逾期一天要紧吗\n\n"
        "花呗逾期一天会产生少量罚息，芝麻信用分可能受到轻微的影响，但一般不会立刻上报征信。\n\n"
        "尽快还清欠款并保持按时还款，影响会慢慢消除，不必过于担心，也不要相信代办消除记录的广告。\n\n"
        "如果资金确实紧张，可以在支付宝里申请延期或者分期，说明自己的实际困难。"
    ),
}


def test_different_articles_sharing_a_long_footer_are_both_published(tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    for name in ("card.txt", "report.txt"):
        (pages / name).write_text(f"{ARTICLES[name]}\n\n{FOOTER}", encoding="utf-8")
    texts = [f"{ARTICLES[n]}\n{FOOTER}" for n in ("card.txt", "report.txt")]
    assert as_minhash(signature(texts[0])).jaccard(as_minhash(signature(texts[1]))) >= THRESHOLD
    records = run(tmp_path, pages)
    assert [r["status"] for r in records] == ["published", "published"]
    # and in a later batch: a third article of the site is checked against both
    later = tmp_path / "later"
    later.mkdir()
    (later / "huabei.txt").write_text(f"{ARTICLES['huabei.txt']}\n\n{FOOTER}", encoding="utf-8")
    state = tmp_path / "state.sqlite"
    run(tmp_path / "a", pages, state=state)
    [record] = run(tmp_path / "a", later, state=state)
    assert record["status"] == "published"


def test_copies_with_their_own_footers_are_still_copies(tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    text = (SEEDS / "001_71aa38aa9bc6c4af.txt").read_text(encoding="utf-8")
    (pages / "a.txt").write_text(f"{text}\n\n{FOOTER}", encoding="utf-8")
    other_site = (
        "另一家网站在每篇文章下面写着自己的介绍：我们是一群关心普通人财务健康的志愿者，"
        "希望用通俗的语言讲清楚借贷中的常见问题，帮助大家少走弯路，远离高利贷和各种骗局。"
    )
    (pages / "b.txt").write_text(f"{text}\n\n{other_site}", encoding="utf-8")
    assert [r["status"] for r in run(tmp_path, pages)] == ["published", "duplicate"]


def test_words_a_site_cut_out_come_back_from_a_copy_that_has_them(tmp_path: Path) -> None:
    # two sites serve one article; each one's filter cut a word everywhere
    text = (SEEDS / "001_71aa38aa9bc6c4af.txt").read_text(encoding="utf-8")
    assert text.count("还款") >= 2 and text.count("短信") >= 2
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "a.txt").write_text(text.replace("还款", ""), encoding="utf-8")
    (pages / "b.txt").write_text(text.replace("短信", ""), encoding="utf-8")
    records = run(tmp_path, pages)
    [published] = [r for r in records if r["status"] == "published"]
    body = guide_body(published)
    assert "还款" in body and "短信" in body
    restored = [f["message"] for f in published["findings"] if f["kind"] == "restored_from_copy"]
    assert len(restored) == 1 and restored[0].startswith(("「还款」", "「短信」"))
