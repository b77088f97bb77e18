"""The text commands print the same bytes through render/console.py's own console as
through rich: every command below runs twice on the same progress, once as shipped and
once with every print handed to rich, in colour and without, narrow and wide, in both
languages, and the two outputs must be equal (hyperlink ids aside: rich draws them at
random).

One difference is on purpose: where a renderer measures a Text (``history`` decides
whether a note folds), the width is :func:`~roadmap_cli.support.textsafe.cell_width`, as
it always was without colour; rich measured emoji joined by ZWJ (👨‍👩‍👧‍👦) narrower, so
in colour such a line used to fold at other widths than the same line without colour."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from roadmap_cli.render.console import Console
from tests.cli.conftest import Run

#: Commands that only read, run on the progress of :func:`studied`.
READS = [
    ("next",),
    ("next", "-n", "3"),
    ("list",),
    ("list", "--status", "done"),
    ("show", "dl-theory"),
    ("show", "hf-transformers"),
    ("search", "attention"),
    ("history",),
    ("review",),
    ("plan",),
    ("paths",),
    ("doctor",),
    ("show", "dl-code"),
    ("report", "--format", "text"),
]
#: Commands that fail (their messages go to stderr).
ERRORS = [("show", "no-such-topic"), ("done", "pandas", "--date", "someday"), ("next", "-n", "x")]
#: Commands that write: each runs on a fresh copy of the progress.
WRITES = [
    ("done", "dl-code", "--note", "读完了 · finished"),
    ("start", "hf-transformers"),
    ("skip", "dl-theory"),
    ("reset", "pandas"),
    ("note", "dl-code", "a note with 中文 and a long tail " * 4),
    ("log", "dl-code", "45m"),
    ("undo",),
]
#: (environment, width, language): plain, colour of three kinds, colour without colours.
SETTINGS = [
    ({"NO_COLOR": "1"}, "100", "en"),
    ({"FORCE_COLOR": "1", "TERM": "xterm", "NO_COLOR": ""}, "60", "zh"),
    ({"FORCE_COLOR": "1", "COLORTERM": "truecolor", "NO_COLOR": ""}, "200", "en"),
    ({"FORCE_COLOR": "1", "NO_COLOR": "1"}, "40", "zh"),
    ({"FORCE_COLOR": "1", "TERM": "xterm-256color", "NO_COLOR": ""}, "72", "en"),
]
_LINK_ID = re.compile(r"\x1b\]8;id=[0-9-]+;")


@pytest.fixture
def studied(roadmap: Callable[..., Run], _isolated: Path) -> Path:
    """A learner part of the way: done, started, skipped, a note, a link, time, a plan."""
    for args in [
        ("done", "pandas"),
        ("done", "numpy", "--date", "2026-11-20"),
        ("start", "dl-code"),
        ("skip", "seaborn"),
        ("note", "pandas", "~~old~~ new · 新的笔记"),
        ("link", "dl-code", "https://example.org/d2l", "-t", "My D2L notes"),
        ("log", "dl-code", "1h30m"),
        ("plan", "--by", "2027-06-30"),
    ]:
        run = roadmap(*args)
        assert run.exit_code == 0, (args, run.stderr)
    return _isolated


def _both(
    roadmap: Callable[..., Run],
    monkeypatch: pytest.MonkeyPatch,
    args: tuple[str, ...],
    fresh: Callable[[], None],
) -> tuple[Run, Run]:
    """``args`` as shipped, then with every print handed to rich (``fresh`` resets the
    progress before each)."""
    fresh()
    ours = roadmap(*args)
    with monkeypatch.context() as patch:
        patch.setattr(Console, "_render", lambda self, text, soft_wrap: None)
        fresh()
        theirs = roadmap(*args)
    return ours, theirs


def _terminal(monkeypatch: pytest.MonkeyPatch, env: dict[str, str], width: str) -> None:
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setenv("COLUMNS", width)


def _same(ours: Run, theirs: Run) -> None:
    assert ours.exit_code == theirs.exit_code
    assert _LINK_ID.sub("id=;", ours.stdout) == _LINK_ID.sub("id=;", theirs.stdout)
    assert _LINK_ID.sub("id=;", ours.stderr) == _LINK_ID.sub("id=;", theirs.stderr)


@pytest.mark.parametrize(("env", "width", "lang"), SETTINGS, ids=lambda v: str(v))
def test_reading_commands_print_as_rich_would(
    studied: Path, roadmap, monkeypatch: pytest.MonkeyPatch, env, width, lang
) -> None:
    _terminal(monkeypatch, env, width)
    coloured = 0
    for args in READS + ERRORS:
        ours, theirs = _both(roadmap, monkeypatch, ("--lang", lang, *args), lambda: None)
        assert (ours.exit_code == 0) == (args not in ERRORS), (args, ours.stderr)
        _same(ours, theirs)
        coloured += "\x1b[" in ours.stdout
    # the comparison is not vacuous: colour settings give escape codes, plain gives none
    assert (coloured > 5) == (env.get("FORCE_COLOR") == "1"), coloured


@pytest.mark.parametrize(("env", "width", "lang"), SETTINGS[:3], ids=lambda v: str(v))
def test_writing_commands_print_as_rich_would(
    studied: Path, roadmap, monkeypatch: pytest.MonkeyPatch, env, width, lang
) -> None:
    _terminal(monkeypatch, env, width)
    keep = studied.parent / "kept"
    shutil.copytree(studied, keep)

    def fresh() -> None:
        shutil.rmtree(studied)
        shutil.copytree(keep, studied)

    from roadmap_cli.support import clock

    clock.pin(clock.now_utc())  # both runs record at the same moment
    try:
        for args in WRITES:
            ours, theirs = _both(roadmap, monkeypatch, ("--lang", lang, *args), fresh)
            assert ours.exit_code == 0, (args, ours.stderr)
            _same(ours, theirs)
    finally:
        clock.pin(None)
