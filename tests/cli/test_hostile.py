"""Hostile text in a roadmap file or a note prints literally and safely in every command,
in --json and in errors; nothing crashes."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from roadmap_cli.progress.events import new_event_id

MARKUP = "[bold]B[/bold] [/] [link=https://evil.example]L[/link]"
BACKSLASH = "\\[not markup]"
ANSI = "\x1b[31mred\x1b[0m"
OSC = "\x1b]8;;https://evil.example\x07osc\x1b]8;;\x07 \x1b]0;pwned\x07"
C1 = "\x9b31m"
BIDI = "\u202eevil\u202c \u2066iso\u2069"
LONG = "x" * 3000
EMOJI = "🚀 👩‍💻 🧠"


def q(text: str) -> str:
    """A TOML basic string (JSON's escapes are TOML's; emoji stay as they are)."""
    return json.dumps(text, ensure_ascii=False)


TOML = f"""
schema = 1
id = "hostile"
title = {q("Roadmap " + MARKUP)}
language = "en"
source = "https://example.com/a?b=[c]"

[[stages]]
id = "one"
title = {q("Stage " + MARKUP)}
summary = {q(ANSI + " " + OSC + " " + BIDI)}

[[stages.topics]]
id = "t1"
title = {q(MARKUP)}
summary = {q(" ".join([BACKSLASH, ANSI, OSC, C1, BIDI, EMOJI, LONG]))}

[[stages.topics.resources]]
title = {q("Res " + MARKUP + ANSI)}
url = "https://example.com/x?y=[z]"
kind = "paper"
note = {q(BIDI + " " + OSC + " " + LONG)}

[[stages.topics]]
id = "t2"
title = {q(EMOJI + " " + BACKSLASH)}
requires = ["t1"]

