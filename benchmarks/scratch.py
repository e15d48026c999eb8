"""Scratch material for benchmarks and tests: synthetic pages made from the
sample pages, and a copy of the project to build a site in."""

from __future__ import annotations

import random
import shutil
import sys
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.readers.encoding import is_common  # noqa: E402

SEEDS = ROOT / "corpus" / "seeds"
COMMON = [chr(c) for c in range(0x4E00, 0x9FA6) if is_common(chr(c))]
# What a build needs beside the package: mkdocs.yml reads the jieba user
# dictionary from pipeline/data by a path relative to the project; a
# mutation-testing run reads its settings from pyproject.toml wherever the
# copied project runs.
PROJECT_FILES = (
    "mkdocs.yml",
    "content",
    "overrides",
    "corpus",
    "glossary.yaml",
    "pipeline/data",
    "pyproject.toml",
)


def slipped(text: str, rng: random.Random, drops: int = 1) -> str:
    """``text`` as a careless reader sees it after ``drops`` bytes of its
    GB18030 form were lost at random places: decoded with replacement
    characters, out of step after each loss."""
    data = text.encode("gb18030")
    for _ in range(drops):
        at = rng.randrange(len(data))
        data = data[:at] + data[at + 1 :]
    return data.decode("gb18030", errors="replace")


def scramble(text: str, rng: random.Random, rate: float = 0.25) -> str:
    """Replace characters of the body lines; titles and chrome stay as they
    are. A quarter replaced makes a different article to the dedup step."""
    return "\n".join(
        "".join(
            rng.choice(COMMON) if "\u4e00" <= ch <= "\u9fff" and rng.random() < rate else ch for ch in line
        )
        if len(line) > 40
        else line
        for line in text.split("\n")
    )


_WORDS: dict[int, list[str]] = {}


def _common_words() -> dict[int, list[str]]:
    """jieba's dictionary words of two or more Han characters with a
    frequency of at least 100, by length."""
    if not _WORDS:
        import jieba

        with open(Path(jieba.__file__).parent / "dict.txt", encoding="utf-8") as f:
            for line in f:
                word, freq = line.split()[:2]
                if len(word) >= 2 and int(freq) >= 100 and all("\u4e00" <= c <= "\u9fff" for c in word):
                    _WORDS.setdefault(len(word), []).append(word)
        _WORDS[0] = [w for words in list(_WORDS.values()) for w in words]  # all of them
    return _WORDS


@lru_cache(maxsize=1)
def _tools():  # type: ignore[no-untyped-def]
    import opencc

    return set(_common_words()[0]), opencc.OpenCC("t2s"), opencc.OpenCC("s2t")


def scramble_words(text: str, rng: random.Random, rate: float = 0.7) -> str:
    """Replace words of the body lines by other common words of the same
    length; titles and chrome stay as they are. The text stays made of real
    words, as a real site's is: ``scramble`` makes a new word of almost
    every pair of characters, which no site has (Pagefind finds 3 million
    words in 10,000 such pages). Traditional lines are segmented in their
    Simplified form and given Traditional words. With 70% of the words
    replaced, two pages made from one sample share about 5% of their
    shingles (the sample with byte damage, whose damaged runs are no words,
    about 30%): different articles to the dedup step."""
    import jieba

    words = _common_words()
    known, to_simple, to_traditional = _tools()
    out = []
    for line in text.split("\n"):
        simple = to_simple.convert(line)
        if len(line) > 40 and len(simple) == len(line):
            traditional = simple != line
            pieces, at = [], 0
            for word in jieba.cut(simple, HMM=False):
                original = line[at : at + len(word)]
                at += len(word)
                if word in known and rng.random() < rate:
                    new = rng.choice(words[len(word)])
                    original = to_traditional.convert(new) if traditional else new
                pieces.append(original)
            line = "".join(pieces)
        out.append(line)
    return "\n".join(out)


def seed_texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]


def write_pages(folder: Path, n: int, rng: random.Random, words: bool = False) -> None:
    """``n`` different articles, cycling over the sample pages; with
    ``words``, made different by replacing words (``scramble_words``), not
    characters."""
    folder.mkdir(parents=True, exist_ok=True)
    seeds = seed_texts()
    change = scramble_words if words else scramble
    for i in range(n):
        (folder / f"page{i:06d}.txt").write_text(change(seeds[i % len(seeds)], rng), encoding="utf-8")


def write_corpus(folder: Path, n: int, seed: int = 0) -> None:
    """``n`` different articles with the sample pages' damage, cycling over
    them: a third as HTML pages (UTF-8, with navigation and footer), a third
    as GB18030 text, a third as UTF-8 text."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    seeds = seed_texts()
    for i in range(n):
        text = scramble(seeds[i % len(seeds)], rng)
        if i % 3 == 0:
            body = "".join(f"<p>{line}</p>" for line in text.split("\n") if line.strip())
            page = (
                f"<html><head><meta charset='utf-8'><title>t{i}</title></head><body>"
                f"<div class='nav'><a href='/'>首页</a></div><div class='content'>{body}</div>"
                f"<div class='footer'>Copyright</div></body></html>"
            )
            (folder / f"{i:06d}.html").write_bytes(page.encode("utf-8"))
        else:
            data = text.encode("gb18030" if i % 3 == 1 else "utf-8")
            (folder / f"{i:06d}.txt").write_bytes(data)


def copy_project(dest: Path) -> None:
    """The files a site build needs, without generated guides."""
    for name in PROJECT_FILES:
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, dest / name, ignore=shutil.ignore_patterns("guides"))
        else:
            shutil.copy(src, dest / name)


def mark_reviewed(project: Path) -> list[Path]:
    """What an editor does to publish a guide the review gate held back
    (``pipeline/review.py``): ``reviewed: true`` in its front matter. Done
    to every held guide of ``project``; returns them. The synthetic pages
    are made from the samples, whose holes they keep, so a site built from
    them needs this to have its guides."""
    held = []
    for path in sorted((project / "content" / "guides").glob("*/*.md")):
        text = path.read_text(encoding="utf-8")
        if "\nheld: true\nreviewed: false\n" in text:
            path.write_text(text.replace("\nreviewed: false\n", "\nreviewed: true\n", 1), encoding="utf-8")
            held.append(path)
    return held
