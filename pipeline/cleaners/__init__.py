"""The cleaning chain: named steps run in a fixed order on each article.

Every step that changes the text is recorded (step, before, after), and the
findings each step reports are kept with the document, so every change the
cleaner makes can be shown to an editor (``explain``).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field, fields
from pathlib import Path

from pipeline.cleaners.boilerplate import (
    strip_boilerplate,
    strip_comment_blocks,
    strip_keyword_stuffing,
    strip_link_lists,
    strip_related_blocks,
)
from pipeline.cleaners.context import Cut, strip_by_context
from pipeline.cleaners.cutouts import flag_cut_out_words, restore_law_titles
from pipeline.cleaners.garble import OutOfTime, repair_byte_slips
from pipeline.cleaners.glossary import load_glossary
from pipeline.cleaners.markup import strip_markup
from pipeline.cleaners.mojibake import fix_mojibake, remove_control_escapes, remove_icon_characters
from pipeline.cleaners.normalize import normalize_text
from pipeline.cleaners.pii import load_pii_rules, remove_pii
from pipeline.cleaners.pinyin import remove_pinyin_annotations
from pipeline.cleaners.punctuation import normalize_punctuation
from pipeline.cleaners.repeats import drop_repeated_body, drop_title_echoes, take_title
from pipeline.cleaners.rules import load_boilerplate, load_spin_rules
from pipeline.cleaners.script import OPENCC_CONFIG, to_simplified
from pipeline.cleaners.spin import restore_spun_words
from pipeline.cleaners.voice import rewrite_site_voice
from pipeline.headline import key
from pipeline.record import Document
from pipeline.untrusted import TITLE_MAX, plain_line


@dataclass(frozen=True)
class CleanerConfig:
    """Which steps run; each field is named after its step.

    - normalize_text: line ends, spaces, zero-width characters (NFC only:
      full-width punctuation stays).
    - remove_control_escapes: ``_x0008_`` left by spreadsheet exports.
    - strip_markup: character references a text page still holds (&nbsp;,
      &mdash;, decoded first, so encoded markup goes too), HTML tags and
      script bodies pasted into a text page, Markdown link targets and
      attribute lists (the renderer escapes the rest in any case).
    - fix_mojibake: lines (and the title) of UTF-8 read as GBK or cp1252;
      a character the wrong decoding lost is left as one U+FFFD.
    - remove_icon_characters: private-use characters of icon fonts, at a
      line's start or after a space, full stop or ASCII mark (others are
      damage, for the next step).
    - repair_byte_slips: GB18030 text read out of step after a lost byte;
      lost characters restored from pinyin or guessed and flagged (in the
      title too when it lost characters). The U+FFFD it finds are counted
      as lost characters (``Cleaned.lost``) for the readability gate.
    - remove_pinyin_annotations: 訪問(wèn) → 訪問 when wèn is a reading of 問.
    - to_simplified: OpenCC ``tw2s``.
    - strip_comment_blocks, strip_related_blocks, strip_boilerplate,
      strip_keyword_stuffing, strip_link_lists: site chrome, by the rules of
      ``boilerplate_rules`` (default: the shipped table) and by shape.
    - take_title, drop_title_echoes, drop_repeated_body: the title and the
      repeats of it and of the body.
    - restore_spun_words: by the rules of ``spin_rules``.
    - rewrite_site_voice: the source site speaking as itself (本站将…,
      小编总结, 引语：) rewritten to the article's voice.
    - remove_pii: phone, QQ, WeChat, e-mail, ID-card and bank-card numbers,
      except the official numbers allowed in ``pii_rules``.
    - apply_glossary: the editors' fixes from ``glossary`` (whose
      ``protect`` terms are also hidden from every step).
    - restore_law_titles: 《个人信息保》 → 《个人信息保护法》, flagged.
    - normalize_punctuation: ASCII , : ? ( ) inside Chinese text made
      full-width (never in numbers, URLs, code or Latin text); each change
      is a ``punctuation`` finding.
    - flag_cut_out_words: reports marks of cut-out words; changes nothing.
    - time_budget: seconds the byte-slip repair may spend on one page (None:
      no limit). A page of megabytes of damage would take minutes; past the
      budget the cleaning of that page stops with a ``flag_time_budget``
      finding (the run rejects it with the reason: its damage is not
      repaired, so it is not published), and one page cannot hold up a
      batch.
    """

    normalize_text: bool = True
    remove_control_escapes: bool = True
    strip_markup: bool = True
    fix_mojibake: bool = True
    remove_icon_characters: bool = True
    repair_byte_slips: bool = True
    remove_pinyin_annotations: bool = True
    to_simplified: bool = True
    strip_comment_blocks: bool = True
    strip_related_blocks: bool = True
    strip_boilerplate: bool = True
    strip_keyword_stuffing: bool = True
    strip_link_lists: bool = True
    strip_by_context: bool = True
    take_title: bool = True
    drop_title_echoes: bool = True
    drop_repeated_body: bool = True
    restore_spun_words: bool = True
    rewrite_site_voice: bool = True
    remove_pii: bool = True
    apply_glossary: bool = True
    restore_law_titles: bool = True
    normalize_punctuation: bool = True
    flag_cut_out_words: bool = True
    boilerplate_rules: Path | None = None
    spin_rules: Path | None = None
    pii_rules: Path | None = None
    glossary: Path | None = None
    time_budget: float | None = 3.0


@dataclass(frozen=True)
class Change:
    step: str
    before: str
    after: str


@dataclass
class Cleaned:
    title: str | None
    text: str
    alternative_titles: list[str] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)
    # byte-slip guesses, with Han context in the script of the cleaned text
    guesses: list[dict[str, str]] = field(default_factory=list)
    # characters lost in decoding (U+FFFD before the byte-slip repair)
    lost: int = 0
    # lines of the text (by ``headline.key``) right above a block of chrome
    # that the cleaner removed, with the block (its first line, its length):
    # where the page's own lines at its foot stood, for the site's lines
    chrome_below: dict[str, Cut] = field(default_factory=dict)


@dataclass
class _State:
    doc: Document
    text: str
    title: str | None
    alternatives: list[str] = field(default_factory=list)
    guesses: list[dict[str, str]] = field(default_factory=list)
    lost: int = 0
    stopped: bool = False
    # the text as the first of the chrome steps found it
    before_chrome: str | None = None
    # the lines right above chrome the chrome steps removed (strip_by_context)
    chrome_below: dict[str, Cut] = field(default_factory=dict)

    def chrome_step(self) -> None:
        if self.before_chrome is None:
            self.before_chrome = self.text


class Cleaner:
    """Owns the loaded rule tables for one run and cleans documents with them."""

    def __init__(self, config: CleanerConfig | None = None) -> None:
        self.config = config or CleanerConfig()
        self.line_rules, self.comment_rules, self.related_start = load_boilerplate(
            self.config.boilerplate_rules
        )
        self.spin_rules = load_spin_rules(self.config.spin_rules)
        self.glossary = load_glossary(self.config.glossary)
        self.pii_rules = load_pii_rules(self.config.pii_rules)
        self.steps: list[tuple[str, Callable[[_State], None]]] = [
            ("normalize_text", self._normalize),
            ("remove_control_escapes", self._control),
            ("strip_markup", self._markup),
            ("fix_mojibake", self._mojibake),
            ("remove_icon_characters", self._icons),
            ("repair_byte_slips", self._slips),
            ("remove_pinyin_annotations", self._pinyin),
            ("to_simplified", self._simplify),
            ("strip_comment_blocks", self._comments),
            ("strip_related_blocks", self._related),
            ("strip_boilerplate", self._boilerplate),
            ("strip_keyword_stuffing", self._stuffing),
            ("strip_link_lists", self._link_lists),
            ("strip_by_context", self._context),
            ("take_title", self._title),
            ("drop_title_echoes", self._echoes),
            ("drop_repeated_body", self._repeats),
            ("restore_spun_words", self._spin),
            ("rewrite_site_voice", self._voice),
            ("remove_pii", self._pii),
            ("apply_glossary", self._glossary),
            ("restore_law_titles", self._laws),
            ("normalize_punctuation", self._punctuation),
            ("flag_cut_out_words", self._cut_outs),
        ]
        names = {f.name for f in fields(CleanerConfig)}
        assert all(name in names for name, _ in self.steps)

    def clean(self, doc: Document, record_changes: bool = True) -> Cleaned:
        """Run the steps on ``doc``. With ``record_changes`` the text before
        and after every step that changed it is kept (for ``explain``); a
        batch run leaves it off, since those copies are most of its memory."""
        title = doc.title or doc.metadata.get("declared_title")
        mask = self.glossary.mask
        state = _State(doc=doc, text=mask(doc.text), title=mask(title) if title else None)
        changes: list[Change] = []
        for name, run in self.steps:
            if not getattr(self.config, name):
                continue
            before = state.text
            start = len(doc.findings)
            run(state)
            for i in range(start, len(doc.findings)):
                if doc.findings[i].step is None:
                    finding = doc.findings[i]
                    doc.findings[i] = type(finding)(finding.kind, finding.message, name)
            if record_changes and state.text != before:
                changes.append(Change(name, before, state.text))
            if state.stopped:
                break
        unmask = self.glossary.unmask
        changes = [Change(c.step, unmask(c.before), unmask(c.after)) for c in changes]
        if self.glossary.protect:
            doc.findings[:] = [type(f)(f.kind, unmask(f.message), f.step) for f in doc.findings]
        guesses = [
            {**g, **{k: to_simplified(g[k])[0] for k in ("left", "choice", "right")}} for g in state.guesses
        ]
        return Cleaned(
            _plain_title(unmask(state.title), doc) if state.title else None,
            unmask(state.text).strip(),
            [unmask(t) for t in state.alternatives],
            changes,
            guesses,
            state.lost,
            {key(unmask(line)): Cut(unmask(cut.line), cut.lines) for line, cut in state.chrome_below.items()},
        )

    # Each step reads and updates the state; notes go to the document.

    def _normalize(self, s: _State) -> None:
        s.text = normalize_text(s.text)
        s.title = normalize_text(s.title) if s.title else s.title

    def _control(self, s: _State) -> None:
        s.text = remove_control_escapes(s.text, s.doc.note)

    def _markup(self, s: _State) -> None:
        s.text = strip_markup(s.text, s.doc.note)

    def _mojibake(self, s: _State) -> None:
        s.text = fix_mojibake(s.text, s.doc.note)
        s.title = fix_mojibake(s.title, s.doc.note, "title") if s.title else s.title

    def _slips(self, s: _State) -> None:
        budget = self.config.time_budget
        deadline = None if budget is None else time.monotonic() + budget
        findings, guesses = len(s.doc.findings), len(s.guesses)
        # what is lost is known here, before the repair guesses it (a line
        # of nothing but U+FFFD lost an ornament, not text)
        s.lost = sum(
            line.count("\ufffd") for line in [*s.text.split("\n"), s.title or ""] if line.strip(" \ufffd")
        )
        try:
            s.text = repair_byte_slips(s.text, s.doc.note, s.guesses, deadline)
            if s.title and "\ufffd" in s.title:
                s.title = repair_byte_slips(s.title, s.doc.note, s.guesses, deadline, "title")
        except OutOfTime:
            # nothing of the unfinished repair is kept, and the page is
            # cleaned no further: it is not published with its damage
            del s.doc.findings[findings:], s.guesses[guesses:]
            s.stopped = True
            s.doc.note(
                "flag_time_budget",
                f"byte-slip repair stopped after {budget:g} s on a page of {len(s.text):,} characters; "
                "its damage is left as it is for an editor",
            )

    def _icons(self, s: _State) -> None:
        s.text = remove_icon_characters(s.text, s.doc.note)
        s.title = remove_icon_characters(s.title, s.doc.note, "title") if s.title else s.title

    def _pinyin(self, s: _State) -> None:
        removed: list[str] = []

        def on_removed(char: str, syllable: str) -> None:
            removed.append(f"{char}({syllable})")

        s.text = remove_pinyin_annotations(s.text, on_removed)
        s.title = remove_pinyin_annotations(s.title, on_removed) if s.title else s.title
        if removed:
            sample = "、".join(dict.fromkeys(removed))
            s.doc.note(
                "pinyin_annotation",
                f"removed {len(removed)} pinyin annotations: {_clip(sample, 80)}",
            )

    def _simplify(self, s: _State) -> None:
        s.text, lines = to_simplified(s.text)
        if lines:
            s.doc.note(
                "traditional_script",
                f"converted {lines} lines from Traditional to Simplified (OpenCC {OPENCC_CONFIG})",
            )
        s.title = to_simplified(s.title)[0] if s.title else s.title

    def _comments(self, s: _State) -> None:
        s.chrome_step()
        s.text = strip_comment_blocks(s.text, self.comment_rules, s.doc.note)

    def _related(self, s: _State) -> None:
        s.chrome_step()
        s.text = strip_related_blocks(s.text, self.related_start, s.doc.note)

    def _stuffing(self, s: _State) -> None:
        s.chrome_step()
        s.text = strip_keyword_stuffing(s.text, s.doc.note)

    def _pii(self, s: _State) -> None:
        s.text = remove_pii(s.text, self.pii_rules, s.doc.note)
        s.title = remove_pii(s.title, self.pii_rules, s.doc.note) if s.title else s.title

    def _boilerplate(self, s: _State) -> None:
        s.chrome_step()
        dates: list[str] = []
        s.text = strip_boilerplate(s.text, self.line_rules, s.doc.note, dates)
        if dates and "date" not in s.doc.metadata:
            s.doc.metadata["date"] = dates[0]

    def _link_lists(self, s: _State) -> None:
        s.chrome_step()
        s.text = strip_link_lists(s.text, s.doc.note)

    def _context(self, s: _State) -> None:
        if s.before_chrome is not None:
            s.text = strip_by_context(s.before_chrome, s.text, s.doc.note, s.chrome_below)

    def _title(self, s: _State) -> None:
        s.text, s.title, s.alternatives = take_title(s.text, s.title, s.doc.note)

    def _echoes(self, s: _State) -> None:
        # a title guessed from the first sentence is that sentence: the
        # body keeps it, even when it is a paragraph of its own
        guessed = any(f.kind == "flag_title_guessed" for f in s.doc.findings)
        titles = [t for t in [None if guessed else s.title, *s.alternatives] if t]
        s.text = drop_title_echoes(s.text, titles, s.doc.note, s.title if guessed else None)

    def _repeats(self, s: _State) -> None:
        s.text = drop_repeated_body(s.text, s.doc.note)

    def _spin(self, s: _State) -> None:
        found = len(s.doc.findings)
        s.title = restore_spun_words(s.title, self.spin_rules, s.doc.note) if s.title else s.title
        spun = any(f.kind == "spun_word" for f in s.doc.findings[found:])
        s.text = restore_spun_words(s.text, self.spin_rules, s.doc.note, spun)

    def _voice(self, s: _State) -> None:
        s.text = rewrite_site_voice(s.text, s.doc.note)

    def _glossary(self, s: _State) -> None:
        s.text = self.glossary.apply(s.text, s.doc.note)
        s.title = self.glossary.apply(s.title, s.doc.note) if s.title else s.title

    def _laws(self, s: _State) -> None:
        s.text = restore_law_titles(s.text, s.doc.note)

    def _punctuation(self, s: _State) -> None:
        s.text = normalize_punctuation(s.text, s.doc.note)
        s.title = normalize_punctuation(s.title, s.doc.note) if s.title else s.title

    def _cut_outs(self, s: _State) -> None:
        flag_cut_out_words(s.text, s.title, s.doc.note)


def _plain_title(title: str, doc: Document) -> str | None:
    """The title as it may be published: one line of plain text (see
    ``pipeline.untrusted``). Markup or a character reference in a title is
    never the headline's wording, so it goes, and the editor is told."""
    plain = plain_line(title, TITLE_MAX)
    if plain != " ".join(title.split()):
        message = f"title made plain text: 「{_clip(title, 80)}」 → 「{plain}」"
        doc.note("title_sanitized", message, "take_title")
    return plain or None


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
