"""Hostile inputs: what a website throws at a CI gate. Each case has its documented behaviour
(README, "Robustness"); one bad file never stops the others and the exit code stays right.
"""

from __future__ import annotations

import codecs
import json
import os
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

import factlint.pack
from factlint.api import lint_paths, lint_text
from factlint.cli import main
from factlint.config import Config
from factlint.discover import discover

CURE = "Ketamine cures CRPS."
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"


@pytest.fixture
def cli(packs, monkeypatch):
    """Run the CLI in-process with the session's compiled bundled pack (no recompiling per run)."""
    original = factlint.pack.load_pack_dir
    monkeypatch.setattr(factlint.pack, "load_pack_dir", lambda root=None: packs[0] if root is None else original(root))

    def run(*args: str, cwd: Path | None = None, input: bytes | None = None):
        old = os.getcwd()
        if cwd is not None:
            os.chdir(cwd)
        try:
            return CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)
        finally:
            os.chdir(old)

    return run


def lint(paths, packs, **kw):
    """lint_paths with the session pack and no configuration found by walking up."""
    return lint_paths([str(p) for p in paths], config=Config(), packs=packs, jobs=1, **kw)


def where(result, name: str) -> list[tuple[int, int, str]]:
    return [(f.line, f.column, f.rule) for f in result.findings if Path(f.path).name == name]


def test_hostile_tree_one_bad_file_never_stops_the_others(tmp_path, cli):
    """Every hostile file at once, beside one honest overclaim: all are reported, exit 1."""
    site = tmp_path / "site"
    site.mkdir()
    (site / "logo.html").write_bytes(PNG)  # an image with a text extension
    (site / "nul.md").write_bytes(b"Ketamine cures CRPS.\x00\n")
    (site / "empty.md").write_bytes(b"")
    (site / "utf16.txt").write_bytes(codecs.BOM_UTF16_LE + f"Intro.\r\n{CURE}\r\n".encode("utf-16-le"))
    (site / "broken.html").write_text("<p><b>Ketamine <i>cures</b> CRPS.</i><p><div><span>Ketamine cures pain", "utf-8")
    (site / "loop.md").symlink_to("loop.md")
    (site / "dangling.md").symlink_to("missing.md")
    (site / "sub").mkdir()
    (site / "sub" / "up").symlink_to("..", target_is_directory=True)  # a directory loop: not followed
    (site / "page.md").write_text(f"# Page\n\n{CURE}\n", "utf-8")
    if hasattr(os, "mkfifo"):
        os.mkfifo(site / "pipe.md")  # would block a reader forever
    r = cli("check", "--format", "json", str(site))
    assert r.exit_code == 1
    data = json.loads(r.stdout)
    errors = {Path(e["path"]).name: e["message"] for e in data["file_errors"]}
    assert errors["logo.html"] == errors["nul.md"] == "NUL bytes: binary file"
    assert errors["loop.md"] == "Too many levels of symbolic links"
    assert errors["dangling.md"] == "No such file or directory"
    if hasattr(os, "mkfifo"):
        assert errors["pipe.md"].startswith("not a regular file")
    assert set(errors) <= {"logo.html", "nul.md", "loop.md", "dangling.md", "pipe.md"}
    found = {(Path(f["path"]).name, f["line"]) for f in data["findings"]}
    assert {("page.md", 3), ("utf16.txt", 2), ("broken.html", 1)} <= found
    assert data["summary"]["files"] == 4  # page, utf16, broken, empty; sub/up was not followed
    # The same tree without its one overclaim: file errors alone do not fail the run.
    (site / "page.md").write_text("# Page\n\nKetamine is not a cure.\n", "utf-8")
    for name in ("utf16.txt", "broken.html"):
        (site / name).unlink()
    r = cli("check", str(site))
    assert r.exit_code == 0, r.output
    assert "logo.html: file error: NUL bytes: binary file" in r.stdout


