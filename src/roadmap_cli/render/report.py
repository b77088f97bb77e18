"""The text of ``roadmap report``: progress bars, work in progress, recent work, what is
next, activity, streaks and pace."""

from __future__ import annotations

from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from roadmap_cli.render.text import Lang, bar, counts_text, local_date, render_text, title_text
from roadmap_cli.results import ReportResult
from roadmap_cli.textsafe import clean_line

__all__ = ["report_renderables"]


def _section(title: str) -> Text:
    return Text(f"\n{title}", style="heading")


def report_renderables(result: ReportResult, lang: str) -> list[RenderableType]:
    """The report as a list of rich renderables (for the terminal, SVG or HTML)."""
    roadmap = result.snap.catalog.roadmap
    names = Lang(lang, roadmap.language)
    out: list[RenderableType] = []
    head = Text(clean_line(roadmap.display_title(lang)), style="heading")
    head.append(f"  · report of {local_date(result.generated)}", style="muted")
    out.append(head)
    total = Text("Overall  ")
    total.append_text(bar(result.total, 30))
    total.append("  ")
    total.append_text(counts_text(result.total))
    out.append(total)
    split = Text(
        f"         {result.total.done} done · {result.total.in_progress} in progress · "
        f"{result.total.skipped} skipped · {result.total.todo} to do",
        style="muted",
    )
    out.append(split)
    if result.optional.total:
        out.append(
            Text(
                f"         required {result.required.finished}/{result.required.total}"
                f" · optional {result.optional.finished}/{result.optional.total}",
                style="muted",
            )
        )

    out.append(_section("Stages"))
    table = Table.grid(padding=(0, 2))
    table.add_column(overflow="fold", ratio=1)
    table.add_column(no_wrap=True)
    table.add_column(no_wrap=True)
    for summary in result.summaries:
        table.add_row(
            title_text(names, summary.stage),
            bar(summary.counts, 20),
            counts_text(summary.counts),
        )
    out.append(Padding(table, (0, 0, 0, 2)))

    out.append(_section("In progress"))
    if result.in_progress:
        for topic, since in result.in_progress:
            line = Text(f"  {topic.id}", style="id")
            line.append("  ")
            line.append(names.title(topic))
            if since:
                line.append(f"  since {local_date(since)}", style="muted")
            out.append(line)
    else:
        out.append(Text("  nothing started ('roadmap start TOPIC')", style="muted"))

    out.append(_section("Recently done"))
    if result.recent:
        for topic, at in result.recent:
            line = Text(f"  {local_date(at)}  ", style="muted")
            line.append(topic.id, style="id")
            line.append("  ")
            line.append(names.title(topic))
            out.append(line)
    else:
        out.append(Text("  nothing yet", style="muted"))

    out.append(_section("Next"))
    ready = [i for i in result.plan.items if i.reason == "ready"]
    if ready:
        for item in ready:
            line = Text(f"  {item.topic.id}", style="id")
            line.append("  ")
            line.append(names.title(item.topic))
            out.append(line)
    elif result.plan.remaining == 0:
        out.append(Text("  all done!", style="done"))
    else:
        out.append(Text("  nothing ready: see 'roadmap next'", style="muted"))

    out.append(_section("Activity"))
    pace = result.pace
    streak = Text(
        f"  streak: {result.streak_current} day{'s' if result.streak_current != 1 else ''}"
        f" (longest {result.streak_longest})"
    )
    out.append(streak)
    if pace.projected_finish is None:
        out.append(Text("  pace: not enough data yet", style="muted"))
    else:
        out.append(
            Text(
                f"  pace: {pace.recent_per_week:.1f} topics/week over the last 4 weeks,"
                f" {pace.overall_per_week:.1f} overall"
            )
        )
        if pace.remaining:
            out.append(
                Text(
                    f"  at that pace the remaining {pace.remaining} topics are done by "
                    f"{pace.projected_finish.isoformat()}"
                )
            )
    if result.orphans:
        out.append(_section("Orphaned marks"))
        for tid, state in sorted(result.orphans.items()):
            out.append(
                Text(
                    f"  {clean_line(tid)}: {state.status} — no longer in the roadmap "
                    "(kept; see 'roadmap doctor')",
                    style="orphan",
                )
            )
    return out


@render_text.register
def _report(result: ReportResult, lang: str) -> None:
    from roadmap_cli.render.console import make_console

    console: Console = make_console()
    console.print(Group(*report_renderables(result, lang)))
