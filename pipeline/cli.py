"""Command line: ``credit-guides`` (or ``python -m pipeline``).

The library does the work; this layer turns its errors into one-line
messages and exit codes: 0 done, 1 the run could not be done (bad
configuration, build failed), 2 bad usage.
"""

from __future__ import annotations

import difflib
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, NoReturn

import click
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from pipeline.cleaners import CleanerConfig
from pipeline.cleaners.rules import RuleFileError
from pipeline.personal_data import redact
from pipeline.run import Run, RunSummary
from pipeline.state import StateError

DEFAULT_OUT = Path("content/guides")
DEFAULT_MANIFEST = Path(".pipeline/manifest.jsonl")
DEFAULT_TEMPLATES = Path("overrides/guides")
DEFAULT_GLOSSARY = Path("glossary.yaml")
QUALITY_PAGE = Path("content/quality.md")
SAMPLES = Path("corpus/seeds")

err = Console(stderr=True, soft_wrap=True)  # a message stays one line, however long


def _fail(message: str) -> NoReturn:
    err.print(f"[red]error:[/red] {escape(message)}", highlight=False)
    sys.exit(1)


def out_option(help_text: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """--out of clean and prune: the folder of the guides."""
    return click.option(
        "--out",
        "out_dir",
        type=click.Path(path_type=Path, file_okay=False),
        default=DEFAULT_OUT,
        show_default=True,
        help=help_text,
    )


# --manifest of clean and prune: where a run's records and state are (see
# manifest_for for the default)
manifest_option = click.option(
    "--manifest",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    show_default=".pipeline/manifest.jsonl, or beside --out's folder when --out is given",
    help="JSON Lines file with one record per input page; the runs' state is kept beside it.",
)


@click.group()
@click.version_option(package_name="credit-guides")
def main() -> None:
    """Turn scraped pages about overdue consumer credit into help-site guides."""


@main.command()
@click.argument("sources", nargs=-1, required=True, type=click.Path(path_type=Path))
@out_option("Folder the guides are written to.")
@manifest_option
@click.option(
    "--templates",
    type=click.Path(path_type=Path, file_okay=False),
    default=DEFAULT_TEMPLATES,
    show_default=True,
    help="Folder of templates that override the shipped ones.",
)
@click.option(
    "--glossary",
    type=click.Path(path_type=Path, dir_okay=False),
    default=DEFAULT_GLOSSARY,
    show_default=True,
    help="Editors' glossary: replacements and protected terms.",
)
@click.option(
    "--force",
    is_flag=True,
    help="Clean every page again and regenerate guides even where an editor changed or deleted them.",
)
@click.option(
    "--dry-run", is_flag=True, help="Show what would change (new, updated, conflicts); write nothing."
)
@click.option(
    "--jobs",
    type=click.IntRange(min=1),
    default=os.cpu_count() or 1,
    show_default="all cores",
    help="Processes that clean pages in parallel (with --engine ray: Ray actors).",
)
@click.option(
    "--engine",
    type=click.Choice(["local", "ray"]),
    default="local",
    show_default=True,
    help="Where pages are cleaned: worker processes on this machine, or Ray Data "
    '(pip install "credit-guides[ray]"; the cluster at --ray-address or RAY_ADDRESS, '
    "else Ray on this machine).",
)
@click.option(
    "--ray-address",
    default=None,
    help="Address of the Ray cluster for --engine ray (default: $RAY_ADDRESS, else start Ray here).",
)
def clean(
    sources: tuple[Path, ...],
    out_dir: Path,
    manifest: Path | None,
    templates: Path,
    glossary: Path,
    force: bool,
    dry_run: bool,
    jobs: int,
    engine: str,
    ray_address: str | None,
) -> None:
    """Clean the scraped pages in SOURCES (files or folders) into guides.

    Reads .txt, .html/.htm and .jsonl pages; writes one Markdown guide per
    article under --out and a record per page to --manifest. Guides changed
    by hand are left alone and reported as conflicts.
    """
    manifest = manifest_for(out_dir, manifest)
    if engine == "ray":
        try:
            import ray  # noqa: F401
        except ImportError:
            _fail('--engine ray needs Ray Data: pip install "credit-guides[ray]"')
    summary = _run(
        list(sources), out_dir, manifest, templates, force, glossary, dry_run, jobs, engine, ray_address
    )
    _print_summary(summary, manifest, dry_run)
    if not dry_run and out_dir == DEFAULT_OUT:
        _write_quality_report(manifest)


@main.command()
@click.option(
    "--sources",
    "sources",
    multiple=True,
    type=click.Path(path_type=Path),
    default=[SAMPLES],
    show_default=True,
    help="Pages to clean before building.",
)
@click.option(
    "--site-dir",
    type=click.Path(path_type=Path, file_okay=False),
    default=Path("site"),
    show_default=True,
    help="Where the built site goes.",
)
@click.option(
    "--strict/--no-strict", default=True, show_default=True, help="Fail the build on MkDocs warnings."
)
def build(sources: tuple[Path, ...], site_dir: Path, strict: bool) -> None:
    """Clean the bundled sample pages (or --sources) and build the site.

    Run it in the project folder, the one with mkdocs.yml.
    """
    if not Path("mkdocs.yml").is_file():
        _fail("mkdocs.yml not found: run this in the project folder")
    from pipeline.siteconfig import SiteConfigError, check_site_config

    try:
        for warning in check_site_config(Path("mkdocs.yml"), DEFAULT_OUT):
            err.print(f"[yellow]warning:[/yellow] {escape(warning)}", highlight=False)
    except SiteConfigError as exc:
        _fail(str(exc))
    summary = _run(list(sources), DEFAULT_OUT, DEFAULT_MANIFEST, DEFAULT_TEMPLATES, False, DEFAULT_GLOSSARY)
    _print_summary(summary, DEFAULT_MANIFEST)
    _write_quality_report(DEFAULT_MANIFEST)
    command = [sys.executable, "-m", "mkdocs", "build", "--site-dir", str(site_dir)]
    if strict:
        command.append("--strict")
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    err.print(f"building the site: {' '.join(command[2:])}", highlight=False)
    result = subprocess.run(command, env=env, check=False)
    if result.returncode:
        _fail(f"mkdocs build failed (exit {result.returncode}); its messages are above")
    err.print(f"[green]site built in {site_dir}/[/green]; preview with: mkdocs serve", highlight=False)


@main.command()
@out_option("Folder the guides are in.")
@manifest_option
@click.option("--force", is_flag=True, help="Remove guides of gone inputs even where an editor changed them.")
@click.option("--dry-run", is_flag=True, help="List what would be removed; write nothing.")
def prune(out_dir: Path, manifest: Path | None, force: bool, dry_run: bool) -> None:
    """Retire the guides of input files that were deleted from the sources.

    Guides an editor changed stay (reported as conflicts) unless --force.
    """
    manifest = manifest_for(out_dir, manifest)
    try:
        run = Run(out_dir, state=state_file(manifest), force=force, dry_run=dry_run, jobs=1)
        summary = run.prune()
    except (RuleFileError, StateError) as exc:
        _fail(str(exc))
    except OSError as exc:
        _fail(f"{exc.filename or manifest.parent}: {exc.strerror or exc}")
    verb = "would be " if dry_run else ""
    for outcome, path in summary.changes:
        err.print(f"{verb}{outcome}: {escape(str(path))}", highlight=False)
    for message in summary.messages:
        err.print(message, highlight=False, markup=False)
    for conflict in summary.conflicts:
        err.print(f"[yellow]conflict:[/yellow] {escape(conflict)}", highlight=False)
    if not dry_run and out_dir == DEFAULT_OUT:
        _write_quality_report(manifest)


@main.command()
@click.argument("page", type=click.Path(path_type=Path, exists=True, dir_okay=False))
@click.option(
    "--record",
    type=click.IntRange(min=1),
    default=None,
    help="Of a JSON Lines file, only the record on this line.",
)
def explain(page: Path, record: int | None) -> None:
    """Show every change the cleaner makes to PAGE, step by step: what HTML
    extraction left out, then each step's findings and the lines it changed,
    the changed characters marked inside them."""
    from pipeline.cleaners import Cleaner
    from pipeline.readers import Rejection, read_file

    out = Console(soft_wrap=True)
    cleaner = Cleaner(CleanerConfig(glossary=DEFAULT_GLOSSARY))

    def show(text: str, style: str | None = None) -> None:
        # page text: contact details masked, rich markup in it shown as text
        shown = escape(redact(text))
        out.print(f"[{style}]{shown}[/{style}]" if style else shown, highlight=False, soft_wrap=True)

    found = False
    for doc in read_file(page):
        if record is not None and not doc.source.endswith(f"#{record}"):
            continue
        found = True
        if isinstance(doc, Rejection):
            show(f"{doc.source}: rejected: {doc.reason}", "red")
            continue
        out.rule(escape(redact(f"{doc.source} ({doc.encoding})")))
        html = _page_html(page, record) if doc.is_html else None
        extracted = doc.text
        cleaned = cleaner.clean(doc)
        if html is not None:
            left_out = extraction_left_out(html, extracted)
            out.print(
                f"\n[bold]read_html[/bold]: {len(left_out)} lines of the page left out", highlight=False
            )
            for line in left_out[:EXPLAIN_LEFT_OUT]:
                show(f"  - {line[:80]}", "dim")
            if len(left_out) > EXPLAIN_LEFT_OUT:
                show(f"  … and {len(left_out) - EXPLAIN_LEFT_OUT} more", "dim")
        for change in cleaned.changes:
            out.print(f"\n[bold]{change.step}[/bold]", highlight=False)
            for finding in doc.findings:
                if finding.step == change.step:
                    show(f"  {finding.kind}: {finding.message}")
            for line in marked_diff(redact(change.before), redact(change.after)):
                out.print(line, highlight=False, soft_wrap=True)
        out.print("\n[bold]title:[/bold] " + escape(redact(cleaned.title or "")), highlight=False)
    if record is not None and not found:
        raise click.BadParameter(f"{page} has no record on line {record}", param_hint="--record")


# lines of what extraction left out that explain prints, at most
EXPLAIN_LEFT_OUT = 40


def _page_html(page: Path, record: int | None) -> str | None:
    """The HTML of an HTML page, or of a JSON Lines record's ``html``."""
    import json

    from pipeline.readers.encoding import decode

    text = decode(page.read_bytes()).text
    if record is None:
        return text
    lines = text.split("\n")
    try:
        obj = json.loads(lines[record - 1])
    except (IndexError, json.JSONDecodeError):
        return None
    html = obj.get("html") if isinstance(obj, dict) else None
    return html if isinstance(html, str) else None


def extraction_left_out(html: str, extracted: str) -> list[str]:
    """The page's text lines that the article's text does not hold: what
    HTML extraction took for navigation, sidebars, comments and footers.

    >>> page = "<body><div class=nav>首页 新闻</div><p>信用卡逾期以后要主动联系银行。</p></body>"
    >>> extraction_left_out(page, "信用卡逾期以后要主动联系银行。")
    ['首页 新闻']
    """
    from pipeline.headline import key
    from pipeline.readers import htmlpage
    from pipeline.readers.titles import page_lines

    root = htmlpage._parse(html)
    if root is None:
        return []
    kept = key(extracted)
    return [line.text for line in page_lines(root) if key(line.text) and key(line.text) not in kept]


def marked_diff(before: str, after: str) -> list[str]:
    """The lines a step changed, as rich markup: a removed line in red after
    ``-``, an added one in green after ``+``, and a changed line once, after
    ``~``, with what went struck through in red (and between ``[-`` and
    ``-]``) and what came in green (between ``{+`` and ``+}``). Page text is
    escaped, so markup in it prints as text.

    >>> marked_diff("逾期不仅会作用个人信用。\\n删掉的行", "逾期不仅会影响个人信用。")
    ['~ 逾期不仅会[red strike][-作用-][/red strike][green]{+影响+}[/green]个人信用。', '[red]-删掉的行[/red]']
    """
    # blank lines are layout: diffed, they split one change into two
    old = [line for line in before.split("\n") if line.strip()]
    new = [line for line in after.split("\n") if line.strip()]
    removed: list[tuple[int, str]] = []
    added: list[tuple[int, str]] = []
    # (position in the text before, markup)
    shown: list[tuple[int, str]] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if tag == "replace" and i2 - i1 == j2 - j1:
            # as many lines in as out: each changed in place, unless nothing
            # of it is left
            for i, a, b in zip(range(i1, i2), old[i1:i2], new[j1:j2], strict=True):
                if _alike(a, b) >= 0.3:
                    shown.append((i, "~ " + _inline(a, b)))
                else:
                    removed.append((i, a))
                    added.append((j1 + i - i1, b))
        elif tag != "equal":
            removed += list(enumerate(old[i1:i2], start=i1))
            added += list(enumerate(new[j1:j2], start=j1))
    # elsewhere a changed line is a removed one and the added one most like it
    for i, a in removed:
        scored = ((_alike(a, x[1]), x) for x in added)
        score, best = max(scored, key=lambda pair: pair[0], default=(0.0, None))
        if best is not None and score >= 0.5:
            shown.append((i, "~ " + _inline(a, best[1])))
            added.remove(best)
        else:
            shown.append((i, f"[red]-{escape(a)}[/red]"))
    return [line for _, line in sorted(shown)] + [f"[green]+{escape(b)}[/green]" for _, b in added]


def _alike(a: str, b: str) -> float:
    """How much of the shorter line the other holds: a line that lost its
    pinyin is still the same line."""
    if min(len(a), len(b)) < 0.3 * max(len(a), len(b)):
        return 0.0  # a short line inside a long one is not that line changed
    same = sum(m.size for m in difflib.SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks())
    return same / max(min(len(a), len(b)), 1)


def _inline(a: str, b: str) -> str:
    parts = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            parts.append(escape(a[i1:i2]))
            continue
        # wdiff's marks, readable where there is no colour (a file, a pipe)
        if i2 > i1:
            parts.append(f"[red strike]{escape('[-' + a[i1:i2] + '-]')}[/red strike]")
        if j2 > j1:
            parts.append(f"[green]{escape('{+' + b[j1:j2] + '+}')}[/green]")
    return "".join(parts)


def _run(
    sources: list[Path],
    out_dir: Path,
    manifest: Path,
    templates: Path,
    force: bool,
    glossary: Path,
    dry_run: bool = False,
    jobs: int = os.cpu_count() or 1,
    engine: str = "local",
    ray_address: str | None = None,
) -> RunSummary:
    try:
        run = Run(
            out_dir,
            templates=templates,
            force=force,
            cleaner_config=CleanerConfig(glossary=glossary),
            state=state_file(manifest),
            dry_run=dry_run,
            jobs=jobs,
            engine=engine,
            ray_address=ray_address,
        )
    except (RuleFileError, StateError) as exc:
        _fail(str(exc))
    except OSError as exc:
        _fail(f"{exc.filename or manifest.parent}: {exc.strerror or exc}")
    columns = (
        TextColumn("cleaning"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("{task.fields[rate]}"),
    )
    with Progress(*columns, console=err, transient=True, disable=not err.is_terminal) as progress:
        task = progress.add_task("clean", total=None, rate="")

        def on_page() -> None:
            progress.advance(task)
            elapsed = progress.tasks[0].elapsed or 0
            done = progress.tasks[0].completed
            progress.update(task, rate=f"{done / elapsed:.1f} pages/s" if elapsed else "")

        def on_record(record: dict[str, Any]) -> None:
            if record["status"] == "rejected":
                source, reason = escape(redact(record["source"])), escape(redact(record["reason"]))
                err.print(f"[yellow]{source}[/yellow]: rejected: {reason}", highlight=False)

        try:
            return run.execute(sources, manifest, on_record, on_page)
        except OSError as exc:
            _fail(f"{exc.filename or manifest}: {exc.strerror or exc}")


def manifest_for(out_dir: Path, manifest: Path | None) -> Path:
    """The manifest a run writes: the one given; else, for a run into
    another folder than the site's (a trial run), one in ``.pipeline/``
    beside that folder, so that its state never mixes with the site's.

    >>> manifest_for(Path("/tmp/trial/guides"), None).as_posix(), manifest_for(DEFAULT_OUT, None).as_posix()
    ('/tmp/trial/.pipeline/manifest.jsonl', '.pipeline/manifest.jsonl')
    """
    if manifest is not None:
        return manifest
    if out_dir.resolve() == DEFAULT_OUT.resolve():
        return DEFAULT_MANIFEST
    return out_dir.parent / ".pipeline" / "manifest.jsonl"


def state_file(manifest: Path) -> Path:
    """The state of earlier runs is kept beside their manifest, so that runs
    into different places (a trial folder, the site) do not mix."""
    return manifest.parent / "state.sqlite"


def _write_quality_report(manifest: Path) -> None:
    from pipeline.quality import write_quality_report

    write_quality_report(state_file(manifest), QUALITY_PAGE)


def _print_summary(summary: RunSummary, manifest: Path, dry_run: bool = False) -> None:
    title = "dry run: nothing was written" if dry_run else "cleaning run"
    table = Table(title=title, show_header=True)
    table.add_column("what")
    table.add_column("count", justify="right")
    for status in ("published", "duplicate", "rejected"):
        table.add_row(status, str(summary.statuses.get(status, 0)))
        if status == "published" and summary.held:
            table.add_row("  held as drafts for an editor", str(summary.held))
    for outcome, count in sorted(summary.writes.items()):
        table.add_row(f"  guides {outcome}", str(count))
    for reason, count in summary.reasons.most_common():
        table.add_row(f"  rejected: {escape(reason)}", str(count))
    for kind, count in summary.findings.most_common():
        table.add_row(f"finding: {kind}", str(count))
    if summary.skipped_inputs:
        table.add_row("inputs unchanged since the last run", str(summary.skipped_inputs))
    err.print(table)
    verb = "would be " if dry_run else ""
    for outcome, path in summary.changes:
        err.print(f"{verb}{outcome}: {escape(str(path))}", highlight=False)
    if summary.changes_not_listed:
        err.print(
            f"… and {summary.changes_not_listed} more files (the manifest lists every guide)", highlight=False
        )
    for diff in summary.overwritten:
        err.print(diff, highlight=False, markup=False)
    for message in summary.messages:
        err.print(message, highlight=False, markup=False)
    for conflict in summary.conflicts:
        err.print(f"[yellow]conflict:[/yellow] {escape(conflict)}", highlight=False)
    if not dry_run:
        err.print(f"manifest: {escape(str(manifest))}", highlight=False)
