"""Progress as events: the event model, the status fold, undo and merge.

A learner's progress is an append-only list of events (see README.md "Your data"):

* a status event ``{id, at, topic, status}`` sets a topic's status;
* a note event ``{id, at, topic, note}`` attaches a note to a topic;
* an undo event ``{id, at, undo: [ids]}`` reverts earlier events.

Nothing is ever removed: a topic's status is the result of folding its events in time
order. Times are UTC (ISO 8601, ``2026-11-30T12:00:00Z``). Event ids start with the
creation time in milliseconds (hex), so sorting by id gives the order they were recorded.
This module is pure logic: it reads no files and prints nothing.
"""

from __future__ import annotations

import json
import secrets
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from itertools import pairwise
from typing import Annotated, Literal, Self

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PlainSerializer,
    field_validator,
    model_validator,
)

from roadmap_cli.textsafe import encodable

__all__ = [
    "PROGRESS_SCHEMA",
    "STATUSES",
    "Event",
    "Progress",
    "Status",
    "TopicState",
    "fold",
    "format_time",
    "merge_events",
    "new_event_id",
]

#: The progress file format version this program writes.
PROGRESS_SCHEMA = 1

Status = Literal["todo", "in_progress", "done", "skipped"]
#: Every status, in the order a learner moves through them.
STATUSES: tuple[Status, ...] = ("todo", "in_progress", "done", "skipped")


def format_time(at: datetime) -> str:
    """``2026-11-30T12:00:00Z``: ISO 8601, UTC, second precision."""
    return at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


_last_millis = 0


def new_event_id(at: datetime | None = None) -> str:
    """A new unique event id: 12 hex digits of milliseconds since the epoch, '-', 8 random
    hex digits. Within one process ids strictly increase (a second id in the same
    millisecond takes the next one), so the events one command records keep their order."""
    global _last_millis
    millis = int((at or datetime.now(UTC)).timestamp() * 1000)
    if at is None:
        millis = max(millis, _last_millis + 1)
        _last_millis = millis
    return f"{millis:012x}-{secrets.token_hex(4)}"


UtcTime = Annotated[datetime, PlainSerializer(format_time, return_type=str)]


class Event(BaseModel):
    """One recorded change.

    Exactly one of ``status`` (with ``topic``), ``note`` (with ``topic``) or ``undo`` is
    set. ``batch`` groups the events one command recorded (``done a b`` is one batch), so
    ``roadmap undo`` reverts them together. ``at`` is when the change happened (UTC);
    ``done --date`` sets it in the past.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(min_length=1, max_length=200)
    at: UtcTime
    topic: str | None = Field(default=None, min_length=1, max_length=200)
    status: Status | None = None
    note: str | None = None
    undo: tuple[str, ...] | None = None
    batch: str | None = None

    @field_validator("id", "topic", "note", "batch")
    @classmethod
    def _encodable(cls, value: str | None) -> str | None:
        # lone surrogates (undecodable command-line bytes) become U+FFFD: always saveable
        return value if value is None else encodable(value)

    @field_validator("undo")
    @classmethod
    def _encodable_ids(cls, value: tuple[str, ...] | None) -> tuple[str, ...] | None:
        return value if value is None else tuple(encodable(v) for v in value)

    @field_validator("at")
    @classmethod
    def _utc(cls, value: datetime) -> datetime:
        if value.tzinfo is None:
            raise ValueError("time must carry a zone (UTC, ending in Z)")
        if not 1800 <= value.year <= 9000:  # keeps conversions to any local zone in range
            raise ValueError("time must be between the years 1800 and 9000")
        return value.astimezone(UTC)

    @model_validator(mode="after")
    def _one_kind(self) -> Self:
        kinds = [self.status is not None, self.note is not None, self.undo is not None]
        if sum(kinds) != 1:
            raise ValueError("an event has exactly one of 'status', 'note' or 'undo'")
        if self.undo is None and self.topic is None:
            raise ValueError("a status or note event names its 'topic'")
        if self.undo is not None and self.topic is not None:
            raise ValueError("an undo event names no 'topic'")
        return self

    @property
    def kind(self) -> Literal["status", "note", "undo"]:
        """Which of the three kinds of event this is."""
        if self.status is not None:
            return "status"
        if self.note is not None:
            return "note"
        return "undo"

    def sort_key(self) -> tuple[datetime, str]:
        """Time order: by ``at``, ties broken by ``id``."""
        return (self.at, self.id)

    def to_json(self) -> dict[str, object]:
        """The event as it is stored: a JSON object without unset fields."""
        return self.model_dump(mode="json", exclude_none=True)


class Progress(BaseModel):
    """The contents of one progress file: which roadmap it belongs to and its events,
    kept in time order (``at``, then ``id``)."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    schema_version: int = Field(alias="schema", default=PROGRESS_SCHEMA)
    roadmap: str = Field(min_length=1)
    events: list[Event] = []

    @model_validator(mode="after")
    def _sorted(self) -> Self:
        if len({e.id for e in self.events}) != len(self.events):
            self.events = merge_events(self.events)
        elif any(a.sort_key() > b.sort_key() for a, b in pairwise(self.events)):
            self.events.sort(key=Event.sort_key)
        return self

    def add(self, event: Event) -> None:
        """Insert ``event`` at its place in time order."""
        key = event.sort_key()
        if not self.events or self.events[-1].sort_key() <= key:
            self.events.append(event)
            return
        index = len(self.events)
        while index > 0 and self.events[index - 1].sort_key() > key:
            index -= 1
        self.events.insert(index, event)

    def undone_ids(self) -> set[str]:
        """Ids of the events that an undo event has reverted."""
        return {target for e in self.events if e.undo for target in e.undo}

    def last_change(self) -> list[Event]:
        """The events of the most recently recorded command that is not yet undone (its
        whole batch), newest record first by id; empty when there is nothing to undo."""
        undone = self.undone_ids()
        live = [e for e in self.events if e.undo is None and e.id not in undone]
        if not live:
            return []
        last = max(live, key=lambda e: e.id)
        if last.batch is None:
            return [last]
        return [e for e in live if e.batch == last.batch]

    def to_json_text(self) -> str:
        """The file text: one event per line, so synced copies and git diffs stay readable."""
        lines = [json.dumps(e.to_json(), ensure_ascii=False) for e in self.events]
        body = ",\n    ".join(lines)
        events = f"[\n    {body}\n  ]" if lines else "[]"
        return (
            "{\n"
            f'  "schema": {self.schema_version},\n'
            f'  "roadmap": {json.dumps(self.roadmap, ensure_ascii=False)},\n'
            f'  "events": {events}\n'
            "}\n"
        )


