"""The speed benchmark: factlint against the one-regex floor and proselint, side by side.

One command, run with the project's venv (its ``factlint`` and its Python are the ones measured)::

    .venv/bin/python bench/run.py            # about five minutes, most of it proselint
    .venv/bin/python bench/run.py --big      # adds a 50 MB file and a 20,000-file tree

Every measurement is a separate process, timed from start to exit; peak memory is the child's
maximum resident set size as the kernel reports it (``wait4``; for ``-j 0`` the largest single
process, not the sum of the workers). The tools run in alternation, round after round, so that a
change in the machine's load hits all of them alike; the figures are medians over the rounds.

The one-regex floor (``bench/floor.py``) reads every file and runs one alternation of the rule
pack's anchor words over it: no linter in Python that reads every file can be much faster.
proselint is installed into ``bench/.venv-proselint`` the first time (``python -m venv`` and
``pip install proselint``); when that fails the benchmark says so and goes on without it.

The corpora come from ``bench/generate.py`` (seeded, so every run lints the same bytes) and are
kept under ``bench/out/``. factlint runs with its compiled-pack cache in ``bench/out/cache`` and
warm (one run before timing), as it is in daily use; a cold start is reported once. Every Python
process keeps its bytecode (``bench/out/pycache``), as an installed package does.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from generate import generate  # noqa: E402  (bench/ is not a package)

PROSELINT_VENV = HERE / ".venv-proselint"


@dataclass
class Runs:
    """Every timing of one command: wall seconds, CPU seconds and peak RSS in KiB per run."""

    name: str
    wall: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)
    rss: list[int] = field(default_factory=list)

    @property
    def median(self) -> float:
        """Median wall time in seconds."""
        return statistics.median(self.wall)

    @property
    def peak_mib(self) -> float:
        """Largest peak RSS over the runs, in MiB."""
        return max(self.rss) / 1024


def run_once(argv: list[str], env: dict[str, str], out: Path | None = None, ok: tuple[int, ...] = (0, 1)) -> tuple[float, float, int]:
    """Run ``argv`` to completion; return (wall seconds, CPU seconds, peak RSS KiB).

    The process is reaped with ``wait4`` so that its own resource usage (and that of the children
    it waited for) is read, not the sum over everything this script started.
    """
    stdout = open(out, "wb") if out else subprocess.DEVNULL  # noqa: SIM115 - closed below
    try:
        start = time.perf_counter()
        proc = subprocess.Popen(argv, stdout=stdout, stderr=subprocess.PIPE, env=env, cwd=ROOT)
        # Drain stderr so that a chatty tool cannot block on a full pipe.
        err = proc.stderr.read() if proc.stderr else b""
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
    finally:
        if out:
            stdout.close()  # type: ignore[union-attr]
    if proc.returncode not in ok:
        raise RuntimeError(f"{' '.join(argv)} exited with {proc.returncode}: {err.decode(errors='replace')[-500:]}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss


def measure(commands: dict[str, tuple[list[str], dict[str, str]]], rounds: int,
            limit: dict[str, int] | None = None, outputs: Path | None = None) -> dict[str, Runs]:
    """Run every command ``rounds`` times, alternating, rotating the order every round.

    ``limit`` caps the rounds of slow commands; ``outputs`` keeps each command's first output.
    """
    runs = {name: Runs(name) for name in commands}
    names = list(commands)
    for r in range(rounds):
        order = names[r % len(names):] + names[:r % len(names)]
        for name in order:
            if limit and r >= limit.get(name, rounds):
                continue
            argv, env = commands[name]
            out = outputs / f"{name.replace(' ', '_')}.out" if outputs and r == 0 else None
            wall, cpu, rss = run_once(argv, env, out)
            runs[name].wall.append(wall)
            runs[name].cpu.append(cpu)
            runs[name].rss.append(rss)
    return runs


def corpus(out: Path, files: int, kind: str = "md", file_kb: float = 10.0, seed: int = 1) -> tuple[Path, int, int]:
    """A generated corpus under ``out`` (made once, reused while its parameters stay the same)."""
    stamp = out / ".params.json"
    params = {"files": files, "kind": kind, "file_kb": file_kb, "seed": seed,
              "generator": (HERE / "generate.py").stat().st_mtime_ns}
    if stamp.is_file() and json.loads(stamp.read_text()) == params:
        size = sum(p.stat().st_size for p in out.rglob("*") if p.is_file() and p.name != ".params.json")
        return out, files, size
    if out.exists():
        shutil.rmtree(out)
    n, size = generate(out, files, kind, file_kb, seed)
    stamp.write_text(json.dumps(params))
    return out, n, size


def ensure_proselint(python: str) -> str | None:
    """The proselint executable of bench's own venv, installing it on first use; None if impossible."""
    exe = PROSELINT_VENV / "bin" / "proselint"
    if exe.exists():
        return str(exe)
    try:
        subprocess.run([python, "-m", "venv", str(PROSELINT_VENV)], check=True, capture_output=True)
        subprocess.run([str(PROSELINT_VENV / "bin" / "python"), "-m", "pip", "install", "-q", "proselint"],
                       check=True, capture_output=True, timeout=600)
    except (subprocess.SubprocessError, OSError) as exc:
        detail = getattr(exc, "stderr", b"") or b""
        print(f"proselint is not installable here ({type(exc).__name__}: {detail.decode(errors='replace')[-300:].strip()});"
              " going on without it.")
        return None
    return str(exe) if exe.exists() else None


