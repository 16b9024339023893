"""Progress lines for long builds: on a terminal only, never in CI or in logs.

A national site renders tens of thousands of pages; a person waiting at a terminal
sees how far the build is. Output goes to stderr and only when stderr is a TTY and
the CI variable is not set, so logs and tests stay quiet.
"""

from __future__ import annotations

import os
import sys
import time


def enabled() -> bool:
    """True when progress lines should be shown."""
    return sys.stderr.isatty() and not os.environ.get("CI")


class Progress:
    """Counts steps of one stage and rewrites a single status line every `every` steps."""

    def __init__(self, label: str, total: int, every: int = 200) -> None:
        self.label, self.total, self.every = label, total, every
        self.count = 0
        self.shown = -1
        self.started = time.perf_counter()
        self.on = enabled()

    def step(self, n: int = 1) -> None:
        """Advance by n; print when a multiple of `every` is crossed."""
        before = self.count
        self.count += n
        if self.on and (self.count // self.every > before // self.every
                        or self.count == self.total):
            self._line()

    def _line(self, end: str = "") -> None:
        self.shown = self.count
        secs = time.perf_counter() - self.started
        sys.stderr.write(f"\r{self.label}: {self.count}/{self.total} ({secs:.0f} с){end}")
        sys.stderr.flush()

    def done(self) -> None:
        """Finish the line (with the final count, unless it is already on it)."""
        if self.on and self.shown == self.count:
            sys.stderr.write("\n")
            sys.stderr.flush()
        elif self.on:
            self._line("\n")


def stage(label: str) -> float:
    """Announce the start of a stage without a count; returns its start time."""
    if enabled():
        sys.stderr.write(f"{label}…\n")
        sys.stderr.flush()
    return time.perf_counter()


def stage_done(label: str, started: float) -> None:
    """Announce the end of a stage with its duration."""
    if enabled():
        sys.stderr.write(f"{label}: готово за {time.perf_counter() - started:.0f} с\n")
        sys.stderr.flush()
