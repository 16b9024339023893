"""Build the site with MkDocs into a temporary folder, index it, then swap it in.

A failed build leaves the previous `site/` untouched.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
os.environ.setdefault("DISABLE_MKDOCS_2_WARNING", "true")


class BuildError(Exception):
    """The build failed; the message is for the person running it."""


def mkdocs_build(config_file: Path, site_dir: Path, strict: bool = True) -> None:
    """Run a MkDocs build of config_file into site_dir."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    try:
        cfg = load_config(config_file=str(config_file), site_dir=str(site_dir), strict=strict)
        cfg.plugins.on_startup(command="build", dirty=False)
        try:
            build(cfg)
        finally:
            cfg.plugins.on_shutdown()
    except MkDocsException as exc:
        raise BuildError(str(exc)) from None


def atomic_build(config_file: Path, site_dir: Path,
                 after: Callable[[Path], None] | None = None, strict: bool = True) -> Path:
    """Build into a sibling temp folder, run `after` on it, then replace site_dir."""
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".site-build-", dir=site_dir.parent))
    try:
        mkdocs_build(config_file, tmp, strict=strict)
        if after:
            after(tmp)
        old = site_dir.with_name(f".{site_dir.name}-old")
        if old.exists():
            shutil.rmtree(old)
        if site_dir.exists():
            site_dir.rename(old)
        tmp.rename(site_dir)
        shutil.rmtree(old, ignore_errors=True)
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)
    return site_dir
