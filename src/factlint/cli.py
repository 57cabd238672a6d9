"""The command line: ``factlint check``, ``explain``, ``rules verify|test|graph`` and more.

Exit codes (contract): 0 no finding at or above the failing severity, 1 findings, 2 usage,
configuration or rule-base error: one line on stderr, never a traceback.
"""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import click

from factlint import __version__
from factlint.config import Config, find_config, load_config
from factlint.discover import DiscoveryError
from factlint.model import CATEGORIES, SEVERITIES, severity_rank
from factlint.pack.yamlio import RuleError

# Formats whose reports never quote source lines (see report/): their runs skip re-reading files.
_NO_SNIPPETS = frozenset({"json", "sarif", "github"})


class UsageFailure(Exception):
    """A usage problem found after click parsed the arguments."""


def guarded(fn: Callable[..., Any]) -> Callable[..., Any]:
    """Turn expected failures into one line on stderr and exit 2 (never a traceback)."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except (RuleError, DiscoveryError, UsageFailure) as exc:
            click.echo(f"factlint: {exc}", err=True)
            sys.exit(2)
        except BrokenPipeError:  # e.g. `factlint check | head`
            sys.exit(1)
        except KeyboardInterrupt:
            click.echo("factlint: interrupted", err=True)
            sys.exit(130)

    return wrapper


def _split(values: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(v.strip() for item in values for v in item.split(",") if v.strip())


def _config(config_path: str | None, paths: tuple[str, ...]) -> Config:
    if config_path:
        p = Path(config_path)
        if not p.is_file():
            raise UsageFailure(f"{config_path}: configuration file not found")
        return load_config(p)
    first = next((p for p in paths if p != "-"), ".")
    found = find_config(Path(first)) if Path(first).exists() else None
    return load_config(found) if found else Config()


# Click 8.2+ raises this (a UsageError) for a group called without a command; older versions exit 0.
_NO_ARGS_IS_HELP: tuple[type[BaseException], ...] = tuple(
    t for t in (getattr(click.exceptions, "NoArgsIsHelpError", None),) if t is not None)


class _Main(click.Group):
    """The command group; a usage error is one line on stderr with exit code 2 (the contract).

    Click's own report of a usage error takes four lines (usage, hint, blank, error), which a CI
    log shows as noise around the one line that matters.
    """

    def main(self, *args: Any, **kwargs: Any) -> Any:
        if not kwargs.pop("standalone_mode", True):
            return super().main(*args, standalone_mode=False, **kwargs)
        try:
            rv = super().main(*args, standalone_mode=False, **kwargs)
        except click.UsageError as exc:
            if isinstance(exc, _NO_ARGS_IS_HELP):
                exc.show()  # `factlint` or `factlint rules` alone: the help is the useful answer
                sys.exit(exc.exit_code)
            hint = f" (see '{exc.ctx.command_path} --help')" if exc.ctx is not None else ""
            click.echo(f"factlint: {' '.join(exc.format_message().split())}{hint}", err=True)
            sys.exit(exc.exit_code)
        except click.ClickException as exc:
            exc.show()
            sys.exit(exc.exit_code)
        except click.Abort:
            click.echo("Aborted!", err=True)
            sys.exit(1)
        sys.exit(rv if isinstance(rv, int) else 0)


@click.group(cls=_Main, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="factlint")
def main() -> None:
    """factlint checks what health marketing text asserts against evidence from source documents."""


@main.command()
@click.argument("paths", nargs=-1, type=str)
@click.option("--format", "fmt", type=click.Choice(["text", "json", "sarif", "github", "html"]), default="text",
              show_default=True, help="Output format.")
@click.option("--select", multiple=True, help="Only these rules or categories (comma-separated, repeatable).")
@click.option("--ignore", multiple=True, help="Skip these rules or categories (comma-separated, repeatable).")
@click.option("--fail-on", type=click.Choice(list(SEVERITIES)), default=None,
              help="Lowest severity that makes the exit code 1 [default: warning].")
@click.option("--config", "config_path", type=str, default=None, help="Use this configuration file.")
@click.option("--rules", multiple=True, type=str, help="Lint with this rule pack directory instead of the bundled one.")
@click.option("--jobs", "-j", type=click.IntRange(0, 256), default=None,
              help="Worker processes (0: one per core) [default: one per core for 50 files or more, else 1].")
@click.option("--stdin-filename", default="-", help="Path to report for text read from stdin (its extension picks the reader).")
@click.option("--color/--no-color", default=None, help="Colour the text output [default: only on a terminal].")
@click.option("--output", "-o", type=click.Path(dir_okay=False, writable=True), default=None,
              help="Write the report to this file instead of stdout.")
@click.option("--baseline", "baseline_path", type=str, default=None,
              help="Report only findings not in this baseline (see `factlint baseline write`) [default: config's].")
@click.option("--no-baseline", is_flag=True, help="Ignore the configured baseline: report every finding.")
@click.option("--changed-since", metavar="REF", default=None,
              help="Lint only files changed since the git revision REF (and untracked files) among PATHS.")
@guarded
def check(paths: tuple[str, ...], fmt: str, select: tuple[str, ...], ignore: tuple[str, ...], fail_on: str | None,
          config_path: str | None, rules: tuple[str, ...], jobs: int | None, stdin_filename: str, color: bool | None,
          output: str | None, baseline_path: str | None, no_baseline: bool, changed_since: str | None) -> None:
    """Lint PATHS (files or directories; - reads stdin). Default: the current directory."""
    from dataclasses import replace

    from factlint.api import lint_paths
    from factlint.model import FileError
    from factlint.read import ReadError, decode
    from factlint.report import REPORTERS, RunReport

    paths = paths or (".",)
    config = _config(config_path, paths)
    known = set(CATEGORIES)
    sel, ign = _split(select), _split(ignore)
    config = replace(config, select=sel or config.select, ignore=(*config.ignore, *ign))
    stdin_text = None
    stdin_error = None
    if "-" in paths:
        try:
            stdin_text, _ = decode(sys.stdin.buffer.read())
        except ReadError as exc:  # binary data on stdin is a file error, as a binary file is
            stdin_error = FileError(stdin_filename, str(exc))
    targets = [p for p in paths if p != "-"]
    if changed_since and targets:
        from factlint.discover.changed import discover_changed

        targets = [t.display for t in discover_changed(targets, changed_since, config.include, config.exclude)]
    result = lint_paths(targets, config=config, rules=rules, jobs=jobs,
                        stdin_text=stdin_text, stdin_name=stdin_filename)
    if stdin_error is not None:
        result.errors.insert(0, stdin_error)
    del known
    findings, extra, notice = tuple(result.findings), {}, None
    baseline_file = None if no_baseline else (baseline_path or config.baseline)
    if baseline_file:
        from factlint.reason.baseline import apply_baseline, checked_by, load_baseline

        outcome = apply_baseline(findings, load_baseline(baseline_file), result.paths, checked_by(config))
        findings, extra["baseline"], notice = tuple(outcome.findings), outcome.to_json(), outcome.notice()
    threshold = fail_on or config.fail_on or "warning"
    sources: dict[str, str] = {}
    # Only reports that quote source lines need every file with a finding read again; for a site
    # that is the whole site, held in memory until the report is written.
    quoted = sorted({f.path for f in findings}) if fmt not in _NO_SNIPPETS else []
    for path in quoted:
        if path == stdin_filename and stdin_text is not None:
            sources[path] = stdin_text
            continue
        try:
            sources[path], _ = decode(Path(path).read_bytes())
        except (OSError, ValueError):
            pass
    if fmt not in REPORTERS:
        raise UsageFailure(f"--format {fmt} is not available in this version")
    use_color = color if color is not None else (output is None and sys.stdout.isatty() and "NO_COLOR" not in os.environ)
    report = RunReport(findings, tuple(result.errors), result.files, sources, use_color, extra)
    # JSON is written as it is made: a site's whole report as one string would be the largest
    # thing a run holds (over 200 MB for 20,000 pages). Other reports are written in slices, as
    # one call would encode the whole text into a second copy first.
    if fmt == "json":
        from factlint.report.json import iter_json

        pieces: Iterable[str] = iter_json(report)
    else:
        text = REPORTERS[fmt](report)
        pieces = (text[start:start + (1 << 20)] for start in range(0, len(text), 1 << 20))
    if output:
        with open(output, "w", encoding="utf-8") as fh:
            fh.writelines(pieces)
    else:
        for piece in pieces:
            click.echo(piece, nl=False)
    if notice and fmt != "json":  # JSON carries it as its "baseline" field
        click.echo(notice, err=True)
    failing = any(severity_rank(f.severity) <= severity_rank(threshold) for f in findings)
    sys.exit(1 if failing else 0)


@main.group()
def baseline() -> None:
    """Record today's findings so that `check --baseline` fails only on new ones."""


