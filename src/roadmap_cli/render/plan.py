"""The text of ``roadmap plan`` and the plan's lines elsewhere: the line under ``next``,
the Plan and Time sections of ``report`` (terminal, text/SVG/HTML and Markdown).

Plain strings are built once (:func:`plan_summary`, :func:`time_summary_lines`) and
styled or escaped by each format. No state changes.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from roadmap_cli.actions.plan import PlanResult
from roadmap_cli.progress.events import Event
from roadmap_cli.progress.plan import PlanStatus
from roadmap_cli.progress.timelog import MIN_TIMED_TOPICS, TimeSummary, format_minutes
from roadmap_cli.render.heatmap import MONTHS
from roadmap_cli.render.prose import fold_indented
from roadmap_cli.render.text import Text
from roadmap_cli.roadmap.catalog import Catalog
from roadmap_cli.support.i18n import N_, _
from roadmap_cli.support.textsafe import cell_width, clean_line
from roadmap_cli.support.words import plural

if TYPE_CHECKING:
    from rich.console import RenderableType

__all__ = [
    "describe_plan_or_time",
    "next_plan_line",
    "plan_summary",
    "render_plan",
    "report_plan_markdown",
    "report_plan_section",
    "time_summary_lines",
    "week_label",
    "weekday_name",
]


_WEEKDAYS = (N_("Mon"), N_("Tue"), N_("Wed"), N_("Thu"), N_("Fri"), N_("Sat"), N_("Sun"))


def short_day(day: date) -> str:
    """``Mon 30 Nov`` in English (``11月30日 周一`` in Chinese)."""
    return _("{weekday} {day} {month}").format(
        weekday=_(_WEEKDAYS[day.weekday()]), day=day.day, month=_(MONTHS[day.month - 1])
    )


def weekday_name(day: date) -> str:
    """``Mon`` in English (``一`` in Chinese): the short name of ``day``'s weekday."""
    return _(_WEEKDAYS[day.weekday()])


def week_label(monday: date) -> str:
    """``Mon 30 Nov – Sun 6 Dec``."""
    from datetime import timedelta

    return f"{short_day(monday)} – {short_day(monday + timedelta(days=6))}"


def _hours(minutes: float) -> str:
    return _("{hours} h").format(hours=f"{minutes / 60:.1f}")


def standing_text(status: PlanStatus) -> str:
    """``on track``, ``3 topics behind``, ``2 topics ahead``, ``not started yet``, ``done``."""
    if status.standing == "behind":
        return _("{topics} behind").format(topics=plural(status.difference, "topic"))
    if status.standing == "ahead":
        return _("{topics} ahead").format(topics=plural(status.difference, "topic"))
    if status.standing == "on_track":
        return _("on track")
    if status.standing == "not_started":
        if status.schedule:
            return _("starts {day}").format(day=short_day(status.schedule[0].monday))
        return _("not started yet")
    return _("every planned topic is done")


#: The labels of :func:`plan_summary`'s lines (English keys, translated where shown).
LABELS = {
    "Plan": N_("Plan"),
    "Left": N_("Left"),
    "Standing": N_("Standing"),
    "First week": N_("First week"),
    "Week": N_("Week"),
    "Finish": N_("Finish"),
    "Schedule": N_("Schedule"),
}


