"""The rule pack: evidence verified, examples behave, errors point at file:line, engine is neutral."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from factlint.api import lint_paths, lint_text
from factlint.cli import main
from factlint.detect.patterns import compile_pattern
from factlint.pack.load import load_pack
from factlint.pack.yamlio import RuleError

ROOT = Path(__file__).resolve().parent.parent
GLIMMEROL = ROOT / "fixtures" / "packs" / "glimmerol"


def test_rules_verify_passes():
    r = CliRunner().invoke(main, ["rules", "verify"])
    assert r.exit_code == 0, r.output


def test_rules_test_passes():
    r = CliRunner().invoke(main, ["rules", "test"])
    assert r.exit_code == 0, r.output
    assert ", 0 failed" in r.output


def test_every_overclaim_rule_has_five_flag_and_five_pass_examples(packs):
    for claim in packs[0].claims.values():
        if claim.status == "overclaim":
            assert len(claim.flag_examples) >= 5 and len(claim.pass_examples) >= 5, claim.id


def test_verify_reports_a_wrong_line_and_a_missing_quote(tmp_path):
    pack = tmp_path / "pack"
    shutil.copytree(GLIMMEROL, pack)
    claims = pack / "claims" / "claims.yaml"
    claims.write_text(claims.read_text().replace("line: 4", "line: 5"), encoding="utf-8")
    r = CliRunner().invoke(main, ["rules", "verify", "--rules", str(pack)])
    assert r.exit_code == 1
    assert "claims.yaml:2: glimmerol.short-relief: quote is on line 4 of leaflet, not line 5" in r.output
    claims.write_text(claims.read_text().replace(
        "Most people notice less itching for two or three days after each application.",
        "Glimmerol cures every rash on the very first day."), encoding="utf-8")
    r = CliRunner().invoke(main, ["rules", "verify", "--rules", str(pack)])
    assert "quote not found in leaflet" in r.output


@pytest.mark.parametrize(
    ("old", "new", "line", "message"),
    [
        ("status: overclaim", "status: overclaimed", 12, "status must be established, overclaim or neutral"),
        ("contradicts: [short-relief]", "contradicts: [nothing-here]", 11, "contradicts names unknown claim"),
        ("    category: durable-relief", "    category: durable-relief\n    colour: red", 14, "unknown key 'colour'"),
        ('"permanent (relief|cure)"', '"permanent (relief|cure"', 20, "bad pattern: missing ')'"),
        ("  - id: permanent-relief", "  - id: short-relief", 11, "duplicate claim id"),
        ("claims:\n", "claims:\n  - [", 2, "invalid YAML"),
        # Wrong types: a list where a name or a text belongs must not crash the loader.
        ("      - source: leaflet", "      - source: [leaflet]", 6, "evidence names unknown source ['leaflet']"),
        ("statement: Glimmerol ends itching for good.", "statement: [ends, itching]", 14,
         "statement must be a non-empty string"),
        ("    contradicts: [short-relief]\n", "    contradicts: [short-relief]\n    quantity: {measure: duration, "
         "max: 3 days, supports: 5}\n", 16, "quantity.supports must name a claim"),
        ("    message:", "    severity: 3\n    message:", 16, "severity must be one of error, warning, info"),
        # Dangling edges.
        ("    contradicts: [short-relief]\n", "    contradicts: [short-relief]\n    supersedes: [ghost]\n", 11,
         "supersedes names unknown claim 'glimmerol.ghost'"),
        # Regular-expression syntax, and patterns whose matching could explode (see test_cue_safety.py).
        ('"permanent (relief|cure)"', '"permanent (relief|cure)+"', 20, "'+' is not a word"),
        ('"permanent (relief|cure)"', '"permanent ...12 ...12 ...12 ...12 ...12 (relief|cure)"', 20,
         "pattern can match one place in up to 371,293 ways (limit 4,096)"),
        ('"permanent (relief|cure)"', '"permanent [a] [a] [a] [a] [a] [a] [a] [a] [a] [a] [a] [a] [a] (relief|cure)"',
         20, "pattern can match one place in up to 8,192 ways"),
        # Characters YAML refuses, and tags that would run code.
        ("claims:\n", "claims:\x00\n", 1, "invalid YAML: character U+0000 is not allowed"),
        ("  - id: permanent-relief", "  - id: !!python/object/apply:os.system ['true']", 11,
         "could not determine a constructor for the tag 'tag:yaml.org,2002:python/object/apply:os.system'"),
    ],
)
def test_rule_errors_name_file_and_line(tmp_path, old, new, line, message):
    pack = tmp_path / "pack"
    shutil.copytree(GLIMMEROL, pack)
    claims = pack / "claims" / "claims.yaml"
    text = claims.read_text()
    assert old in text
    claims.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(RuleError) as err:
        load_pack(pack)
    assert str(err.value).startswith(f"{claims}:{line}: ")
    assert message in str(err.value)
    r = CliRunner().invoke(main, ["check", "--rules", str(pack), str(GLIMMEROL / "sources" / "leaflet.txt")])
    assert r.exit_code == 2 and "Traceback" not in r.output and message in r.output
    assert r.stderr == f"factlint: {err.value}\n"  # one line


@pytest.mark.parametrize(
    ("old", "new", "line", "message"),
    [
        ('itch: "(itch|itching|itchiness|eczema|rash)"', "itch:", 9, "macro 'itch' must be a non-empty pattern string"),
        ('itch: "(itch|itching|itchiness|eczema|rash)"', 'itch: "@scratch"\n  scratch: "@itch"', 8,
         "macros refer to each other in a cycle"),
        ("file: sources/leaflet.txt", "file: sources/nope.txt", 12, "source file 'sources/nope.txt' not found"),
        ("pack: glimmerol", "pack: !!python/object/apply:os.system ['true']", 2, "could not determine a constructor"),
        ("title: Glimmerol cream (test pack)", "title: Glimmerol cr\udce8me", 3, "not UTF-8: byte 0xe8"),
        ('  - "claims/*.yaml"', '  - "nothing/*.yaml"', 16, "claims: no claim files matched"),
        ('  others: ["(steroids|antihistamines)"]\n', "  others: [steroids]\ncontext: [negation]\n", 8,
         "context must be a mapping"),
        # The context keys a pack may add to: clause breaks and the words after a bare rebuttal.
        ('  others: ["(steroids|antihistamines)"]\n',
         '  others: [steroids]\ncontext:\n  negation:\n    breaks: ["(and it"]\n', 10, "bad pattern"),
        ('  others: ["(steroids|antihistamines)"]\n',
         '  others: [steroids]\ncontext:\n  answers:\n    rebut_filler: [""]\n', 10, "must hold non-empty strings"),
        ('  others: ["(steroids|antihistamines)"]\n',
         '  others: [steroids]\ncontext:\n  answers:\n    rebut_fillers: [so]\n', 10, "unknown key 'rebut_fillers'"),
    ],
)
def test_pack_file_errors_name_file_and_line(tmp_path, old, new, line, message):
    pack = tmp_path / "pack"
    shutil.copytree(GLIMMEROL, pack)
    pack_file = pack / "pack.yaml"
    text = pack_file.read_text("utf-8")
    assert old in text
    pack_file.write_bytes(text.replace(old, new, 1).encode("utf-8", "surrogateescape"))  # \udce8: a raw byte
    r = CliRunner().invoke(main, ["check", "--rules", str(pack), str(GLIMMEROL / "sources" / "leaflet.txt")])
    assert r.exit_code == 2 and "Traceback" not in r.output
    assert r.stderr.startswith(f"factlint: {pack_file}:{line}: ") and message in r.stderr
    assert len(r.stderr.splitlines()) == 1


def test_engine_is_domain_neutral():
    pack = load_pack(GLIMMEROL)
    found = lint_text("Glimmerol ends itching for good.\n\nKetamine cures CRPS.\n", "a.md", packs=(pack,))
    assert [(f.rule, f.line) for f in found] == [("glimmerol.permanent-relief", 1)]
    assert found[0].evidence[0].source == "leaflet"


def test_sources_check(packs):
    """The before-stop view: what factlint says about the five real sources."""
    result = lint_paths([str(p) for p in sorted((ROOT / "rules" / "ketamine" / "sources").glob("*.txt"))])
    by = {(Path(f.path).name[:3], f.line, f.category) for f in result.findings}
    assert ("004", 31, "regulatory-status") in by  # approved as an analgesic and antidepressant spray
    assert ("002", 40, "no-addiction-risk") in by  # "without the same risk of ... addiction"
    assert not any(f.line in (7, 9) and Path(f.path).name.startswith("003") and f.category != "inconsistency"
                   for f in result.findings)  # "not a cure", "lasting ... for as long as 3 weeks"
    for f in result.findings:
        assert f.evidence, f


@pytest.mark.parametrize(("pattern", "text", "hit"), [
    # A hyphenated word is tokenised with the hyphen apart; an inflected one inflects its last part.
    ("every ...2 top-up~", " every few top - ups . ", True),
    ("every ...2 top-up~", " every few topups . ", True),
    ("every ...2 top-up~", " every few top ups . ", True),
    ("top-up~ (needed|required)", " top - up needed . ", True),
    ("non-responder~", " non - responders . ", True),
    ("top-up~", " top - upper . ", False),
])
def test_hyphenated_words_match_their_tokens(pattern, text, hit):
    assert bool(compile_pattern(pattern, {}).regex.search(text)) is hit
