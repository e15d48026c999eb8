"""Byte slips: text that went through GB18030 bytes, lost or damaged a byte,
and was decoded out of step until the decoder found its footing again.

What such damage looks like, and how each kind is repaired:

- A run of unrelated characters (often with private-use characters,
  U+E000–U+F8FF) ends at an ASCII byte or a ``?``: re-encoded as GB18030
  and decoded one byte later, it comes back (钪胁豢苫蛉钡囊徊糠 → 中不可或缺的一部).
- A lost character leaves ``?`` or U+FFFD, sometimes followed by the pinyin
  annotation that survived it (中?guó) → 中国): the pinyin names the reading.
- What neither bytes nor pinyin give back is chosen by a word model built
  from jieba's dictionary: candidates are the pinyin's characters, the
  pieces of dictionary words that bridge the gap (人们_活中 → 日常生), or
  nothing, scored in context. Such a choice is a guess, and is reported as
  an open flag for an editor, with the alternatives.

A ``?`` counts as damage only where a question mark cannot be: before
pinyin, before 。，、, doubled, or next to other damage; ``怎么办?从`` stays.
"""

from __future__ import annotations

import itertools
import math
import re
import time
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from pipeline.cache import cached, digest
from pipeline.cleaners.script import has_traditional, to_simplified_text

Note = Callable[[str, str], None]

_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü"
_PINYIN = rf"[a-z{_TONED}]{{1,6}}"
_ORPHAN_PINYIN = re.compile(rf"(?<![(（a-z{_TONED}])({_PINYIN})[)）]")
_PUA = re.compile("[\ue000-\uf8ff]")
# What a GB18030 decoder out of step produces and Chinese prose does not.
_ODD = re.compile(
    "[\ue000-\uf8ff\u3100-\u312f\u0400-\u04ff\u0370-\u03ff\u2500-\u257f\u2460-\u24ff\u3220-\u32ff]"
)
_ORDINARY = re.compile("[\u3400-\u9fff。，、；：！？“”‘’（）《》]")
ODD_COST = 14.0
_CJK_PUNCT = "。，、；：！？"
# Reward for each character a candidate keeps: deleting a character must cost
# about what an ordinary character is worth to the word model.
CHAR_BONUS = 6.0
PINYIN_BONUS = 3.0
END_STOP_BONUS = 6.0
# Partial fills kept between the slots of a gap of several lost characters.
BEAM = 12
# Fills scored in the full context, after a first cut with NEAR characters
# on each side (most options are ruled out by their immediate neighbours).
SHORTLIST = 24
NEAR = 3
# A choice this far ahead of the next one is taken as certain.
SURE_MARGIN = 3.0
# A shifted decode must read this much better to be taken.
SHIFT_GAIN = 6.0
CONTEXT = 6
MARKER = "□"


@dataclass
class _Piece:
    kind: str  # text, mark, pinyin, ascii
    text: str
    damaged: bool = False
    out: str | None = None  # the repaired text, when decided
    realigned: bool = False
    readings: list[str] = field(default_factory=list)


@lru_cache(maxsize=1)
def _sources() -> list[Path | str]:
    """What the repair's tables are built from (this code, jieba's and the
    site's dictionaries, the libraries' versions), as one digest: the three
    tables share it, and jieba's 5 MB dictionary is hashed once."""
    from importlib.metadata import version

    from pipeline.cleaners.rules import data_path, jieba_dictionary
    from pipeline.readers import encoding

    return [
        digest(
            [
                Path(__file__),
                Path(encoding.__file__),
                jieba_dictionary(),
                data_path("jieba_userdict.txt"),
                version("jieba"),
                version("pypinyin"),
            ]
        )
    ]


@lru_cache(maxsize=1)
def _model() -> tuple[dict[str, float], float]:
    """jieba's dictionary as word log-probabilities, and the log of its
    total count. jieba keeps every prefix of a word with frequency 0; those
    map to 0.0 (a prefix, not a word). jieba's own tokenizer is not kept:
    the scores are all the repair needs of it. Cached on disk."""
    return cached("word-model", _sources(), _build_model)


def _build_model() -> tuple[dict[str, float], float]:
    import logging

    import jieba

    from pipeline.cleaners.rules import data_path

    jieba.setLogLevel(logging.WARNING)
    model = jieba.Tokenizer()
    model.check_initialized()
    # The site's domain words (客服, 征信, 花呗) are rare in jieba's general
    # dictionary; the same file keeps them whole in the search index.
    model.load_userdict(str(data_path("jieba_userdict.txt")))
    log_total = math.log(model.total)
    return {w: (math.log(f) - log_total if f else 0.0) for w, f in model.FREQ.items()}, log_total


