"""Write the search index as UTF-8 instead of \\uXXXX escapes.

For Chinese, the escaped index is about twice the size of the same JSON in
UTF-8, and readers on slow connections wait for all of it before the first
result appears.
"""

from __future__ import annotations

import json
import os


def on_post_build(config) -> None:  # type: ignore[no-untyped-def]
    path = os.path.join(config["site_dir"], "search", "search_index.json")
    if not os.path.exists(path):
        return
    with open(path, encoding="utf-8") as handle:
        index = json.load(handle)
    tmp = f"{path}.tmp"
    with open(tmp, "w", encoding="utf-8") as handle:
        json.dump(index, handle, ensure_ascii=False, separators=(",", ":"))
    os.replace(tmp, path)
