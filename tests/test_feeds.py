"""Atom feeds: well-formed, required elements, upcoming events, practices by date added."""

from __future__ import annotations

import datetime as dt
from xml.etree import ElementTree as ET

import pytest

from shnor_site.content.validate import load_catalogue
from shnor_site.core.models import KINDS
from shnor_site.graph.link import build_graph
from shnor_site.graph.tracking import Schedule
from shnor_site.outputs import feeds
from tests.helpers import FIXTURES, ROOT, SITE_CONTENT

A = "{http://www.w3.org/2005/Atom}"


def parse(data: bytes) -> ET.Element:
    """Parse an Atom feed and check what RFC 4287 requires of it and its entries."""
    assert data.startswith(b"<?xml version='1.0' encoding='utf-8'?>")
    root = ET.fromstring(data)
    assert root.tag == f"{A}feed"
    for tag in ("id", "title", "updated", "author"):
        assert root.find(f"{A}{tag}") is not None, tag
    assert root.find(f"{A}link[@rel='self']") is not None
    for entry in root.findall(f"{A}entry"):
        for tag in ("id", "title", "updated", "link", "summary"):
            assert (entry.find(f"{A}{tag}") is not None), tag
        dt.datetime.strptime(entry.findtext(f"{A}updated"), "%Y-%m-%dT%H:%M:%SZ")
    return root


def sched_for(content, today: dt.date) -> Schedule:
    return Schedule(build_graph(load_catalogue(content)), today)


def test_events_feed_lists_upcoming_events_with_relative_links() -> None:
    root = parse(feeds.events_feed(sched_for(FIXTURES / "mini", dt.date(2023, 9, 15))))
    (entry,) = root.findall(f"{A}entry")
    assert entry.findtext(f"{A}title") == "октябрь 2023: 1. Семинар «Наставничество в школах»"
    assert entry.find(f"{A}link").get("href") == "../programmes/testgrad-2023/roadmap/#s1-t1-e1"
    assert entry.findtext(f"{A}id") == "tag:shnor-site,2024:programmes/testgrad-2023/s1-t1-e1/1"
    assert "исполнение: нет сведений" in entry.findtext(f"{A}summary")


def test_events_feed_is_empty_but_valid_when_everything_is_past() -> None:
    root = parse(feeds.events_feed(sched_for(SITE_CONTENT, dt.date(2030, 1, 1))))
    assert root.findall(f"{A}entry") == []


def test_events_feed_on_real_content_is_sorted_by_date() -> None:
    root = parse(feeds.events_feed(sched_for(SITE_CONTENT, dt.date(2024, 3, 15))))
    titles = [e.findtext(f"{A}title") for e in root.findall(f"{A}entry")]
    assert titles and titles[0].startswith("январь – март 2024")
    assert len(titles) == len(set(e.findtext(f"{A}id") for e in root.findall(f"{A}entry")))


def test_feeds_do_not_depend_on_the_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    a = feeds.feed_files(sched_for(FIXTURES / "mini", dt.date(2023, 9, 15)))
    b = feeds.feed_files(sched_for(FIXTURES / "mini", dt.date(2023, 9, 15)))
    assert a == b
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    root = parse(feeds.events_feed(sched_for(FIXTURES / "mini", dt.date(2023, 9, 15))))
    assert root.findtext(f"{A}updated") == "2023-11-14T22:13:20Z"


def test_practices_feed_by_date_added() -> None:
    sched = sched_for(SITE_CONTENT, dt.date(2030, 1, 1))
    practices = feeds.practice_records(sched.graph.cat)
    root = parse(feeds.practices_feed(sched))
    entries = root.findall(f"{A}entry")
    assert len(entries) == min(len(practices), 50)
    added = [e.findtext(f"{A}updated") for e in entries]
    assert added == sorted(added, reverse=True)
    if entries:
        rec = practices[0]
        assert entries[0].find(f"{A}link").get("href") == f"../practices/{rec.id}/"
        assert root.findtext(f"{A}updated") == added[0]


def test_practices_feed_without_the_practices_kind(monkeypatch: pytest.MonkeyPatch) -> None:
    sched = sched_for(FIXTURES / "mini", dt.date(2030, 1, 1))
    monkeypatch.delitem(KINDS, "practice", raising=False)
    root = parse(feeds.practices_feed(sched))
    assert root.findall(f"{A}entry") == []
    assert root.find(f"{A}link[@rel='alternate']").get("href") == "../"


def test_readers_reach_the_feeds_through_a_page_that_explains_them() -> None:
    """A tap on «лента» opens a Russian page saying what a feed is and how to subscribe;
    only that page links the raw Atom files (a phone would show them as XML)."""
    from shnor_site.content.validate import load_catalogue
    from shnor_site.pages.plan import render_site

    site = render_site(load_catalogue(SITE_CONTENT), ROOT / "templates", dt.date(2024, 3, 15))
    page = site.pages["feeds/index.md"]
    assert "Как подписаться" in page
    assert 'href="events.xml"' in page and 'href="practices.xml"' in page
    linking = sorted(uri for uri, text in site.pages.items() if ".xml\"" in text)
    assert linking == ["feeds/index.md"]
    assert 'href="feeds/"' in site.pages["index.md"]