_SPLIT = re.compile(r"([^\u3400-\u9fff]+)")
_HAN = re.compile("[\u3400-\u9fff]")


@lru_cache(maxsize=1 << 16)
def score(text: str) -> float:
    """Log-probability of ``text`` under jieba's word unigram model; text
    outside the Han range scores a fixed cost per character, higher for the
    characters a slip produces (private use, bopomofo, Cyrillic, box drawing).

    Text in Traditional script is scored in Simplified, the script of the
    dictionary. Memoised: a gap's candidates share most of their text.
    """
    if has_traditional(text):
        text = to_simplified_text(text)
    return _sum_parts(text)


def _sum_parts(text: str) -> float:
    """:func:`score` of text in Simplified script: its runs of Han
    characters by their best route, the runs of other characters by their
    cost, added from the left."""
    total = 0.0
    for part in _SPLIT.split(text):
        if not part:
            continue
        if not "\u3400" <= part[0] <= "\u9fff":
            total -= _odd_cost(part)
            continue
        total += _best_route(part)
    return total


def _odd_cost(part: str) -> float:
    return sum(ODD_COST if _ODD.match(c) else 8.0 for c in part)


def _best_route(sentence: str) -> float:
    """jieba's maximum-probability segmentation score (its get_DAG and calc,
    without their per-call initialisation checks: this runs thousands of
    times per damaged page)."""
    best = [0.0] * (len(sentence) + 1)
    _routes(sentence, best, 0, len(sentence))
    return best[0]


def _routes(sentence: str, best: list[float], start: int, stop: int) -> None:
    """Fill in ``best[i]``, the score of the best route through
    ``sentence[i:]``, from ``i = stop - 1`` down to ``start``;
    ``best[stop:]`` must be filled in already."""
    logp, log_total = _model()
    unknown = -log_total
    n = len(sentence)
    for i in range(stop - 1, start - 1, -1):
        top = unknown + best[i + 1]  # a character the dictionary does not know
        found = False
        j = i + 1
        value = logp.get(sentence[i])
        while value is not None:
            if value:
                candidate = value + best[j]
                if not found or candidate > top:
                    top, found = candidate, True
            if j >= n:
                break
            j += 1
            value = logp.get(sentence[i:j])
        best[i] = top


_NOT_HAN = re.compile("[^\u3400-\u9fff]")


