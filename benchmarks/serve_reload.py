"""Save → reload in `shnor-site serve`: how long a methodologist waits to see an edit.

`shnor-site serve` runs on a free port of 127.0.0.1 over a copy of the project. After its
first build, one practice file and then one school file get a new word; the clock runs from
the save until the served page shows that word (polled every 50 ms) — the file watcher,
our pages and MkDocs' rebuild of the changed pages all included.
"""

from __future__ import annotations

import os
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

from .measure import ENV, VENV_BIN


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_for(url: str, word: str | None, timeout: float, proc: subprocess.Popen) -> float:
    began = time.perf_counter()
    while time.perf_counter() - began < timeout:
        if proc.poll() is not None:
            raise RuntimeError(f"serve ended with code {proc.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                body = response.read().decode("utf-8")
            if word is None or word in body:
                return time.perf_counter() - began
        except OSError:
            pass
        time.sleep(0.05)
    raise TimeoutError(f"{url} did not show {word!r} within {timeout:.0f} s")


def _edit_practice(path: Path, word: str) -> None:
    path.write_text(path.read_text(encoding="utf-8").rstrip("\n") + f" {word}\n",
                    encoding="utf-8")


def _edit_school(path: Path, word: str) -> None:
    lines, skipping = [], False
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("description:"):
            skipping = True  # the field and its indented continuation lines
        elif not (skipping and (line.startswith(" ") or not line)):
            skipping = False
            lines.append(line)
    lines.append(f"description: Проверка предпросмотра {word}.")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def reload_seconds(project: Path, timeout: float = 1800, full: bool = False
                   ) -> dict[str, float]:
    """First build, then save → visible for one practice and one school (seconds);
    `full` rebuilds every page after a save (`serve --full`, as before dirty builds)."""
    port = _free_port()
    base = f"http://127.0.0.1:{port}/"
    practice = sorted(p for p in (project / "content" / "practices").glob("*.md")
                      if not p.name.startswith("_"))[0]
    school = sorted((project / "content" / "schools").glob("*.yml"))[0]
    extra = ["--full"] if full else []
    proc = subprocess.Popen([str(VENV_BIN / "shnor-site"), "serve", "-a", f"127.0.0.1:{port}",
                             *extra],
                            cwd=project, env={**ENV, **os.environ, "CI": "true"},
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        out = {"first_build": round(_wait_for(base, None, timeout, proc), 2)}
        time.sleep(1.5)  # let the watcher settle after the first build
        for kind, path, edit in (("practice", practice, _edit_practice),
                                 ("school", school, _edit_school)):
            word = f"Проверкапредпросмотра{kind}{int(time.time())}"
            folder = "practices" if kind == "practice" else "schools"
            edit(path, word)
            out[kind] = round(_wait_for(f"{base}{folder}/{path.stem}/", word, timeout, proc), 2)
            time.sleep(1.5)
        return out
    finally:
        proc.terminate()
        proc.wait(timeout=30)
