"""Files MkDocs reads from the staging folder, and page HTML kept small until it is used.

`StagedFile` is a generated page or file that the worker may not have written yet: MkDocs
reading it waits until it is there. `PackedPages` keeps each converted page's HTML
compressed between conversion and the page template, so that a national site's pages do
not all sit in memory as text; `page.content` itself stays a `str` for other plugins.
"""

from __future__ import annotations

import zlib

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from shnor_site.build.worker import Worker, WorkerError


class StagedFile(File):
    """A generated page or file read from the staging folder once the worker wrote it."""

    worker: Worker

    @property
    def content_bytes(self) -> bytes:
        """The staged bytes (waits until they are written)."""
        self._wait()
        return File.content_bytes.fget(self)

    @property
    def content_string(self) -> str:
        """The staged text (waits until it is written)."""
        self._wait()
        return File.content_string.fget(self)

    def copy_file(self, dirty: bool = False) -> None:
        """Copy the staged file into the site (waits until it is written)."""
        self._wait()
        super().copy_file(dirty)

    def _wait(self) -> None:
        try:
            self.worker.wait_ready(self.src_uri)
        except WorkerError as exc:
            raise PluginError(str(exc)) from None


class FinishedFile(File):
    """A generated page or file the worker writes finished into the site (fastpage.py):
    MkDocs links to it and lists it, but neither renders nor copies it."""

    #: True only while the sitemap is made again with these pages in it (plugin.py).
    as_page = False

    @classmethod
    def make(cls, config: object, uri: str) -> FinishedFile:
        """The file for `uri`, with the address MkDocs gives a page or file there."""
        made = File.generated(config, uri, content="")
        _ = made.dest_uri, made.url, made.abs_dest_path  # fixed now, as a page's
        made.__class__ = cls
        return made

    def is_documentation_page(self) -> bool:
        """Not rendered by MkDocs (except in the sitemap)."""
        return self.as_page and self.src_uri.endswith(".md")

    def copy_file(self, dirty: bool = False) -> None:
        """Nothing to copy: the worker wrote the file in place."""


class PackedPages:
    """Page HTML by source URI, zlib level 1 (about 8× smaller than the str)."""

    def __init__(self) -> None:
        self._data: dict[str, bytes] = {}

    def put(self, uri: str, html: str) -> None:
        """Keep the HTML of the page at `uri`."""
        self._data[uri] = zlib.compress(html.encode("utf-8"), 1)

    def take(self, uri: str) -> str | None:
        """The HTML kept for `uri` (once), or None."""
        data = self._data.pop(uri, None)
        return None if data is None else zlib.decompress(data).decode("utf-8")
