"""The text of ``roadmap next``: what to study now, with its resources."""

from __future__ import annotations

from roadmap_cli.actions.next import NextResult
from roadmap_cli.render.console import make_console
from roadmap_cli.render.prose import hang
from roadmap_cli.render.text import Text
from roadmap_cli.render.widgets import (
    Lang,
    emit_lines,
    guidance_lines,
    local_date,
    resource_rows,
    title_text,
)
from roadmap_cli.support.i18n import _


def render_next(result: NextResult, lang: str) -> None:
    """Print ``result`` on stdout, titles in ``lang`` ("zh"/"en")."""
    console = make_console()
    width = console.width
    catalog = result.snap.catalog
    names = Lang(lang, catalog.roadmap.language)
    plan = result.plan
    if result.reviews_due:
        from roadmap_cli.render.review import next_line

        console.print(Text(next_line(result.reviews_due), style="warning"))
        console.print()
    if not plan.items:
        if plan.remaining == 0:
            console.print(Text(_("Every topic is done or skipped. Congratulations!"), style="done"))
            console.print(Text(_("See 'roadmap report' for the whole journey."), style="muted"))
            return
        console.print(
            Text(_("Nothing is ready: every remaining topic waits for another."), style="warning")
        )
        for topic, unmet in plan.blocked:
            line = Text(f"  {topic.id}", style="id")
            line.append(" " + _("waits for") + " ")
            emit_lines(console, hang(line, ", ".join(unmet), width, indent=4))
        console.print(Text(_("Finish or skip those first ('roadmap skip TOPIC')."), style="muted"))
        return
    for index, item in enumerate(plan.items):
        if index:
            console.print()
        label = _("Continue: ") if item.reason == "in_progress" else _("Next: ")
        head = title_text(names, item.topic, both=True, style="heading")
        head.append(f"  ({item.topic.id})", style="id")
        where = title_text(names, item.stage)
        if item.since:
            where.append(
                "   " + _("started {date}").format(date=local_date(item.since)), style="muted"
            )
        if item.topic.optional:
            where.append("   " + _("optional"), style="muted")
        label_text = Text(label, style="heading")
        emit_lines(console, hang(label_text, head, width), hang(_("Stage: "), where, width))
        emit_lines(console, *guidance_lines(names, item.topic, width, indent=2))
        resources = result.snap.resources(item.topic)
        if resources:
            emit_lines(console, *resource_rows(resources, width, names=names))
        else:
            console.print(
                Text("  " + _("No resources listed: look it up, then mark it done."), style="muted")
            )
        if item.topic.id in result.elsewhere:
            from roadmap_cli.render.library import elsewhere_text

            also = elsewhere_text(result.elsewhere[item.topic.id])
            emit_lines(console, hang("  " + _("Already "), also, width, indent=4))
        hint = Text(
            "  " + _("When done: {command}").format(command=f"roadmap done {item.topic.id}"),
            style="muted",
        )
        console.print(hint)
    console.print()
    console.print(Text(_("{n} topics to go.").format(n=plan.remaining), style="muted"))
    if result.schedule is not None:
        from roadmap_cli.render.plan import next_plan_line

        console.print(Text(next_plan_line(result.schedule), style="muted"))
