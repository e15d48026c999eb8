"""Loads what cleaning a page needs, once: jieba's dictionaries, the byte-slip
repair's word model and tables, the function characters that tell prose
(chrome by context), OpenCC, the MinHash permutations. Imported
by the process that worker processes are forked from, so that each worker
starts with them loaded (and shares their memory) instead of spending
seconds loading its own."""

from __future__ import annotations


def warm() -> None:
    from pipeline import dedup
    from pipeline.cleaners import context, garble, script
    from pipeline.slug import slugify

    garble.score("预热")
    garble._bridges()
    garble._readings_index()
    garble._chars_read("yu")
    script.to_simplified_text("預熱")
    script.has_traditional("預熱")
    context.function_characters()
    slugify("预热")
    dedup.signature("预热一下")


warm()