class _Surroundings:
    """The scores of many candidates between the same ``left`` and
    ``right``: ``scores(cs)`` is ``[score(left + c + right) for c in cs]``,
    the same floats, without scoring the surroundings again for each
    candidate (a gap has hundreds of candidates).

    The best route from a position on depends only on the text from there
    on, so the routes through the Han characters that begin ``right`` are
    the same for every candidate, and so are the words that the Han
    characters ending ``left`` make among themselves: both are looked up
    once. Per candidate, only its own characters are, and the words that
    reach from ``left`` into it; the terms are added in the order
    :func:`score` adds them. Traditional script goes through OpenCC in one
    call for all candidates (see :func:`_simplified`). A candidate that
    does not fit this (a punctuation mark of its own, a conversion that
    changed the surroundings) is scored by :func:`score`.
    """

    def __init__(self, left: str, right: str) -> None:
        self.left, self.right = left, right
        self.traditional = has_traditional(left) or has_traditional(right)
        if self.traditional:
            left, right = to_simplified_text(left), to_simplified_text(right)
        self.simple_left, self.simple_right = left, right
        k = len(left)
        while k and "\u3400" <= left[k - 1] <= "\u9fff":
            k -= 1
        # the score of what comes before the run of Han characters that the
        # candidate joins, and the terms of what comes after it (a cost as a
        # negative term: x - c and x + -c are the same float)
        self.before = _sum_parts(left[:k])
        self.tail = tail = left[k:]
        k = 0
        while k < len(right) and "\u3400" <= right[k] <= "\u9fff":
            k += 1
        self.head = right[:k]
        self.after = [
            _best_route(part) if "\u3400" <= part[0] <= "\u9fff" else -_odd_cost(part)
            for part in _SPLIT.split(right[k:])
            if part
        ]
        self.head_best = [0.0] * (k + 1)
        _routes(self.head, self.head_best, 0, k)
        # by a candidate's last character: the best route from it on
        self.from_last: dict[str, float] = {}
        logp, log_total = _model()
        self.get, self.unknown = logp.get, -log_total
        # from each position of the tail: the words within the tail, and
        # whether a word from there may go on past it
        self.words: list[list[tuple[int, float]]] = []
        self.open: list[bool] = []
        for i in range(len(tail)):
            words = []
            going_on = False
            j = i + 1
            value = logp.get(tail[i])
            while value is not None:
                if value:
                    words.append((j, value))
                if j >= len(tail):
                    going_on = True
                    break
                j += 1
                value = logp.get(tail[i:j])
            self.words.append(words)
            self.open.append(going_on)

    def scores(self, candidates: list[str]) -> list[float]:
        if self.traditional:
            # the candidates in their surroundings, converted as a whole,
            # with the converted surroundings taken off again
            simple_left, simple_right = self.simple_left, self.simple_right
            start, cut = len(simple_left), len(simple_right)
            middles: list[str | None] = []
            for text in _simplified([self.left + c + self.right for c in candidates]):
                if len(text) >= start + cut and text.startswith(simple_left) and text.endswith(simple_right):
                    middles.append(text[start : len(text) - cut])
                else:
                    middles.append(None)
        else:
            middles = [None if has_traditional(c) else c for c in candidates]
        joins = bool(self.tail or self.head)  # a run of Han characters even without the candidate
        return [
            self._score(middle)
            if middle is not None and (middle or joins) and not _NOT_HAN.search(middle)
            else score(self.left + c + self.right)
            for c, middle in zip(candidates, middles, strict=True)
        ]

    def _score(self, middle: str) -> float:
        """:func:`score` of the surroundings (in Simplified script) with
        ``middle``, Han characters, between them."""
        get, unknown, words, going_on = self.get, self.unknown, self.words, self.open
        sentence = self.tail + middle + self.head
        a = len(self.tail)
        n = len(sentence)
        b = a + len(middle)
        best = [0.0] * b + self.head_best
        if middle:
            # the route from the candidate's last character on: the last
            # lost character is one of few, so this is mostly known
            last = self.from_last.get(middle[-1])
            if last is None:
                _routes(sentence, best, b - 1, b)
                last = self.from_last[middle[-1]] = best[b - 1]
            best[b - 1] = last
        # the rest of the candidate's characters
        _routes(sentence, best, a, b - 1)
        for i in range(a - 1, -1, -1):
            # as in _routes, with the words within the tail known
            top = unknown + best[i + 1]
            found = False
            for j, value in words[i]:
                candidate = value + best[j]
                if not found or candidate > top:
                    top, found = candidate, True
            if going_on[i]:
                j = a
                while j < n:
                    j += 1
                    word = get(sentence[i:j])
                    if word is None:
                        break
                    if word:
                        candidate = word + best[j]
                        if not found or candidate > top:
                            top, found = candidate, True
            best[i] = top
        total = self.before
        total += best[0]
        for term in self.after:
            total += term
        return total


def _simplified(texts: list[str]) -> list[str]:
    """``[to_simplified_text(t) for t in texts]`` in one call to OpenCC: no
    OpenCC phrase holds a line break, so texts joined by line breaks are
    each converted as on their own."""
    joined = "\n".join(texts)
    if joined.count("\n") == len(texts) - 1:  # none of them holds a line break
        converted = to_simplified_text(joined).split("\n")
        if len(converted) == len(texts):
            return converted
    return [to_simplified_text(text) for text in texts]


def _frequency_rank(logp: dict[str, float], word: str) -> float:
    """How common a word is, for sorting: its log-probability; prefixes and
    unknown words last."""
    return logp.get(word) or -math.inf


Bridges = dict[str, list[tuple[str, float]]]


@lru_cache(maxsize=1)
def _bridges() -> tuple[Bridges, Bridges]:
    """Pieces of frequent dictionary words, indexed by what must follow them
    (the word's rest starts the right context) or precede them. Cached on
    disk."""
    return cached("word-pieces", _sources(), _build_bridges)


