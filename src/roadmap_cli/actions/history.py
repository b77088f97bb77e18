"""``roadmap history``: the recorded events, newest first, and what each one did.

Pure logic over a roadmap (:class:`~roadmap_cli.roadmap.catalog.Catalog`) and its progress
(:class:`~roadmap_cli.progress.log.Progress`): nothing here reads files or prints. Times are
UTC; the renderer shows them in the local time zone.
"""

from __future__ import annotations

from collections.abc import Mapping
from collections.abc import Set as AbstractSet
from datetime import date, datetime, time
from typing import Any

from roadmap_cli.actions.context import AppContext
from roadmap_cli.progress.events import Event, format_time
from roadmap_cli.progress.log import Progress
from roadmap_cli.roadmap.catalog import Catalog
from roadmap_cli.roadmap.model import Topic
from roadmap_cli.support.records import record

__all__ = ["HistoryEntry", "HistoryResult", "build_history", "local_midnight"]


@record
class HistoryEntry:
    """One event with what it refers to.

    Attributes:
        event: the recorded event.
        topic: the roadmap topic it concerns (aliases followed), None for an undo event or
            a topic no longer in the roadmap (an orphan).
        undone: whether a later undo event reverted it.
        targets: for an undo event, the events it reverted (those still recorded).
    """

    event: Event
    topic: Topic | None
    undone: bool
    targets: tuple[Event, ...] = ()

    @property
    def orphan(self) -> bool:
        """A status or note event of a topic that has left the roadmap."""
        return self.event.topic is not None and self.topic is None


def _event_json(event: Event) -> dict[str, Any]:
    return {"id": event.id, "topic": event.topic, "status": event.status, "note": event.note}


@record(frozen=False)
class HistoryResult:
    """``roadmap history``: events newest first.

    Attributes:
        entries: the events shown, newest first (by time, then id).
        total: how many events matched before ``--limit`` cut the list.
        since: the ``--since`` local date, if given.
        zone: the name of the local time zone times are shown in.
        language: the roadmap's own language (for choosing titles).
    """

    entries: list[HistoryEntry]
    total: int
    since: date | None
    zone: str
    language: str = "zh"

    def to_json(self) -> dict[str, Any]:
        """``{time_zone, since, total, events: [{id, at, kind, topic, title, title_en,
        status, note, value, undo: [{id, topic, status, note}], undone, orphan}]}`` (``at``
        UTC; ``value``: the kind's value for kinds beyond status, note and undo, such as
        ``{"minutes": 90}`` of a time event)."""
        return {
            "time_zone": self.zone,
            "since": self.since.isoformat() if self.since else None,
            "total": self.total,
            "events": [
                {
                    "id": e.event.id,
                    "at": format_time(e.event.at),
                    "kind": e.event.kind,
                    "topic": e.topic.id if e.topic else e.event.topic,
                    "title": e.topic.title if e.topic else None,
                    "title_en": e.topic.title_en if e.topic else None,
                    "status": e.event.status,
                    "note": e.event.note,
                    "value": e.event.value if e.event.known else None,
                    "undo": [_event_json(t) for t in e.targets] if e.event.undo else None,
                    "undone": e.undone,
                    "orphan": e.orphan,
                }
                for e in self.entries
            ],
        }


def local_midnight(day: date, zone: Any) -> datetime:
    """The start of ``day`` in ``zone`` (a tzinfo), as an aware datetime."""
    return datetime.combine(day, time(0), zone)


def build_history(
    catalog: Catalog,
    progress: Progress,
    *,
    since: datetime | None = None,
    limit: int | None = None,
) -> tuple[list[HistoryEntry], int]:
    """The events at or after ``since`` (aware datetime), newest first, at most ``limit``.

    Returns:
        ``(entries, total)``: the entries shown and how many matched before the limit.
    """
    undone = progress.undone_ids()
    by_id = {e.id: e for e in progress.events}
    matched = [e for e in progress.events if since is None or e.at >= since]
    matched.sort(key=Event.sort_key, reverse=True)
    return _entries(catalog, matched[:limit] if limit else matched, undone, by_id), len(matched)


def _entries(
    catalog: Catalog, events: list[Event], undone: AbstractSet[str], by_id: Mapping[str, Event]
) -> list[HistoryEntry]:
    """``events`` (in the order given) with their topics, whether each is undone (its id
    in ``undone``) and, for undo events, the events they revert (looked up in ``by_id``)."""
    entries = []
    for event in events:
        topic = None
        if event.topic is not None:
            canonical = catalog.canonical_id(event.topic)
            topic = catalog.topics.get(canonical) if canonical else None
        targets = tuple(by_id[t] for t in event.undo or () if t in by_id)
        entries.append(HistoryEntry(event, topic, event.id in undone, targets))
    return entries


def history(app: AppContext, since: date | None = None, limit: int | None = None) -> HistoryResult:
    """The events of the progress in use from local midnight of ``since`` on, newest
    first, at most ``limit``.

    Raises:
        RoadmapFileError, ProgressFileError: unreadable roadmap or progress.
    """
    from roadmap_cli.support.clock import local_zone, now_utc, zone_name

    zone = local_zone()
    start = local_midnight(since, zone) if since else None
    catalog = app.catalog()
    store = app.store()
    # only the newest events are shown: read them from the end of the file when it allows
    tail = store.load_tail(start, limit) if since or limit else None
    if tail is not None:
        newest = sorted(tail.events, key=Event.sort_key, reverse=True)
        entries, total = _entries(catalog, newest, tail.undone, tail.targets), tail.total
    else:
        entries, total = build_history(catalog, store.load(), since=start, limit=limit)
    return HistoryResult(
        entries, total, since, zone_name(now_utc(), zone), catalog.roadmap.language
    )
