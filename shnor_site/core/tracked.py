"""Text that only pages read, noting which pages read it (build/incremental.py).

A practice's body sections reach the pages only through a `TrackedText`; while a page is
rendered inside `reading`, every access — from a template or from Python — notes the
practice's id, so the next build knows which pages a changed body can reach.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any


class TrackedText(Mapping[str, str]):
    """One record's text that only pages read (a practice's body sections by name); every
    access while `TrackedText.reader` is a set notes the record's id in it."""

    __slots__ = ("_data", "key")
    #: The ids read by the page being rendered (None between pages).
    reader: set[str] | None = None

    def __init__(self, key: str, data: dict[str, str]) -> None:
        self.key, self._data = key, data

    def _read(self) -> None:
        if TrackedText.reader is not None:
            TrackedText.reader.add(self.key)

    def __getitem__(self, name: str) -> str:
        self._read()
        return self._data[name]

    def __iter__(self) -> Iterator[str]:
        self._read()
        return iter(self._data)

    def __len__(self) -> int:
        self._read()
        return len(self._data)

    def __contains__(self, name: object) -> bool:
        self._read()
        return name in self._data


def reading(render: Any, *args: Any) -> tuple[Any, frozenset[str]]:
    """Call render(*args); its result and the ids of the texts it read."""
    TrackedText.reader = seen = set()
    try:
        return render(*args), frozenset(seen)
    finally:
        TrackedText.reader = None
