"""Measurements for benchmarks/run.py: timed subprocesses, site sizes, search bytes."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
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
    """Wall time and peak RSS of one command (largest process of its tree)."""

    seconds: float
    peak_mb: float
    ok: bool
    tail: str = ""
    cpu_seconds: float = 0.0


def timed(cmd: list[str], cwd: Path, timeout: float = 3600, repeat: int = 1) -> Run:
    """Fastest of `repeat` runs of cmd (the machine is shared: noise only adds time)."""
    runs = [_timed_once(cmd, cwd, timeout) for _ in range(repeat)]
    ok = [r for r in runs if r.ok]
    return min(ok, key=lambda r: r.seconds) if ok else runs[-1]


def _timed_once(cmd: list[str], cwd: Path, timeout: float) -> Run:
    """Run cmd under /usr/bin/time -v; wall clock and maximum resident set size."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as report:
        proc = subprocess.run(["/usr/bin/time", "-v", "-o", report.name, *cmd], cwd=cwd,
                              env=ENV, capture_output=True, text=True, timeout=timeout)
        text = Path(report.name).read_text()
    wall = re.search(r"Elapsed \(wall clock\) time.*: (?:(\d+):)?(\d+):([\d.]+)", text)
    rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", text)
    seconds = 0.0
    if wall:
        hours, minutes, secs = wall.groups()
        seconds = int(hours or 0) * 3600 + int(minutes) * 60 + float(secs)
    cpu = sum(float(m) for m in re.findall(r"(?:User|System) time \(seconds\): ([\d.]+)", text))
    tail = (proc.stderr or proc.stdout)[-2000:]
    return Run(seconds, int(rss[1]) / 1024 if rss else 0.0, proc.returncode == 0, tail, cpu)


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
             if "pagefind" not in p.relative_to(site).parts]
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
