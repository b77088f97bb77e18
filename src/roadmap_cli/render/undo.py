"""The text of ``roadmap undo``: what was reverted and what each topic is now."""

from __future__ import annotations

from rich.text import Text

from roadmap_cli.actions.undo import UndoResult
from roadmap_cli.render.console import make_console
from roadmap_cli.render.prose import hang
from roadmap_cli.render.widgets import (
    emit_lines,
    label,
)
from roadmap_cli.support.i18n import _
from roadmap_cli.support.textsafe import clean_line


def render_undo(result: UndoResult, lang: str) -> None:
    """Print ``result`` on stdout (``lang``: "zh"/"en")."""
    console = make_console()
    for event in result.undone:
        line = Text()
        if event.status is not None:
            line.append(f"{clean_line(event.topic or '')} → {label(event.status)}", style="id")
        else:
            line.append(
                _("note on {topic}: {note}").format(
                    topic=clean_line(event.topic or ""), note=clean_line(event.note or "")
                )
            )
        if event.topic in result.now_status:
            status = result.now_status[event.topic]
            line.append("  " + _("(now {status})").format(status=label(status)), style="muted")
        emit_lines(console, hang(_("Undid: "), line, console.width))
