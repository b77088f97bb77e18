"""The text of ``roadmap undo``: what was reverted and what each topic is now."""

from __future__ import annotations

from roadmap_cli.actions.undo import UndoResult
from roadmap_cli.render.console import make_console
from roadmap_cli.render.prose import hang
from roadmap_cli.render.text import Text
from roadmap_cli.render.widgets import (
    emit_lines,
    extra_event_words,
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
        elif event.note is not None:
            line.append(
                _("note on {topic}: {note}").format(
                    topic=clean_line(event.topic or ""), note=clean_line(event.note)
                )
            )
        elif event.known and event.kind in ("review", "review_mode", "settings"):
            from roadmap_cli.render.review import describe_review_event

            line.append(_on_topic(describe_review_event(event), event.topic))
        else:
            from roadmap_cli.render.plan import describe_plan_or_time

            what = describe_plan_or_time(event) or extra_event_words(event)
            line.append(_on_topic(clean_line(what), event.topic))
        if event.status is not None and event.topic in result.now_status:
            status = result.now_status[event.topic]
            line.append("  " + _("(now {status})").format(status=label(status)), style="muted")
        emit_lines(console, hang(_("Undid: "), line, console.width))


def _on_topic(what: str, topic: str | None) -> str:
    """``what`` (an event in words) and the topic it was about, when it has one."""
    if not topic:
        return what
    return _("{what} on {topic}").format(what=what, topic=clean_line(topic))
