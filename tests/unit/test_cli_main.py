"""The console script builds only the command it runs, and leaves the app as it was."""

from __future__ import annotations

import pytest

from roadmap_cli import cli
from roadmap_cli.cli import _command_named, app, main


@pytest.mark.parametrize(
    ("args", "name"),
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
def test_command_word(args: list[str], name: str | None) -> None:
    assert _command_named(args) == name


def test_main_runs_the_named_command_and_restores_the_app(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    before = (list(app.registered_commands), list(app.registered_groups))
    seen: list[list[str]] = []
    real = cli.app.__class__.__call__

    def spy(self: object, *args: object, **kwargs: object) -> object:
        seen.append([c.name or "" for c in app.registered_commands])
        return real(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(cli.app.__class__, "__call__", spy)
    monkeypatch.setattr("sys.argv", ["roadmap", "next", "--json"])
    with pytest.raises(SystemExit) as done:
        main()
    assert done.value.code == 0
    assert '"next"' in capsys.readouterr().out
    assert seen == [["next"]]
    assert (list(app.registered_commands), list(app.registered_groups)) == before
    assert len(before[0]) > 5
