"""A cache of compiled packs, keyed on the pack's files and factlint's version.

Compiling parses YAML and builds the claim graph with networkx; a cached pack is one pickle load.
The key is a hash of every file's bytes, so editing a rule invalidates it. The cache is an
optimisation only: any problem reading or writing it falls back to compiling.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from pathlib import Path

from factlint import __version__
from factlint.pack.model import Pack


def _cache_dir() -> Path | None:
    env = os.environ.get("FACTLINT_CACHE_DIR")
    if env == "":
        return None
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "factlint"


def _key(root: Path) -> str:
    h = hashlib.sha256(__version__.encode())
    ctx = Path(__file__).resolve().parent.parent / "data" / "context.yaml"
    files = sorted(p for p in root.rglob("*.yaml") if p.is_file()) + [ctx]
    for p in files:
        h.update(str(p.relative_to(root) if p.is_relative_to(root) else p.name).encode())
        h.update(p.read_bytes())
    return h.hexdigest()[:32]


def load_cached(root: Path) -> Pack:
    """The compiled pack for ``root``, from the cache when it is fresh."""
    from factlint.pack.load import load_pack

    cache = _cache_dir()
    if cache is None:
        return load_pack(root)
    try:
        key = _key(root)
    except OSError:
        return load_pack(root)
    target = cache / f"pack-{key}.pickle"
    try:
        with open(target, "rb") as fh:
            pack = pickle.load(fh)
        if isinstance(pack, Pack) and pack.root == str(root):
            return pack
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError):
        pass
    pack = load_pack(root)
    try:
        cache.mkdir(parents=True, exist_ok=True)
        tmp = target.with_suffix(f".{os.getpid()}.tmp")
        with open(tmp, "wb") as fh:
            pickle.dump(pack, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, target)
    except OSError:
        pass
    return pack
