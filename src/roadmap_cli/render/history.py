"""The text of ``roadmap history``: one line per event, newest first, in local time."""

from __future__ import annotations

from collections.abc import Iterator

from roadmap_cli.actions.history import HistoryEntry, HistoryResult
from roadmap_cli.progress.events import Event
from roadmap_cli.progress.review import REVIEW_KINDS
from roadmap_cli.render.console import Console, make_console
from roadmap_cli.render.prose import NBSP, fold_lines, fold_text
from roadmap_cli.render.review import describe_review_event
from roadmap_cli.render.text import Text
from roadmap_cli.render.widgets import Lang, extra_event_words
from roadmap_cli.support.clock import local_zone
from roadmap_cli.support.i18n import N_, _
from roadmap_cli.support.textsafe import cell_width, clean_line
from roadmap_cli.support.words import plural

__all__ = ["describe", "history_lines"]

_VERBS = {
    "in_progress": N_("started"),
    "done": N_("done"),
    "skipped": N_("skipped"),
    "todo": N_("reset to to do"),
}


def _short(event: Event) -> str:
    """What an event did, in a few words (``done``, ``note "…"``)."""
    if event.status is not None:
        return _(_VERBS[event.status])
    if event.note is not None:
        note = clean_line(event.note)
        return _('note "{text}"').format(text=f"{note[:40]}…" if len(note) > 41 else note)
    if event.undo is not None:
        return _("undo")
    if event.known and event.kind in REVIEW_KINDS:
        return describe_review_event(event)
    from roadmap_cli.render.plan import describe_plan_or_time

    return describe_plan_or_time(event) or extra_event_words(event)


def describe(entry: HistoryEntry) -> str:
    """What the entry's event did: ``done``, ``note: …``, or ``undo of attention started,
    dl-code done``."""
    event = entry.event
    if event.undo is not None:
        if not entry.targets:
            return _("undo of an event no longer recorded")
        parts = [
            f"{clean_line(t.topic) + ' ' if t.topic else ''}{_short(t)}" for t in entry.targets
        ]
        return _("undo of {events}").format(events=_(", ").join(parts))
    if event.note is not None:
        return _("note: {text}").format(text=clean_line(event.note))
    if event.known and event.kind in REVIEW_KINDS:
        return describe_review_event(event)
    if event.kind in ("plan", "time"):
        from roadmap_cli.render.plan import describe_plan_or_time

        return describe_plan_or_time(event) or event.kind
    if event.status is None:  # a kind beyond status/note/undo, perhaps a newer version's
        return extra_event_words(event)
    return _(_VERBS[event.status])


def _what(entry: HistoryEntry, names: Lang) -> list[tuple[str, str]]:
    """The third column as ``(text, style)`` parts: what happened, the topic's title, and
    whether it was undone (its parts struck through)."""
    strike = " strike" if entry.undone else ""
    parts = [(describe(entry), (entry.event.status or "") + strike)]
    if entry.topic is not None:
        parts.append(("  · " + names.title(entry.topic), "muted" + strike))
    elif entry.orphan:
        parts.append(("  · " + _("no longer in the roadmap"), "orphan" + strike))
    if entry.undone:
        parts.append(("  " + _("(undone)"), "warning"))
    return parts


def history_lines(result: HistoryResult, lang: str, console: Console) -> Iterator[Text | str]:
    """One item per entry, ``time  topic-id  what``, in columns; a long "what" folds
    under its own column (CJK-aware, see :func:`~roadmap_cli.render.prose.fold_lines`).

    Items are plain strings when the console has no colour (piped, ``NO_COLOR``), which
    prints 100,000 events in seconds; styled Text otherwise.
    """
    names = Lang(lang, result.language)
    ids = [clean_line(e.topic.id if e.topic else e.event.topic or "—") for e in result.entries]
    id_width = max(cell_width(i) for i in ids)
    indent = " " * (16 + 2 + id_width + 2)  # "YYYY-MM-DD HH:MM", gap, id, gap
    room = max(20, console.width - len(indent))
    plain = console.color_system is None or console.no_color
    zone = local_zone()
    for entry, topic in zip(result.entries, ids, strict=True):
        when = entry.event.at.astimezone(zone).strftime("%Y-%m-%d %H:%M")
        gap = " " * (id_width - cell_width(topic) + 2)
        parts = _what(entry, names)
        if plain:
            what = "".join(text for text, _style in parts)
            if cell_width(what) > room:
                what = ("\n" + indent).join(fold_lines(_glue(what), room))
            yield f"{when}  {topic}{gap}{what}"
            continue
        line = Text.assemble((when, "muted"), "  ", (topic, "id"), gap)
        styled = Text.assemble(*parts)
        if styled.cell_len > room:
            styled.plain = _glue(styled.plain)  # as long as before: the styles stay put
            styled = Text("\n" + indent).join(fold_text(styled, room))
        line.append_text(styled)
        yield line


def _glue(what: str) -> str:
    """``what`` with the dot before a title kept on the title's line when folded."""
    return what.replace("  · ", "  ·" + NBSP)


def render_history(result: HistoryResult, lang: str) -> None:
    """Print ``result`` on stdout, titles in ``lang`` ("zh"/"en")."""
    console = make_console()
    if not result.entries:
        if result.since:
            empty = _("No events since {date}.").format(date=result.since.isoformat())
        else:
            empty = _("No events.")
        console.print(Text(empty, style="muted"))
        return
    batch: list[str] = []  # plain lines are written in batches: one write per line is slow
    for item in history_lines(result, lang, console):
        if isinstance(item, str):
            batch.append(item + "\n")
            if len(batch) >= 1000:
                console.file.write("".join(batch))
                batch.clear()
        else:
            console.print(item, no_wrap=True, crop=False)
    console.file.write("".join(batch))
    shown = len(result.entries)
    if shown < result.total:
        footer = _("{shown} of {total} events").format(shown=shown, total=result.total)
    else:
        footer = plural(shown, "event")
    zone = clean_line(result.zone)
    console.print(
        Text(_("{events}; times in {zone}").format(events=footer, zone=zone), style="muted")
    )
