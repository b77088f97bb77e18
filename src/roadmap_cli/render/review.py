"""The text of ``roadmap review``: topics due, a rating recorded, the forecast, the
retention and review-mode changes; and the review lines other commands show (``next``,
``show``, ``report``, ``history``)."""

from __future__ import annotations

from datetime import date

from roadmap_cli.actions.review import DueItem, DueResult, RateResult
from roadmap_cli.actions.review_schedule import ForecastResult, ModeResult, RetentionResult
from roadmap_cli.progress.events import Event
from roadmap_cli.progress.review import Schedule
from roadmap_cli.render.console import Console, make_console
from roadmap_cli.render.plan import weekday_name
from roadmap_cli.render.prose import hang, say
from roadmap_cli.render.text import Text
from roadmap_cli.render.widgets import (
    Lang,
    emit_lines,
    local_date,
    resource_rows,
    title_text,
)
from roadmap_cli.support.i18n import N_, _, ngettext, pgettext
from roadmap_cli.support.textsafe import clean_block, clean_line
from roadmap_cli.support.words import plural

__all__ = [
    "RATE_HINT",
    "card_lines",
    "describe_review_event",
    "in_days",
    "mode_label",
    "next_line",
    "next_review",
    "rating_label",
    "render_due",
    "render_forecast",
    "render_mode",
    "render_rate",
    "render_retention",
    "show_review_line",
]

#: Marked with ``N_``: translate it where it is shown (``_(RATE_HINT)``).
RATE_HINT = N_("again (1) · hard (2) · good (3) · easy (4)")


def in_days(days: int) -> str:
    """``today``, ``tomorrow``, ``in 11 days``, ``3 days ago``."""
    if days == 0:
        return _("today")
    if days == 1:
        return _("tomorrow")
    if days == -1:
        return _("yesterday")
    if days > 0:
        return ngettext("in {n} day", "in {n} days", days).format(n=days)
    return ngettext("{n} day ago", "{n} days ago", -days).format(n=-days)


def _percent(recall: float) -> str:
    return f"{recall * 100:.0f}%"


def card_lines(item: DueItem, names: Lang, today: date, zone_days: int, width: int) -> list[Text]:
    """One topic due, as a card: the title, the recall prompt, the learner's notes (the
    back of the card), its first resource, when it was last reviewed and how to rate it.
    ``zone_days``: days overdue."""
    topic = item.topic
    head = title_text(names, topic, style="heading")
    head.append(f"  ({topic.id})", style="id")
    when = Text("   ")
    if zone_days > 0:
        when.append(_("due {days} ago").format(days=plural(zone_days, "day")), style="warning")
    else:
        when.append(_("due today"), style="warning")
    head.append_text(when)
    lines = [head]
    title = clean_line(names.title(topic))
    lines.append(
        hang(
            "  ",
            Text(_("Explain {title} without looking, then check.").format(title=title), "muted"),
            width,
        )
    )
    if item.notes:
        lines.append(Text("  " + _("Your notes:"), style="muted"))
        for note in item.notes:
            stamp = Text(f"    {local_date(note.at)}  ", style="muted")
            lines.append(hang(stamp, clean_block(note.note or ""), width))
    else:
        lines.append(
            Text("  " + _("No notes of yours on it: check against its resource."), "muted")
        )
    if topic.resources:
        lines.extend(resource_rows([topic.resources[0]], width, indent=2, names=names))
    s = item.schedule
    last = (
        _("last reviewed {date} ({rating})").format(
            date=local_date(s.last_review), rating=rating_label(s.last_rating)
        )
        if s.last_review is not None and s.last_rating
        else _("not reviewed since done on {date}").format(date=local_date(s.since))
    )
    lines.append(Text(f"  {last}", style="muted"))
    return lines


