"""``factlint init``: write a commented ``.factlint.yaml`` and say what to do next."""

from __future__ import annotations

from pathlib import Path

from factlint.config import CONFIG_NAMES
from factlint.pack.yamlio import RuleError

#: The file ``factlint init`` writes. Every key is documented; only harmless defaults are active,
#: so the file changes nothing until someone edits it.
TEMPLATE = """\
# factlint configuration: see "Configuration" in the README.
# factlint finds this file by walking up from the first path it lints. Unknown keys are errors.

# Rules to run: rule ids (ketamine.cure), short names (cure) or categories. Default: all. The
# categories are cure, durable-relief, no-addiction-risk, absolute-safety, guaranteed-efficacy,
# regulatory-status, numeric-overstatement and inconsistency; `factlint explain cure` shows one.
# select: [cure, durable-relief, no-addiction-risk]

# Rules or categories to skip.
# ignore: [ketamine.safe-unqualified]

# Override a severity per category or rule (error, warning, info, or off to disable).
# severity:
#   numeric-overstatement: warning
#   inconsistency: info

# Which files to lint, as gitignore-style globs relative to where factlint runs. .gitignore'd
# files, .git and node_modules are always skipped.
# include: ["content/**/*.md", "public/**/*.html"]
# exclude: ["content/archive/"]

# Extra rule packs (directories with a pack.yaml), relative to this file.
# packs: [rules/my-pack]
# bundled-pack: true        # false: lint with your packs only

# The lowest severity that makes `factlint check` exit with 1 (error, warning or info).
fail-on: warning

# Known findings that should not fail the gate, written by
#   factlint baseline write .factlint-baseline.json .
# Only findings that are not in it are reported. Path relative to this file.
# baseline: .factlint-baseline.json
"""

NEXT_STEPS = """\
Wrote {name}. Next steps:
  1. factlint check .                                   see what factlint finds today
  2. factlint baseline write .factlint-baseline.json .  optional: record today's findings, then
     uncomment `baseline:` in {name} so that only new findings fail
  3. add the pre-commit hook or a CI job (GitHub Actions, GitLab CI): see the README
  4. factlint explain cure                              what a rule checks and its evidence
"""


class InitError(RuleError):
    """``factlint init`` cannot write the file (it exists, or the directory is not writable)."""


def init_config(directory: Path) -> str:
    """Write ``.factlint.yaml`` in ``directory`` and return the next-steps text.

    Never overwrites: an existing configuration (``.factlint.yaml`` or ``.factlint.yml``) is an
    :class:`InitError`, because it may hold choices someone made on purpose.
    """
    for name in CONFIG_NAMES:
        if (directory / name).exists():
            raise InitError(name, None, "already exists; not overwritten (edit it, or delete it and run init again)")
    target = directory / CONFIG_NAMES[0]
    try:
        # "x": fails if the file appeared since the check above, instead of overwriting it.
        with target.open("x", encoding="utf-8") as fh:
            fh.write(TEMPLATE)
    except FileExistsError:
        raise InitError(CONFIG_NAMES[0], None, "already exists; not overwritten") from None
    except OSError as exc:
        raise InitError(CONFIG_NAMES[0], None, f"cannot write: {exc.strerror or exc}") from None
    return NEXT_STEPS.format(name=CONFIG_NAMES[0])
