"""The right-hand pane of ``roadmap tui``: everything about the selected topic, as rich
text (titles in both languages, the author's advice, numbered resources with their
links, the learner's notes, prerequisites with their status, review state).

Text from the roadmap file and notes is made safe (:mod:`roadmap_cli.support.textsafe`)
and put in ``rich.text.Text``, so it never reads as markup. Nothing here changes state.
"""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.style import Style
from rich.table import Table
from rich.text import Text

from roadmap_cli.progress.snapshot import Snapshot
from roadmap_cli.render.widgets import (
    EDITOR_PICK,
    LABELS,
    MARKS,
    YOURS,
    Lang,
    kind_label,
    local_date,
    local_time,
)
from roadmap_cli.roadmap.model import Stage, Topic
from roadmap_cli.support.i18n import _
from roadmap_cli.support.textsafe import clean_block, clean_line

__all__ = ["stage_detail", "topic_detail"]

_STATUS_STYLE = {"done": "green", "in_progress": "yellow", "skipped": "bright_black", "todo": ""}


def _indented(text: Text, columns: int = 4) -> Padding:
    """``text`` with every folded line indented ``columns`` cells."""
    return Padding(text, (0, 0, 0, columns))


def _hanging(lead: Text, text: Text) -> Table:
    """``lead`` then ``text``, the folded lines of ``text`` under its first character (a
    long resource title stays clear of its number)."""
    grid = Table.grid()
    grid.add_column(no_wrap=True)
    grid.add_column(ratio=1)
    grid.add_row(lead, text)
    return grid


def _heading(text: str) -> Text:
    return Text(text, style="bold")


def topic_detail(snap: Snapshot, topic: Topic, lang: str) -> RenderableType:
    """The pane for ``topic`` in ``snap``, titles and guidance in ``lang`` ("zh"/"en")."""
    catalog = snap.catalog
    names = Lang(lang, catalog.roadmap.language)
    state = snap.state(topic.id)
    parts: list[RenderableType] = []
    title = Text(names.title(topic), style="bold")
    other = names.other(topic)
    if other:
        title.append(f" · {other}", style="dim")
    title.append(f"  ({topic.id})", style="cyan")
    parts.append(title)
    status = Text(f"{MARKS[state.status]} {_(LABELS[state.status])}")
    status.stylize(_STATUS_STYLE[state.status])
    if state.since:
        status.append(_(" since {date}").format(date=local_date(state.since)), style="dim")
    stage = catalog.stage_of[topic.id]
    status.append("   " + _("Stage: {title}").format(title=names.title(stage)))
    if topic.optional:
        status.append("   " + _("optional"), style="dim")
    parts.append(status)
    if topic.requires:
        line = Text(_("Requires: "))
        for i, req in enumerate(topic.requires):
            if i:
                line.append(", ")
            req_status = snap.status(req)
            line.append(f"{MARKS[req_status]} {req}", style=_STATUS_STYLE[req_status] or "cyan")
        parts.append(line)
    review = _review_line(snap, topic)
    if review is not None:
        parts.append(review)
    summary = names.summary(topic)
    if summary:
        parts += [Text(""), Text(clean_block(summary))]
    editor = topic.display_editor_note(names.lang, names.roadmap_language)
    if editor:
        parts.append(Text(_("Editor's note: ") + clean_block(editor), style="dim"))
    resources = snap.resources(topic)
    parts += [Text(""), _heading(_("Resources  (o or 1-9 opens)"))]
    if not resources:
        parts.append(Text("  " + _("none listed"), style="dim"))
    for number, resource in enumerate(resources, 1):
        url = clean_line(resource.url)
        lead = Text(f"{number:>2}. ")
        lead.append(clean_line(kind_label(resource.kind)), style="magenta")
        lead.append(" ")
        row = Text(clean_line(resource.title), style=Style(bold=True, link=url))
        if resource.origin == "editor":
            row.append(f"  {_(EDITOR_PICK)}", style="dim")
        elif resource.origin == "yours":
            row.append(f"  {_(YOURS)}", style="dim")
        parts.append(_hanging(lead, row))
        parts.append(_indented(Text(url, style=Style(color="blue", link=url))))
        note = resource.display_note(names.lang, names.roadmap_language)
        if note:
            parts.append(_indented(Text(clean_block(note), style="dim")))
    parts += [Text(""), _heading(_("Your notes  (n adds one)"))]
    if not state.notes:
        parts.append(Text("  " + _("none yet"), style="dim"))
    for note_event in state.notes:
        parts.append(Text(f"  {local_time(note_event.at)}", style="dim"))
        parts.append(_indented(Text(clean_block(note_event.note or ""))))
    return Group(*parts)


def _review_line(snap: Snapshot, topic: Topic) -> Text | None:
    """The topic's review state (``fsrs`` is imported only when a topic is in review), as
    ``roadmap show`` words it; None for a topic that never entered review (review's code is
    imported only for a done topic or when some topic's review was turned off or on)."""
    if snap.status(topic.id) != "done" and not any(
        e.extra and e.extra[0][0] == "review_mode" for e in snap.progress.events
    ):
        return None  # not in review, not turned off: none of review's code is needed
    from roadmap_cli.actions.review import topic_review
    from roadmap_cli.render.review import show_review_line
    from roadmap_cli.support.clock import local_zone, now_utc

    now = now_utc()
    schedule, mode = topic_review(snap, topic.id, now)
    if schedule is None and mode != "off":
        return None
    text = show_review_line(schedule, mode, topic.id, now.astimezone(local_zone()).date())
    return Text(text, style="dim")


def stage_detail(snap: Snapshot, stage: Stage, lang: str) -> RenderableType:
    """The pane for a ``stage`` row: its title, counts and summary."""
    names = Lang(lang, snap.catalog.roadmap.language)
    statuses = [snap.status(t.id) for t in stage.topics]
    done = sum(s in ("done", "skipped") for s in statuses)
    parts: list[RenderableType] = [
        Text(names.title(stage), style="bold"),
        Text(
            _("{done}/{total} finished · {n} in progress").format(
                done=done, total=len(statuses), n=statuses.count("in_progress")
            )
        ),
    ]
    summary = names.summary(stage)
    if summary:
        parts += [Text(""), Text(clean_block(summary))]
    parts += [Text(""), Text(_("enter opens or closes the stage"), style="dim")]
    return Group(*parts)