@dataclass
class TopicState:
    """A topic's state, folded from its events.

    Attributes:
        status: the current status.
        since: when the current status was set (UTC), None for a topic never touched.
        started: when the topic was first started (UTC), if ever.
        notes: the topic's live note events, oldest first.
        events: every live status and note event of the topic, oldest first.
    """

    status: Status = "todo"
    since: datetime | None = None
    started: datetime | None = None
    notes: list[Event] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)


def fold(
    events: Iterable[Event], canonical: Callable[[str], str | None] | None = None
) -> dict[str, TopicState]:
    """Fold events (in time order) into one :class:`TopicState` per topic.

    Args:
        events: events in time order (as :class:`Progress` keeps them).
        canonical: maps a recorded topic id to its current id (aliases follow a renamed
            topic); an id it maps to None keeps its recorded id (an orphan).

    Returns:
        recorded-or-canonical topic id → state, for every topic with a live event.
    """
    events = list(events)
    undone = {target for e in events if e.undo for target in e.undo}
    states: dict[str, TopicState] = {}
    cache: dict[str, str] = {}
    for event in events:
        if event.undo is not None or event.id in undone or event.topic is None:
            continue
        key = cache.get(event.topic)
        if key is None:
            key = (canonical(event.topic) if canonical else None) or event.topic
            cache[event.topic] = key
        state = states.get(key)
        if state is None:
            state = states[key] = TopicState()
        state.events.append(event)
        if event.status is not None:
            state.status = event.status
            state.since = event.at
            if event.status == "in_progress" and state.started is None:
                state.started = event.at
            elif event.status == "todo":
                state.started = None
        elif event.note is not None:
            state.notes.append(event)
    return states


def merge_events(*sources: Iterable[Event]) -> list[Event]:
    """The union of several event lists by id, in time order.

    Two events with the same id are the same event; should their contents differ (a
    hand-edited copy), the one whose JSON sorts last is kept, so merging is commutative,
    associative and idempotent.
    """
    by_id: dict[str, Event] = {}
    for source in sources:
        for event in source:
            kept = by_id.get(event.id)
            if kept is None or (kept != event and _content(event) > _content(kept)):
                by_id[event.id] = event
    return sorted(by_id.values(), key=Event.sort_key)


def _content(event: Event) -> str:
    return json.dumps(event.to_json(), sort_keys=True, ensure_ascii=False)
