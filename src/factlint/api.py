"""The Python API: :func:`lint_text` and :func:`lint_paths`."""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from factlint import pack as packs_mod
from factlint.config import Config, find_config, key_line, load_config
from factlint.discover import discover
from factlint.engine import analyse, configure
from factlint.model import FileError, Finding
from factlint.pack.model import Pack
from factlint.read import ReadError, decode, read_document
from factlint.reason.consistency import Located, find_inconsistencies
from factlint.reason.suppress import apply_directives


@dataclass
class LintResult:
    """The outcome of linting paths: findings (sorted), files that failed, and how many were read.

    ``paths`` are the display paths of the files that were read (a baseline needs them to tell a
    fixed finding from a file that was not linted this time).
    """

    findings: list[Finding] = field(default_factory=list)
    errors: list[FileError] = field(default_factory=list)
    files: int = 0
    paths: list[str] = field(default_factory=list)


def load_packs(config: Config, rules: Sequence[str | Path] = ()) -> tuple[Pack, ...]:
    """The packs of a run: the bundled one (unless switched off), then config and CLI packs."""
    for root in config.packs:
        if config.path and not (Path(root) / "pack.yaml").is_file():
            # Said at the line of the configuration that names it (that is where the fix goes),
            # and before any pack is compiled.
            raise packs_mod.RuleError(config.path, key_line(config.path, "packs"),
                                      f"packs: {root} is not a rule pack (no pack.yaml there)")
    out: list[Pack] = []
    if config.bundled_pack and not rules:
        out.append(packs_mod.load_pack_dir())
    for root in (*config.packs, *rules):
        out.append(packs_mod.load_pack_dir(root))
    names = [p.name for p in out]
    dupes = sorted({n for n in names if names.count(n) > 1})
    if dupes:
        raise packs_mod.RuleError(out[-1].root, None, f"two rule packs are both named {dupes[0]!r}")
    return tuple(out)


def lint_text(
    text: str,
    path: str = "<text>",
    kind: str | None = None,
    *,
    config: Config | None = None,
    rules: Sequence[str | Path] = (),
    packs: tuple[Pack, ...] | None = None,
) -> list[Finding]:
    """Lint a string as if it were the file ``path`` (its extension picks the reader).

    ``kind`` forces a reader: ``markdown``, ``html`` or ``text``. Returns sorted findings.
    """
    config = config or Config()
    packs = packs if packs is not None else load_packs(config, rules)
    doc = read_document(path, text, kind)
    return configure(list(analyse(packs, doc, {}).findings), config)


def _lint_one(packs: tuple[Pack, ...], display: str, path: Path, spellers: dict) -> tuple:
    try:
        if display == "-":
            raise ReadError("stdin is read by the caller")
        data = path.read_bytes()
        text, _enc = decode(data)
        doc = read_document(display, text)
    except (ReadError, OSError) as exc:
        return display, None, (), FileError(display, _describe(exc))
    except Exception as exc:
        return display, None, (), FileError(display, f"internal error while reading: {type(exc).__name__}: {exc}")
    try:
        analysis = analyse(packs, doc, spellers)
    except RecursionError:
        return display, None, (), FileError(display, "too deeply nested to lint")
    except Exception as exc:
        # A bug met by one odd file must cost that file, not the whole run (a CI gate that
        # crashes blocks every deploy); the message names the bug so that it gets reported.
        return display, None, (), FileError(display, f"internal error while linting: {type(exc).__name__}: {exc}")
    return display, analysis.findings, analysis.located, None


def _describe(exc: BaseException) -> str:
    if isinstance(exc, OSError):
        return exc.strerror or str(exc)
    return str(exc)


_WORKER: dict[str, object] = {}

AUTO_JOBS_MIN_FILES = 50
"""With ``jobs=None``, runs over at least this many files use one worker process per core."""


def _init_worker(packs: tuple[Pack, ...]) -> None:
    _WORKER["packs"] = packs
    _WORKER["spellers"] = {}


