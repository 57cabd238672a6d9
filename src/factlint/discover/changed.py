"""``--changed-since REF``: lint only the files a branch changed.

The changed files are what ``git diff --name-only REF`` lists (committed since REF, staged and
unstaged changes) plus untracked files that ``.gitignore`` does not ignore (a new page is a change
too). They are intersected with the files that normal discovery finds under the given paths, so
extensions, ``.gitignore`` and include/exclude globs apply exactly as without the option.
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterable
from pathlib import Path

from factlint.discover.files import DiscoveryError, Target, discover, resolved


class GitError(DiscoveryError):
    """git is missing or failed (bad ref, not a repository): a usage error, reported in one line."""


def _git(args: list[str], cwd: Path) -> str:
    try:
        done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, encoding="utf-8",
                              errors="surrogateescape", check=False)
    except OSError as exc:
        raise GitError(f"--changed-since: cannot run git: {exc.strerror or exc}") from None
    if done.returncode != 0:
        lines = [ln.strip() for ln in done.stderr.splitlines() if ln.strip()]
        detail = lines[0] if lines else f"exit status {done.returncode}"
        raise GitError(f"--changed-since: git {args[0]} failed: {detail}")
    return done.stdout


def changed_files(ref: str, cwd: Path | None = None) -> set[Path]:
    """Resolved paths of files changed since ``ref``, plus untracked files, in the repository of ``cwd``."""
    if not ref or ref.startswith("-"):
        # git would read a leading dash as an option, not a revision.
        raise GitError(f"--changed-since: {ref!r} is not a git revision")
    here = (cwd or Path.cwd()).resolve()
    top = Path(_git(["rev-parse", "--show-toplevel"], here).strip())
    # -z: names verbatim (no quoting of unusual characters); paths are relative to the top level.
    diff = _git(["diff", "--name-only", "-z", ref, "--"], top)
    untracked = _git(["ls-files", "--others", "--exclude-standard", "-z"], top)
    names = [n for n in (diff + untracked).split("\0") if n]
    return {resolved(top / n) for n in names}  # resolved(): a link loop must not crash the run


def discover_changed(
    paths: Iterable[str], ref: str, include: Iterable[str] = (), exclude: Iterable[str] = (), cwd: Path | None = None
) -> list[Target]:
    """The files discovery finds under ``paths`` that changed since ``ref`` (deleted files drop out)."""
    changed = changed_files(ref, cwd)
    return [t for t in discover(paths, include, exclude, cwd) if resolved(t.path) in changed]
