"""Run produce() beside MkDocs and tell which staged files are ready.

During `build` the work runs in a forked child: MkDocs converts the first pages on one
processor core while the child renders the next ones, the files and the search index on
the other. The child reports each step as a JSON line through a pipe; a thread of the
MkDocs process reads them, and `wait_*` block until what MkDocs needs is written.
Elsewhere (`serve`, whose server has threads, or SHNOR_WORKER=0) the same work runs in
place, before MkDocs goes on. Nothing here imports MkDocs.
"""

from __future__ import annotations

import contextlib
import gc
import json
import os
import signal
import threading
import time
import traceback
from typing import Any

from .produce import Job, produce


class WorkerError(Exception):
    """The content could not be made into pages; the message is for the person."""


def template_place(exc: BaseException) -> tuple[str, int | None]:
    """The template file and line where a Jinja2 error happened (the innermost one)."""
    name = getattr(exc, "filename", None) or getattr(exc, "name", None) or ""
    line = getattr(exc, "lineno", None)
    for frame, lineno in traceback.walk_tb(exc.__traceback__):
        if frame.f_code.co_filename.endswith(".j2"):
            name, line = frame.f_code.co_filename, lineno
    return os.path.basename(name), line


def describe(exc: BaseException) -> str:
    """A Russian one-line account of a failure while making the pages."""
    import jinja2

    if isinstance(exc, jinja2.TemplateError):
        name, line = template_place(exc)
        return f"Ошибка в шаблоне {name}{':' + str(line) if line else ''}: {exc.message}"
    return f"Не удалось подготовить страницы: {type(exc).__name__}: {exc}"


class Worker:
    """The state of one produce() run: problems, plan, ready files, end or failure."""

    def __init__(self, job: Job) -> None:
        self.job = job
        self.problems: list[tuple[str, str]] | None = None
        self.plan: dict[str, list[str]] | None = None
        self.ready: set[str] = set()
        self.finished = False
        self.error: str | None = None
        self.pid: int | None = None
        self.forked = False
        self._cond = threading.Condition()
        self.started = time.perf_counter()
        #: Seconds from the start to the first and the last report of each kind.
        self.times: dict[str, list[float]] = {}
        #: Seconds MkDocs spent blocked, waiting for the plan, for pages and files, for the end.
        self.waited: dict[str, float] = {"plan": 0.0, "ready": 0.0, "done": 0.0}

    def _report(self, kind: str, data: Any) -> None:
        moment = round(time.perf_counter() - self.started, 2)
        self.times.setdefault(kind, [moment, moment])[1] = moment
        with self._cond:
            if kind == "problems":
                self.problems = [tuple(p) for p in data]
            elif kind == "plan":
                self.plan = data
            elif kind in ("page", "file"):
                self.ready.add(data)
            elif kind == "done":
                self.finished = True
            elif kind == "error":
                self.error = data
            self._cond.notify_all()

    def run_here(self) -> None:
        """Do the whole job in this process."""
        try:
            if not produce(self.job, self._report):
                self._report("done", None)
        except Exception as exc:  # reported like a failure of the child process
            self._report("error", describe(exc))

    def start(self) -> None:
        """Fork a child that does the job and reports through a pipe."""
        # Import now what the child needs: a module lock held by another thread of this
        # process at the moment of the fork would never be released in the child.
        from . import render, search, validate  # noqa: F401
        from .search import docs, files, index  # noqa: F401

        read_end, write_end = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: never returns
            os.close(read_end)
            self._child(write_end)
        os.close(write_end)
        self.pid, self.forked = pid, True
        threading.Thread(target=self._listen, args=(read_end,), daemon=True).start()

    def _child(self, fd: int) -> None:
        code = 0
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            def report(kind: str, data: Any) -> None:
                out.write(json.dumps([kind, data], ensure_ascii=False) + "\n")
                out.flush()
                if kind in ("problems", "plan"):
                    # The catalogue, then the plan, live until the process ends: the cycle
                    # collector need not scan them again (it would, every few thousand
                    # allocations of the render). The child exits when done.
                    gc.freeze()
            try:
                if not produce(self.job, report):
                    report("done", None)
            except BaseException as exc:
                import jinja2

                report("error", describe(exc))
                if not isinstance(exc, jinja2.TemplateError):
                    traceback.print_exc()  # a fault of the program: show where
                code = 1
        os._exit(code)

    def _listen(self, fd: int) -> None:
        with os.fdopen(fd, encoding="utf-8") as pipe:
            for line in pipe:
                self._report(*json.loads(line))
        _, status = os.waitpid(self.pid, 0)
        self.pid = None
        with self._cond:
            if not self.finished and self.error is None:
                self.error = ("Процесс подготовки страниц прервался (код "
                              f"{os.waitstatus_to_exitcode(status)}): возможно, не хватило памяти.")
            self._cond.notify_all()

    def _wait(self, ready: Any, what: str) -> None:
        began = time.perf_counter()
        with self._cond:
            self._cond.wait_for(lambda: ready() or self.error is not None)
            self.waited[what] += time.perf_counter() - began
            if self.error is not None:
                raise WorkerError(self.error)

    def wait_plan(self) -> tuple[list[tuple[str, str]], dict[str, list[str]] | None]:
        """Problems of the content, and the plan (None when the content has errors)."""
        self._wait(lambda: self.problems is not None and (
            self.plan is not None or self.finished), "plan")
        return self.problems or [], self.plan

    def wait_ready(self, uri: str) -> None:
        """Until the staged page or file `uri` is written."""
        self._wait(lambda: uri in self.ready, "ready")

    def wait_done(self) -> None:
        """Until everything, the search index included, is written."""
        self._wait(lambda: self.finished, "done")

    def timings(self) -> dict[str, Any]:
        """What the worker did when, and how long MkDocs waited for it (SHNOR_TIMINGS)."""
        return {"worker": self.times, "mkdocs_waited": {k: round(v, 2)
                                                         for k, v in self.waited.items()},
                "forked": self.forked}

    def stop(self) -> None:
        """Stop the child if it still runs (a failed build)."""
        if self.pid is not None:
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.pid, signal.SIGTERM)
