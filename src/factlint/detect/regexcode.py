"""Regular expressions that can be stored compiled, so that a cached rule pack starts fast.

Python cannot pickle a compiled pattern: it pickles the source and compiles it again on load. A
rule pack holds hundreds of patterns with long alternations, and compiling them took longer than
linting a small file (about a millisecond each, far more for the numeric ones). What ``re.compile``
hands to the engine, though, is a plain list of codes, and the engine turns such a list back into
a pattern in microseconds. :func:`freeze` keeps that list (as bytes) with the pattern when the pack
is compiled, :func:`thaw` rebuilds the pattern from it.

This relies on CPython's internals (``re._parser``, ``re._compiler``, ``_sre.compile``), so it is
guarded: stored code is used only by the same implementation, Python version and engine version
(``_sre.MAGIC``) that made it, the engine validates code it is given, and any failure falls back
to ``re.compile``. The result is the same pattern either way; only the time differs.
"""

from __future__ import annotations

import re
import sys
from array import array

try:  # Python 3.11+
    import _sre
    from re import _compiler, _parser  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - Python 3.10 or another implementation
    try:
        import _sre
        import sre_compile as _compiler  # type: ignore[no-redef]
        import sre_parse as _parser  # type: ignore[no-redef]
    except ImportError:
        _compiler = _parser = None  # type: ignore[assignment]

# Codes are 32-bit words; an array of unsigned 32-bit ints stores them compactly and loads at once.
_TYPECODE = next((t for t in "IL" if array(t).itemsize == 4), None)
_STAMP = (
    sys.implementation.name,
    tuple(sys.version_info[:2]),
    getattr(_sre, "MAGIC", None) if _compiler is not None else None,
    getattr(_sre, "CODESIZE", None) if _compiler is not None else None,
)

Frozen = tuple
"""(stamp, flags, code as bytes, groups, group index items, index group): what :func:`thaw` needs."""


def freeze(expression: str) -> Frozen | None:
    """The engine's code for ``expression``, or None where it cannot be stored here.

    Raises :class:`re.error` for an invalid expression, as ``re.compile`` would.
    """
    if _compiler is None or _TYPECODE is None or _STAMP[3] != 4:
        re.compile(expression)  # still report a bad expression
        return None
    parsed = _parser.parse(expression, 0)
    code = _compiler._code(parsed, 0)
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, i in groupindex.items():
        indexgroup[i] = name
    return (_STAMP, parsed.state.flags, array(_TYPECODE, code).tobytes(), parsed.state.groups - 1,
            tuple(groupindex.items()), tuple(indexgroup))


def thaw(expression: str, frozen: Frozen | None) -> re.Pattern[str]:
    """The compiled pattern of ``expression``, from its stored code when that is usable."""
    if frozen is not None and frozen[0] == _STAMP:
        try:
            _stamp, flags, code, groups, groupindex, indexgroup = frozen
            words = array(_TYPECODE)  # type: ignore[arg-type]
            words.frombytes(code)
            return _sre.compile(expression, flags, words.tolist(), groups, dict(groupindex), indexgroup)
        except Exception:  # any problem with the internals: compile the usual way
            pass
    return re.compile(expression)
