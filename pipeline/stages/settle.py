"""The settle stage: copies of one article grouped, and the copy to publish
chosen.

Copies in one chunk of a run are grouped with an in-memory LSH; a group
that matches a guide published earlier (the index of published pages, in
the state) stays a copy of that guide. Otherwise the copy with the least
damage is published, its guessed passages repaired from the other copies
and the words its site cut out put back from copies that have them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.dedup import DedupIndex, repair_from_siblings, restore_cut_words, same_article, signature
from pipeline.sitelines import SiteLines, site_of, strip_site_lines
from pipeline.stages.clean import Candidate, Composer, Placement, rejection_reason

# the text a finding quotes: 「…」
_QUOTED = re.compile(r"「([^」]+)」")


@dataclass
class Settled:
    """One group of copies: the copy to publish (None when the article is
    published already) and the others, each with the id of the guide it is
    a copy of and why that one was kept."""

    publish: Candidate | None
    duplicates: list[tuple[Candidate, str, str]] = field(default_factory=list)


class Settler:
    def __init__(self, index: DedupIndex, composer: Composer) -> None:
        self.index = index
        self.composer = composer

    def strip_site_chrome(self, candidates: list[Candidate], lines: SiteLines) -> list[Candidate]:
        """Count the lines of every page of the chunk by site, then take
        each site's lines off the edges of its pages (``pipeline.sitelines``)
        and render those pages again. Runs before copies are grouped, so
        that two articles of one site are compared without its chrome.
        Returns the candidates still long enough to publish; the record of
        a page too short without its site's lines says so."""
        sites = [
            site_of(c.doc.url or c.doc.metadata.get("page_url"), c.doc.key or c.doc.source)
            for c in candidates
        ]
        lines.observe(zip(sites, (c.doc.id for c in candidates), (c.seen for c in candidates), strict=True))
        kept: list[Candidate] = []
        for name, candidate in zip(sites, candidates, strict=True):
            cleaned, doc = candidate.cleaned, candidate.doc
            if not strip_site_lines(cleaned, doc, lines.site(name), name):
                kept.append(candidate)
                continue
            candidate.record.update(title=cleaned.title, text=cleaned.text)
            reason = rejection_reason(cleaned)
            if reason:
                candidate.record["reason"] = (
                    f"{reason}, once the lines its site prints on most pages are gone"
                )
                candidate.record["findings"] = [f.as_dict() for f in doc.findings]
                continue
            guide, candidate.markdown = self.composer.compose(doc, cleaned)
            candidate.guide = Placement.of(guide)
            candidate.signature = signature(cleaned.text)
            candidate.__dict__.pop("minhash", None)  # made again from the new signature
            kept.append(candidate)
        return kept

    def clusters(self, candidates: list[Candidate]) -> list[list[Candidate]]:
        """Copies of the same article among ``candidates``, grouped
        (union-find over an in-memory LSH), in input order."""
        from datasketch import MinHashLSH

        lsh = MinHashLSH(threshold=self.index.threshold, num_perm=self.index.num_perm)
        parent = list(range(len(candidates)))

        def root(i: int) -> int:
            while parent[i] != i:
                parent[i] = parent[parent[i]]
                i = parent[i]
            return i

        for i, candidate in enumerate(candidates):
            for j in lsh.query(candidate.minhash):
                other = candidates[int(j)]
                if candidate.minhash.jaccard(other.minhash) >= self.index.threshold and same_article(
                    candidate.cleaned.text, other.cleaned.text
                ):
                    parent[root(i)] = root(int(j))
            lsh.insert(str(i), candidate.minhash)
        groups: dict[int, list[Candidate]] = {}
        for i, candidate in enumerate(candidates):
            groups.setdefault(root(i), []).append(candidate)
        return sorted(groups.values(), key=lambda g: g[0].order)

    def settle(self, cluster: list[Candidate]) -> Settled:
        """A copy published by an earlier run stays the published one;
        otherwise the copy with the least damage wins (the first one on a
        tie)."""
        ids = {c.doc.id for c in cluster}
        earlier = [
            m
            for c in cluster
            for m in self.index.query(c.minhash)
            if m.id not in ids and _same_as_published(c, m.output)
        ]
        if earlier:
            keeper_id = max(earlier, key=lambda m: m.similarity).id
            return Settled(None, [(c, keeper_id, "a guide published earlier") for c in cluster])
        best = min(cluster, key=lambda c: (c.damage, c.order))
        others = [c for c in cluster if c is not best]
        if others:
            self._repair_from(best, others)
        return Settled(best, [(c, best.doc.id, "the copy with the least damage") for c in others])

    def _repair_from(self, best: Candidate, others: list[Candidate]) -> None:
        siblings = [(c.doc.id, c.cleaned.text, c.cleaned.guesses) for c in others]
        text, repairs = repair_from_siblings(best.cleaned.text, best.cleaned.guesses, siblings)
        if repairs:
            settled = {guess["flag"] for guess, _, _ in repairs}
            best.doc.findings[:] = [f for f in best.doc.findings if f.message not in settled]
            for guess, new, sibling in repairs:
                best.doc.note(
                    "repaired_from_copy",
                    f"「{guess['left']}{guess['choice']}{guess['right']}」 → "
                    f"「{guess['left']}{new}{guess['right']}」 as in the copy {sibling}, "
                    "which has this passage undamaged",
                    "repair_from_siblings",
                )
            best.cleaned.text = best.record["text"] = text
        restored = self._restore_cut_words(best, others)
        if repairs or restored:
            guide, best.markdown = self.composer.compose(best.doc, best.cleaned)
            best.guide = Placement.of(guide)

    def _restore_cut_words(self, best: Candidate, others: list[Candidate]) -> bool:
        """Put back the words a site's filter cut out of the copy to publish,
        from the copies that have them (``restore_cut_words``); the flags of
        the holes they fill are settled."""
        title = best.cleaned.title or ""
        lines, restored = restore_cut_words(
            [title, *best.cleaned.text.split("\n")],
            [(c.doc.id, [c.cleaned.title or "", *c.cleaned.text.split("\n")]) for c in others],
        )
        if not restored:
            return False
        best.cleaned.title = lines[0] or best.cleaned.title
        best.cleaned.text = best.record["text"] = "\n".join(lines[1:])
        if "title" in best.record and best.cleaned.title:
            best.record["title"] = best.cleaned.title
        whole = "\n".join(lines)
        # a flag quotes the spot it found: gone from the text, it is settled
        best.doc.findings[:] = [
            f
            for f in best.doc.findings
            if f.kind != "flag_cut_out" or any(spot in whole for spot in _QUOTED.findall(f.message))
        ]
        for word, places, sibling in restored:
            best.doc.note(
                "restored_from_copy",
                f"「{word}」 put back at {places} places where this copy's site cut it out; "
                f"the copy {sibling} has the same passages with it",
                "restore_cut_words",
            )
        return True


def _same_as_published(candidate: Candidate, output: str | None) -> bool:
    """A published guide that MinHash matched is the same article as the
    candidate, judged line by line on the guide's text (``same_article``).
    Without the guide's file (an editor deleted it) MinHash decides."""
    if not output:
        return True
    try:
        markdown = Path(output).read_text(encoding="utf-8")
    except OSError:
        return True
    body = markdown.split("\n---\n", 1)[1] if markdown.startswith("---\n") else markdown
    return same_article(candidate.cleaned.text, body)
