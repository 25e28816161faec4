"""A progress line on a terminal (files done, findings so far); silent when not a TTY or under CI."""

from __future__ import annotations

import os
import time
from typing import Mapping, TextIO


def wanted(stream: TextIO, environ: Mapping[str, str] | None = None) -> bool:
    """Show progress only on an interactive stream and outside CI (the ``CI`` variable set to anything)."""
    environ = os.environ if environ is None else environ
    if environ.get("CI"):
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


class ProgressLine:
    """Rewrites one status line in place, at most every ``interval`` seconds; ``close`` erases it."""

    def __init__(self, stream: TextIO, *, interval: float = 0.1, clock=time.monotonic) -> None:
        self.stream = stream
        self.interval = interval
        self.clock = clock
        self.last = float("-inf")
        self.width = 0

    def __call__(self, files_done: int, findings_so_far: int) -> None:
        now = self.clock()
        if now - self.last < self.interval:
            return
        self.last = now
        text = (f"privlint: {files_done} file{'s' if files_done != 1 else ''} scanned, "
                f"{findings_so_far} finding{'s' if findings_so_far != 1 else ''} so far")
        self.stream.write("\r" + text.ljust(self.width))
        self.stream.flush()
        self.width = len(text)

    def close(self) -> None:
        """Erase the line so that the report starts on a clean line."""
        if self.width:
            self.stream.write("\r" + " " * self.width + "\r")
            self.stream.flush()
            self.width = 0
