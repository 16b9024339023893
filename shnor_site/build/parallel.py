"""Finished pages, files and the search index, shared with a forked helper process.

When the MkDocs plugin hands the worker a finisher (`Job.fast`, mkdocs_plugin/fastpage.py),
generated pages outside the navigation are written as final HTML by the worker itself. That
work, the files (calendars, open data, feeds) and the search index are split into tasks;
where the operating system can fork and the process may use more than one processor core,
a helper is forked once the plan is made (it shares the loaded content) and both processes
take the next task from a shared counter until none is left. The helper sends back what
MkDocs needs to know at the end: anchors of its pages, links to check, MkDocs' messages.
Nothing here imports MkDocs.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import sys
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from shnor_site.build import profiling

#: Pages per task: small enough to balance two processes, large enough to be cheap.
CHUNK = 32


class HelperFailed(Exception):
    """The helper process could not finish its part; the message is for the person."""

    for_person = True


@dataclass
class Outcome:
    """What one process learned while finishing its tasks."""

    ids: dict[str, frozenset[str]] = field(default_factory=dict)
    links: dict[str, dict[str, dict[str, str]]] = field(default_factory=dict)
    logs: list[tuple[str, int, str]] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    #: When (time.time()) each kind of task last ended.
    times: dict[str, float] = field(default_factory=dict)
    #: Keys of the page cache looked up.
    keys: set[str] = field(default_factory=set)
    #: What each page was made from (build/incremental.py), by address.
    memos: dict[str, Any] = field(default_factory=dict)
    #: What the files were made from (build/incremental.FilesMemo), from the process that
    #: made them.
    files: Any = None

    def merge(self, other: Outcome) -> None:
        """Add another process's outcome to this one."""
        self.ids.update(other.ids)
        self.links.update(other.links)
        self.logs += other.logs
        self.keys |= other.keys
        self.memos.update(other.memos)
        self.files = self.files or other.files
        for key, value in other.counts.items():
            self.counts[key] = self.counts.get(key, 0) + value
        for key, moment in other.times.items():
            self.times[key] = max(moment, self.times.get(key, moment))


def cores() -> int:
    """Processor cores this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def can_fork() -> bool:
    """True where a helper may be forked (POSIX, not macOS's fork-unsafe frameworks)."""
    return hasattr(os, "fork") and sys.platform.startswith("linux")


def tasks_for(fast_uris: list[str], search: bool) -> list[tuple[str, Any]]:
    """The work in the order it is taken: the long single tasks first, then page chunks."""
    tasks: list[tuple[str, Any]] = [("search", None)] if search else []
    tasks.append(("files", None))
    tasks += [("pages", fast_uris[i:i + CHUNK]) for i in range(0, len(fast_uris), CHUNK)]
    return tasks


def _take(counter: Any, total: int) -> int | None:
    with counter.get_lock():
        i = counter.value
        counter.value = i + 1
    return i if i < total else None


def run_tasks(tasks: list[tuple[str, Any]], run: Callable[[str, Any], None],
              counter: Any, parent: int | None = None) -> None:
    """Run tasks taken one at a time from the shared counter until none is left (a helper
    stops as soon as its parent, the worker, is gone)."""
    while (i := _take(counter, len(tasks))) is not None:
        if parent is not None and os.getppid() != parent:
            os._exit(1)
        run(*tasks[i])


def forked_end(work: Callable[[], Any], conn: Any, describe: Callable[[BaseException], str],
               name: str, quiet: tuple[type[BaseException], ...] = ()) -> None:
    """The whole life of a forked process: send ("ok", work()) through `conn` and write its
    profile as `name`, or send ("error", what to tell the person); then end at once. A
    traceback is printed for faults of the program, not for interruptions or `quiet`."""
    code = 0
    try:
        conn.send(("ok", work()))
        profiling.dump(name)
    except BaseException as exc:
        code = 1
        if not isinstance(exc, (KeyboardInterrupt, SystemExit, *quiet)):
            traceback.print_exc()
        with contextlib.suppress(OSError):
            conn.send(("error", describe(exc)))
    finally:
        conn.close()
        os._exit(code)


def _helper(tasks: list, run: Callable[[str, Any], None], counter: Any, conn: Any,
            outcome: Callable[[], Outcome], describe: Callable[[BaseException], str],
            parent: int) -> None:
    def work() -> Outcome:
        run_tasks(tasks, run, counter, parent)
        return outcome()

    forked_end(work, conn, describe, "helper")


def share(tasks: list[tuple[str, Any]], run: Callable[[str, Any], None],
          outcome: Callable[[], Outcome], describe: Callable[[BaseException], str],
          helper: bool) -> Outcome:
    """Run every task here and, with `helper`, in a forked helper too; the merged outcome."""
    counter = multiprocessing.get_context("fork" if helper else None).Value("i", 0)
    if not helper:
        run_tasks(tasks, run, counter)
        return outcome()
    receiver, sender = multiprocessing.Pipe(duplex=False)
    parent = os.getpid()
    pid = os.fork()
    if pid == 0:  # the helper
        profiling.restart()
        receiver.close()
        _helper(tasks, run, counter, sender, outcome, describe, parent)
    sender.close()
    kind, data = "error", "Вспомогательный процесс подготовки страниц прервался."
    try:
        run_tasks(tasks, run, counter)
        mine = outcome()
        with contextlib.suppress(EOFError):
            kind, data = receiver.recv()
    except BaseException:
        os.kill(pid, signal.SIGTERM)
        raise
    finally:
        receiver.close()
        os.waitpid(pid, 0)
    if kind != "ok":
        raise HelperFailed(data)
    mine.merge(data)
    return mine
