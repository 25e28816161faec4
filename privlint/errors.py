"""Errors that stop a run: bad configuration, bad rule files, bad usage (exit code 2)."""

from __future__ import annotations


class PrivlintError(Exception):
    """An error the user must fix before privlint can run; reported with exit code 2."""

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None) -> None:
        self.message = message
        self.path = path
        self.line = line
        super().__init__(str(self))

    def __str__(self) -> str:
        where = ""
        if self.path:
            where = f"{self.path}:{self.line}: " if self.line else f"{self.path}: "
        return f"{where}{self.message}"


class ConfigError(PrivlintError):
    """A problem in ``[tool.privlint]`` or in a command-line option."""


class RuleError(PrivlintError):
    """A rule pack, sink catalogue or taxonomy file that cannot be loaded or is invalid."""
