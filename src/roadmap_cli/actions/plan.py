"""``roadmap plan``: record a plan to a date, clear it, show how the learner stands, and
write the remaining weeks as a calendar file (the calendar's text is made in
:mod:`roadmap_cli.render.plan_calendar`, the only module that imports ``icalendar``)."""

from __future__ import annotations

from datetime import date, datetime, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING, Any

from roadmap_cli.errors import RoadmapError, UsageError
from roadmap_cli.support.i18n import N_, _
from roadmap_cli.support.records import record

if TYPE_CHECKING:
    from roadmap_cli.actions.context import AppContext
    from roadmap_cli.progress.plan import PlanSpec, PlanStatus
    from roadmap_cli.progress.snapshot import Snapshot
    from roadmap_cli.progress.timelog import TimeSummary

__all__ = [
    "PlanResult",
    "check_calendar_path",
    "clear_plan",
    "plan_for",
    "set_plan",
    "show_plan",
    "write_calendar",
]

#: More hours a week than a week has is a typo.
MAX_HOURS = 7 * 24


@record(frozen=False)
class PlanResult:
    """``roadmap plan``: what the command did (``action``: "set", "cleared" or "show")
    and the learner's standing against the plan in effect (None when there is none)."""

    action: str
    status: PlanStatus | None
    language: str
    zone: str
    time: TimeSummary | None = None

    def to_json(self) -> dict[str, Any]:
        """``{action, time_zone, plan: null | {plan: {by, from, weekly, hours,
        include_optional, id, at}, target, today, week: {from, to}, topics: {total,
        left}, weeks_left, quota, done_this_week, this_week: [id], standing, difference,
        overdue, basis, rate_per_week, projected_finish, median_minutes_per_topic,
        timed_done_topics, schedule: [{from, to, topics, ids}]}}``."""
        return {
            "action": self.action,
            "time_zone": self.zone,
            "plan": self.status.to_json() if self.status else None,
        }


def plan_for(snap: Snapshot, now: datetime, zone: tzinfo) -> PlanStatus | None:
    """The standing against the plan in effect in ``snap``'s progress at ``now`` (UTC),
    weeks in ``zone``; None when no plan is set. For ``next``, ``report`` and ``plan``."""
    from roadmap_cli.progress.activity import pace
    from roadmap_cli.progress.plan import current_plan, plan_status
    from roadmap_cli.progress.timelog import time_summary

    found = current_plan(snap.progress)
    if found is None:
        return None
    spec, event = found
    speed = pace(snap, now, zone)
    return plan_status(
        snap,
        spec,
        event,
        now,
        zone,
        pace_per_week=speed.recent_per_week or speed.overall_per_week,
        time=time_summary(snap, zone),
    )


def _day(text: str, option: str, today: date) -> date:
    from roadmap_cli.support.dates import DAY_WORDS, parse_day

    day = parse_day(text, today, option)
    if day is None:
        raise UsageError(
            _("{option}: cannot read {text!r} as a date").format(option=option, text=text),
            _("use {words}").format(words=_(DAY_WORDS)),
        )
    return day


def check_plan(
    today: date,
    by: str | None,
    weekly: int | None,
    hours: float | None,
    start: str | None,
    include_optional: bool,
) -> PlanSpec:
    """The plan the options describe, checked against ``today`` (local date).

    Raises:
        UsageError: neither or both of ``by`` and ``weekly``; a date that does not parse,
            in the past, or before the start; ``weekly`` under 1; ``hours`` not above 0
            or over a week's hours.
    """
    from roadmap_cli.progress.plan import PlanSpec

    if by is None and weekly is None:
        raise UsageError(
            _("plan: give a target date (--by DATE) or a number of topics a week (--weekly N)"),
            _("e.g. {command}; {plan} alone shows the plan").format(
                command="roadmap plan --by 2027-06-30", plan="'roadmap plan'"
            ),
        )
    if by is not None and weekly is not None:
        raise UsageError(
            _("{a} conflicts with {b}").format(a="--by", b="--weekly"),
            _("give one of them: a date or a rate"),
        )
    if weekly is not None and weekly < 1:
        raise UsageError(
            _("--weekly: {n} topics a week is no plan").format(n=weekly), _("give 1 or more")
        )
    if hours is not None and not 0 < hours <= MAX_HOURS:
        raise UsageError(
            _("--hours: {hours} hours a week is not possible").format(hours=f"{hours:g}"),
            _("give 0.5 to {max}").format(max=MAX_HOURS),
        )
    first = _day(start, "--from", today) if start is not None else today
    target = _day(by, "--by", today) if by is not None else None
    if target is not None and target < today:
        raise UsageError(
            _("--by: {date} is in the past").format(date=target.isoformat()),
            _("give a date from today on"),
        )
    if target is not None and target < first:
        raise UsageError(
            _("--by: {date} is before the start ({start})").format(
                date=target.isoformat(), start=first.isoformat()
            ),
            _("give a target after --from"),
        )
    return PlanSpec(
        start=first,
        by=target,
        weekly=weekly,
        hours=hours,
        include_optional=include_optional,
    )