def _build_bridges() -> tuple[Bridges, Bridges]:
    logp, log_total = _model()
    least = math.log(50) - log_total  # words seen fewer than 50 times are no help
    before: dict[str, list[tuple[str, float]]] = {}
    after: dict[str, list[tuple[str, float]]] = {}
    for word, freq in logp.items():
        if not freq or freq < least or not 2 <= len(word) <= 4:
            continue
        if not all("\u4e00" <= c <= "\u9fff" for c in word):
            continue
        for k in range(1, min(3, len(word) - 1) + 1):
            before.setdefault(word[k], []).append((word[:k], freq))
            after.setdefault(word[-k - 1], []).append((word[-k:], freq))
    for table in (before, after):
        for key in table:
            table[key] = sorted(table[key], key=lambda x: -x[1])[:40]
    return before, after


@lru_cache(maxsize=1)
def _readings_index() -> dict[str, tuple[list[str], list[str]]]:
    """For every reading, with and without tone marks: the common characters
    whose main reading it is, and those that have it as a rarer reading.
    Cached on disk."""
    return cached("readings", _sources(), _build_readings_index)


def _build_readings_index() -> dict[str, tuple[list[str], list[str]]]:
    from pypinyin import Style, pinyin

    from pipeline.readers.encoding import is_common

    index: dict[str, tuple[list[str], list[str]]] = {}
    for code in range(0x4E00, 0x9FA6):
        char = chr(code)
        if not is_common(char):
            continue
        readings = pinyin(char, style=Style.TONE, heteronym=True)[0]
        for forms in (readings, [_toneless(r) for r in readings]):
            for n, reading in enumerate(dict.fromkeys(forms)):
                main, other = index.setdefault(reading, ([], []))
                (main if n == 0 and reading == forms[0] else other).append(char)
    return index


@lru_cache(maxsize=4096)
def _chars_read(syllable: str) -> tuple[str, ...]:
    """Common characters read ``syllable`` (tone marks compared when given):
    those whose main reading it is first, by frequency, then those with it
    as a rarer reading (pypinyin lists 但 as dàn, tǎn and yàn)."""
    logp = _model()[0]
    main, other = _readings_index().get(syllable, ([], []))
    return tuple(
        sorted(main, key=lambda c: -_frequency_rank(logp, c))
        + sorted(other, key=lambda c: -_frequency_rank(logp, c))
    )


