"""The real pre-commit, in a throwaway content repository, running this repository's hook.

pre-commit builds a virtualenv and pip-installs factlint from the repository, which takes tens of
seconds, so the runs happen in parallel and the test carries the ``precommit`` marker: it runs in
the default suite (and in CI), and ``-m "not precommit"`` leaves it out of a quick local run.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
#: What pip needs to build and install factlint from a checkout (pyproject's wheel and sdist).
PACKAGE_PATHS = ("src", "rules", "pyproject.toml", "README.md", ".pre-commit-hooks.yaml")
IN_CI = os.environ.get("CI", "").lower() == "true"

OVERCLAIM = "# Our clinic\n\nKetamine is the breakthrough cure for CRPS, and it is non-addictive.\n"
HONEST = "# Our clinic\n\nKetamine is not a cure; relief may last a few weeks for some patients.\n"
PYTHON = '# Ketamine is a cure and completely safe.\nCLAIM = "Ketamine is non-addictive."\n'

pytestmark = pytest.mark.precommit


def _unavailable(why: str) -> None:
    if IN_CI:
        pytest.fail(why)
    pytest.skip(why)


def _git(cwd: Path, *args: str) -> str:
    done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=True)
    return done.stdout


def _pre_commit() -> str:
    exe = Path(sys.executable).with_name("pre-commit")
    found = str(exe) if exe.is_file() else shutil.which("pre-commit")
    if not found:
        _unavailable("pre-commit is not installed (it is in the test extras: pip install -e '.[test]')")
    return found  # type: ignore[return-value]


def _is_repo_root(path: Path) -> bool:
    try:
        top = _git(path, "rev-parse", "--show-toplevel").strip()
    except (OSError, subprocess.CalledProcessError):
        return False
    return Path(top).resolve() == path.resolve()


def _snapshot(dest: Path) -> tuple[Path, str]:
    """A one-commit repository with the working tree's package files (tracked and untracked)."""
    listed = _git(ROOT, "ls-files", "-z", "--cached", "--others", "--exclude-standard", "--", *PACKAGE_PATHS)
    for name in filter(None, listed.split("\0")):
        src = ROOT / name
        if src.is_file():  # listed but deleted in the working tree: leave it out, as a commit would
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dest / name)
    _init(dest)
    _git(dest, "add", "-A")
    _git(dest, "commit", "-q", "-m", "snapshot of the working tree")
    return dest, _git(dest, "rev-parse", "HEAD").strip()


def _init(repo: Path) -> None:
    repo.mkdir(parents=True, exist_ok=True)
    _git(repo, "init", "-q")
    _git(repo, "config", "user.email", "test@example.com")
    _git(repo, "config", "user.name", "factlint test")
    _git(repo, "config", "commit.gpgsign", "false")


@pytest.fixture(scope="module")
def sources(tmp_path_factory) -> dict[str, object]:
    """Which repository to hand to pre-commit.

    ``try-repo`` takes HEAD plus *modified* tracked files (``git add -u``), never untracked ones, so
    a checkout with new, not yet added modules (normal while developing) would install a factlint
    that cannot import them. Then, and only then, a snapshot of the working tree stands in for the
    root. The commit test needs a revision holding exactly the working tree, so it uses HEAD of a
    clean root (as in CI) or the snapshot.
    """
    if shutil.which("git") is None:
        _unavailable("git is not installed")
    if not _is_repo_root(ROOT):
        _unavailable(f"{ROOT} is not a git checkout; pre-commit installs hooks from git repositories")
    untracked = _git(ROOT, "ls-files", "--others", "--exclude-standard", "--", *PACKAGE_PATHS).strip()
    dirty = _git(ROOT, "status", "--porcelain", "--", *PACKAGE_PATHS).strip()
    snapshot = _snapshot(tmp_path_factory.mktemp("factlint-snapshot")) if (untracked or dirty) else None
    return {
        "try_repo": snapshot[0] if (snapshot and untracked) else ROOT,
        "pinned": snapshot or (ROOT, _git(ROOT, "rev-parse", "HEAD").strip()),
    }


