"""Near-duplicate detection at scale, on one core: MinHash of each article,
clustering of the batch (datasketch's MinHashLSH), and the SQLite index of
published pages (query + add), for synthetic articles made of sentences from
the sample pages, a tenth of them near copies of another.

    python benchmarks/dedup.py --n 10000 [--n 100000]
"""

from __future__ import annotations

import argparse
import random
import re
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.dedup import DedupIndex  # noqa: E402


def sentence_pool() -> list[str]:
    pool = []
    for path in sorted((ROOT / "corpus" / "seeds").glob("*.txt")):
        pool += re.findall(r"[^。！？\n]{8,80}[。！？]", path.read_text(encoding="utf-8"))
    return pool


def articles(n: int, rng: random.Random) -> list[str]:
    pool = sentence_pool()
    out: list[str] = []
    for _ in range(n):
        if out and rng.random() < 0.1:
            chars = list(rng.choice(out))
            for j in rng.sample(range(len(chars)), len(chars) // 30):
                chars[j] = chr(rng.randrange(0x4E00, 0x9FA5))
            out.append("".join(chars))
        else:
            # a new article: 30 sentences of the pool with every fifth character
            # replaced, so that articles built from one small pool stay as
            # different as real articles on the same topic
            chars = list("".join(rng.choice(pool) for _ in range(30)))
            for j in range(rng.randrange(5), len(chars), 5):
                chars[j] = chr(rng.randrange(0x4E00, 0x9FA5))
            out.append("".join(chars))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, action="append", help="articles (repeatable); default 10000")
    args = parser.parse_args()
    from datasketch import MinHashLSH

    for n in args.n or [10000]:
        rng = random.Random(n)
        texts = articles(n, rng)
        with tempfile.TemporaryDirectory() as tmp:
            index = DedupIndex(Path(tmp) / "state.sqlite")
            start = time.perf_counter()
            hashes = [index.minhash(t) for t in texts]
            t_hash = time.perf_counter() - start
            start = time.perf_counter()
            lsh = MinHashLSH(threshold=index.threshold, num_perm=index.num_perm)
            pairs = 0
            for i, m in enumerate(hashes):
                pairs += sum(m.jaccard(hashes[int(j)]) >= index.threshold for j in lsh.query(m))
                lsh.insert(str(i), m)
            t_batch = time.perf_counter() - start
            start = time.perf_counter()
            for i, m in enumerate(hashes):
                index.query(m)
                index.add(str(i), m)
            index.commit()
            t_index = time.perf_counter() - start
            size = (Path(tmp) / "state.sqlite").stat().st_size
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(
            f"{n} articles: minhash {t_hash:.1f} s, batch clustering {t_batch:.1f} s "
            f"({pairs} near-duplicate pairs), SQLite index query+add {t_index:.1f} s, "
            f"total {t_hash + t_batch + t_index:.1f} s; index {size / 1e6:.0f} MB; peak RSS {peak:.0f} MB"
        )


if __name__ == "__main__":
    main()
