"""The text of ``roadmap plan`` and the plan's lines elsewhere: the line under ``next``,
the Plan and Time sections of ``report`` (terminal, text/SVG/HTML and Markdown).

Plain strings are built once (:func:`plan_summary`, :func:`time_summary_lines`) and
styled or escaped by each format. No state changes.
"""

from __future__ import annotations

from datetime import date

from rich.console import RenderableType
from rich.text import Text

from roadmap_cli.actions.plan import PlanResult
from roadmap_cli.progress.events import Event
from roadmap_cli.progress.plan import PlanStatus
from roadmap_cli.progress.timelog import MIN_TIMED_TOPICS, TimeSummary, format_minutes
from roadmap_cli.render.prose import fold_indented
from roadmap_cli.roadmap.catalog import Catalog
from roadmap_cli.support.textsafe import clean_line
from roadmap_cli.support.words import plural

__all__ = [
    "describe_plan_or_time",
    "next_plan_line",
    "plan_summary",
    "render_plan",
    "report_plan_markdown",
    "report_plan_section",
    "time_summary_lines",
    "week_label",
]


def short_day(day: date) -> str:
    """``Mon 30 Nov`` (English names whatever the locale)."""
    names = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
    months = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
    return f"{names[day.weekday()]} {day.day} {months[day.month - 1]}"


def week_label(monday: date) -> str:
    """``Mon 30 Nov – Sun 6 Dec``."""
    from datetime import timedelta

    return f"{short_day(monday)} – {short_day(monday + timedelta(days=6))}"


def _hours(minutes: float) -> str:
    return f"{minutes / 60:.1f} h"


def standing_text(status: PlanStatus) -> str:
    """``on track``, ``3 topics behind``, ``2 topics ahead``, ``not started yet``, ``done``."""
    if status.standing == "behind":
        return f"{plural(status.difference, 'topic')} behind"
    if status.standing == "ahead":
        return f"{plural(status.difference, 'topic')} ahead"
    return {
        "on_track": "on track",
        "not_started": f"starts {short_day(status.schedule[0].monday)}"
        if status.schedule
        else "not started yet",
        "finished": "every planned topic is done",
    }[status.standing]


def plan_summary(status: PlanStatus) -> list[tuple[str, str]]:
    """The plan as ``(label, text)`` lines, plain text (ids, dates, numbers)."""
    spec = status.spec
    what = "required and optional topics" if spec.include_optional else "required topics"
    if spec.by is not None:
        goal = f"finish by {status.target.isoformat()}"
    else:
        goal = f"{plural(spec.weekly or 0, 'topic')} a week, so by {status.target.isoformat()}"
    if spec.hours is not None:
        goal += f", {spec.hours:g} h a week"
    lines = [("Plan", f"{goal} · from {spec.start.isoformat()} · {what}")]
    lines.append(
        (
            "Left",
            f"{status.left} of {plural(status.total, 'topic')} · "
            f"{plural(status.weeks_left, 'week')} left (this one included)",
        )
    )
    if status.standing == "finished":
        lines.append(("Standing", standing_text(status)))
        return lines
    if status.standing == "not_started":
        first = status.schedule[0] if status.schedule else None
        if first is not None:
            lines.append(
                ("First week", f"{week_label(first.monday)}: {plural(first.count, 'topic')}")
            )
    else:
        week = (
            f"This week ({week_label(status.monday)}): "
            f"{status.done_this_week} of {status.quota} done"
        )
        if status.this_week:
            week += " — next: " + ", ".join(t.id for t in status.this_week)
        elif status.quota and status.done_this_week >= status.quota:
            week += " — this week's topics are done"
        lines.append(("Week", week))
    standing = standing_text(status)
    if status.overdue:
        standing += f" · the target {status.target.isoformat()} has passed"
    lines.append(("Standing", standing))
    lines.append(("Finish", _finish(status)))
    lines.append(("Schedule", _basis(status)))
    return lines


def _finish(status: PlanStatus) -> str:
    if status.projected_finish is None:
        return "not enough data yet: mark a topic done to see your pace"
    rate = f"{status.rate:.1f} topics a week"
    source = "your hours" if status.basis == "hours" else "your current pace"
    days = (status.projected_finish - status.target).days
    when = (
        "on the target"
        if days == 0
        else f"{plural(-days, 'day')} before the target"
        if days < 0
        else f"{plural(days, 'day')} after the target"
    )
    return f"projected {status.projected_finish.isoformat()} at {rate} ({source}) — {when}"


def _basis(status: PlanStatus) -> str:
    if status.basis == "hours" and status.median_minutes is not None:
        return (
            f"by hours: your median is {format_minutes(status.median_minutes)} a topic, "
            f"so {status.spec.hours:g} h a week is {status.rate:.1f} topics"
        )
    if status.spec.hours is not None:
        return (
            f"by topic count until {MIN_TIMED_TOPICS} done topics have time logged "
            f"({status.timed_done} so far; 'roadmap log TOPIC 1h30m')"
        )
    return "by topic count"


