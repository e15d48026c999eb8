"""Decode scraped bytes: UTF-8 (with or without BOM), GB18030/GBK and Big5.

Statistical charset detectors guess badly on short Chinese pages, and the
``<meta charset>`` a page declares is often wrong, so the declared charset
is only one candidate among several. Each candidate that decodes cleanly is
scored by how ordinary its Chinese looks: the share of its Han characters
that are among the 3,755 most common ones (GB2312 level 1) once converted
to Simplified. Text read in the wrong encoding is made of rare characters.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from functools import lru_cache

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Big5 as Windows and browsers read it; cp950 is a superset of plain big5.
_CANDIDATES = ("utf-8", "gb18030", "cp950", "big5hkscs")
_ALIASES = {
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "x-gbk": "gb18030",
    "big5": "cp950",
    "utf8": "utf-8",
}
_HAN = re.compile(r"[\u4e00-\u9fff]")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_-]+)""", re.I)


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    declared: str | None
    replaced: int = 0  # undecodable byte sequences replaced with U+FFFD


def declared_charset(data: bytes) -> str | None:
    match = _META_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii").lower() if match else None


def normalise_name(name: str) -> str:
    name = name.lower()
    try:
        name = codecs.lookup(_ALIASES.get(name, name)).name
    except LookupError:
        return name
    return _ALIASES.get(name, name)


@lru_cache(maxsize=65536)
def is_common(char: str) -> bool:
    """Whether ``char`` is one of the 3,755 most common Simplified
    characters (GB 2312 level 1).

    >>> is_common("逾"), is_common("鍟")
    (True, False)
    """
    try:
        lead = char.encode("gb2312")[0]
    except UnicodeEncodeError:
        return False
    return 0xB0 <= lead <= 0xD7


def plausibility(text: str) -> float:
    """Share of Han characters that are common ones, after conversion to
    Simplified; 1.0 for text without Han characters."""
    from pipeline.cleaners.script import to_simplified_text

    han = _HAN.findall(to_simplified_text(text[:20000]))
    if not han:
        return 1.0
    return sum(map(is_common, han)) / len(han)


def decode(data: bytes, declared: str | None = None) -> Decoded:
    """Decode ``data`` with the candidate that reads as the most ordinary
    Chinese; when none decodes cleanly, the best one with U+FFFD for the
    bytes it cannot read (``Decoded.replaced`` counts them). UTF-8 with
    replacement always decodes, so there is always an answer.

    >>> decode("支付宝逾期".encode("gb18030")).encoding
    'gb18030'
    >>> decode("支付寶逾期協商".encode("big5")).encoding
    'cp950'
    """
    for bom, name in _BOMS:
        if data.startswith(bom):
            return Decoded(data.decode(name), name, declared)
    hint = normalise_name(declared) if declared else None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        # Valid UTF-8 with non-ASCII bytes is almost never another encoding.
        return Decoded(text, "utf-8", declared)

    order = ([hint] if hint and hint not in _CANDIDATES else []) + list(_CANDIDATES)
    for errors in ("strict", "replace"):
        scored: list[tuple[float, int, str, str]] = []
        for rank, name in enumerate(order):
            try:
                text = data.decode(name, errors)
            except (UnicodeDecodeError, LookupError):
                continue
            bad = text.count("\ufffd")
            score = plausibility(text) - bad / max(len(text), 1) * 10
            if name == hint:
                score += 0.05  # a declaration breaks near-ties, nothing more
            scored.append((score, -rank, name, text))
        if scored:
            _, _, name, text = max(scored)
            return Decoded(text, name, declared, text.count("\ufffd") if errors == "replace" else 0)
    raise AssertionError("unreachable: UTF-8 with replacement decodes any bytes")
