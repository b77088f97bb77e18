"""The progress log as a whole: :class:`Progress` (the file's events, new ids, undo), and the
fold of its events into each topic's state, merge and conflict checks.

Events themselves (:class:`~roadmap_cli.progress.events.Event`, ids, the hybrid logical
clock) are in :mod:`roadmap_cli.progress.events`. Pure logic: no files, no printing.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import field
from datetime import datetime
from itertools import pairwise

from roadmap_cli.progress.events import (
    PROGRESS_SCHEMA,
    Event,
    ShapeError,
    Status,
    _id_millis,
    _json_str,
    new_event_id,
    observe_stamp,
    recording_key,
)
from roadmap_cli.support.i18n import N_
from roadmap_cli.support.records import record
from roadmap_cli.support.textsafe import encodable

__all__ = ["Progress", "TopicState", "conflicting_ids", "fold", "merge_events"]


@record(frozen=False)
class Progress:
    """The contents of one progress file: which roadmap it belongs to and its events,
    kept in time order (``at``, then ``id``); events with the same id are merged.
    ``extra`` holds top-level fields this version does not know (name, JSON text), written
    back unchanged after ``events``.

    Raises:
        ShapeError: ``roadmap`` is not a non-empty string.
    """

    roadmap: str
    events: list[Event] = field(default_factory=list)
    schema_version: int = PROGRESS_SCHEMA
    extra: tuple[tuple[str, str], ...] = ()
    #: (id of the events list, greatest stamp in it), see :meth:`new_id`
    _stamp: tuple[int, int] | None = field(default=None, repr=False, compare=False)

    def __post_init__(self) -> None:
        if type(self.roadmap) is not str or not self.roadmap:
            raise ShapeError("roadmap", N_("must be a non-empty string"))
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
            raise ShapeError("(top level)", N_("must be a JSON object"))
        extra = tuple(
            (encodable(k), encodable(json.dumps(v, ensure_ascii=False)))
            for k, v in raw.items()
            if k not in ("schema", "roadmap", "events")
        )
        schema = raw.get("schema", PROGRESS_SCHEMA)
        if type(schema) is not int:
            raise ShapeError("schema", N_("must be an integer"))
        events = raw.get("events", [])
        if not isinstance(events, list):
            raise ShapeError("events", N_("must be a list"))
        parsed = []
        for index, item in enumerate(events):
            try:
                parsed.append(Event.from_json(item))
            except ShapeError as exc:
                where = f"events[{index}]"
                raise exc.at(where if exc.where == "(event)" else f"{where}.{exc.where}") from None
        if "roadmap" not in raw:
            raise ShapeError("roadmap", N_("required field is missing"))
        seen: dict[str, Event] = {}
        for index, event in enumerate(parsed):
            # the same event twice (a careless merge) is harmless; two different events
            # under one id would lose one of them on the next write
            if seen.setdefault(event.id, event) != event:
                raise ShapeError(
                    f"events[{index}].id",
                    N_(
                        "two different events share the id {id} (edited by hand?); "
                        "give one of them a new id"
                    ),
                    id=repr(event.id),
                )
        return cls(roadmap=raw["roadmap"], events=parsed, schema_version=schema, extra=extra)

    def latest_stamp(self) -> int:
        """The greatest recording stamp (ms) among the events' ids, -1 when none has one."""
        if self._stamp is None or self._stamp[0] != id(self.events):
            latest = max((_id_millis(e.id) for e in self.events), default=-1)
            self._stamp = (id(self.events), latest)
        return self._stamp[1]

    def new_id(self) -> str:
        """A new event id, greater than every id in these events (:func:`new_event_id`
        after observing :meth:`latest_stamp`): use it for every event a command records."""
        observe_stamp(self.latest_stamp())
        return new_event_id()

    def add(self, event: Event) -> None:
        """Insert ``event`` at its place in time order."""
        if self._stamp is not None and self._stamp[0] == id(self.events):
            self._stamp = (self._stamp[0], max(self._stamp[1], _id_millis(event.id)))
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

        "Most recently recorded" goes by recording order (:func:`recording_key`): the
        hybrid logical clock makes a change recorded here after a merge greater than
        every merged event, whatever the other machine's clock said. An id that carries
        no time counts as the oldest. Events of kinds this version does not know are
        passed over (the version that wrote them undoes them). ``now`` is not used; it
        is kept so callers written for older versions still work.
        """
        del now
        undone = self.undone_ids()
        live = [e for e in self.events if e.known and e.undo is None and e.id not in undone]
        if not live:
            return []
        last = max(live, key=recording_key)
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
            f'  "events": {events}'
            + "".join(f",\n  {_json_str(name)}: {text}" for name, text in self.extra)
            + "\n}\n"
        )


@record(frozen=False)
class TopicState:
    """A topic's state, folded from its events.

    Attributes:
        status: the current status.
        since: when the current status was set (UTC, the ``at`` of the status event that
            is last in recording order), None for a topic never touched.
        started: when the topic was first started (UTC), if ever.
        notes: the topic's live note events, oldest first (by ``at``).
        events: every live status and note event of the topic, oldest first (by ``at``).
        completions: the status events that completed the topic, one per time it became
            done (a later ``done --date`` on a done topic moves that completion's date, it
            does not add one): what the activity heatmap counts.
    """

    status: Status = "todo"
    since: datetime | None = None
    started: datetime | None = None
    notes: list[Event] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    completions: list[Event] = field(default_factory=list)


def fold(
    events: Iterable[Event], canonical: Callable[[str], str | None] | None = None
) -> dict[str, TopicState]:
    """Fold events into one :class:`TopicState` per topic, in recording order
    (:func:`recording_key`): the status event recorded last decides a topic's status,
    whatever its ``at``. A status event that repeats the current status (``done --date``
    on a done topic) moves the date of that status. Events of kinds this version does
    not know are ignored.

    Args:
        events: events in any order.
        canonical: maps a recorded topic id to its current id (aliases follow a renamed
            topic); an id it maps to None keeps its recorded id (an orphan).

    Returns:
        recorded-or-canonical topic id → state, for every topic with a live event.
    """
    events = sorted(events, key=recording_key)
    undone = {target for e in events if e.undo for target in e.undo}
    states: dict[str, TopicState] = {}
    cache: dict[str, str] = {}
    for event in events:
        if event.undo is not None or event.id in undone or event.topic is None:
            continue
        if event.status is None and event.note is None:
            continue  # a kind this version does not know
        key = cache.get(event.topic)
        if key is None:
            key = (canonical(event.topic) if canonical else None) or event.topic
            cache[event.topic] = key
        state = states.get(key)
        if state is None:
            state = states[key] = TopicState()
        state.events.append(event)
        if event.status is not None:
            again = state.since is not None and event.status == state.status
            if event.status == "done":
                if again and state.completions:
                    state.completions[-1] = event  # its date moved
                else:
                    state.completions.append(event)
            if event.status == "in_progress" and (state.started is None or again):
                state.started = event.at
            elif event.status == "todo":
                state.started = None
            state.status = event.status
            state.since = event.at
        elif event.note is not None:
            state.notes.append(event)
    for state in states.values():
        for items in (state.events, state.notes, state.completions):
            if any(a.sort_key() > b.sort_key() for a, b in pairwise(items)):
                items.sort(key=Event.sort_key)
    return states


def merge_events(*sources: Iterable[Event]) -> list[Event]:
    """The union of several event lists by id, in time order.

    Two events with the same id are the same event; should their contents differ (a
    hand-edited copy), the one whose JSON sorts last is kept, so merging is commutative,
    associative and idempotent (``progress merge`` refuses such a copy first, see
    :func:`conflicting_ids`).
    """
    by_id: dict[str, Event] = {}
    for source in sources:
        for event in source:
            kept = by_id.get(event.id)
            if kept is None or (kept != event and _content(event) > _content(kept)):
                by_id[event.id] = event
    return sorted(by_id.values(), key=Event.sort_key)


def conflicting_ids(ours: Iterable[Event], theirs: Iterable[Event]) -> list[str]:
    """Ids that name different events in ``ours`` and ``theirs`` (by content), sorted."""
    mine = {e.id: e for e in ours}
    return sorted({e.id for e in theirs if (m := mine.get(e.id)) is not None and m != e})


def _content(event: Event) -> str:
    return json.dumps(event.to_json(), sort_keys=True, ensure_ascii=False)
