"""White space and invisible characters; punctuation is left as it is."""

from __future__ import annotations

import re
import unicodedata

_INVISIBLE = re.compile("[\u200b-\u200d\u2060\ufeff\u00ad]")
_SPACES = re.compile("[ \t\u00a0\u2002-\u200a\u202f\u205f]+")
_BLANKS = re.compile(r"\n{3,}")


def normalize_text(text: str) -> str:
    """Unify line ends and spaces; drop zero-width characters.

    Full-width punctuation is correct Chinese and stays; NFC (not NFKC) keeps
    it. Ideographic spaces used for paragraph indent are trimmed.

    >>> normalize_text("\\ufeff　　第一段，内容。  \\r\\n\\r\\n\\r\\n\\r\\n第二段")
    '第一段，内容。\\n\\n第二段'

    Old Mac line ends are line ends; any white space at a line's ends goes,
    and nothing else:

    >>> normalize_text("X光检查\\r第二行\\u2028\\r\\n\\x0c第三行 iPhone X")
    'X光检查\\n第二行\\n第三行 iPhone X'
    """
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = _INVISIBLE.sub("", text)
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return _BLANKS.sub("\n\n", "\n".join(lines)).strip()