[[stages.topics]]
id = "t3"
title = {q(LONG)}
"""

NOTE = " ".join([MARKUP, BACKSLASH, ANSI, OSC, C1, BIDI, EMOJI, "\ud800"])
BAD = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


@pytest.fixture
def hostile(roadmap, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "hostile.toml"
    path.write_text(TOML, encoding="utf-8")
    monkeypatch.setenv("ROADMAP_FILE", str(path))
    run = roadmap("start", "t1", "--note", NOTE)
    assert run.exit_code == 0, run.stderr
    return path


def assert_safe(text: str) -> None:
    found = BAD.search(text)
    assert found is None, f"unsafe character {found.group()!r} in output"


TEXT_COMMANDS: list[tuple[str, ...]] = [
    ("list",),
    ("show", "t1"),
    ("show", "t2"),
    ("show", "one"),
    ("next",),
    ("next", "-n", "3"),
    ("report",),
    ("note", "t2", NOTE),
    ("done", "t1", "-m", NOTE),
    ("undo",),
    ("history",),
    ("search", "B"),
    ("search", "evil"),
    ("paths",),
    ("doctor",),
]


@pytest.mark.parametrize("args", TEXT_COMMANDS, ids=lambda a: " ".join(a)[:20])
def test_text_output_is_literal_and_safe(roadmap, hostile: Path, args: tuple[str, ...]) -> None:
    run = roadmap(*args)
    assert run.exit_code == 0, run.stderr
    assert run.stderr == ""
    assert_safe(run.stdout)


def test_markup_prints_literally(roadmap, hostile: Path) -> None:
    shown = roadmap("show", "t1").stdout
    assert MARKUP in shown
    assert BACKSLASH in shown
    assert "red" in shown and "[31m" in shown  # the escape's text stays, the ESC goes
    assert "https://example.com/x?y=[z]" in shown
    assert "🚀 👩‍💻 🧠" in shown
    listed = roadmap("list").stdout
    assert "Roadmap " + MARKUP in listed
    assert "Stage " + MARKUP in listed
    assert MARKUP in listed


def test_long_unbroken_lines_fold_within_the_width(roadmap, hostile: Path) -> None:
    for args in (("show", "t1"), ("list",), ("next",)):
        run = roadmap(*args)
        assert run.exit_code == 0
        assert max(len(line) for line in run.stdout.splitlines()) <= 100


def test_notes_print_literally(roadmap, hostile: Path) -> None:
    shown = roadmap("show", "t1").stdout
    assert MARKUP + " " + BACKSLASH in shown
    assert "\ufffd" in shown  # the undecodable byte, visibly replaced


JSON_COMMANDS: list[tuple[str, ...]] = [
    ("list", "--json"),
    ("show", "t1", "--json"),
    ("show", "one", "--json"),
    ("next", "--json"),
    ("report", "--json"),
    ("done", "t2", "-m", NOTE, "--json"),
    ("note", "t3", NOTE, "--json"),
    ("undo", "--json"),
    ("history", "--json"),
    ("search", "B", "--json"),
    ("doctor", "--json"),
]


@pytest.mark.parametrize("args", JSON_COMMANDS, ids=lambda a: " ".join(a)[:20])
def test_json_keeps_the_exact_text_and_stays_safe(
    roadmap, hostile: Path, args: tuple[str, ...]
) -> None:
    run = roadmap(*args)
    assert run.exit_code == 0, run.stderr
    assert run.stderr == ""
    assert_safe(run.stdout)  # control and bidi characters are \\u escapes in the document
    json.loads(run.stdout)


def test_json_carries_the_data_unchanged(roadmap, hostile: Path) -> None:
    topic = roadmap("show", "t1", "--json").json()["topic"]
    assert topic["title"] == MARKUP
    assert topic["summary"].startswith(" ".join([BACKSLASH, ANSI, OSC, C1, BIDI, EMOJI]))
    assert topic["resources"][0]["note"].startswith(BIDI + " " + OSC)
    assert topic["notes"][0]["text"] == NOTE.replace("\ud800", "\ufffd")


def test_progress_file_stays_valid_utf8_json(roadmap, hostile: Path, tmp_path: Path) -> None:
    data = (tmp_path / "data" / "hostile.json").read_bytes()
    doc = json.loads(data.decode("utf-8"))
    assert doc["events"][-1]["note"] == NOTE.replace("\ud800", "\ufffd")


def test_hostile_topic_argument_in_errors(roadmap, hostile: Path) -> None:
    run = roadmap("done", MARKUP + ANSI + OSC + BIDI)
    assert run.exit_code == 2
    assert run.stdout == ""
    assert_safe(run.stderr)
    assert "unknown topic" in run.stderr
    assert "[bold]B[/bold]" in run.stderr


def test_hostile_orphan_ids_in_progress_file(roadmap, hostile: Path, tmp_path: Path) -> None:
    """A hand-edited progress file with escape sequences in topic ids."""
    path = tmp_path / "data" / "hostile.json"
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["events"].append(
        {
            "id": new_event_id(),  # the newest record: what undo reverts
            "at": "2099-01-01T00:00:00Z",
            "topic": ANSI + MARKUP + BIDI,
            "status": "done",
        }
    )
    path.write_text(json.dumps(doc), encoding="utf-8")
    for args in (("report",), ("list",), ("undo",)):
        run = roadmap(*args)
        assert run.exit_code == 0, run.stderr
        assert_safe(run.stdout)
    report = roadmap("report", "--json")
    assert_safe(report.stdout)
    assert report.json()["orphans"] == []  # undone just above


def test_help_is_safe_and_literal(roadmap, hostile: Path) -> None:
    top = roadmap("--help")
    assert top.exit_code == 0
    commands = re.findall(r"^│ ([a-z]+) ", top.stdout, re.MULTILINE)
    assert {"list", "show", "done", "doctor"} <= set(commands)
    for command in commands:
        run = roadmap(command, "--help")
        assert run.exit_code == 0, command
        assert_safe(run.stdout)
        assert "Usage" in run.stdout
    listed = " ".join(roadmap("list", "--help").stdout.split())
    assert "([x] done, [>] in progress, [-] skipped, [ ] to do)" in listed


def test_validate_and_invalid_hostile_files_print_safely(roadmap, tmp_path: Path) -> None:
    good = tmp_path / "hostile.toml"
    good.write_text(TOML, encoding="utf-8")
    run = roadmap("validate", str(good))
    assert run.exit_code == 0, run.stderr
    assert_safe(run.stdout + run.stderr)
    bad = tmp_path / "bad.toml"
    bad.write_text(
        TOML.replace('id = "t2"', f"id = {q(ANSI + MARKUP)}").replace(
            '"https://example.com/x?y=[z]"', q("javascript:" + OSC)
        ),
        encoding="utf-8",
    )
    for args in (("validate", str(bad)), ("--roadmap", str(bad), "list")):
        run = roadmap(*args)
        assert run.exit_code == 1
        assert_safe(run.stdout + run.stderr)
        assert "stages[0].topics[1].id" in run.stdout + run.stderr
        assert "stages[0].topics[0].resources[0].url" in run.stdout + run.stderr


@pytest.mark.parametrize("columns", ["1", "7", "33"])
def test_very_narrow_terminals_do_not_crash(
    roadmap, hostile: Path, monkeypatch: pytest.MonkeyPatch, columns: str
) -> None:
    monkeypatch.setenv("COLUMNS", columns)
    for args in TEXT_COMMANDS:
        run = roadmap(*args)
        assert run.exit_code == 0, (args, run.stderr)
        assert_safe(run.stdout)
