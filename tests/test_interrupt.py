"""A build that is interrupted or loses its worker ends quickly and leaves nothing behind.

`shnor-site build` runs as a person runs it, in its own process group: Ctrl-C reaches both
MkDocs and the worker (as from a terminal), or the worker alone is killed (as by the
out-of-memory killer). Either way the old site stays as it was, no staging folder or
half-built site is left in the temporary folders, and no worker process survives.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.helpers import FIXTURES, make_project
from tests.test_worker import slow_templates

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")


def _children(pid: int) -> list[int]:
    out: list[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        text = (task / "children").read_text() if (task / "children").exists() else ""
        out += [int(x) for x in text.split()]
    return out


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split(") ")[1][0]
    except (FileNotFoundError, IndexError):
        return False
    return state != "Z"


def _start(tmp: Path) -> tuple[subprocess.Popen, Path, Path, int]:
    """A slow build of the mini fixture over an old site; (process, project, TMPDIR, worker)."""
    project = make_project(tmp / "project", FIXTURES / "mini").parent
    slow = slow_templates(tmp, seconds=20)
    (project / "templates" / "school.md.j2").write_text(
        (slow / "school.md.j2").read_text("utf-8"), encoding="utf-8")
    (project / "site").mkdir()
    (project / "site" / "index.html").write_text("старый сайт", encoding="utf-8")
    tmpdir = tmp / "tmpdir"
    tmpdir.mkdir()
    env = {**os.environ, "TMPDIR": str(tmpdir), "CI": "true"}
    proc = subprocess.Popen([sys.executable, "-m", "shnor_site.cli", "build"], cwd=project,
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, start_new_session=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        staged = list(tmpdir.glob("shnor-stage-*/index.md"))
        workers = [c for c in _children(proc.pid) if _is_worker(c)]
        if staged and workers:
            return proc, project, tmpdir, workers[0]
        assert proc.poll() is None, proc.communicate()
        time.sleep(0.1)
    proc.kill()
    pytest.fail("the worker did not start writing pages within 60 s")


def _is_worker(pid: int) -> bool:
    """The worker: forked from the build (the same command line) or, where it is spawned,
    a `spawn_main` process — not multiprocessing's resource tracker."""
    try:
        cmdline = Path(f"/proc/{pid}/cmdline").read_text(errors="replace")
    except FileNotFoundError:
        return False
    return "resource_tracker" not in cmdline and (
        "spawn_main" in cmdline or "shnor_site.cli" in cmdline)


def _leftovers(project: Path, tmpdir: Path) -> list[str]:
    return sorted(p.name for p in [*tmpdir.iterdir(), *project.iterdir()]
                  if p.name.startswith(("shnor-stage-", ".site-build-", ".site-old")))


def test_ctrl_c_leaves_no_staging_folder_and_the_old_site(tmp_path: Path) -> None:
    proc, project, tmpdir, worker = _start(tmp_path)
    os.killpg(proc.pid, signal.SIGINT)
    _out, err = proc.communicate(timeout=30)
    assert proc.returncode == 130, err
    assert "Сборка прервана" in err
    assert _leftovers(project, tmpdir) == []
    assert (project / "site" / "index.html").read_text("utf-8") == "старый сайт"
    assert not _alive(worker)


def test_a_killed_worker_fails_the_build_within_seconds(tmp_path: Path) -> None:
    proc, project, tmpdir, worker = _start(tmp_path)
    os.kill(worker, signal.SIGKILL)
    began = time.monotonic()
    _out, err = proc.communicate(timeout=60)
    assert time.monotonic() - began < 10
    assert proc.returncode == 1
    assert "Процесс подготовки страниц остановлен сигналом 9" in err
    assert _leftovers(project, tmpdir) == []
    assert (project / "site" / "index.html").read_text("utf-8") == "старый сайт"
