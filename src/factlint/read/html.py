"""HTML: the visible text, ``<title>``, the meta description and image alt text, with exact offsets.

The standard library's :class:`html.parser.HTMLParser` does the tokenising, with
``convert_charrefs=False`` so that every piece of text and every entity reference arrives at a known
position. The text itself is always re-read from the original string at that position, never taken
from the parser, so a parser quirk can drop a piece of text but never shift one.

Element state is a flat stack (no recursion), and end tags of elements that are not open are
ignored in constant time, so deep or broken nesting stays linear.
"""

from __future__ import annotations

import re
from html import unescape
from html.entities import html5
from html.parser import HTMLParser

from factlint.read.directives import parse_directive
from factlint.read.document import Directive, Document, LineIndex, Segment, SegmentBuilder

# Elements that end the current segment: a new paragraph-like unit starts after them.
_BLOCK = frozenset(
    {
        "address", "article", "aside", "audio", "blockquote", "body", "br", "button", "canvas",
        "caption", "center", "col", "colgroup", "dd", "details", "dialog", "dir", "div", "dl",
        "dt", "fieldset", "figcaption", "figure", "footer", "form", "frame", "frameset", "h1",
        "h2", "h3", "h4", "h5", "h6", "head", "header", "hgroup", "hr", "html", "iframe", "input",
        "label", "legend", "li", "link", "main", "menu", "meta", "nav", "noscript", "object", "ol",
        "optgroup", "option", "output", "p", "param", "pre", "search", "section", "select",
        "source", "summary", "table", "tbody", "td", "template", "textarea", "tfoot", "th",
        "thead", "title", "tr", "track", "ul", "video",
    }
)
# Elements whose content is never prose.
_SKIP = frozenset(
    {"script", "style", "pre", "code", "noscript", "template", "svg", "math", "textarea", "iframe"}
)
# Elements with no end tag: never pushed on the element stack.
_VOID = frozenset(
    {
        "area", "base", "br", "col", "embed", "frame", "hr", "img", "input", "keygen", "link",
        "meta", "param", "source", "track", "wbr",
    }
)
# Elements that may appear inside <head>; any other start tag ends it, as in browsers.
_HEAD_CONTENT = frozenset(
    {"base", "head", "link", "meta", "noscript", "script", "style", "template", "title"}
)
# The segment kind an element gives its text; other elements inherit the kind of their parent.
_KIND = {
    **{f"h{n}": "heading" for n in range(1, 7)},
    "li": "list_item",
    "dt": "list_item",
    "dd": "list_item",
    "td": "table_cell",
    "th": "table_cell",
    "blockquote": "blockquote",
}

# One entity reference as browsers read it: numeric (decimal or hex) or named, ";" optional.
_ENTITY_RE = re.compile(r"&(?:#[xX]([0-9a-fA-F]+);?|#([0-9]+);?|([A-Za-z][A-Za-z0-9]*);?)")
_LONGEST_ENTITY_NAME = max(len(name) for name in html5)
# HTMLParser stops tokenising for good at "&#" not followed by a complete character reference
# (at close() it hands the whole rest of the input over as one piece of text, tags included).
# Such "&#" are hidden from it; their text is still read from the original.
_BAD_CHARREF_RE = re.compile(r"&#(?!(?:[0-9]+|[xX][0-9a-fA-F]+)[^0-9a-fA-F])")
_WS = " \t\n\r\f"
_BREAK_RE = re.compile(r"[\r\n]+")
_UNFINISHED_TAG_RE = re.compile(r"<(?:/?[A-Za-z]|!|\?)[^<>]*\Z")
_TAG_NAME_RE = re.compile(r"</?[A-Za-z][^\t\n\r\f />\x00]*")
_ATTR_RE = re.compile(r"""[\s/]*([^\s/>][^\s/=>]*)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>]*))?""")


def read_html(path: str, source: str) -> Document:
    """Read an HTML file into a :class:`Document` of kind ``html``.

    Visible text becomes segments split at block-level elements; ``<title>``, the meta description
    and ``<img alt>`` become segments of kinds ``title``, ``meta_description`` and ``img_alt``.
    Comments are read for directives. Never raises on malformed markup.
    """
    index = LineIndex(source)
    segments, directives, _ = extract_html(source, 0, index, 0)
    return Document(
        path=path, source=source, segments=tuple(segments), directives=tuple(directives), kind="html"
    )


