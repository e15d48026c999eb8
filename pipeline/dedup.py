"""Near-duplicate pages: MinHash over character shingles, an LSH index kept
in SQLite, the cleanest copy of each cluster chosen, and its damaged
passages repaired from the other copies.

Shingles are 5 characters of the cleaned text without punctuation, white
space, Latin letters and digits (a copy's chrome and formatting differ; its
Chinese does not). Measured on the sample articles: 2% of the Han characters
changed gives a Jaccard similarity of about 0.82, 5% about 0.63, 10% about
0.43, a copy cut to half its length 0.50; different articles on the same
topic (all four samples are about 支付宝逾期) 0.004–0.011. A pair at or above
``THRESHOLD`` = 0.35 is the same article.

The index stores each published page's MinHash and its LSH band keys in
SQLite (``.pipeline/state.sqlite``), so a later batch is checked against
everything published before, without loading it all into memory.
"""

from __future__ import annotations

import hashlib
import re
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache
from importlib.metadata import version
from pathlib import Path

import numpy as np

from pipeline.cache import cached

SHINGLE = 5
NUM_PERM = 128
THRESHOLD = 0.35
_NOT_HAN = re.compile(r"[^\u3400-\u9fff]+")

# How much each kind of finding says about a copy's damage, for choosing the
# copy to publish: open flags and guesses weigh most.
DAMAGE_WEIGHTS = {
    "flag_lost_characters": 3.0,
    "flag_cut_out": 2.0,
    "undecodable_bytes": 3.0,
    "byte_slip_realigned": 1.0,
    "lost_character_restored": 0.5,
    "mojibake": 1.0,
    "spun_word": 0.5,
    "pinyin_annotation": 0.5,
    "traditional_script": 0.2,
}


# How each shingle becomes a 32-bit value: a polynomial over its code points,
# mixed with MurmurHash3's finaliser. Stored in the index's settings, so an
# index written with another shingle hash is emptied (and the run says so)
# instead of silently matching nothing.
SHINGLE_HASH = "poly-fmix64-32"
_MASK32 = np.uint64(0xFFFFFFFF)


def shingle_hashes(text: str, k: int = SHINGLE) -> np.ndarray:
    """The distinct 32-bit hashes of a text's shingles (every run of ``k``
    Han characters once punctuation, white space, Latin letters and digits
    are left out; the whole text when it is shorter), computed with numpy
    over the whole text at once (hashing each shingle with sha1 in Python
    took most of the MinHash time).

    >>> a = shingle_hashes("逾期一个月，怎么办？")
    >>> len(a), bool((a == shingle_hashes("逾期 一个月 (ok) 怎么办")).all())
    (4, True)
    """
    # the code points of its Han characters, picked out in numpy (a lone
    # surrogate is a code point like any other, and not Han)
    points = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    codes = points[(points >= 0x3400) & (points <= 0x9FFF)].astype(np.uint64)
    if len(codes) == 0:
        return np.zeros(0, dtype=np.uint64)
    k = min(k, len(codes))
    n = len(codes) - k + 1
    # in place: each step of the polynomial made two new arrays
    h = codes[:n].copy()
    with np.errstate(over="ignore"):
        for j in range(1, k):
            h *= np.uint64(1000003)
            h += codes[j : j + n]
        h ^= h >> np.uint64(33)
        h *= np.uint64(0xFF51AFD7ED558CCD)
        h ^= h >> np.uint64(33)
        h *= np.uint64(0xC4CEB9FE1A85EC53)
        h ^= h >> np.uint64(33)
    h &= _MASK32
    return _sorted_distinct(h)


def _sorted_distinct(values: np.ndarray) -> np.ndarray:
    """What ``np.unique`` returns (the distinct values, sorted), by a sort
    and a comparison with the neighbour: np.unique took most of the
    signature's time.

    >>> _sorted_distinct(np.array([5, 1, 5, 3, 1], dtype=np.uint64)).tolist()
    [1, 3, 5]
    """
    values = np.sort(values)
    keep = np.empty(len(values), dtype=bool)
    keep[:1] = True
    np.not_equal(values[1:], values[:-1], out=keep[1:])
    return values[keep]


