"""The site's search engine (docs/assets/search-engine.js) run under Node on a list of calls
(tests/js/engine_harness.mjs): shared by the engine tests and benchmarks/relevance.py."""

from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
ENGINE = ROOT / "docs" / "assets" / "search-engine.js"
HARNESS = ROOT / "tests" / "js" / "engine_harness.mjs"


def engine_calls(calls: list[dict], timeout: float = 300) -> list:
    """The results of the calls; RuntimeError with Node's message when it fails."""
    with tempfile.TemporaryDirectory() as tmp:
        module = Path(tmp) / "search-engine.mjs"  # .mjs: Node loads it as an ES module
        shutil.copyfile(ENGINE, module)
        done = subprocess.run(["node", str(HARNESS), str(module)], input=json.dumps(calls),
                              capture_output=True, text=True, check=False, timeout=timeout)
    if done.returncode != 0:
        raise RuntimeError(done.stderr)
    return json.loads(done.stdout)
