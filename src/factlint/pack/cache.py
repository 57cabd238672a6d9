"""A cache of compiled packs, keyed on the pack's files, factlint's code and the Python version.

Compiling parses YAML and builds the claim graph with networkx; a cached pack is one pickle load,
and a run that finds its pack here imports neither (nor the compiler in ``pack.load``). The key is
a hash of every rule file's bytes, so editing a rule invalidates it, and of the size and time of
every module of factlint, so a changed compiler never serves a pack compiled by the old one. The
cache is an optimisation only: any problem reading or writing it falls back to compiling.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
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


def _code_stamp() -> bytes:
    """Size and modification time of every module of factlint (cheap: no file is read)."""
    package = Path(__file__).resolve().parent.parent
    parts = [sys.version]
    for dirpath, dirnames, filenames in os.walk(package):
        dirnames[:] = sorted(d for d in dirnames if d != "__pycache__")
        for name in sorted(filenames):
            if name.endswith(".py"):
                st = os.stat(os.path.join(dirpath, name))
                parts.append(f"{os.path.relpath(os.path.join(dirpath, name), package)}:{st.st_size}:{st.st_mtime_ns}")
    return "\n".join(parts).encode()


def _key(root: Path) -> str:
    h = hashlib.sha256(__version__.encode())
    h.update(_code_stamp())
    ctx = Path(__file__).resolve().parent.parent / "data" / "context.yaml"
    files = sorted(p for p in root.rglob("*.yaml") if p.is_file()) + [ctx]
    for p in files:
        h.update(str(p.relative_to(root) if p.is_relative_to(root) else p.name).encode())
        h.update(p.read_bytes())
    return h.hexdigest()[:32]


def load_cached(root: Path) -> Pack:
    """The compiled pack for ``root``, from the cache when it is fresh."""
    cache = _cache_dir()
    if cache is None:
        return _compile(root)
    try:
        key = _key(root)
    except OSError:
        return _compile(root)
    target = cache / f"pack-{key}.pickle"
    try:
        with open(target, "rb") as fh:
            pack = pickle.load(fh)
        if isinstance(pack, Pack) and pack.root == str(root):
            return pack
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError):
        pass
    pack = _compile(root)
    try:
        cache.mkdir(parents=True, exist_ok=True)
        tmp = target.with_suffix(f".{os.getpid()}.tmp")
        with open(tmp, "wb") as fh:
            pickle.dump(pack, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, target)
    except OSError:
        pass
    return pack


def _compile(root: Path) -> Pack:
    # Imported here: the compiler pulls in YAML parsing and networkx, which a cached run skips.
    from factlint.pack.load import load_pack

    return load_pack(root)