@baseline.command("write")
@click.argument("file", type=str)
@click.argument("paths", nargs=-1, type=str)
@click.option("--select", multiple=True, help="Only these rules or categories (comma-separated, repeatable).")
@click.option("--ignore", multiple=True, help="Skip these rules or categories (comma-separated, repeatable).")
@click.option("--config", "config_path", type=str, default=None, help="Use this configuration file.")
@click.option("--rules", multiple=True, type=str, help="Lint with this rule pack directory instead of the bundled one.")
@click.option("--jobs", "-j", type=click.IntRange(0, 256), default=None,
              help="Worker processes (0: one per core) [default: one per core for 50 files or more, else 1].")
@guarded
def baseline_write(file: str, paths: tuple[str, ...], select: tuple[str, ...], ignore: tuple[str, ...],
                   config_path: str | None, rules: tuple[str, ...], jobs: int | None) -> None:
    """Lint PATHS (default: the current directory) and write their findings to the baseline FILE."""
    from dataclasses import replace

    from factlint.api import lint_paths
    from factlint.reason.baseline import write_baseline

    paths = paths or (".",)
    if "-" in paths:
        raise UsageFailure("baseline write lints files; stdin (-) has no path to record")
    config = _config(config_path, paths)
    config = replace(config, select=_split(select) or config.select, ignore=(*config.ignore, *_split(ignore)))
    result = lint_paths(paths, config=config, rules=rules, jobs=jobs)
    entries = write_baseline(file, result.findings)
    for e in result.errors:
        click.echo(f"{e.path}: file error: {e.message}", err=True)
    n, files = len(result.findings), result.files
    click.echo(f"Wrote {file}: {n} finding{'' if n == 1 else 's'} ({len(entries)} "
               f"entr{'y' if len(entries) == 1 else 'ies'}) in {files} file{'' if files == 1 else 's'}.")


