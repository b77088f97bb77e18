"""The text of ``roadmap note``: the note added, and how many the topic has."""

from __future__ import annotations

from rich.text import Text

from roadmap_cli.actions.note import NoteResult
from roadmap_cli.render.console import make_console
from roadmap_cli.render.prose import hang
from roadmap_cli.render.widgets import (
    Lang,
    emit_lines,
    local_time,
    title_text,
)
from roadmap_cli.support.textsafe import clean_block
from roadmap_cli.support.words import plural


def render_note(result: NoteResult, lang: str) -> None:
    """Print ``result`` on stdout (``lang``: "zh"/"en")."""
    console = make_console()
    names = Lang(lang, result.language)
    head = title_text(names, result.topic, style="heading")
    head.append(f" ({result.topic.id})", style="id")
    head.append(f" at {local_time(result.event.at)}", style="muted")
    note = clean_block(result.event.note or "")
    width = console.width
    emit_lines(console, hang("Note added to ", head, width), hang("  ", note, width))
    count = result.count
    console.print(
        Text(
            f"{plural(count, 'note')} on this topic; "
            f"see them with 'roadmap show {result.topic.id}'.",
            style="muted",
        )
    )
