"""The text of ``roadmap note``: the note added, and how many the topic has."""

from __future__ import annotations

from roadmap_cli.actions.note import NoteResult
from roadmap_cli.render.console import make_console
from roadmap_cli.render.prose import hang
from roadmap_cli.render.text import Text
from roadmap_cli.render.widgets import (
    Lang,
    emit_lines,
    local_time,
    title_text,
)
from roadmap_cli.support.i18n import _, ngettext
from roadmap_cli.support.textsafe import clean_block


def render_note(result: NoteResult, lang: str) -> None:
    """Print ``result`` on stdout (``lang``: "zh"/"en")."""
    console = make_console()
    names = Lang(lang, result.language)
    head = title_text(names, result.topic, style="heading")
    head.append(f" ({result.topic.id})", style="id")
    head.append(" " + _("at {time}").format(time=local_time(result.event.at)), style="muted")
    note = clean_block(result.event.note or "")
    width = console.width
    emit_lines(console, hang(_("Note added to "), head, width), hang("  ", note, width))
    count = result.count
    console.print(
        Text(
            ngettext(
                "{n} note on this topic; see them with '{command}'.",
                "{n} notes on this topic; see them with '{command}'.",
                count,
            ).format(n=count, command=f"roadmap show {result.topic.id}"),
            style="muted",
        )
    )
