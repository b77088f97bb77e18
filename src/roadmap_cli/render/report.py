"""The text of ``roadmap report``: progress bars, work in progress, recent work, what is
next, an activity heatmap, streaks and pace.

:func:`report_renderables` builds the rich renderables once; the terminal renderer prints
them, and :func:`export_report` records them for ``--format text|svg|html`` files.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.measure import Measurement
from rich.padding import Padding
from rich.table import Table

from roadmap_cli.actions.report import ReportResult
from roadmap_cli.progress.snapshot import Counts
from roadmap_cli.render.heatmap import heatmap_columns, heatmap_lines, legend
from roadmap_cli.render.prose import NBSP, fold_indented, fold_text, hang
from roadmap_cli.render.report_markdown import review_section_lines
from roadmap_cli.render.text import Text
from roadmap_cli.render.widgets import Lang, bar, local_date, title_text
from roadmap_cli.support.i18n import N_, _, pgettext
from roadmap_cli.support.textsafe import cell_width, clean_line
from roadmap_cli.support.words import plural

__all__ = ["export_report", "report_renderables"]

#: A finish too far off for a date (50,000 topics at one a year).
BEYOND = N_("after 9999-12-31")
#: Width of the console a report picture (SVG, HTML) or text file is drawn at.
EXPORT_WIDTH = 100


def _section(title: str) -> Text:
    return Text(f"\n{title}", style="heading")


def _offline_svg_format() -> str:
    """Rich's SVG template without its ``@font-face`` rules, which load Fira Code from a
    CDN: the report works offline and fetches nothing (the local monospace font is used,
    or Fira Code when installed)."""
    import re

    from rich._export_format import CONSOLE_SVG_FORMAT

    return re.sub(r"\n\s*@font-face \{\{.*?\}\}", "", CONSOLE_SVG_FORMAT, flags=re.DOTALL)


class Prose:
    """A paragraph (or several) that folds by the rules of :mod:`roadmap_cli.render.prose`
    to the width rich gives it (a table cell)."""

    def __init__(self, text: Text) -> None:
        self.text = text

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        for line in fold_text(self.text, options.max_width):
            yield line.__rich__()

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        lines = self.text.plain.split("\n")
        widest = max((cell_width(line) for line in lines), default=0)
        return Measurement(min(widest, 8), widest)


def _split(counts: Counts) -> str:
    return _("{done} done · {doing} in progress · {skipped} skipped · {todo} to do").format(
        done=counts.done, doing=counts.in_progress, skipped=counts.skipped, todo=counts.todo
    )


def _part(label: str, counts: Counts) -> str:
    return f"{label} {counts.finished}/{counts.total} ({counts.percent:.0f}%)"


def _pad(label: str, cells: int) -> str:
    """``label`` followed by spaces to ``cells`` cells (at least two spaces)."""
    return label + " " * max(2, cells - cell_width(label))


def _overall(result: ReportResult, width: int) -> list[RenderableType]:
    head = _pad(_("Overall"), 9)
    indent = " " * cell_width(head)
    line = Text(head)
    line.append_text(bar(result.total, 30 if width >= 80 else 16))
    line.append(f"  {result.total.finished}/{result.total.total} · {result.total.percent:.0f}%")
    out: list[RenderableType] = [
        fold_indented(line, width, indent=len(indent)),
        fold_indented(Text(f"{indent}{_split(result.total)}", style="muted"), width),
    ]
    if result.optional.total:
        required, optional = _("required"), _("optional")
        parts = f"{_part(required, result.required)} · {_part(optional, result.optional)}"
        out.append(fold_indented(Text(f"{indent}{parts}", style="muted"), width))
    return out


def _column_labels() -> tuple[str, ...]:
    """The headings of the stage table's count columns."""
    return (
        pgettext("column", "done"),
        pgettext("column", "doing"),
        pgettext("column", "skipped"),
        pgettext("column", "to do"),
        pgettext("column", "req"),
        pgettext("column", "opt"),
    )


def _ratio(counts: Counts) -> Text:
    if counts.total == 0:
        return Text("–", style="muted")
    return Text(f"{counts.finished}/{counts.total}")


def _stages(result: ReportResult, names: Lang, width: int) -> RenderableType:
    """One row per stage: title, bar, percent, the four counts, required and optional
    (on a console narrower than 80 cells, the counts go on a second line)."""
    if width < 80:
        return _stages_narrow(result, names, width)
    bar_width = 20 if width >= 100 else 12
    table = Table(box=None, pad_edge=False, padding=(0, 1), header_style="muted")
    table.add_column("", overflow="fold", ratio=1, min_width=8)
    table.add_column("", no_wrap=True)
    table.add_column(pgettext("column", "%"), justify="right", no_wrap=True)
    for label in _column_labels():
        table.add_column(label, justify="right", no_wrap=True)
    for summary in result.summaries:
        c = summary.counts
        table.add_row(
            Prose(title_text(names, summary.stage)),
            bar(c, bar_width),
            f"{c.percent:.0f}%",
            *(Text(str(n), style="muted" if n == 0 else "") for n in _four(c)),
            _ratio(summary.required),
            _ratio(summary.optional),
        )
    return Padding(table, (0, 0, 0, 2))


