"""The text of ``roadmap show``: one topic (status, prerequisites, summary, resources,
notes) or one stage (bar, summary, topics)."""

from __future__ import annotations

from roadmap_cli.actions.show import ShowStageResult, ShowTopicResult
from roadmap_cli.render.console import make_console
from roadmap_cli.render.prose import NBSP, hang
from roadmap_cli.render.text import Text
from roadmap_cli.render.widgets import (
    Lang,
    bar,
    counts_text,
    emit_lines,
    guidance_lines,
    label,
    local_date,
    local_time,
    mark,
    resource_rows,
    title_text,
    topic_rows,
    topic_title,
)
from roadmap_cli.support.i18n import _
from roadmap_cli.support.textsafe import clean_block


def render_show(result: ShowTopicResult | ShowStageResult, lang: str) -> None:
    """Print ``result`` on stdout, titles in ``lang`` ("zh"/"en")."""
    if isinstance(result, ShowStageResult):
        _show_stage(result, lang)
        return
    console = make_console()
    width = console.width
    names = Lang(lang, result.language)
    topic, state = result.topic, result.state
    head = title_text(names, topic, both=True, style="heading")
    head.append(f"  ({topic.id})", style="id")
    status = Text.assemble(mark(state.status, glue=True), " ", label(state.status))
    if state.since:
        status.append(" " + _("since {date}").format(date=local_date(state.since)), style="muted")
    status.append("   " + _("Stage: "))
    status.append_text(title_text(names, result.stage))
    status.append(f" ({result.stage.id})", style="id")
    if topic.optional:
        status.append("   " + _("optional"), style="muted")
    emit_lines(console, hang("", head, width), hang(_("Status: "), status, width))
    if result.review is not None or result.review_mode == "off":
        from roadmap_cli.render.review import show_review_line

        review = show_review_line(result.review, result.review_mode, topic.id, result.today)
        emit_lines(console, hang("", Text(review), width))
    for heading, refs in (
        (_("Requires: "), result.requires),
        (_("Required by: "), result.required_by),
    ):
        if refs:
            line = Text()
            for i, (ref, ref_status) in enumerate(refs):
                if i:
                    line.append(", ")
                line.append_text(mark(ref_status, glue=True))
                line.append(NBSP + ref.id, style="id")
            emit_lines(console, hang(heading, line, width))
    if result.elsewhere and state.status not in ("done", "skipped"):
        from roadmap_cli.render.library import elsewhere_text

        emit_lines(console, hang(_("Already "), elsewhere_text(result.elsewhere), width))
    if topic.aliases:
        former = Text(", ".join(topic.aliases), style="muted")
        emit_lines(console, hang(Text(_("Former ids: "), style="muted"), former, width))
    for heading, value in ((_("Duration: "), topic.duration), (_("Effort: "), topic.effort)):
        if value:
            emit_lines(console, hang(heading, Text(value), width))
    about = guidance_lines(names, topic, width)
    if about:
        emit_lines(console, Text(""), *about)
    console.print()
    resources = result.resources
    if resources:
        console.print(Text(_("Resources"), style="heading"))
        emit_lines(console, *resource_rows(resources, width, names=names))
    else:
        console.print(Text(_("No resources listed for this topic."), style="muted"))
    if state.notes:
        console.print()
        console.print(Text(_("Notes"), style="heading"))
        for note in state.notes:
            when = Text(f"  {local_time(note.at)}  ", style="muted")
            emit_lines(console, hang(when, Text(clean_block(note.note or "")), width))


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
    emit_lines(console, hang("", head, width), hang("", line, width, indent=2))
    about = guidance_lines(names, stage, width)
    if about:
        emit_lines(console, Text(""), *about)
    console.print()
    rows = [(mark(result.snap.status(t.id)), t.id, topic_title(names, t)) for t in stage.topics]
    emit_lines(console, topic_rows(rows, width, indent=0))
