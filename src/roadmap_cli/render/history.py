"""The text of ``roadmap history``: one line per event, newest first, in local time."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text

from roadmap_cli.history import HistoryEntry, HistoryResult
from roadmap_cli.progress import Event
from roadmap_cli.render.console import make_console
from roadmap_cli.render.text import Lang, local_time, render_text
from roadmap_cli.textsafe import clean_line

__all__ = ["describe"]

_VERBS = {"in_progress": "started", "done": "done", "skipped": "skipped", "todo": "reset to to do"}


def _short(event: Event) -> str:
    """What an event did, in a few words (``done``, ``note "…"``)."""
    if event.status is not None:
        return _VERBS[event.status]
    if event.note is not None:
        note = clean_line(event.note)
        return f'note "{note[:40]}…"' if len(note) > 41 else f'note "{note}"'
    return "undo"


def describe(entry: HistoryEntry) -> str:
    """What the entry's event did: ``done``, ``note: …``, or ``undo of attention started,
    dl-code done``."""
    event = entry.event
    if event.undo is not None:
        if not entry.targets:
            return "undo of an event no longer recorded"
        parts = [f"{clean_line(t.topic or '?')} {_short(t)}" for t in entry.targets]
        return "undo of " + ", ".join(parts)
    if event.note is not None:
        return "note: " + clean_line(event.note)
    return _VERBS[event.status or "todo"]


@render_text.register
def _history(result: HistoryResult, lang: str) -> None:
    console = make_console()
    if not result.entries:
        since = f" since {result.since.isoformat()}" if result.since else ""
        console.print(Text(f"No events{since}.", style="muted"))
        return
    table = Table.grid(padding=(0, 2))
    table.add_column(no_wrap=True, style="muted")
    table.add_column(no_wrap=True, style="id")
    table.add_column(overflow="fold", ratio=1)
    names = Lang(lang, result.language)
    for entry in result.entries:
        event = entry.event
        what = Text(describe(entry), style=event.status or "")
        if entry.topic is not None:
            what.append("  · ", style="muted")
            what.append(names.title(entry.topic), style="muted")
        elif entry.orphan:
            what.append("  · no longer in the roadmap", style="orphan")
        if entry.undone:
            what.stylize("strike")
            what.append("  (undone)", style="warning")
        topic = clean_line(entry.topic.id if entry.topic else event.topic or "—")
        table.add_row(local_time(event.at), topic, what)
    console.print(table)
    shown = len(result.entries)
    footer = f"{shown} of {result.total} events" if shown < result.total else f"{shown} events"
    console.print(Text(f"{footer}; times in {clean_line(result.zone)}", style="muted"))
