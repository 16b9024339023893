"""Run produce() beside MkDocs and tell which staged files are ready.

During `build` the work runs in a second process — on Linux a fork of the MkDocs process
(it shares the libraries already imported), elsewhere started with the `spawn` method (a
fresh interpreter): MkDocs converts the first pages
on one processor core while the worker renders the next ones, the files and the search
index on the other. The worker sends each step through a pipe; a thread of the MkDocs
process receives them and watches the worker, and `wait_*` block until what MkDocs needs
is written. A worker that dies or stops reporting becomes a Russian `WorkerError` within
a second or two (or after `stall_seconds` of silence), never a hang. Elsewhere (`serve`,
or with the worker turned off) the same work runs in place. Nothing here imports MkDocs.
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import threading
import time
import traceback
from multiprocessing.connection import Connection, wait
from typing import Any

from shnor_site.build import profiling
from shnor_site.build.failure import describe
from shnor_site.build.produce import Job, produce

#: How long a worker may stay silent before the build gives up on it (seconds).
STALL_SECONDS = 600.0


#: Steps of the finisher (build/finish.py) by the name of the report they stand for.
_STEPS = {"pages": "page", "files": "file"}


class WorkerError(Exception):
    """The content could not be made into pages; the message is for the person."""


def _exit_text(code: int | None) -> str:
    """Why a worker that ended without finishing ended, in Russian."""
    if code is not None and code < 0:
        return (f"Процесс подготовки страниц остановлен сигналом {-code} (его завершила "
                "система или пользователь; частая причина — не хватило памяти).")
    return f"Процесс подготовки страниц прервался (код {code}): возможно, не хватило памяти."


def child_main(job: Job, conn: Connection) -> None:
    """The worker process: produce everything, sending each report through `conn`."""
    def report(kind: str, data: Any) -> None:
        if kind == "done":
            profiling.dump("worker")  # before the build, told it is done, stops this process
        conn.send((kind, data))
        if kind in ("problems", "plan"):
            # The catalogue, then the plan, live until the process ends: the cycle
            # collector need not scan them again (it would, every few thousand allocations
            # of the render). The worker exits when done.
            gc.freeze()

    from shnor_site.content.validate import one_build_process

    one_build_process()  # this process ends with the build
    profiling.start()
    try:
        if not produce(job, report):
            report("done", None)
    except (KeyboardInterrupt, BrokenPipeError, EOFError):
        raise SystemExit(1) from None  # interrupted, or MkDocs is gone: nobody to tell
    except Exception as exc:
        import jinja2

        if not isinstance(exc, jinja2.TemplateError):
            traceback.print_exc()  # a fault of the program: show where
        with contextlib.suppress(OSError):
            report("error", describe(exc))
        raise SystemExit(1) from None
    finally:
        conn.close()


def forked_main(job: Job, conn: Connection) -> None:
    """child_main in a forked copy of the MkDocs process: MkDocs' log handlers (its
    console output, the strict-mode counter) are the build's, so the worker drops them —
    the build repeats the worker's messages itself (mkdocs_plugin/finished.py)."""
    import logging

    for name in ("mkdocs", ""):
        logging.getLogger(name).handlers.clear()
    child_main(job, conn)


class Worker:
    """The state of one produce() run: problems, plan, ready files, end or failure."""

    def __init__(self, job: Job, stall_seconds: float = STALL_SECONDS) -> None:
        self.job = job
        self.stall_seconds = stall_seconds
        self.problems: list[tuple[str, str]] | None = None
        self.plan: dict[str, list[str]] | None = None
        self.ready: set[str] = set()
        self.finished = False
        self.error: str | None = None
        self.process: Any = None
        self._cond = threading.Condition()
        self.started = time.perf_counter()
        self.started_wall = time.time()
        #: The finisher's report (build/finish.py) when pages were finished in the worker.
        self.finished_report: dict[str, Any] | None = None
        #: Seconds from the start to the first and the last report of each kind.
        self.times: dict[str, list[float]] = {}
        #: Seconds MkDocs spent blocked, waiting for the plan, for pages and files, for the end.
        self.waited: dict[str, float] = {"plan": 0.0, "ready": 0.0, "done": 0.0}

    @property
    def pid(self) -> int | None:
        """The worker process's id while it runs in another process."""
        return self.process.pid if self.process is not None else None

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
            elif kind == "finished":
                self.finished_report = data
                for step, moment in data["times"].items():
                    moment = round(moment - self.started_wall, 2)
                    self.times[_STEPS.get(step, step)] = [moment, moment]
            elif kind == "done":
                self.finished = True
            elif kind == "error" and self.error is None:
                self.error = data
            self._cond.notify_all()

    def run_here(self) -> None:
        """Do the whole job in this process."""
        try:
            if not produce(self.job, self._report):
                self._report("done", None)
        except Exception as exc:  # reported like a failure of the worker process
            self._report("error", describe(exc))

    def start(self, fork: bool = False) -> None:
        """Start the worker process; a thread receives its reports. With `fork` (Linux,
        before this process starts any thread) the worker is a copy of this process: no
        second interpreter start, no second import of the libraries."""
        ctx = multiprocessing.get_context("fork" if fork else "spawn")
        receiver, sender = ctx.Pipe(duplex=False)
        self.process = ctx.Process(target=forked_main if fork else child_main,
                                   args=(self.job, sender), name="shnor-worker", daemon=True)
        self.process.start()
        sender.close()
        threading.Thread(target=self._listen, args=(receiver,), name="shnor-worker-reports",
                         daemon=True).start()

    def _listen(self, conn: Connection) -> None:
        process, last = self.process, time.monotonic()
        with conn:
            while not self.finished and self.error is None:
                ready = wait([conn, process.sentinel], timeout=1.0)
                if conn in ready or conn.poll():
                    try:
                        self._report(*conn.recv())
                    except (EOFError, OSError):
                        break
                    last = time.monotonic()
                elif process.sentinel in ready:
                    break
                elif self.stall_seconds and time.monotonic() - last > self.stall_seconds:
                    self._report("error", "Процесс подготовки страниц не отвечает "
                                          f"{self.stall_seconds:.0f} с; сборка остановлена.")
        if not self.finished:
            if self.error is not None:
                self.stop()  # given up (silent), or it reported its failure: end it now
            process.join(timeout=5)
            self._report("error", _exit_text(process.exitcode))
            self.stop()

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
        """What the worker did when, and how long MkDocs waited for it (timings option)."""
        out = {"worker": self.times, "mkdocs_waited": {k: round(v, 2)
                                                        for k, v in self.waited.items()},
               "forked": self.process is not None}
        if self.finished_report is not None:
            out["finished"] = {"counts": self.finished_report["counts"],
                               "helper": self.finished_report["helper"]}
        return out

    def stop(self) -> None:
        """Stop the worker process if it still runs, and reap it."""
        process = self.process
        if process is None or process.exitcode is not None:
            return
        process.terminate()
        process.join(timeout=5)
        if process.exitcode is None:
            process.kill()
            process.join(timeout=5)