def render_due(result: DueResult, lang: str) -> None:
    """Print the topics due (or when the next one is) on stdout."""
    console = make_console()
    width = console.width
    names = Lang(lang, result.language)
    if not result.items:
        if result.scheduled == 0:
            say(console, Text(_("No topics in review yet."), style="muted"))
            console.print(
                Text(
                    _(
                        "A topic enters review when you mark it done; its first review is "
                        "due 3 days later."
                    ),
                    style="muted",
                )
            )
            return
        say(console, Text(_("Nothing due for review today."), style="done"))
        up = result.upcoming
        if up is not None:
            days = (up.schedule.due_day(result.zone) - result.today).days
            line = Text(_("Next: "))
            line.append_text(title_text(names, up.topic, style="heading"))
            line.append(f" ({up.topic.id})", style="id")
            line.append(
                " "
                + _("{when}, {date}").format(
                    when=in_days(days), date=up.schedule.due_day(result.zone).isoformat()
                )
            )
            emit_lines(console, hang("", line, width))
        console.print(
            Text(
                _("{topics} in review · roadmap review --forecast").format(
                    topics=plural(result.scheduled, "topic")
                ),
                style="muted",
            )
        )
        return
    for index, item in enumerate(result.items):
        if index:
            console.print()
        overdue = (result.today - item.schedule.due_day(result.zone)).days
        emit_lines(console, *card_lines(item, names, result.today, overdue, width))
        rate_it = Text(
            "  " + _("Rate it: {command}").format(command=f"roadmap review {item.topic.id} good"),
            style="muted",
        )
        emit_lines(console, hang("", rate_it, width, indent=4))
    console.print()
    shown = len(result.items)
    more = (
        _(" (showing {shown}; --limit N for more)").format(shown=shown)
        if shown < result.due
        else ""
    )
    emit_lines(
        console,
        hang(
            "",
            Text(
                _("{topics} due for review{more}.").format(
                    topics=plural(result.due, "topic"), more=more
                ),
                "muted",
            ),
            width,
        ),
        hang("", Text(_("Ratings: {hint}").format(hint=_(RATE_HINT)), style="muted"), width),
    )


def render_rate(result: RateResult, lang: str) -> None:
    """Print the rating recorded and the next review."""
    console = make_console()
    names = Lang(lang, result.language)
    head = Text(_("Reviewed "))
    head.append_text(title_text(names, result.topic, style="heading"))
    head.append(f" ({result.topic.id})", style="id")
    head.append(pgettext("label", ": ") + rating_label(result.event.value))
    emit_lines(console, hang("", head, console.width))
    day = result.schedule.due_day(result.zone).isoformat()
    say(console, Text(next_review(result.days, day)))


def render_mode(result: ModeResult, lang: str) -> None:
    """Print the review mode of a topic after ``--off`` / ``--on``."""
    del lang
    console = make_console()
    tid = result.topic.id
    if not result.changed:
        console.print(
            Text(
                _("Review of {id} is already {mode}; nothing changed.").format(
                    id=tid, mode=result.mode
                ),
                style="muted",
            )
        )
        return
    if result.mode == "off":
        say(
            console,
            Text(_("Review of {id} is off: it will not come back for review.").format(id=tid)),
        )
        say(
            console,
            Text(
                _("Turn it back on with {command}.").format(command=f"'roadmap review --on {tid}'"),
                style="muted",
            ),
        )
        return
    say(console, Text(_("Review of {id} is on.").format(id=tid)))
    if result.schedule is None:
        say(console, Text(_("It enters review when you mark it done."), style="muted"))
    else:
        days = (result.schedule.due_day(result.zone) - result.today).days
        day = result.schedule.due_day(result.zone).isoformat()
        say(console, Text(next_review(days, day)))


def render_retention(result: RetentionResult, lang: str) -> None:
    """Print the desired retention after ``--retention``."""
    del lang
    console = make_console()
    if result.before == result.after:
        say(
            console,
            Text(
                _("Desired retention is already {value}; nothing changed.").format(
                    value=f"{result.after:g}"
                )
            ),
        )
        return
    say(
        console,
        Text(
            _("Desired retention set to {value} (was {before}).").format(
                value=f"{result.after:g}", before=f"{result.before:g}"
            )
        ),
    )
    console.print(
        Text(
            _("Higher means shorter intervals and more reviews; every date is recomputed."),
            style="muted",
        )
    )


