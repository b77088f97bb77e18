"""``roadmap plan``: a plan to a date, this week's topics, and a calendar of the weeks."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from roadmap_cli.cli.commands._common import JsonOption, app_context
from roadmap_cli.errors import UsageError
from roadmap_cli.render import emit_json
from roadmap_cli.support.i18n import _
from roadmap_cli.support.words import plural

if TYPE_CHECKING:
    from roadmap_cli.actions.context import AppContext
    from roadmap_cli.actions.plan import PlanResult


def command(
    ctx: typer.Context,
    by: Annotated[
        str | None,
        typer.Option(
            "--by", metavar="DATE", help="Finish by this date (YYYY-MM-DD).", show_default=False
        ),
    ] = None,
    weekly: Annotated[
        int | None,
        typer.Option("--weekly", metavar="N", help="Or: N topics a week.", show_default=False),
    ] = None,
    start: Annotated[
        str | None,
        typer.Option(
            "--from",
            metavar="DATE",
            help="Start on this date (default: today).",
            show_default=False,
        ),
    ] = None,
    hours: Annotated[
        float | None,
        typer.Option(
            "--hours",
            metavar="H",
            help="Hours a week you have: schedule by your median hours per topic.",
            show_default=False,
        ),
    ] = None,
    include_optional: Annotated[
        bool, typer.Option("--include-optional", help="Count optional topics too.")
    ] = False,
    clear: Annotated[bool, typer.Option("--clear", help="Remove the plan.")] = False,
    ics: Annotated[
        Path | None,
        typer.Option(
            "--ics",
            metavar="FILE",
            help="Write the remaining weeks to this calendar file (.ics).",
            show_default=False,
        ),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Replace the --ics file if it exists.")
    ] = False,
    as_json: JsonOption = False,
) -> None:
    """Plan to finish by a date, and see this week's topics and how you stand.

    With --by or --weekly, records a plan (the newest plan wins; 'roadmap undo' reverts
    it). Without them, shows it: topics and weeks left, this week's quota (the topics left
    when the week began ÷ the weeks left, so a missed week spreads over the rest), on
    track or how many topics behind or ahead, and the finish your pace projects. Weeks
    start on Monday in your time zone. Optional topics count only with --include-optional.

    Examples:

      roadmap plan --by 2027-06-30

      roadmap plan --weekly 3 --from 2026-12-07 --hours 6

      roadmap plan

      roadmap plan --ics ~/plan.ics --force

      roadmap plan --clear
    """
    from roadmap_cli.actions.plan import clear_plan, set_plan, show_plan

    app = app_context(ctx)
    setting = by is not None or weekly is not None or hours is not None or start is not None
    if clear and (setting or include_optional or ics is not None):
        raise UsageError(
            _("--clear takes no other options"), _("clear the plan, then set a new one")
        )
    if not setting and include_optional:
        raise UsageError(
            _("--include-optional: give it with --by or --weekly"),
            _("e.g. {command}").format(command="roadmap plan --by 2027-06-30 --include-optional"),
        )
    if force and ics is None:
        raise UsageError(
            _("--force: only replaces an --ics file"), _("add --ics FILE, or leave --force out")
        )
    if ics is not None and not str(ics).strip():
        raise UsageError(_("--ics: the path is empty"), _("give --ics a file name"))
    if ics is not None:  # a file that would be refused stops the command before it records
        from roadmap_cli.actions.plan import check_calendar_path

        check_calendar_path(ics.expanduser(), force=force, data_dir=app.store().data_dir)
    if clear:
        result = clear_plan(app)
    elif setting:
        result = set_plan(
            app, by=by, weekly=weekly, hours=hours, start=start, include_optional=include_optional
        )
    else:
        result = show_plan(app)
    if ics is not None:
        _write_ics(app, result, ics.expanduser(), force)
    if as_json:
        emit_json(result)
        return
    from roadmap_cli.render.plan import render_plan

    render_plan(result, app.lang)


def _write_ics(app: AppContext, result: PlanResult, path: Path, force: bool) -> None:
    from roadmap_cli.actions.plan import write_calendar
    from roadmap_cli.errors import RoadmapError
    from roadmap_cli.render.plan_calendar import plan_calendar
    from roadmap_cli.support.clock import now_utc

    if result.status is None:
        raise RoadmapError(
            _("--ics: no plan is set; no calendar written"),
            _("set one with {command}").format(command="'roadmap plan --by DATE'"),
        )
    text = plan_calendar(result.status, app.catalog(), app.lang, now_utc())
    write_calendar(path, text, force=force, data_dir=app.store().data_dir)
    weeks = len(result.status.schedule)
    wrote = _("wrote {weeks} to {path}").format(weeks=plural(weeks, "week"), path=path)
    sys.stderr.write(f"roadmap: {wrote}\n")
