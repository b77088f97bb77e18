"""``roadmap tui``: browse, mark, note, open and review in one full-screen view."""

from __future__ import annotations

import os
import sys

import typer

from roadmap_cli.cli.commands._common import app_context
from roadmap_cli.errors import UsageError
from roadmap_cli.support.i18n import _


def command(ctx: typer.Context) -> None:
    """Study in one full-screen view: the roadmap on the left, the topic on the right.

    Keys: j/k move, enter opens a stage, s start, d done, x skip, r reset, u undo,
    n note, o or 1-9 open a resource, / search, f filter, N next, R review, ? help,
    q quit. Every change is the same event the commands record, so 'roadmap list'
    shows it; a change made elsewhere (another terminal, a sync) appears here.

    Examples:

      roadmap tui

      roadmap --lang zh tui
    """
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise UsageError(
            _("{command} needs a terminal (stdin and stdout are not both one)").format(
                command="roadmap tui"
            ),
            _("run it in a terminal; {list} and {next} work in scripts").format(
                list="'roadmap list'", next="'roadmap next'"
            ),
        )
    app = app_context(ctx)
    from roadmap_cli.tui.app import RoadmapApp

    first_frame_only = os.environ.get("ROADMAP_TUI_EXIT_AFTER_FIRST_FRAME") == "1"
    RoadmapApp(app, exit_after_first_frame=first_frame_only).run()
