"""Find the files to lint: recurse into directories, honour .gitignore and include/exclude globs.

Directories are walked without following symbolic links (so a link loop cannot trap the walk);
``.git`` and other VCS folders are skipped. A file named explicitly is always linted, whatever its
extension, unless an exclude glob names it. Output order is sorted, so runs are deterministic.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pathspec

LINTED_SUFFIXES = frozenset({".md", ".markdown", ".html", ".htm", ".xhtml", ".txt"})
_SKIP_DIRS = frozenset({".git", ".hg", ".svn", "node_modules", "__pycache__", ".venv", ".tox"})


class DiscoveryError(Exception):
    """A path given by the user does not exist (a usage error)."""


@dataclass(frozen=True)
class Target:
    """A file to lint: how to show it and where it is."""

    display: str
    path: Path


def _display(p: Path, cwd: Path) -> str:
    try:
        return p.absolute().relative_to(cwd).as_posix()
    except ValueError:
        return p.as_posix()


def _spec(lines: Iterable[str]) -> pathspec.PathSpec:
    # Imported on first use: a run over files named on the command line, with no globs and no
    # .gitignore on the way (the pre-commit case), does not need it.
    import pathspec

    try:
        return pathspec.PathSpec.from_lines("gitignore", lines)
    except (KeyError, LookupError):  # pathspec < 0.12 names the same syntax "gitwildmatch"
        return pathspec.PathSpec.from_lines("gitwildmatch", lines)


def discover(
    paths: Iterable[str], include: Iterable[str] = (), exclude: Iterable[str] = (), cwd: Path | None = None
) -> list[Target]:
    """The files to lint under ``paths`` (files or directories), sorted and without duplicates."""
    cwd = (cwd or Path.cwd()).resolve()
    include_spec = _spec(include) if include else None
    exclude_spec = _spec(exclude) if exclude else None
    seen: set[Path] = set()
    out: list[Target] = []
    for raw in paths:
        p = Path(raw)
        if not p.exists() and not p.is_symlink():
            raise DiscoveryError(f"{raw}: no such file or directory")
        if p.is_dir():
            for f in _walk(p, include_spec, exclude_spec, cwd):
                if f.resolve() not in seen:
                    seen.add(f.resolve())
                    out.append(Target(_display(f, cwd), f))
        else:
            rel = _display(p, cwd)
            if exclude_spec is not None and exclude_spec.match_file(rel):
                continue
            if p.resolve() not in seen:
                seen.add(p.resolve())
                out.append(Target(rel, p))
    return sorted(out, key=lambda t: t.display)


def _walk(root: Path, include: pathspec.PathSpec | None, exclude: pathspec.PathSpec | None, cwd: Path) -> list[Path]:
    found: list[Path] = []
    ignores: list[tuple[Path, pathspec.PathSpec]] = []
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        d = Path(dirpath)
        gi = d / ".gitignore"
        if gi.is_file():
            try:
                ignores.append((d, _spec(gi.read_text(encoding="utf-8", errors="replace").splitlines())))
            except OSError:
                pass

        def ignored(p: Path, is_dir: bool) -> bool:
            for base, spec in ignores:
                try:
                    rel = p.relative_to(base).as_posix()
                except ValueError:
                    continue
                if spec.match_file(rel + ("/" if is_dir else "")):
                    return True
            if exclude is None:
                return False
            rel_cwd = _display(p, cwd)
            return bool(exclude.match_file(rel_cwd + ("/" if is_dir else "")))

        dirnames[:] = sorted(n for n in dirnames if n not in _SKIP_DIRS and not ignored(d / n, True))
        for name in sorted(filenames):
            f = d / name
            if f.suffix.lower() not in LINTED_SUFFIXES:
                continue
            if ignored(f, False):
                continue
            if include is not None and not include.match_file(_display(f, cwd)):
                continue
            found.append(f)
    return found
