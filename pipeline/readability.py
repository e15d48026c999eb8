"""The readability gate: no guide is published that a reader cannot read.

A page can come through cleaning still unreadable: UTF-8 read with the
wrong codec and not repaired (閫炬湡浠ュ悗 for 逾期以后, æ”¯ä»˜å® for 支付宝,
Big5 garbage), or with characters lost in the wrong decoding. The gate
scores the cleaned title and text separately:

- the score is the share of their characters that are not a sign of
  damage (whitespace is not counted). Signs of damage are: runs of Han
  characters (MIN_RUN or more) most of which are rare (mojibake is made of
  rare characters: 鍟嗚繕娆; a rare character in a name among ordinary ones
  is not), Latin-1 letters in runs of Latin-1 symbols outside Latin words
  (æ”¯ä»˜), U+FFFD and private-use characters (U+E000–U+F8FF). A Han
  character is common when it or its Simplified form is among the 3,755
  most common ones (``readers.encoding.plausibility``).
- a title or text that scores below ``THRESHOLD``, or still holds a U+FFFD
  or a private-use character, is not published;
- nor is a page whose wrong decoding lost more than ``MAX_LOST_SHARE`` of
  its characters (``fix_mojibake`` counts them; the byte-slip repair
  guesses them, and a guide may hold a few guesses, not a page of them).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

# Measured on the real-page development set (README, "The readability
# gate"): its gold texts and cleaned pages score 0.95 and above, damaged
# versions of them 0.70 and below.
THRESHOLD = 0.8
MAX_LOST_SHARE = 0.02
# A run of this many Han characters, most of them rare, is mojibake.
MIN_RUN = 3

# Runs of Han characters long enough to count (a shorter run is never
# counted as rare, so it is not looked at).
_HAN_RUN = re.compile(f"[\u3400-\u9fff\uf900-\ufaff\U00020000-\U0003134f]{{{MIN_RUN},}}")
_LATIN1_RUN = re.compile(
    "[\u00a0-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
    "\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]{2,}"
)
_LATIN1_LETTER = re.compile("[\u00c0-\u00ff]")
_PRIVATE_USE = re.compile("[\ue000-\uf8ff]")
_SPACE = re.compile(r"\s")


@dataclass(frozen=True)
class Readability:
    """How readable a text is: ``score`` is the share of its characters
    (whitespace not counted) that are not signs of damage."""

    chars: int
    rare_runs: int
    latin1: int
    replacement: int
    private_use: int

    @property
    def damaged(self) -> int:
        return self.rare_runs + self.latin1 + self.replacement + self.private_use

    @property
    def score(self) -> float:
        return 1.0 - self.damaged / self.chars if self.chars else 1.0

    def problem(self) -> str:
        """The largest sign of damage, in words."""
        parts = [
            (self.rare_runs, "in runs of rare characters, as in text decoded with the wrong codec"),
            (self.latin1, "Latin-1 letters among symbols, as in UTF-8 read as cp1252"),
            (self.replacement, "U+FFFD, characters lost in decoding"),
            (self.private_use, "private-use characters"),
        ]
        count, what = max(parts, key=lambda p: p[0])
        return f"{count / max(self.chars, 1):.0%} of its characters are {what}"


@lru_cache(maxsize=65536)
def _common(char: str) -> bool:
    from pipeline.cleaners.script import to_simplified_text
    from pipeline.readers.encoding import is_common

    return is_common(char) or is_common(to_simplified_text(char))


@lru_cache(maxsize=1)
def _maybe_uncommon() -> re.Pattern[str]:
    """Every character but the 3,755 of GB 2312 level 1, which are common
    whatever their script: in a run of ordinary Chinese only the few others
    need :func:`_common` (asking it for each character of each run was most
    of the gate's time)."""
    from pipeline.cleaners.script import gb2312_characters
    from pipeline.readers.encoding import is_common

    level_one = [char for char in gb2312_characters(0xB0, 0xD7) if is_common(char)]
    return re.compile("[^" + "".join(level_one) + "]")


def readability(text: str) -> Readability:
    """Score ``text``.

    >>> readability("逾期以后如何与银行协商还款？").score
    1.0
    >>> round(readability("閫炬湡浠ュ悗濡備綍涓庨摱琛屽崗鍟嗚繕娆").score, 2)
    0.05
    >>> readability("æ”¯ä»˜å®é€¾æœŸ").latin1
    14
    >>> readability("还款日\\ue004").private_use
    1
    """
    chars = len(text) - len(_SPACE.findall(text))
    rare = 0
    maybe_uncommon = _maybe_uncommon().findall
    for run in _HAN_RUN.findall(text):
        # a run with too few characters outside level 1 to be mostly
        # uncommon (every run of ordinary Chinese) is not looked into
        maybe = maybe_uncommon(run)
        if len(maybe) * 2 > len(run) and sum(not _common(c) for c in maybe) * 2 > len(run):
            rare += len(run)
    latin1 = sum(
        len(m.group())
        for m in _LATIN1_RUN.finditer(text)
        if _LATIN1_LETTER.search(m.group())
        and not (m.start() and text[m.start() - 1].isascii() and text[m.start() - 1].isalpha())
    )
    return Readability(chars, rare, latin1, text.count("\ufffd"), len(_PRIVATE_USE.findall(text)))


def unreadable(title: str, text: str, lost: int = 0) -> str | None:
    """Why a guide with this title and text may not be published (None:
    it may). ``lost`` is the number of characters lost in decoding (and
    guessed by the byte-slip repair).

    >>> unreadable("逾期以后如何与银行协商还款", "可以先联系银行客服，说明逾期原因。") is None
    True
    >>> mojibake = "閫炬湡浠ュ悗濡備綍涓庨摱琛屽崗鍟嗚繕娆"
    >>> print(unreadable(mojibake, "可以先联系银行客服。"))  # doctest: +ELLIPSIS
    unreadable title: 95% of its characters are in runs of rare characters, ... (score 0.05, ...)
    >>> print(unreadable("逾期以后如何与银行协商还\\ufffd", "可以先联系银行客服。"))
    unreadable title: it still holds 1 U+FFFD (a character lost in decoding) (score 0.92, a guide needs 0.80)
    """
    # (nothing lost is never too much: the page's characters are not counted)
    chars = len(title) + len(text) - len(_SPACE.findall(title + text)) if lost > 0 else 0
    if lost > (chars + lost) * MAX_LOST_SHARE:
        return (
            f"unrecoverable: {lost} characters were lost in decoding ({lost / (chars + lost):.0%} "
            f"of the page); a guide may have at most {MAX_LOST_SHARE:.0%} of its characters guessed"
        )
    for name, part in (("title", title), ("text", text)):
        found = readability(part)
        what = None
        if found.score < THRESHOLD:
            what = found.problem()
        elif found.replacement:
            what = f"it still holds {found.replacement} U+FFFD (a character lost in decoding)"
        elif found.private_use:
            what = f"it still holds {found.private_use} private-use character(s)"
        if what:
            return f"unreadable {name}: {what} (score {found.score:.2f}, a guide needs {THRESHOLD:.2f})"
    return None