def plan_summary(status: PlanStatus) -> list[tuple[str, str]]:
    """The plan as ``(label, text)`` lines: ``label`` an English key of :data:`LABELS`
    (shown as ``_(label)``), ``text`` in the interface language (ids, dates, numbers)."""
    spec = status.spec
    what = _("required and optional topics") if spec.include_optional else _("required topics")
    target = status.target.isoformat()
    if spec.by is not None:
        goal = _("finish by {date}").format(date=target)
    else:
        goal = _("{topics} a week, so by {date}").format(
            topics=plural(spec.weekly or 0, "topic"), date=target
        )
    if spec.hours is not None:
        goal += _(", {hours} h a week").format(hours=f"{spec.hours:g}")
    lines = [
        (
            "Plan",
            _("{goal} · from {date} · {what}").format(
                goal=goal, date=spec.start.isoformat(), what=what
            ),
        )
    ]
    lines.append(
        (
            "Left",
            _("{left} of {topics} · {weeks} left (this one included)").format(
                left=status.left,
                topics=plural(status.total, "topic"),
                weeks=plural(status.weeks_left, "week"),
            ),
        )
    )
    if status.standing == "finished":
        lines.append(("Standing", standing_text(status)))
        return lines
    if status.standing == "not_started":
        first = status.schedule[0] if status.schedule else None
        if first is not None:
            lines.append(
                (
                    "First week",
                    _("{week}: {topics}").format(
                        week=week_label(first.monday), topics=plural(first.count, "topic")
                    ),
                )
            )
    else:
        week = _("This week ({week}): {done} of {quota} done").format(
            week=week_label(status.monday), done=status.done_this_week, quota=status.quota
        )
        if status.this_week:
            week += _(" — next: {ids}").format(ids=", ".join(t.id for t in status.this_week))
        elif status.quota and status.done_this_week >= status.quota:
            week += _(" — this week's topics are done")
        lines.append(("Week", week))
    standing = standing_text(status)
    if status.overdue:
        standing += _(" · the target {date} has passed").format(date=target)
    lines.append(("Standing", standing))
    lines.append(("Finish", _finish(status)))
    lines.append(("Schedule", _basis(status)))
    return lines


def _finish(status: PlanStatus) -> str:
    if status.projected_finish is None and not status.beyond_reach:
        return _("not enough data yet: mark a topic done to see your pace")
    rate = _("{rate} topics a week").format(rate=f"{status.rate:.1f}")
    source = _("your hours") if status.basis == "hours" else _("your current pace")
    if status.projected_finish is None:  # beyond reach
        return _("projected after 9999-12-31 at {rate} ({source})").format(rate=rate, source=source)
    days = (status.projected_finish - status.target).days
    when = (
        _("on the target")
        if days == 0
        else _("{days} before the target").format(days=plural(-days, "day"))
        if days < 0
        else _("{days} after the target").format(days=plural(days, "day"))
    )
    return _("projected {date} at {rate} ({source}) — {when}").format(
        date=status.projected_finish.isoformat(), rate=rate, source=source, when=when
    )


def _basis(status: PlanStatus) -> str:
    if status.basis == "hours" and status.median_minutes is not None:
        return _(
            "by hours: your median is {median} a topic, so {hours} h a week is {rate} topics"
        ).format(
            median=format_minutes(status.median_minutes),
            hours=f"{status.spec.hours:g}",
            rate=f"{status.rate:.1f}",
        )
    if status.spec.hours is not None:
        return _(
            "by topic count until {n} done topics have time logged ({so_far} so far; {command})"
        ).format(n=MIN_TIMED_TOPICS, so_far=status.timed_done, command="'roadmap log TOPIC 1h30m'")
    return _("by topic count")


def describe_plan_or_time(event: Event) -> str | None:
    """What a plan or time event did, for ``history``: ``plan to 2027-06-30 from
    2026-12-07``, ``plan cleared``, ``1h30m logged: "note"``; None for other kinds or a
    malformed value."""
    from roadmap_cli.progress.plan import PlanSpec

    value = event.value
    if event.kind == "plan":
        if value is None:
            return _("plan cleared")
        try:
            spec = PlanSpec.from_json(value)
        except (ValueError, KeyError, TypeError):
            return None
        goal = (
            _("plan to {date}").format(date=spec.by.isoformat())
            if spec.by
            else _("plan of {topics} a week").format(topics=plural(spec.weekly or 0, "topic"))
        )
        extra = _(", {hours} h a week").format(hours=f"{spec.hours:g}") if spec.hours else ""
        optional = _(", optional topics too") if spec.include_optional else ""
        return _("{goal} from {date}").format(goal=goal, date=spec.start.isoformat()) + (
            extra + optional
        )
    if event.kind == "time" and isinstance(value, dict):
        minutes = value.get("minutes")
        if type(minutes) is not int:
            return None
        note = value.get("note")
        said = f': "{clean_line(note)}"' if isinstance(note, str) and note else ""
        return _("{time} logged").format(time=format_minutes(minutes)) + said
    return None