def _toneless(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", s) if not unicodedata.combining(c))


# What asks a question: a doubled ? after one of these (真的会被起诉吗??) is
# the writer's emphasis, not two lost characters.
_ASKS = re.compile(r"(?:[吗呢么嘛吧啊呀]|怎么办|为什么|怎么样|什么|多少|多久|怎样|如何|谁)$")
# The longest of those: they are looked for that far back from a ?, not
# from the line's start (a line may be a page long, with many ?).
ASKS_REACH = 3
_AFTER_QUESTION = re.compile(r"$|[\s”’」』）)\"'!！]")


def _is_question_mark(line: str, i: int) -> bool:
    """A ``?`` of a run of question marks that ends a question.

    >>> _is_question_mark("真的会被起诉吗??", 7), _is_question_mark("状况等??头", 3)
    (True, False)
    """
    start = i
    while start and line[start - 1] == "?":
        start -= 1
    end = i
    while end < len(line) and line[end] == "?":
        end += 1
    return (
        end - start <= 3
        and bool(_ASKS.search(line, max(start - ASKS_REACH, 0), start))
        and bool(_AFTER_QUESTION.match(line, end))
        and not _ORPHAN_PINYIN.match(line, end)
    )


def _is_damage_mark(line: str, i: int) -> bool:
    """Whether the character at ``i`` marks lost bytes: U+FFFD always, a
    ``?`` beside other damage (a private-use character, another ``?``,
    orphaned pinyin) but not a question mark.

    >>> _is_damage_mark("逾期\ue13c?协商", 3), _is_damage_mark("逾期吗?协商", 3)
    (True, False)
    """
    char = line[i]
    if char == "\ufffd":
        return True
    if char != "?" or _is_question_mark(line, i):
        return False
    nxt = line[i + 1] if i + 1 < len(line) else ""
    prev = line[i - 1] if i else ""
    if (nxt and nxt in _CJK_PUNCT) or "?" in (nxt, prev) or _PUA.match(nxt) or _PUA.match(prev):
        return True
    return bool(_ORPHAN_PINYIN.match(line, i + 1))


_MARK = re.compile("[?\ufffd]")


def has_damage(line: str) -> bool:
    """Whether the repair has anything to do in ``line``: a private-use
    character, or a ``?`` or U+FFFD that marks lost bytes. Only the marks
    are looked at, found by a search: most lines have none, and every line
    of every page comes here."""
    return bool(_PUA.search(line)) or any(_is_damage_mark(line, m.start()) for m in _MARK.finditer(line))


def _pieces(line: str) -> list[_Piece]:
    """``line`` cut into runs of text, damage marks, orphaned pinyin and
    ASCII; a question mark is ASCII, not damage.

    >>> [(p.kind, p.text) for p in _pieces("怎么办?我该还款\ufffd了")]
    [('text', '怎么办'), ('ascii', '?'), ('text', '我该还款'), ('mark', '�'), ('text', '了')]
    """
    pieces: list[_Piece] = []
    i = 0
    while i < len(line):
        char = line[i]
        if char in "?\ufffd" and _is_damage_mark(line, i):
            pieces.append(_Piece("mark", char, damaged=True))
            i += 1
            match = _ORPHAN_PINYIN.match(line, i)
            if match:
                pieces.append(_Piece("pinyin", match.group(0), damaged=True))
                pieces[-2].readings.append(match.group(1))
                i = match.end()
            continue
        # where the run ends is searched for, not stepped to: a line may be
        # a whole page
        if ord(char) < 128:
            after = _NOT_ASCII.search(line, i)
            end = after.start() if after else len(line)
            j = line.find("?", i + 1, end)  # up to a ? that marks damage
            while j != -1 and not _is_damage_mark(line, j):
                j = line.find("?", j + 1, end)
            j = end if j == -1 else j
            pieces.append(_Piece("ascii", line[i:j]))
            i = j
            continue
        after = _ASCII_OR_LOST.search(line, i)
        j = after.start() if after else len(line)
        pieces.append(_Piece("text", line[i:j], damaged=bool(_PUA.search(line[i:j]))))
        i = j
    return pieces


_NOT_ASCII = re.compile("[^\x00-\x7f]")
_ASCII_OR_LOST = re.compile("[\x00-\x7f\ufffd]")


def _shifted(text: str, following: str = "") -> tuple[str, bool, int] | None:
    """``text`` re-encoded as GB18030 and decoded one byte later.

    Returns the decoded text, whether a dangling byte at its end was lost,
    and how many characters of ``following`` (ASCII that came right after)
    it took: the dangling byte and the next ASCII byte may be one character
    (86 54 is 員; read out of step they were 藛 and T).
    """
    try:
        data = text.encode("gb18030")[1:]
    except UnicodeEncodeError:
        return None
    taken = 0
    if following and len(data) % 2:
        candidate = (data + following[0].encode("ascii")).decode("gb18030", errors="replace")
        if "\ufffd" not in candidate and not _PUA.search(candidate):
            return candidate, False, 1
    decoded = data.decode("gb18030", errors="replace")
    lost = decoded.endswith("\ufffd")
    decoded = decoded.rstrip("\ufffd")
    if "\ufffd" in decoded or _PUA.search(decoded):
        return None
    return decoded, lost, taken


def _per_char(text: str) -> float:
    return score(text) / max(len(text), 1)


def _isolate_damage(piece: _Piece) -> list[_Piece]:
    """A run that no shift repairs: only its odd characters (and a lone
    character scoring like noise) are damage; the text around them stays.

    >>> [(p.text, p.damaged) for p in _isolate_damage(_Piece("text", "还款\ue13c"))]
    [('还款', False), ('\ue13c', True)]
    """
    odd = [i for i, c in enumerate(piece.text) if _ODD.match(c)]
    if not odd:
        piece.damaged = len(piece.text) <= 2 and _per_char(piece.text) < -9
        return [piece]
    start, end = odd[0], odd[-1] + 1
    out = []
    if start:
        out.append(_Piece("text", piece.text[:start]))
    out.append(_Piece("text", piece.text[start:end], damaged=True))
    if end < len(piece.text):
        out.append(_Piece("text", piece.text[end:]))
    return out


def _best_shift_at(text: str, following: str, at: int) -> tuple[int, str, bool, int] | None:
    shifted = _shifted(text[at:], following)
    if not shifted or not shifted[0]:
        return None
    return (at, *shifted)


def _value(text: str) -> float:
    """A text's score with the per-character reward for ordinary characters,
    so that texts of different lengths compare the way gap candidates do."""
    return score(text) + CHAR_BONUS * len(_ORDINARY.findall(text))


def _best_shift(text: str, following: str, after_mark: bool) -> tuple[int, str, bool, int] | None:
    """Where in ``text`` the decoder fell out of step, if it did: the split
    whose tail, decoded one byte later, reads best, if it reads clearly
    better than the text as it is.

    Right after a lost character (``after_mark``) the decoder fell out of
    step at the first byte, so that split is tried alone first.
    """
    threshold = _value(text) + SHIFT_GAIN
    if after_mark:
        first = _best_shift_at(text, following, 0)
        if first and _value(first[1]) > threshold:
            return first
    best: tuple[int, str, bool, int] | None = None
    best_value = threshold
    for at in range(len(text)):
        candidate = _best_shift_at(text, following, at)
        if candidate is None:
            continue
        value = _value(text[:at] + candidate[1])
        if value > best_value:
            best, best_value = candidate, value
    return best


@dataclass
class Gap:
    """Characters lost at one place in a line, and what was put there.

    ``slots`` has one entry per lost character: its pinyin when the page
    kept it, else None.
    """

    position: int
    left: str
    right: str
    damaged: str
    slots: list[str | None]
    choice: str = ""
    candidates: list[tuple[str, float]] = field(default_factory=list)
    sure: bool = False


def repair_line(line: str, deadline: float | None = None) -> tuple[str, list[str], list[Gap]]:
    """Repair the byte slips of one line.

    Returns the line, what was realigned, and the gaps that were filled.

    >>> repair_line("在使用支付寶作為中?guó)最大的平臺")[0]
    '在使用支付寶作為中国最大的平臺'
    """
    if not has_damage(line):
        return line, [], []
    pieces: list[_Piece] = []
    realigned: list[str] = []
    parsed = _pieces(line)
    for n, piece in enumerate(parsed):
        _check(deadline)
        prev = pieces[-1] if pieces else None
        nxt = parsed[n + 1] if n + 1 < len(parsed) else None
        near_damage = any(p is not None and p.kind in ("mark", "pinyin") for p in (prev, nxt))
        if piece.kind != "text" or not (piece.damaged or near_damage):
            pieces.append(piece)
            continue
        following = nxt.text if nxt is not None and nxt.kind == "ascii" else ""
        after_mark = prev is not None and prev.kind in ("mark", "pinyin")
        split = _best_shift(piece.text, following, after_mark)
        if split is None:
            pieces.extend(_isolate_damage(piece))
            continue
        at, text, lost, taken = split
        realigned.append(f"「{piece.text[at:]}{following[:taken]}」 → 「{text}」")
        if at:
            pieces.append(_Piece("text", piece.text[:at]))
            pieces.append(_Piece("mark", "", damaged=True))  # the character whose byte was lost
        pieces.append(_Piece("text", piece.text[at:], out=text, realigned=True))
        # A dangling byte and a ? or U+FFFD right after it were one character.
        if lost and not (nxt is not None and nxt.kind == "mark"):
            pieces.append(_Piece("mark", "", damaged=True))
        if taken and nxt is not None:
            nxt.text = following[taken:]
    # ASCII letters between two pieces of damage are debris of the slip.
    for n in range(1, len(pieces) - 1):
        p, prev, nxt = pieces[n], pieces[n - 1], pieces[n + 1]
        if (
            p.kind == "ascii"
            and p.text.isalpha()
            and (prev.damaged or prev.realigned)
            and (nxt.damaged or nxt.realigned)
            and (prev.damaged or nxt.damaged)
        ):
            p.damaged = True
    return _fill(pieces, realigned, deadline)


def _fill(
    pieces: list[_Piece], realigned: list[str], deadline: float | None = None
) -> tuple[str, list[str], list[Gap]]:
    """Each run of damaged pieces becomes a gap, chosen in its context.

    The context is gathered from the neighbouring pieces only, never by
    joining the whole line again per gap: a page written as one line of
    megabytes with thousands of gaps stays linear."""
    out: list[str] = []
    length = 0  # characters in out
    gaps: list[Gap] = []
    n = 0
    while n < len(pieces):
        piece = pieces[n]
        if not piece.damaged:
            text = piece.out if piece.out is not None else piece.text
            out.append(text)
            length += len(text)
            n += 1
            continue
        damaged = []
        slots: list[str | None] = []
        while n < len(pieces) and pieces[n].damaged:
            damaged.append(pieces[n].text)
            if pieces[n].kind == "mark":
                slots.append(pieces[n].readings[0] if pieces[n].readings else None)
            n += 1
        _check(deadline)
        gap = Gap(length, _tail(out, CONTEXT), _head(pieces, n, CONTEXT), "".join(damaged), slots or [None])
        _choose(gap)
        gaps.append(gap)
        out.append(gap.choice)
        length += len(gap.choice)
    return "".join(out), realigned, gaps


def _tail(parts: list[str], width: int) -> str:
    """The last ``width`` characters of ``"".join(parts)``."""
    taken: list[str] = []
    size = 0
    for part in reversed(parts):
        taken.append(part)
        size += len(part)
        if size >= width:
            break
    return "".join(reversed(taken))[-width:]


def _head(pieces: list[_Piece], start: int, width: int) -> str:
    """The first ``width`` characters of the pieces from ``start`` on, as
    they will read (repaired where they were realigned)."""
    taken: list[str] = []
    size = 0
    for piece in pieces[start:]:
        text = piece.out if piece.out is not None else piece.text
        taken.append(text)
        size += len(text)
        if size >= width:
            break
    return "".join(taken)[:width]


SLOT_OPTIONS = 12


def _slot_options(gap: Gap, index: int) -> dict[str, float]:
    """What one lost character may have been, with a prior bonus."""
    reading = gap.slots[index]
    options: dict[str, float] = {"": 0.0}
    if reading:
        for char in (_chars_read(reading) or _chars_read(_toneless(reading)))[:SLOT_OPTIONS]:
            options[char] = PINYIN_BONUS
    before, after = _bridges()
    if index == len(gap.slots) - 1 and gap.right:
        for piece, _ in before.get(gap.right[0], [])[: SLOT_OPTIONS * 3]:
            if len(piece) == 1:
                options.setdefault(piece, 0.0)
    if index == 0 and gap.left:
        for piece, _ in after.get(gap.left[-1], [])[: SLOT_OPTIONS * 3]:
            if len(piece) == 1:
                options.setdefault(piece, 0.0)
    if not gap.right:
        # a paragraph ends with a full stop far more often than with a word
        options["。"] = END_STOP_BONUS
    elif gap.right[0] not in _CJK_PUNCT:
        for mark in "。，":
            options.setdefault(mark, 0.0)
    return options


def _choose(gap: Gap) -> None:
    """Fill the gap slot by slot, keeping the BEAM best partial fills (scored
    with the left context) before the next slot, then score the survivors
    with both contexts."""
    combos: dict[str, float] = {"": 0.0}
    last = len(gap.slots) - 1
    for index in range(len(gap.slots)):
        options = _slot_options(gap, index)
        joined: dict[str, float] = {}
        for a, bonus_a in combos.items():
            for b, bonus_b in options.items():
                # the same text may come from different slots: keep its best prior
                text, prior = a + b, bonus_a + bonus_b
                if prior > joined.get(text, -math.inf):
                    joined[text] = prior
        if index < last and len(joined) > BEAM:
            joined = _best_fills(joined, gap.left[-NEAR:], "", BEAM)
        combos = joined
    if len(combos) > SHORTLIST:
        # a first cut in a narrow window; the full context scores the rest
        combos = _best_fills(combos, gap.left[-NEAR:], gap.right[:NEAR], SHORTLIST)
    fits = _Surroundings(gap.left, gap.right).scores(list(combos))
    scored = sorted(
        (
            (c, fit + CHAR_BONUS * len(c) + bonus)
            for (c, bonus), fit in zip(combos.items(), fits, strict=True)
        ),
        key=lambda x: -x[1],
    )
    gap.candidates = [(c, round(s - scored[0][1], 1)) for c, s in scored[:5]]
    gap.choice = scored[0][0]
    margin = scored[0][1] - scored[1][1] if len(scored) > 1 else math.inf
    readable = all(r and c in _chars_read(r) for r, c in zip(gap.slots, gap.choice, strict=False)) and len(
        gap.choice
    ) == len(gap.slots)
    gap.sure = margin >= SURE_MARGIN and readable


def _best_fills(fills: dict[str, float], left: str, right: str, keep: int) -> dict[str, float]:
    """The ``keep`` fills that score best between ``left`` and ``right``
    (with the reward per character and their prior), with their priors,
    best first; of fills that score the same, the earlier first."""
    texts = list(fills)
    keys = [
        -(fit + CHAR_BONUS * len(c) + fills[c])
        for c, fit in zip(texts, _Surroundings(left, right).scores(texts), strict=True)
    ]
    order = sorted(range(len(texts)), key=keys.__getitem__)
    return {texts[i]: fills[texts[i]] for i in order[:keep]}


_LOST_BULLET = re.compile(r"^[?\ufffd]\s*(?=[^\s?\ufffd])")
# What a lost bullet or damage needs in a line: a ?, a U+FFFD or a
# private-use character.
_SIGN = re.compile("[?\ufffd\ue000-\uf8ff]")


def _han_context(text: str, at: int, side: str, width: int = 4) -> str:
    """The ``width`` Han characters nearest to ``text[at]`` on ``side``
    ("left": before ``at``, "right": from ``at`` on), skipping whatever else
    lies between (pinyin annotations hold no Han characters, so they need
    no removing first). Looked for outwards from ``at``, not in a copy of
    the rest of the line: a line of megabytes may have thousands of gaps.

    >>> _han_context("中国(guó)最大的，平台", 12, "left"), _han_context("中国(guó)最大", 1, "right")
    ('最大的平', '国最大')
    """
    found: list[str] = []
    if side == "left":
        while at > 0 and len(found) < width:
            at -= 1
            if "\u3400" <= text[at] <= "\u9fff":
                found.append(text[at])
        return "".join(reversed(found))
    return "".join(m.group() for m in itertools.islice(_HAN.finditer(text, at), width))


class OutOfTime(Exception):
    """The repair went past its deadline (a page of megabytes of damage)."""


def _check(deadline: float | None) -> None:
    if deadline is not None and time.monotonic() > deadline:
        raise OutOfTime


def repair_byte_slips(
    text: str,
    note: Note,
    guesses: list[dict[str, str]] | None = None,
    deadline: float | None = None,
    where: str = "line",
) -> str:
    """Repair every line; report realignments, fills and guesses. Past
    ``deadline`` (``time.monotonic()``) it raises :class:`OutOfTime`.
    ``where`` names the text in findings ("line" numbers the lines,
    "title").

    Each guess is also appended to ``guesses`` (its flag message, the
    characters chosen and the Han characters around them), so that a copy
    of the same article elsewhere can settle it later.

    A line that starts with ``?`` had a bullet (•, ●) that the codec could
    not carry; it becomes a list item again.

    >>> repair_byte_slips("?身份证件\\n?收入证明", lambda *a: None)
    '- 身份证件\\n- 收入证明'
    """
    lines = text.split("\n")
    bullets = 0
    for number, line in enumerate(lines, start=1):
        if not _SIGN.search(line):
            continue  # most lines: neither a lost bullet nor damage
        label = f"line {number}" if where == "line" else where
        if _LOST_BULLET.match(line):
            line = lines[number - 1] = _LOST_BULLET.sub("- ", line)
            bullets += 1
        if not has_damage(line):
            continue
        new, realigned, gaps = repair_line(line, deadline)
        for item in realigned:
            note("byte_slip_realigned", f"{label}: {item} (GB18030 decoded one byte later)")
        for gap in gaps:
            spot = f"{label}, after 「{gap.left}」 before 「{gap.right}」"
            alternatives = "、".join(f"「{c}」" if c else "(nothing)" for c, _ in gap.candidates[1:4])
            if gap.sure:
                readings = ", ".join(r for r in gap.slots if r)
                note(
                    "lost_character_restored",
                    f"{spot}: 「{gap.damaged}」 → 「{gap.choice}」 (pinyin {readings})",
                )
            else:
                shown = f"「{gap.choice}」" if gap.choice else "nothing"
                message = (
                    f"{spot}: damaged 「{gap.damaged or '(lost byte)'}」 replaced by {shown}, a guess; "
                    f"other candidates {alternatives or 'none'}. Check against the source."
                )
                note("flag_lost_characters", message)
                if guesses is not None:
                    guesses.append(
                        {
                            "flag": message,
                            "left": _han_context(new, gap.position, "left"),
                            "choice": gap.choice,
                            "right": _han_context(new, gap.position + len(gap.choice), "right"),
                        }
                    )
        lines[number - 1] = new
    if bullets:
        note(
            "lost_bullet",
            f"{bullets} lines started with ? where a list bullet was lost; made them list items",
        )
    return "\n".join(lines)
