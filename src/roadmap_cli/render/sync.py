"""Text of ``roadmap progress export|merge|restore``."""

from __future__ import annotations

import shlex

from rich.text import Text

from roadmap_cli.render.console import make_console
from roadmap_cli.render.prose import say, whole
from roadmap_cli.render.text import render_text
from roadmap_cli.sync import ExportResult, MergeResult, RestoreResult
from roadmap_cli.textsafe import clean_line

__all__: list[str] = []


def _events(n: int) -> str:
    return f"{n} event{'s' if n != 1 else ''}"


@render_text.register
def _export(result: ExportResult, lang: str) -> None:
    console = make_console()
    name = whole(clean_line(str(result.path)))
    verb = "Replaced" if result.replaced else "Wrote"
    say(
        console,
        Text(f"{verb} {name}: {_events(result.events)} of roadmap '{result.roadmap_id}'."),
    )
    merge = f"roadmap progress merge {shlex.quote(name)}"
    say(console, Text(f"On the other machine: {merge}", style="muted"))


@render_text.register
def _merge(result: MergeResult, lang: str) -> None:
    console = make_console()
    name = whole(clean_line(str(result.path)))
    if not result.new:
        say(console, Text(f"Nothing new in {name}: your progress already has its events."))
        return
    line = Text(f"Merged {name}: {result.new} new {_events(result.new).split()[1]}")
    if result.topics:
        shown = ", ".join(result.topics[:8]) + (" …" if len(result.topics) > 8 else "")
        line.append(" (")
        line.append(clean_line(shown), style="id")
        line.append(")")
    line.append(f"; {_events(result.after)} in all.")
    say(console, line)
    say(console, Text("See the result with 'roadmap report'.", style="muted"))


@render_text.register
def _restore(result: RestoreResult, lang: str) -> None:
    console = make_console()
    say(
        console,
        Text(
            f"Restored {whole(clean_line(str(result.progress_file)))} from "
            f"{whole(clean_line(str(result.backup)))} ({_events(result.events)})."
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