@main.command()
@guarded
def init() -> None:
    """Write a commented .factlint.yaml in the current directory and print the next steps."""
    from factlint.commands.init import init_config

    click.echo(init_config(Path.cwd()), nl=False)


@main.command()
@click.argument("rule_id")
@click.option("--rules", multiple=True, type=str, help="Rule pack directory (default: the bundled pack).")
@guarded
def explain(rule_id: str, rules: tuple[str, ...]) -> None:
    """Explain a claim or rule: statement, evidence, graph neighbours, examples, safer wording."""
    from factlint.commands.explain import explain_text
    from factlint.pack import load_pack_dir

    packs = [load_pack_dir(r) for r in rules] if rules else [load_pack_dir()]
    click.echo(explain_text(packs, rule_id), nl=False)


@main.group()
def rules() -> None:
    """Maintain rule packs: verify evidence, test examples, draw the graph."""


@rules.command("verify")
@click.option("--rules", "roots", multiple=True, type=str, help="Rule pack directory (default: the bundled pack).")
@guarded
def rules_verify(roots: tuple[str, ...]) -> None:
    """Check every evidence quote against its source, ids, edges and examples."""
    from factlint.commands.verify import verify_pack
    from factlint.pack import bundled_pack_dir
    from factlint.pack.load import load_pack

    problems = []
    for root in roots or (str(bundled_pack_dir()),):
        problems += verify_pack(load_pack(root))
    for p in problems:
        click.echo(p)
    if problems:
        click.echo(f"{len(problems)} problem{'s' if len(problems) != 1 else ''} found.", err=True)
        sys.exit(1)
    click.echo("All evidence verified; ids, edges and examples are consistent.")


@rules.command("test")
@click.option("--rules", "roots", multiple=True, type=str, help="Rule pack directory (default: the bundled pack).")
@guarded
def rules_test(roots: tuple[str, ...]) -> None:
    """Run every rule's flag and pass examples."""
    from factlint.commands.verify import run_examples
    from factlint.pack import bundled_pack_dir
    from factlint.pack.load import load_pack

    failures = []
    total = 0
    for root in roots or (str(bundled_pack_dir()),):
        n, fails = run_examples(load_pack(root))
        total += n
        failures += fails
    for f in failures:
        click.echo(f)
    click.echo(f"{total - len(failures)} passed, {len(failures)} failed")
    sys.exit(1 if failures else 0)


