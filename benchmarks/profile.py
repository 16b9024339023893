"""Where a build spends its time: `python -m benchmarks.profile --scale 10`.

Builds the synthetic corpus twice under cProfile, each process profiled on its own: the
MkDocs process (its hooks and MkDocs itself) in place, the worker and its forked helper
through SHNOR_PROFILE (shnor_site/build/profiling.py). «before» is the build with every
page through MkDocs (`SHNOR_FAST_PAGES=0`, no page cache), «after» the build as it is:
pages outside the navigation finished in the worker and its helper
(shnor_site/mkdocs_plugin/fastpage.py), with an empty page cache. The processor seconds
of each stage are summed over the processes; cProfile slows Python down several times —
compare the shares and the two columns, not the seconds with a plain build.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import shutil
import sys
from pathlib import Path

from .measure import ROOT
from .synth import generate

#: (label, file suffix, function name) of the stages of the worker and its helper.
WORKER = [
    ("загрузка и проверка содержимого", "shnor_site/content/validate.py", "load_catalogue"),
    ("связи и план страниц", "shnor_site/pages/plan.py", "plan_site"),
    ("страницы из шаблонов (Markdown)", "shnor_site/pages/plan.py", "render_page"),
    ("  из них Python-Markdown в полях", "shnor_site/core/markup.py", "md_block"),
    ("календари, открытые данные, ленты", "shnor_site/build/produce.py", "write_files"),
    ("календари, открытые данные, ленты", "shnor_site/build/finish.py", "finish_files"),
    ("поисковый индекс", "shnor_site/search/site_index.py", "build_search_index"),
    ("Markdown → HTML (Page.render MkDocs)", "shnor_site/mkdocs_plugin/fastpage.py",
     "_render"),
    ("HTML-блоки мимо Markdown", "shnor_site/build/rawhtml.py", "stash"),
    ("проверка HTML страниц", "shnor_site/build/guard.py", "unsafe_page_html"),
    ("тема (по скелету или целиком)", "shnor_site/mkdocs_plugin/theme.py", "html"),
    ("запись готовых страниц и файлов", "shnor_site/mkdocs_plugin/fastpage.py", "write"),
    ("весь процесс", "", ""),  # the profiles' totals (worker_stages)
]

#: The same for the MkDocs process.
MKDOCS = [
    ("ожидание второго процесса", "shnor_site/build/worker.py", "_wait"),
    ("Markdown → HTML (Page.render)", "mkdocs/structure/pages.py", "render"),
    ("HTML-блоки мимо Markdown", "shnor_site/build/rawhtml.py", "stash"),
    ("проверка HTML страниц", "shnor_site/build/guard.py", "unsafe_page_html"),
    ("шаблоны темы, запись файлов", "mkdocs/commands/build.py", "_build_page"),
    ("готовые страницы: ссылки, карта сайта", "shnor_site/mkdocs_plugin/finished.py",
     "conclude"),
    ("вся сборка", "mkdocs/commands/build.py", "build"),
]


def stage_times(stats: pstats.Stats, stages: list[tuple[str, str, str]]) -> dict[str, float]:
    """Cumulative time of each stage's functions (summed over calls)."""
    out = dict.fromkeys((label for label, _, _ in stages), 0.0)
    for (path, _, name), row in stats.stats.items():  # type: ignore[attr-defined]
        for label, suffix, func in stages:
            if name == func and path.endswith(suffix):
                out[label] += row[3]
    return out


def _profiled_build(project: Path, site: Path, folder: Path, env: dict[str, str]
                    ) -> dict[str, dict[str, float]]:
    from shnor_site.mkdocs_plugin.atomic import mkdocs_build

    shutil.rmtree(folder, ignore_errors=True)
    shutil.rmtree(project / ".cache", ignore_errors=True)
    saved = {k: os.environ.get(k) for k in env}
    os.environ.update(env, SHNOR_PROFILE=str(folder))
    prof = cProfile.Profile()
    try:
        prof.runcall(mkdocs_build, project / "mkdocs.yml", site)
    finally:
        del os.environ["SHNOR_PROFILE"]
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
    return {"worker": worker_stages(folder), "mkdocs": stage_times(pstats.Stats(prof), MKDOCS)}


def worker_stages(folder: Path) -> dict[str, float]:
    """Stage seconds of the worker and its helper (whole processes: their profiles' totals;
    the helper's profile starts when it is forked)."""
    files = [str(p) for p in sorted(folder.glob("*.prof"))]
    if not files:
        return {}
    out = stage_times(pstats.Stats(*files), WORKER)
    out["весь процесс"] = sum(pstats.Stats(f).total_tt for f in files)  # type: ignore[attr-defined]
    return out


def profile_stages(scale: float, seed: int, work: Path) -> dict[str, dict]:
    """Stage seconds of the worker processes and of the MkDocs process, before and after."""
    sys.path.insert(0, str(ROOT))
    from tests.helpers import make_project

    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    generate(work / "content", scale, seed)
    make_project(work / "project", work / "content")
    return {"before": _profiled_build(work / "project", work / "site-before", work / "p0",
                                      {"SHNOR_FAST_PAGES": "0", "SHNOR_CACHE_DIR": ""}),
            "after": _profiled_build(work / "project", work / "site-after", work / "p1", {})}


def main(argv: list[str] | None = None) -> int:
    """Generate, build under the profiler twice, print the stage tables."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--scale", type=float, default=1.0)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--work", type=Path, default=Path("/tmp/shnor-profile"))
    args = ap.parse_args(argv)
    modes = profile_stages(args.scale, args.seed, args.work)
    for process in ("worker", "mkdocs"):
        for label in modes["before"][process]:
            print(f"{process:7} {label:<40} " + "  ".join(
                f"{modes[m][process].get(label, 0):8.1f} s" for m in ("before", "after")))
    return 0


if __name__ == "__main__":
    sys.exit(main())
