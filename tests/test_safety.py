"""Safe to run in CI: nothing in a rule or config file is executed, linted files are never
written, reports escape what they quote, and paths stay relative to where the run started.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

import factlint.pack
from factlint.cli import main
from factlint.report import RunReport
from factlint.report.github import render_github, render_step_summary
from factlint.report.text import render_text

ROOT = Path(__file__).resolve().parent.parent
GLIMMEROL = ROOT / "fixtures" / "packs" / "glimmerol"
CURE = "Ketamine cures CRPS."


@pytest.fixture
def cli(packs, monkeypatch):
    """Run the CLI in-process with the session's compiled bundled pack."""
    original = factlint.pack.load_pack_dir
    monkeypatch.setattr(factlint.pack, "load_pack_dir", lambda root=None: packs[0] if root is None else original(root))

    def run(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None):
        old = os.getcwd()
        if cwd is not None:
            os.chdir(cwd)
        try:
            return CliRunner().invoke(main, list(args), catch_exceptions=False, env=env)
        finally:
            os.chdir(old)

    return run


# --- YAML is loaded safely: tags that would run code are errors at file:line ---------------------

PAYLOADS = [
    "!!python/object/apply:os.system ['touch {marker}']",
    "!!python/object/new:subprocess.check_output [['touch', '{marker}']]",
    "!!python/name:os.system",
    "!!python/module:os",
]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_python_tags_in_a_config_file_are_rejected_and_not_run(tmp_path, cli, payload):
    marker = tmp_path / "ran"
    config = tmp_path / ".factlint.yaml"
    config.write_text(f"fail-on: error\nselect: {payload.format(marker=marker)}\n", "utf-8")
    (tmp_path / "a.md").write_text(CURE, "utf-8")
    for args in (["check", str(tmp_path / "a.md")], ["check", "--config", str(config), str(tmp_path / "a.md")]):
        r = cli(*args)
        assert r.exit_code == 2
        assert r.stderr.startswith(f"factlint: {config}:2: invalid YAML: could not determine a constructor")
        assert len(r.stderr.splitlines()) == 1 and "Traceback" not in r.output
    assert not marker.exists()


@pytest.mark.parametrize("payload", PAYLOADS[:2])
def test_python_tags_in_a_rule_file_are_rejected_and_not_run(tmp_path, cli, payload):
    marker = tmp_path / "ran"
    pack = tmp_path / "pack"
    shutil.copytree(GLIMMEROL, pack)
    claims = pack / "claims" / "claims.yaml"
    text = claims.read_text("utf-8")
    claims.write_text(text.replace("statement: Glimmerol ends itching for good.",
                                   f"statement: {payload.format(marker=marker)}"), "utf-8")
    line = 1 + text[: text.index("statement: Glimmerol ends itching for good.")].count("\n")
    r = cli("check", "--rules", str(pack), str(GLIMMEROL / "sources" / "leaflet.txt"))
    assert r.exit_code == 2
    assert r.stderr.startswith(f"factlint: {claims}:{line}: invalid YAML: could not determine a constructor")
    assert not marker.exists()


def test_nothing_in_config_or_rules_is_executed():
    """The loaders only ever use PyYAML's safe constructor and tomllib: no eval, exec or import."""
    import re

    for module in ("config.py", "pack/load.py", "pack/yamlio.py", "pack/cache.py"):
        source = (ROOT / "src" / "factlint" / module).read_text("utf-8")
        assert not re.search(r"\b(eval|exec|__import__|import_module|yaml\.unsafe_load|yaml\.full_load)\(", source)
        assert "yaml.Loader" not in source and "UnsafeLoader" not in source and "FullLoader" not in source


# --- linted files are never written --------------------------------------------------------------


def _snapshot(root: Path) -> dict[str, tuple[bytes, int, int]]:
    return {str(p.relative_to(root)): (p.read_bytes(), p.stat().st_mtime_ns, p.stat().st_mode)
            for p in sorted(root.rglob("*")) if p.is_file()}


def test_a_run_never_writes_to_the_linted_tree(tmp_path, cli, monkeypatch):
    tree = tmp_path / "site"
    shutil.copytree(ROOT / "fixtures" / "pages", tree / "pages")
    shutil.copytree(ROOT / "fixtures" / "drafts", tree / "drafts")
    (tree / "crlf.md").write_bytes(b"Ketamine cures CRPS.\r\nIt is non-addictive.\r\n")
    (tree / "bom.html").write_bytes(b"\xef\xbb\xbf<p>Ketamine is completely safe.</p>")
    (tree / "bin.md").write_bytes(b"\x00\x01")
    past = 1_000_000_000
    for p in tree.rglob("*"):
        os.utime(p, ns=(past, past))  # an old mtime shows any rewrite, however fast
    before = _snapshot(tree)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    for fmt in ("text", "json", "sarif", "github", "html"):
        r = cli("check", "--format", fmt, "-j", "2", ".", cwd=tree)
        assert r.exit_code == 1, (fmt, r.output[-300:])
    assert _snapshot(tree) == before  # same files, bytes, times and modes: nothing written or added


