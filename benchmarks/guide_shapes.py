"""The shape of the guides made from real pages: warnings, steps, FAQ.

Each page is read, cleaned and composed into its guide exactly as the clean
stage does it (``pipeline.stages.clean.Composer``: structure, shape,
template); nothing is written. Then, per set of pages:

- warnings: the share of the guide's text (characters of Han, letters and
  digits, the 要点 box and the footer left out) inside ``!!! warning``
  boxes, and the guides that are all-warning (more than half of their text
  in warning boxes);
- step sequences in the cleaned text: runs of lines opening with 第一步,
  第二步 … or 步骤一 …; with 1. 2. 3., （1）（2）, 第一，第二，, 一、二、三、
  (numbering that counts on from one, items at most GAP lines apart); and
  首先 … 其次/然后 … (最后). The article's own outline (一、二、 headings
  with sections under them) is not a sequence. A sequence is of actions
  when the article says they are steps (第一步, 步骤一) or when every item
  is something the reader does (``pipeline.cues.is_action``). It became
  steps when every item is an item of a numbered list in the guide;
- questions in the cleaned text: lines ending in ？, at most QUESTION_MAX
  characters (LABELLED_MAX when they open with a label, 问： or 记者：), no
  。 inside and not opening with a quotation mark (speech in a story),
  followed by a line that is not a question (an answer); and how many are
  the title of a collapsible question (``??? question``) in the guide.

    python benchmarks/guide_shapes.py /tmp/realhtml /tmp/heldout corpus/seeds [--examples 3]

A set is a folder with ``pages/*.html`` (the real-page sets) or of
``.txt`` pages (the samples). The pages belong to their publishers: only
counts and short excerpts are printed, nothing is written.
"""

from __future__ import annotations

import argparse
import itertools
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.cleaners import Cleaner  # noqa: E402
from pipeline.cues import Marker, in_sequence, is_action, marker  # noqa: E402
from pipeline.readers import Rejection, read_file  # noqa: E402
from pipeline.stages.clean import Composer, rejection_reason  # noqa: E402

GAP = 6
QUESTION_MAX = 40
LABELLED_MAX = 80
_LABEL = re.compile(r"^[^，,。：:？?\s]{1,6}[：:]")
EXCERPT = 24
_CONTENT = re.compile(r"[0-9A-Za-z\u3400-\u9fff]")
_OL_ITEM = re.compile(r"^\s*\d+\.\s+(.*)$")
_FAQ = re.compile(r'^\s*\?\?\?\+? question "(.*)"\s*$')
_ADMONITION = re.compile(r"^(\s*)(?:!!!|\?\?\?\+?) (\w+)")


def content(text: str) -> str:
    return "".join(_CONTENT.findall(text))


def excerpt(text: str) -> str:
    return text if len(text) <= EXCERPT else text[: EXCERPT - 1] + "…"


@dataclass
class Sequence:
    kind: str
    items: list[str]
    action: bool
    headings: bool


def _is_heading(line: str) -> bool:
    return len(line) <= 40 and not re.search(r"[。；;！!]", line)


def sequences(lines: list[str]) -> list[Sequence]:
    """Runs of lines that open with markers counting on from the first."""
    found: list[Sequence] = []
    used: set[int] = set()
    for i, line in enumerate(lines):
        first = marker(line)
        if i in used or first is None or first.n != 1:
            continue
        run: list[tuple[int, Marker]] = [(i, first)]
        j, gap = i + 1, 0
        while j < len(lines) and gap <= GAP:
            m = marker(lines[j])
            if m is not None and m.kind == first.kind:
                if in_sequence([x for _, x in run] + [m]):
                    run.append((j, m))
                    gap = 0
                    if m.kind == "adverb" and m.n == 0:
                        break
                else:
                    break
            else:
                gap += 1
            j += 1
        markers = [m for _, m in run]
        if not in_sequence(markers):
            continue
        used.update(k for k, _ in run)
        items = [lines[k] for k, _ in run]
        headings = all(_is_heading(item) for item in items) and all(
            k + 1 < len(lines) and marker(lines[k + 1]) is None for k, _ in run
        )
        if first.kind == "cn" and headings:
            continue  # the article's outline: its sections
        action = first.explicit or all(is_action(m.rest) for m in markers)
        found.append(Sequence(first.kind, [m.rest for m in markers], action, headings))
    return found


def questions(lines: list[str]) -> list[str]:
    out = []
    for line, nxt in itertools.pairwise(lines):
        q = line.rstrip("”’」 ")
        if (
            q.endswith(("？", "?"))
            and len(line) <= (LABELLED_MAX if _LABEL.match(line) else QUESTION_MAX)
            and "。" not in line
            and not line.startswith(("“", "「", '"'))
            and not nxt.rstrip("”’」 ").endswith(("？", "?"))
            and len(content(nxt)) >= 8
        ):
            out.append(line)
    return out


@dataclass
class GuideShape:
    chars: int = 0
    warning_chars: int = 0
    warning_boxes: int = 0
    ol_items: list[str] = field(default_factory=list)
    faq: list[str] = field(default_factory=list)


