"""How well spun words are restored, on text spun with the table reversed.

Clean sentences (the cleaned sample pages, plus sentences with legitimate
之一, 作用, 问题, 进展中) are spun by replacing each original of
pipeline/data/spin.yaml with its spun form at random, as a rewriting tool
would; the restoration is then run on the spun text. A rule that is not
certain (在……进展中 is also good Chinese) applies only on a page where a
certain rule found spinning, so each sentence is restored knowing whether
the rest of its page (spun the same way) shows spinning. Reports the share
of spins restored and every change that was wrong (a change where the clean
text had no spin).

    python benchmarks/spin_words.py [--seed 1] [--rate 0.8]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.cleaners import Cleaner  # noqa: E402
from pipeline.cleaners.rules import load_spin_rules  # noqa: E402
from pipeline.cleaners.spin import restore_spun_words  # noqa: E402
from pipeline.readers import Rejection, read_sources  # noqa: E402

# original → spun, the table reversed; a lookahead keeps the same contexts.
REVERSED = [
    (re.compile(r"第一(?=(?:个|步|次|时间|天))"), "之一"),
    (re.compile(r"倘若"), "倘利"),
    (re.compile(r"假如(?=[\u4e00-\u9fff])"), "假采"),
    (re.compile(r"提高警惕"), "增进警惕"),
    (re.compile(r"采取(?=(?:措施|行动|手段))"), "选用"),
    (re.compile(r"(?<=在)([\u4e00-\u9fff]{0,4})过程中"), r"\1进展中"),
    (re.compile(r"(?<=显得)(尤为|十分|格外|非常)重要"), r"\1必不可少"),
]

EXTRA = [
    "逾期以后的第一步是核对账单,第一时间联系客服,倘若无力还款就说明情况。",
    "假如平台同意,在协商过程中要提高警惕,采取措施保存证据,这一点显得尤为重要。",
    "从逾期第一天起就会产生罚息,第一次逾期的影响相对较小。",
    "支付宝是国内最大的支付平台之一,忘记还款是逾期的原因之一。",
    "征信记录的作用很大,问题在于很多人不重视。",
    "项目进展中出现问题时,进展中的协商不要中断。",
]


def clean_pages() -> list[list[str]]:
    """The sentences of each cleaned sample page, and EXTRA as one more page."""
    cleaner = Cleaner()
    pages = [list(EXTRA)]
    for doc in read_sources([ROOT / "corpus" / "seeds"]):
        if isinstance(doc, Rejection):
            continue
        text = cleaner.clean(doc).text
        pages.append([s + "。" for s in re.split(r"[。\n]", text) if len(s) >= 10])
    return pages


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--rate", type=float, default=0.8, help="share of spinnable places spun")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    rules = load_spin_rules()
    pages = clean_pages()
    sentences = [truth for page in pages for truth in page]
    spins = spun_sentences = exact = wrong_changes = 0
    failures: list[dict[str, str]] = []
    certain = [rule for rule in rules if rule.certain]
    work: list[tuple[str, str, int, bool]] = []
    for page in pages:
        spun_page = []
        for truth in page:
            made = 0
            spun = truth
            for pattern, replacement in REVERSED:

                def maybe(match: re.Match[str], replacement: str = replacement) -> str:
                    nonlocal made
                    if rng.random() < args.rate:
                        made += 1
                        return match.expand(replacement)
                    return match.group(0)

                spun = pattern.sub(maybe, spun)
            spun_page.append((truth, spun, made))
        evidence = any(rule.pattern.search(spun) for _, spun, _ in spun_page for rule in certain)
        work += [(truth, spun, made, evidence) for truth, spun, made in spun_page]
    for truth, spun, made, evidence in work:
        result = restore_spun_words(spun, rules, lambda *a: None, spun=evidence)
        spins += made
        spun_sentences += made > 0
        if made and result == truth:
            exact += 1
        if not made and result != truth:
            wrong_changes += 1
        if result != truth:
            failures.append({"clean": truth, "spun": spun, "restored": result})
    left = len(sentences) - spun_sentences
    print(f"sentences {len(sentences)}: {spun_sentences} spun ({spins} spins), {left} left clean")
    print(f"spun sentences restored exactly: {exact}/{spun_sentences}")
    print(f"clean sentences changed (wrong changes): {wrong_changes}")
    for item in failures:
        print(json.dumps(item, ensure_ascii=False))


if __name__ == "__main__":
    main()