def anchor_words(python: str, env: dict[str, str], target: Path) -> int:
    """Write the bundled pack's anchor words, one per line, for the floor; return how many."""
    code = (
        "from factlint.api import load_packs\nfrom factlint.config import Config\n"
        "print('\\n'.join(sorted({w for p in load_packs(Config()) for c in p.cues for w in (c.pattern.anchors or ()) })))"
    )
    words = subprocess.run([python, "-c", code], check=True, capture_output=True, text=True, env=env).stdout.split()
    target.write_text("\n".join(words) + "\n", encoding="utf-8")
    return len(words)


def mb(size: int) -> float:
    """Bytes to megabytes (10^6, as MB/s figures are usually quoted)."""
    return size / 1e6


def row(name: str, r: Runs, size: int, files: int) -> str:
    """One line of a results table."""
    med = r.median
    rate = f"{files / med:8.0f} files/s" if files > 1 else " " * 16
    return (f"  {name:<24} {med:8.2f} s  {mb(size) / med:7.2f} MB/s  {rate}  "
            f"cpu {statistics.median(r.cpu):7.2f} s  peak {r.peak_mib:6.0f} MiB  (n={len(r.wall)})")


def verdict(ok: bool) -> str:
    """How a goal line reads."""
    return "holds" if ok else "NOT MET"