def render_forecast(result: ForecastResult, lang: str) -> None:
    """Print reviews per day and each topic's next date and recall probability."""
    console = make_console()
    width = console.width
    names = Lang(lang, result.language)
    if not result.topics:
        say(console, Text(_("No topics in review yet: mark a topic done to start."), "muted"))
        return
    top = max((n for _day, n in result.days), default=0) or 1
    say(
        console,
        Text(
            _("Reviews due per day (retention {value})").format(value=f"{result.retention:g}"),
            "heading",
        ),
    )
    for day, count in result.days:
        label = f"{day.isoformat()} {weekday_name(day)}"
        bar = "█" * max(1 if count else 0, round(20 * count / top))
        extra = (
            "  " + _("(incl. {n} overdue)").format(n=result.overdue)
            if day == result.today and result.overdue
            else ""
        )
        row = Text(f"  {label}  {count:>3}  ") + Text(bar, "done") + Text(extra, "warning")
        emit_lines(console, hang("", row, width, indent=4))
    if result.later:
        say(
            console,
            Text(
                "  " + _("later: {topics}").format(topics=plural(result.later, "topic")),
                style="muted",
            ),
        )
    console.print()
    say(console, Text(_("Topics in review (next review, recall now)"), "heading"))
    id_width = max(len(t.id) for t, _ in result.topics)
    for topic, s in result.topics:
        day = s.due_day(result.zone)
        line = Text(f"  {day.isoformat()}  ")
        line.append(f"{_percent(s.recall):>4}  ")
        line.append(topic.id.ljust(id_width), style="id")
        line.append("  ")
        line.append(clean_line(names.title(topic)))
        emit_lines(console, hang("", line, width))


def next_line(count: int) -> str:
    """The line ``next`` adds when reviews are due: ``2 topics due for review · roadmap
    review``."""
    return _("{topics} due for review · roadmap review").format(topics=plural(count, "topic"))


def show_review_line(
    schedule: Schedule | None, mode: str, topic_id: str, today: date | None
) -> str:
    """``show TOPIC``'s review line: ``Review: next 2026-12-13 (in 11 days) · 2 reviews ·
    recall 93%``, or ``Review: off …``."""
    if mode == "off":
        return _("Review: off (turn it back on with {command})").format(
            command=f"'roadmap review --on {topic_id}'"
        )
    if schedule is None:
        return _("Review: not in review")
    from roadmap_cli.support.clock import local_zone

    due = schedule.due_day(local_zone())
    days = (due - today).days if today else 0
    when = (
        _("next {date} ({when})").format(date=due.isoformat(), when=in_days(days))
        if days >= 0
        else _("due since {date} ({when})").format(date=due.isoformat(), when=in_days(days))
    )
    parts = [when, plural(schedule.reviews, "review")]
    parts.append(_("recall {percent}").format(percent=_percent(schedule.recall)))
    return _("Review: ") + " · ".join(parts)


def describe_review_event(event: Event) -> str:
    """What a review, review-mode or settings event did, for ``history``: ``review:
    good``, ``review off``, ``review retention 0.85``."""
    value = event.value
    if event.kind == "review":
        return _("review: {rating}").format(rating=rating_label(value))
    if event.kind == "review_mode":
        return _("review {mode}").format(mode=mode_label(value))
    if isinstance(value, dict) and "review_retention" in value:
        return _("review retention {value}").format(
            value=clean_line(str(value["review_retention"]))
        )
    return _("settings")


def rating_label(rating: object) -> str:
    """A rating as shown: ``good`` in English, ``记得 (good)`` in Chinese (the word typed to
    rate stays visible); an unknown value as written."""
    text = clean_line(str(rating))
    words = {  # literal calls, so the messages are extracted
        "again": pgettext("rating", "again"),
        "hard": pgettext("rating", "hard"),
        "good": pgettext("rating", "good"),
        "easy": pgettext("rating", "easy"),
    }
    shown = words.get(text, text)
    return text if shown == text else f"{shown} ({text})"


def mode_label(mode: object) -> str:
    """A review mode (``on``/``off``) in the interface language; another value as written."""
    text = clean_line(str(mode))
    words = {"on": pgettext("review mode", "on"), "off": pgettext("review mode", "off")}
    return words.get(text, text)


def next_review(days: int, day: str) -> str:
    """``next review in 11 days, 2026-12-13`` (``day``: an ISO date), translated."""
    return _("next review {when}, {date}").format(when=in_days(days), date=day)


def print_card(console: Console, item: DueItem, names: Lang, today: date, overdue: int) -> None:
    """Print one card of the interactive pass."""
    emit_lines(console, *card_lines(item, names, today, overdue, console.width))
