"""The values every reader produces: prose segments that remember where each character came from.

A reader turns a file's decoded text into :class:`Segment` values. A segment's ``text`` is what the
matcher sees (markup removed, entities decoded); its ``runs`` map every character of that text back
to an offset in the decoded source, so a finding's line and column always point into the original
file. Positions are never recovered by searching the source again: that is the classic source of
wrong columns in prose linters.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

# The three line breaks a LineIndex knows; CRLF first so it counts as one break.
_LINE_BREAK_RE = re.compile(r"\r\n|\r|\n")


@dataclass(frozen=True, slots=True)
class Run:
    """A stretch of segment text and the source span it came from.

    When ``text_len == src_len`` the mapping is one to one (plain prose). Otherwise the run is a
    single replacement, such as an HTML entity (``&amp;`` -> ``&``) or a collapsed line break, and
    every character in it maps to the start of the source span.
    """

    text_start: int
    src_start: int
    text_len: int
    src_len: int


@dataclass(frozen=True, slots=True)
class Segment:
    """A piece of prose with an exact map back to the source.

    ``kind`` says where it came from (``paragraph``, ``heading``, ``list_item``, ``table_cell``,
    ``blockquote``, ``title``, ``meta_description``, ``img_alt``, ``front_matter``, ``text``).
    ``block`` groups segments of one paragraph-like unit: sentences in the same block may qualify
    each other ("Many feel lasting relief. For most it fades within weeks.").
    """

    text: str
    runs: tuple[Run, ...]
    kind: str = "text"
    block: int = 0

    def src_offset(self, index: int) -> int:
        """Source offset of the character at ``index`` of :attr:`text`."""
        run = self._run_at(index)
        if run.text_len == run.src_len:
            return run.src_start + (index - run.text_start)
        return run.src_start

    def src_end(self, end: int) -> int:
        """Source offset just past the character at ``end - 1`` (an exclusive end)."""
        if end <= 0:
            return self.src_offset(0) if self.text else 0
        run = self._run_at(end - 1)
        if run.text_len == run.src_len:
            return run.src_start + (end - run.text_start)
        return run.src_start + run.src_len

    def _run_at(self, index: int) -> Run:
        # A keyed bisect: building a list of starts on every call made mapping a whole segment
        # quadratic in its number of runs.
        i = bisect.bisect_right(self.runs, index, key=_text_start) - 1
        return self.runs[max(i, 0)]


def _text_start(run: Run) -> int:
    return run.text_start


class SegmentBuilder:
    """Accumulates text pieces with their source positions into one :class:`Segment`."""

    def __init__(self, kind: str = "text", block: int = 0) -> None:
        self.kind = kind
        self.block = block
        self._parts: list[str] = []
        self._runs: list[Run] = []
        self._len = 0

    def __len__(self) -> int:
        return self._len

    def add(self, text: str, src_start: int, src_len: int | None = None) -> None:
        """Append ``text`` that came from ``source[src_start:src_start + src_len]``.

        Without ``src_len`` the text is taken to be a verbatim copy of the source.
        """
        if not text:
            return
        if src_len is None:
            src_len = len(text)
        if src_len != len(text) and len(text) > 1:
            # A multi-character replacement maps as one unit; split into one-char runs so that
            # each character still has a position (the first at the span start).
            for ch in text:
                self.add(ch, src_start, src_len)
            return
        prev = self._runs[-1] if self._runs else None
        if (
            prev is not None
            and prev.text_len == prev.src_len
            and src_len == len(text)
            and prev.src_start + prev.src_len == src_start
        ):
            self._runs[-1] = Run(
                prev.text_start, prev.src_start, prev.text_len + len(text), prev.src_len + src_len
            )
        else:
            self._runs.append(Run(self._len, src_start, len(text), src_len))
        self._parts.append(text)
        self._len += len(text)

    def text(self) -> str:
        """The text accumulated so far."""
        return "".join(self._parts)

    def build(self) -> Segment | None:
        """The segment, or ``None`` when it holds nothing but white space."""
        text = "".join(self._parts)
        if not text.strip():
            return None
        return Segment(text=text, runs=tuple(self._runs), kind=self.kind, block=self.block)


@dataclass(frozen=True, slots=True)
class Directive:
    """An inline switch found in a comment.

    ``action`` is ``disable``, ``enable``, ``disable-next-line`` or ``disable-line``; ``ids`` are
    rule ids or categories (empty means every rule); ``line`` is the 1-based line of the comment
    and ``end_line`` the line where the comment ends.
    """

    action: str
    ids: tuple[str, ...]
    line: int
    end_line: int


@dataclass(frozen=True)
class Document:
    """A file read for linting: its decoded text, its prose and its inline switches."""

    path: str
    source: str
    segments: tuple[Segment, ...]
    directives: tuple[Directive, ...] = ()
    kind: str = "text"
    line_index: LineIndex = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "line_index", LineIndex(self.source))


class LineIndex:
    """Offsets to 1-based (line, column), computed once per file.

    Line breaks are ``\\n``, ``\\r\\n`` and a lone ``\\r``. Columns count Unicode code points, so a
    tab is one column, as in most editors' "column" readouts and SARIF's ``unicodeCodePoints``.
    """

    __slots__ = ("_source", "_starts")

    def __init__(self, source: str) -> None:
        # One regex pass: searching for "\r" from every line start rescanned the rest of a file
        # without carriage returns once per line (quadratic on large LF files).
        starts = [0]
        starts.extend(m.end() for m in _LINE_BREAK_RE.finditer(source))
        self._starts = starts
        self._source = source

    def position(self, offset: int) -> tuple[int, int]:
        """1-based line and column of ``offset``."""
        line = bisect.bisect_right(self._starts, offset) - 1
        return line + 1, offset - self._starts[line] + 1

    def line_start(self, line: int) -> int:
        """Offset where 1-based ``line`` starts."""
        return self._starts[line - 1]

    def spans(self) -> Iterator[tuple[int, int]]:
        """``(start, end)`` offsets of every line in order, ``end`` excluding the line break."""
        source = self._source
        starts = self._starts
        last = len(starts) - 1
        for k, start in enumerate(starts):
            if k == last:
                yield start, len(source)
            else:
                nxt = starts[k + 1]
                yield start, nxt - (2 if source.startswith("\r\n", nxt - 2) else 1)

    def line_text(self, line: int) -> str:
        """The text of 1-based ``line`` without its line break."""
        start = self._starts[line - 1]
        end = self._starts[line] if line < len(self._starts) else len(self._source)
        return self._source[start:end].rstrip("\r\n")

    @property
    def line_count(self) -> int:
        """How many lines the source has."""
        return len(self._starts)
