"""Markdown: prose from a line-based block scanner and an inline scanner, offsets kept exactly.

Two passes. The block pass walks the lines once with a stack of open containers (block quotes, list
items) and at most one open leaf block (paragraph, fenced or indented code, HTML block, table), and
records every prose unit as a span of the source. The inline pass then reads each span: code spans,
markup, link destinations and comments are dropped, entities and escapes decoded, and every
character that remains keeps its source offset. Inline parsing waits for the block pass so that
reference links defined further down the file are known.

The scanner follows CommonMark and GFM where that decides what is prose (code, HTML, link
destinations, emphasis markers, containers) and is looser where only rendering differs (tight and
loose lists, some link nesting corners). No Markdown library is used: none reports inline columns.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache, lru_cache
from html import unescape
from html.entities import html5
from itertools import pairwise
from typing import TypeAlias

from factlint.read.directives import parse_directive
from factlint.read.document import Directive, Document, LineIndex, Segment, SegmentBuilder
from factlint.read.html import attribute_segment, extract_html, tag_attributes

# ---------------------------------------------------------------------------------------------
# Block syntax. Patterns are matched at the first non-blank character of what is left of a line.

_ATX_RE = re.compile(r"#{1,6}(?=[ \t]|$)[ \t]*")
_FENCE_RE = re.compile(r"(`{3,})(?!.*`)|(~{3,})")
_SETEXT_RE = re.compile(r"(?:=+|-+)[ \t]*$")
_THEMATIC_RE = re.compile(r"(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$")
_LIST_MARKER_RE = re.compile(r"[-+*]|([0-9]{1,9})[.)]")
_DELIM_ROW_RE = re.compile(r"\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$")
_DELIM_CELL_RE = re.compile(r":?-+:?")
_PIPE_OR_ESCAPE_RE = re.compile(r"\\.|\|")
_REF_DEF_RE = re.compile(
    r"\[((?:[^\[\]\\]|\\.){1,999})\]:[ \t]*"
    r"(?:<[^<>\r\n]*>|(?!<)(?:[^\s()\\]|\\.|\((?:[^\s()\\]|\\.)*\))+)"
    r"(?:[ \t]+(?:\"[^\"]*\"|'[^']*'|\([^()]*\)))?[ \t]*$"
)
_HTML_BLOCK_NAMES = (
    "address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|"
    "dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|header|"
    "hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|option|p|param|"
    "search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul"
)
_HTML_RAW_START_RE = re.compile(r"<(?:script|pre|style|textarea)(?:[\s>]|$)", re.IGNORECASE)
_HTML_BLOCK_START_RE = re.compile(rf"</?(?:{_HTML_BLOCK_NAMES})(?:[\s>]|/>|$)", re.IGNORECASE)
# Inline raw HTML (CommonMark's definitions); quoted values are bounded so that a stray quote
# cannot make every later "<" rescan the rest of the paragraph.
_ATTRIBUTE = (
    r"""(?:\s+[A-Za-z_:][A-Za-z0-9_.:-]*"""
    r"""(?:\s*=\s*(?:[^\s"'=<>`]+|'[^']{0,4000}'|"[^"]{0,4000}"))?)"""
)
_OPEN_TAG_RE = re.compile(rf"<([A-Za-z][A-Za-z0-9-]*){_ATTRIBUTE}*\s*/?>")
_CLOSE_TAG_RE = re.compile(r"</([A-Za-z][A-Za-z0-9-]*)\s*>")
_HTML_ANY_TAG_LINE_RE = re.compile(
    rf"(?:<[A-Za-z][A-Za-z0-9-]*{_ATTRIBUTE}*\s*/?>|</[A-Za-z][A-Za-z0-9-]*\s*>)[ \t]*$"
)
_HTML_END: dict[int, re.Pattern[str]] = {
    1: re.compile(r"</(?:script|pre|style|textarea)>", re.IGNORECASE),
    2: re.compile(r"-->"),
    3: re.compile(r"\?>"),
    4: re.compile(r">"),
    5: re.compile(r"\]\]>"),
}

# ---------------------------------------------------------------------------------------------
# Inline syntax.

_SPECIAL_RE = re.compile(r"[\\`&<\[\]*_~]|!\[")
_BACKTICKS_RE = re.compile(r"`+")
_ENTITY_RE = re.compile(r"&(?:#[xX][0-9a-fA-F]{1,6};|#[0-9]{1,7};|[A-Za-z][A-Za-z0-9]{1,31};)")
_URI_AUTOLINK_RE = re.compile(r"<([A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*)>")
_EMAIL_AUTOLINK_RE = re.compile(
    r"<([A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
    r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*)>"
)
# "(destination "title")" after a link's text; titles are bounded like attribute values.
_INLINE_LINK_TAIL_RE = re.compile(
    r"\(\s*(?:<(?:[^<>\r\n\\]|\\.)*>|(?:[^\s()\\]|\\.|\((?:[^\s()\\]|\\.)*\))*)"
    r"(?:\s+(?:\"(?:[^\"\\]|\\.){0,4000}\"|'(?:[^'\\]|\\.){0,4000}'|\((?:[^()\\]|\\.){0,4000}\)))?\s*\)",
    re.DOTALL,
)
_LINK_LABEL_RE = re.compile(r"\[((?:[^\[\]\\]|\\.){0,999})\]", re.DOTALL)
_LINE_BREAK_RE = re.compile(r"\r\n|\r|\n")
_ASCII_PUNCTUATION = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
# Inline HTML elements whose content is code, not prose.
_INLINE_SKIP = frozenset({"code", "kbd", "pre", "samp", "script", "style", "textarea"})
# Inline HTML elements that put what follows on a new line.
_BREAKING_TAGS = frozenset({"br", "hr", *_HTML_BLOCK_NAMES.replace("h[1-6]", "h1|h2|h3|h4|h5|h6").split("|")})

# ---------------------------------------------------------------------------------------------
# Front matter.

_FRONT_KEY_RE = re.compile(r"(title|description)[ \t]*:(?=[ \t]|$)[ \t]*")
_YAML_TOP_LINE_RE = re.compile(r"[^\s#:][^:]*:(?:[ \t]|$)|-(?:[ \t]|$)")
_BLOCK_SCALAR_RE = re.compile(r"[|>][-+0-9]*[ \t]*(?:#.*)?$")
_PLAIN_COMMENT_RE = re.compile(r"[ \t]+#")
_DQ_TOKEN_RE = re.compile(
    r'[^"\\\r\n]+|\\(?:x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|\r\n|.|\n)|\r\n|\r|\n|"', re.DOTALL
)
_SQ_TOKEN_RE = re.compile(r"[^'\r\n]+|''|\r\n|\r|\n|'")
_DQ_ESCAPES = {
    "0": "\0", "a": "\a", "b": "\b", "t": "\t", "\t": "\t", "n": "\n", "v": "\v", "f": "\f",
    "r": "\r", "e": "\x1b", " ": " ", '"': '"', "/": "/", "\\": "\\", "N": "\x85", "_": "\xa0",
    "L": "\u2028", "P": "\u2029",
}  # fmt: skip


def read_markdown(path: str, source: str) -> Document:
    """Read Markdown into a :class:`Document` of kind ``markdown``.

    Paragraphs, headings, list items, block quotes and table cells become segments (kinds
    ``paragraph``, ``heading``, ``list_item``, ``blockquote``, ``table_cell``), image alt text and
    the front matter's ``title`` and ``description`` segments of their own (``img_alt``,
    ``front_matter``). Code, HTML markup, link destinations and markers never become prose. HTML
    comments are read for directives.
    """
    index = LineIndex(source)
    spans = list(index.spans())
    segments: list[Segment] = []
    front_lines, block = _front_matter(source, spans, segments)
    scanner = _BlockScanner(source)
    for line_start, line_end in spans[front_lines:]:
        scanner.line(line_start, source[line_start:line_end])
    scanner.finish()
    directives: list[Directive] = []
    context = _Context(index, scanner.refs, directives)
    last_unit = -1
    unit_block: int | None = None  # the block of the current unit, once it has text
    for unit in scanner.units:
        if unit.kind == "html":
            text, base = _unit_text(source, unit)
            found, comments, block = extract_html(text, base, index, block)
            segments.extend(found)
            directives.extend(comments)
            continue
        if unit.unit != last_unit:
            last_unit, unit_block = unit.unit, None
        unit_block, block = _inline_unit(source, unit, context, unit_block, block, segments)
    return Document(
        path=path, source=source, segments=tuple(segments), directives=tuple(directives), kind="markdown"
    )


# =============================================================================================
# Block pass


@dataclass(slots=True)
class _Container:
    quote: bool
    col: int = 0  # list item: the column where its content starts
    empty: bool = False  # list item that has had no content line yet


@dataclass(slots=True)
class _Para:
    kind: str
    lines: list[tuple[int, int, int]]  # (line start, content start, content end)
    last_indented: bool = False  # the last line is indented 4+ columns (it cannot head a table)


@dataclass(slots=True)
class _Fence:
    char: str
    length: int


@dataclass(slots=True)
class _Html:
    end: re.Pattern[str] | None  # None: the block ends at a blank line
    keep: bool  # comments and block-level HTML hold text and directives; script, pre... do not
    lines: list[tuple[int, int, int]] = field(default_factory=list)  # (line start, start, end)


@dataclass(slots=True)
class _Table:
    columns: int


class _IndentedCode:
    """The open leaf is an indented code block (it holds nothing worth keeping)."""


_INDENTED = _IndentedCode()


@dataclass(frozen=True, slots=True)
class _Unit:
    """A span of the source to read inline: one paragraph, heading, table cell or HTML block."""

    kind: str
    start: int
    end: int
    blanks: tuple[tuple[int, int], ...]  # container prefixes (">") inside the span, to blank out
    unit: int  # cells of one table row share it


class _BlockScanner:
    """Walks the lines once; collects prose units and link reference labels."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.units: list[_Unit] = []
        self.refs: set[str] = set()
        self._stack: list[_Container] = []
        self._leaf: _Para | _Fence | _Html | _Table | _IndentedCode | None = None
        self._unit = 0

    def line(self, ls: int, s: str) -> None:
        """Consume the line ``s`` that starts at offset ``ls``."""
        pos, col, bcol, matched = self._match_containers(s)
        n = len(s)
        p, c = _skip_ws(s, pos, col)
        blank = p >= n
        leaf = self._leaf
        if matched == len(self._stack):
            if isinstance(leaf, _Fence):
                if not blank and c - bcol < 4 and _closes_fence(s, p, leaf):
                    self._leaf = None
                return
            if isinstance(leaf, _Html):
                self._html_line(ls, s, pos, blank)
                return
            if leaf is _INDENTED:
                if blank or c - bcol >= 4:
                    return
                self._leaf = None
        else:
            if isinstance(leaf, _Para) and not blank and not self._interrupts(s, p, c - bcol):
                leaf.lines.append((ls, ls + p, ls + _rstrip_len(s)))  # lazy continuation
                return
            self._close_leaf()
            del self._stack[matched:]
        pos, col, bcol = self._open_containers(s, pos, col, bcol)
        self._leaf_line(ls, s, pos, col, bcol)

    def finish(self) -> None:
        """Close whatever is still open at the end of the file."""
        self._close_leaf()
        self._stack.clear()

    # -- containers -----------------------------------------------------------------------------

    def _match_containers(self, s: str) -> tuple[int, int, int, int]:
        """Consume the prefixes of the open containers; return (pos, col, boundary col, matched)."""
        pos = col = bcol = matched = 0
        n = len(s)
        p = c = -1
        for cont in self._stack:
            if p < pos:
                # Columns are absolute, so the end of a run of blanks is the same from anywhere
                # inside it: deep nesting must not rescan the indentation once per container.
                p, c = _skip_ws(s, pos, col)
            if cont.quote:
                if c - bcol > 3 or p >= n or s[p] != ">":
                    break
                pos, col, bcol = _after_quote_marker(s, p, c)
            elif p >= n:
                if cont.empty:
                    break  # a list item may start with at most one blank line
                pos, col = p, c
            elif c >= cont.col:
                pos, col = _advance_to(s, pos, col, cont.col)
                bcol = cont.col
                cont.empty = False
            else:
                break
            matched += 1
        return pos, col, bcol, matched

    def _open_containers(self, s: str, pos: int, col: int, bcol: int) -> tuple[int, int, int]:
        n = len(s)
        while True:
            p, c = _skip_ws(s, pos, col)
            if p >= n or c - bcol >= 4:
                return pos, col, bcol
            if s[p] == ">":
                self._close_leaf()
                self._stack.append(_Container(quote=True))
                pos, col, bcol = _after_quote_marker(s, p, c)
                continue
            in_paragraph = isinstance(self._leaf, _Para)
            item = self._list_item(s, p, c, in_paragraph) if s[p] in "-+*0123456789" else None
            if item is None:
                return pos, col, bcol
            content_col, pos, col, empty = item
            self._close_leaf()
            self._stack.append(_Container(quote=False, col=content_col, empty=empty))
            bcol = content_col

    def _list_item(self, s: str, p: int, c: int, in_paragraph: bool) -> tuple[int, int, int, bool] | None:
        """A list item starting at ``p``: (content column, pos, col, empty), or None.

        ``in_paragraph``: the line would otherwise continue a paragraph of the same container.
        """
        m = _LIST_MARKER_RE.match(s, p)
        if m is None or _THEMATIC_RE.match(s, p):
            return None
        n = len(s)
        q = m.end()
        if q < n and s[q] not in " \t":
            return None
        marker_end = c + (q - p)
        r, rc = _skip_ws(s, q, marker_end)
        empty = r >= n
        number = m.group(1)
        if in_paragraph and (empty or (number is not None and int(number) != 1)):
            return None  # such an item cannot interrupt a paragraph
        if empty:
            return marker_end + 1, r, rc, True
        if rc - marker_end > 4:
            # Five or more blanks: the content is indented code starting one column in.
            p2, c2 = _advance_to(s, q, marker_end, marker_end + 1)
            return marker_end + 1, p2, c2, False
        return rc, r, rc, False

    def _interrupts(self, s: str, p: int, indent: int) -> bool:
        """Whether a line that misses some containers starts a block (else: lazy continuation).

        The paragraph belongs to an unmatched container, so the stricter rules for list items
        interrupting a paragraph of the same container do not apply (those for HTML do).
        """
        if indent >= 4:
            return False
        ch = s[p]
        if ch == ">":
            return True
        if ch == "#":
            return _ATX_RE.match(s, p) is not None
        if ch in "`~":
            return _FENCE_RE.match(s, p) is not None
        if ch == "<":
            return _html_start(s, p, in_paragraph=True) != 0
        if ch in "*-_" and _THEMATIC_RE.match(s, p):
            return True
        return ch in "-+*0123456789" and self._list_item(s, p, indent, in_paragraph=False) is not None

    # -- leaves ---------------------------------------------------------------------------------

    def _leaf_line(self, ls: int, s: str, pos: int, col: int, bcol: int) -> None:
        n = len(s)
        p, c = _skip_ws(s, pos, col)
        leaf = self._leaf
        if p >= n:
            self._close_leaf()
            return
        if c - bcol >= 4:
            if isinstance(leaf, _Para):
                leaf.lines.append((ls, ls + p, ls + _rstrip_len(s)))
                leaf.last_indented = True
            else:
                self._close_leaf()
                self._leaf = _INDENTED
            return
        ch = s[p]
        if ch == "#" and (atx := _ATX_RE.match(s, p)) is not None:
            self._close_leaf()
            self._heading(ls, s, atx.end())
            return
        if ch in "`~" and (fence := _FENCE_RE.match(s, p)) is not None:
            self._close_leaf()
            run = fence.group(1) or fence.group(2)
            self._leaf = _Fence(run[0], len(run))
            return
        # Kind 7 HTML (any lone tag) can interrupt neither a paragraph nor a table.
        if ch == "<" and (html_kind := _html_start(s, p, isinstance(leaf, (_Para, _Table)))):
            self._close_leaf()
            self._open_html(ls, s, p, html_kind)
            return
        if isinstance(leaf, _Para) and ch in "=-" and _SETEXT_RE.match(s, p):
            self._setext(leaf)
            return
        if ch in "*-_" and _THEMATIC_RE.match(s, p):
            self._close_leaf()
            return
        end = ls + _rstrip_len(s)
        if isinstance(leaf, _Para):
            if "|" in s and self._start_table(leaf, s, p):
                return
            leaf.lines.append((ls, ls + p, end))
            leaf.last_indented = False
            return
        if isinstance(leaf, _Table):
            self._row(ls + p, end, leaf.columns)
            return
        if ch == "[" and self._reference_definition(s, p):
            return
        self._leaf = _Para(self._kind(), [(ls, ls + p, end)])

    def _close_leaf(self) -> None:
        leaf = self._leaf
        self._leaf = None
        if isinstance(leaf, _Para):
            self._add_lines(leaf.kind, leaf.lines)
        elif isinstance(leaf, _Html) and leaf.keep:
            self._add_lines("html", leaf.lines)

    def _add_lines(self, kind: str, lines: list[tuple[int, int, int]]) -> None:
        if not lines:
            return
        source = self.source
        blanks = tuple((ls, cs) for ls, cs, _ in lines[1:] if ">" in source[ls:cs])
        self.units.append(_Unit(kind, lines[0][1], lines[-1][2], blanks, self._next_unit()))

    def _next_unit(self) -> int:
        self._unit += 1
        return self._unit

    def _kind(self) -> str:
        if not self._stack:
            return "paragraph"
        return "blockquote" if self._stack[-1].quote else "list_item"

    def _heading(self, ls: int, s: str, start: int) -> None:
        end = _rstrip_len(s)
        stripped = s[start:end].rstrip("#")
        # A closing run of "#" counts only after a blank (or when it is all there is).
        if len(stripped) != end - start and (not stripped or stripped[-1] in " \t"):
            end = start + len(stripped.rstrip(" \t"))
        if end > start:
            self.units.append(_Unit("heading", ls + start, ls + end, (), self._next_unit()))

    def _setext(self, para: _Para) -> None:
        self._leaf = None
        self._add_lines("heading", para.lines)

    def _start_table(self, para: _Para, s: str, p: int) -> bool:
        """Turn the paragraph's last line into a table header if ``s`` is a delimiter row."""
        if para.last_indented or _DELIM_ROW_RE.match(s, p) is None or "|" not in s[p:]:
            return False
        columns = len(_DELIM_CELL_RE.findall(s, p))
        _, header_start, header_end = para.lines[-1]
        header = _cells(self.source, header_start, header_end)
        # A header needs a pipe of its own (as in markdown-it) and the delimiter row's cell count.
        if len(header) != columns or not self._has_pipe(header_start, header_end):
            return False
        para.lines.pop()
        self._close_leaf()
        self._add_cells(header)
        self._leaf = _Table(columns)
        return True

    def _has_pipe(self, start: int, end: int) -> bool:
        return any(m.group() == "|" for m in _PIPE_OR_ESCAPE_RE.finditer(self.source, start, end))

    def _row(self, start: int, end: int, columns: int) -> None:
        # Cells beyond the header's count are not rendered by GFM.
        self._add_cells(_cells(self.source, start, end)[:columns])

    def _add_cells(self, cells: list[tuple[int, int]]) -> None:
        unit = self._next_unit()
        for start, end in cells:
            if end > start:
                self.units.append(_Unit("table_cell", start, end, (), unit))

    def _reference_definition(self, s: str, p: int) -> bool:
        m = _REF_DEF_RE.match(s, p)
        if m is None:
            return False
        label = m.group(1)
        if label.startswith("^") or not label.strip():
            return False  # footnote definitions are prose
        self.refs.add(_normalize_label(label))
        return True

    def _open_html(self, ls: int, s: str, p: int, kind: int) -> None:
        end = _HTML_END.get(kind)
        self._leaf = _Html(end, keep=kind in (2, 6, 7), lines=[(ls, ls + p, ls + len(s))])
        if end is not None and end.search(s, p + 2):
            self._close_leaf()  # opened and closed on one line

    def _html_line(self, ls: int, s: str, pos: int, blank: bool) -> None:
        block = self._leaf
        assert isinstance(block, _Html)
        if block.end is None and blank:
            self._close_leaf()
            return
        block.lines.append((ls, ls + pos, ls + len(s)))
        if block.end is not None and block.end.search(s, pos):
            self._close_leaf()


def _skip_ws(s: str, pos: int, col: int) -> tuple[int, int]:
    """Skip spaces and tabs from ``pos`` (at column ``col``); tabs stop at multiples of 4."""
    n = len(s)
    while pos < n:
        ch = s[pos]
        if ch == " ":
            col += 1
        elif ch == "\t":
            col += 4 - col % 4
        else:
            break
        pos += 1
    return pos, col


def _advance_to(s: str, pos: int, col: int, target: int) -> tuple[int, int]:
    """Consume blanks until column ``target`` (a tab may overshoot it)."""
    n = len(s)
    while col < target and pos < n and s[pos] in " \t":
        col = col + 4 - col % 4 if s[pos] == "\t" else col + 1
        pos += 1
    return pos, col


def _after_quote_marker(s: str, p: int, c: int) -> tuple[int, int, int]:
    """Consume ``>`` at ``p`` and one optional blank; return (pos, col, boundary col)."""
    pos, col = p + 1, c + 1
    if pos < len(s):
        if s[pos] == " ":
            return pos + 1, col + 1, col + 1
        if s[pos] == "\t":
            # The tab counts one column as the marker's blank; the rest is indentation.
            return pos + 1, col + 4 - col % 4, col + 1
    return pos, col, col


def _closes_fence(s: str, p: int, fence: _Fence) -> bool:
    n = len(s)
    q = p
    while q < n and s[q] == fence.char:
        q += 1
    return q - p >= fence.length and not s[q:].strip(" \t")


def _rstrip_len(s: str) -> int:
    return len(s.rstrip(" \t"))


def _html_start(s: str, p: int, in_paragraph: bool) -> int:
    """CommonMark's HTML block kind (1-7) starting at ``p``, or 0."""
    if _HTML_RAW_START_RE.match(s, p):
        return 1
    if s.startswith("<!--", p):
        return 2
    if s.startswith("<?", p):
        return 3
    if s.startswith("<![CDATA[", p):
        return 5
    if s.startswith("<!", p) and p + 2 < len(s) and s[p + 2].isalpha():
        return 4
    if _HTML_BLOCK_START_RE.match(s, p):
        return 6
    if not in_paragraph and _HTML_ANY_TAG_LINE_RE.match(s, p):
        return 7
    return 0


def _cells(source: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of a table row's cells, without the outer pipes and the blanks around each cell."""
    pipes = [m.start() for m in _PIPE_OR_ESCAPE_RE.finditer(source, start, end) if m.group() == "|"]
    first, last = start, end
    while first < last and source[first] in " \t":
        first += 1
    while last > first and source[last - 1] in " \t":
        last -= 1
    if pipes and pipes[0] == first:
        pipes.pop(0)
        first += 1
    if pipes and pipes[-1] == last - 1:
        pipes.pop()
        last -= 1
    bounds = [first - 1, *pipes, last]
    cells = []
    for a, b in pairwise(bounds):
        a += 1
        while a < b and source[a] in " \t":
            a += 1
        while b > a and source[b - 1] in " \t":
            b -= 1
        cells.append((a, b))
    return cells


def _normalize_label(label: str) -> str:
    return " ".join(label.split()).casefold()


# =============================================================================================
# Inline pass


def _unit_text(source: str, unit: _Unit) -> tuple[str, int]:
    """The unit's text with container prefixes blanked out, and the offset it starts at.

    Blanking keeps the length, so an index into the text plus the offset is a source offset.
    """
    if not unit.blanks:
        return source[unit.start : unit.end], unit.start
    parts = []
    pos = unit.start
    for blank_start, blank_end in unit.blanks:
        parts.append(source[pos:blank_start])
        parts.append(" " * (blank_end - blank_start))
        pos = blank_end
    parts.append(source[pos : unit.end])
    return "".join(parts), unit.start


def _inline_unit(
    source: str, unit: _Unit, context: _Context, unit_block: int | None, block: int, out: list[Segment]
) -> tuple[int | None, int]:
    """Read one unit's inline content into ``out``.

    ``unit_block`` is the block already given to this table row (``None`` for a new unit), ``block``
    the next free number; returns both, updated. Numbers go only to segments that exist.
    """
    if unit.blanks:
        text, base = _unit_text(source, unit)
        start, end = 0, len(text)
    else:
        # Read straight from the source: no copy, and offsets need no translation.
        text, base, start, end = source, 0, unit.start, unit.end
    pieces, images = _Inline(context, text, start, end, base).parse()
    segment = _emit(text, base, pieces, unit.kind, block if unit_block is None else unit_block)
    if segment is not None:
        out.append(segment)
        if unit_block is None:
            unit_block, block = block, block + 1
    for _, alt in sorted(images, key=lambda image: image[0]):
        if isinstance(alt, tuple):
            image = attribute_segment(text, alt, base, "img_alt", block)
        else:
            image = _emit(text, base, alt, "img_alt", block)
        if image is not None:
            out.append(image)
            block += 1
    return unit_block, block


# A piece of inline output: [replacement text or None for a verbatim copy, start, end] in the
# parse text. Emphasis processing narrows pieces in place, so they are lists.
_Piece: TypeAlias = list
# An image's alt text: pieces (Markdown images) or the span of an <img alt="..."> value.
_Alt: TypeAlias = "list[_Piece] | tuple[int, int]"


@dataclass(slots=True)
class _Delim:
    """A run of ``*``, ``_`` or ``~`` that may open or close emphasis."""

    char: str
    piece: int
    count: int
    length: int
    can_open: bool
    can_close: bool


@dataclass(slots=True)
class _Bracket:
    """An open ``[`` or ``![`` waiting for its ``]``."""

    piece: int
    delims: int  # how many delimiters were on the stack when it opened
    image: bool
    after: int  # where the link text starts


@dataclass(frozen=True, slots=True)
class _Context:
    """What the inline pass shares across units."""

    index: LineIndex
    refs: set[str]  # normalised labels of the link reference definitions
    directives: list[Directive]  # collected from inline comments


class _Inline:
    """The inline scanner for one unit, ``text[start:end]`` (``text`` index + ``base`` = offset)."""

    def __init__(self, context: _Context, text: str, start: int, end: int, base: int) -> None:
        self._context = context
        self._text, self._start, self._end, self._base = text, start, end, base
        self._pieces: list[_Piece] = []
        self._delims: list[_Delim] = []
        self._brackets: list[_Bracket] = []
        self._images: list[tuple[int, _Alt]] = []
        self._inactive_below = 0  # brackets below this stack index are inside a link: no links
        self._backtick_runs: dict[int, list[int]] | None = None
        self._no_closer: dict[str, int] = {}  # closer -> offset from which it is known absent

    def parse(self) -> tuple[list[_Piece], list[tuple[int, _Alt]]]:
        """Scan the unit; return the output pieces and the images (position, alt)."""
        text, end = self._text, self._end
        pieces = self._pieces
        i = self._start
        while True:
            m = _SPECIAL_RE.search(text, i, end)
            if m is None:
                break
            j = m.start()
            if j > i:
                pieces.append([None, i, j])
            ch = text[j]
            if ch == "\\":
                i = self._escape(j)
            elif ch == "`":
                i = self._code_span(j)
            elif ch == "&":
                i = self._entity(j)
            elif ch == "<":
                i = self._angle(j)
            elif ch == "[" or ch == "!":
                i = self._open_bracket(j, image=ch == "!")
            elif ch == "]":
                i = self._close_bracket(j)
            else:
                i = self._delimiter_run(j)
        if i < end:
            pieces.append([None, i, end])
        _process_emphasis(self._delims, pieces)
        return pieces, self._images

    # -- constructs -----------------------------------------------------------------------------

    def _escape(self, j: int) -> int:
        text = self._text
        nxt = text[j + 1] if j + 1 < self._end else ""
        if nxt and nxt in _ASCII_PUNCTUATION:
            self._pieces.append([None, j + 1, j + 2])  # the escaped character, at its own position
            return j + 2
        if nxt in ("\n", "\r"):
            return j + 1  # a hard line break: the backslash goes, the break stays a soft one
        self._pieces.append([None, j, j + 1])
        return j + 1

    def _code_span(self, j: int) -> int:
        m = _BACKTICKS_RE.match(self._text, j, self._end)
        assert m is not None
        after = m.end()
        if self._backtick_runs is None:
            runs: dict[int, list[int]] = {}
            for run in _BACKTICKS_RE.finditer(self._text, self._start, self._end):
                runs.setdefault(run.end() - run.start(), []).append(run.start())
            self._backtick_runs = runs
        candidates = self._backtick_runs.get(after - j, [])
        k = bisect.bisect_left(candidates, after)
        if k < len(candidates):
            return candidates[k] + (after - j)  # the whole span is code: nothing is emitted
        self._pieces.append([None, j, after])
        return after

    def _entity(self, j: int) -> int:
        m = _ENTITY_RE.match(self._text, j, self._end)
        if m is not None:
            ref = m.group()
            value = unescape(ref) if ref[1] == "#" else html5.get(ref[1:])
            if value:
                self._pieces.append([value, j, m.end()])
                return m.end()
        self._pieces.append([None, j, j + 1])
        return j + 1

    def _angle(self, j: int) -> int:
        text, end = self._text, self._end
        autolink = _URI_AUTOLINK_RE.match(text, j, end) or _EMAIL_AUTOLINK_RE.match(text, j, end)
        if autolink is not None:
            self._pieces.append([None, j + 1, autolink.end() - 1])  # the address, not the brackets
            return autolink.end()
        if text.startswith("<!--", j):
            if text.startswith(">", j + 4) or text.startswith("->", j + 4):
                return text.index(">", j + 4) + 1  # "<!-->" and "<!--->" are empty comments
            close = self._find("-->", j + 4)
            if close >= 0:
                self._comment(j, close)
                return close + 3
        elif text.startswith("<?", j):
            close = self._find("?>", j + 2)
            if close >= 0:
                return close + 2
        elif text.startswith("<![CDATA[", j):
            close = self._find("]]>", j + 9)
            if close >= 0:
                return close + 3
        elif text.startswith("<!", j) and j + 2 < end and text[j + 2].isalpha():
            close = self._find(">", j + 2)
            if close >= 0:
                return close + 1
        else:
            tag = _OPEN_TAG_RE.match(text, j, end)
            if tag is not None:
                return self._open_tag(j, tag)
            tag = _CLOSE_TAG_RE.match(text, j, end)
            if tag is not None:
                self._tag_break(tag)
                return tag.end()
        self._pieces.append([None, j, j + 1])
        return j + 1

    def _tag_break(self, tag: re.Match[str]) -> None:
        # "one<br>two" or "a</div>b" renders on two lines: keep the words apart.
        if tag.group(1).lower() in _BREAKING_TAGS:
            self._pieces.append(["\n", tag.start(), tag.end()])

    def _open_tag(self, j: int, tag: re.Match[str]) -> int:
        name = tag.group(1).lower()
        if name == "img":
            span = tag_attributes(tag.group()).get("alt")
            if span is not None:
                self._images.append((j, (j + span[0], j + span[1])))
        if name in _INLINE_SKIP and not tag.group().endswith("/>"):
            closer = self._find_close_tag(name, tag.end())
            if closer >= 0:
                return closer
        self._tag_break(tag)
        return tag.end()

    def _find_close_tag(self, name: str, start: int) -> int:
        key = "</" + name
        if start >= self._no_closer.get(key, self._end + 1):
            return -1
        m = _close_tag_re(name).search(self._text, start, self._end)
        if m is None:
            self._no_closer[key] = start
            return -1
        return m.end()

    def _find(self, closer: str, start: int) -> int:
        """``text.find(closer, start)`` within the unit, remembering failures (no rescans)."""
        if start >= self._no_closer.get(closer, self._end + 1):
            return -1
        found = self._text.find(closer, start, self._end)
        if found < 0:
            self._no_closer[closer] = start
        return found

    def _comment(self, start: int, close: int) -> None:
        index = self._context.index
        line = index.position(self._base + start)[0]
        end_line = index.position(self._base + close)[0]
        directive = parse_directive(self._text[start + 4 : close].strip(), line, end_line)
        if directive is not None:
            self._context.directives.append(directive)

    def _open_bracket(self, j: int, image: bool) -> int:
        width = 2 if image else 1
        self._brackets.append(_Bracket(len(self._pieces), len(self._delims), image, j + width))
        self._pieces.append([None, j, j + width])
        return j + width

    def _close_bracket(self, j: int) -> int:
        brackets = self._brackets
        if not brackets:
            self._pieces.append([None, j, j + 1])
            return j + 1
        opener = brackets.pop()
        active = opener.image or len(brackets) >= self._inactive_below
        # Brackets pushed from now on sit at or above this index and are active again.
        self._inactive_below = min(self._inactive_below, len(brackets))
        tail = self._link_tail(j + 1, opener.after, j) if active else -1
        if tail < 0:
            self._pieces.append([None, j, j + 1])
            return j + 1
        # Emphasis inside the link text is resolved before the text is kept or moved.
        inner = self._delims[opener.delims :]
        del self._delims[opener.delims :]
        _process_emphasis(inner, self._pieces)
        if opener.image:
            alt = self._pieces[opener.piece + 1 :]
            del self._pieces[opener.piece :]
            self._images.append((j, alt))
        else:
            self._pieces[opener.piece][2] = self._pieces[opener.piece][1]  # drop the "["
            self._inactive_below = len(brackets)  # links cannot contain links
        return tail

    def _link_tail(self, k: int, label_start: int, label_end: int) -> int:
        """End of what follows ``[text]`` to make it a link, or -1 if it is not one."""
        text, end = self._text, self._end
        if k < end and text[k] == "(":
            m = _INLINE_LINK_TAIL_RE.match(text, k, end)
            if m is not None:
                return m.end()
        refs = self._context.refs
        if not refs:
            return -1
        if k < end and text[k] == "[":
            m = _LINK_LABEL_RE.match(text, k, end)
            if m is not None:
                label = m.group(1) if m.group(1).strip() else text[label_start:label_end]
                return m.end() if _normalize_label(label) in refs else -1
        if label_end - label_start <= 999 and _normalize_label(text[label_start:label_end]) in refs:
            return k
        return -1

    def _delimiter_run(self, j: int) -> int:
        text, end = self._text, self._end
        ch = text[j]
        k = j + 1
        while k < end and text[k] == ch:
            k += 1
        self._pieces.append([None, j, k])
        if ch == "~" and k - j > 2:
            return k
        before = text[j - 1] if j > self._start else " "
        after = text[k] if k < end else " "
        before_space, after_space = before.isspace(), after.isspace()
        before_punct, after_punct = _is_punctuation(before), _is_punctuation(after)
        left = not after_space and (not after_punct or before_space or before_punct)
        right = not before_space and (not before_punct or after_space or after_punct)
        if ch == "_":
            can_open = left and (not right or before_punct)
            can_close = right and (not left or after_punct)
        else:
            can_open, can_close = left, right
        if can_open or can_close:
            self._delims.append(_Delim(ch, len(self._pieces) - 1, k - j, k - j, can_open, can_close))
        return k


@cache
def _close_tag_re(name: str) -> re.Pattern[str]:
    return re.compile(rf"</{re.escape(name)}\s*>", re.IGNORECASE)


@lru_cache(maxsize=4096)
def _is_punctuation(ch: str) -> bool:
    return ch in _ASCII_PUNCTUATION or unicodedata.category(ch)[0] in "PS"


def _process_emphasis(delims: list[_Delim], pieces: list[_Piece]) -> None:
    """CommonMark's emphasis algorithm: matched markers are cut from their pieces.

    Unmatched runs stay as literal text. The delimiters form a linked list over the indices of
    ``delims``; ``bottoms`` remembers where a failed search for an opener stopped, which keeps the
    whole pass linear.
    """
    n = len(delims)
    if n < 2:
        return
    prev = list(range(-1, n - 1))
    nxt = list(range(1, n + 1))

    def unlink(x: int) -> None:
        p, q = prev[x], nxt[x]
        if p >= 0:
            nxt[p] = q
        if q < n:
            prev[q] = p

    bottoms: dict[tuple[str, bool, int], int] = {}
    c = 0
    while c < n:
        closer = delims[c]
        if not closer.can_close:
            c = nxt[c]
            continue
        key = (closer.char, closer.can_open, closer.length % 3)
        bottom = bottoms.get(key, -1)
        o = prev[c]
        while o > bottom and not _can_pair(delims[o], closer):
            o = prev[o]
        if o <= bottom:
            bottoms[key] = prev[c]
            following = nxt[c]
            if not closer.can_open:
                unlink(c)
            c = following
            continue
        opener = delims[o]
        # Strikethrough pairs whole runs; emphasis takes two markers (strong) when it can.
        use = closer.count if closer.char == "~" else (2 if min(opener.count, closer.count) >= 2 else 1)
        opener.count -= use
        closer.count -= use
        pieces[opener.piece][2] -= use
        pieces[closer.piece][1] += use
        nxt[o] = c  # delimiters between the pair can no longer match
        prev[c] = o
        if opener.count == 0:
            unlink(o)
        if closer.count == 0:
            following = nxt[c]
            unlink(c)
            c = following


def _can_pair(opener: _Delim, closer: _Delim) -> bool:
    if opener.char != closer.char or not opener.can_open or opener.count == 0:
        return False
    if closer.char == "~":
        return opener.count == closer.count
    # The "rule of three" for runs that can both open and close.
    if (opener.can_close or closer.can_open) and (opener.length + closer.length) % 3 == 0:
        return opener.length % 3 == 0 and closer.length % 3 == 0
    return True


def _emit(text: str, base: int, pieces: list[_Piece], kind: str, block: int) -> Segment | None:
    """Build a segment from inline pieces; line breaks (and blanks around them) become ``"\\n"``."""
    _trim(text, pieces)
    builder = SegmentBuilder(kind, block)
    add = builder.add
    for value, start, end in pieces:
        if start >= end:
            continue
        if value is not None:
            add(value, base + start, end - start)
            continue
        pos = start
        for br in _LINE_BREAK_RE.finditer(text, start, end):
            stop = br.start()
            while stop > pos and text[stop - 1] in " \t":
                stop -= 1
            if stop > pos:
                add(text[pos:stop], base + pos)
            add("\n", base + br.start(), br.end() - br.start())
            pos = br.end()
            while pos < end and text[pos] in " \t":
                pos += 1
        if pos < end:
            add(text[pos:end], base + pos)
    return builder.build()


def _trim(text: str, pieces: list[_Piece]) -> None:
    """Drop blanks left at either end once markup (a comment, a tag, code) has been removed."""
    for order in (pieces, reversed(pieces)):
        for piece in order:
            value, start, end = piece
            if start >= end:
                continue
            if value is not None:
                if value.strip():
                    break
                piece[1] = end  # a line break standing for a tag, with nothing before it
                continue
            if order is pieces:
                while start < end and text[start] in " \t":
                    start += 1
                piece[1] = start
            else:
                while end > start and text[end - 1] in " \t":
                    end -= 1
                piece[2] = end
            if start < end:
                break


# =============================================================================================
# Front matter


def _front_matter(source: str, spans: list[tuple[int, int]], out: list[Segment]) -> tuple[int, int]:
    """Read YAML front matter's ``title`` and ``description`` into ``out``.

    Returns how many lines the front matter takes (0 without one) and the next block number.
    Values are located by reading the lines, not by a YAML parser, which could not say where a
    value came from.
    """
    if len(spans) < 2 or source[spans[0][0] : spans[0][1]].rstrip() != "---":
        return 0, 0
    close = next(
        (k for k in range(1, len(spans)) if source[spans[k][0] : spans[k][1]].rstrip() in ("---", "...")),
        None,
    )
    if close is None or not all(_looks_like_yaml(source, *span) for span in spans[1:close]):
        return 0, 0
    block = 0
    k = 1
    while k < close:
        start, end = spans[k]
        key = _FRONT_KEY_RE.match(source, start, end)
        k += 1
        if key is None:
            continue
        builder = SegmentBuilder("front_matter", block)
        value = key.end()
        first = source[value] if value < end else ""
        if first in ("\"", "'"):
            k = _quoted_scalar(source, spans, k, close, value, builder)
        elif first in ("|", ">") and _BLOCK_SCALAR_RE.match(source, value, end):
            k = _indented_lines(source, spans, k, close, builder)
        else:
            comment = _PLAIN_COMMENT_RE.search(source, value, end)
            stop = comment.start() if comment is not None else end
            while stop > value and source[stop - 1] in " \t":
                stop -= 1
            builder.add(source[value:stop], value)
            if first != "#":
                k = _indented_lines(source, spans, k, close, builder)
        segment = builder.build()
        if segment is not None:
            out.append(segment)
            block += 1
    return close + 1, block


def _looks_like_yaml(source: str, start: int, end: int) -> bool:
    """Whether a line between two ``---`` can belong to YAML front matter.

    A document that merely opens with a thematic break ("---", prose, "---") must not lose the
    prose in between: at the top level YAML has keys, list items, comments and blank lines only.
    """
    return start == end or source[start] in " \t#" or _YAML_TOP_LINE_RE.match(source, start, end) is not None


def _quoted_scalar(
    source: str, spans: list[tuple[int, int]], k: int, close: int, value: int, builder: SegmentBuilder
) -> int:
    """Read a quoted scalar starting at ``value``; return the index of the line after it."""
    double = source[value] == '"'
    token_re = _DQ_TOKEN_RE if double else _SQ_TOKEN_RE
    limit = spans[close][0]
    pos = value + 1
    while pos < limit:
        m = token_re.match(source, pos, limit)
        if m is None:
            break
        token = m.group()
        if token in ('"', "'"):
            break
        if token in ("\r\n", "\r", "\n"):
            # A line break folds into a space; the next line's indentation is not content.
            builder.add("\n", pos, len(token))
            pos = m.end()
            while pos < limit and source[pos] in " \t":
                pos += 1
            continue
        if token == "''":
            builder.add("'", pos, 2)
        elif double and token[0] == "\\":
            _add_escape(builder, token, pos)
        else:
            builder.add(token, pos)
        pos = m.end()
    # Continue after the line the scalar ended on.
    return bisect.bisect_right(spans, pos, lo=k - 1, hi=close, key=_span_start)


def _span_start(span: tuple[int, int]) -> int:
    return span[0]


def _add_escape(builder: SegmentBuilder, token: str, pos: int) -> None:
    code = token[1:]
    if code in ("\n", "\r\n", "\r"):
        return  # an escaped line break joins the lines without a space
    if len(code) > 1:
        try:
            builder.add(chr(int(code[1:], 16)), pos, len(token))
        except (ValueError, OverflowError):
            builder.add(token, pos)
        return
    value = _DQ_ESCAPES.get(code)
    builder.add(value if value is not None else token, pos, len(token))


def _indented_lines(
    source: str, spans: list[tuple[int, int]], k: int, close: int, builder: SegmentBuilder
) -> int:
    """Add the indented continuation lines from ``k`` (block or plain scalar); return the next line."""
    while k < close:
        start, end = spans[k]
        first = start
        while first < end and source[first] in " \t":
            first += 1
        if first == end:
            k += 1
            continue
        if first == start:
            break
        stop = end
        while stop > first and source[stop - 1] in " \t":
            stop -= 1
        if len(builder):
            prev_end = spans[k - 1][1]
            builder.add("\n", prev_end, spans[k][0] - prev_end)
        builder.add(source[first:stop], first)
        k += 1
    return k
