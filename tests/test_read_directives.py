"""Comment bodies read as inline switches."""

from __future__ import annotations

import pytest

from factlint.read.directives import parse_directive
from factlint.read.document import Directive


@pytest.mark.parametrize(
    ("body", "action", "ids"),
    [
        ("factlint-disable", "disable", ()),
        ("factlint-enable", "enable", ()),
        ("factlint-disable cure", "disable", ("cure",)),
        ("factlint-disable-next-line cure, ketamine.non-addictive", "disable-next-line",
         ("cure", "ketamine.non-addictive")),
        ("factlint-disable-line no-addiction-risk", "disable-line", ("no-addiction-risk",)),
        ("factlint-disable cure durable-relief", "disable", ("cure", "durable-relief")),
        ("factlint-disable cure,durable-relief ,  x", "disable", ("cure", "durable-relief", "x")),
        ("  factlint-disable-next-line\n  cure,\n  durable-relief\n", "disable-next-line",
         ("cure", "durable-relief")),
        ("factlint-disable cure -- quoting a patient", "disable", ("cure",)),
        ("FACTLINT-DISABLE cure", "disable", ("cure",)),
    ],
)
def test_directives(body: str, action: str, ids: tuple[str, ...]) -> None:
    assert parse_directive(body, 3, 5) == Directive(action, ids, 3, 5)


@pytest.mark.parametrize(
    "body",
    [
        "",
        "just a comment",
        "factlint",
        "factlint-disabled",
        "factlint-disable-lines cure",
        "factlint-enabled",
        "TODO: factlint-disable cure",
        "eslint-disable",
    ],
)
def test_not_directives(body: str) -> None:
    assert parse_directive(body, 1, 1) is None
