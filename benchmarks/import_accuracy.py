"""How well `shnor-site import` recovers the five bundled programmes, per document and format.

Each curated programme (tests/fixtures/site) is imported from its text export, and from a
DOCX and a PDF written from the curated YAML; the draft is compared with the curated YAML.

    python -m benchmarks.import_accuracy
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from tests.helpers import SITE_CONTENT
from tests.support.import_measure import FORMATS, NAMES, Score, run_case


def table() -> str:
    """The Markdown table: document × format → events exact, order items, passport rows,
    dropped cells; and totals per format."""
    lines = ["| документ | формат | мероприятия точно | пункты приказа | строки паспорта | "
             "потеряно ячеек |", "|---|---|---|---|---|---|"]
    totals = {fmt: [0, 0] for fmt in FORMATS}
    with tempfile.TemporaryDirectory() as tmp:
        for name in NAMES:
            for fmt in FORMATS:
                got, _ = run_case(name, fmt, SITE_CONTENT, Path(tmp))
                totals[fmt][0] += got.events[0]
                totals[fmt][1] += got.events[1]
                lines.append(f"| {name} | {fmt} | {Score.pct(got.events)} | "
                             f"{Score.pct(got.items)} | {Score.pct(got.passport)} | "
                             f"{got.dropped} |")
    for fmt, (found, total) in totals.items():
        lines.append(f"| **всего** | {fmt} | {Score.pct((found, total))} | | | |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    print(table(), end="")
