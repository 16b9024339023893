"""The theme around a finished page: MkDocs' own rendering, or a skeleton of it.

`ThemeFiller` renders `main.html` for a page exactly as MkDocs' `_build_page` does, and
for pages of a shape seen before fills the shape's skeleton instead (skeleton.py): the
first page of a shape is rendered in full, the second makes and checks the skeleton, the
rest are filled. The table of contents is filled the same way, by its structure.
"""

from __future__ import annotations

from typing import Any

from shnor_site.mkdocs_plugin.skeleton import (
    MARK,
    Shape,
    Skeleton,
    cut,
    probe_markdown,
    probe_toc_tokens,
    probe_uri,
    shape_of,
    slot_values,
    toc_signature,
    toc_values,
)

_TOC = '{% import "partials/language.html" as lang with context %}{% include "partials/toc.html" %}'


class ThemeFiller:
    """The theme's output for pages of one build (in the worker or the MkDocs process)."""

    def __init__(self, config: Any, env: Any, nav: Any, files: Any) -> None:
        self.config, self.env, self.nav, self.files = config, env, nav, files
        self.doc_files = files.documentation_pages()
        self.toc_template = env.from_string(_TOC)
        self.shapes: dict[Shape, Skeleton | None] = {}
        #: Shapes whose skeleton did not reproduce the theme: always rendered in full.
        self.failed: set[Shape] = set()
        self.tocs: dict[tuple, Skeleton | None] = {}
        self.toc_failed: set[tuple] = set()

    def _context(self, page: Any) -> Any:
        from mkdocs.commands.build import get_context

        return get_context(self.nav, self.doc_files, self.config, page)

    def render_theme(self, page: Any) -> str:
        """The theme's whole output for a page, as MkDocs' `_build_page` makes it."""
        page.active = True
        try:
            template = self.env.get_template(page.meta.get("template", "main.html"))
            return template.render(self._context(page))
        finally:
            page.active = False

    def _toc(self, page: Any) -> str:
        """The theme's table of contents of a page, from a skeleton of its structure."""
        signature = toc_signature(page.toc)
        if signature not in self.tocs:  # seen once: rendered; twice: a skeleton is made
            self.tocs[signature] = None
        elif self.tocs[signature] is None and signature not in self.toc_failed:
            self.tocs[signature] = self._toc_skeleton(signature)
            if self.tocs[signature] is None:
                self.toc_failed.add(signature)
        skeleton = self.tocs[signature]
        if skeleton is None:
            return self.toc_template.render(self._context(page))
        return skeleton.fill(toc_values(page.toc))

    def _toc_skeleton(self, signature: tuple) -> Skeleton | None:
        from mkdocs.structure.files import File
        from mkdocs.structure.pages import Page
        from mkdocs.structure.toc import get_toc

        page = Page(None, File.generated(self.config, f"{MARK}toc.md", content=""),
                    self.config)
        outputs = []
        for tag in "AB":
            page.toc = get_toc(probe_toc_tokens(signature, tag)[0])
            outputs.append((self.toc_template.render(self._context(page)),
                            toc_values(page.toc)))
        skeleton = cut(*outputs[0])
        if skeleton is None or skeleton.fill(outputs[1][1]) != outputs[1][0]:
            return None
        return skeleton

    def _values(self, page: Any) -> dict[str, str]:
        toc_html = self._toc(page)
        first = next(iter(page.toc), None)
        return slot_values(page.title or "", page.content, toc_html, page.url,
                           first.url if first is not None else "", page.url.count("/"))

    def html(self, page: Any) -> tuple[str, str]:
        """The page as the theme makes it, and how: "skeleton", "theme" (the first page of
        a shape, rendered in full) or "no_skeleton" (a shape whose skeleton failed)."""
        template = page.meta.get("template", "main.html")
        shape = shape_of(template, page.url, bool(page.toc), page.content, page.is_index)
        if shape not in self.shapes:  # the first page of a shape: the theme in full
            self.shapes[shape] = None
            return self.render_theme(page), "theme"
        skeleton = self.shapes[shape]
        if skeleton is None and shape not in self.failed:  # the second: a skeleton
            skeleton = self.shapes[shape] = self._skeleton(shape)
            if skeleton is None:
                self.failed.add(shape)
                return self.render_theme(page), "no_skeleton"
        if skeleton is None:
            return self.render_theme(page), "theme"
        return skeleton.fill(self._values(page)), "skeleton"

    def _probe(self, shape: Shape, tag: str) -> tuple[Any, str]:
        from mkdocs.structure.files import File
        from mkdocs.structure.pages import Page

        title, text = probe_markdown(shape, tag)
        page = Page(None, File.generated(self.config, probe_uri(shape, tag), content=text),
                    self.config)
        page.markdown, page.meta = text, {"title": title}
        if shape.template != "main.html":
            page.meta["template"] = shape.template
        page.render(self.config, self.files)
        return page, self.render_theme(page)

    def _skeleton(self, shape: Shape) -> Skeleton | None:
        """The skeleton of this shape, checked on a second probe; None when it fails."""
        first, output = self._probe(shape, "A")
        skeleton = cut(output, self._values(first))
        if skeleton is None:
            return None
        second, expected = self._probe(shape, "B")
        return skeleton if skeleton.fill(self._values(second)) == expected else None
