"""The plugin's options in mkdocs.yml, and the environment variables that override them.

```yaml
plugins:
  - shnor:
      content_dir: content      # records, practices, original texts
      templates_dir: templates  # Jinja2 templates of the pages
      search: true              # build the site's own search index
      worker: true              # make pages in a second process during `build`
      raw_html: true            # keep HTML blocks away from Python-Markdown
      quick_markdown: true      # headings-and-blocks pages without it (build/quickmd.py)
      fast_pages: true          # finish pages outside the nav in the worker (fastpage.py)
      cache_dir: .cache/shnor   # finished pages kept between builds ("" — none; cache.py)
      stall_seconds: 600        # give up on a worker silent this long (0: never)
      timings: null             # write the worker's timings as JSON to this file
```

Each option may be overridden for one run by `SHNOR_<OPTION>` (`SHNOR_SEARCH=0`,
`SHNOR_WORKER=0`, `SHNOR_TIMINGS=/tmp/t.json`): the benchmarks and the CLI use that.
"""

from __future__ import annotations

import os
from typing import Any

from mkdocs.config import config_options as c
from mkdocs.config.base import Config

_FALSE = {"0", "false", "no", "off", ""}


class ShnorConfig(Config):
    """Plugin options in mkdocs.yml."""

    content_dir = c.Type(str, default="content")
    templates_dir = c.Type(str, default="templates")
    search = c.Type(bool, default=True)
    worker = c.Type(bool, default=True)
    raw_html = c.Type(bool, default=True)
    quick_markdown = c.Type(bool, default=True)
    fast_pages = c.Type(bool, default=True)
    cache_dir = c.Type(str, default=".cache/shnor")
    stall_seconds = c.Type((int, float), default=600)
    timings = c.Optional(c.Type(str))


def setting(config: ShnorConfig, name: str) -> Any:
    """The option `name`, or the value of SHNOR_<NAME> when that variable is set."""
    value = config[name]
    raw = os.environ.get(f"SHNOR_{name.upper()}")
    if raw is None:
        return value
    if isinstance(value, bool):
        return raw.strip().lower() not in _FALSE
    if name == "stall_seconds":
        return float(raw)
    return raw or None
