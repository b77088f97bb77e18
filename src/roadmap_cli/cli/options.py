"""The global options of ``roadmap`` (``--roadmap``, ``--data-dir``, ``--lang``,
``--version``): the typer callback that turns them into the :class:`AppContext` every
command reads."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from roadmap_cli import __version__
from roadmap_cli.actions.context import AppContext, check_language, default_language
from roadmap_cli.cli.commands import library
from roadmap_cli.cli.funnel import say_notice
from roadmap_cli.errors import UsageError
from roadmap_cli.support.i18n import N_, _

__all__ = ["options"]


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"roadmap {__version__}\n")
        raise typer.Exit()


def _path_option(name: str, value: str | None, what: str) -> Path | None:
    """A path option's value; an empty one is a usage error rather than "here"."""
    if value is None:
        return None
    if not value.strip():
        raise UsageError(
            _("{option}: the path is empty").format(option=name),
            _("give {option} a {what}, or leave it out").format(option=name, what=_(what)),
        )
    return Path(value).expanduser()


def options(
    ctx: typer.Context,
    roadmap: Annotated[
        str | None,
        typer.Option(
            "--roadmap",
            envvar="ROADMAP_FILE",
            metavar="FILE|ID",
            help="Use this roadmap TOML file, or an installed roadmap's id, instead of the "
            "one chosen with 'roadmap use' (default: the bundled AI roadmap).",
            autocompletion=library.complete_roadmap_option,
            show_default=False,
        ),
    ] = None,
    data_dir: Annotated[
        str | None,
        typer.Option(
            "--data-dir",
            envvar="ROADMAP_DATA_DIR",
            metavar="DIR",
            help="Keep progress in this folder (default: your user data folder).",
            show_default=False,
        ),
    ] = None,
    lang: Annotated[
        str | None,
        typer.Option(
            "--lang",
            help="Language of the interface and titles: zh or en (env ROADMAP_LANG; default from "
            "the locale).",
            show_default=False,
        ),
    ] = None,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version."),
    ] = False,
) -> None:
    """Track your way through a learning roadmap."""
    ctx.obj = AppContext(
        roadmap_file=_path_option("--roadmap", roadmap, N_("roadmap file")),
        data_dir=_path_option("--data-dir", data_dir, N_("folder")),
        lang=check_language(lang or default_language()),
        notify=say_notice,
    )
