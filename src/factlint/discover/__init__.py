"""Stage 1, discover: paths on the command line -> the files to lint."""

from factlint.discover.files import LINTED_SUFFIXES, DiscoveryError, discover

__all__ = ["LINTED_SUFFIXES", "DiscoveryError", "discover"]