def test_binary_stdin_is_a_file_error_like_a_binary_file(tmp_path, cli):
    (tmp_path / "a.md").write_text(CURE, "utf-8")
    r = cli("check", "--format", "json", "--stdin-filename", "draft.md", "-", str(tmp_path / "a.md"),
            input=b"Ketamine cures CRPS.\x00")
    assert r.exit_code == 1  # the file's finding; the binary input alone would not fail the run
    data = json.loads(r.stdout)
    assert data["file_errors"] == [{"path": "draft.md", "message": "NUL bytes: binary file"}]
    assert data["summary"]["files"] == 1
    r = cli("check", "-", input=codecs.BOM_UTF16_LE + CURE.encode("utf-16-le"))  # UTF-16 on stdin is text
    assert r.exit_code == 1 and "-:1:10: error [ketamine.cure]" in r.stdout


def test_encodings_and_line_breaks_keep_positions(tmp_path, packs):
    cp1252 = ("Caf\xe9 \u201cquoted\u201d \u2013 d\xe9j\xe0 vu.\r\n\u00bfQu\xe9? " + CURE).encode("cp1252")
    cases = {
        "bom8.md": (codecs.BOM_UTF8 + CURE.encode(), (1, 10)),  # the BOM is not a column
        "bom16le.md": (codecs.BOM_UTF16_LE + f"x\n{CURE}".encode("utf-16-le"), (2, 10)),
        "bom16be.md": (codecs.BOM_UTF16_BE + f"x\n{CURE}".encode("utf-16-be"), (2, 10)),
        "cp1252.txt": (cp1252, (2, 16)),  # curly quotes and dash are cp1252 bytes 0x93, 0x94, 0x96
        "latin1.md": (("\xc0 la carte: cr\xe8me br\xfbl\xe9e.\n\n" + CURE).encode("latin-1"), (3, 10)),
        "crlf.md": (f"Intro.\r\n\r\n{CURE}\r\n".encode(), (3, 10)),
        "cr.md": (f"Intro.\r\r{CURE}\r".encode(), (3, 10)),
        "mixed.txt": (f"a\r\nb\rc\n\n{CURE}".encode(), (5, 10)),
        "tabs.txt": (f"\t\t{CURE}".encode(), (1, 12)),  # a tab is one column (in .md: a code block)
    }
    for name, (data, _) in cases.items():
        (tmp_path / name).write_bytes(data)
    result = lint([tmp_path], packs)
    assert not result.errors
    for name, (_, (line, column)) in cases.items():
        assert (line, column, "ketamine.cure") in where(result, name), (name, where(result, name))


def test_empty_and_whitespace_files(tmp_path, packs):
    for name, data in {"e.md": b"", "e.html": b"", "e.txt": b"", "ws.md": b" \r\n\t\n", "bom.md": codecs.BOM_UTF8}.items():
        (tmp_path / name).write_bytes(data)
    result = lint([tmp_path], packs)
    assert result.files == 5 and not result.findings and not result.errors


def test_one_megabyte_single_line(packs):
    """A minified page: one line of a megabyte, with the claim at its end."""
    filler = "Lorem ipsum dolor sit amet, consectetur adipiscing elit. " * 18_000
    for kind, text in (("markdown", filler + CURE), ("html", "<p>" + filler.replace(". ", ".</p><p>") + CURE + "</p>")):
        assert len(text) > 1_000_000
        started = time.perf_counter()
        found = lint_text(text, "page", kind, packs=packs)
        elapsed = time.perf_counter() - started
        assert [(f.line, f.rule) for f in found] == [(1, "ketamine.cure")], kind
        assert found[0].column == text.index(CURE) + 10
        assert elapsed < 20, (kind, elapsed)  # about a second; generous for a loaded CI machine


def test_a_page_without_sentence_punctuation_stays_linear(packs):
    """A keyword-stuffed footer: no full stop anywhere, a claim every few words."""
    unit = "ketamine cures 50 % of patients fda approved for pain relief lasts 6 months non-addictive "
    small, big = unit * 200, unit * 800
    times = []
    for text in (small, big):
        started = time.perf_counter()
        found = lint_text(text, "footer.txt", packs=packs)
        times.append(time.perf_counter() - started)
        assert found
    assert times[1] < 8 * times[0] + 1.0, times  # four times the text, not sixteen times the time


