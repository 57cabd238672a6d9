"""Load a rule pack directory: validate the YAML (errors at file:line) and compile it.

A pack directory holds ``pack.yaml`` (name, subject, macros, sources, context additions and the
list of claim files), the claim files, and the source documents. Everything a maintainer may want
to change is here; the Python only knows the shape of the data.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import Any

from factlint import __version__
from factlint.detect.patterns import Compiled, PatternError, compile_pattern, parse_macros
from factlint.detect.prefilter import Indexed
from factlint.detect.quantities import parse_limit
from factlint.model import CATEGORIES, SEVERITIES, Evidence
from factlint.pack.graph import build_reasoning
from factlint.pack.model import (
    Claim,
    Context,
    Cue,
    Example,
    Pack,
    Quantity,
    Source,
    Trigger,
)
from factlint.pack.yamlio import LineDict, LineList, RuleError, load_yaml_file

_ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_PACK_KEYS = {
    "pack", "title", "version", "description", "subject", "macros", "sources", "context", "claims",
}
_CLAIM_KEYS = {
    "id", "statement", "status", "category", "severity", "message", "suggestion", "evidence",
    "negates", "contradicts", "implies", "quantity", "hedge", "unless", "supersedes", "cues",
    "examples", "doc",
}
_CONTEXT_KINDS = ("negation", "negation_wide", "hedge", "hedge_frequency", "doubt", "hypothetical", "comparison")
_DEFAULT_CONTEXT = Path(__file__).resolve().parent.parent / "data" / "context.yaml"


def _require(cond: bool, path: Path, line: int, message: str) -> None:
    if not cond:
        raise RuleError(path, line, message)


def _mapping(value: Any, path: Path, line: int, what: str) -> LineDict:
    _require(isinstance(value, dict), path, line, f"{what} must be a mapping")
    return value


def _strings(value: Any, path: Path, line: int, what: str) -> list[str]:
    if isinstance(value, str):
        return [value]
    _require(isinstance(value, list), path, line, f"{what} must be a list of strings")
    for i, item in enumerate(value):
        item_line = value.item_lines[i] if isinstance(value, LineList) else line
        _require(isinstance(item, str) and item.strip() != "", path, item_line, f"{what} must hold non-empty strings")
    return list(value)


def _unknown_keys(data: LineDict, allowed: set[str], path: Path, what: str) -> None:
    for key in data:
        if key not in allowed:
            near = ", ".join(sorted(allowed))
            raise RuleError(path, data.line_of(key), f"unknown key {key!r} in {what} (allowed: {near})")


def _compile(text: str, macros: dict[str, object], path: Path, line: int) -> Compiled:
    try:
        return compile_pattern(text, macros)
    except (PatternError, re.error) as exc:
        raise RuleError(path, line, f"bad pattern: {exc}") from None


def _pattern_list(value: Any, macros: dict[str, object], path: Path, line: int, what: str) -> list[Compiled]:
    items = _strings(value, path, line, what)
    lines = value.item_lines if isinstance(value, LineList) else [line] * len(items)
    return [_compile(t, macros, path, ln) for t, ln in zip(items, lines)]


def load_context(files: list[tuple[Path, LineDict]], macros: dict[str, object]) -> Context:
    """Merge context lists (engine defaults first, then each pack's additions) and compile."""
    triggers: list[Trigger] = []
    pseudo: list[Compiled] = []
    terminators: set[str] = set()
    windows: dict[str, int] = {}
    markers: set[str] = set()
    kind_terms: dict[str, set[str]] = {}
    kind_breaks: dict[str, list[Compiled]] = {}
    affirm: list[Compiled] = []
    deny: list[Compiled] = []
    rebut: list[Compiled] = []
    challenge: list[Compiled] = []
    filler: set[str] = set()
    support: set[str] = set()
    for path, data in files:
        _unknown_keys(data, {*_CONTEXT_KINDS, "pseudo", "terminators", "comparison_markers", "answers"},
                      path, "context")
        if "answers" in data:
            answers = _mapping(data["answers"], path, data.line_of("answers"), "context.answers")
            _unknown_keys(answers, {"affirm", "deny", "rebut", "challenge", "rebut_filler", "deny_support"}, path,
                          "context.answers")
            for key, words in (("rebut_filler", filler), ("deny_support", support)):
                if key in answers:
                    words |= {t.lower() for t in _strings(answers[key], path, answers.line_of(key), f"answers.{key}")}
            for key, bucket in (("affirm", affirm), ("deny", deny), ("rebut", rebut), ("challenge", challenge)):
                if key in answers:
                    bucket += _pattern_list(answers[key], macros, path, answers.line_of(key), f"answers.{key}")
        for kind in _CONTEXT_KINDS:
            if kind not in data:
                continue
            section = _mapping(data[kind], path, data.line_of(kind), f"context.{kind}")
            _unknown_keys(section, {"forward", "backward", "window", "terminators", "breaks"}, path, f"context.{kind}")
            if "breaks" in section:
                kind_breaks.setdefault(kind, []).extend(
                    _pattern_list(section["breaks"], macros, path, section.line_of("breaks"), f"context.{kind}.breaks"))
            if "terminators" in section:
                kind_terms.setdefault(kind, set()).update(
                    t.lower() for t in _strings(section["terminators"], path, section.line_of("terminators"),
                                                f"context.{kind}.terminators"))
            if "window" in section:
                win = section["window"]
                _require(isinstance(win, int) and 1 <= win <= 30, path, section.line_of("window"),
                         "window must be a whole number of words from 1 to 30")
                windows[kind] = win
            for direction in ("forward", "backward"):
                if direction in section:
                    for comp in _pattern_list(section[direction], macros, path, section.line_of(direction),
                                              f"context.{kind}.{direction}"):
                        triggers.append(Trigger(kind, direction, comp))
        if "pseudo" in data:
            pseudo += _pattern_list(data["pseudo"], macros, path, data.line_of("pseudo"), "context.pseudo")
        if "terminators" in data:
            terminators |= {t.lower() for t in _strings(data["terminators"], path, data.line_of("terminators"),
                                                        "context.terminators")}
        if "comparison_markers" in data:
            markers |= {t.lower() for t in _strings(data["comparison_markers"], path,
                                                    data.line_of("comparison_markers"), "comparison_markers")}
    return Context(Indexed(triggers), Indexed(pseudo), frozenset(terminators), windows, frozenset(markers),
                   {k: frozenset(v) for k, v in kind_terms.items()}, tuple(affirm), tuple(deny), tuple(rebut),
                   tuple(challenge), rebut_filler=frozenset(filler), deny_support=frozenset(support),
                   kind_breaks={k: Indexed(v) for k, v in kind_breaks.items()})


def _claim(data: Any, pack: str, path: Path, line: int, macros: dict[str, object],
           sources: dict[str, Source]) -> tuple[Claim, list[Cue]]:
    data = _mapping(data, path, line, "a claim")
    _unknown_keys(data, _CLAIM_KEYS, path, "a claim")
    for key in ("id", "statement", "status"):
        _require(key in data, path, data.line, f"claim is missing {key!r}")
    local = data["id"]
    _require(isinstance(local, str) and bool(_ID_RE.match(local)), path, data.line_of("id"),
             "claim id must be lower-case letters, digits and dashes")
    cid = f"{pack}.{local}"
    _require(isinstance(data["statement"], str) and data["statement"].strip() != "", path, data.line_of("statement"),
             "statement must be a non-empty string")
    status = data["status"]
    _require(status in ("established", "overclaim", "neutral"), path, data.line_of("status"),
             "status must be established, overclaim or neutral")
    category = data.get("category")
    severity = data.get("severity", "error")
    _require(severity in SEVERITIES, path, data.line_of("severity"), f"severity must be one of {', '.join(SEVERITIES)}")
    if status == "overclaim":
        _require(category in CATEGORIES, path, data.line_of("category") if "category" in data else data.line,
                 f"an overclaim needs a category, one of: {', '.join(CATEGORIES)}")
        for key in ("message", "suggestion"):
            _require(isinstance(data.get(key), str) and data[key].strip() != "", path, data.line,
                     f"an overclaim needs a {key}")
    elif category is not None:
        raise RuleError(path, data.line_of("category"), "only an overclaim has a category")
    evidence: list[Evidence] = []
    if "evidence" in data:
        ev_list = data["evidence"]
        _require(isinstance(ev_list, list), path, data.line_of("evidence"), "evidence must be a list")
        for i, ev in enumerate(ev_list):
            ev_line = ev_list.item_lines[i]
            ev = _mapping(ev, path, ev_line, "evidence")
            _unknown_keys(ev, {"source", "line", "quote"}, path, "evidence")
            # isinstance first: a list or mapping here is unhashable and would crash the lookup.
            _require(isinstance(ev.get("source"), str) and ev["source"] in sources, path, ev.line_of("source"),
                     f"evidence names unknown source {ev.get('source')!r}")
            _require(isinstance(ev.get("line"), int) and ev["line"] > 0, path, ev.line_of("line"),
                     "evidence line must be a positive whole number")
            _require(isinstance(ev.get("quote"), str) and len(ev["quote"].strip()) >= 8, path, ev.line_of("quote"),
                     "evidence quote must be a string of 8 characters or more")
            evidence.append(Evidence(ev["source"], ev["line"], " ".join(ev["quote"].split())))
    if status == "established":
        _require(bool(evidence), path, data.line, "an established claim needs evidence")

    def ref(key: str) -> tuple[str, ...]:
        if key not in data:
            return ()
        return tuple(f"{pack}.{r}" if "." not in r else r
                     for r in _strings(data[key], path, data.line_of(key), key))

    negates = ref("negates")
    _require(len(negates) <= 1, path, data.line_of("negates"), "negates names one claim")
    quantity = None
    if "quantity" in data:
        q = _mapping(data["quantity"], path, data.line_of("quantity"), "quantity")
        _unknown_keys(q, {"measure", "max", "supports"}, path, "quantity")
        _require(q.get("measure") in ("duration", "rate"), path, q.line_of("measure"),
                 "quantity.measure must be duration or rate")
        try:
            limit = parse_limit(str(q.get("max", "")), q["measure"])
        except ValueError as exc:
            raise RuleError(path, q.line_of("max"), f"quantity.max: {exc}") from None
        supports = q.get("supports")
        _require(supports is None or (isinstance(supports, str) and supports.strip() != ""), path,
                 q.line_of("supports"), "quantity.supports must name a claim")
        quantity = Quantity(q["measure"], limit, str(q["max"]),
                            f"{pack}.{supports}" if supports and "." not in supports else supports)
    hedge = data.get("hedge", "pass")
    _require(hedge in ("pass", "modal", "flag"), path, data.line_of("hedge"), "hedge must be pass, modal or flag")
    flag_ex: list[Example] = []
    pass_ex: list[Example] = []
    if "examples" in data:
        ex = _mapping(data["examples"], path, data.line_of("examples"), "examples")
        _unknown_keys(ex, {"flag", "pass"}, path, "examples")
        for key, out in (("flag", flag_ex), ("pass", pass_ex)):
            if key in ex:
                texts = _strings(ex[key], path, ex.line_of(key), f"examples.{key}")
                lines = ex[key].item_lines if isinstance(ex[key], LineList) else [ex.line_of(key)] * len(texts)
                out += [Example(t, ln) for t, ln in zip(texts, lines)]
    cues: list[Cue] = []
    if "cues" in data:
        for comp in _pattern_list(data["cues"], macros, path, data.line_of("cues"), "cues"):
            cues.append(Cue(cid, comp))
    unless = tuple(_pattern_list(data["unless"], macros, path, data.line_of("unless"), "unless")) \
        if "unless" in data else ()
    claim = Claim(
        id=cid, statement=str(data["statement"]).strip(), status=status, file=str(path), line=data.line,
        category=category, severity=severity, message=str(data.get("message", "")).strip(),
        suggestion=str(data.get("suggestion", "")).strip(), evidence=tuple(evidence),
        negates=negates[0] if negates else None, contradicts=ref("contradicts"), implies=ref("implies"),
        quantity=quantity, hedge=hedge, unless=unless, supersedes=ref("supersedes"),
        flag_examples=tuple(flag_ex), pass_examples=tuple(pass_ex), doc=str(data.get("doc", "")).strip(),
    )
    return claim, cues


def load_pack(root: str | Path, default_context: Path = _DEFAULT_CONTEXT) -> Pack:
    """Load, validate and compile the pack in directory ``root``."""
    root = Path(root)
    pack_file = root / "pack.yaml"
    if not pack_file.is_file():
        raise RuleError(root, None, "not a rule pack: pack.yaml is missing")
    data = _mapping(load_yaml_file(pack_file), pack_file, 1, "pack.yaml")
    _unknown_keys(data, _PACK_KEYS, pack_file, "pack.yaml")
    name = data.get("pack")
    _require(isinstance(name, str) and bool(_ID_RE.match(name or "")), pack_file, data.line_of("pack"),
             "pack must be a lower-case name")
    digest = hashlib.sha256(__version__.encode())
    files = [pack_file]
    try:
        raw_macros = data.get("macros", {}) or {}
        _mapping(raw_macros, pack_file, data.line_of("macros"), "macros")
        for key, value in raw_macros.items():
            where = raw_macros.line_of(key) if isinstance(raw_macros, LineDict) else data.line_of("macros")
            _require(isinstance(key, str) and isinstance(value, str) and value.strip() != "", pack_file, where,
                     f"macro {key!r} must be a non-empty pattern string")
        macros = parse_macros({k: str(v) for k, v in raw_macros.items()})
    except PatternError as exc:
        raise RuleError(pack_file, data.line_of("macros"), f"bad macro: {exc}") from None

    sources: dict[str, Source] = {}
    src_list = data.get("sources", []) or []
    _require(isinstance(src_list, list), pack_file, data.line_of("sources"), "sources must be a list")
    for i, s in enumerate(src_list):
        s = _mapping(s, pack_file, src_list.item_lines[i], "a source")
        _unknown_keys(s, {"id", "file", "title", "kind", "trust", "url"}, pack_file, "a source")
        for key in ("id", "file", "title", "kind", "trust"):
            _require(isinstance(s.get(key), str), pack_file, s.line, f"source is missing {key!r}")
        _require(s["id"] not in sources, pack_file, s.line_of("id"), f"duplicate source id {s['id']!r}")
        _require((root / s["file"]).is_file(), pack_file, s.line_of("file"), f"source file {s['file']!r} not found")
        _require(s["trust"] in ("high", "medium", "low"), pack_file, s.line_of("trust"),
                 "trust must be high, medium or low")
        sources[s["id"]] = Source(s["id"], s["file"], s["title"], s["kind"], s["trust"], s.get("url", ""))

    subject = _mapping(data.get("subject", LineDict()), pack_file, data.line_of("subject"), "subject")
    _unknown_keys(subject, {"terms", "others"}, pack_file, "subject")
    topic = Indexed(_pattern_list(subject.get("terms", []), macros, pack_file, subject.line_of("terms"), "subject.terms"))
    others = Indexed(_pattern_list(subject.get("others", []), macros, pack_file, subject.line_of("others"),
                                 "subject.others"))

    context_files = [(default_context, _mapping(load_yaml_file(default_context), default_context, 1, "context"))]
    if "context" in data:
        context_files.append((pack_file, _mapping(data["context"], pack_file, data.line_of("context"), "context")))
    context = load_context(context_files, macros)

    claims: dict[str, Claim] = {}
    cues: list[Cue] = []
    claim_globs = _strings(data.get("claims", []), pack_file, data.line_of("claims"), "claims")
    claim_files = sorted({p for g in claim_globs for p in root.glob(g)})
    _require(bool(claim_files), pack_file, data.line_of("claims"), "claims: no claim files matched")
    for cf in claim_files:
        files.append(cf)
        doc = _mapping(load_yaml_file(cf), cf, 1, "a claim file")
        _unknown_keys(doc, {"claims"}, cf, "a claim file")
        items = doc.get("claims")
        _require(isinstance(items, list), cf, doc.line, "a claim file holds a list under 'claims:'")
        for i, item in enumerate(items):
            claim, claim_cues = _claim(item, name, cf, items.item_lines[i], macros, sources)
            if claim.id in claims:
                other = claims[claim.id]
                raise RuleError(cf, claim.line, f"duplicate claim id {claim.id!r} (first at {other.file}:{other.line})")
            claims[claim.id] = claim
            cues += claim_cues
    for f in files:
        digest.update(f.read_bytes())
    digest.update(default_context.read_bytes())

    _check_references(claims)
    closure, conflicts, reporter, edges = build_reasoning(claims)

    vocabulary: set[str] = set()
    for cue in cues:
        vocabulary |= {w for w in cue.pattern.vocabulary if len(w) >= 6 and w.isalpha()}
    return Pack(
        name=name, title=str(data.get("title", name)), version=str(data.get("version", "1")), root=str(root),
        digest=digest.hexdigest(), claims=claims, sources=sources, cues=Indexed(cues),
        vocabulary=frozenset(vocabulary), context=context, topic=topic, others=others,
        closure=closure, conflicts=conflicts, reporter=reporter, edges=edges,
        files=tuple(str(f) for f in files),
        known_words=_known_words(context, topic, others),
    )


def _known_words(context: Context, topic: tuple[Compiled, ...], others: tuple[Compiled, ...]) -> frozenset[str]:
    """Real words the pack uses outside cues; the speller must never "correct" them into cue words."""
    patterns = [t.pattern for t in context.triggers] + [*context.pseudo, *context.affirm, *context.deny,
                                                       *context.rebut, *topic, *others,
                                                       *(p for ps in context.kind_breaks.values() for p in ps)]
    return frozenset(w for p in patterns for w in p.vocabulary)


def _check_references(claims: dict[str, Claim]) -> None:
    for c in claims.values():
        path = Path(c.file)
        for key, refs in (("negates", (c.negates,) if c.negates else ()), ("contradicts", c.contradicts),
                          ("implies", c.implies), ("supersedes", c.supersedes)):
            for r in refs:
                _require(r in claims, path, c.line, f"{c.id}: {key} names unknown claim {r!r}")
                _require(r != c.id, path, c.line, f"{c.id}: {key} names the claim itself")
        if c.quantity and c.quantity.supports:
            _require(c.quantity.supports in claims, path, c.line,
                     f"{c.id}: quantity.supports names unknown claim {c.quantity.supports!r}")
