"""``roadmap log TOPIC DURATION``: record time spent studying a topic."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from roadmap_cli.errors import UsageError
from roadmap_cli.support.i18n import _
from roadmap_cli.support.records import record

if TYPE_CHECKING:
    from roadmap_cli.actions.context import AppContext
    from roadmap_cli.progress.events import Event
    from roadmap_cli.roadmap.model import Stage, Topic

__all__ = ["LogResult", "log_time"]


@record(frozen=False)
class LogResult:
    """``roadmap log``: the time event recorded, and the topic's logged time since."""

    topic: Topic
    stage: Stage
    event: Event
    minutes: int
    topic_minutes: int
    note: str | None
    language: str

    def to_json(self) -> dict[str, Any]:
        """``{topic: {id, title, title_en}, stage: {id, title, title_en}, time: {id, at,
        minutes, note}, topic_minutes}`` (``at`` UTC ISO 8601)."""
        from roadmap_cli.actions.common import stage_ref, topic_ref
        from roadmap_cli.progress.events import format_time

        return {
            "topic": topic_ref(self.topic),
            "stage": stage_ref(self.stage),
            "time": {
                "id": self.event.id,
                "at": format_time(self.event.at),
                "minutes": self.minutes,
                "note": self.note,
            },
            "topic_minutes": self.topic_minutes,
        }


def log_time(
    app: AppContext, query: str, duration: str, when: str | None = None, note: str | None = None
) -> LogResult:
    """Append ``{id, at, topic, time: {minutes, note?}}`` for the topic ``query`` names;
    ``at`` is ``when`` (``--date``, read by :func:`roadmap_cli.support.dates.parse_when`)
    or now.

    Raises:
        UnknownTopicError, AmbiguousTopicError: ``query`` names no single topic (exit 2).
        UsageError: the duration does not parse, is 0 or over 24 hours; the date does not
            parse or is in the future; the note is empty or too long (exit 2). Nothing is
            recorded.
        ProgressFileError, LockTimeoutError: the progress file cannot be read or written.
    """
    from roadmap_cli.actions.note import MAX_NOTE_LENGTH
    from roadmap_cli.progress.events import Event
    from roadmap_cli.progress.log import Progress
    from roadmap_cli.progress.snapshot import snapshot
    from roadmap_cli.progress.timelog import parse_duration, time_summary
    from roadmap_cli.support.clock import local_zone, now_utc
    from roadmap_cli.support.dates import parse_when

    catalog = app.catalog()
    topic = catalog.resolve_topic(query)
    minutes = parse_duration(duration)
    now = now_utc()
    at = parse_when(when, now) if when is not None else now
    if note is not None:
        note = note.strip()
        if not note:
            raise UsageError(
                _("-m: the note is empty"), _("write the note after -m, or leave -m out")
            )
        if len(note) > MAX_NOTE_LENGTH:
            raise UsageError(
                _("-m: the note is {length} characters long; the limit is {limit}").format(
                    length=len(note), limit=MAX_NOTE_LENGTH
                ),
                _("keep it short"),
            )
    value: dict[str, object] = {"minutes": minutes}
    if note:
        value["note"] = note

    def record(progress: Progress) -> Event:
        event = Event.of_kind("time", value, id=progress.new_id(), at=at, topic=topic.id)
        progress.add(event)
        return event

    store = app.store()
    event = store.update(record)
    summary = time_summary(snapshot(catalog, store.load()), local_zone())
    return LogResult(
        topic=topic,
        stage=catalog.stage_of[topic.id],
        event=event,
        minutes=minutes,
        topic_minutes=summary.per_topic.get(topic.id, minutes),
        note=note,
        language=catalog.roadmap.language,
    )
