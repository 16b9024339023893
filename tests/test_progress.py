"""Progress lines of long builds: on a terminal only, one rewritten line per stage."""

from __future__ import annotations

import pytest

from shnor_site.build import progress


def test_quiet_in_ci_and_when_not_a_terminal(monkeypatch: pytest.MonkeyPatch,
                                             capsys: pytest.CaptureFixture) -> None:
    monkeypatch.setenv("CI", "true")
    p = progress.Progress("Страницы", 3, every=1)
    for _ in range(3):
        p.step()
    p.done()
    progress.stage_done("Индекс", progress.stage("Индекс"))
    assert capsys.readouterr().err == ""


def test_counts_on_a_terminal(monkeypatch: pytest.MonkeyPatch,
                              capsys: pytest.CaptureFixture) -> None:
    monkeypatch.setattr(progress, "enabled", lambda: True)
    p = progress.Progress("Страницы", 5, every=2)
    for _ in range(5):
        p.step()
    p.done()
    lines = capsys.readouterr().err.split("\r")
    counts = [line.split(":")[1].split("(")[0].strip() for line in lines if line]
    assert counts == ["2/5", "4/5", "5/5"]
    assert lines[-1].endswith("\n") and lines[-1].count("5/5") == 1
