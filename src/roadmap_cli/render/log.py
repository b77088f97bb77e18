"""The text of ``roadmap log``: the time recorded, and the topic's total since."""

from __future__ import annotations

from roadmap_cli.actions.log import LogResult
from roadmap_cli.progress.timelog import format_minutes
from roadmap_cli.render.console import make_console
from roadmap_cli.render.prose import hang
from roadmap_cli.render.text import Text
from roadmap_cli.render.widgets import Lang, emit_lines, local_date, title_text
from roadmap_cli.support.i18n import _
from roadmap_cli.support.textsafe import clean_line


def render_log(result: LogResult, lang: str) -> None:
    """Print ``result`` on stdout (``lang``: "zh"/"en")."""
    console = make_console()
    names = Lang(lang, result.language)
    head = title_text(names, result.topic, style="heading")
    head.append(f" ({result.topic.id})", style="id")
    head.append(_(" on {date}").format(date=local_date(result.event.at)), style="muted")
    lines = [
        hang(
            _("Logged {time} on ").format(time=format_minutes(result.minutes)),
            head,
            console.width,
        )
    ]
    if result.note:
        lines.append(hang("  ", clean_line(result.note), console.width))
    emit_lines(console, *lines)
    console.print(
        Text(
            _("{time} logged on this topic in all.").format(
                time=format_minutes(result.topic_minutes)
            ),
            style="muted",
        )
    )