@rules.command("graph")
@click.option("--format", "fmt", type=click.Choice(["dot", "mermaid", "graphml"]), default="dot", show_default=True)
@click.option("--rules", "root", type=str, default=None, help="Rule pack directory (default: the bundled pack).")
@guarded
def rules_graph(fmt: str, root: str | None) -> None:
    """Print the claim graph as DOT, Mermaid or GraphML."""
    from factlint.commands.graph import render_graph
    from factlint.pack import load_pack_dir

    click.echo(render_graph(load_pack_dir(root), fmt), nl=False)


@rules.command("scaffold")
@click.argument("sources", nargs=-1, required=True, type=str)
@click.option("--out", "out", required=True, type=str, help="Folder to create for the draft pack.")
@click.option("--name", default=None, help="Pack name [default: the folder's name].")
@guarded
def rules_scaffold(sources: tuple[str, ...], out: str, name: str | None) -> None:
    """Draft a pack from new SOURCES: candidate claims with quotes and lines."""
    from factlint.commands.scaffold import ScaffoldError, scaffold

    try:
        claims_file, n = scaffold([Path(s) for s in sources], Path(out), name or Path(out).name.lower())
    except ScaffoldError as exc:
        raise UsageFailure(str(exc)) from None
    click.echo(f"Wrote {n} candidate claims to {claims_file}.")
    click.echo(f"Next: edit them, then run `factlint rules verify --rules {out}`.")


@main.group()
def sources() -> None:
    """Look at a pack's source documents."""


@sources.command("audit")
@click.option("--rules", "root", type=str, default=None, help="Rule pack directory (default: the bundled pack).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@guarded
def sources_audit(root: str | None, fmt: str) -> None:
    """Lint the sources against the graph and each other; print every disagreement, both sides."""
    from factlint.commands import audit as au
    from factlint.pack import load_pack_dir

    pack = load_pack_dir(root)
    items = au.audit(pack)
    click.echo(au.render_json(pack, items) if fmt == "json" else au.render_text(pack, items), nl=False)


@main.command("eval")
@click.option("--corpus", type=click.Path(file_okay=False), default=None,
              help="Folder with dev.yaml and heldout.yaml [default: fixtures/eval of this checkout].")
@click.option("--pages", type=click.Path(file_okay=False), default=None,
              help="Folder of pages with *.expected.yaml hand labels [default: fixtures/pages].")
@click.option("--split", default="all", show_default=True,
              help="A corpus file name without .yaml (dev, dev2, ..., heldout), or all of them.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--details/--no-details", default=True, show_default=True,
              help="List every miss and false alarm with its sentence.")
@click.option("--rules", "root", type=str, default=None, help="Rule pack directory (default: the bundled pack).")
@guarded
def evaluate(corpus: str | None, pages: str | None, split: str, fmt: str, details: bool, root: str | None) -> None:
    """Precision, recall and F1 per category on the labelled corpus; agreement on golden pages."""
    from factlint.commands import evaluate as ev
    from factlint.pack import load_pack_dir

    base = Path(__file__).resolve().parents[2] / "fixtures"
    corpus_dir = Path(corpus) if corpus else base / "eval"
    pages_dir = Path(pages) if pages else base / "pages"
    if split == "all":
        # The development splits in order, then the held-out one, which is reported, never tuned on.
        names = sorted(p.stem for p in corpus_dir.glob("dev*.yaml"))
        names += ["heldout"] if (corpus_dir / "heldout.yaml").is_file() else []
    else:
        names = [split]
    files = [corpus_dir / f"{n}.yaml" for n in names]
    missing = [str(f) for f in files if not f.is_file()]
    if missing:
        raise UsageFailure(f"{missing[0]}: corpus file not found (use --corpus)")
    packs = (load_pack_dir(root),)
    splits = [ev.evaluate_split(packs, n, ev.load_items(f)) for n, f in zip(names, files)]
    page_results = ev.evaluate_pages(packs, pages_dir) if pages_dir.is_dir() else []
    out = ev.render_json(splits, page_results) if fmt == "json" else ev.render_text(splits, page_results, details)
    click.echo(out, nl=False)


if __name__ == "__main__":  # pragma: no cover
    main()