def main() -> None:
    """Generate the corpora, run the measurements, print the report."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=5, help="rounds per measurement (default 5)")
    ap.add_argument("--proselint-rounds", type=int, default=3, help="rounds for proselint, the slowest (default 3)")
    ap.add_argument("--files", type=int, default=500, help="Markdown files in the main corpus (default 500)")
    ap.add_argument("--no-proselint", action="store_true", help="skip proselint")
    ap.add_argument("--big", action="store_true", help="also a single 50 MB file and a 20,000-file tree (slow)")
    ap.add_argument("--out", type=Path, default=HERE / "out", help="work directory (default bench/out)")
    ap.add_argument("--json", type=Path, default=None, help="also write the figures to this JSON file")
    args = ap.parse_args()

    python = sys.executable
    bindir = Path(python).parent
    factlint = str(bindir / "factlint")
    if not Path(factlint).exists():
        sys.exit(f"no factlint next to {python}: run this with the project's venv (.venv/bin/python bench/run.py)")
    work = args.out
    work.mkdir(parents=True, exist_ok=True)
    outputs = work / "outputs"
    outputs.mkdir(exist_ok=True)
    env = dict(os.environ, FACTLINT_CACHE_DIR=str(work / "cache"), NO_COLOR="1",
               PYTHONPYCACHEPREFIX=str(work / "pycache"))
    # Compiled bytecode is kept, as in any installed package (pip compiles it at install time);
    # without it every start would compile factlint's sources again. It goes under bench/out.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.pop("PYTHONPATH", None)
    results: dict[str, object] = {}

    main_dir, main_files, main_size = corpus(work / f"corpus-md-{args.files}", args.files)
    big4_dir, big4_files, big4_size = corpus(work / f"corpus-md-{4 * args.files}", 4 * args.files, seed=2)
    one_dir, _, one_size = corpus(work / "one-5kb", 1, file_kb=5.0, seed=3)
    one_file = next(one_dir.rglob("*.md"))
    anchors = work / "anchors.txt"
    n_words = anchor_words(python, env, anchors)

    # Warm the compiled-pack cache; time one cold start (no cache) for the record.
    shutil.rmtree(work / "cache", ignore_errors=True)
    cold = run_once([factlint, "check", "--format", "json", str(one_file)], env)
    run_once([factlint, "check", "--format", "json", str(one_file)], env)

    load = os.getloadavg()
    print(f"factlint speed benchmark, {datetime.date.today().isoformat()}")
    print(f"Python {platform.python_version()} on {platform.system()} {platform.machine()}, "
          f"{os.cpu_count()} CPUs, load average at start {load[0]:.2f}")
    print(f"{args.rounds} alternating rounds, medians; floor = one regex of the pack's {n_words} anchor words\n")

    # -- the main corpus ----------------------------------------------------------------------
    commands: dict[str, tuple[list[str], dict[str, str]]] = {
        "factlint -j 1": ([factlint, "check", "--format", "json", "-j", "1", str(main_dir)], env),
        "factlint -j 0": ([factlint, "check", "--format", "json", "-j", "0", str(main_dir)], env),
        "one-regex floor": ([python, str(HERE / "floor.py"), "--words", str(anchors), str(main_dir)], env),
    }
    limit: dict[str, int] = {}
    proselint = None if args.no_proselint else ensure_proselint(python)
    if proselint:
        commands["proselint 0.16"] = ([proselint, "check", "-o", "json", str(main_dir)], env)
        limit["proselint 0.16"] = args.proselint_rounds
    elif not args.no_proselint:
        print("proselint: not available, its column is left out\n")
    runs = measure(commands, args.rounds, limit, outputs)
    same = (outputs / "factlint_-j_1.out").read_bytes() == (outputs / "factlint_-j_0.out").read_bytes()
    where = main_dir.relative_to(ROOT) if main_dir.is_relative_to(ROOT) else main_dir
    print(f"{main_files} Markdown files, {mb(main_size):.2f} MB ({where})")
    for name, r in runs.items():
        print(row(name, r, main_size, main_files))
    floor = runs["one-regex floor"].median
    j1, j0 = runs["factlint -j 1"].median, runs["factlint -j 0"].median
    best = min(j1, j0)
    print(f"  -j 0 output identical to -j 1: {'yes' if same else 'NO'}")
    print(f"  factlint / floor: -j 1 {j1 / floor:.2f}x, -j 0 {j0 / floor:.2f}x")
    results["main"] = {"files": main_files, "bytes": main_size, "runs": {k: vars(v) for k, v in runs.items()}}
    if "proselint 0.16" in runs:
        pl = runs["proselint 0.16"].median
        print(f"  proselint / factlint: -j 1 {pl / j1:.1f}x, -j 0 {pl / j0:.1f}x")

    # -- the pre-commit case --------------------------------------------------------------------
    small = measure({
        "factlint, one file": ([factlint, "check", "--format", "json", str(one_file)], env),
        'python -c "import click, yaml"': ([python, "-c", "import click, yaml"], env),
    }, max(args.rounds, 15))
    f1 = small["factlint, one file"].median
    base = small['python -c "import click, yaml"'].median
    print(f"\nPre-commit case: one {one_size / 1024:.1f} KB Markdown file")
    for name, r in small.items():
        print(f"  {name:<32} {r.median * 1000:7.0f} ms  peak {r.peak_mib:5.0f} MiB  (n={len(r.wall)})")
    print(f"  ratio {f1 / base:.2f}x; cold start without the pack cache: {cold[0] * 1000:.0f} ms")
    results["precommit"] = {"runs": {k: vars(v) for k, v in small.items()}, "cold": cold[0]}

    # -- scaling and memory -----------------------------------------------------------------------
    big4 = measure({
        "factlint -j 1": ([factlint, "check", "--format", "json", "-j", "1", str(big4_dir)], env),
        "factlint -j 0": ([factlint, "check", "--format", "json", "-j", "0", str(big4_dir)], env),
    }, max(3, args.rounds // 2))
    s1 = big4["factlint -j 1"].median / j1
    s0 = big4["factlint -j 0"].median / j0
    print(f"\n4x corpus: {big4_files} Markdown files, {mb(big4_size):.2f} MB")
    for name, r in big4.items():
        print(row(name, r, big4_size, big4_files))
    print(f"  time ratio to the 1x corpus: -j 1 {s1:.2f}x, -j 0 {s0:.2f}x")
    results["scaling"] = {"files": big4_files, "bytes": big4_size, "runs": {k: vars(v) for k, v in big4.items()}}

    # -- big inputs (optional) --------------------------------------------------------------------
    if args.big:
        huge_dir, _, huge_size = corpus(work / "one-50mb", 1, file_kb=50 * 1024, seed=4)
        tree_dir, tree_files, tree_size = corpus(work / "tree-20000", 20000, kind="mixed", file_kb=4.0, seed=5)
        for label, d, files, size in (("one 50 MB Markdown file", huge_dir, 1, huge_size),
                                      (f"{tree_files}-file tree (Markdown and HTML)", tree_dir, tree_files, tree_size)):
            cmds = {
                "factlint -j 1": ([factlint, "check", "--format", "json", "-j", "1", str(d)], env),
                "one-regex floor": ([python, str(HERE / "floor.py"), "--words", str(anchors), str(d)], env),
            }
            if files > 1:
                cmds["factlint -j 0"] = ([factlint, "check", "--format", "json", "-j", "0", str(d)], env)
            big = measure(cmds, 1)
            print(f"\n{label}: {mb(size):.1f} MB")
            for name, r in big.items():
                print(row(name, r, size, files))
            results[label] = {"files": files, "bytes": size, "runs": {k: vars(v) for k, v in big.items()}}

    # -- goals ------------------------------------------------------------------------------------
    peak2000 = max(big4["factlint -j 1"].peak_mib, big4["factlint -j 0"].peak_mib)
    print("\nGoals")
    print(f"  {main_files} files at most 2x the floor:        {best / floor:5.2f}x  {verdict(best <= 2 * floor)}")
    if "proselint 0.16" in runs:
        pl = runs["proselint 0.16"].median
        print(f"  at least 15x faster than proselint:     {pl / best:5.1f}x  {verdict(pl >= 15 * best)}")
    print(f"  one file at most 1.5x import click, yaml: {f1 / base:5.2f}x  {verdict(f1 <= 1.5 * base)}")
    # Judged on -j 1: one process measures how the work grows; with -j 0 the fixed cost of starting
    # the workers makes small corpora look worse and large ones better than the work itself.
    print(f"  4x corpus at most 4.4x the time (-j 1): {s1:5.2f}x  {verdict(s1 <= 4.4)}")
    print(f"  peak memory under 150 MiB on {big4_files} files: {peak2000:5.0f} MiB  {verdict(peak2000 < 150)}")
    if args.json:
        args.json.write_text(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
