"""The generated part of the site made step by step (produce.py), in a spawned worker."""

from __future__ import annotations

import os
import shutil
import signal
import time
from pathlib import Path

import pytest

from shnor_site.build.produce import Job, produce
from shnor_site.build.worker import Worker, WorkerError
from shnor_site.content.validate import load_catalogue
from shnor_site.pages.plan import file_uris, plan_site, site_files
from tests.helpers import FIXTURES, ROOT, SITE_CONTENT


def slow_templates(tmp: Path, seconds: float = 5) -> Path:
    """A copy of the templates whose school pages take about `seconds` each to render."""
    templates = tmp / "slow-templates"
    shutil.copytree(ROOT / "templates", templates)
    page = templates / "school.md.j2"
    loop = (f"{{% set ns = namespace(n=0) %}}{{% for i in range({int(seconds * 2_000_000)}) %}}"
            "{% set ns.n = ns.n + 1 %}{% endfor %}")
    page.write_text(loop + page.read_text("utf-8"), encoding="utf-8")
    return templates


def job(tmp: Path, content: Path = FIXTURES / "mini", search: bool = True) -> Job:
    return Job(content, ROOT / "templates", ROOT / "docs", tmp / "stage", search)


def test_reports_come_in_order_and_files_exist(tmp_path: Path) -> None:
    seen: list[tuple[str, object]] = []
    assert produce(job(tmp_path), lambda kind, data: seen.append((kind, data)))
    kinds = [k for k, _ in seen]
    assert kinds[:2] == ["problems", "plan"] and kinds[-2:] == ["search", "done"]
    plan = seen[1][1]
    assert [d for k, d in seen if k == "page"] == plan["pages"]
    assert [d for k, d in seen if k == "file"] == plan["files"]
    assert all((tmp_path / "stage" / uri).is_file() for uri in plan["pages"] + plan["files"])
    assert (tmp_path / "stage" / "search-index" / "meta.json").is_file()


def test_file_list_is_known_before_the_files_are_made() -> None:
    plan = plan_site(load_catalogue(SITE_CONTENT), ROOT / "templates")
    assert file_uris(plan) == [uri for uri, _ in site_files(plan)]


def test_content_errors_stop_after_the_problems(tmp_path: Path) -> None:
    seen: list[str] = []
    assert not produce(job(tmp_path, FIXTURES / "broken"), lambda k, d: seen.append(k))
    assert seen == ["problems"] and not (tmp_path / "stage").exists()


def test_worker_makes_everything_in_another_process(tmp_path: Path) -> None:
    w = Worker(job(tmp_path))
    w.start()
    child = w.pid
    _problems, plan = w.wait_plan()
    assert child and child != os.getpid() and plan and plan["pages"]
    w.wait_ready(plan["pages"][-1])
    w.wait_done()
    assert (tmp_path / "stage" / plan["pages"][-1]).is_file()
    w.process.join(timeout=10)
    assert w.process.exitcode == 0


def test_a_killed_worker_is_reported_within_seconds(tmp_path: Path) -> None:
    templates = slow_templates(tmp_path)
    w = Worker(Job(FIXTURES / "mini", templates, None, tmp_path / "stage", False))
    w.start()
    _problems, plan = w.wait_plan()
    os.kill(w.pid, signal.SIGKILL)
    began = time.monotonic()
    with pytest.raises(WorkerError, match="сигналом 9"):
        w.wait_ready(plan["pages"][-1])
    assert time.monotonic() - began < 5


def test_a_silent_worker_is_given_up(tmp_path: Path) -> None:
    templates = slow_templates(tmp_path)
    w = Worker(Job(FIXTURES / "mini", templates, None, tmp_path / "stage", False),
               stall_seconds=1)
    w.start()
    with pytest.raises(WorkerError, match="не отвечает"):
        w.wait_done()
    # Stopped, not left running. The build's listener thread reaps it: poll rather than
    # join here, a second waiter can return before the listener has noted the exit code.
    deadline = time.monotonic() + 15
    while w.process.exitcode is None and time.monotonic() < deadline:
        time.sleep(0.1)
    assert w.process.exitcode is not None


def test_template_errors_name_the_template(tmp_path: Path) -> None:
    templates = tmp_path / "templates"
    shutil.copytree(ROOT / "templates", templates)
    (templates / "school.md.j2").write_text("{{ missing_name }}", encoding="utf-8")
    w = Worker(Job(FIXTURES / "mini", templates, None, tmp_path / "stage", False))
    w.start()
    with pytest.raises(WorkerError, match=r"Ошибка в шаблоне school\.md\.j2:1"):
        w.wait_done()
