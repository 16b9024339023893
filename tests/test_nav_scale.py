"""Navigation scales: a page's size does not depend on how many schools the site has.

Material embeds the navigation in every page; records in the nav would make every page
grow with the number of records (quadratic output). Only index pages belong in the nav.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from shnor_site.mkdocs_plugin.atomic import mkdocs_build
from tests.helpers import SITE_CONTENT, make_project

EXTRA_SCHOOLS = 500
#: Pages unrelated to the added schools (which all belong to Tula).
UNRELATED = ["about", "", "programmes/seversk-2022", "schools/seversk-soh-83",
             "organisations/seversk-rco", "municipalities/kargasok"]


def add_schools(content: Path, n: int) -> None:
    """Write n valid synthetic school records into a content folder."""
    for i in range(n):
        sid = f"synth-school-{i:03d}"
        record = {"id": sid, "municipality": "tula",
                  "name": f"Муниципальное бюджетное общеобразовательное учреждение «Школа № {i}»",
                  "short_name": f"МБОУ «Синтетическая школа № {i}»"}
        text = "".join(f"{k}: {json.dumps(v, ensure_ascii=False)}\n" for k, v in record.items())
        (content / "schools" / f"{sid}.yml").write_text(text, encoding="utf-8")


def page_size(site: Path, url: str) -> int:
    """Size in bytes of a built page's HTML."""
    return (site / url / "index.html").stat().st_size


@pytest.fixture(scope="module")
def two_builds(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The bundled content built as is, and again with EXTRA_SCHOOLS more schools."""
    sites = []
    for extra in (0, EXTRA_SCHOOLS):
        tmp = tmp_path_factory.mktemp(f"scale{extra}")
        config = make_project(tmp, SITE_CONTENT)
        add_schools(tmp / "content", extra)
        mkdocs_build(config, tmp / "site")
        sites.append(tmp / "site")
    return sites[0], sites[1]


def test_the_extra_schools_were_built(two_builds: tuple[Path, Path]) -> None:
    """Sanity: the second build really has 500 more school pages, listed on index pages."""
    small, big = two_builds
    pages = list((big / "schools").glob("synth-school-*/index.html"))
    assert len(pages) == EXTRA_SCHOOLS
    assert not list((small / "schools").glob("synth-school-*"))
    listings = [p for p in (big / "schools").rglob("index.html") if "synth-school" not in str(p)]
    last = f"Синтетическая школа № {EXTRA_SCHOOLS - 1}"
    assert any(last in p.read_text(encoding="utf-8") for p in listings)


@pytest.mark.parametrize("url", UNRELATED)
def test_unrelated_page_size_does_not_grow(two_builds: tuple[Path, Path], url: str) -> None:
    """Each unrelated page changes by less than 1 KB with 500 more schools."""
    small, big = two_builds
    assert abs(page_size(big, url) - page_size(small, url)) < 1024
