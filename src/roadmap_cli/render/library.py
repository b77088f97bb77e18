"""The text of ``roadmap add``, ``use``, ``roadmaps``, ``update`` and ``remove``, and the
"done in another roadmap" lines ``next``, ``show`` and ``list`` print."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from roadmap_cli.library.store import BUNDLED_ID
from roadmap_cli.progress.snapshot import Counts
from roadmap_cli.render.console import make_console
from roadmap_cli.render.prose import hang
from roadmap_cli.render.text import Text
from roadmap_cli.render.widgets import bar, emit_lines, local_date
from roadmap_cli.support.i18n import _
from roadmap_cli.support.textsafe import clean_line
from roadmap_cli.support.words import plural

if TYPE_CHECKING:
    from roadmap_cli.actions.library import AddResult, UpdateResult
    from roadmap_cli.actions.library_use import RemoveResult, RoadmapsResult, UseResult
    from roadmap_cli.library.index import DoneElsewhere

__all__ = [
    "elsewhere_text",
    "render_add",
    "render_remove",
    "render_roadmaps",
    "render_update",
    "render_use",
]


def elsewhere_text(hits: list[DoneElsewhere]) -> Text:
    """``done in relearn-ai on 2026-11-20 (attention)``, one clause per roadmap and topic,
    joined by "; "."""
    parts = [
        _("done in {roadmap} on {date} ({topic})").format(
            roadmap=h.roadmap, date=local_date(h.at), topic=h.topic
        )
        for h in hits
    ]
    return Text("; ".join(parts), style="muted")


def render_add(result: AddResult, lang: str) -> None:
    """Print ``result`` on stdout (``lang``: "zh"/"en")."""
    console = make_console()
    width = console.width
    head = Text(_("Added {id}: ").format(id=result.roadmap_id), style="heading")
    counts = _("{title} — {stages}, {topics}, {resources}").format(
        title=clean_line(result.title),
        stages=plural(result.stages, "stage"),
        topics=plural(result.topics, "topic"),
        resources=plural(result.resources, "resource"),
    )
    lines = [hang(head, counts, width)]
    record = result.record
    lines.append(hang("  " + _("From: "), clean_line(record.source), width))
    if record.fetched_from != record.source:
        lines.append(hang("  " + _("Read: "), clean_line(record.fetched_from), width))
    lines.append(hang("  " + _("Saved: "), str(result.path), width))
    if result.relinked:
        lines.append(
            Text(
                "  "
                + _("{links} made absolute.").format(links=plural(result.relinked, "relative link"))
            )
        )
    if result.warnings:
        lines.append(
            Text(
                "  "
                + _("{warnings}: see {command}.").format(
                    warnings=plural(len(result.warnings), "warning"),
                    command=f"'roadmap validate {result.path}'",
                ),
                style="warning",
            )
        )
    if result.marks:
        lines.append(
            Text(
                "  "
                + _("{topics} already marked in its earlier progress.").format(
                    topics=plural(result.marks, "topic")
                )
            )
        )
    if result.recorded is not None:
        lines.append(
            Text(
                "  "
                + _("Recorded {boxes} as done ({command} reverts them).").format(
                    boxes=plural(len(result.recorded), "ticked box"), command="'roadmap undo'"
                )
            )
        )
    lines.append(
        Text(
            _("Study it with {use} (or {option} for one command).").format(
                use=f"'roadmap use {result.roadmap_id}'", option=f"'--roadmap {result.roadmap_id}'"
            ),
            style="muted",
        )
    )
    emit_lines(console, *lines)


def render_use(result: UseResult, lang: str) -> None:
    """Print ``result`` on stdout."""
    console = make_console()
    text = (
        _("Now using the bundled roadmap {id}: ")
        if result.roadmap_id == BUNDLED_ID
        else _("Now using {id}: ")
    )
    line = Text(text.format(id=result.roadmap_id), style="heading")
    lines = [hang(line, clean_line(result.display_title(lang)), console.width)]
    if result.overridden_by is not None:
        lines.append(
            Text(
                _("While --roadmap / ROADMAP_FILE is set ({value}), it still wins.").format(
                    value=clean_line(result.overridden_by)
                ),
                style="warning",
            )
        )
    emit_lines(console, *lines)


def _when(iso: str | None) -> str:
    if not iso:
        return _("no activity yet")
    try:
        return _("last {date}").format(date=local_date(datetime.fromisoformat(iso)))
    except ValueError:
        return ""


def render_roadmaps(result: RoadmapsResult, lang: str) -> None:
    """Print one line per roadmap: in-use mark, id, title, bar, done/total, in progress,
    last activity."""
    console = make_console()
    width = console.width
    id_width = max(len(s.id) for s in result.summaries)
    for summary in result.summaries:
        marker = "*" if summary.id == result.in_use else " "
        line = Text(f"{marker} ", style="heading")
        line.append(summary.id.ljust(id_width), style="id")
        line.append("  ")
        if summary.error:
            line.append(clean_line(summary.error), style="error")
            emit_lines(console, hang("", line, width, indent=id_width + 4))
            continue
        counts = Counts(
            total=summary.topics,
            done=summary.done,
            skipped=summary.skipped,
            in_progress=summary.in_progress,
        )
        line.append_text(bar(counts, 12))
        line.append(f" {counts.finished}/{counts.total}")
        if summary.in_progress:
            line.append(" · " + _("{n} in progress").format(n=summary.in_progress), style="muted")
        line.append(f" · {_when(summary.last_activity)}  ", style="muted")
        line.append(clean_line(summary.display_title(lang)))
        emit_lines(console, hang("", line, width, indent=id_width + 4))
    if result.in_use is None:
        console.print(Text(_("(the roadmap in use is a file outside the library)"), style="muted"))
    else:
        console.print(
            Text(
                _("* in use · {command} to switch").format(command="'roadmap use ID'"),
                style="muted",
            )
        )


def render_update(result: UpdateResult, lang: str) -> None:
    """Print what ``roadmap update`` found: added, removed, renamed, orphaned marks."""
    console = make_console()
    width = console.width
    if result.unchanged:
        console.print(
            Text(
                _("{id}: the source is unchanged; nothing was written.").format(
                    id=result.roadmap_id
                ),
                style="muted",
            )
        )
        return
    lines = [
        hang(
            Text(_("Updated {id}: ").format(id=result.roadmap_id), style="heading"),
            _("{topics} from {source}").format(
                topics=plural(result.topics, "topic"), source=clean_line(result.source)
            ),
            width,
        )
    ]
    if result.added:
        lines.append(
            hang(
                "  " + _("Added ({n}): ").format(n=len(result.added)),
                ", ".join(result.added),
                width,
            )
        )
    if result.removed:
        lines.append(
            hang(
                "  " + _("Removed ({n}): ").format(n=len(result.removed)),
                ", ".join(result.removed),
                width,
            )
        )
    for old_id, new_id, old_title, new_title in result.renamed:
        change = f"{old_id} → {new_id}" if old_id != new_id else old_id
        text = f"{change}: {clean_line(old_title)} → {clean_line(new_title)}"
        lines.append(hang("  " + _("Renamed: "), text, width))
    if not (result.added or result.removed or result.renamed):
        lines.append(Text("  " + _("No topic was added, removed or renamed.")))
    if result.orphans:
        lines.append(
            hang(
                Text(
                    "  " + _("Marks now orphaned ({n}): ").format(n=len(result.orphans)),
                    style="warning",
                ),
                ", ".join(result.orphans),
                width,
            )
        )
        lines.append(
            Text(
                "  "
                + _("They stay in the progress file; {command} lists them.").format(
                    command="'roadmap doctor'"
                ),
                style="muted",
            )
        )
    emit_lines(console, *lines)


def render_remove(result: RemoveResult, lang: str) -> None:
    """Print what ``roadmap remove`` removed and where the progress stays."""
    console = make_console()
    width = console.width
    lines = [
        hang(
            Text(_("Removed {id}: ").format(id=result.roadmap_id), style="heading"),
            str(result.path),
            width,
        )
    ]
    again = f"'roadmap add {result.source}'" if result.source else "'roadmap add SOURCE'"
    if result.progress_exists:
        lines.append(hang("  " + _("Its progress stays in "), str(result.progress), width))
        lines.append(
            hang(
                "  ",
                _("{command} brings the roadmap and its marks back.").format(command=again),
                width,
            )
        )
    else:
        lines.append(
            hang(
                "  ",
                _("It had no progress; {command} installs it again.").format(command=again),
                width,
            )
        )
    if result.was_in_use:
        lines.append(
            Text(
                "  " + _("The bundled roadmap {id} is in use again.").format(id=BUNDLED_ID),
                style="muted",
            )
        )
    emit_lines(console, *lines)