def _stages_narrow(result: ReportResult, names: Lang, width: int) -> RenderableType:
    """Each stage's title on its own line, then its bar and counts in aligned columns (the
    bar left out where it would not fit in ``width``)."""
    cells = [
        (
            f"{s.counts.percent:.0f}%",
            *(str(n) for n in _four(s.counts)),
            _ratio(s.required).plain,
            _ratio(s.optional).plain,
        )
        for s in result.summaries
    ]
    labels = (pgettext("column", "%"), *_column_labels())
    widths = [
        max(cell_width(x) for x in [label, *(row[i] for row in cells)])
        for i, label in enumerate(labels)
    ]
    bar_width = 8 if 4 + 8 + sum(w + 2 for w in widths) <= width else 0
    rows: list[RenderableType] = [
        Text(
            " " * (4 + bar_width)
            + "".join(
                "  " + " " * (w - cell_width(lb)) + lb for lb, w in zip(labels, widths, strict=True)
            ),
            style="muted",
        )
    ]
    for summary, row in zip(result.summaries, cells, strict=True):
        rows.append(hang("  ", title_text(names, summary.stage), width))
        line = Text("    ")
        line.append_text(bar(summary.counts, bar_width) if bar_width else Text())
        for value, w in zip(row, widths, strict=True):
            line.append(f"  {value:>{w}}", style="muted" if value in ("0", "–") else "")
        rows.append(line)
    return Group(*rows)


def _four(counts: Counts) -> tuple[int, int, int, int]:
    return counts.done, counts.in_progress, counts.skipped, counts.todo


def _days_ago(day: date, today: date) -> str:
    days = (today - day).days
    if days <= 0:
        return _("today")
    if days == 1:
        return _("yesterday")
    return _("{n} days ago").format(n=days)


def _id_column(ids: list[str]) -> Callable[[str], str]:
    """Pads an id to the widest of ``ids``, so the titles after them line up."""
    widest = max((cell_width(i) for i in ids), default=0)
    return lambda topic_id: topic_id + " " * (widest - cell_width(topic_id))


def _work(result: ReportResult, names: Lang, width: int) -> list[RenderableType]:
    """In progress (since when), recently done (with dates), and what is next; an item
    that folds keeps its lines under its title."""
    out: list[RenderableType] = [_section(_("In progress"))]
    doing = _id_column([topic.id for topic, _since in result.in_progress])
    for topic, since in result.in_progress:
        line = Text(names.title(topic))
        if since:
            day = local_date(since)
            ago = _days_ago(date.fromisoformat(day), result.today)
            line.append("  " + _("since {date} ({ago})").format(date=day, ago=ago), style="muted")
        out.append(hang(Text(f"  {doing(topic.id)}  ", style="id"), line, width))
    if not result.in_progress:
        out.append(Text("  " + _("nothing started ('roadmap start TOPIC')"), style="muted"))

    out.append(_section(_("Recently done")))
    done = _id_column([topic.id for topic, _at in result.recent])
    for topic, at in result.recent:
        head = Text(f"  {local_date(at)}  ", style="muted")
        head.append(done(topic.id), style="id")
        head.append("  ")
        out.append(hang(head, names.title(topic), width))
    if not result.recent:
        out.append(Text("  " + _("nothing yet ('roadmap done TOPIC')"), style="muted"))

    out.append(_section(_("Next")))
    ready = [i for i in result.plan.items if i.reason == "ready"]
    column = _id_column([i.topic.id for i in ready])
    for item in ready:
        line = Text(names.title(item.topic))
        line.append("  ·" + NBSP, style="muted")
        line.append(names.title(item.stage), style="muted")
        out.append(hang(Text(f"  {column(item.topic.id)}  ", style="id"), line, width))
    if not ready:
        if result.plan.remaining == 0:
            out.append(Text("  " + _("all done!"), style="done"))
        else:
            out.append(Text("  " + _("nothing ready: see 'roadmap next'"), style="muted"))
    return out


def _activity(result: ReportResult, width: int) -> list[RenderableType]:
    """The heatmap, its legend, and the streaks."""
    start = heatmap_columns(result.today, result.weeks)[0][0] or result.today
    window = [n for d, n in result.activity.items() if start <= d <= result.today and n]
    out: list[RenderableType] = [_section(_("Activity · last {n} weeks").format(n=result.weeks))]
    out.extend(heatmap_lines(result.activity, result.today, result.weeks))
    out.append(fold_indented(legend(), width))
    out.append(Text(""))
    streak = Text("  " + _("Streak: "))
    streak.append(plural(result.streak_current, "day"), style="heading")
    streak.append(" " + _("now · longest {days}").format(days=plural(result.streak_longest, "day")))
    out.append(fold_indented(streak, width))
    count = sum(window)
    things = (
        _("1 completion, note or review")
        if count == 1
        else _("{n} completions, notes and reviews").format(n=count)
    )
    total = Text(
        "  "
        + _("{days}, {things} in these {weeks} weeks").format(
            days=plural(len(window), "active day"), things=things, weeks=result.weeks
        ),
        style="muted",
    )
    out.append(fold_indented(total, width))
    return out


