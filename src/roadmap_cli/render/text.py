"""Rich text renderers for command results (list, show, next, changes, undo).

Text from a roadmap file or a note passes through :mod:`roadmap_cli.textsafe` and is put
in ``rich.text.Text`` objects, so it prints literally: no markup, no escape sequences.
Lines are folded here, not by rich (see :mod:`roadmap_cli.render.prose`): Chinese folds
between characters, a Latin word is never cut, a folded line keeps its hanging indent,
and a URL is never folded or cropped (it runs past the right edge, for the terminal to
wrap softly, so it can be copied whole). Each line is printed with ``soft_wrap=True``.
"""

from __future__ import annotations

from datetime import datetime
from functools import singledispatch
from typing import Any

from rich.cells import cell_len
from rich.console import Console
from rich.style import Style
from rich.text import Text

from roadmap_cli.models import Resource, Stage, Topic
from roadmap_cli.planner import Counts
from roadmap_cli.progress import Status
from roadmap_cli.render.console import make_console
from roadmap_cli.render.prose import NBSP, hang
from roadmap_cli.results import (
    ChangeResult,
    ListResult,
    NextResult,
    ShowStageResult,
    ShowTopicResult,
    UndoResult,
)
from roadmap_cli.textsafe import clean_block, clean_line

__all__ = ["MARKS", "bar", "emit_lines", "local_date", "render_text", "title_text"]

#: Status marks, plain ASCII so they survive any terminal and a pipe.
MARKS: dict[str, str] = {"done": "[x]", "in_progress": "[>]", "skipped": "[-]", "todo": "[ ]"}
LABELS: dict[str, str] = {
    "done": "done",
    "in_progress": "in progress",
    "skipped": "skipped",
    "todo": "to do",
}


def local_date(at: datetime) -> str:
    """``YYYY-MM-DD`` of ``at`` in the local time zone."""
    from roadmap_cli.clock import local_zone

    return at.astimezone(local_zone()).strftime("%Y-%m-%d")


def local_time(at: datetime) -> str:
    """``YYYY-MM-DD HH:MM`` of ``at`` in the local time zone."""
    from roadmap_cli.clock import local_zone

    return at.astimezone(local_zone()).strftime("%Y-%m-%d %H:%M")


def mark(status: Status | str, *, glue: bool = False) -> Text:
    """The coloured status mark of ``status``; with ``glue`` its space is a no-break space
    (for text that :func:`~roadmap_cli.render.prose.hang` folds: "[ ]" stays whole)."""
    text = MARKS[status]
    return Text(text.replace(" ", NBSP) if glue else text, style=status)


class Lang:
    """Titles in the chosen language for one roadmap."""

    def __init__(self, lang: str, roadmap_language: str) -> None:
        self.lang = lang
        self.roadmap_language = roadmap_language

    def title(self, item: Topic | Stage) -> str:
        """``item``'s title in the chosen language, made safe."""
        return clean_line(item.display_title(self.lang, self.roadmap_language))

    def other(self, item: Topic | Stage) -> str:
        """``item``'s title in the other language, if it differs; else ""."""
        main = item.display_title(self.lang, self.roadmap_language)
        alt = item.title if main != item.title else item.title_en
        return clean_line(alt) if alt and alt != main else ""


def title_text(lang: Lang, item: Topic | Stage, *, both: bool = False, style: str = "") -> Text:
    """A title as Text; with ``both``, followed by the other language's title, muted."""
    text = Text(lang.title(item), style=style)
    other = lang.other(item) if both else ""
    if other:
        text.append(" ·" + NBSP)  # the dot stays with the title after it
        text.append(other, style="muted")
    return text


