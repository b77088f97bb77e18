"""The fast parameter converter gives the values typer would, and leaves errors and
unusual input to typer."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import pytest
import typer
import typer.main
import typer.testing
from typer.testing import CliRunner

from roadmap_cli.cli.fastparams import install


class Color(StrEnum):
    red = "red"
    in_blue = "in_blue"


def _app(seen: dict[str, object]) -> typer.Typer:
    app = typer.Typer()

    @app.command()
    def run(
        names: Annotated[list[str], typer.Argument()],
        where: Annotated[Path | None, typer.Option("--where")] = None,
        count: Annotated[int, typer.Option("-n", min=1, max=10)] = 1,
        label: Annotated[str | None, typer.Option("--label")] = None,
        flag: Annotated[bool, typer.Option("--flag")] = False,
        color: Annotated[Color | None, typer.Option("--color")] = None,
    ) -> None:
        seen.update(names=names, where=where, count=count, label=label, flag=flag, color=color)

    return app


def _invoke(args: list[str], fast: bool) -> tuple[int, str, dict[str, object]]:
    seen: dict[str, object] = {}
    app = _app(seen)
    command = typer.main.get_command(app)
    if fast:
        install(command)
    with pytest.MonkeyPatch.context() as patch:  # run exactly this command object
        patch.setattr(typer.testing, "_get_command", lambda _: command)
        result = CliRunner().invoke(app, args)
    return result.exit_code, result.stderr, seen


def test_install_gives_simple_parameters_the_fast_converter() -> None:
    command = typer.main.get_command(_app({}))
    install(command)
    kinds = {p.name: type(getattr(p, "_runtime_param", None)).__name__ for p in command.params}
    for name in ("names", "where", "count", "label", "flag", "color"):
        assert kinds[name] == "Fast"


def test_same_values_as_typer() -> None:
    args = ["a", "b", "--where", "~/x/../y", "-n", "7", "--label", "标签", "--flag"]
    args += ["--color", "in_blue"]
    fast = _invoke(args, fast=True)
    assert fast == _invoke(args, fast=False)
    assert fast[0] == 0
    assert fast[2] == {
        "names": ["a", "b"],
        "where": Path("~/x/../y"),
        "count": 7,
        "label": "标签",
        "flag": True,
        "color": Color.in_blue,
    }
    assert isinstance(fast[2]["where"], Path)


def test_errors_are_typers_own() -> None:
    for args in (
        ["a", "-n", "0"],
        ["a", "-n", "11"],
        ["a", "-n", "x"],
        ["a", "-n", "1.5"],
        ["a", "--color", "green"],
    ):
        code, err, _ = _invoke(args, fast=True)
        assert code == 2
        assert (code, err) == _invoke(args, fast=False)[:2]
