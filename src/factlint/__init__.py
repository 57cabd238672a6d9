"""factlint: a claims-consistency linter for health marketing and educational text.

The public API is :func:`lint_text` and :func:`lint_paths`; both return :class:`Finding` values.
"""

__version__ = "0.1.0"

from factlint.api import LintResult, lint_paths, lint_text
from factlint.model import CATEGORIES, Evidence, Finding

__all__ = ["CATEGORIES", "Evidence", "Finding", "LintResult", "__version__", "lint_paths", "lint_text"]
