"""YAML loading that remembers line numbers, so every rule error can say file:line.

PyYAML's composer knows where each node starts; the safe constructor forgets it. This loader builds
ordinary dicts and lists, but the dicts are :class:`LineDict` values that keep the line of the
mapping and of each key. Only the safe constructor is used: nothing in a rule file is executed.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import yaml


class RuleError(Exception):
    """A problem in a rule pack or configuration file, located at ``path:line``."""

    def __init__(self, path: str | Path, line: int | None, message: str) -> None:
        self.path = str(path)
        self.line = line
        self.message = message
        where = f"{self.path}:{line}" if line else self.path
        super().__init__(f"{where}: {message}")


class LineDict(dict):
    """A dict that knows the 1-based line of itself and of each of its keys."""

    line: int = 0
    key_lines: dict[str, int]

    def line_of(self, key: str) -> int:
        """Line of ``key`` (or of the mapping when the key is absent)."""
        return self.key_lines.get(key, self.line)


class LineList(list):
    """A list that knows the 1-based line of each item."""

    line: int = 0
    item_lines: list[int]


@cache
def _loader() -> type:
    """The loader class, made on first use.

    A run whose pack comes from the cache and that has no YAML configuration never imports PyYAML.
    """
    import yaml

    try:  # libyaml's parser is several times faster; the constructor stays the safe Python one.
        base = yaml.CSafeLoader  # type: ignore[attr-defined]
    except AttributeError:  # pragma: no cover - depends on how PyYAML was built
        base = yaml.SafeLoader  # type: ignore[misc]

    class _LineLoader(base):  # type: ignore[misc,valid-type]
        pass

    _LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
    _LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)
    return _LineLoader


def _construct_mapping(loader: Any, node: yaml.MappingNode) -> LineDict:
    import yaml

    loader.flatten_mapping(node)
    out = LineDict()
    out.line = node.start_mark.line + 1
    out.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, (str, int, float, bool)) and key is not None:
            raise yaml.constructor.ConstructorError(
                None, None, "a mapping key must be a plain value", key_node.start_mark
            )
        if key in out:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key {key!r}", key_node.start_mark
            )
        out[key] = loader.construct_object(value_node, deep=True)
        out.key_lines[key] = key_node.start_mark.line + 1
    return out


def _construct_sequence(loader: Any, node: yaml.SequenceNode) -> LineList:
    out = LineList(loader.construct_object(child, deep=True) for child in node.value)
    out.line = node.start_mark.line + 1
    out.item_lines = [child.start_mark.line + 1 for child in node.value]
    return out


def load_yaml_text(text: str, path: str | Path) -> Any:
    """Parse YAML text safely; syntax errors become :class:`RuleError` with the line."""
    import yaml

    try:
        return yaml.load(text, Loader=_loader())
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        problem = exc.problem or exc.context or "invalid YAML"
        raise RuleError(path, line, f"invalid YAML: {_one_line(problem)}") from None
    except yaml.reader.ReaderError as exc:
        # A character YAML does not allow (NUL, other control characters): the reader knows only
        # its offset, and its message spans two lines.
        line = text.count("\n", 0, exc.position) + 1
        char = exc.character if isinstance(exc.character, int) else ord(str(exc.character)[:1] or "\0")
        raise RuleError(path, line, f"invalid YAML: character U+{char:04X} is not allowed") from None
    except yaml.YAMLError as exc:
        raise RuleError(path, None, f"invalid YAML: {_one_line(str(exc))}") from None


def _one_line(message: str) -> str:
    """An error message on one line: the CLI contract is one line on stderr."""
    return " ".join(str(message).split())


def load_yaml_file(path: str | Path) -> Any:
    """Read and parse a YAML file; unreadable files become :class:`RuleError`."""
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise RuleError(path, None, f"cannot read: {exc.strerror or exc}") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise RuleError(path, line, f"not UTF-8: byte 0x{data[exc.start]:02x} cannot be decoded") from None
    return load_yaml_text(text, path)
