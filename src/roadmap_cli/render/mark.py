"""The text of ``roadmap start|done|skip|reset``: each change, then the progress."""

from __future__ import annotations

from roadmap_cli.actions.mark import ChangeResult
from roadmap_cli.render.console import make_console
from roadmap_cli.render.prose import hang
from roadmap_cli.render.text import Text
from roadmap_cli.render.widgets import (
    Lang,
    bar,
    counts_text,
    emit_lines,
    label,
    local_date,
    mark,
)
from roadmap_cli.support.i18n import N_, _
from roadmap_cli.support.textsafe import clean_block

_DATE_OF = {
    "done": N_("done date"),
    "in_progress": N_("start date"),
    "skipped": N_("skip date"),
    "todo": N_("reset date"),
}


def render_mark(result: ChangeResult, lang: str) -> None:
    """Print ``result`` on stdout, titles in ``lang`` ("zh"/"en")."""
    console = make_console()
    width = console.width
    catalog_lang = Lang(lang, result.language)
    for change in result.changes:
        head = Text.assemble(mark(change.after), " ")
        head.append(change.topic.id, style="id")
        head.append("  ")
        line = Text(catalog_lang.title(change.topic))
        if change.moved_from is not None:
            line.append(
                "  "
                + _("{what} moved from {old} to {new}").format(
                    what=_(_DATE_OF[change.after]),
                    old=local_date(change.moved_from),
                    new=local_date(change.at),
                ),
                style="muted",
            )
        elif change.before == change.after:
            line.append(
                "  " + _("(already {status})").format(status=label(change.after)), style="muted"
            )
        else:
            line.append(f"  {label(change.before)} → {label(change.after)}", style="muted")
            if change.after == "done":
                line.append(" " + _("on {date}").format(date=local_date(change.at)), style="muted")
        emit_lines(console, hang(head, line, width))
        if change.unmet:
            unmet = Text(", ".join(change.unmet), style="id")
            prereqs = Text(
                "  " + _("Prerequisites of {topic} not done yet: ").format(topic=change.topic.id),
                style="warning",
            )
            emit_lines(console, hang(prereqs, unmet, width, indent=4))
    if result.note:
        note = Text(clean_block(result.note), style="muted")
        emit_lines(console, hang(Text(_("Note added: "), style="muted"), note, width))
    summary = Text(_("Progress: "))
    summary.append_text(bar(result.counts, 20))
    summary.append("  ")
    summary.append_text(counts_text(result.counts))
    emit_lines(console, hang("", summary, width, indent=10))
    if result.next_topic is not None and result.verb in ("done", "skip"):
        nxt = Text(_("Next: "), style="muted")
        nxt.append(result.next_topic.id, style="id")
        nxt.append("  (roadmap next)", style="muted")
        console.print(nxt)
