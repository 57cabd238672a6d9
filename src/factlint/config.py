"""Configuration: ``.factlint.yaml`` or ``[tool.factlint]`` in pyproject.toml.

The file is found by walking up from the linted path (as ruff and ESLint do); the first directory
that has either file wins, and ``.factlint.yaml`` wins over pyproject.toml in the same directory.
Unknown keys and wrong types are errors at file:line, never silently ignored.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from factlint.model import SEVERITIES
from factlint.pack.yamlio import LineDict, RuleError, load_yaml_file

CONFIG_NAMES = (".factlint.yaml", ".factlint.yml")
_KEYS = {"select", "ignore", "severity", "include", "exclude", "packs", "bundled-pack", "fail-on", "baseline"}


@dataclass(frozen=True)
class Config:
    """Settings of a run. Paths in it are absolute (resolved against the config file)."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: dict[str, str] = field(default_factory=dict)
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    packs: tuple[str, ...] = ()
    bundled_pack: bool = True
    fail_on: str | None = None
    baseline: str | None = None
    path: str | None = None


def find_config(start: Path) -> Path | None:
    """The config file that governs ``start`` (a file or directory), or None."""
    try:
        start = start.resolve()
    except (OSError, RuntimeError):  # a symbolic link loop (RuntimeError before Python 3.13)
        start = start.absolute()
    try:
        here = start if start.is_dir() else start.parent
    except OSError:
        here = start.parent
    for d in (here, *here.parents):
        try:
            for name in CONFIG_NAMES:
                if (d / name).is_file():
                    return d / name
            pyproject = d / "pyproject.toml"
            if pyproject.is_file() and "[tool.factlint" in pyproject.read_text(encoding="utf-8", errors="replace"):
                return pyproject
        except OSError:
            # A directory on the way up that cannot be searched (CI runners, containers): it
            # holds no configuration we could read, so look further up.
            continue
    return None


def load_config(path: Path) -> Config:
    """Parse and validate a config file."""
    if path.name == "pyproject.toml":
        # Imported here: most runs have no TOML to read, and a one-file run should not pay for it.
        if sys.version_info >= (3, 11):
            import tomllib
        else:  # pragma: no cover
            import tomli as tomllib
        try:
            text = path.read_text(encoding="utf-8", errors="replace")
        except OSError as exc:
            raise RuleError(path, None, f"cannot read: {exc.strerror or exc}") from None
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            line = _toml_line(exc) or (text.count("\n") + 1 if "end of document" in str(exc) else None)
            raise RuleError(path, line, f"invalid TOML: {exc}") from None
        lines = _toml_key_lines(text)
        # Any TOML value can stand where a table is expected ("tool = 5"): check before descending.
        for key in ("tool", "factlint"):
            data = data.get(key, {})
            if not isinstance(data, dict):
                raise RuleError(path, lines.get("", 1), f"[tool.factlint] must be a table, not {type(data).__name__}")
        return _build(data, path, lambda k: lines.get(k, lines.get("", 1)))
    data = load_yaml_file(path)
    if data is None:
        data = LineDict()
        data.line, data.key_lines = 1, {}
    if not isinstance(data, dict):
        raise RuleError(path, getattr(data, "line", 1), "the configuration must be a mapping")
    return _build(data, path, data.line_of if isinstance(data, LineDict) else (lambda k: 1))


def key_line(path: str | Path, key: str) -> int | None:
    """The line of top-level ``key`` in the configuration file ``path`` (None when unknown).

    For errors found after loading, such as a ``packs`` entry that is not a rule pack.
    """
    path = Path(path)
    try:
        if path.name == "pyproject.toml":
            return _toml_key_lines(path.read_text(encoding="utf-8", errors="replace")).get(key)
        data = load_yaml_file(path)
    except (OSError, RuleError):
        return None
    return data.line_of(key) if isinstance(data, LineDict) else None


def _toml_line(exc: Exception) -> int | None:
    m = re.search(r"line (\d+)", str(exc))
    return int(m.group(1)) if m else None


def _toml_key_lines(text: str) -> dict[str, int]:
    lines: dict[str, int] = {}
    inside = False
    for n, raw in enumerate(text.splitlines(), 1):
        s = raw.strip()
        if s.startswith("["):
            inside = s.startswith("[tool.factlint")
            if inside:
                lines.setdefault("", n)
            continue
        m = re.match(r"([A-Za-z0-9_-]+)\s*=", s)
        if inside and m:
            lines.setdefault(m.group(1), n)
    return lines


def _build(data: dict[str, Any], path: Path, line_of) -> Config:
    for key in data:
        if key not in _KEYS:
            raise RuleError(path, line_of(key), f"unknown configuration key {key!r} (known: {', '.join(sorted(_KEYS))})")

    def strings(key: str) -> tuple[str, ...]:
        v = data.get(key, [])
        if isinstance(v, str):
            v = [v]
        if not isinstance(v, list) or not all(isinstance(x, str) for x in v):
            raise RuleError(path, line_of(key), f"{key} must be a list of strings")
        return tuple(v)

    severity = data.get("severity", {}) or {}
    if not isinstance(severity, dict):
        raise RuleError(path, line_of("severity"), "severity must map rule ids or categories to a severity")
    for k, v in severity.items():
        if v not in (*SEVERITIES, "off"):
            raise RuleError(path, line_of("severity"), f"severity of {k!r} must be error, warning, info or off")
    fail_on = data.get("fail-on")
    if fail_on is not None and fail_on not in SEVERITIES:
        raise RuleError(path, line_of("fail-on"), "fail-on must be error, warning or info")
    bundled = data.get("bundled-pack", True)
    if not isinstance(bundled, bool):
        raise RuleError(path, line_of("bundled-pack"), "bundled-pack must be true or false")
    base = path.parent
    packs = tuple(str((base / p).resolve()) for p in strings("packs"))
    baseline = data.get("baseline")
    if baseline is not None and not isinstance(baseline, str):
        raise RuleError(path, line_of("baseline"), "baseline must be a path")
    return Config(
        select=strings("select"), ignore=strings("ignore"), severity={str(k): str(v) for k, v in severity.items()},
        include=strings("include"), exclude=strings("exclude"), packs=packs, bundled_pack=bundled,
        fail_on=fail_on, baseline=str((base / baseline).resolve()) if baseline else None, path=str(path),
    )