@lru_cache(maxsize=4)
def _permutations(num_perm: int) -> tuple[np.ndarray, np.ndarray]:
    """datasketch's own permutations for its default scheme (affine32: an
    odd ``a``, ``a * h + b`` wrapping at 2**32), kept in the table cache:
    a worker process then hashes pages without importing datasketch (and
    with it SciPy, half a second)."""
    a, b = cached(
        f"minhash-permutations-{num_perm}",
        [version("datasketch")],
        lambda: _datasketch_permutations(num_perm),
    )
    return np.array(a, dtype=np.uint32).reshape(-1, 1), np.array(b, dtype=np.uint32).reshape(-1, 1)


def _datasketch_permutations(num_perm: int) -> tuple[list[int], list[int]]:
    from datasketch import MinHash

    a, b = MinHash(num_perm=num_perm).permutations
    return [int(x) for x in a], [int(x) for x in b]


def signature(text: str, num_perm: int = NUM_PERM) -> np.ndarray:
    """The MinHash values of a cleaned text's shingles (uint32)."""
    a, b = _permutations(num_perm)
    hashes = shingle_hashes(text).astype(np.uint32)
    if not len(hashes):
        return np.full(num_perm, 0xFFFFFFFF, dtype=np.uint32)
    values = np.empty(num_perm, dtype=np.uint32)
    # _ROWS permutations at a time, in one array changed in place: small
    # enough to stay in the processor's cache between its three passes
    rows = np.empty((min(_ROWS, num_perm), len(hashes)), dtype=np.uint32)
    with np.errstate(over="ignore"):
        for start in range(0, num_perm, _ROWS):
            part = rows[: min(_ROWS, num_perm - start)]
            np.multiply(a[start : start + _ROWS], hashes, out=part)
            part += b[start : start + _ROWS]
            part.min(axis=1, out=values[start : start + _ROWS])
    return values


_ROWS = 32


# Lines shorter than this (in Han characters) say too little to count as
# shared.
LINE_MIN = 8


def _han_lines(text: str) -> list[str]:
    return [han for han in (_NOT_HAN.sub("", line) for line in text.split("\n")) if han]


def _front_shared(lines: list[str], shared: set[str]) -> float:
    """The share of the first half of a text (in Han characters) that is in
    lines the other text has too."""
    half = sum(map(len, lines)) / 2
    seen = shared_seen = 0.0
    for line in lines:
        take = min(len(line), half - seen)
        if take <= 0:
            break
        seen += take
        shared_seen += take if line in shared else 0
    return shared_seen / seen if seen else 0.0


def same_article(a: str, b: str) -> bool:
    r"""Whether two texts that MinHash found similar are one article, judged
    on where they agree line for line.

    Two different articles of one site can share a long footer or a boxed
    notice: on short articles that alone reaches the similarity of a copy.
    What the site adds sits at the margins; the article is the text from the
    top. So two texts are one article when the first half of either is made
    of lines the other has too; when the lines they share are only a small
    part of each; or, for a copy with words changed on every line (spun, or
    damaged), when what they do not share word for word is still similar.

    >>> footer = "本站所有文章均由网友投稿整理，仅供学习交流，转载请注明出处，谢谢合作支持。"
    >>> one = "逾期以后银行会先发短信提醒，然后打电话催收，超过九十天可能被起诉。" * 5
    >>> other = "征信报告可以在人民银行征信中心的网站上免费查询，每年两次不收费用。" * 5
    >>> same_article(f"{one}\n{footer}", f"{other}\n{footer}")
    False
    >>> same_article(f"{one}\n{footer}", f"{one}\n另一个网站的页脚文字，版权所有，不得转载，违者必究。")
    True
    """
    lines_a, lines_b = _han_lines(a), _han_lines(b)
    if not lines_a or not lines_b:
        return True
    shared = {line for line in lines_a if len(line) >= LINE_MIN} & set(lines_b)
    if _front_shared(lines_a, shared) >= 0.5 or _front_shared(lines_b, shared) >= 0.5:
        return True
    rest_a = "".join(line for line in lines_a if line not in shared)
    rest_b = "".join(line for line in lines_b if line not in shared)
    x, y = set(shingle_hashes(rest_a).tolist()), set(shingle_hashes(rest_b).tolist())
    return len(x & y) / max(len(x | y), 1) >= THRESHOLD


