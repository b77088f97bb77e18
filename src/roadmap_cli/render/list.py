"""The text of ``roadmap list``: each stage with its bar and counts, its topics below."""

from __future__ import annotations

from roadmap_cli.actions.list import ListResult
from roadmap_cli.render.console import make_console
from roadmap_cli.render.prose import hang
from roadmap_cli.render.text import Text
from roadmap_cli.render.widgets import (
    Lang,
    bar,
    counts_text,
    emit_lines,
    label,
    mark,
    title_text,
    topic_rows,
    topic_title,
)
from roadmap_cli.support.i18n import _
from roadmap_cli.support.textsafe import clean_line


def render_list(result: ListResult, lang: str) -> None:
    """Print ``result`` on stdout, titles in ``lang`` ("zh"/"en")."""
    console = make_console()
    width = console.width
    roadmap = result.snap.catalog.roadmap
    names = Lang(lang, roadmap.language)
    head = Text(clean_line(roadmap.display_title(lang)), style="heading")
    from roadmap_cli.progress.snapshot import overall, stage_summaries

    head.append("  ")
    every = result.summaries
    if len(every) != len(result.snap.catalog.roadmap.stages):  # 'list STAGE': the whole
        every = stage_summaries(result.snap)  # roadmap's numbers, not the stage's
    head.append_text(counts_text(overall(every)[0]))
    emit_lines(console, hang("", head, width))
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
            rows.append((mark(result.snap.status(topic.id)), topic.id, topic_title(names, topic)))
            shown += 1
        emit_lines(console, Text(""), hang("", line, width, indent=2), topic_rows(rows, width))
    shown_ids = {t.id for s in result.summaries for t in result.topics_of(s.stage)}
    hints = [(i, h) for i, h in result.elsewhere.items() if i in shown_ids]
    if hints:
        from roadmap_cli.render.library import elsewhere_text

        console.print()
        console.print(Text(_("Done in another roadmap (not marked here):"), style="heading"))
        for topic_id, hits in hints:
            emit_lines(console, hang(f"  {topic_id}: ", elsewhere_text(hits), width))
    if result.status_filter and not shown:
        console.print(
            Text(
                _("No topic is {status}.").format(status=label(result.status_filter)), style="muted"
            )
        )