def test_html_nested_20000_levels(packs):
    for tag in ("div", "span", "b", "blockquote", "li"):
        text = f"<{tag}>" * 20_000 + CURE + f"</{tag}>" * 20_000
        found = lint_text(text, "deep.html", packs=packs)
        assert [(f.line, f.column) for f in found] == [(1, len(f"<{tag}>") * 20_000 + 10)], tag
    unclosed = "<div><span><b>" * 7_000 + CURE
    assert [f.line for f in lint_text(unclosed, "deep.html", packs=packs)] == [1]


def test_markdown_nested_deeply(packs):
    quotes = "> " * 20_000 + CURE
    assert [(f.line, f.column) for f in lint_text(quotes, "q.md", packs=packs)] == [(1, 40_010)]
    lists = "".join("  " * i + "- item\n" for i in range(500)) + "  " * 500 + "- " + CURE
    assert [f.line for f in lint_text(lists, "l.md", packs=packs)] == [501]


@pytest.mark.parametrize(
    ("source", "line", "column"),
    [
        ("<p>Ketamine <b>cures</p> CRPS.</b>", 1, 16),  # misnested: the claim still reads
        ("<p><i>Ketamine cures CRPS.", 1, 16),  # never closed
        ("<div></span></p></li>Ketamine cures CRPS.</div>", 1, 31),  # stray end tags
        ("<table><tr><td>Ketamine cures CRPS.", 1, 25),
        ("<p>Ketamine cures CRPS.<p>More <!-- unclosed comment", 1, 13),
        ("<p title='x>Ketamine cures CRPS.</p>\n<p>Ketamine cures CRPS.</p>", 2, 13),
        ("<p>Ketamine&nbsp;cures CRPS.</p><div", 1, 18),  # input ends inside a tag
    ],
)
def test_unclosed_and_misnested_tags(packs, source, line, column):
    found = lint_text(source, "broken.html", packs=packs)
    assert (line, column) in [(f.line, f.column) for f in found]


def test_symlink_loops_are_not_followed_and_cost_one_file_each(tmp_path, cli):
    (tmp_path / "a.md").write_text(CURE, "utf-8")
    (tmp_path / "self").symlink_to(".", target_is_directory=True)
    (tmp_path / "l1.md").symlink_to("l2.md")
    (tmp_path / "l2.md").symlink_to("l1.md")
    targets = discover([str(tmp_path)])
    assert sorted(Path(t.display).name for t in targets) == ["a.md", "l1.md", "l2.md"]
    r = cli("check", "--format", "json", str(tmp_path / "l1.md"), str(tmp_path / "a.md"))  # named explicitly
    assert r.exit_code == 1
    data = json.loads(r.stdout)
    assert [Path(e["path"]).name for e in data["file_errors"]] == ["l1.md"]
    assert data["summary"]["files"] == 1


def test_unreadable_file_is_a_file_error(tmp_path, packs, monkeypatch):
    """Tests run as root, for whom chmod 000 changes nothing: the refusal is simulated."""
    (tmp_path / "a.md").write_text(CURE, "utf-8")
    secret = tmp_path / "secret.md"
    secret.write_text(CURE, "utf-8")
    real = Path.read_bytes

    def read_bytes(self: Path) -> bytes:
        if self.name == "secret.md":
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    result = lint([tmp_path], packs)
    assert [(Path(e.path).name, e.message) for e in result.errors] == [("secret.md", "Permission denied")]
    assert where(result, "a.md") == [(1, 10, "ketamine.cure")]


