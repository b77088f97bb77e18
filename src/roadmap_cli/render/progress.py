"""Text of ``roadmap progress export|merge|restore``."""

from __future__ import annotations

import shlex

from rich.text import Text

from roadmap_cli.actions.progress import ExportResult, MergeResult, RestoreResult
from roadmap_cli.render.console import make_console
from roadmap_cli.render.prose import say, whole
from roadmap_cli.support.textsafe import clean_line
from roadmap_cli.support.words import plural

__all__: list[str] = []


def render_export(result: ExportResult, lang: str) -> None:
    """Print ``result`` on stdout, titles in ``lang`` ("zh"/"en")."""
    console = make_console()
    name = whole(clean_line(str(result.path)))
    verb = "Replaced" if result.replaced else "Wrote"
    say(
        console,
        Text(f"{verb} {name}: {plural(result.events, 'event')} of roadmap '{result.roadmap_id}'."),
    )
    merge = f"roadmap progress merge {shlex.quote(name)}"
    say(console, Text(f"On the other machine: {merge}", style="muted"))


def render_merge(result: MergeResult, lang: str) -> None:
    """Print ``result`` on stdout, titles in ``lang`` ("zh"/"en")."""
    console = make_console()
    name = whole(clean_line(str(result.path)))
    if not result.new:
        say(console, Text(f"Nothing new in {name}: your progress already has its events."))
        return
    line = Text(f"Merged {name}: {plural(result.new, 'new event')}")
    if result.topics:
        shown = ", ".join(result.topics[:8]) + (" …" if len(result.topics) > 8 else "")
        line.append(" (")
        line.append(clean_line(shown), style="id")
        line.append(")")
    line.append(f"; {plural(result.after, 'event')} in all.")
    say(console, line)
    say(console, Text("See the result with 'roadmap report'.", style="muted"))


def render_restore(result: RestoreResult, lang: str) -> None:
    """Print ``result`` on stdout, titles in ``lang`` ("zh"/"en")."""
    console = make_console()
    say(
        console,
        Text(
            f"Restored {whole(clean_line(str(result.progress_file)))} from "
            f"{whole(clean_line(str(result.backup)))} ({plural(result.events, 'event')})."
        ),
    )
    if result.damaged:
        say(
            console,
            Text(
                f"The unreadable file was kept as {whole(clean_line(str(result.damaged)))}.",
                style="muted",
            ),
        )
    if result.kept_as:
        say(
            console,
            Text(
                f"The file it replaced was kept as {whole(clean_line(str(result.kept_as)))}.",
                style="muted",
            ),
        )
