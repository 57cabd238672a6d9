"""Shared fixtures: the bundled pack, compiled once per test session."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# Tests never read or write the user's compiled-pack cache.
os.environ["FACTLINT_CACHE_DIR"] = ""

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "rules" / "ketamine" / "sources"


@pytest.fixture(scope="session")
def packs():
    """The bundled pack, as lint_text expects it."""
    from factlint.pack import load_pack_dir

    return (load_pack_dir(),)


@pytest.fixture
def lint(packs):
    """Lint a text (as Markdown unless a path is given) with the bundled pack."""
    from factlint.api import lint_text

    def run(text: str, path: str = "draft.md"):
        return lint_text(text, path, packs=packs)

    return run
