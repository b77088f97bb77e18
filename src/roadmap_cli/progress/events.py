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
import os
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from itertools import pairwise
from typing import Literal

from roadmap_cli.support.textsafe import encodable

__all__ = [
    "PROGRESS_SCHEMA",
    "STATUSES",
    "Event",
    "Progress",
    "ShapeError",
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
    return f"{millis:012x}-{os.urandom(4).hex()}"


class ShapeError(ValueError):
    """An event or progress document that does not have the documented shape.

    Attributes:
        where: the place in the document, e.g. ``events[3].at`` (``(top level)`` for the
            document itself).
        message: what is wrong there.
    """

    def __init__(self, where: str, message: str) -> None:
        super().__init__(f"{where}: {message}")
        self.where = where
        self.message = message


_EVENT_FIELDS = ("id", "at", "topic", "status", "note", "undo", "batch")
_EVENT_FIELD_SET = frozenset(_EVENT_FIELDS)
_NEEDS_ESCAPE = re.compile(r'["\\\x00-\x1f]')


def _json_str(value: str) -> str:
    """``json.dumps(value, ensure_ascii=False)``, without the encoder for plain text."""
    if _NEEDS_ESCAPE.search(value) is None:
        return f'"{value}"'
    return json.dumps(value, ensure_ascii=False)


def _plain(value: object, limit: int = 200) -> bool:
    """Whether ``value`` is an ASCII string of 1 to ``limit`` characters (no checks or
    changes needed: the common case, tested first so 100,000 events read fast)."""
    return type(value) is str and 0 < len(value) <= limit and value.isascii()


def _text(value: object, name: str, limit: int | None = None) -> str:
    if type(value) is not str:
        raise ShapeError(name, f"must be a string, not {type(value).__name__}")
    if limit is not None and not 1 <= len(value) <= limit:
        raise ShapeError(name, f"must be 1 to {limit} characters long")
    return encodable(value)


def _time(value: object) -> datetime:
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value)
        except ValueError:
            raise ShapeError("at", "is not an ISO 8601 time") from None
    if not isinstance(value, datetime):
        raise ShapeError("at", "must be an ISO 8601 time (a string)")
    if value.tzinfo is None or value.utcoffset() is None:
        raise ShapeError("at", "time must carry a zone (UTC, ending in Z)")
    if not 1800 <= value.year <= 9000:  # keeps conversions to any local zone in range
        raise ShapeError("at", "time must be between the years 1800 and 9000")
    return value.astimezone(UTC)


@dataclass(frozen=True, slots=True)
class Event:
    """One recorded change.

    Exactly one of ``status`` (with ``topic``), ``note`` (with ``topic``) or ``undo`` is
    set. ``batch`` groups the events one command recorded (``done a b`` is one batch), so
    ``roadmap undo`` reverts them together. ``at`` is when the change happened (UTC);
    ``done --date`` sets it in the past.

    Checked and normalised when made (a plain class, not a pydantic model, so reading
    100,000 events stays fast and reading progress needs no pydantic): ``id`` and
    ``topic`` are 1–200 characters, text fields are strings, ``at`` carries a zone and is
    stored as UTC, lone surrogates become U+FFFD, ``undo`` becomes a tuple.

    Raises:
        ShapeError: a field has the wrong type or value, or the kinds are mixed.
    """

    id: str
    at: datetime
    topic: str | None = None
    status: Status | None = None
    note: str | None = None
    undo: tuple[str, ...] | None = None
    batch: str | None = None

    def __post_init__(self) -> None:
        put = object.__setattr__
        if not _plain(self.id):
            put(self, "id", _text(self.id, "id", 200))
        put(self, "at", _time(self.at))
        if self.topic is not None and not _plain(self.topic):
            put(self, "topic", _text(self.topic, "topic", 200))
        if self.status is not None and self.status not in STATUSES:
            raise ShapeError("status", f"must be one of {', '.join(STATUSES)}")
        if self.note is not None:
            put(self, "note", _text(self.note, "note"))
        if self.batch is not None and not _plain(self.batch, 10**9):
            put(self, "batch", _text(self.batch, "batch"))
        if self.undo is not None:
            if not isinstance(self.undo, (list, tuple)):
                raise ShapeError("undo", "must be a list of event ids")
            put(self, "undo", tuple(_text(v, "undo") for v in self.undo))
        kinds = (self.status is not None) + (self.note is not None) + (self.undo is not None)
        if kinds != 1:
            raise ShapeError("(event)", "an event has exactly one of 'status', 'note' or 'undo'")
        if self.undo is None and self.topic is None:
            raise ShapeError("topic", "a status or note event names its 'topic'")
        if self.undo is not None and self.topic is not None:
            raise ShapeError("topic", "an undo event names no 'topic'")

    @classmethod
    def from_json(cls, data: object) -> Event:
        """The event stored as the JSON object ``data`` (``at`` an ISO 8601 string).

        Raises:
            ShapeError: not an object, an unknown or missing field, or a bad value.
        """
        if not isinstance(data, dict):
            raise ShapeError("(event)", "must be a JSON object")
        if not data.keys() <= _EVENT_FIELD_SET:
            unknown = next(k for k in data if k not in _EVENT_FIELD_SET)
            raise ShapeError(str(unknown), "unknown field")
        for name in ("id", "at"):
            if name not in data:
                raise ShapeError(name, "required field is missing")
        return cls(**data)

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

    def to_json_line(self) -> str:
        """``json.dumps(self.to_json(), ensure_ascii=False)``, built directly: a progress
        file is written one event per line, and for 100,000 events the generic encoder
        costs ~0.4 s more."""
        at = self.at  # UTC, years 1800-9000
        stamp = (
            f"{at.year:04d}-{at.month:02d}-{at.day:02d}"
            f"T{at.hour:02d}:{at.minute:02d}:{at.second:02d}Z"
        )
        parts = [f'"id": {_json_str(self.id)}', f'"at": "{stamp}"']
        for name in _EVENT_FIELDS[2:]:
            value = getattr(self, name)
            if value is None:
                continue
            if isinstance(value, str):
                text = _json_str(value)
            elif isinstance(value, tuple):
                text = "[" + ", ".join(_json_str(v) for v in value) + "]"
            else:
                text = json.dumps(value, ensure_ascii=False)
            parts.append(f'"{name}": {text}')
        return "{" + ", ".join(parts) + "}"

    def to_json(self) -> dict[str, object]:
        """The event as it is stored: a JSON object without unset fields, ``at`` as
        ``2026-11-30T12:00:00Z``, ``undo`` as a list."""
        out: dict[str, object] = {"id": self.id, "at": format_time(self.at)}
        for name in _EVENT_FIELDS[2:]:
            value = getattr(self, name)
            if value is not None:
                out[name] = list(value) if name == "undo" else value
        return out


