"""Errors the CLI reports as one line with exit code 2."""

from factlint.pack.yamlio import RuleError


class UnknownId(RuleError):
    """An id given on the command line names no rule or claim."""

    def __init__(self, message: str) -> None:
        super().__init__("factlint", None, message)
        self.args = (message,)

    def __str__(self) -> str:
        return self.message
