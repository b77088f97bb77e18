"""``roadmap add``, ``use``, ``roadmaps``, ``update``, ``remove``: the library of roadmaps."""

from __future__ import annotations

import sys
import time
from typing import Annotated

import typer

from roadmap_cli.cli.commands._common import JsonOption, app_context
from roadmap_cli.render import emit_json
from roadmap_cli.support.i18n import _


def complete_installed(ctx: typer.Context, incomplete: str) -> list[str]:
    """Shell completion of installed roadmap ids (and the bundled one); no pydantic, no
    rich."""
    from roadmap_cli.cli.complete import roadmap_ids

    return [i for i in roadmap_ids(ctx) if i.startswith(incomplete)]


def complete_roadmap_option(ctx: typer.Context, incomplete: str) -> list[str]:
    """Shell completion of ``--roadmap``: installed ids; nothing (so the shell completes
    file names) once what is typed looks like a path."""
    if any(c in incomplete for c in "/.~"):
        return []
    return complete_installed(ctx, incomplete)


IdArgument = Annotated[
    str,
    typer.Argument(
        metavar="ID",
        help="An installed roadmap's id ('roadmap roadmaps' lists them).",
        autocompletion=complete_installed,
        show_default=False,
    ),
]


class _Indicator:
    """A download indicator on stderr, shown only on a terminal and only once a download
    has taken over a second (a timer says "Downloading…" even before any byte arrives)."""

    def __init__(self) -> None:
        import threading

        self.started = time.monotonic()
        self.shown = False
        self.closed = False
        self.live = sys.stderr.isatty()
        self.lock = threading.Lock()
        self.timer = threading.Timer(1.0, self._write, ("Downloading…",))
        self.timer.daemon = True
        if self.live:
            self.timer.start()

    def _write(self, line: str) -> None:
        with self.lock:
            if self.closed:
                return
            self.shown = True
            sys.stderr.write("\r" + line + "\x1b[K")
            sys.stderr.flush()

    def __call__(self, received: int, total: int | None) -> None:
        if not self.live or time.monotonic() - self.started < 1.0:
            return
        done = f"{received / 1024:,.0f} KB"
        if total:
            filled = int(20 * received / total)
            cells = "#" * filled + "." * (20 - filled)
            self._write(
                _("Downloading [{cells}] {done} of {total} KB").format(
                    cells=cells, done=done, total=f"{total / 1024:,.0f}"
                )
            )
        else:
            self._write(_("Downloading… {done}").format(done=done))

    def close(self) -> None:
        """Stop the timer and clear the indicator's line."""
        self.timer.cancel()
        with self.lock:
            self.closed = True
            if self.shown:
                sys.stderr.write("\r\x1b[K")
                sys.stderr.flush()


def add(
    ctx: typer.Context,
    source: Annotated[
        str,
        typer.Argument(
            metavar="SOURCE",
            help="A .md or .toml file, or an http(s) address (a GitHub page is read raw).",
            show_default=False,
        ),
    ],
    roadmap_id: Annotated[
        str | None,
        typer.Option(
            "--id",
            help="Install under this id (default: the roadmap's own, or from the file name).",
            show_default=False,
        ),
    ] = None,
    record_progress: Annotated[
        bool,
        typer.Option(
            "--progress",
            help="Record the Markdown's ticked boxes ('- [x]') as done (undoable).",
        ),
    ] = False,
    as_json: JsonOption = False,
) -> None:
    """Add a roadmap to your library from a file or a web address.

    Markdown goes through the importer (relative links are resolved against the
    address); the roadmap is checked and stored in your data folder with where it came
    from, when, and the SHA-256 of what was read. Downloads time out after 20 s and stop
    at 5 MB; only 'add' and 'update' ever use the network.

    Examples:

      roadmap add https://github.com/TIC-DLUT/roadmap/blob/main/Agent.md

      roadmap add ~/notes/rust.md --id rust

      roadmap add team-roadmap.toml
    """
    from roadmap_cli.actions.library import add as add_roadmap

    app = app_context(ctx)
    indicator = _Indicator()
    try:
        result = add_roadmap(
            app, source, roadmap_id, record_progress=record_progress, progress=indicator
        )
    finally:
        indicator.close()
    if as_json:
        emit_json(result)
        return
    from roadmap_cli.render.library import render_add

    render_add(result, app.lang)


def use(ctx: typer.Context, roadmap_id: IdArgument, as_json: JsonOption = False) -> None:
    """Make an installed roadmap the one every command uses.

    The choice is kept in your config folder (ROADMAP_CONFIG_DIR overrides it);
    --roadmap and ROADMAP_FILE still win. 'roadmap use relearn-ai' goes back to the
    bundled roadmap.

    Examples:

      roadmap use agent

      roadmap use relearn-ai
    """
    from roadmap_cli.actions.library_use import use as use_roadmap

    app = app_context(ctx)
    result = use_roadmap(app, roadmap_id)
    if as_json:
        emit_json(result)
        return
    from roadmap_cli.render.library import render_use

    render_use(result, app.lang)


def roadmaps(ctx: typer.Context, as_json: JsonOption = False) -> None:
    """List your roadmaps: the bundled one and every one you added, with their progress.

    One line each: id, a bar with done/total, topics in progress, last activity and the
    title; '*' marks the one in use.

    Examples:

      roadmap roadmaps

      roadmap roadmaps --json
    """
    from roadmap_cli.actions.library_use import list_roadmaps

    app = app_context(ctx)
    result = list_roadmaps(app)
    if as_json:
        emit_json(result)
        return
    from roadmap_cli.render.library import render_roadmaps

    render_roadmaps(result, app.lang)


def update(
    ctx: typer.Context,
    roadmap_id: IdArgument,
    yes: Annotated[
        bool,
        typer.Option("--yes", help="Go ahead even if over a fifth of the topics disappear."),
    ] = False,
    as_json: JsonOption = False,
) -> None:
    """Read an installed roadmap's source again and bring the roadmap up to date.

    Topics keep their ids (and so your marks); the topics added, removed and renamed
    are listed, and marks left without a topic are kept and named. When more than a
    fifth of the topics would disappear, nothing is written without --yes.

    Examples:

      roadmap update agent

      roadmap update agent --yes
    """
    from roadmap_cli.actions.library import update as update_roadmap

    app = app_context(ctx)
    indicator = _Indicator()
    try:
        result = update_roadmap(app, roadmap_id, yes=yes, progress=indicator)
    finally:
        indicator.close()
    if as_json:
        emit_json(result)
        return
    from roadmap_cli.render.library import render_update

    render_update(result, app.lang)


def remove(ctx: typer.Context, roadmap_id: IdArgument, as_json: JsonOption = False) -> None:
    """Remove an installed roadmap; its progress stays, and 'add' brings the marks back.

    Examples:

      roadmap remove agent
    """
    from roadmap_cli.actions.library_use import remove as remove_roadmap

    app = app_context(ctx)
    result = remove_roadmap(app, roadmap_id)
    if as_json:
        emit_json(result)
        return
    from roadmap_cli.render.library import render_remove

    render_remove(result, app.lang)
