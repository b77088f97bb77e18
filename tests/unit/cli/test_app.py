"""The CLI app: an explicit command table, and a command object that can run many times."""

from __future__ import annotations

import pytest
import typer

from roadmap_cli.cli.app import COMMANDS, app


def test_the_command_table_is_what_help_lists() -> None:
    command = typer.main.get_command(app)
    names = list(command.commands)  # type: ignore[attr-defined]
    assert names[: len(COMMANDS)] == [name for name, _ in COMMANDS]
    assert names[len(COMMANDS) :] == ["progress"]


def test_one_command_object_runs_thousands_of_times(capsys: pytest.CaptureFixture[str]) -> None:
    """The typer speed-ups are installed once per command object (re-installing them on
    every call once nested wrappers until RecursionError, at the 987th call)."""
    command = typer.main.get_command(app)
    for _ in range(1500):
        code = command.main(["--version"], prog_name="roadmap", standalone_mode=False)
        assert code == 0
    assert capsys.readouterr().out.count("roadmap ") == 1500