# --- reports escape what they quote ---------------------------------------------------------------


def test_text_report_does_not_pass_terminal_escapes_through(tmp_path, cli):
    page = tmp_path / "evil.md"
    page.write_text("\x1b]0;pwned\x07\x1b[2J\x9b31m Ketamine cures CRPS.\u202e \x08\x08\n", "utf-8")
    r = cli("check", "--color", str(page))
    assert r.exit_code == 1
    shown = next(ln for ln in r.stdout.splitlines() if "Ketamine cures" in ln)
    assert "\x1b]" not in shown and "\x07" not in shown and "\x9b" not in shown and "\u202e" not in shown
    assert "\x08" not in shown and "\x1b[2J" not in shown
    carets = r.stdout.splitlines()[r.stdout.splitlines().index(shown) + 1]
    # The carets still sit under "cures": every unsafe character was replaced one for one.
    line_text = shown.split("| ", 1)[1].replace("\x1b[0m", "")
    caret_text = carets.split("| ", 1)[1].replace("\x1b[0m", "").replace("\x1b[1;31m", "")
    assert line_text[caret_text.index("^"):].startswith("cures")


def test_github_commands_and_summary_escape_paths(tmp_path, packs):
    from factlint.api import lint_text

    name = "a%0A::error::,x\n::warning file=y::z<img src=x onerror=alert(1)>|.md"
    found = lint_text(CURE, name, packs=packs)
    report = RunReport(tuple(found), (), 1)
    out = render_github(report)
    commands = [ln for ln in out.splitlines() if ln.startswith("::")]
    assert len(commands) == 1  # the newline in the path did not start a second command
    head = commands[0].split("::")[1]
    assert "file=a%250A%3A%3Aerror%3A%3A%2Cx%0A%3A%3Awarning file=y%3A%3Az<img" in head
    summary = render_step_summary(report)
    assert "<img" not in summary and "&lt;img src=x onerror=alert(1)&gt;\\|.md" in summary


def test_html_report_escapes_linted_text(tmp_path, cli):
    page = tmp_path / "x.html"
    page.write_text("<p>Ketamine cures CRPS &lt;script&gt;alert(1)&lt;/script&gt; forever.</p>", "utf-8")
    md = tmp_path / "y.md"
    md.write_text("Ketamine cures CRPS <script>alert(2)</script> forever.\n", "utf-8")
    r = cli("check", "--format", "html", str(page), str(md))
    assert r.exit_code == 1
    assert "alert(1)" in r.stdout or "alert(2)" in r.stdout  # the sentences are quoted...
    assert "<script>alert" not in r.stdout  # ...but never as markup


# --- paths stay relative to where the run started -------------------------------------------------


def test_paths_are_relative_to_the_working_directory(tmp_path, cli):
    site = tmp_path / "site"
    (site / "blog").mkdir(parents=True)
    (site / "blog" / "post.md").write_text(CURE, "utf-8")
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "note.md").write_text(CURE, "utf-8")

    def paths(*args: str, cwd: Path) -> list[str]:
        r = cli("check", "--format", "json", *args, cwd=cwd)
        return [f["path"] for f in json.loads(r.stdout)["findings"]]

    assert paths("site", cwd=tmp_path) == ["site/blog/post.md"]
    assert paths("site/blog/post.md", cwd=tmp_path) == ["site/blog/post.md"]
    assert paths(".", cwd=site) == ["blog/post.md"]
    assert paths("blog", cwd=site) == ["blog/post.md"]
    assert paths(str(site / "blog" / "post.md"), cwd=site) == ["blog/post.md"]  # inside: made relative
    assert paths(str(outside / "note.md"), cwd=site) == [str(outside / "note.md")]  # outside: as given
    assert paths(str(outside), cwd=site) == [str(outside / "note.md")]
    r = cli("check", "--no-color", str(outside / "note.md"), "blog", cwd=site)
    heads = [ln.split(": error")[0] for ln in r.stdout.splitlines() if ": error [" in ln]
    assert heads == [f"{outside / 'note.md'}:1:10", "blog/post.md:1:10"]  # sorted by path as shown


def test_text_report_of_unreadable_paths_is_printable(packs):
    from factlint.model import FileError

    report = RunReport((), (FileError("odd\x1b[31m\nname.md", "Permission denied"),), 0)
    out = render_text(report)
    assert "\x1b" not in out and out.splitlines()[0] == "odd\ufffd[31m\ufffdname.md: file error: Permission denied"
