"""The global options of ``roadmap`` (``--roadmap``, ``--data-dir``, ``--lang``,
``--version``): the typer callback that turns them into the :class:`AppContext` every
command reads."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from roadmap_cli import __version__
from roadmap_cli.cli.commands import library
from roadmap_cli.cli.fastpath import context_of

__all__ = ["options"]


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"roadmap {__version__}\n")
        raise typer.Exit()


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
            metavar="zh|en",
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
    ctx.obj = context_of(roadmap, data_dir, lang)