def bar(counts: Counts, width: int = 20) -> Text:
    """A progress bar: █ done, ▓ skipped, ░ the rest (readable without colour)."""
    if counts.total == 0:
        return Text("░" * width, style="muted")
    done = round(width * counts.done / counts.total)
    skipped = min(width - done, round(width * counts.skipped / counts.total))
    if counts.done and not done:  # any work shows: one cell for the first topic done
        done = 1
    if counts.skipped and not skipped and done < width:
        skipped = 1
    text = Text("█" * done, style="bar.done")
    text.append("▓" * skipped, style="bar.skipped")
    text.append("░" * (width - done - skipped), style="muted")
    return text


def counts_text(counts: Counts) -> Text:
    """``3/9 · 33%`` with the split of what is not plain done."""
    text = Text(f"{counts.finished}/{counts.total} ·{NBSP}{counts.percent:.0f}%")
    extra = []
    if counts.skipped:
        extra.append(f"{counts.skipped} skipped")
    if counts.in_progress:
        extra.append(f"{counts.in_progress} in progress")
    if extra:
        text.append(f" ({', '.join(extra)})", style="muted")
    return text


def resource_rows(
    resources: list[Resource], width: int, indent: int = 2, numbers: list[int] | None = None
) -> list[Text]:
    """Numbered resources for a console ``width`` cells wide: kind, title (a link where the
    terminal supports it), the URL on a line of its own, never folded (print it with
    ``soft_wrap=True``), and the author's note; titles and notes fold under the title.
    ``numbers`` overrides 1, 2, 3…"""
    labels = [f"{n}." for n in numbers or range(1, len(resources) + 1)]
    number_width = max((len(label) for label in labels), default=0)
    kind_width = max((cell_len(clean_line(r.kind)) for r in resources), default=0)
    pad = " " * (indent + number_width + 1 + kind_width + 1)
    out: list[Text] = []
    for label, resource in zip(labels, resources, strict=True):
        url = clean_line(resource.url)
        kind = clean_line(resource.kind)
        head = Text(" " * indent + label.rjust(number_width) + " ")
        head.append(kind, style="kind")
        head.append(" " * (kind_width - cell_len(kind) + 1))
        title = Text(clean_line(resource.title), style=Style(bold=True, link=url))
        out.append(hang(head, title, width))
        out.append(Text(pad) + Text(url, style=Style(color="blue", link=url)))
        if resource.note:
            out.append(hang(pad, Text(clean_block(resource.note), style="muted"), width))
    return out


def emit_lines(console: Console, *lines: Text) -> None:
    """Print already folded lines as they are: rich neither folds nor crops them, so a
    URL or path wider than the console runs on (the terminal wraps it softly)."""
    for line in lines:
        console.print(line, soft_wrap=True)


_print = emit_lines


@singledispatch
def render_text(result: Any, lang: str) -> None:
    """Print ``result`` as rich text on stdout, titles in ``lang``."""
    raise TypeError(f"no text renderer for {type(result).__name__}")


@render_text.register
def _list(result: ListResult, lang: str) -> None:
    console = make_console()
    width = console.width
    roadmap = result.snap.catalog.roadmap
    names = Lang(lang, roadmap.language)
    head = Text(clean_line(roadmap.display_title(lang)), style="heading")
    from roadmap_cli.planner import overall

    head.append("  ")
    head.append_text(counts_text(overall(result.summaries)[0]))
    _print(console, hang("", head, width))
    shown = 0
    for summary in result.summaries:
        topics = result.topics_of(summary.stage)
        if result.status_filter and not topics:
            continue
        line = title_text(names, summary.stage, style="stage")
        line.append(f"  {summary.stage.id}  ", style="id")
        line.append_text(bar(summary.counts, 12))
        line.append("  ")
        line.append_text(counts_text(summary.counts))
        rows = []
        for topic in topics:
            rows.append((mark(result.snap.status(topic.id)), topic.id, _topic_title(names, topic)))
            shown += 1
        _print(console, Text(""), hang("", line, width, indent=2), _topic_rows(rows, width))
    if result.status_filter and not shown:
        console.print(Text(f"No topic is {LABELS[result.status_filter]}.", style="muted"))