def as_minhash(values: np.ndarray):  # type: ignore[no-untyped-def]
    """A signature as a datasketch LeanMinHash (what MinHashLSH indexes)."""
    from datasketch import LeanMinHash

    return LeanMinHash(seed=1, hashvalues=values, scheme="affine32")


def minhash(text: str, num_perm: int = NUM_PERM):  # type: ignore[no-untyped-def]
    """The MinHash of a cleaned text's shingles, as a datasketch LeanMinHash."""
    return as_minhash(signature(text, num_perm))


def damage(findings: Iterable[object]) -> float:
    return sum(DAMAGE_WEIGHTS.get(getattr(f, "kind", ""), 0.0) for f in findings)


@dataclass(frozen=True)
class Match:
    id: str
    similarity: float
    output: str | None


class DedupIndex:
    """An LSH index of published pages, in SQLite (or in memory)."""

    def __init__(
        self,
        path: Path | None = None,
        threshold: float = THRESHOLD,
        num_perm: int = NUM_PERM,
        db: sqlite3.Connection | None = None,
    ) -> None:
        """The index in the SQLite file ``path`` (in memory without one), or
        in the open database ``db``."""
        from datasketch import MinHashLSH

        params = MinHashLSH(threshold=threshold, num_perm=num_perm)
        self.bands, self.rows = params.b, params.r
        self.threshold = threshold
        self.num_perm = num_perm
        if db is None and path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
        self.db = db if db is not None else sqlite3.connect(str(path) if path else ":memory:")
        self.db.executescript(
            """
            CREATE TABLE IF NOT EXISTS pages (
                id TEXT PRIMARY KEY, hashvalues BLOB NOT NULL, output TEXT, title TEXT
            );
            CREATE TABLE IF NOT EXISTS bands (band INTEGER NOT NULL, key BLOB NOT NULL, id TEXT NOT NULL);
            CREATE INDEX IF NOT EXISTS bands_key ON bands (band, key);
            CREATE INDEX IF NOT EXISTS bands_id ON bands (id);
            CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT);
            """
        )
        stored = dict(self.db.execute("SELECT name, value FROM meta").fetchall())
        settings = {
            "num_perm": str(num_perm),
            "bands": str(self.bands),
            "rows": str(self.rows),
            "shingle_hash": SHINGLE_HASH,
        }
        # Signatures made another way cannot be compared with new ones: the
        # index of published pages starts again (the rest of the state, which
        # inputs were cleaned and where guides are, stays).
        self.reset: str | None = None
        if stored and stored != settings:
            self.db.executescript("DELETE FROM pages; DELETE FROM bands; DELETE FROM meta;")
            self.reset = (
                f"{path}: the index of published pages was built with {stored}, not {settings}; "
                "it starts again empty, and fills as pages are cleaned (copies of articles "
                "published before and not cleaned again are no longer recognised)"
            )
        self.db.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)", settings.items())
        self.db.commit()

    def minhash(self, text: str):  # type: ignore[no-untyped-def]
        return minhash(text, self.num_perm)

    def _keys(self, hashvalues: np.ndarray) -> list[tuple[int, bytes]]:
        r = self.rows
        return [
            (band, hashlib.blake2b(hashvalues[band * r : (band + 1) * r].tobytes(), digest_size=8).digest())
            for band in range(self.bands)
        ]

    def query(self, m) -> list[Match]:  # type: ignore[no-untyped-def]
        """Published pages whose estimated Jaccard similarity with ``m`` is at
        least the threshold, most similar first."""
        keys = self._keys(m.hashvalues)
        # one indexed lookup per band, in a single statement
        bands = " UNION ".join("SELECT id FROM bands WHERE band = ? AND key = ?" for _ in keys)
        params = [x for pair in keys for x in pair]
        rows = self.db.execute(
            f"SELECT id, hashvalues, output FROM pages WHERE id IN ({bands})", params
        ).fetchall()
        matches = []
        for id_, blob, output in rows:
            other = np.frombuffer(blob, dtype=m.hashvalues.dtype)
            similarity = float(np.mean(other == m.hashvalues))
            if similarity >= self.threshold:
                matches.append(Match(id_, similarity, output))
        return sorted(matches, key=lambda x: -x.similarity)

    def add(self, id_: str, m, output: str | None = None, title: str | None = None) -> None:  # type: ignore[no-untyped-def]
        self.remove(id_)
        self.db.execute("INSERT INTO pages VALUES (?, ?, ?, ?)", (id_, m.hashvalues.tobytes(), output, title))
        self.db.executemany(
            "INSERT INTO bands VALUES (?, ?, ?)", [(b, k, id_) for b, k in self._keys(m.hashvalues)]
        )

    def remove(self, id_: str) -> None:
        self.db.execute("DELETE FROM pages WHERE id = ?", (id_,))
        self.db.execute("DELETE FROM bands WHERE id = ?", (id_,))

    def commit(self) -> None:
        self.db.commit()

    def close(self) -> None:
        self.db.commit()
        self.db.close()


