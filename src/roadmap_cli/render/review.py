"""The text of ``roadmap review``: topics due, a rating recorded, the forecast, the
retention and review-mode changes; and the review lines other commands show (``next``,
``show``, ``report``, ``history``)."""

from __future__ import annotations

from datetime import date

from rich.console import Console
from rich.text import Text

from roadmap_cli.actions.review import (
    DueItem,
    DueResult,
    ForecastResult,
    ModeResult,
    RateResult,
    RetentionResult,
)
from roadmap_cli.progress.events import Event
from roadmap_cli.progress.review import Schedule
from roadmap_cli.render.console import make_console
from roadmap_cli.render.prose import hang, say
from roadmap_cli.render.widgets import (
    Lang,
    emit_lines,
    local_date,
    resource_rows,
    title_text,
)
from roadmap_cli.support.textsafe import clean_block, clean_line
from roadmap_cli.support.words import plural

__all__ = [
    "RATE_HINT",
    "card_lines",
    "describe_review_event",
    "in_days",
    "next_line",
    "render_due",
    "render_forecast",
    "render_mode",
    "render_rate",
    "render_retention",
    "show_review_line",
]

RATE_HINT = "again (1) · hard (2) · good (3) · easy (4)"


def in_days(days: int) -> str:
    """``today``, ``tomorrow``, ``in 11 days``, ``3 days ago``."""
    if days == 0:
        return "today"
    if days == 1:
        return "tomorrow"
    if days == -1:
        return "yesterday"
    return f"in {days} days" if days > 0 else f"{-days} days ago"


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
        when.append(f"due {plural(zone_days, 'day')} ago", style="warning")
    else:
        when.append("due today", style="warning")
    head.append_text(when)
    lines = [head]
    title = clean_line(names.title(topic))
    lines.append(hang("  ", Text(f"Explain {title} without looking, then check.", "muted"), width))
    if item.notes:
        lines.append(Text("  Your notes:", style="muted"))
        for note in item.notes:
            stamp = Text(f"    {local_date(note.at)}  ", style="muted")
            lines.append(hang(stamp, clean_block(note.note or ""), width))
    else:
        lines.append(Text("  No notes of yours on it: check against its resource.", "muted"))
    if topic.resources:
        lines.extend(resource_rows([topic.resources[0]], width, indent=2, names=names))
    s = item.schedule
    last = (
        f"last reviewed {local_date(s.last_review)} ({s.last_rating})"
        if s.last_review is not None and s.last_rating
        else f"not reviewed since done on {local_date(s.since)}"
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
            say(console, Text("No topics in review yet.", style="muted"))
            console.print(
                Text(
                    "A topic enters review when you mark it done; its first review is due "
                    "3 days later.",
                    style="muted",
                )
            )
            return
        say(console, Text("Nothing due for review today.", style="done"))
        up = result.upcoming
        if up is not None:
            days = (up.schedule.due_day(result.zone) - result.today).days
            line = Text("Next: ")
            line.append_text(title_text(names, up.topic, style="heading"))
            line.append(f" ({up.topic.id})", style="id")
            line.append(f" {in_days(days)}, {up.schedule.due_day(result.zone).isoformat()}")
            emit_lines(console, hang("", line, width))
        console.print(
            Text(
                f"{plural(result.scheduled, 'topic')} in review · roadmap review --forecast",
                style="muted",
            )
        )
        return
    for index, item in enumerate(result.items):
        if index:
            console.print()
        overdue = (result.today - item.schedule.due_day(result.zone)).days
        emit_lines(console, *card_lines(item, names, result.today, overdue, width))
        rate_it = Text(f"  Rate it: roadmap review {item.topic.id} good", style="muted")
        emit_lines(console, hang("", rate_it, width, indent=4))
    console.print()
    shown = len(result.items)
    more = f" (showing {shown}; --limit N for more)" if shown < result.due else ""
    emit_lines(
        console,
        hang("", Text(f"{plural(result.due, 'topic')} due for review{more}.", "muted"), width),
        hang("", Text(f"Ratings: {RATE_HINT}", style="muted"), width),
    )


def render_rate(result: RateResult, lang: str) -> None:
    """Print the rating recorded and the next review."""
    console = make_console()
    names = Lang(lang, result.language)
    head = Text("Reviewed ")
    head.append_text(title_text(names, result.topic, style="heading"))
    head.append(f" ({result.topic.id})", style="id")
    head.append(f": {result.event.value}")
    emit_lines(console, hang("", head, console.width))
    day = result.schedule.due_day(result.zone).isoformat()
    say(console, Text(f"next review {in_days(result.days)}, {day}"))


def render_mode(result: ModeResult, lang: str) -> None:
    """Print the review mode of a topic after ``--off`` / ``--on``."""
    del lang
    console = make_console()
    tid = result.topic.id
    if not result.changed:
        console.print(
            Text(f"Review of {tid} is already {result.mode}; nothing changed.", style="muted")
        )
        return
    if result.mode == "off":
        say(console, Text(f"Review of {tid} is off: it will not come back for review."))
        say(console, Text(f"Turn it back on with 'roadmap review --on {tid}'.", style="muted"))
        return
    say(console, Text(f"Review of {tid} is on."))
    if result.schedule is None:
        say(console, Text("It enters review when you mark it done.", style="muted"))
    else:
        days = (result.schedule.due_day(result.zone) - result.today).days
        day = result.schedule.due_day(result.zone).isoformat()
        say(console, Text(f"next review {in_days(days)}, {day}"))


def render_retention(result: RetentionResult, lang: str) -> None:
    """Print the desired retention after ``--retention``."""
    del lang
    console = make_console()
    if result.before == result.after:
        say(console, Text(f"Desired retention is already {result.after:g}; nothing changed."))
        return
    say(console, Text(f"Desired retention set to {result.after:g} (was {result.before:g})."))
    console.print(
        Text(
            "Higher means shorter intervals and more reviews; every date is recomputed.",
            style="muted",
        )
    )


def render_forecast(result: ForecastResult, lang: str) -> None:
    """Print reviews per day and each topic's next date and recall probability."""
    console = make_console()
    width = console.width
    names = Lang(lang, result.language)
    if not result.topics:
        say(console, Text("No topics in review yet: mark a topic done to start.", "muted"))
        return
    top = max((n for _, n in result.days), default=0) or 1
    say(console, Text(f"Reviews due per day (retention {result.retention:g})", "heading"))
    for day, count in result.days:
        label = day.strftime("%Y-%m-%d %a")
        bar = "█" * max(1 if count else 0, round(20 * count / top))
        extra = (
            f"  (incl. {result.overdue} overdue)" if day == result.today and result.overdue else ""
        )
        row = Text(f"  {label}  {count:>3}  ") + Text(bar, "done") + Text(extra, "warning")
        emit_lines(console, hang("", row, width, indent=4))
    if result.later:
        say(console, Text(f"  later: {plural(result.later, 'topic')}", style="muted"))
    console.print()
    say(console, Text("Topics in review (next review, recall now)", "heading"))
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
    return f"{plural(count, 'topic')} due for review · roadmap review"


def show_review_line(
    schedule: Schedule | None, mode: str, topic_id: str, today: date | None
) -> str:
    """``show TOPIC``'s review line: ``Review: next 2026-12-13 (in 11 days) · 2 reviews ·
    recall 93%``, or ``Review: off …``."""
    if mode == "off":
        return f"Review: off (turn it back on with 'roadmap review --on {topic_id}')"
    if schedule is None:
        return "Review: not in review"
    from roadmap_cli.support.clock import local_zone

    due = schedule.due_day(local_zone())
    days = (due - today).days if today else 0
    when = (
        f"next {due.isoformat()} ({in_days(days)})"
        if days >= 0
        else (f"due since {due.isoformat()} ({in_days(days)})")
    )
    parts = [when, plural(schedule.reviews, "review")]
    parts.append(f"recall {_percent(schedule.recall)}")
    return "Review: " + " · ".join(parts)


def describe_review_event(event: Event) -> str:
    """What a review, review-mode or settings event did, for ``history``: ``review:
    good``, ``review off``, ``review retention 0.85``."""
    value = event.value
    if event.kind == "review":
        return f"review: {clean_line(str(value))}"
    if event.kind == "review_mode":
        return f"review {clean_line(str(value))}"
    if isinstance(value, dict) and "review_retention" in value:
        return f"review retention {clean_line(str(value['review_retention']))}"
    return "settings"


def print_card(console: Console, item: DueItem, names: Lang, today: date, overdue: int) -> None:
    """Print one card of the interactive pass."""
    emit_lines(console, *card_lines(item, names, today, overdue, console.width))