def extract_html(
    text: str, base: int, index: LineIndex, block: int
) -> tuple[list[Segment], list[Directive], int]:
    """Extract prose from HTML ``text`` found at offset ``base`` of a larger source.

    ``index`` is the line index of that larger source (for directive line numbers) and ``block``
    the first block number to use. Returns the segments in source order, the directives and the
    next free block number. Markdown's HTML blocks use this with ``base`` set to their offset.
    """
    extractor = _Extractor(text, base, index, block)
    extractor.run()
    segments = sorted(extractor.segments, key=_first_offset)
    return segments, extractor.directives, extractor.block


def tag_attributes(tag: str) -> dict[str, tuple[int, int]]:
    """Attribute names of a start tag's markup, each with the span of its value inside ``tag``.

    Names are lower-cased; the first occurrence of a name wins, as in browsers. A quoted value's
    span excludes the quotes; an attribute without a value has an empty span.
    """
    name = _TAG_NAME_RE.match(tag)
    if name is None:
        return {}
    found: dict[str, tuple[int, int]] = {}
    pos = name.end()
    while True:
        m = _ATTR_RE.match(tag, pos)
        if m is None or m.end() == pos:
            return found
        key = m.group(1).lower()
        if key not in found:
            value_start, value_end = m.span(2)
            if value_start < 0:
                value_start = value_end = m.end()
            elif tag[value_start] in "\"'":
                value_start, value_end = value_start + 1, value_end - 1
            found[key] = (value_start, value_end)
        pos = m.end()


def attribute_segment(
    text: str, span: tuple[int, int], base: int, kind: str, block: int
) -> Segment | None:
    """A segment from an attribute value at ``text[span[0]:span[1]]``, entities decoded."""
    sink = _Sink(kind, block)
    _feed_text(sink, text, span[0], span[1], base, attribute=True)
    return sink.build()


def _decode_entity(text: str, match: re.Match[str], attribute: bool) -> tuple[str, int] | None:
    """Decode the entity reference ``match`` found in ``text`` as a browser would.

    Returns the decoded text and how many source characters it replaces (a legacy name without
    ``;`` may decode only a prefix: ``&copy2024`` is ``©`` followed by ``2024``), or ``None`` when
    the reference stays literal text.
    """
    hex_digits, dec_digits, name = match.groups()
    length = match.end() - match.start()
    digits = hex_digits or dec_digits
    if digits is not None:
        if len(digits.lstrip("0")) > 8:
            # Out of range; also keeps int() away from its limit on huge digit strings.
            return "\ufffd", length
        return unescape("&#" + ("x" if hex_digits else "") + digits + ";"), length
    if text.endswith(";", 0, match.end()) and name + ";" in html5:
        return html5[name + ";"], length
    # Browsers also accept the legacy names (amp, lt, nbsp, copy...) without ";", longest first.
    for k in range(min(len(name), _LONGEST_ENTITY_NAME), 1, -1):
        value = html5.get(name[:k])
        if value is None:
            continue
        after = match.start() + 1 + k
        if attribute and after < len(text) and (text[after].isalnum() or text[after] == "="):
            return None  # in attribute values "&copy=1" stays as written
        return value, 1 + k
    return None


def _feed_text(sink: _Sink, text: str, start: int, end: int, base: int, attribute: bool = False) -> None:
    """Feed ``text[start:end]`` to ``sink``, decoding entity references."""
    pos = start
    amp = text.find("&", pos, end)
    while amp >= 0:
        m = _ENTITY_RE.match(text, amp, end)
        decoded = _decode_entity(text, m, attribute) if m is not None else None
        if m is None or decoded is None:
            amp = text.find("&", amp + 1, end)
            continue
        if amp > pos:
            sink.text(text[pos:amp], base + pos)
        value, length = decoded
        sink.replacement(value, base + amp, length)
        pos = amp + length
        amp = text.find("&", pos, end)
    if pos < end:
        sink.text(text[pos:end], base + pos)