_HAN = "[\u4e00-\u9fff]"
_GAP = "[^\u4e00-\u9fff\n]{0,3}"


def _flexible(han: str) -> str:
    """A pattern for Han text that lets punctuation stand between characters."""
    return _GAP.join(re.escape(c) for c in han)


def repair_from_siblings(
    text: str, guesses: list[dict[str, str]], siblings: list[tuple[str, str, list[dict[str, str]]]]
) -> tuple[str, list[tuple[dict[str, str], str, str]]]:
    """Replace each guessed passage of ``text`` with what a sibling copy has
    at the same place, when the sibling did not guess there too.

    ``guesses`` are the byte-slip guesses of this copy (left context, the
    characters chosen, right context); ``siblings`` are (id, text, guesses).
    Returns the text and, for each repair, (guess, new characters, sibling id).

    >>> g = [{"left": "人们", "choice": "生", "right": "活中不可"}]
    >>> sibling = ("b", "已成为人们日常生活中不可或缺的。", [])
    >>> repair_from_siblings("已成为人们生活中不可或缺的。", g, [sibling])[0]
    '已成为人们日常生活中不可或缺的。'
    """
    repairs = []
    for guess in guesses:
        left, choice, right = guess["left"], guess["choice"], guess["right"]
        if not left and not right:
            continue
        here = re.search(f"({_flexible(left)}{_GAP})({re.escape(choice)})({_GAP}{_flexible(right)})", text)
        if not here:
            continue
        for sibling_id, sibling_text, sibling_guesses in siblings:
            there = re.search(f"{_flexible(left)}{_GAP}({_HAN}{{0,4}}){_GAP}{_flexible(right)}", sibling_text)
            if not there or there.group(1) == choice:
                continue
            if any(g["left"] == left and g["right"] == right for g in sibling_guesses):
                continue  # the sibling lost the same characters
            text = text[: here.start(2)] + there.group(1) + text[here.end(2) :]
            repairs.append((guess, there.group(1), sibling_id))
            break
    return text, repairs


# A word a site's filter cut out is one to six Han characters.
CUT_WORD_MAX = 6
# A line and its sibling's line are the same passage at this similarity.
SAME_PASSAGE = 0.8
_HAN_WORD = re.compile(f"{_HAN}{{1,{CUT_WORD_MAX}}}")
_EMPTY_QUOTES = re.compile(r"“”|「」|『』|‘’|\"\"")


def _pairs(line: str) -> set[str]:
    return {line[i : i + 2] for i in range(len(line) - 1)}