@dataclass
class Progress:
    """The contents of one progress file: which roadmap it belongs to and its events,
    kept in time order (``at``, then ``id``); events with the same id are merged.

    Raises:
        ShapeError: ``roadmap`` is not a non-empty string.
    """

    roadmap: str
    events: list[Event] = field(default_factory=list)
    schema_version: int = PROGRESS_SCHEMA

    def __post_init__(self) -> None:
        if type(self.roadmap) is not str or not self.roadmap:
            raise ShapeError("roadmap", "must be a non-empty string")
        self.events = list(self.events)
        if len({e.id for e in self.events}) != len(self.events):
            self.events = merge_events(self.events)
        elif any(a.sort_key() > b.sort_key() for a, b in pairwise(self.events)):
            self.events.sort(key=Event.sort_key)

    @classmethod
    def from_json(cls, raw: object) -> Progress:
        """The progress stored as the JSON document ``raw`` (``{schema, roadmap, events}``).

        Raises:
            ShapeError: the document or one of its events has the wrong shape, or two
                different events share an id; ``where`` names it (``events[3].at``).
        """
        if not isinstance(raw, dict):
            raise ShapeError("(top level)", "must be a JSON object")
        unknown = [k for k in raw if k not in ("schema", "roadmap", "events")]
        if unknown:
            raise ShapeError(str(unknown[0]), "unknown field")
        schema = raw.get("schema", PROGRESS_SCHEMA)
        if type(schema) is not int:
            raise ShapeError("schema", "must be an integer")
        events = raw.get("events", [])
        if not isinstance(events, list):
            raise ShapeError("events", "must be a list")
        parsed = []
        for index, item in enumerate(events):
            try:
                parsed.append(Event.from_json(item))
            except ShapeError as exc:
                where = f"events[{index}]"
                raise ShapeError(
                    where if exc.where == "(event)" else f"{where}.{exc.where}", exc.message
                ) from None
        if "roadmap" not in raw:
            raise ShapeError("roadmap", "required field is missing")
        seen: dict[str, Event] = {}
        for index, event in enumerate(parsed):
            # the same event twice (a careless merge) is harmless; two different events
            # under one id would lose one of them on the next write
            if seen.setdefault(event.id, event) != event:
                raise ShapeError(
                    f"events[{index}].id",
                    f"two different events share the id {event.id!r} (edited by hand?); "
                    "give one of them a new id",
                )
        return cls(roadmap=raw["roadmap"], events=parsed, schema_version=schema)

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

    def last_change(self, now: datetime | None = None) -> list[Event]:
        """The events of the most recently recorded command that is not yet undone (its
        whole batch); empty when there is nothing to undo.

        "Most recently recorded" goes by the creation time in the event id. Events whose
        id claims a time after ``now`` (UTC; default the current time), such as ones merged
        from a machine whose clock runs ahead, are passed over, and an id that carries no
        time counts as the oldest, so undo reverts the change just made here.
        """
        undone = self.undone_ids()
        limit = int((now or datetime.now(UTC)).timestamp() * 1000) + 60_000
        live = [e for e in self.events if e.undo is None and e.id not in undone]
        candidates = [e for e in live if _id_millis(e.id) <= limit]
        if not candidates:
            return []
        last = max(candidates, key=lambda e: (_id_millis(e.id), e.id))
        if last.batch is None:
            return [last]
        return [e for e in live if e.batch == last.batch]

    def to_json_text(self) -> str:
        """The file text: one event per line, so synced copies and git diffs stay readable."""
        lines = [e.to_json_line() for e in self.events]
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


def _id_millis(event_id: str) -> int:
    """The creation time (ms since the epoch) an event id starts with, or -1 if none."""
    head = event_id.split("-", 1)[0]
    if len(head) != 12:
        return -1
    try:
        return int(head, 16)
    except ValueError:
        return -1
