"""Shared fixtures: the real content built once, served on 127.0.0.1, and Chromium."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.localserve import CHROMIUM, CHROMIUM_ARGS, serve_dir

ROOT = Path(__file__).resolve().parent.parent
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
os.environ.setdefault("DISABLE_MKDOCS_2_WARNING", "true")



@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict) -> dict:
    """Debian's Chromium, never a downloaded browser; no background network traffic."""
    return {**browser_type_launch_args, "executable_path": CHROMIUM,
            "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The frozen copy of the bundled content (tests/fixtures/site) built once per test
    session with the project's configuration, theme and templates (with the search index)."""
    from shnor_site.mkdocs_plugin.atomic import atomic_build
    from tests.helpers import SITE_CONTENT, make_project

    project = tmp_path_factory.mktemp("built")
    return atomic_build(make_project(project / "project", SITE_CONTENT), project / "site")


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    """Base URL of the built site served at the root of a local server."""
    url, server = serve_dir(built_site)
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def subpath_url(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The same site served under /shnor-site/, as on a GitHub Pages project site."""
    root = tmp_path_factory.mktemp("pages")
    shutil.copytree(built_site, root / "shnor-site")
    url, server = serve_dir(root)
    yield url + "shnor-site/"
    server.shutdown()