def read_guide(markdown: str) -> GuideShape:
    """What the rendered guide shows: text inside warning boxes, numbered
    list items, collapsible questions."""
    shape = GuideShape()
    body = markdown.split("\n---\n", 1)[1] if markdown.startswith("---\n") else markdown
    body = body.split("\n---\n\n<small>", 1)[0]  # the footer
    box: tuple[int, str] | None = None  # indentation and kind of the open admonition
    for line in body.split("\n"):
        if box is not None and line.strip() and len(line) - len(line.lstrip(" ")) <= box[0]:
            box = None
        match = _ADMONITION.match(line)
        if match:
            box = (len(match.group(1)), match.group(2))
            shape.warning_boxes += box[1] == "warning"
        question = _FAQ.match(line)
        if question:
            shape.faq.append(content(question.group(1)))
        if box is not None and box[1] == "abstract":
            continue
        chars = len(content(line.replace("\\", "")))
        shape.chars += chars
        if box is not None and box[1] == "warning":
            shape.warning_chars += chars
        item = _OL_ITEM.match(line)
        if item:
            shape.ol_items.append(content(item.group(1).replace("\\", "")))
    return shape


def became_steps(sequence: Sequence, guide: GuideShape) -> bool:
    return all(
        any(content(item)[:EXCERPT] in ol for ol in guide.ol_items)
        for item in sequence.items
        if content(item)
    )


def pages_of(folder: Path) -> list[Path]:
    pages = folder / "pages"
    return sorted(pages.glob("*.html")) if pages.is_dir() else sorted(folder.glob("*.txt"))


def measure(folder: Path, examples: int) -> None:
    cleaner, composer = Cleaner(), Composer()
    guides = all_warning = chars = warning_chars = boxes = with_boxes = faq_guides = 0
    kinds: dict[str, int] = {}
    seqs: list[tuple[str, Sequence, bool]] = []
    qs: list[tuple[str, str, bool]] = []
    for path in pages_of(folder):
        for doc in read_file(path):
            if isinstance(doc, Rejection):
                continue
            cleaned = cleaner.clean(doc, record_changes=False)
            if rejection_reason(cleaned):
                continue
            guide, markdown = composer.compose(doc, cleaned)
            guides += 1
            kinds[guide.kind] = kinds.get(guide.kind, 0) + 1
            faq_guides += guide.kind == "faq"
            shape = read_guide(markdown)
            chars += shape.chars
            warning_chars += shape.warning_chars
            boxes += shape.warning_boxes
            with_boxes += shape.warning_boxes > 0
            all_warning += shape.chars > 0 and shape.warning_chars * 2 > shape.chars
            lines = [line.strip() for line in cleaned.text.split("\n") if line.strip()]
            seqs += [(path.stem, s, became_steps(s, shape)) for s in sequences(lines)]
            faq = set(shape.faq)
            qs += [(path.stem, q, content(q) in faq) for q in questions(lines)]
    print(f"== {folder}: {guides} guides ({', '.join(f'{k} {v}' for k, v in sorted(kinds.items()))})")
    print(
        f"  warnings: {all_warning} all-warning guides; {warning_chars / max(chars, 1):.1%} of the text "
        f"in {boxes} warning boxes, in {with_boxes} guides"
    )
    actions = [(p, s, ok) for p, s, ok in seqs if s.action]
    print(
        f"  step sequences: {len(seqs)} in the source, {len(actions)} of actions "
        f"({sum(s.items.__len__() for _, s, _ in actions)} steps); "
        f"{sum(ok for _, _, ok in actions)} became numbered steps; "
        f"{sum(ok for _, s, ok in seqs if not s.action)} of the {len(seqs) - len(actions)} others did"
    )
    by_kind: dict[str, list[int]] = {}
    for _, s, ok in actions:
        by_kind.setdefault(s.kind, [0, 0])
        by_kind[s.kind][0] += 1
        by_kind[s.kind][1] += ok
    if by_kind:
        print(
            "    of actions, by kind: " + ", ".join(f"{k} {v[1]}/{v[0]}" for k, v in sorted(by_kind.items()))
        )
    print(
        f"  questions with an answer: {len(qs)}; {sum(ok for _, _, ok in qs)} became FAQ entries; "
        f"{faq_guides} FAQ guides"
    )
    if examples:
        for p, s, _ in [x for x in seqs if not x[2] and x[1].action][:examples]:
            print(f"    not steps ({s.kind}, {p}): " + " / ".join(excerpt(i) for i in s.items[:3]))
        for p, s, _ in [x for x in seqs if not x[1].action][:examples]:
            print(f"    not actions ({s.kind}, {p}): " + " / ".join(excerpt(i) for i in s.items[:3]))
        for p, q, _ in [x for x in qs if not x[2]][:examples]:
            print(f"    not FAQ ({p}): {excerpt(q)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sets", nargs="+", type=Path)
    parser.add_argument("--examples", type=int, default=0, help="short excerpts of what was missed")
    args = parser.parse_args()
    for folder in args.sets:
        measure(folder, args.examples)


if __name__ == "__main__":
    main()
