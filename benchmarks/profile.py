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
    ("ours: load and check content", "shnor_site/validate.py", "load_catalogue"),
    ("ours: link and plan pages", "shnor_site/render/__init__.py", "plan_site"),
    ("ours: render pages", "shnor_site/render/__init__.py", "render_page"),
    ("  of which Python-Markdown in fields", "shnor_site/render/markup.py", "md_block"),
    ("ours: calendars, open data, feeds", "shnor_site/render/__init__.py", "site_files"),
    ("ours: search index", "shnor_site/search/__init__.py", "build_search_index"),
    ("ours: HTML blocks out of Markdown", "shnor_site/rawhtml.py", "stash"),
    ("ours: safety check of page HTML", "shnor_site/safety.py", "unsafe_page_html"),
    ("MkDocs: Markdown to HTML (all pages)", "mkdocs/structure/pages.py", "render"),
    ("MkDocs: theme templates, writing", "mkdocs/commands/build.py", "_build_page"),
    ("whole build", "mkdocs/commands/build.py", "build"),
]


def stage_times(stats: pstats.Stats) -> dict[str, float]:
    """Cumulative time of each stage's function (summed over calls)."""
    out = dict.fromkeys((label for label, _, _ in STAGES), 0.0)
    for (path, _, name), row in stats.stats.items():  # type: ignore[attr-defined]
        for label, suffix, func in STAGES:
            if name == func and path.endswith(suffix):
                out[label] += row[3]
    return out


def main(argv: list[str] | None = None) -> int:
    """Generate, build under the profiler, print the stage table."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--scale", type=float, default=1.0)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--work", type=Path, default=Path("/tmp/shnor-profile"))
    ap.add_argument("--save", type=Path, help="also write the raw profile here")
    args = ap.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    from shnor_site.building import mkdocs_build
    from tests.helpers import make_project

    shutil.rmtree(args.work, ignore_errors=True)
    args.work.mkdir(parents=True)
    generate(args.work / "content", args.scale, args.seed)
    config = make_project(args.work / "project", args.work / "content")
    os.environ["SHNOR_WORKER"] = "0"
    prof = cProfile.Profile(time.process_time)
    prof.runcall(mkdocs_build, config, args.work / "site")
    if args.save:
        prof.dump_stats(args.save)
    times = stage_times(pstats.Stats(prof))
    total = times["whole build"] or 1.0
    for label, seconds in times.items():
        print(f"{label:<42} {seconds:8.1f} s  {seconds / total * 100:5.1f} %")
    return 0


if __name__ == "__main__":
    sys.exit(main())
