"""``roadmap start|done|skip|reset TOPIC…``: change topics' status.

Every change is appended as an event; nothing is overwritten. All TOPIC arguments are
resolved before anything is written, so one bad argument changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, time
from typing import TYPE_CHECKING, Annotated

import typer

from roadmap_cli.commands._common import JsonOption, app_context, complete_topic
from roadmap_cli.context import AppContext
from roadmap_cli.errors import UsageError
from roadmap_cli.render import emit

if TYPE_CHECKING:  # imported where used: keeps start-up and completion light
    from roadmap_cli.progress import Status
    from roadmap_cli.results import ChangeResult

#: Position of this command in 'roadmap --help'.
ORDER = 40

VERBS: dict[str, Status] = {
    "start": "in_progress",
    "done": "done",
    "skip": "skipped",
    "reset": "todo",
}


def parse_when(text: str, now: datetime) -> datetime:
    """Parse ``--date``: ``YYYY-MM-DD`` (noon local time that day), ``today``,
    ``yesterday``, or an ISO 8601 date-time (local time if it has no zone). Returns UTC.

    Raises:
        UsageError: empty, unparseable, or later than ``now``.
    """
    from roadmap_cli.clock import local_zone
    from roadmap_cli.dates import DAY_WORDS, parse_day

    zone = local_zone()
    today = now.astimezone(zone).date()
    day = parse_day(text, today, "--date")
    try:
        when = datetime.fromisoformat(text.strip()) if day is None else now
    except ValueError:
        raise UsageError(
            f"--date: cannot read {text!r} as a date", f"use {DAY_WORDS}, or an ISO 8601 date-time"
        ) from None
    if (day or when).year < 1900:  # progress files keep times from 1900 on
        raise UsageError(f"--date: {text!r} is before 1900", "give the date the work was done")
    if day is not None:  # a calendar day: noon local time, or now if that is later today
        if day > today:
            raise UsageError(f"--date: {text!r} is in the future", "record work once it is done")
        return min(datetime.combine(day, time(12), zone).astimezone(UTC), now)
    if when.tzinfo is None:
        when = when.replace(tzinfo=zone)
    when = when.astimezone(UTC).replace(microsecond=0)
    if when > now:
        raise UsageError(f"--date: {text!r} is in the future", "record work once it is done")
    return when


def apply(
    app: AppContext, verb: str, queries: list[str], when: str | None, note: str | None
) -> ChangeResult:
    """Resolve ``queries`` and record their new status (and ``note``) as one batch.

    A topic already in the target status gets no new status event unless ``when`` is
    given and names another time: then its date moves (``Change.moved_from``). The new
    events' ids come from the hybrid logical clock (:meth:`Progress.new_id`), so they are
    recorded after every event in the file and decide the status whatever ``when`` is.
    Each change's ``after`` is the status the topic has once written (never a transition
    that did not happen). Returns what changed and the counts afterwards.

    Raises:
        UnknownTopicError, AmbiguousTopicError: a TOPIC names no single topic.
        UsageError: a bad ``--date`` or an empty ``--note``.
        ProgressFileError, LockTimeoutError: the progress file cannot be read or written.
    """
    from roadmap_cli.clock import now_utc
    from roadmap_cli.planner import next_topics, overall, snapshot, stage_summaries
    from roadmap_cli.progress import Event, Progress
    from roadmap_cli.results import Change, ChangeResult

    catalog = app.catalog()
    topics = list({t.id: t for t in (catalog.resolve_topic(q) for q in queries)}.values())
    now = now_utc()
    at = parse_when(when, now) if when is not None else now
    if note is not None and not note.strip():
        raise UsageError("--note: the note is empty", "write the note text after --note")
    from roadmap_cli.notes import MAX_NOTE_LENGTH

    if note is not None and len(note.strip()) > MAX_NOTE_LENGTH:
        raise UsageError(
            f"--note: the note is {len(note.strip()):,} characters long; the limit is "
            f"{MAX_NOTE_LENGTH:,}",
            "keep long write-ups in a file and note where it is",
        )
    status = VERBS[verb]

    def record(progress: Progress) -> list[Change]:
        snap = snapshot(catalog, progress)
        batch = progress.new_id()
        changes = []
        for topic in topics:
            state = snap.state(topic.id)
            before = state.status
            moved_from = None
            if before != status:
                record_it = True
            else:  # already there: only a date that differs is recorded, as a move
                record_it = when is not None and state.since is not None and state.since != at
                moved_from = state.since if record_it else None
            if record_it:
                progress.add(
                    Event(id=progress.new_id(), at=at, topic=topic.id, status=status, batch=batch)
                )
            if note:
                progress.add(
                    Event(id=progress.new_id(), at=at, topic=topic.id, note=note, batch=batch)
                )
            changes.append(Change(topic, before, status, at, moved_from))
        return changes

    store = app.store()
    changes = store.update(record)
    snap = snapshot(catalog, store.load())
    for change in changes:  # what the file now says, not what was meant
        change.after = snap.status(change.topic.id)
        if change.before == change.after and change.moved_from is None:
            change.at = snap.state(change.topic.id).since or change.at
    plan = next_topics(snap, 1)
    return ChangeResult(
        verb=verb,
        changes=changes,
        note=note,
        counts=overall(stage_summaries(snap))[0],
        next_topic=plan.items[0].topic if plan.items else None,
        language=catalog.roadmap.language,
    )


TopicsArgument = Annotated[
    list[str],
    typer.Argument(
        metavar="TOPIC",
        help="Topics: id, unique id prefix, or title (Chinese or English).",
        autocompletion=complete_topic,
        show_default=False,
    ),
]
NoteOption = Annotated[
    str | None, typer.Option("--note", "-m", help="Attach this note.", show_default=False)
]
DateOption = Annotated[
    str | None,
    typer.Option(
        "--date",
        "-d",
        help="When it happened: YYYY-MM-DD, 'yesterday', or an ISO date-time (default: now).",
        show_default=False,
    ),
]


def _make(verb: str, summary: str, examples: list[str]) -> Callable[..., None]:
    def command(
        ctx: typer.Context,
        topics: TopicsArgument,
        note: NoteOption = None,
        when: DateOption = None,
        as_json: JsonOption = False,
    ) -> None:
        app = app_context(ctx)
        emit(apply(app, verb, topics, when, note), as_json=as_json, lang=app.lang)

    shown = "\n\n".join(f"  {e}" for e in examples)
    command.__doc__ = f"{summary}\n\nExamples:\n\n{shown}\n"
    command.__name__ = verb
    return command


COMMANDS = {
    "start": _make(
        "start",
        "Mark topics as in progress (they come first in 'roadmap next').",
        ["roadmap start attention", 'roadmap start ddpm -m "watching the lecture first"'],
    ),
    "done": _make(
        "done",
        "Mark topics as done. --date records work done earlier; --note attaches a note.",
        [
            "roadmap done flash-attention",
            "roadmap done numpy pandas matplotlib",
            'roadmap done ddpm --date 2026-11-01 --note "derived the ELBO by hand"',
        ],
    ),
    "skip": _make(
        "skip",
        "Mark topics as skipped: they count as finished and unblock what requires them.",
        ["roadmap skip seaborn", 'roadmap skip cuda -m "no GPU for now"'],
    ),
    "reset": _make(
        "reset",
        "Mark topics as to do again (their history is kept).",
        ["roadmap reset attention"],
    ),
}


def register(app: typer.Typer) -> None:
    """Add ``start``, ``done``, ``skip`` and ``reset`` to ``app``."""
    for name, command in COMMANDS.items():
        app.command(name)(command)