def _work(item: tuple[str, str]) -> tuple:
    return _lint_one(_WORKER["packs"], item[0], Path(item[1]), _WORKER["spellers"])  # type: ignore[arg-type]


def lint_paths(
    paths: Iterable[str | Path],
    *,
    config: Config | None = None,
    rules: Sequence[str | Path] = (),
    jobs: int | None = 1,
    stdin_text: str | None = None,
    stdin_name: str = "-",
    packs: tuple[Pack, ...] | None = None,
) -> LintResult:
    """Lint files and directories. One bad file never stops the others; it becomes an error entry.

    Contradictions between files of the run are reported as ``inconsistency`` findings.
    ``config`` defaults to the configuration found by walking up from the first path; ``packs``
    (already compiled) replaces the packs the configuration names. ``jobs`` is the number of worker
    processes: 0 for one per core, None for automatic (one per core from
    :data:`AUTO_JOBS_MIN_FILES` files on). The result does not depend on it.
    """
    paths = [str(p) for p in paths]
    if config is None:
        first = next((p for p in paths if p != "-"), ".")
        found = find_config(Path(first))
        config = load_config(found) if found else Config()
    packs = packs if packs is not None else load_packs(config, rules)
    targets = discover([p for p in paths if p != "-"], config.include, config.exclude)
    result = LintResult()
    located: list[tuple[str, Located]] = []
    directives: dict[str, tuple] = {}
    raw: list[Finding] = []
    spellers: dict = {}
    if stdin_text is not None:
        doc = read_document(stdin_name, stdin_text)
        analysis = analyse(packs, doc, spellers)
        raw += analysis.findings
        located += analysis.located
        directives[stdin_name] = doc.directives
        result.files += 1
        result.paths.append(stdin_name)
    items = [(t.display, str(t.path)) for t in targets if t.error is None]
    result.errors += [FileError(t.display, t.error) for t in targets if t.error is not None]
    if jobs is None:
        # Automatic: worker processes pay off once there are enough files to share out (starting
        # them costs about as much as linting a few files); the output is the same either way.
        jobs = (os.cpu_count() or 1) if len(items) >= AUTO_JOBS_MIN_FILES else 1
    if jobs == 0:
        jobs = os.cpu_count() or 1
    if jobs > 1 and len(items) > 1:
        # Imported only here: concurrent.futures and multiprocessing cost a one-file run (the
        # pre-commit case) more time than linting the file.
        from concurrent.futures import ProcessPoolExecutor

        # ex.map returns the outcomes in the order of the items, so the output does not depend
        # on which worker finished first.
        with ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker, initargs=(packs,)) as ex:
            outcomes = list(ex.map(_work, items, chunksize=max(1, len(items) // (jobs * 8))))
    else:
        outcomes = [_lint_one(packs, d, Path(p), spellers) for d, p in items]
    for display, findings, loc, error in outcomes:
        if error is not None:
            result.errors.append(error)
            continue
        result.files += 1
        result.paths.append(display)
        raw += findings
        located += loc
    raw += _cross_file(packs, located)
    result.findings = configure(_dedupe(raw), config)
    result.errors.sort(key=lambda e: e.path)  # discovery's errors and the readers' in one order
    return result


def _cross_file(packs: tuple[Pack, ...], located: list[tuple[str, Located]]) -> list[Finding]:
    """Inconsistencies between different files of the run (within a file they are already found)."""
    out: list[Finding] = []
    for pack in packs:
        mine = [x for name, x in located if name == pack.name]
        if len({x.path for x in mine}) < 2:
            continue
        for f in find_inconsistencies(pack, mine, across_files_only=True):
            if f.related and f.related[0]["path"] != f.path:
                out.append(f)
    return out


def _dedupe(findings: list[Finding]) -> list[Finding]:
    seen: set[tuple] = set()
    out = []
    for f in findings:
        key = (f.path, f.line, f.column, f.rule, f.end_line, f.end_column)
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out


__all__ = ["LintResult", "apply_directives", "lint_paths", "lint_text", "load_packs"]
