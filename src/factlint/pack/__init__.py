"""The rule pack: YAML claims and sources compiled into an immutable :class:`Pack`."""

from __future__ import annotations

from pathlib import Path

from factlint.pack.model import Claim, Pack
from factlint.pack.yamlio import RuleError


def bundled_pack_dir() -> Path:
    """The ketamine pack that ships with factlint (inside the wheel, or in a source checkout)."""
    here = Path(__file__).resolve().parent.parent
    for candidate in (here / "_rules" / "ketamine", here.parent.parent / "rules" / "ketamine"):
        if (candidate / "pack.yaml").is_file():
            return candidate
    raise RuleError(here, None, "the bundled rule pack is missing from this installation")


def load_pack_dir(root: str | Path | None = None) -> Pack:
    """Load a pack directory (the bundled pack by default), using the compiled-pack cache."""
    from factlint.pack.cache import load_cached

    return load_cached(Path(root) if root else bundled_pack_dir())


__all__ = ["Claim", "Pack", "RuleError", "bundled_pack_dir", "load_pack_dir"]
