"""What MkDocs learns of a finished page besides its HTML (fastpage.py): the link to the
glossary, the link targets a page looked up (the page cache checks them again), and the
links into anchors of other pages, checked as MkDocs checks them.
"""

from __future__ import annotations

from typing import Any


def about_href(page_url: str) -> str:
    """The link from a page at `page_url` to the glossary on the about page."""
    from mkdocs.utils import get_relative_url

    from shnor_site.render.glossary import GLOSSARY_ANCHOR, GLOSSARY_PAGE

    about = get_relative_url(GLOSSARY_PAGE.replace(".md", "/"), page_url)
    return f"{about}#{GLOSSARY_ANCHOR}"


class Lookups:
    """The build's files, noting each link target a page looks up (for the cache)."""

    def __init__(self, files: Any) -> None:
        self.files = files
        self.seen: dict[str, Any] = {}

    def get_file_from_path(self, path: str) -> Any:
        """The file at `path`, as Files.get_file_from_path; noted."""
        self.seen[path] = lookup(self.files, path)
        return self.files.get_file_from_path(path)


def lookup(files: Any, path: str) -> tuple[str, int] | None:
    """What a link to `path` resolves to: the page's address and inclusion, or None."""
    file = files.get_file_from_path(path)
    return None if file is None else (file.url, file.inclusion.value)


def check_anchors(ids: dict[str, frozenset[str]], links: dict[str, dict[str, dict[str, str]]],
                  ) -> tuple[list[str], dict[str, dict[str, dict[str, str]]]]:
    """MkDocs' messages for links into missing anchors of finished pages, and the links
    into other pages (the plugin checks those against the pages MkDocs rendered)."""
    messages: list[str] = []
    elsewhere: dict[str, dict[str, dict[str, str]]] = {}
    for uri, targets in links.items():
        for target, anchors in targets.items():
            if target not in ids:
                elsewhere.setdefault(uri, {})[target] = anchors
                continue
            for anchor, original in anchors.items():
                if anchor not in ids[target]:
                    messages.append(anchor_message(uri, target, anchor, original))
    return messages, elsewhere


def anchor_message(uri: str, target: str, anchor: str, original: str) -> str:
    """MkDocs' words for a link to a missing anchor (Page.validate_anchor_links)."""
    if target == uri:
        problem = "there is no such anchor on this page"
        extra = " This seems to be a footnote that is never referenced." \
            if anchor.startswith("fnref:") else ""
    else:
        problem, extra = f"the doc '{target}' does not contain an anchor '#{anchor}'", ""
    return f"Doc file '{uri}' contains a link '{original}', but {problem}.{extra}"