def _topic_title(names: Lang, topic: Topic) -> Text:
    title = Text(names.title(topic))
    if topic.optional:
        title.append(" (optional)", style="muted")
    return title


def _topic_rows(rows: list[tuple[Text, str, Text]], width: int, indent: int = 2) -> Text:
    """``(mark, id, title)`` rows, indented ``indent`` columns, the columns aligned; a
    title wider than the rest of the line folds under its own column.

    Rows are one :class:`Text` (a rich table costs ~0.1 ms a row: seconds for a
    10,000-topic roadmap); only the rows that do not fit are folded."""
    mark_width = max((m.cell_len for m, _, _ in rows), default=0)
    id_width = max((len(i) for _, i, _ in rows), default=0)
    lines = []
    for row_mark, topic_id, title in rows:
        line = Text(" " * indent)
        line.append_text(row_mark)
        line.append(" " * (mark_width - row_mark.cell_len + 1))
        line.append(topic_id.ljust(id_width), style="id")
        line.append(" ")
        if line.cell_len + title.cell_len > width:
            line = hang(line, title, width)
        else:
            line.append_text(title)
        lines.append(line)
    return Text("\n").join(lines)


def _summary(text: str, width: int, indent: int = 0) -> Text:
    """A topic's or stage's summary folded to ``width``, every line indented."""
    return hang(" " * indent, Text(clean_block(text)), width)


@render_text.register
def _show_topic(result: ShowTopicResult, lang: str) -> None:
    console = make_console()
    width = console.width
    names = Lang(lang, result.language)
    topic, state = result.topic, result.state
    head = title_text(names, topic, both=True, style="heading")
    head.append(f"  ({topic.id})", style="id")
    status = Text.assemble(mark(state.status, glue=True), " ", LABELS[state.status])
    if state.since:
        status.append(f" since {local_date(state.since)}", style="muted")
    status.append("   Stage: ")
    status.append_text(title_text(names, result.stage))
    status.append(f" ({result.stage.id})", style="id")
    if topic.optional:
        status.append("   optional", style="muted")
    _print(console, hang("", head, width), hang("Status: ", status, width))
    for label, refs in (("Requires", result.requires), ("Required by", result.required_by)):
        if refs:
            line = Text()
            for i, (ref, ref_status) in enumerate(refs):
                if i:
                    line.append(", ")
                line.append_text(mark(ref_status, glue=True))
                line.append(NBSP + ref.id, style="id")
            _print(console, hang(f"{label}: ", line, width))
    if topic.aliases:
        former = Text(", ".join(topic.aliases), style="muted")
        _print(console, hang(Text("Former ids: ", style="muted"), former, width))
    for label, value in (("Duration: ", topic.duration), ("Effort: ", topic.effort)):
        if value:
            _print(console, hang(label, Text(value), width))
    if topic.summary:
        _print(console, Text(""), _summary(topic.summary, width))
    console.print()
    if topic.resources:
        console.print(Text("Resources", style="heading"))
        _print(console, *resource_rows(list(topic.resources), width))
    else:
        console.print(Text("No resources listed for this topic.", style="muted"))
    if state.notes:
        console.print()
        console.print(Text("Notes", style="heading"))
        for note in state.notes:
            when = Text(f"  {local_time(note.at)}  ", style="muted")
            _print(console, hang(when, Text(clean_block(note.note or "")), width))


@render_text.register
def _show_stage(result: ShowStageResult, lang: str) -> None:
    console = make_console()
    width = console.width
    names = Lang(lang, result.snap.catalog.roadmap.language)
    stage = result.summary.stage
    head = title_text(names, stage, both=True, style="heading")
    head.append(f"  ({stage.id})", style="id")
    line = bar(result.summary.counts)
    line.append("  ")
    line.append_text(counts_text(result.summary.counts))
    _print(console, hang("", head, width), hang("", line, width, indent=2))
    if stage.summary:
        _print(console, Text(""), _summary(stage.summary, width))
    console.print()
    rows = [(mark(result.snap.status(t.id)), t.id, _topic_title(names, t)) for t in stage.topics]
    _print(console, _topic_rows(rows, width, indent=0))


