"""The app as a whole: --version, no arguments, --help for every command with an example."""

from __future__ import annotations

import pytest

from roadmap_cli import __version__


def test_version(roadmap) -> None:
    run = roadmap("--version")
    assert run.exit_code == 0
    assert run.stdout == f"roadmap {__version__}\n"
    assert run.stderr == ""


def test_no_arguments_shows_help(roadmap) -> None:
    run = roadmap()
    assert run.exit_code == 0
    assert "Usage" in run.stdout
    assert "next" in run.stdout


COMMANDS = [
    "next", "list", "show", "start", "done", "skip", "reset", "note", "undo", "report",
    "history", "search", "open", "validate", "init", "import", "doctor", "paths",
    "progress export", "progress merge", "progress restore",
]  # fmt: skip


def test_the_help_lists_every_command(roadmap) -> None:
    run = roadmap("--help")
    assert run.exit_code == 0
    for command in {c.split()[0] for c in COMMANDS}:
        assert f" {command} " in run.stdout, command


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_with_an_example(roadmap, command: str) -> None:
    run = roadmap(*command.split(), "--help")
    assert run.exit_code == 0
    assert run.stderr == ""
    assert "Examples" in run.stdout
    assert f"roadmap {command}" in run.stdout.split("Examples", 1)[1]
