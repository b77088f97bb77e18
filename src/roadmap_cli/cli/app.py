"""The ``roadmap`` command line: global options and the command table.

Each command lives in :mod:`roadmap_cli.cli.commands`, in a module named as it is typed;
:data:`COMMANDS` lists them in the order ``roadmap --help`` shows them. Errors become
messages and exit statuses in one place, :mod:`roadmap_cli.cli.funnel`.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

import typer

from roadmap_cli import __version__
from roadmap_cli.actions.context import AppContext, check_language, default_language
from roadmap_cli.cli.commands import (
    doctor,
    history,
    import_,
    library,
    link,
    log,
    mark,
    note,
    paths,
    plan,
    progress,
    report,
    review,
    search,
    show,
    sync,
    tui,
    undo,
    validate,
)
from roadmap_cli.cli.commands import list as list_
from roadmap_cli.cli.commands import next as next_
from roadmap_cli.cli.commands import open as open_
from roadmap_cli.cli.funnel import RoadmapGroup, say_notice
from roadmap_cli.errors import UsageError
from roadmap_cli.support.i18n import N_, _

__all__ = ["COMMANDS", "app", "main"]

app = typer.Typer(
    cls=RoadmapGroup,
    name="roadmap",
    help="Track your way through a learning roadmap: what to study next, what is done, "
    "how far along you are.",
    epilog="Start with 'roadmap next'. Every command has --help with examples.",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)


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


@app.callback()
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


#: Every command, in the order 'roadmap --help' lists them: (name, function).
COMMANDS: list[tuple[str, Callable[..., Any]]] = [
    ("next", next_.command),
    ("list", list_.command),
    ("show", show.command),
    ("start", mark.start),
    ("done", mark.done),
    ("skip", mark.skip),
    ("reset", mark.reset),
    ("note", note.command),
    ("link", link.link),
    ("unlink", link.unlink),
    ("log", log.command),
    ("plan", plan.command),
    ("undo", undo.command),
    ("review", review.command),
    ("report", report.command),
    ("history", history.command),
    ("search", search.command),
    ("open", open_.command),
    ("tui", tui.command),
    ("validate", validate.validate),
    ("init", validate.init),
    ("import", import_.command),
    ("add", library.add),
    ("roadmaps", library.roadmaps),
    ("use", library.use),
    ("update", library.update),
    ("remove", library.remove),
    ("doctor", doctor.command),
    ("paths", paths.command),
    ("sync", sync.command),
]
for _name, _function in COMMANDS:
    app.command(_name)(_function)
app.add_typer(progress.group(), name="progress")


def main() -> None:
    """Console-script entry point (``roadmap``); see also :mod:`roadmap_cli.cli.entry`."""
    for stream in ("stdout", "stderr"):  # started with a closed descriptor (`roadmap next >&-`)
        if getattr(sys, stream) is None:
            setattr(sys, stream, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115
    app()