def _result(app: AppContext, action: str) -> PlanResult:
    from roadmap_cli.progress.snapshot import snapshot
    from roadmap_cli.progress.timelog import time_summary
    from roadmap_cli.support.clock import local_zone, now_utc, zone_name

    catalog = app.catalog()
    snap = snapshot(catalog, app.store().load())
    now = now_utc()
    zone = local_zone()
    return PlanResult(
        action,
        plan_for(snap, now, zone),
        catalog.roadmap.language,
        zone_name(now, zone),
        time_summary(snap, zone),
    )


def set_plan(
    app: AppContext,
    *,
    by: str | None = None,
    weekly: int | None = None,
    hours: float | None = None,
    start: str | None = None,
    include_optional: bool = False,
) -> PlanResult:
    """Record a plan event ``{id, at, plan: {by, from, weekly, hours, include_optional}}``
    (see :func:`check_plan`) and return the standing under it.

    Raises:
        UsageError: see :func:`check_plan`; nothing is recorded.
        RoadmapFileError, ProgressFileError, LockTimeoutError: unreadable roadmap, or the
            progress file cannot be read or written.
    """
    from roadmap_cli.progress.events import Event
    from roadmap_cli.progress.log import Progress
    from roadmap_cli.support.clock import local_zone, now_utc

    now = now_utc()
    spec = check_plan(
        now.astimezone(local_zone()).date(), by, weekly, hours, start, include_optional
    )
    app.catalog()  # an invalid roadmap fails before anything is written

    def record(progress: Progress) -> None:
        progress.add(Event.of_kind("plan", spec.to_json(), id=progress.new_id(), at=now))

    app.store().update(record)
    return _result(app, "set")


def clear_plan(app: AppContext) -> PlanResult:
    """Record ``{id, at, plan: null}``: no plan from now on (``undo`` brings it back).

    Raises:
        RoadmapError: no plan is set (exit 1); nothing is recorded.
        ProgressFileError, LockTimeoutError: the progress file cannot be read or written.
    """
    from roadmap_cli.progress.events import Event
    from roadmap_cli.progress.log import Progress
    from roadmap_cli.progress.plan import current_plan
    from roadmap_cli.support.clock import now_utc

    app.catalog()

    def record(progress: Progress) -> None:
        if current_plan(progress) is None:
            raise RoadmapError(
                _("plan: no plan is set"),
                _("set one with {command}").format(command="'roadmap plan --by DATE'"),
            )
        progress.add(Event.of_kind("plan", None, id=progress.new_id(), at=now_utc()))

    app.store().update(record)
    return _result(app, "cleared")


def show_plan(app: AppContext) -> PlanResult:
    """The standing against the plan in effect (``status`` None when there is none).

    Raises:
        RoadmapFileError, ProgressFileError: unreadable roadmap or progress.
    """
    return _result(app, "show")


def check_calendar_path(path: Path, *, force: bool, data_dir: Path) -> None:
    """Refuse a calendar file ``path`` before anything is recorded: its folder is missing,
    it is inside the progress folder ``data_dir``, it is a folder, or it exists and
    ``force`` is False.

    Raises:
        RoadmapError: one of those (exit 1).
    """
    if not path.parent.is_dir():
        raise RoadmapError(
            _("--ics: the folder {folder} does not exist").format(folder=path.parent),
            _("create it first, or write the calendar somewhere else"),
        )
    if path.resolve().is_relative_to(data_dir.resolve()):
        raise RoadmapError(
            _(
                "--ics: {path} is in your progress folder ({folder}); the calendar was not written"
            ).format(path=path, folder=data_dir),
            _("write the calendar somewhere else: that folder holds your progress and its backups"),
        )
    if path.is_dir():
        raise RoadmapError(
            _("{path}: is a folder").format(path=path), _("give a file name for the calendar")
        )
    if path.exists() and not force:
        raise RoadmapError(
            _("{path}: already exists; the calendar was not written").format(path=path),
            _("choose another file name, or add --force to replace it"),
        )


def write_calendar(path: Path, text: str, *, force: bool, data_dir: Path) -> None:
    """Write the calendar ``text`` to ``path`` atomically
    (:func:`roadmap_cli.support.atomic.write_file`), after :func:`check_calendar_path`.

    Raises:
        RoadmapError: see :func:`check_calendar_path`, or the write failed (exit 1).
    """
    from roadmap_cli.support.atomic import write_file

    check_calendar_path(path, force=force, data_dir=data_dir)
    write_file(path, text, force=force, what=N_("calendar"))
