"""The CLI app: an explicit command table, and a command object that can run many times."""

from __future__ import annotations

import pytest
import typer

from roadmap_cli.cli.app import COMMANDS, app, build_app, command_word


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


@pytest.mark.parametrize(
    ("args", "word"),
    [
        (["next"], "next"),
        (["--lang", "en", "next", "-n", "3"], "next"),
        (["--lang=en", "--roadmap", "x.toml", "done", "a"], "done"),
        (["--data-dir", "d", "progress", "export", "f"], "progress"),
        (["--help"], None),
        (["--version", "next"], None),
        (["--roadmap"], None),
        ([], None),
    ],
)
def test_the_command_word_of_a_command_line(args: list[str], word: str | None) -> None:
    assert command_word(args) == word


def test_an_app_built_for_one_command_holds_only_it_and_the_whole_app_is_untouched() -> None:
    before = [c.name for c in app.registered_commands]
    one = typer.main.get_command(build_app("next"))
    assert list(one.commands) == ["next"]  # type: ignore[attr-defined]
    group = typer.main.get_command(build_app("progress"))
    assert list(group.commands) == ["progress"]  # type: ignore[attr-defined]
    assert [c.name for c in app.registered_commands] == before