@render_text.register
def _next(result: NextResult, lang: str) -> None:
    console = make_console()
    width = console.width
    catalog = result.snap.catalog
    names = Lang(lang, catalog.roadmap.language)
    plan = result.plan
    if not plan.items:
        if plan.remaining == 0:
            console.print(Text("Every topic is done or skipped. Congratulations!", style="done"))
            console.print(Text("See 'roadmap report' for the whole journey.", style="muted"))
            return
        console.print(
            Text("Nothing is ready: every remaining topic waits for another.", style="warning")
        )
        for topic, unmet in plan.blocked:
            line = Text(f"  {topic.id}", style="id")
            line.append(" waits for ")
            _print(console, hang(line, ", ".join(unmet), width, indent=4))
        console.print(Text("Finish or skip those first ('roadmap skip TOPIC').", style="muted"))
        return
    for index, item in enumerate(plan.items):
        if index:
            console.print()
        label = "Continue" if item.reason == "in_progress" else "Next"
        head = title_text(names, item.topic, both=True, style="heading")
        head.append(f"  ({item.topic.id})", style="id")
        where = title_text(names, item.stage)
        if item.since:
            where.append(f"   started {local_date(item.since)}", style="muted")
        if item.topic.optional:
            where.append("   optional", style="muted")
        label_text = Text(f"{label}: ", style="heading")
        _print(console, hang(label_text, head, width), hang("Stage: ", where, width))
        if item.topic.summary:
            _print(console, _summary(item.topic.summary, width, indent=2))
        if item.topic.resources:
            _print(console, *resource_rows(list(item.topic.resources), width))
        else:
            console.print(
                Text("  No resources listed: look it up, then mark it done.", style="muted")
            )
        hint = Text(f"  When done: roadmap done {item.topic.id}", style="muted")
        console.print(hint)
    console.print()
    console.print(Text(f"{plan.remaining} topics to go.", style="muted"))


@render_text.register
def _change(result: ChangeResult, lang: str) -> None:
    console = make_console()
    width = console.width
    catalog_lang = Lang(lang, result.language)
    for change in result.changes:
        head = Text.assemble(mark(change.after), " ")
        head.append(change.topic.id, style="id")
        head.append("  ")
        line = Text(catalog_lang.title(change.topic))
        if change.before == change.after:
            line.append(f"  (already {LABELS[change.after]})", style="muted")
        else:
            line.append(f"  {LABELS[change.before]} → {LABELS[change.after]}", style="muted")
            if change.after == "done":
                line.append(f" on {local_date(change.at)}", style="muted")
        _print(console, hang(head, line, width))
    if result.note:
        note = Text(clean_block(result.note), style="muted")
        _print(console, hang(Text("Note added: ", style="muted"), note, width))
    summary = Text("Progress: ")
    summary.append_text(bar(result.counts, 20))
    summary.append("  ")
    summary.append_text(counts_text(result.counts))
    _print(console, hang("", summary, width, indent=10))
    if result.next_topic is not None and result.verb in ("done", "skip"):
        nxt = Text("Next: ", style="muted")
        nxt.append(result.next_topic.id, style="id")
        nxt.append("  (roadmap next)", style="muted")
        console.print(nxt)


@render_text.register
def _undo(result: UndoResult, lang: str) -> None:
    console = make_console()
    for event in result.undone:
        line = Text()
        if event.status is not None:
            line.append(f"{clean_line(event.topic or '')} → {LABELS[event.status]}", style="id")
        else:
            line.append(f"note on {clean_line(event.topic or '')}: {clean_line(event.note or '')}")
        if event.topic in result.now_status:
            status = result.now_status[event.topic]
            line.append(f"  (now {LABELS[status]})", style="muted")
        _print(console, hang("Undid: ", line, console.width))
