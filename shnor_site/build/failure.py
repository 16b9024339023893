"""A failure while making the pages, worded for the person running the build."""

from __future__ import annotations

import os
import traceback


def template_place(exc: BaseException) -> tuple[str, int | None]:
    """The template file and line where a Jinja2 error happened (the innermost one)."""
    name = getattr(exc, "filename", None) or getattr(exc, "name", None) or ""
    line = getattr(exc, "lineno", None)
    for frame, lineno in traceback.walk_tb(exc.__traceback__):
        if frame.f_code.co_filename.endswith(".j2"):
            name, line = frame.f_code.co_filename, lineno
    return os.path.basename(name), line


def describe(exc: BaseException) -> str:
    """A Russian one-line account of a failure while making the pages."""
    import jinja2

    if isinstance(exc, jinja2.TemplateError):
        name, line = template_place(exc)
        return f"Ошибка в шаблоне {name}{':' + str(line) if line else ''}: {exc.message}"
    if getattr(exc, "for_person", False):  # already worded for the person
        return str(exc)
    return f"Не удалось подготовить страницы: {type(exc).__name__}: {exc}"
