"""The search index in a process of its own, forked as soon as the content is linked.

The index needs only the linked content (the graph), not the page plan. While the worker
plans the pages — when the second core would otherwise wait for the helper to be forked —
a child forked from the worker builds the index and writes it into the site
(finish.Pages.search); it sends back what it counted and when it ended. The child stops
when the worker is gone. Nothing here imports MkDocs.
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import os
import signal
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from shnor_site.build import profiling
from shnor_site.build.parallel import HelperFailed, forked_end


def room_for_a_copy(factor: float = 2.0) -> bool:
    """True when the machine has room for a child that writes to every page it inherits
    (the reference counts of the content it reads): at least `factor` × this process's
    resident memory available (Linux; True where that cannot be read)."""
    try:
        info = Path("/proc/meminfo").read_text(encoding="ascii")
        status = Path("/proc/self/status").read_text(encoding="ascii")
        available = int(info.split("MemAvailable:")[1].split()[0])
        resident = int(status.split("VmRSS:")[1].split()[0])
    except (OSError, IndexError, ValueError):
        return True
    return available >= factor * resident


class ParentGone(Exception):
    """The worker that forked this child has ended."""


class SearchChild:
    """A forked process running `build()`, which returns counts for the build's report."""

    def __init__(self, build: Callable[[], dict[str, int]],
                 describe: Callable[[BaseException], str]) -> None:
        receiver, sender = multiprocessing.Pipe(duplex=False)
        parent = os.getpid()
        # What exists now (the content, its graph) lives as long as this process: the
        # cycle collector of neither process need scan it again (nor the child touch it).
        gc.freeze()
        self.pid = os.fork()
        if self.pid == 0:
            profiling.restart()
            receiver.close()
            _child(build, describe, sender, parent)
        sender.close()
        self.receiver = receiver

    def join(self) -> tuple[dict[str, int], float]:
        """Wait for the index: its counts and when it ended (time.time())."""
        kind, data = "error", "Процесс поискового индекса прервался."
        try:
            with contextlib.suppress(EOFError):
                kind, data = self.receiver.recv()
        finally:
            self.receiver.close()
            os.waitpid(self.pid, 0)
        if kind != "ok":
            raise HelperFailed(data)
        return data

    def stop(self) -> None:
        """End the child now (the build failed or was interrupted)."""
        with contextlib.suppress(OSError):
            os.kill(self.pid, signal.SIGTERM)
        with contextlib.suppress(OSError):
            os.waitpid(self.pid, 0)
        self.receiver.close()


def watching(parent: int) -> Callable[[], None]:
    """A check to call now and then: it raises ParentGone once `parent` has ended."""
    def check() -> None:
        if os.getppid() != parent:
            raise ParentGone
    return check


def _child(build: Callable[[], dict[str, int]], describe: Callable[[BaseException], str],
           conn: Any, parent: int) -> None:
    forked_end(lambda: (build(), time.time()), conn, describe, "search", (ParentGone,))