def _pace(result: ReportResult, width: int) -> list[RenderableType]:
    """Topics per week and the projected finish date, or "not enough data yet"."""
    pace = result.pace
    out: list[RenderableType] = [_section(_("Pace"))]
    if pace.projected_finish is None and not pace.beyond_reach:
        none = Text(
            "  " + _("not enough data yet: mark a topic done to see your pace"), style="muted"
        )
        out.append(fold_indented(none, width))
        return out
    rate_text = _("{rate} topics/week")
    recent = rate_text.format(rate=f"{pace.recent_per_week:.1f}")
    out.append(Text("  " + _pad(_("last 4 weeks"), 14) + recent))
    since = _(" (since {date})").format(date=local_date(pace.first)) if pace.first else ""
    overall_rate = rate_text.format(rate=f"{pace.overall_per_week:.1f}")
    overall = "  " + _pad(_("overall"), 14) + overall_rate + since
    out.append(fold_indented(overall, width, indent=16))
    finish = Text("  " + _pad(_("finish"), 14))
    if pace.remaining == 0:
        finish.append(_("every topic is done or skipped"), style="done")
    else:
        rate = pace.recent_per_week or pace.overall_per_week
        when = pace.projected_finish.isoformat() if pace.projected_finish else _(BEYOND)
        finish.append(when, style="heading")
        finish.append(
            "  "
            + _("at {rate}, {topics} to go").format(
                rate=rate_text.format(rate=f"{rate:.1f}"), topics=plural(pace.remaining, "topic")
            ),
            style="muted",
        )
    out.append(fold_indented(finish, width, indent=16))
    return out


def report_renderables(result: ReportResult, lang: str, width: int = 100) -> list[RenderableType]:
    """The report as a list of rich renderables (for the terminal, SVG or HTML), laid out
    for a console ``width`` cells wide; titles in ``lang`` ("zh" or "en")."""
    roadmap = result.snap.catalog.roadmap
    names = Lang(lang, roadmap.language)
    head = Text(clean_line(roadmap.display_title(lang)), style="heading")
    head.append(
        "  · "
        + _("report of {date} ({zone})").format(
            date=result.today.isoformat(), zone=clean_line(result.zone)
        ),
        style="muted",
    )
    out: list[RenderableType] = [hang("", head, width), Text(""), *_overall(result, width)]
    out.append(_section(_("Stages")))
    out.append(_stages(result, names, width))
    out.extend(_work(result, names, width))
    out.extend(_activity(result, width))
    out.extend(_pace(result, width))
    out.append(_section(_("Review")))
    out.extend(
        fold_indented(Text(f"  {line}"), width) for line in review_section_lines(result.review)
    )
    from roadmap_cli.render.plan import report_plan_section

    out.extend(report_plan_section(result.schedule, result.time, result.snap.catalog, lang, width))
    if result.orphans:
        out.append(_section(_("Orphaned marks")))
        for tid, state in sorted(result.orphans.items()):
            orphan = Text(
                "  "
                + _(
                    "{id}: {status} — no longer in the roadmap (kept; see 'roadmap doctor')"
                ).format(id=clean_line(tid), status=state.status),
                style="orphan",
            )
            out.append(fold_indented(orphan, width, indent=4))
    return out


def export_report(result: ReportResult, lang: str, fmt: str) -> str:
    """The report drawn on a recording console :data:`EXPORT_WIDTH` cells wide, as plain
    text (``fmt`` "text"), an SVG picture ("svg") or an HTML page ("html"). Nothing is
    printed."""
    import io

    from roadmap_cli.render.console import make_rich_console

    console = make_rich_console(record=True, width=EXPORT_WIDTH)
    console.file = io.StringIO()  # recorded only: nothing reaches stdout
    console.print(Group(*report_renderables(result, lang, EXPORT_WIDTH)))
    title = _("roadmap report · {title}").format(
        title=result.snap.catalog.roadmap.display_title(lang)
    )
    if fmt == "svg":
        return console.export_svg(title=clean_line(title), code_format=_offline_svg_format())
    if fmt == "html":
        return console.export_html()
    return "\n".join(line.rstrip() for line in console.export_text().splitlines()) + "\n"


def render_report(result: ReportResult, lang: str) -> None:
    """Print ``result`` on stdout, titles in ``lang`` ("zh"/"en")."""
    from roadmap_cli.render.console import make_rich_console

    console = make_rich_console()
    console.print(Group(*report_renderables(result, lang, console.width)))