def restore_cut_words(
    lines: list[str], siblings: list[tuple[str, list[str]]]
) -> tuple[list[str], list[tuple[str, int, str]]]:
    """Put back words a site's filter cut out of this copy, from a sibling
    copy that has them.

    A filter removes one word everywhere on a page (催收, 花呗), so the
    evidence is a word that the sibling has and this copy has nowhere, at
    two or more places where the two copies are otherwise the same passage
    (a line at least ``SAME_PASSAGE`` alike), or at one place where this
    copy shows the hole (empty quotation marks). A word this copy uses
    somewhere is not one its site cut: differences there are the copies'
    own (a spun word, an edit) and stay.

    ``lines`` are this copy's title and text lines; ``siblings`` are (id,
    lines). Returns the lines and, for each word put back, (word, places,
    sibling id).

    >>> mine = ["支付宝逾期后几天开始", "短期内未被并不意味着安全。", "人员会积极联系你。"]
    >>> theirs = ["支付宝逾期后几天开始催收", "短期内未被催收并不意味着安全。", "催收人员会积极联系你。"]
    >>> lines, restored = restore_cut_words(mine, [("b", theirs)])
    >>> lines == theirs, restored
    (True, [('催收', 3, 'b')])

    A word this copy has is not put back, and a spun word stays:

    >>> spun = ["逾期会作用征信。", "逾期要尽快处理。"]
    >>> restore_cut_words(["逾期会影响征信。", "逾期要尽快处理。"], [("b", spun)])[1]
    []
    >>> mine = ["逾期要及时还款。", "还款后要主动保留凭证。"]
    >>> restore_cut_words(mine, [("b", ["逾期要及时主动还款。", "主动还款后要主动保留凭证。"])])[1]
    []

    One place is enough where empty quotation marks show the hole, and a
    space left by the filter is filled:

    >>> restore_cut_words(["支付宝旗下的“”实施借贷。"], [("b", ["支付宝旗下的“花呗”实施借贷。"])])[0]
    ['支付宝旗下的“花呗”实施借贷。']
    >>> mine = ["遇到突 况要冷静。", "突 况很常见。"]
    >>> restore_cut_words(mine, [("b", ["遇到突发情况要冷静。", "突发情况很常见。"])])[0]
    ['遇到突发情况要冷静。', '突发情况很常见。']
    """
    whole = "\n".join(lines)
    out = list(lines)
    restored: list[tuple[str, int, str]] = []
    for sibling_id, sibling_lines in siblings:
        # where each word the sibling has more stands in this copy: (line
        # index, start, end), the span being empty or the space left
        places: dict[str, list[tuple[int, int, int]]] = {}
        holes: set[str] = set()
        # the sibling's line most like each of ours, found by shared
        # character pairs, then compared in full
        pairs = [_pairs(line) for line in sibling_lines]
        for index, line in enumerate(out):
            if len(line) < 4:
                continue
            mine = _pairs(line)
            shared = [len(mine & theirs) / (len(mine | theirs) or 1) for theirs in pairs]
            if not shared or max(shared) == 0:
                continue
            nearest = sibling_lines[max(range(len(shared)), key=shared.__getitem__)]
            best = SequenceMatcher(None, line, nearest, autojunk=False)
            if best.ratio() < SAME_PASSAGE:
                continue
            for tag, i1, i2, j1, j2 in best.get_opcodes():
                word = nearest[j1:j2]
                # inserted, or in place of the space a cut left
                cut = tag == "insert" or (tag == "replace" and not line[i1:i2].strip())
                if not cut or not _HAN_WORD.fullmatch(word):
                    continue
                places.setdefault(word, []).append((index, i1, i2))
                if _EMPTY_QUOTES.match(line, max(i1 - 1, 0)) and i1 > 0:
                    holes.add(word)
        for word, spots in places.items():
            if word in whole or (len(spots) < 2 and word not in holes):
                continue
            for index, start, end in sorted(spots, reverse=True):
                out[index] = out[index][:start] + word + out[index][end:]
            restored.append((word, len(spots), sibling_id))
        if restored:
            whole = "\n".join(out)
    return out, restored
