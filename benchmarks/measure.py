"""Measurements for benchmarks/run.py: timed subprocesses, site sizes, search bytes."""

from __future__ import annotations

import contextlib
import dataclasses
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = Path(sys.executable).parent
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true",
       "CI": "true"}  # no progress lines in the measured runs
QUERIES = ["наставничество", "мониторинг", "функциональная грамотность",
           "методическое сопровождение педагогов", "дорожная карта школы"]
PAGE_LIMIT = 80 * 1024


@dataclass
class Run:
    """Wall time, processor time and memory of one command.

    `peak_mb` is the largest sum of the resident memory of every process of the command's
    tree at one moment (sampled every 0.2 s; pages shared by a forked worker count twice,
    so this is an upper bound); `peak_pss_mb` the same sum of proportional set sizes,
    which counts shared pages once; `largest_mb` the largest single process.
    """

    seconds: float
    peak_mb: float
    ok: bool
    tail: str = ""
    cpu_seconds: float = 0.0
    peak_pss_mb: float = 0.0
    largest_mb: float = 0.0


def _children(pid: int) -> list[int]:
    out = []
    for task in Path(f"/proc/{pid}/task").glob("*/children"):
        with contextlib.suppress(OSError):
            out += [int(c) for c in task.read_text().split()]
    return out


def _kb(path: Path, field: str) -> int:
    try:
        for line in path.read_text().splitlines():
            if line.startswith(field):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def _tree(pid: int) -> list[int]:
    """A process and all its descendants."""
    out, stack = [], [pid]
    while stack:
        p = stack.pop()
        out.append(p)
        stack += _children(p)
    return out


def tree_memory(pid: int, pss: bool = True) -> tuple[int, int]:
    """(RSS, PSS) in KB summed over a process and all its descendants (PSS 0 unless asked:
    reading smaps_rollup walks every page of a process and holds its memory lock)."""
    rss = total_pss = 0
    for p in _tree(pid):
        rss += _kb(Path(f"/proc/{p}/status"), "VmRSS:")
        if pss:
            total_pss += _kb(Path(f"/proc/{p}/smaps_rollup"), "Pss:")
    return rss, total_pss


class Sampler:
    """Samples a process tree's memory in a thread until stopped; keeps the peaks. RSS is
    read every `every` seconds (cheap); PSS at most once a second and so that reading it
    takes at most 2 % of the time, because it slows the build it measures (a build of
    2 GB spends tens of milliseconds blocked per reading)."""

    def __init__(self, pid: int, every: float = 0.2) -> None:
        self.pid, self.every = pid, every
        self.rss = self.pss = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        next_pss = 0.0
        while not self._stop.wait(self.every):
            now = time.monotonic()
            rss, pss = tree_memory(self.pid, pss=now >= next_pss)
            if now >= next_pss:
                cost = time.monotonic() - now
                next_pss = now + max(1.0, 50 * cost)
            self.rss, self.pss = max(self.rss, rss), max(self.pss, pss)

    def stop(self) -> tuple[float, float]:
        """Stop; peak (RSS, PSS) in MB."""
        self._stop.set()
        self._thread.join()
        return self.rss / 1024, self.pss / 1024


def fastest(runs: list[Run]) -> Run:
    """The run with the shortest wall time, with the smallest processor time of all the
    successful runs (the machine is shared: noise only adds to either)."""
    ok = [r for r in runs if r.ok]
    if not ok:
        return runs[-1]
    best = min(ok, key=lambda r: r.seconds)
    return dataclasses.replace(best, cpu_seconds=min(r.cpu_seconds for r in ok))


def timed(cmd: list[str], cwd: Path, timeout: float = 3600, repeat: int = 1,
          env: dict[str, str] | None = None) -> Run:
    """Fastest of `repeat` runs of cmd (see `fastest`)."""
    return fastest([_timed_once(cmd, cwd, timeout, {**ENV, **(env or {})})
                    for _ in range(repeat)])


