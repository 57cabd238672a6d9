"""Baselines and --changed-since: adopting the gate on a site that already has findings."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from factlint.cli import main
from factlint.reason.baseline import load_baseline

OVERCLAIMS = [
    "Ketamine is a cure for CRPS.",
    "Ketamine infusions are completely safe.",
    "Ketamine is non-addictive.",
    "Relief lasts for years after a single infusion.",
    "Ketamine is FDA-approved for chronic pain.",
]
HONEST = [
    "Ketamine is not a cure; it is a treatment that may reduce pain for some patients.",
    "Relief may last a few weeks for some patients.",
    "Side effects such as nausea and raised blood pressure are common during an infusion.",
]


def run(*args: str, cwd: Path):
    """Run the CLI in ``cwd`` (paths in baselines are relative, so the working directory matters)."""
    import os

    old = os.getcwd()
    os.chdir(cwd)
    try:
        return CliRunner().invoke(main, list(args), catch_exceptions=False)
    finally:
        os.chdir(old)


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def page(i: int) -> str:
    """A generated clinic page: some with overclaims (one with the same sentence twice), some honest."""
    lines = [f"# Page {i}", "", f"Our clinic number {i} offers consultations on weekdays.", ""]
    if i % 4 == 0:
        lines += [OVERCLAIMS[i % len(OVERCLAIMS)], ""]
    if i % 25 == 0:
        lines += [OVERCLAIMS[0], "", "Parking is free.", "", OVERCLAIMS[0], ""]
    if i % 7 == 0:
        lines += [HONEST[i % len(HONEST)], ""]
    lines += ["Call us to book a visit.", ""]
    return "\n".join(lines)


def page_path(root: Path, i: int) -> Path:
    return root / "site" / f"section-{i % 10}" / f"page-{i:03d}.md"


def findings_of(result) -> list[dict]:
    return json.loads(result.stdout)["findings"]


# --- adoption: the "done when" of the issue ---------------------------------------------------


def test_site_of_300_pages_adopts_the_gate_then_only_new_overclaims_fail(tmp_path):
    for i in range(300):
        write(page_path(tmp_path, i), page(i))
    before = run("check", "site", "--format", "json", cwd=tmp_path)
    assert before.exit_code == 1
    existing = findings_of(before)
    assert len(existing) > 80 and len({f["path"] for f in existing}) > 70

    # Adopt: record today's findings and point the configuration at them.
    w = run("baseline", "write", ".factlint-baseline.json", "site", cwd=tmp_path)
    assert w.exit_code == 0, w.output
    assert f"{len(existing)} findings" in w.stdout and "300 files" in w.stdout
    write(tmp_path / ".factlint.yaml", "baseline: .factlint-baseline.json\n")
    gate = run("check", "site", cwd=tmp_path)
    assert gate.exit_code == 0, gate.output
    assert "No findings in 300 files." in gate.stdout
    assert f"{len(existing)} known findings not shown" in gate.stderr
    assert "stale" not in gate.stderr

    # Moving an old finding to another line (and editing other text) does not resurrect it.
    p4 = page_path(tmp_path, 4)
    old = p4.read_text(encoding="utf-8")
    assert OVERCLAIMS[4] in old
    moved = old.replace(OVERCLAIMS[4] + "\n\n", "").replace(
        "Call us to book a visit.", "Call us to book a visit, or write to us.\n\nOpen on Saturdays too.\n\n" + OVERCLAIMS[4])
    p4.write_text("New opening paragraph.\n\nAnother one.\n\n" + moved, encoding="utf-8")
    p50 = page_path(tmp_path, 50)  # the page with one sentence twice: both occurrences move down
    p50.write_text("A new first line.\n\n" + p50.read_text(encoding="utf-8"), encoding="utf-8")
    after_move = run("check", "site", "--format", "json", cwd=tmp_path)
    assert after_move.exit_code == 0, after_move.stdout
    assert findings_of(after_move) == []
    shifted = run("check", "site", "--format", "json", "--no-baseline", cwd=tmp_path)
    lines_now = {(f["path"], f["line"]) for f in findings_of(shifted)}
    assert lines_now != {(f["path"], f["line"]) for f in existing}  # the lines really moved

    # A new overclaim fails the gate, and it is the only thing reported.
    p150 = page_path(tmp_path, 150)
    p150.write_text(p150.read_text(encoding="utf-8") + "\nOur infusions work for everyone.\n", encoding="utf-8")
    new = run("check", "site", "--format", "json", cwd=tmp_path)
    assert new.exit_code == 1
    found = findings_of(new)
    assert found and {f["path"] for f in found} == {"site/section-0/page-150.md"}
    assert {f["sentence"] for f in found} == {"Our infusions work for everyone."}
    assert "guaranteed-efficacy" in {f["category"] for f in found}
    assert json.loads(new.stdout)["baseline"]["known"] == len(existing)

    # A third copy of a sentence the baseline knows twice is new.
    p50.write_text(p50.read_text(encoding="utf-8") + "\n" + OVERCLAIMS[0] + "\n", encoding="utf-8")
    third = run("check", str(p50.relative_to(tmp_path)), "--format", "json", cwd=tmp_path)
    assert third.exit_code == 1
    assert [f["line"] for f in findings_of(third)] == [max(f["line"] for f in findings_of(
        run("check", str(p50.relative_to(tmp_path)), "--format", "json", "--no-baseline", cwd=tmp_path)))]


# --- the baseline file -------------------------------------------------------------------------


def test_baseline_file_is_sorted_deterministic_and_counts_duplicates(tmp_path):
    write(tmp_path / "site" / "b.md", "Ketamine is a cure.\n\nKetamine is a cure.\n")
    write(tmp_path / "site" / "a.md", "Ketamine is non-addictive.\n\nKetamine is not a cure.\n")
    assert run("baseline", "write", "base.json", "site", cwd=tmp_path).exit_code == 0
    first = (tmp_path / "base.json").read_text(encoding="utf-8")
    assert run("baseline", "write", "base.json", "site", cwd=tmp_path).exit_code == 0
    assert (tmp_path / "base.json").read_text(encoding="utf-8") == first  # byte-for-byte
    data = json.loads(first)
    assert data["version"] == 1 and data["tool"] == "factlint"
    entries = data["findings"]
    assert entries == sorted(entries, key=lambda e: (e["path"], e["fingerprint"]))
    assert all(set(e) == {"path", "fingerprint", "rule", "category", "count", "sentence"} for e in entries)
    cure_b = [e for e in entries if e["path"] == "site/b.md" and e["category"] == "cure"]
    assert len(cure_b) == 1 and cure_b[0]["count"] == 2 and cure_b[0]["sentence"] == "Ketamine is a cure."
    assert "line" not in first  # nothing line-based is recorded


def test_paths_are_relative_to_the_baseline_so_any_working_directory_works(tmp_path):
    write(tmp_path / "repo" / "content" / "page.md", "Ketamine is a cure.\n")
    (tmp_path / "repo" / "ci").mkdir()
    assert run("baseline", "write", "ci/base.json", "content", cwd=tmp_path / "repo").exit_code == 0
    entries = json.loads((tmp_path / "repo" / "ci" / "base.json").read_text(encoding="utf-8"))["findings"]
    assert {e["path"] for e in entries} == {"../content/page.md"}
    # From the parent directory, with other spellings of the same paths.
    r = run("check", "./repo/content/", "--baseline", "repo/ci/base.json", cwd=tmp_path)
    assert r.exit_code == 0, r.output
    r = run("check", "page.md", "--baseline", str(tmp_path / "repo" / "ci" / "base.json"),
            cwd=tmp_path / "repo" / "content")
    assert r.exit_code == 0, r.output


def test_stale_entries_are_reported_for_linted_or_deleted_files_only(tmp_path):
    write(tmp_path / "site" / "a.md", "Ketamine is a cure.\n\nKetamine is completely safe.\n")
    write(tmp_path / "site" / "b.md", "Ketamine is non-addictive.\n")
    write(tmp_path / "site" / "c.md", "Ketamine is FDA-approved for chronic pain.\n")
    assert run("baseline", "write", "base.json", "site", cwd=tmp_path).exit_code == 0
    write(tmp_path / "site" / "a.md", "Ketamine is not a cure.\n\nKetamine is completely safe.\n")
    (tmp_path / "site" / "c.md").unlink()

    r = run("check", "site", "--baseline", "base.json", "--format", "json", cwd=tmp_path)
    assert r.exit_code == 0
    info = json.loads(r.stdout)["baseline"]
    assert info["file"] == "base.json" and info["known"] == 2
    assert sorted((e["path"], e["category"], e["count"]) for e in info["stale"]) == [
        ("site/a.md", "cure", 1), ("site/c.md", "regulatory-status", 1)]
    assert r.stderr == ""  # JSON carries the notice itself

    text = run("check", "site", "--baseline", "base.json", cwd=tmp_path)
    assert text.exit_code == 0
    notice = text.stderr.strip().splitlines()
    assert len(notice) == 1
    assert "2 known findings not shown" in notice[0] and "2 stale entries no longer found" in notice[0]

    # Linting only b.md says nothing about a.md; --select cure says nothing about other rules.
    only_b = run("check", "site/b.md", "--baseline", "base.json", "--format", "json", cwd=tmp_path)
    assert [e["path"] for e in json.loads(only_b.stdout)["baseline"]["stale"]] == ["site/c.md"]
    only_cure = run("check", "site", "--select", "cure", "--baseline", "base.json", "--format", "json", cwd=tmp_path)
    assert [e["category"] for e in json.loads(only_cure.stdout)["baseline"]["stale"]] == ["cure"]


def test_editing_the_sentence_itself_makes_it_new(tmp_path):
    write(tmp_path / "a.md", "Ketamine is a cure for CRPS.\n")
    run("baseline", "write", "base.json", "a.md", cwd=tmp_path)
    write(tmp_path / "a.md", "Ketamine is a cure for CRPS and migraine.\n")
    r = run("check", "a.md", "--baseline", "base.json", "--format", "json", cwd=tmp_path)
    assert r.exit_code == 1
    assert [f["category"] for f in findings_of(r)] == ["cure"]
    assert len(json.loads(r.stdout)["baseline"]["stale"]) == 1


def test_whitespace_and_case_changes_do_not_make_it_new(tmp_path):
    write(tmp_path / "a.md", "Intro.\n\nKetamine is a cure for CRPS.\n")
    run("baseline", "write", "base.json", "a.md", cwd=tmp_path)
    write(tmp_path / "a.md", "Intro, longer now.\n\n\n\nKetamine is  a cure\nfor CRPS!\n")
    assert run("check", "a.md", "--baseline", "base.json", cwd=tmp_path).exit_code == 0


def test_no_baseline_and_config_baseline(tmp_path):
    write(tmp_path / "a.md", "Ketamine is a cure.\n")
    run("baseline", "write", "known.json", "a.md", cwd=tmp_path)
    write(tmp_path / ".factlint.yaml", "baseline: known.json\n")
    assert run("check", "a.md", cwd=tmp_path).exit_code == 0
    assert run("check", "a.md", "--no-baseline", cwd=tmp_path).exit_code == 1


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "base.json: baseline not found (create it with `factlint baseline write base.json`)"),
        ("{\n", "base.json:2: not valid JSON"),
        ("[]", "base.json: not a factlint baseline"),
        ('{"version": 9, "findings": []}', "base.json: unsupported baseline version 9"),
        ('{"version": 1, "findings": [{"path": "a.md"}]}', "base.json: finding 1 needs a \"path\" and a \"fingerprint\""),
        ('{"version": 1, "findings": [{"path": "a.md", "fingerprint": "x", "count": 0}]}', "must be a positive integer"),
    ],
)
def test_bad_baseline_is_one_line_and_exit_2(tmp_path, content, message):
    write(tmp_path / "a.md", "Ketamine is a cure.\n")
    if content is not None:
        write(tmp_path / "base.json", content)
    r = run("check", "a.md", "--baseline", "base.json", cwd=tmp_path)
    assert r.exit_code == 2
    assert r.stderr.count("\n") == 1 and message in r.stderr and "Traceback" not in r.output


def test_baseline_write_usage_errors(tmp_path):
    r = run("baseline", "write", "base.json", "-", cwd=tmp_path)
    assert r.exit_code == 2 and r.stderr.count("\n") == 1
    r = run("baseline", "write", "base.json", "missing-dir", cwd=tmp_path)
    assert r.exit_code == 2 and "missing-dir" in r.stderr
    write(tmp_path / "a.md", "Ketamine is a cure.\n")
    r = run("baseline", "write", "no/such/dir/base.json", "a.md", cwd=tmp_path)
    assert r.exit_code == 2 and r.stderr.count("\n") == 1 and "cannot write the baseline" in r.stderr


def test_load_baseline_round_trip(tmp_path):
    write(tmp_path / "a.md", "Ketamine is a cure.\n\nKetamine is a cure.\n")
    run("baseline", "write", "base.json", ".", cwd=tmp_path)
    b = load_baseline(tmp_path / "base.json")
    assert [(e.path, e.category, e.count) for e in b.entries if e.category == "cure"] == [("a.md", "cure", 2)]
    assert b.base_dir == tmp_path


# --- --changed-since ---------------------------------------------------------------------------


def git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


@pytest.fixture
def repo(tmp_path):
    """A git repository with two committed pages (one overclaiming) and a committed Python file."""
    git(tmp_path, "init", "-q")
    git(tmp_path, "config", "user.email", "t@example.com")
    git(tmp_path, "config", "user.name", "t")
    git(tmp_path, "config", "commit.gpgsign", "false")
    write(tmp_path / "docs" / "old.md", "Ketamine is a cure.\n")
    write(tmp_path / "docs" / "honest.md", "Ketamine is not a cure.\n")
    write(tmp_path / "other" / "page.md", "Nothing to see.\n")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-q", "-m", "init")
    return tmp_path


def test_changed_since_lints_changed_and_untracked_files_within_paths(repo):
    write(repo / "docs" / "honest.md", "Ketamine is not a cure.\n\nKetamine is completely safe.\n")  # modified
    write(repo / "docs" / "new.md", "Ketamine is non-addictive.\n")  # untracked
    write(repo / "docs" / "script.py", "# Ketamine is a cure.\n")  # changed, but not a linted type
    write(repo / "other" / "page.md", "Ketamine is FDA-approved for chronic pain.\n")  # outside PATHS
    write(repo / "docs" / ".gitignore", "ignored.md\n")
    write(repo / "docs" / "ignored.md", "Ketamine is a cure.\n")
    r = run("check", "docs", "--changed-since", "HEAD", "--format", "json", cwd=repo)
    assert r.exit_code == 1, r.output
    data = json.loads(r.stdout)
    assert data["summary"]["files"] == 2
    assert {f["path"] for f in data["findings"]} == {"docs/honest.md", "docs/new.md"}  # not old.md: unchanged

    # Committed changes count too: REF is compared with the working tree.
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "more")
    r = run("check", "docs", "--changed-since", "HEAD~1", "--format", "json", cwd=repo)
    assert {f["path"] for f in json.loads(r.stdout)["findings"]} == {"docs/honest.md", "docs/new.md"}
    # Nothing changed since HEAD: nothing linted, exit 0. From a subdirectory too.
    r = run("check", ".", "--changed-since", "HEAD", cwd=repo / "docs")
    assert r.exit_code == 0 and "No findings in 0 files." in r.stdout


@pytest.mark.parametrize("ref", ["no-such-ref", "--output=x"])
def test_changed_since_git_failure_is_a_usage_error(repo, ref):
    r = run("check", "docs", f"--changed-since={ref}", cwd=repo)
    assert r.exit_code == 2
    assert r.stderr.startswith("factlint: --changed-since:") and r.stderr.count("\n") == 1


def test_changed_since_outside_a_repository_is_a_usage_error(tmp_path):
    write(tmp_path / "a.md", "Ketamine is a cure.\n")
    r = run("check", "a.md", "--changed-since", "HEAD", cwd=tmp_path)
    assert r.exit_code == 2 and r.stderr.count("\n") == 1 and "git" in r.stderr
