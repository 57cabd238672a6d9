"""Plain text: every run of non-blank lines is one block of prose.

Text copied from web pages often has no blank lines at all, one paragraph per (long) line; a
line longer than any hard-wrapped prose (over 100 characters) therefore also ends its block, so a
whole article does not become one block.

Comment lines that hold a directive (``<!-- factlint-... -->``, ``# factlint-...``,
``// factlint-...``) are switches, not prose; a ``<!-- factlint-... -->`` comment may also close a
prose line, and may span several lines when it stands alone.
"""

from __future__ import annotations

import re

from factlint.read.directives import parse_directive
from factlint.read.document import Directive, Document, LineIndex, Segment, SegmentBuilder

# A whole line that is a comment, in any of the three accepted notations.
_COMMENT_LINE_RE = re.compile(r"[ \t]*(?:<!--(.*)-->|#(.*)|//(.*))[ \t]*\Z", re.DOTALL)
# A comment closing a prose line. White space before it is required so that "http://x" or
# "C#" never start a comment.
_TRAILING_COMMENT_RE = re.compile(
    r"[ \t]+(?:<!--((?:(?!-->).)*?factlint-(?:(?!-->).)*)-->|(?:#|//)[ \t]*(factlint-.*?))[ \t]*\Z"
)
_MARKER = "factlint-"
# Hard-wrapped prose stays well under this width; a longer line is a paragraph of its own.
_UNWRAPPED_LINE = 100


def read_text(path: str, source: str) -> Document:
    """Read plain text into a :class:`Document` of kind ``text``.

    Each run of non-blank lines becomes one segment (its own block), ending early after a line of
    over 100 characters (a paragraph per line); line breaks inside it become ``"\\n"`` mapped to
    the break in the source, and leading and trailing blanks of each line are left out.
    """
    index = LineIndex(source)
    spans = list(index.spans())
    segments: list[Segment] = []
    directives: list[Directive] = []
    builder: SegmentBuilder | None = None
    prev_end = 0  # where the previous prose line's content ended: its line break follows
    block = 0
    k = 0
    while k < len(spans):
        start, end = spans[k]
        line = source[start:end]
        if _MARKER in line:
            consumed = _directive_lines(source, index, spans, k, directives)
            if consumed:
                # A switch on its own line ends the block, like a blank line would.
                block = _finish(builder, segments, block)
                builder = None
                k += consumed
                continue
            trailing = _TRAILING_COMMENT_RE.search(line)
            if trailing is not None:
                directive = parse_directive(trailing.group(1) or trailing.group(2), k + 1, k + 1)
                if directive is not None:
                    directives.append(directive)
                    end = start + trailing.start()
        first = _first_non_blank(source, start, end)
        if first == end:
            block = _finish(builder, segments, block)
            builder = None
            k += 1
            continue
        last = _last_non_blank(source, first, end)
        if builder is None:
            builder = SegmentBuilder("text", block)
        else:
            # The previous line's break (it starts where that line's content ended), not its
            # trailing blanks, stands for the soft break.
            builder.add("\n", prev_end, start - prev_end)
        builder.add(source[first:last], first)
        prev_end = spans[k][1]
        k += 1
        if last - first > _UNWRAPPED_LINE:
            block = _finish(builder, segments, block)
            builder = None
    _finish(builder, segments, block)
    return Document(
        path=path, source=source, segments=tuple(segments), directives=tuple(directives), kind="text"
    )


def _finish(builder: SegmentBuilder | None, segments: list[Segment], block: int) -> int:
    """Close a block; return the block number the next one gets."""
    if builder is None:
        return block
    segment = builder.build()
    if segment is None:
        return block
    segments.append(segment)
    return block + 1


def _directive_lines(
    source: str, index: LineIndex, spans: list[tuple[int, int]], k: int, out: list[Directive]
) -> int:
    """How many lines starting at ``k`` form a directive comment (0 when they do not)."""
    start, end = spans[k]
    whole = _COMMENT_LINE_RE.match(source, start, end)
    if whole is not None:
        body = next(group for group in whole.groups() if group is not None)
        directive = parse_directive(body.strip(), k + 1, k + 1)
        if directive is None:
            return 0
        out.append(directive)
        return 1
    opener = source.find("<!--", start, end)
    if opener < 0 or source[start:opener].strip() or "-->" in source[opener:end]:
        return 0
    # A comment that opens on this line and closes on a later one, alone on its last line.
    closer = source.find("-->", end)
    if closer < 0:
        return 0
    last = index.position(closer)[0] - 1
    if source[closer + 3 : spans[last][1]].strip():
        return 0
    directive = parse_directive(source[opener + 4 : closer].strip(), k + 1, last + 1)
    if directive is None:
        return 0
    out.append(directive)
    return last - k + 1


def _first_non_blank(source: str, start: int, end: int) -> int:
    while start < end and source[start] in " \t\f\v":
        start += 1
    return start


def _last_non_blank(source: str, start: int, end: int) -> int:
    while end > start and source[end - 1] in " \t\f\v":
        end -= 1
    return end