def _timed_once(cmd: list[str], cwd: Path, timeout: float, env: dict[str, str]) -> Run:
    """Run cmd under /usr/bin/time -v (wall clock, processor time, largest process) while
    a Sampler sums the memory of its whole process tree. The disk is synced first: a run
    that follows one writing gigabytes would otherwise wait for that writeback."""
    os.sync()  # the last run's files on disk: its writeback does not slow this run down
    with tempfile.NamedTemporaryFile("r", suffix=".time") as report, \
            tempfile.TemporaryFile("w+") as out:
        proc = subprocess.Popen(["/usr/bin/time", "-v", "-o", report.name, *cmd], cwd=cwd,
                                env=env, stdout=out, stderr=subprocess.STDOUT, text=True)
        sampler = Sampler(proc.pid)
        try:
            proc.wait(timeout=timeout)
        finally:
            peak_rss, peak_pss = sampler.stop()
        out.seek(0)
        output = out.read()
        text = Path(report.name).read_text()
    wall = re.search(r"Elapsed \(wall clock\) time.*: (?:(\d+):)?(\d+):([\d.]+)", text)
    rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", text)
    seconds = 0.0
    if wall:
        hours, minutes, secs = wall.groups()
        seconds = int(hours or 0) * 3600 + int(minutes) * 60 + float(secs)
    cpu = sum(float(m) for m in re.findall(r"(?:User|System) time \(seconds\): ([\d.]+)", text))
    largest = int(rss[1]) / 1024 if rss else 0.0
    return Run(seconds, max(peak_rss, largest), proc.returncode == 0, output[-2000:], cpu,
               peak_pss, largest)


def plain_config(project_config: Path, docs_dir: Path, out: Path) -> Path:
    """The project's mkdocs.yml without the shnor plugin, reading the exported pages."""
    text = project_config.read_text(encoding="utf-8")
    text = re.sub(r"^plugins:\n(?:[ \t]+.*\n|\n)*", "plugins: []\n", text, flags=re.M)
    text = re.sub(r"^docs_dir:.*$", f"docs_dir: {docs_dir}", text, flags=re.M)
    text = re.sub(r"^watch:\n(?:[ \t]+.*\n)*", "", text, flags=re.M)
    text = re.sub(r"^strict:.*$", "strict: false", text, flags=re.M)
    out.write_text(text, encoding="utf-8")
    return out


def hugo_tree(exported: Path, out: Path) -> Path:
    """A Hugo site over the exported Markdown (index.md → _index.md), bare layouts."""
    if out.exists():
        shutil.rmtree(out)
    shutil.copytree(ROOT / "benchmarks" / "hugo", out)
    content = out / "content"
    for path in exported.rglob("*.md"):
        rel = path.relative_to(exported)
        target = content / (rel.with_name("_index.md") if rel.name == "index.md" else rel)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target)
    return out


def html_pages(site: Path) -> list[tuple[int, str]]:
    """(size, path) of every HTML page of a built site, largest first."""
    pages = [(p.stat().st_size, p.relative_to(site).as_posix()) for p in site.rglob("*.html")
             if "search-index" not in p.relative_to(site).parts]
    return sorted(pages, reverse=True)


def tree_size(folder: Path) -> tuple[int, int]:
    """(bytes, files) under a folder."""
    files = [p for p in folder.rglob("*") if p.is_file()]
    return sum(p.stat().st_size for p in files), len(files)


def page_stats(site: Path) -> dict[str, object]:
    """Pages, site size, largest page and how many pages exceed the 80 KB budget."""
    pages = html_pages(site)
    size, files = tree_size(site)
    return {"pages": len(pages), "site_mb": size / 2**20, "files": files,
            "largest_kb": pages[0][0] / 1024 if pages else 0,
            "largest": pages[0][1] if pages else "",
            "over_limit": sum(1 for s, _ in pages if s > PAGE_LIMIT)}
