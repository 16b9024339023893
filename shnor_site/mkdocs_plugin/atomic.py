"""Build the site with MkDocs into a temporary folder, index it, then swap it in.

A failed build leaves the previous `site/` untouched. The site it replaces stays as
`.site-old` until the next build removes it, in the background.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
os.environ.setdefault("DISABLE_MKDOCS_2_WARNING", "true")


class BuildError(Exception):
    """The build failed; the message is for the person running it."""


def mkdocs_build(config_file: Path, site_dir: Path, strict: bool = True,
                 previous: Path | None = None) -> None:
    """Run a MkDocs build of config_file into site_dir; `previous` is the site folder of
    the last build, whose unchanged files the shnor plugin may link (build/incremental.py)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    try:
        cfg = load_config(config_file=str(config_file), site_dir=str(site_dir), strict=strict)
        shnor = cfg.plugins.get("shnor")
        if shnor is not None and previous is not None and previous.is_dir():
            shnor.previous_site = previous
        cfg.plugins.on_startup(command="build", dirty=False)
        try:
            build(cfg)
        finally:
            cfg.plugins.on_shutdown()
    except MkDocsException as exc:
        raise BuildError(_russian(str(exc))) from None


#: MkDocs' own closing words, which follow the reason it printed above them.
_MKDOCS_WORDS = {
    "Aborted with a BuildError!": "MkDocs остановил сборку, причина — в строках выше.",
}


def _russian(message: str) -> str:
    """MkDocs' message, or its Russian wording when it only says that it stopped."""
    if message.startswith("Aborted with ") and message.endswith(" warnings in strict mode!"):
        count = message.split()[2]
        return f"MkDocs остановил сборку: предупреждений — {count} (режим strict), см. выше."
    return _MKDOCS_WORDS.get(message, message)


def atomic_build(config_file: Path, site_dir: Path,
                 after: Callable[[Path], None] | None = None, strict: bool = True) -> Path:
    """Build into a sibling temp folder, run `after` on it, then replace site_dir.

    The replaced site is kept as `.<site>-old` and removed by a thread during the next
    build, while this process mostly waits for the worker: removing tens of thousands of
    files at the end of every build cost a rebuild a fifth of its time."""
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    old = site_dir.with_name(f".{site_dir.name}-old")
    sweeper = threading.Thread(target=shutil.rmtree, args=(old, True), daemon=True,
                               name="shnor-remove-old-site")
    if old.exists():
        sweeper.start()
    tmp = Path(tempfile.mkdtemp(prefix=".site-build-", dir=site_dir.parent))
    try:
        mkdocs_build(config_file, tmp, strict=strict, previous=site_dir)
        if after:
            after(tmp)
        if sweeper.is_alive():
            sweeper.join()
        if old.exists():
            shutil.rmtree(old)
        if site_dir.exists():
            site_dir.rename(old)
        tmp.rename(site_dir)
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)
    return site_dir
