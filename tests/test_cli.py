"""The command line as users run it: exit codes, JSON contract, config, inline switches, errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from factlint.cli import main

ROOT = Path(__file__).resolve().parent.parent


def run(*args: str, input: str | None = None, cwd: Path | None = None):
    runner = CliRunner()
    if cwd is None:
        return runner.invoke(main, list(args), input=input, catch_exceptions=False)
    import os

    old = os.getcwd()
    os.chdir(cwd)
    try:
        return runner.invoke(main, list(args), input=input, catch_exceptions=False)
    finally:
        os.chdir(old)


def test_exit_codes_and_text_output(tmp_path):
    bad = tmp_path / "bad.md"
    bad.write_text("# Welcome\n\nKetamine cures chronic pain.\n", encoding="utf-8")
    good = tmp_path / "good.md"
    good.write_text("Ketamine is not a cure.\n", encoding="utf-8")
    r = run("check", str(bad), "--no-color")
    assert r.exit_code == 1
    assert "bad.md:3:10: error [ketamine.cure]" in r.output
    assert "3 | Ketamine cures chronic pain.\n  |          ^^^^^^^^^^^^^^^^^^\n" in r.output
    assert "= evidence: 003_6c573add08330d87:9" in r.output
    assert "= help:" in r.output
    assert run("check", str(good)).exit_code == 0


def test_json_contract(tmp_path):
    page = tmp_path / "page.md"
    page.write_text("Ketamine is non-addictive.\n\nKetamine cures CRPS.\n", encoding="utf-8")
    r = run("check", "--format", "json", str(page))
    assert r.exit_code == 1
    data = json.loads(r.output)
    assert data["version"] == 1
    assert set(data["summary"]) >= {"files", "findings", "errors", "warnings"}
    assert data["summary"]["files"] == 1
    assert data["summary"]["findings"] == len(data["findings"])
    keys = ["path", "line", "column", "end_line", "end_column", "rule", "category", "severity", "message",
            "text", "evidence", "suggestion"]
    for f in data["findings"]:
        assert list(f)[: len(keys)] == keys
        for e in f["evidence"]:
            assert set(e) == {"source", "line", "quote"}
    order = [(f["path"], f["line"], f["column"], f["rule"]) for f in data["findings"]]
    assert order == sorted(order)
    again = run("check", "--format", "json", str(page))
    assert again.output == r.output  # deterministic, byte for byte


def test_select_ignore_and_fail_on(tmp_path):
    page = tmp_path / "p.md"
    page.write_text("Ketamine is non-addictive. Ketamine cures CRPS.\n", encoding="utf-8")
    r = run("check", "--format", "json", "--select", "cure", str(page))
    assert {f["category"] for f in json.loads(r.output)["findings"]} == {"cure"}
    r = run("check", "--format", "json", "--ignore", "cure,ketamine.non-addictive", str(page))
    assert json.loads(r.output)["findings"] == []
    assert r.exit_code == 0
    safe = tmp_path / "s.md"
    safe.write_text("Ketamine is safe.\n", encoding="utf-8")  # a warning-level rule
    assert run("check", str(safe)).exit_code == 1
    assert run("check", "--fail-on", "error", str(safe)).exit_code == 0


def test_config_discovery_walks_up(tmp_path):
    (tmp_path / ".factlint.yaml").write_text("ignore: [cure]\nseverity:\n  no-addiction-risk: info\n", encoding="utf-8")
    sub = tmp_path / "site" / "blog"
    sub.mkdir(parents=True)
    (sub / "post.md").write_text("Ketamine cures CRPS. Ketamine is non-addictive.\n", encoding="utf-8")
    r = run("check", "--format", "json", str(sub / "post.md"))
    found = json.loads(r.output)["findings"]
    assert [(f["category"], f["severity"]) for f in found] == [("no-addiction-risk", "info")]
    assert r.exit_code == 0  # info does not fail by default


def test_pyproject_config(tmp_path):
    (tmp_path / "pyproject.toml").write_text("[tool.factlint]\nselect = [\"regulatory-status\"]\n", encoding="utf-8")
    (tmp_path / "a.md").write_text("Ketamine cures CRPS. Ketamine is FDA-approved for chronic pain.\n", encoding="utf-8")
    found = json.loads(run("check", "--format", "json", str(tmp_path / "a.md")).output)["findings"]
    assert [f["category"] for f in found] == ["regulatory-status"]


def test_bad_config_is_one_line_with_file_and_line(tmp_path):
    (tmp_path / ".factlint.yaml").write_text("select: [cure]\nsevrity: {}\n", encoding="utf-8")
    (tmp_path / "a.md").write_text("text\n", encoding="utf-8")
    r = CliRunner().invoke(main, ["check", str(tmp_path / "a.md")])
    assert r.exit_code == 2
    assert r.output.strip().endswith("unknown configuration key 'sevrity' (known: baseline, bundled-pack, exclude, fail-on, ignore, include, packs, select, severity)")
    assert ".factlint.yaml:2:" in r.output
    assert "Traceback" not in r.output


@pytest.mark.parametrize(
    ("name", "content", "line", "message"),
    [
        (".factlint.yaml", b"select: [cure\n", 2, "invalid YAML: did not find expected ',' or ']'"),
        (".factlint.yaml", b"select: 5\n", 1, "select must be a list of strings"),
        (".factlint.yaml", b"fail-on: error\nseverity: [cure]\n", 2, "severity must map rule ids or categories"),
        (".factlint.yaml", b"severity:\n  cure: loud\n", 1, "severity of 'cure' must be error, warning, info or off"),
        (".factlint.yaml", b"bundled-pack: 'no'\n", 1, "bundled-pack must be true or false"),
        (".factlint.yaml", b"- select\n", 1, "the configuration must be a mapping"),
        (".factlint.yaml", b"select: [cure]\nselect: [cure]\n", 2, "invalid YAML: duplicate key 'select'"),
        (".factlint.yaml", b"fail-on: error\nselect: [cure]\x00\n", 2, "invalid YAML: character U+0000 is not allowed"),
        (".factlint.yaml", b"fail-on: error\nselect: [cur\xe9]\n", 2, "not UTF-8: byte 0xe9 cannot be decoded"),
        (".factlint.yaml", b"fail-on: error\npacks: [no-such-pack]\n", 2, "no-such-pack is not a rule pack"),
        ("pyproject.toml", b"[tool.factlint]\nselect = [\n", 3, "invalid TOML"),
        ("pyproject.toml", b"[tool.factlint]\nselect = 5\n", 2, "select must be a list of strings"),
        ("pyproject.toml", b"[tool.factlint]\nseverity = {cure = 5}\n", 2, "severity of 'cure' must be"),
        ("pyproject.toml", b"tool = 5\n# [tool.factlint]\n", 1, "[tool.factlint] must be a table, not int"),
    ],
)
def test_config_errors_are_one_line_with_file_and_line(tmp_path, name, content, line, message):
    """Found by walking up and named with --config alike; raised before any pack is compiled."""
    config = tmp_path / name
    config.write_bytes(content)
    (tmp_path / "a.md").write_text("text\n", encoding="utf-8")
    for args in (["check", str(tmp_path / "a.md")], ["check", "--config", str(config), str(tmp_path / "a.md")]):
        r = CliRunner().invoke(main, args)
        assert r.exit_code == 2, (args, r.output)
        assert r.stderr.startswith(f"factlint: {config}:{line}: ") and message in r.stderr, r.stderr
        assert len(r.stderr.splitlines()) == 1 and "Traceback" not in r.output


def test_missing_path_and_unknown_option_are_usage_errors(tmp_path):
    r = CliRunner().invoke(main, ["check", str(tmp_path / "nope.md")])
    assert r.exit_code == 2 and "no such file or directory" in r.output
    r = CliRunner().invoke(main, ["check", "--frobnicate"])
    assert r.exit_code == 2


def test_inline_switches_markdown_html_and_text(tmp_path):
    md = tmp_path / "a.md"
    md.write_text(
        "<!-- factlint-disable-next-line cure -->\nKetamine cures CRPS.\n\n"
        "<!-- factlint-disable -->\nKetamine is non-addictive.\n<!-- factlint-enable -->\n\n"
        "Ketamine is completely safe.\n",
        encoding="utf-8",
    )
    found = json.loads(run("check", "--format", "json", str(md)).output)["findings"]
    assert [(f["line"], f["category"]) for f in found] == [(8, "absolute-safety")]
    html = tmp_path / "a.html"
    html.write_text("<p>Ketamine cures CRPS. <!-- factlint-disable-line --></p>\n<p>Ketamine cures pain.</p>\n",
                    encoding="utf-8")
    found = json.loads(run("check", "--format", "json", str(html)).output)["findings"]
    assert [f["line"] for f in found] == [2]
    txt = tmp_path / "a.txt"
    txt.write_text("# factlint-disable-next-line\nKetamine cures CRPS.\nKetamine cures pain.\n", encoding="utf-8")
    found = json.loads(run("check", "--format", "json", str(txt)).output)["findings"]
    assert [f["line"] for f in found] == [3]


def test_stdin(tmp_path):
    r = run("check", "-", "--stdin-filename", "draft.md", "--format", "json", input="Ketamine cures CRPS.\n")
    data = json.loads(r.output)
    assert [(f["path"], f["line"]) for f in data["findings"]] == [("draft.md", 1)]


def test_directory_recursion_respects_gitignore(tmp_path):
    (tmp_path / ".gitignore").write_text("drafts/\n", encoding="utf-8")
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "x.md").write_text("Ketamine cures CRPS.\n", encoding="utf-8")
    (tmp_path / "page.html").write_text("<p>Ketamine cures CRPS.</p>", encoding="utf-8")
    (tmp_path / "script.py").write_text("# Ketamine cures CRPS.\n", encoding="utf-8")
    data = json.loads(run("check", "--format", "json", ".", cwd=tmp_path).output)
    assert [f["path"] for f in data["findings"]] == ["page.html"]
    assert data["summary"]["files"] == 1


def test_binary_file_does_not_stop_the_run(tmp_path):
    (tmp_path / "a.md").write_bytes(b"\x00\x01\x02binary")
    (tmp_path / "b.md").write_text("Ketamine cures CRPS.\n", encoding="utf-8")
    r = run("check", "--format", "json", str(tmp_path))
    data = json.loads(r.output)
    assert r.exit_code == 1
    assert len(data["findings"]) == 1 and len(data["file_errors"]) == 1


def test_linting_never_writes_to_the_file(tmp_path):
    page = tmp_path / "p.md"
    page.write_bytes(b"Ketamine cures CRPS.\r\n")
    before = page.stat().st_mtime_ns
    run("check", str(page))
    assert page.read_bytes() == b"Ketamine cures CRPS.\r\n" and page.stat().st_mtime_ns == before


def test_explain_and_graph():
    r = run("explain", "cure")
    assert r.exit_code == 0
    assert "ketamine.cure" in r.output and "003_6c573add08330d87:9" in r.output and "Safer wording" in r.output
    r = CliRunner().invoke(main, ["explain", "no-such-rule"])
    assert r.exit_code == 2 and "unknown rule" in r.output
    for fmt, marker in (("dot", "digraph"), ("mermaid", "graph LR"), ("graphml", "<graphml")):
        r = run("rules", "graph", "--format", fmt)
        assert r.exit_code == 0 and marker in r.output and "ketamine.cure" in r.output