def describe_plan_or_time(event: Event) -> str | None:
    """What a plan or time event did, for ``history``: ``plan to 2027-06-30 from
    2026-12-07``, ``plan cleared``, ``1h30m logged: "note"``; None for other kinds or a
    malformed value."""
    from roadmap_cli.progress.plan import PlanSpec

    value = event.value
    if event.kind == "plan":
        if value is None:
            return "plan cleared"
        try:
            spec = PlanSpec.from_json(value)
        except (ValueError, KeyError, TypeError):
            return None
        goal = (
            f"plan to {spec.by.isoformat()}"
            if spec.by
            else f"plan of {plural(spec.weekly or 0, 'topic')} a week"
        )
        extra = f", {spec.hours:g} h a week" if spec.hours else ""
        optional = ", optional topics too" if spec.include_optional else ""
        return f"{goal} from {spec.start.isoformat()}{extra}{optional}"
    if event.kind == "time" and isinstance(value, dict):
        minutes = value.get("minutes")
        if type(minutes) is not int:
            return None
        note = value.get("note")
        said = f': "{clean_line(note)}"' if isinstance(note, str) and note else ""
        return f"{format_minutes(minutes)} logged{said}"
    return None


def next_plan_line(status: PlanStatus) -> str:
    """The line ``next`` adds under a plan: ``This week: 1/2 · plan to 2027-06-30``."""
    if status.standing == "finished":
        return f"Plan to {status.target.isoformat()}: every planned topic is done"
    if status.standing == "not_started":
        return f"Plan to {status.target.isoformat()}: {standing_text(status)}"
    line = (
        f"This week: {status.done_this_week}/{status.quota} · plan to {status.target.isoformat()}"
    )
    if status.standing in ("behind", "ahead"):
        line += f" · {standing_text(status)}"
    return line


def time_summary_lines(summary: TimeSummary, catalog: Catalog, lang: str) -> list[str]:
    """The report's Time section as plain lines: total, per stage, per week (the last
    eight with time), the median per topic."""
    if not summary.total:
        return ["no time logged yet ('roadmap log TOPIC 1h30m')"]
    lines = [f"total {_hours(summary.total)}"]
    for stage in catalog.stages:
        minutes = summary.per_stage.get(stage.id)
        if minutes:
            title = clean_line(stage.display_title(lang, catalog.roadmap.language))
            lines.append(f"{_hours(minutes):>8}  {title} ({stage.id})")
    weeks = list(summary.per_week.items())[-8:]
    lines.append(
        "per week: " + " · ".join(f"{week_label(d).split(' – ')[0]} {_hours(m)}" for d, m in weeks)
    )
    if summary.median_per_topic is not None:
        lines.append(
            f"median {format_minutes(summary.median_per_topic)} a topic "
            f"(over {plural(summary.timed_done, 'done topic')} with time)"
        )
    else:
        lines.append(
            f"median per topic: after {MIN_TIMED_TOPICS} done topics have time "
            f"({summary.timed_done} so far)"
        )
    return lines


def plan_text(status: PlanStatus | None, width: int) -> list[Text]:
    """The plan as folded lines for a terminal or a report picture."""
    if status is None:
        return [Text("  no plan: set one with 'roadmap plan --by DATE'", style="muted")]
    out = []
    for label, text in plan_summary(status):
        if label == "Week":  # "This week (Mon 30 Nov – Sun 6 Dec): 1 of 2 done — next: …"
            out.append(fold_indented(Text("  " + clean_line(text)), width, indent=4))
            continue
        line = Text(f"  {label + ':':<11} ", style="muted")
        line.append(clean_line(text), style="heading" if label == "Standing" else "")
        out.append(fold_indented(line, width, indent=14))
    return out


def report_plan_section(
    status: PlanStatus | None, time: TimeSummary | None, catalog: Catalog, lang: str, width: int
) -> list[RenderableType]:
    """The report's Plan and Time sections for a terminal or a picture."""
    out: list[RenderableType] = [Text("\nPlan", style="heading"), *plan_text(status, width)]
    out.append(Text("\nTime", style="heading"))
    for line in time_summary_lines(time or TimeSummary(), catalog, lang):
        out.append(fold_indented(Text("  " + line), width, indent=4))
    return out


def report_plan_markdown(
    status: PlanStatus | None, time: TimeSummary | None, catalog: Catalog, lang: str
) -> list[str]:
    """The report's Plan and Time sections in Markdown (``## Plan`` when a plan is set,
    ``## Time`` when time is logged: a checklist without them stays as it was)."""
    from roadmap_cli.render.report_markdown import escape_markdown

    lines: list[str] = []
    if status is not None:
        lines += ["", "## Plan", ""]
        lines += [
            f"- {escape_markdown(text)}"
            if label == "Week"
            else f"- **{label}:** {escape_markdown(text)}"
            for label, text in plan_summary(status)
        ]
    if time is not None and time.total:
        lines += ["", "## Time", ""]
        lines += [
            f"- {escape_markdown(line.strip())}" for line in time_summary_lines(time, catalog, lang)
        ]
    return lines


def render_plan(result: PlanResult, lang: str) -> None:
    """Print ``result`` on stdout (``lang``: "zh"/"en")."""
    del lang
    from roadmap_cli.render.console import make_console
    from roadmap_cli.render.widgets import emit_lines

    console = make_console()
    if result.action == "cleared":
        console.print(Text("Plan cleared ('roadmap undo' brings it back).", style="done"))
        return
    if result.status is None:
        console.print(Text("No plan yet.", style="muted"))
        console.print(
            Text(
                "Set one: roadmap plan --by 2027-06-30 (or --weekly 3); see 'roadmap plan --help'.",
                style="muted",
            )
        )
        return
    if result.action == "set":
        console.print(Text("Plan recorded.", style="done"))
    emit_lines(console, *plan_text(result.status, console.width))
    console.print(Text(f"Weeks start on Monday, {clean_line(result.zone)}.", style="muted"))