def _content_repo(path: Path, repo: Path, rev: str) -> Path:
    """A content repository with the README's .pre-commit-config.yaml and three files."""
    _init(path)
    (path / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {repo.as_posix()}\n    rev: {rev}\n    hooks:\n      - id: factlint\n",
        encoding="utf-8",
    )
    (path / "clinic.md").write_text(OVERCLAIM, encoding="utf-8")
    (path / "faq.md").write_text(HONEST, encoding="utf-8")
    (path / "tool.py").write_text(PYTHON, encoding="utf-8")
    _git(path, "add", "-A")
    return path


def _env(home: Path) -> dict[str, str]:
    env = dict(os.environ, PRE_COMMIT_HOME=str(home), PRE_COMMIT_COLOR="never", FACTLINT_CACHE_DIR="")
    for var in ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE"):  # set when the suite runs inside a git hook
        env.pop(var, None)
    return env


def _start(cmd: list[str], cwd: Path, env: dict[str, str]) -> subprocess.Popen[str]:
    return subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def _finish(proc: subprocess.Popen[str]) -> tuple[int, str]:
    try:
        out, _ = proc.communicate(timeout=900)
    except subprocess.TimeoutExpired:
        proc.kill()
        out, _ = proc.communicate()
        pytest.fail(f"pre-commit did not finish in 15 minutes:\n{out[-3000:]}")
    return proc.returncode, out


def test_pre_commit_hook_blocks_overclaims_and_ignores_python(tmp_path, sources):
    pre_commit = _pre_commit()
    try_root = sources["try_repo"]
    pinned_repo, pinned_rev = sources["pinned"]  # type: ignore[misc]

    # `pre-commit try-repo ROOT factlint`: an overclaim fails, honest text and Python pass.
    fails = _content_repo(tmp_path / "content-a", pinned_repo, pinned_rev)
    passes = _content_repo(tmp_path / "content-b", pinned_repo, pinned_rev)
    try_cmd = [pre_commit, "try-repo", str(try_root), "factlint", "--color", "never", "--verbose", "--files"]
    runs = {
        "overclaim": _start([*try_cmd, "clinic.md", "faq.md", "tool.py"], fails, _env(tmp_path / "home-a")),
        "honest": _start([*try_cmd, "faq.md", "tool.py"], passes, _env(tmp_path / "home-b")),
    }

    # A real commit with the hook installed from .pre-commit-config.yaml: blocked, then allowed.
    committer = _content_repo(tmp_path / "content-c", pinned_repo, pinned_rev)
    env_c = _env(tmp_path / "home-c")
    subprocess.run([pre_commit, "install"], cwd=committer, env=env_c, check=True, capture_output=True)
    runs["commit"] = _start(["git", "commit", "-q", "-m", "overclaim"], committer, env_c)

    results = {name: _finish(proc) for name, proc in runs.items()}

    code, out = results["overclaim"]
    assert code == 1, out
    assert "factlint" in out and "Failed" in out
    assert "clinic.md:3:30: error [ketamine.cure]" in out
    assert "non-addictive" in out
    assert "faq.md:" not in out and "tool.py" not in out
    # tool.py never reached factlint (which lints any file it is given): two files were checked.
    assert "in 2 files." in out

    code, out = results["honest"]
    assert code == 0, out
    assert "Passed" in out and "No findings in 1 file." in out

    code, out = results["commit"]
    assert code != 0, out
    assert "clinic.md:3:30: error [ketamine.cure]" in out
    assert subprocess.run(["git", "rev-parse", "--verify", "-q", "HEAD"], cwd=committer,
                          capture_output=True).returncode != 0  # nothing was committed

    # Fix the page: the same hook (environment already installed) lets the commit through.
    (committer / "clinic.md").write_text(HONEST.replace("Our clinic", "Our clinic in Austin"), encoding="utf-8")
    _git(committer, "add", "clinic.md")
    code, out = _finish(_start(["git", "commit", "-q", "-m", "honest"], committer, env_c))
    assert code == 0, out
    assert _git(committer, "log", "--format=%s").split() == ["honest"]
