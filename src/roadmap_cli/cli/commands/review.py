"""``roadmap review [TOPIC RATING]``: finished topics due for spaced review (FSRS)."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from roadmap_cli.cli.commands._common import JsonOption, app_context, complete_topic
from roadmap_cli.errors import UsageError
from roadmap_cli.render import emit_json
from roadmap_cli.support.i18n import _, pgettext


def _complete_rating(ctx: typer.Context, incomplete: str) -> list[str]:
    return [r for r in ("again", "hard", "good", "easy") if r.startswith(incomplete)]


def _is_terminal() -> bool:
    """Whether stdin and stdout are both a terminal (the interactive pass needs keys)."""
    return sys.stdin.isatty() and sys.stdout.isatty()


def _read_key() -> str:
    """One key press, without Enter (typer's own copy of click: typer >= 0.29 no longer
    installs click)."""
    from typer._click.termui import getchar

    return getchar()


def command(
    ctx: typer.Context,
    topic: Annotated[
        str | None,
        typer.Argument(
            metavar="TOPIC",
            help="Rate this topic (id, unique id prefix, or title).",
            autocompletion=complete_topic,
            show_default=False,
        ),
    ] = None,
    rating: Annotated[
        str | None,
        typer.Argument(
            metavar="RATING",
            help="How well you recalled it: again, hard, good, easy (or 1-4).",
            autocompletion=_complete_rating,
            show_default=False,
        ),
    ] = None,
    when: Annotated[
        str | None,
        typer.Option(
            "--date",
            "-d",
            help="When you reviewed it: YYYY-MM-DD, 'yesterday', or an ISO date-time.",
            show_default=False,
        ),
    ] = None,
    limit: Annotated[
        int, typer.Option("--limit", "-n", min=1, max=10000, help="Show at most N topics due.")
    ] = 5,
    interactive: Annotated[
        bool,
        typer.Option(
            "--interactive", "-i", help="Go through the topics due one by one, one key to rate."
        ),
    ] = False,
    show_forecast: Annotated[
        bool, typer.Option("--forecast", help="Reviews due per day, and every topic's next date.")
    ] = False,
    days: Annotated[
        int, typer.Option("--days", min=1, max=366, help="Days the forecast covers.")
    ] = 14,
    retention: Annotated[
        float | None,
        typer.Option(
            "--retention",
            help="Set the share of topics you want to still recall when due (0.7-0.99; "
            "default 0.9).",
            show_default=False,
        ),
    ] = None,
    off: Annotated[
        str | None,
        typer.Option(
            "--off",
            metavar="TOPIC",
            help="Take a topic out of review.",
            autocompletion=complete_topic,
            show_default=False,
        ),
    ] = None,
    on: Annotated[
        str | None,
        typer.Option(
            "--on",
            metavar="TOPIC",
            help="Bring a topic back into review.",
            autocompletion=complete_topic,
            show_default=False,
        ),
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """Review finished topics at growing intervals (FSRS spaced repetition).

    A topic enters review when you mark it done; its first review is due 3 days later.
    Without arguments: the topics due now, most overdue first. Explain each without
    looking, check against your notes and its resource, then rate how well you recalled
    it: again (1), hard (2), good (3) or easy (4). Dates are recomputed from your ratings
    every time, so they follow undo and merges.

    Examples:

      roadmap review

      roadmap review attention good

      roadmap review ddpm 2 --date yesterday

      roadmap review --interactive

      roadmap review --forecast --days 30

      roadmap review --retention 0.85

      roadmap review --off python-basics
    """
    app = app_context(ctx)
    modes = [
        name
        for name, used in (
            ("TOPIC RATING", topic is not None),
            ("--interactive", interactive),
            ("--forecast", show_forecast),
            ("--retention", retention is not None),
            ("--off", off is not None),
            ("--on", on is not None),
        )
        if used
    ]
    if len(modes) > 1:
        raise UsageError(
            _("{a} and {b} cannot be used together").format(a=modes[0], b=modes[1]),
            _("give one of them per command"),
        )
    if when is not None and topic is None:
        raise UsageError(_("--date: goes with a rating"), "roadmap review TOPIC RATING --date D")
    if topic is not None and rating is None:
        raise UsageError(
            _("RATING: missing after the topic"),
            _("{command} (or 1-4)").format(command=f"roadmap review {topic} again|hard|good|easy"),
        )
    if topic is not None and rating is not None:
        from roadmap_cli.actions.review import rate

        result = rate(app, topic, rating, when)
        if as_json:
            emit_json(result)
            return
        from roadmap_cli.render.review import render_rate

        render_rate(result, app.lang)
        return
    if retention is not None:
        from roadmap_cli.actions.review_schedule import set_retention
        from roadmap_cli.render.review import render_retention

        done = set_retention(app, retention)
        emit_json(done) if as_json else render_retention(done, app.lang)
        return
    if off is not None or on is not None:
        from roadmap_cli.actions.review_schedule import set_mode
        from roadmap_cli.render.review import render_mode

        mode = set_mode(app, off or on or "", "off" if off is not None else "on")
        emit_json(mode) if as_json else render_mode(mode, app.lang)
        return
    if show_forecast:
        from roadmap_cli.actions.review_schedule import forecast
        from roadmap_cli.render.review import render_forecast

        ahead = forecast(app, days)
        emit_json(ahead) if as_json else render_forecast(ahead, app.lang)
        return
    if interactive:
        if as_json:
            raise UsageError(
                _("{a} and {b} cannot be used together").format(a="--interactive", b="--json"),
                _("use {command} for the topics due").format(command="'roadmap review --json'"),
            )
        _interactive(app)
        return
    from roadmap_cli.actions.review import due_reviews

    result_due = due_reviews(app, limit)
    if as_json:
        emit_json(result_due)
        return
    from roadmap_cli.render.review import render_due

    render_due(result_due, app.lang)


def _interactive(app: object) -> None:
    """One topic at a time: 1-4 rates it, o opens its first resource, q stops."""
    from roadmap_cli.actions.context import AppContext

    assert isinstance(app, AppContext)
    if not _is_terminal():
        raise UsageError(
            _("--interactive needs a terminal to read keys from (stdin or stdout is not one)"),
            _("rate in one command instead: {command}").format(
                command="roadmap review TOPIC again|hard|good|easy"
            ),
        )
    from roadmap_cli.actions.review import due_reviews, rate
    from roadmap_cli.render.console import make_console
    from roadmap_cli.render.review import RATE_HINT, next_review, print_card, rating_label
    from roadmap_cli.render.text import Text
    from roadmap_cli.render.widgets import Lang

    console = make_console()
    result = due_reviews(app, None)
    if not result.items:
        from roadmap_cli.render.review import render_due

        render_due(result, app.lang)
        return
    names = Lang(app.lang, result.language)
    rated = 0
    keys = {"1": "again", "2": "hard", "3": "good", "4": "easy"}
    for index, item in enumerate(result.items, 1):
        console.print()
        console.print(Text(f"[{index}/{len(result.items)}]", style="muted"))
        overdue = (result.today - item.schedule.due_day(result.zone)).days
        print_card(console, item, names, result.today, overdue)
        while True:
            console.print(
                Text("  " + _(RATE_HINT) + _(" · o open · s skip · q quit > "), style="heading"),
                end="",
            )
            key = _read_key().lower()
            console.print(key)
            if key in keys:
                done = rate(app, item.topic.id, keys[key])
                day = done.schedule.due_day(done.zone).isoformat()
                label = rating_label(keys[key]) + pgettext("label", ": ")
                console.print(Text(f"  {label}{next_review(done.days, day)}"))
                rated += 1
                break
            if key == "o":
                from roadmap_cli.actions import open as opening
                from roadmap_cli.errors import RoadmapError

                try:
                    found = opening.open_resources(
                        app, item.topic.id, 1, opener=opening.browser_open
                    )
                    chosen = found.chosen[0]
                except RoadmapError as problem:  # reported; the pass goes on
                    console.print(
                        Text(
                            "  " + _("cannot open: {problem}").format(problem=problem.message),
                            style="warning",
                        )
                    )
                    continue
                state = (
                    _("opened {url}") if chosen.opened else _("could not start a browser for {url}")
                )
                console.print(Text("  " + state.format(url=chosen.resource.url), style="muted"))
                continue
            if key == "s":
                break
            if key in ("q", "\x03", "\x04", "\x1b"):
                console.print(
                    Text(_("Stopped: {rated}.").format(rated=plural_rated(rated)), style="muted")
                )
                return
            console.print(Text("  " + _("press 1-4, o, s or q"), style="warning"))
    console.print()
    console.print(Text(_("Done: {rated}.").format(rated=plural_rated(rated)), style="done"))


def plural_rated(count: int) -> str:
    """``1 topic rated`` / ``3 topics rated``."""
    from roadmap_cli.support.words import plural

    return _("{topics} rated").format(topics=plural(count, "topic"))