def next_plan_line(status: PlanStatus) -> str:
    """The line ``next`` adds under a plan: ``This week: 1/2 · plan to 2027-06-30``."""
    target = status.target.isoformat()
    if status.standing == "finished":
        return _("Plan to {date}: every planned topic is done").format(date=target)
    if status.standing == "not_started":
        return _("Plan to {date}: {standing}").format(date=target, standing=standing_text(status))
    line = _("This week: {done}/{quota} · plan to {date}").format(
        done=status.done_this_week, quota=status.quota, date=target
    )
    if status.standing in ("behind", "ahead"):
        line += f" · {standing_text(status)}"
    return line


def time_summary_lines(summary: TimeSummary, catalog: Catalog, lang: str) -> list[str]:
    """The report's Time section as plain lines: total, per stage, per week (the last
    eight with time), the median per topic."""
    if not summary.total:
        return [_("no time logged yet ({command})").format(command="'roadmap log TOPIC 1h30m'")]
    lines = [_("total {hours}").format(hours=_hours(summary.total))]
    for stage in catalog.stages:
        minutes = summary.per_stage.get(stage.id)
        if minutes:
            title = clean_line(stage.display_title(lang, catalog.roadmap.language))
            lines.append(f"{_hours(minutes):>8}  {title} ({stage.id})")
    weeks = list(summary.per_week.items())[-8:]
    lines.append(
        _("per week: ")
        + " · ".join(f"{week_label(d).split(' – ')[0]} {_hours(m)}" for d, m in weeks)
    )
    if summary.median_per_topic is not None:
        lines.append(
            _("median {time} a topic (over {topics} with time)").format(
                time=format_minutes(summary.median_per_topic),
                topics=plural(summary.timed_done, "done topic"),
            )
        )
    else:
        lines.append(
            _("median per topic: after {n} done topics have time ({so_far} so far)").format(
                n=MIN_TIMED_TOPICS, so_far=summary.timed_done
            )
        )
    return lines


def plan_text(status: PlanStatus | None, width: int) -> list[Text]:
    """The plan as folded lines for a terminal or a report picture."""
    if status is None:
        return [
            Text(
                "  "
                + _("no plan: set one with {command}").format(command="'roadmap plan --by DATE'"),
                style="muted",
            )
        ]
    out = []
    for label, text in plan_summary(status):
        if label == "Week":  # "This week (Mon 30 Nov – Sun 6 Dec): 1 of 2 done — next: …"
            out.append(fold_indented(Text("  " + clean_line(text)), width, indent=4))
            continue
        shown = _("{label}:").format(label=_(LABELS[label]))
        line = Text("  " + shown + " " * max(1, 12 - cell_width(shown)), style="muted")
        line.append(clean_line(text), style="heading" if label == "Standing" else "")
        out.append(fold_indented(line, width, indent=14))
    return out


def report_plan_section(
    status: PlanStatus | None, time: TimeSummary | None, catalog: Catalog, lang: str, width: int
) -> list[RenderableType]:
    """The report's Plan and Time sections for a terminal or a picture."""
    out: list[RenderableType] = [Text("\n" + _("Plan"), style="heading"), *plan_text(status, width)]
    out.append(Text("\n" + _("Time"), style="heading"))
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
        lines += ["", "## " + _("Plan"), ""]
        lines += [
            f"- {escape_markdown(text)}"
            if label == "Week"
            else f"- **{_(LABELS[label])}:** {escape_markdown(text)}"
            for label, text in plan_summary(status)
        ]
    if time is not None and time.total:
        lines += ["", "## " + _("Time"), ""]
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
        console.print(
            Text(
                _("Plan cleared ({command} brings it back).").format(command="'roadmap undo'"),
                style="done",
            )
        )
        return
    if result.status is None:
        console.print(Text(_("No plan yet."), style="muted"))
        console.print(
            Text(
                _("Set one: {command} (or --weekly 3); see {help}.").format(
                    command="roadmap plan --by 2027-06-30", help="'roadmap plan --help'"
                ),
                style="muted",
            )
        )
        return
    if result.action == "set":
        console.print(Text(_("Plan recorded."), style="done"))
    emit_lines(console, *plan_text(result.status, console.width))
    console.print(
        Text(
            _("Weeks start on Monday, {zone}.").format(zone=clean_line(result.zone)), style="muted"
        )
    )