class _Sink:
    """One segment being collected.

    Leading white space is dropped and trailing white space never emitted: a run of white space is
    held back until more text follows. A run that contains a line break becomes one ``"\\n"`` (as
    a soft break in Markdown); other runs stay as written, tabs included.
    """

    __slots__ = ("_builder", "_pending")

    def __init__(self, kind: str, block: int) -> None:
        self._builder = SegmentBuilder(kind, block)
        self._pending: tuple[str, int] | None = None

    def text(self, raw: str, offset: int) -> None:
        """Add source text ``raw`` found at ``offset``."""
        end = len(raw)
        start = end - len(raw.lstrip(_WS))
        if start:
            self._hold(raw[:start], offset)
        if start == end:
            return
        body_end = len(raw.rstrip(_WS))
        self._flush_pending()
        add = self._builder.add
        pos = start
        # Only white space around a line break is rewritten; spaces and tabs between words stay
        # part of one verbatim run (one builder call per text node, not one per word).
        for br in _BREAK_RE.finditer(raw, start, body_end):
            if br.start() < pos:
                continue
            left, right = br.start(), br.end()
            while left > pos and raw[left - 1] in _WS:
                left -= 1
            while right < body_end and raw[right] in _WS:
                right += 1
            if left > pos:
                add(raw[pos:left], offset + pos)
            add("\n", offset + left, right - left)
            pos = right
        if pos < body_end:
            add(raw[pos:body_end], offset + pos)
        if body_end < end:
            self._pending = (raw[body_end:], offset + body_end)

    def replacement(self, value: str, offset: int, length: int) -> None:
        """Add ``value`` standing for the ``length`` source characters at ``offset``."""
        self._flush_pending()
        self._builder.add(value, offset, length)

    def build(self) -> Segment | None:
        """The segment, or ``None`` if nothing but white space was fed."""
        return self._builder.build()

    def _hold(self, space: str, offset: int) -> None:
        # White space between two pieces of text; the first run seen stands for all of it.
        if space and len(self._builder) and self._pending is None:
            self._pending = (space, offset)

    def _flush_pending(self) -> None:
        if self._pending is None:
            return
        space, offset = self._pending
        self._pending = None
        if "\n" in space or "\r" in space:
            self._builder.add("\n", offset, len(space))
        else:
            self._builder.add(space, offset)


def _first_offset(segment: Segment) -> int:
    return segment.runs[0].src_start


def _newline_starts(text: str) -> list[int]:
    # HTMLParser.getpos() counts lines by "\n" alone (a lone "\r" does not start a line for it, and
    # its column after "\r\n" counts from the "\n"), so its positions map through "\n" only.
    starts = [0]
    starts.extend(m.end() for m in re.finditer("\n", text))
    return starts