def test_unlistable_directory_is_a_file_error(tmp_path, packs, monkeypatch):
    (tmp_path / "a.md").write_text(CURE, "utf-8")
    (tmp_path / "private").mkdir()
    (tmp_path / "private" / "b.md").write_text(CURE, "utf-8")
    real = os.scandir

    def scandir(path=".") -> object:
        if Path(path).name == "private":
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    result = lint([tmp_path], packs)
    assert [(Path(e.path).name, e.message) for e in result.errors] == [
        ("private", "cannot list directory: Permission denied")]
    assert where(result, "a.md") and not where(result, "b.md")


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads files whatever their mode")
def test_chmod_000_file_for_real(tmp_path, packs):
    secret = tmp_path / "secret.md"
    secret.write_text(CURE, "utf-8")
    secret.chmod(0)
    try:
        result = lint([tmp_path], packs)
    finally:
        secret.chmod(0o644)
    assert [e.message for e in result.errors] == ["Permission denied"]


def test_an_internal_error_costs_one_file(tmp_path, packs, monkeypatch):
    """A bug met by one odd file is a file error naming the bug, not a crash of the run."""
    import factlint.api as api

    (tmp_path / "a.md").write_text(CURE, "utf-8")
    (tmp_path / "b.md").write_text("Ketamine is non-addictive.", "utf-8")
    real = api.analyse

    def analyse(packs_, doc, spellers):
        if doc.path.endswith("b.md"):
            raise IndexError("simulated bug")
        return real(packs_, doc, spellers)

    monkeypatch.setattr(api, "analyse", analyse)
    result = lint([tmp_path], packs)
    assert [e.message for e in result.errors] == ["internal error while linting: IndexError: simulated bug"]
    assert where(result, "a.md")


def test_directory_of_10000_files_is_linted(tmp_path, cli):
    """10,000 small pages, ten of them overclaiming: a few seconds (discovery is one stat per file)."""
    for i in range(10_000):
        d = tmp_path / f"d{i // 500}"
        d.mkdir(exist_ok=True)
        (d / f"page{i}.md").write_text(f"# Page {i}\n\nOpen on weekdays.\n" + (CURE if i % 1000 == 0 else ""), "utf-8")
    started = time.perf_counter()
    r = cli("check", "--format", "json", str(tmp_path))
    elapsed = time.perf_counter() - started
    data = json.loads(r.stdout)
    assert r.exit_code == 1 and data["summary"]["files"] == 10_000 and data["summary"]["findings"] == 10
    assert elapsed < 60, elapsed  # about two seconds on a quiet machine


@pytest.mark.slow
def test_fifty_megabyte_file(tmp_path, packs):
    """About a minute: 50 MB of prose with a claim in every paragraph's neighbourhood."""
    para = ("Our clinic offers infusions for chronic pain. Call us today to book a consultation.\n\n" * 9
            + "Ketamine cures CRPS.\n\n")
    page = tmp_path / "big.md"
    page.write_text(para * (50 * 1024 * 1024 // len(para)), "utf-8")
    started = time.perf_counter()
    result = lint([page], packs)
    elapsed = time.perf_counter() - started
    assert not result.errors
    cures = [f for f in result.findings if f.rule == "ketamine.cure"]
    assert len(cures) == 50 * 1024 * 1024 // len(para)
    assert cures[0].line == 19 and cures[-1].line == 20 * len(cures) - 1
    assert elapsed < 600, elapsed


def test_missing_path_and_unknown_option_are_one_line_on_stderr(tmp_path, cli):
    for args in (["check", str(tmp_path / "nope.md")], ["check", "--frobnicate"], ["check", "--format", "xml"],
                 ["chek"], ["check", "--jobs", "-3"]):
        r = cli(*args)
        assert r.exit_code == 2, args
        assert r.stdout == "", args
        assert len(r.stderr.splitlines()) == 1 and r.stderr.startswith("factlint: "), (args, r.stderr)
        assert "Traceback" not in r.stderr
    # A missing path among good ones is still a usage error: nothing is linted.
    (tmp_path / "a.md").write_text(CURE, "utf-8")
    r = cli("check", str(tmp_path / "a.md"), str(tmp_path / "nope.md"))
    assert r.exit_code == 2 and r.stderr == f"factlint: {tmp_path / 'nope.md'}: no such file or directory\n"
