"""Where a build spends its time: `python -m benchmarks.profile --scale 1`.

Builds the synthetic corpus once under cProfile, with the work that the build does in a
second process run in place (SHNOR_WORKER=0) so that one profile holds everything, and
prints the processor time of each stage: ours (loading, planning, rendering pages, files,
search index, HTML blocks kept from Markdown, the page safety check) and MkDocs' own
(Markdown, theme templates, writing). cProfile slows Python down about 2.5×; compare the
shares, not the seconds.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import shutil
import sys
import time
from pathlib import Path

from .measure import ROOT
from .synth import generate

#: (label, file suffix, function name) of the stages reported, in build order.
STAGES = [
    ("наше: загрузка и проверка содержимого", "shnor_site/content/validate.py", "load_catalogue"),
    ("наше: связи и план страниц", "shnor_site/pages/plan.py", "plan_site"),
    ("наше: страницы из шаблонов", "shnor_site/pages/plan.py", "render_page"),
    ("  из них Python-Markdown в полях", "shnor_site/core/markup.py", "md_block"),
    ("наше: календари, открытые данные, ленты", "shnor_site/pages/plan.py", "site_files"),
    ("наше: поисковый индекс", "shnor_site/search/site_index.py", "build_search_index"),
    ("наше: HTML-блоки мимо Markdown", "shnor_site/build/rawhtml.py", "stash"),
    ("наше: проверка HTML страниц", "shnor_site/content/sources.py", "unsafe_page_html"),
    ("MkDocs: Markdown → HTML (все страницы)", "mkdocs/structure/pages.py", "render"),
    ("MkDocs: шаблоны темы, запись файлов", "mkdocs/commands/build.py", "_build_page"),
    ("вся сборка", "mkdocs/commands/build.py", "build"),
]


def stage_times(stats: pstats.Stats) -> dict[str, float]:
    """Cumulative time of each stage's function (summed over calls)."""
    out = dict.fromkeys((label for label, _, _ in STAGES), 0.0)
    for (path, _, name), row in stats.stats.items():  # type: ignore[attr-defined]
        for label, suffix, func in STAGES:
            if name == func and path.endswith(suffix):
                out[label] += row[3]
    return out


def profile_stages(scale: float, seed: int, work: Path, save: Path | None = None
                   ) -> dict[str, float]:
    """Processor seconds of each stage of one build of the corpus at `scale`, profiled."""
    sys.path.insert(0, str(ROOT))
    from shnor_site.mkdocs_plugin.atomic import mkdocs_build
    from tests.helpers import make_project

    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    generate(work / "content", scale, seed)
    config = make_project(work / "project", work / "content")
    os.environ["SHNOR_WORKER"] = "0"
    prof = cProfile.Profile(time.process_time)
    try:
        prof.runcall(mkdocs_build, config, work / "site")
    finally:
        del os.environ["SHNOR_WORKER"]
    if save:
        prof.dump_stats(save)
    return stage_times(pstats.Stats(prof))


def main(argv: list[str] | None = None) -> int:
    """Generate, build under the profiler, print the stage table."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--scale", type=float, default=1.0)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--work", type=Path, default=Path("/tmp/shnor-profile"))
    ap.add_argument("--save", type=Path, help="also write the raw profile here")
    args = ap.parse_args(argv)
    times = profile_stages(args.scale, args.seed, args.work, args.save)
    total = times["вся сборка"] or 1.0
    for label, seconds in times.items():
        print(f"{label:<42} {seconds:8.1f} s  {seconds / total * 100:5.1f} %")
    return 0


if __name__ == "__main__":
    sys.exit(main())
