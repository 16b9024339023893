"""Pages and files of the last build taken into this one (build/incremental.py).

A page whose Markdown cannot have changed is hard-linked from the last build's site folder
when that file is still the one written then (same size and modification time), else
written from the page cache; either way MkDocs learns its anchors, links and messages from
what the last build noted. The calendars, open data and feeds are linked the same way when
nothing they were made from changed. Mixed into FastPages (fastpage.py).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from shnor_site.build.incremental import PageMemo, link_previous, stamp


class Reuse:
    """FastPages' part that takes pages and files from the last build."""

    site_dir: str
    previous: Path | None
    files: Any
    cache: Any
    counts: dict[str, int]
    ids: dict[str, frozenset[str]]
    links: dict[str, dict[str, dict[str, str]]]
    last_logs: list[tuple[str, int, str]]
    _folders: set[Path]

    def reuse_page(self, uri: str, memo: PageMemo) -> PageMemo | None:
        """Put the last build's page at `uri` into this site; what to remember of it, or
        None when neither the old file nor the cache has it."""
        self._wait_go()  # type: ignore[attr-defined]
        dest = self.files.get_file_from_path(uri).dest_uri
        key = self.cache.key(uri, memo.digest) if self.cache is not None else None
        if link_previous(self.previous, Path(self.site_dir), dest, memo.written,
                         self._folders):
            if key is not None:
                self.cache.used.add(key)  # kept: the next change of structure needs it
            self.ids[uri] = memo.ids
            if memo.links:
                self.links[uri] = memo.links
            self.counts["linked"] = self.counts.get("linked", 0) + 1
            return memo
        logs = self.reuse(uri, memo.digest)  # type: ignore[attr-defined]
        if logs is None:
            return None
        return PageMemo(memo.digest, memo.reads, self.ids[uri], self.links.get(uri), logs,
                        self.written(uri))

    def noted(self, uri: str, digest: str, reads: frozenset[str]) -> PageMemo:
        """What to remember of the page just made at `uri`."""
        return PageMemo(digest, reads, self.ids.get(uri, frozenset()), self.links.get(uri),
                        list(self.last_logs), self.written(uri))

    def written(self, uri: str) -> tuple[int, int] | None:
        """(size, mtime) of the page at `uri` as written into this site."""
        return stamp(Path(self.site_dir) / self.files.get_file_from_path(uri).dest_uri)

    def link_files(self, written: dict[str, tuple[int, int]]) -> bool:
        """Link every file of the last build; False (and nothing to rely on) when one of
        them is not there as written."""
        self._wait_go()  # type: ignore[attr-defined]
        site, linked = Path(self.site_dir), []
        for uri, stamp_ in written.items():
            if not link_previous(self.previous, site, uri, stamp_, self._folders):
                for done in linked:  # the files are made again: never write through a link
                    (site / done).unlink(missing_ok=True)
                return False
            linked.append(uri)
        return True

    def link_one(self, uri: str, written: tuple[int, int] | None) -> bool:
        """Link the last build's file at `uri` when it is still as written."""
        self._wait_go()  # type: ignore[attr-defined]
        return link_previous(self.previous, Path(self.site_dir), uri, written, self._folders)

    def write_stamped(self, uri: str, data: bytes) -> tuple[int, int] | None:
        """Write a file into the site; its (size, mtime) as written."""
        self.write(uri, data)  # type: ignore[attr-defined]
        return stamp(Path(self.site_dir) / uri)

    def file_stamps(self, uris: list[str]) -> dict[str, tuple[int, int]]:
        """(size, mtime) of each file written into this site."""
        site = Path(self.site_dir)
        return {uri: found for uri in uris if (found := stamp(site / uri)) is not None}