class _Extractor(HTMLParser):
    """Collects segments and directives while HTMLParser tokenises."""

    def __init__(self, text: str, base: int, index: LineIndex, block: int) -> None:
        super().__init__(convert_charrefs=False)
        self.segments: list[Segment] = []
        self.directives: list[Directive] = []
        self.block = block
        self._text = text
        self._base = base
        self._index = index
        self._line_starts = _newline_starts(text)
        self._stack: list[tuple[str, str]] = []  # open elements: (name, kind of their text)
        self._open: dict[str, int] = {}  # how many of each name the stack holds
        self._skipping = 0  # open elements of _SKIP
        self._sink: _Sink | None = None
        self._title: _Sink | None = None
        # The cells of one table row share a block, as in Markdown: a cell ("None") is read with
        # its row's first cell ("Addiction risk").
        self._row_block: int | None = None

    def run(self) -> None:
        """Tokenise the whole text and flush what is still open."""
        text = self._text
        # Input that ends inside a tag ("<div class=" at the end) is dropped by browsers; the
        # standard parser would hand it over as text instead.
        tail = _UNFINISHED_TAG_RE.search(text)
        if tail is not None:
            text = text[: tail.start()]
        try:
            self.feed(_BAD_CHARREF_RE.sub("&\x00", text))
            self.close()
        except Exception:
            # A parser bug must cost the rest of this file, not the whole run.
            pass
        self._end_segment()
        self._end_title()

    # -- tokens ---------------------------------------------------------------------------------

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        del attrs  # values come from the original text, with positions
        self._end_title()
        if self._open.get("head") and tag not in _HEAD_CONTENT:
            self._close("head")
        if not self._skipping:
            if tag == "meta":
                self._meta()
            elif tag == "img":
                self._attribute("alt", "img_alt")
            if tag in _BLOCK:
                self._end_segment()
        if tag in _VOID:
            return
        if tag == "tr" and not self._skipping:
            self._row_block = self.block
            self.block += 1
        elif tag == "table":
            self._row_block = None
        parent = self._stack[-1][1] if self._stack else "paragraph"
        self._stack.append((tag, _KIND.get(tag, parent)))
        self._open[tag] = self._open.get(tag, 0) + 1
        if tag in _SKIP:
            self._skipping += 1
        elif tag == "title" and not self._skipping:
            self._title = self._new_sink("title")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._end_title()
        if tag in _BLOCK and not self._skipping:
            self._end_segment()
        if tag in ("tr", "table"):
            self._row_block = None
        self._close(tag)

    def handle_data(self, data: str) -> None:
        start = self._offset()
        self._text_at(start, start + len(data))

    def handle_entityref(self, name: str) -> None:
        start = self._offset()
        end = start + 1 + len(name)
        self._text_at(start, end + 1 if self._text.startswith(";", end) else end)

    def handle_charref(self, name: str) -> None:
        start = self._offset()
        end = start + 2 + len(name)
        self._text_at(start, end + 1 if self._text.startswith(";", end) else end)

    def handle_comment(self, data: str) -> None:
        start = self._offset()
        body = start + 4
        end = body + len(data) if self._text.startswith(data, body) else start
        line = self._index.position(self._base + start)[0]
        end_line = self._index.position(self._base + end)[0]
        directive = parse_directive(data.strip(), line, end_line)
        if directive is not None:
            self.directives.append(directive)

    # -- parser hardening -----------------------------------------------------------------------

    def parse_html_declaration(self, i: int) -> int:
        # "<![" sends the standard parser into _markupbase, which raises on anything but a
        # well-formed marked section. Browsers treat it as a bogus comment (CDATA up to "]]>").
        rawdata = self.rawdata
        if rawdata.startswith("<![", i):
            closer = "]]>" if rawdata.startswith("<![CDATA[", i) else ">"
            j = rawdata.find(closer, i + 3)
            return len(rawdata) if j < 0 else j + len(closer)
        return super().parse_html_declaration(i)

    def parse_comment(self, i: int, report: bool = True) -> int:  # type: ignore[override]
        # An unclosed comment runs to the end of the input, as in browsers; the standard parser
        # would hand its text over as prose instead. The whole input is fed at once, so
        # "incomplete" can only mean "never closed".
        end = super().parse_comment(i, report)
        return len(self.rawdata) if end < 0 else end

    # -- helpers --------------------------------------------------------------------------------

    def _offset(self) -> int:
        line, column = self.getpos()
        return self._line_starts[line - 1] + column

    def _text_at(self, start: int, end: int) -> None:
        if self._skipping or end > len(self._text):
            return
        if self._title is not None:
            _feed_text(self._title, self._text, start, end, self._base)
            return
        if self._open.get("head"):
            return
        if self._sink is None:
            if not self._text[start:end].strip(" \t\n\r\f"):
                return
            parent = self._stack[-1][1] if self._stack else "paragraph"
            self._sink = self._new_sink(parent)
        _feed_text(self._sink, self._text, start, end, self._base)

    def _new_sink(self, kind: str) -> _Sink:
        if kind == "table_cell" and self._row_block is not None:
            return _Sink(kind, self._row_block)
        sink = _Sink(kind, self.block)
        self.block += 1
        return sink

    def _end_segment(self) -> None:
        if self._sink is not None:
            self._keep(self._sink.build())
            self._sink = None

    def _end_title(self) -> None:
        if self._title is not None:
            self._keep(self._title.build())
            self._title = None

    def _keep(self, segment: Segment | None) -> None:
        if segment is not None:
            self.segments.append(segment)

    def _close(self, tag: str) -> None:
        """Pop the stack down to the innermost open ``tag``; ignore the tag if none is open."""
        if not self._open.get(tag):
            return
        while self._stack:
            name, _ = self._stack.pop()
            self._open[name] -= 1
            if name in _SKIP:
                self._skipping -= 1
            if name == tag:
                return

    def _start_tag(self) -> tuple[str, int]:
        markup = self.get_starttag_text() or ""
        start = self._offset()
        # The original text, not the parser's copy (which may hold hidden "&#").
        return self._text[start : start + len(markup)], start

    def _attribute(self, name: str, kind: str) -> None:
        tag, start = self._start_tag()
        span = tag_attributes(tag).get(name)
        if span is not None:
            self._add_attribute(start, span, kind)

    def _meta(self) -> None:
        tag, start = self._start_tag()
        attrs = tag_attributes(tag)
        name = attrs.get("name")
        content = attrs.get("content")
        if name is None or content is None:
            return
        if unescape(tag[name[0] : name[1]]).strip().lower() == "description":
            self._add_attribute(start, content, "meta_description")

    def _add_attribute(self, start: int, span: tuple[int, int], kind: str) -> None:
        value = (start + span[0], start + span[1])
        segment = attribute_segment(self._text, value, self._base, kind, self.block)
        if segment is not None:
            self.block += 1
            self.segments.append(segment)

