"""A built site served on 127.0.0.1, and how Debian's Chromium is launched offline.

Shared by the tests, scripts/page_weight.py and the benchmarks.
"""

from __future__ import annotations

import functools
import http.server
import os
import threading
from pathlib import Path

CHROMIUM = os.environ.get("SHNOR_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:  # silence per-request logs
        pass


def serve_dir(directory: Path) -> tuple[str, http.server.ThreadingHTTPServer]:
    """Serve a folder on a free port of 127.0.0.1 in a thread; return base URL and server."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/", server
