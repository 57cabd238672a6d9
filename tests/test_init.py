"""``factlint init``: a commented, valid configuration, never overwriting one."""

from __future__ import annotations

import os
import re
from pathlib import Path

from click.testing import CliRunner

from factlint.cli import main
from factlint.config import load_config


def run_in(cwd: Path, *args: str):
    old = os.getcwd()
    os.chdir(cwd)
    try:
        return CliRunner().invoke(main, list(args), catch_exceptions=False)
    finally:
        os.chdir(old)


def test_init_writes_a_valid_commented_config_and_next_steps(tmp_path):
    r = run_in(tmp_path, "init")
    assert r.exit_code == 0, r.output
    written = tmp_path / ".factlint.yaml"
    text = written.read_text(encoding="utf-8")
    # Every key the loader knows is documented in the file.
    for key in ("select", "ignore", "severity", "include", "exclude", "packs", "bundled-pack", "fail-on", "baseline"):
        assert f"{key}:" in text
    assert sum(ln.startswith("#") for ln in text.splitlines()) > 20
    config = load_config(written)
    assert config.fail_on == "warning" and config.baseline is None and not config.select
    assert "Wrote .factlint.yaml" in r.stdout
    assert "factlint baseline write .factlint-baseline.json ." in r.stdout and "pre-commit" in r.stdout
    # The commented-out settings are valid too, once uncommented.
    uncommented = re.sub(r"(?m)^# ((?:  )?[a-z-]+:)", r"\1", text)
    written.write_text(uncommented, encoding="utf-8")
    full = load_config(written)
    assert full.baseline == str(tmp_path / ".factlint-baseline.json")
    assert full.severity == {"numeric-overstatement": "warning", "inconsistency": "info"}
    assert full.select == ("cure", "durable-relief", "no-addiction-risk") and full.bundled_pack is True


def test_init_refuses_to_overwrite(tmp_path):
    for name in (".factlint.yaml", ".factlint.yml"):
        (tmp_path / name).write_text("fail-on: error\n", encoding="utf-8")
        r = run_in(tmp_path, "init")
        assert r.exit_code == 2
        assert r.stderr == f"factlint: {name}: already exists; not overwritten (edit it, or delete it and run init again)\n"
        assert (tmp_path / name).read_text(encoding="utf-8") == "fail-on: error\n"
        (tmp_path / name).unlink()


def test_init_in_a_read_only_directory_is_one_line(tmp_path):
    ro = tmp_path / "ro"
    ro.mkdir()
    ro.chmod(0o555)
    try:
        if os.access(ro, os.W_OK):  # root ignores permissions
            return
        r = run_in(ro, "init")
        assert r.exit_code == 2 and r.stderr.count("\n") == 1 and "cannot write" in r.stderr
    finally:
        ro.chmod(0o755)
