"""The download indicator of ``roadmap add`` / ``update``: on a terminal only, and only
after a second."""

from __future__ import annotations

import io
import sys
import time

import pytest

from roadmap_cli.cli.commands.library import _Indicator


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_slow_download_shows_a_bar_then_clears_it(monkeypatch: pytest.MonkeyPatch) -> None:
    err = Terminal()
    monkeypatch.setattr(sys, "stderr", err)
    indicator = _Indicator()
    indicator.started -= 2  # two seconds in
    indicator(1024, 2048)
    indicator(2048, None)
    indicator.close()
    out = err.getvalue()
    assert "\rDownloading [##########..........] 1 KB of 2 KB" in out
    assert "\rDownloading… 2 KB" in out
    assert out.endswith("\r\x1b[K")


def test_the_timer_announces_a_download_with_no_bytes_yet(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    err = Terminal()
    monkeypatch.setattr(sys, "stderr", err)
    indicator = _Indicator()
    deadline = time.monotonic() + 10
    while not indicator.shown and time.monotonic() < deadline:
        time.sleep(0.05)
    indicator.close()
    assert err.getvalue().startswith("\rDownloading…")


def test_quick_downloads_and_pipes_show_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    err = Terminal()
    monkeypatch.setattr(sys, "stderr", err)
    quick = _Indicator()
    quick(10, 10)
    quick.close()
    assert err.getvalue() == ""
    pipe = io.StringIO()
    monkeypatch.setattr(sys, "stderr", pipe)
    piped = _Indicator()
    piped.started -= 5
    piped(10, 10)
    piped.close()
    assert pipe.getvalue() == ""
