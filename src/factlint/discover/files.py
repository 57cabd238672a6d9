"""Find the files to lint: recurse into directories, honour .gitignore and include/exclude globs.

Directories are walked without following symbolic links (so a link loop cannot trap the walk);
``.git`` and other VCS folders are skipped. A file named explicitly is always linted, whatever its
extension, unless an exclude glob names it. Output order is sorted, so runs are deterministic.

Problems with single files never stop discovery: a directory that cannot be listed, or a FIFO,
device or socket with a linted extension found in a walk, becomes a :class:`Target` with an
``error`` (reported as a file error); a link loop or a dangling link is left to the reader, whose
error message says which it is.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable, Iterable
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
    """A file to lint: how to show it and where it is.

    ``error`` says why it cannot be linted when discovery already knows (it is then not read).
    """

    display: str
    path: Path
    error: str | None = None


def resolved(p: Path) -> Path:
    """``p.resolve()``, or ``p.absolute()`` when a symbolic link loop makes resolving fail.

    Python before 3.13 raises RuntimeError for a loop even in non-strict mode; a loop must cost
    one file error, not the run.
    """
    try:
        return p.resolve()
    except (OSError, RuntimeError):
        return p.absolute()


def _stat(p: Path) -> os.stat_result | None:
    """``os.stat`` of ``p`` (following links); None when it does not exist or is a dangling link.

    Raises OSError for other failures (a directory on the way that cannot be searched, a loop).
    """
    try:
        return p.stat()
    except FileNotFoundError:
        return None
    except OSError as exc:
        if exc.errno == errno.ENOTDIR:
            return None
        raise
    except ValueError:  # an embedded NUL character: no file can have that name
        return None


def _identity(p: Path) -> tuple[object, str | None]:
    """A key that is the same for every path of one file, and why ``p`` cannot be read, if known.

    The key is the device and inode (one ``stat``, much cheaper than resolving every path of a
    10,000-file walk), or the absolute path when ``stat`` fails (a dangling link or a link loop:
    the reader then reports the system's message). A FIFO, socket or device is not read: reading
    a FIFO blocks until some writer turns up, and a link to /dev/zero never ends, so in a CI job
    either would hang the run.
    """
    try:
        st = p.stat()
    except (OSError, ValueError):
        return ("path", str(p.absolute())), None
    if stat.S_ISREG(st.st_mode):
        return (st.st_dev, st.st_ino), None
    return (st.st_dev, st.st_ino), "not a regular file (FIFO, socket or device): not read"


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
    seen: set[object] = set()
    out: list[Target] = []
    for raw in paths:
        p = Path(raw)
        try:
            st = _stat(p)
        except OSError as exc:  # e.g. permission denied on a directory on the way
            out.append(Target(_display(p, cwd), p, exc.strerror or str(exc)))
            continue
        if st is None and not p.is_symlink():
            raise DiscoveryError(f"{raw}: no such file or directory")
        if st is not None and stat.S_ISDIR(st.st_mode):
            unlistable: list[OSError] = []
            for f in _walk(p, include_spec, exclude_spec, cwd, unlistable.append):
                key, problem = _identity(f)
                if key not in seen:
                    seen.add(key)
                    out.append(Target(_display(f, cwd), f, problem))
            for exc in unlistable:
                where = Path(exc.filename) if exc.filename else p
                out.append(Target(_display(where, cwd), where, f"cannot list directory: {exc.strerror or exc}"))
        else:
            rel = _display(p, cwd)
            if exclude_spec is not None and exclude_spec.match_file(rel):
                continue
            # A file named explicitly is read whatever it is (`factlint check <(curl ...)`).
            key, _ = _identity(p)
            if key not in seen:
                seen.add(key)
                out.append(Target(rel, p))
    return sorted(out, key=lambda t: t.display)


def _walk(root: Path, include: pathspec.PathSpec | None, exclude: pathspec.PathSpec | None, cwd: Path,
          onerror: Callable[[OSError], object] | None = None) -> list[Path]:
    found: list[Path] = []
    ignores: list[tuple[Path, pathspec.PathSpec]] = []
    # os.walk drops a directory it cannot list without a word unless given onerror.
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False, onerror=onerror):
        d = Path(dirpath)
        gi = d / ".gitignore"
        try:  # is_file() too can fail (a directory that may be listed but not searched)
            if gi.is_file():
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
