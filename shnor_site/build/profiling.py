"""Profiles of the worker and its helper for the benchmarks (`SHNOR_PROFILE=folder`).

With the variable set, the worker process runs under cProfile and writes
`folder/worker.prof` when it ends; a forked helper writes `folder/helper.prof` (it inherits
the running profiler). benchmarks/profile.py reads them per stage.
"""

from __future__ import annotations

import cProfile
import os
from pathlib import Path

_profiler: cProfile.Profile | None = None


def start() -> None:
    """Start profiling this process when SHNOR_PROFILE names a folder."""
    global _profiler
    if os.environ.get("SHNOR_PROFILE"):
        _profiler = cProfile.Profile()
        _profiler.enable()


def dump(name: str) -> None:
    """Stop profiling and write the profile as `name`.prof into the folder."""
    if _profiler is None:
        return
    _profiler.disable()
    folder = Path(os.environ["SHNOR_PROFILE"])
    folder.mkdir(parents=True, exist_ok=True)
    _profiler.dump_stats(str(folder / f"{name}.prof"))


def restart() -> None:
    """Profile afresh (a forked helper: what its parent did before is the parent's)."""
    global _profiler
    if _profiler is not None:
        _profiler.disable()
        _profiler = cProfile.Profile()
        _profiler.enable()
