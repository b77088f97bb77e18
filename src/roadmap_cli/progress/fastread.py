"""Event lines of a canonical progress file, parsed fast (see :mod:`.fileformat`).

A line of the common shape becomes an :class:`~roadmap_cli.progress.events.Event` without
the checks its values cannot fail: one regular expression matches it, and the event is
made directly (its slots set, see :class:`_Twin`), not through ``__init__``. Two shapes
are common: a status, note or undo event (ASCII ids and topics, nothing JSON escapes), and
an event of another kind whose fields are all plain strings (a review rating ``{id, at,
topic, review: "good"}``, a review mode), kept with its text as :attr:`Event.raw` exactly
as :meth:`Event.from_json` would keep it. Any other line goes through ``json.loads`` and
:meth:`Event.from_json`, and is kept only if written back it is the same line.

This module reads no files and prints nothing.
"""

from __future__ import annotations

import dataclasses
import json
import re
from datetime import UTC, datetime
from typing import IO, Any

from roadmap_cli.progress.events import STATUSES, Event, ShapeError, format_time

__all__ = ["parse_lines"]

_S = rb"[\x20\x21\x23-\x5b\x5d-\x7e]"  # printable ASCII but '"' and '\'
_N = rb"(?:[\x20\x21\x23-\x5b\x5d-\x7e]|[\xc2-\xf4][\x80-\xbf]+)"  # ... or UTF-8 sequences
_ID_AT = rb'    \{"id": "(' + _S + rb'{1,200})", "at": "(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)"'
#: One event line of the common shape, exactly as Event.to_json_line writes it.
_LINE = re.compile(
    _ID_AT + rb'(?:, "topic": "(' + _S + rb'{1,200})")?'
    rb'(?:, "status": "(todo|in_progress|done|skipped)")?'
    rb'(?:, "note": "(' + _N + rb'*)")?'
    rb'(?:, "undo": \[((?:"' + _S + rb'*"(?:, "' + _S + rb'*")*)?)\])?'
    rb'(?:, "batch": "(' + _S + rb'*)")?'
    rb"\}(,?)\n"
)
#: An event of another kind (a review rating...) whose fields are all plain strings, in
#: the order Event.to_json_line writes one made by Event.of_kind: id, at, topic, batch,
#: then its own fields.
_OTHER = re.compile(
    _ID_AT + rb'(?:, "topic": "(' + _S + rb'{1,200})")?'
    rb'(?:, "batch": "(' + _S + rb'*)")?'
    rb'((?:, "' + _S + rb'{1,200}": "' + _N + rb'*")+)'
    rb"\}(,?)\n"
)
_OTHER_FIELD = re.compile(rb', "(' + _S + rb'+)": ("' + _N + rb'*")')
_PLAIN = ("id", "at", "topic", "status", "note", "undo", "batch")
_KNOWN = frozenset(name.encode() for name in _PLAIN)
_DEFAULTS = tuple((f.name, f.default) for f in dataclasses.fields(Event) if f.name not in _PLAIN)
#: Whether every field beyond the seven of a plain event has a plain default: then an
#: event can be made directly (else every line goes through Event.from_json).
_DIRECT = all(d is not dataclasses.MISSING for _, d in _DEFAULTS) and {n for n, _ in _DEFAULTS} == {
    "extra",
    "raw",
}
_STATUS = {s.encode(): s for s in STATUSES}


class _Twin:
    """An event's fields in the layout of :class:`Event` (the same slots, in the same
    order), set the plain way and then made an Event by assigning ``__class__``: three
    times faster than ``object.__setattr__`` on each slot of the frozen class."""

    __slots__ = (*_PLAIN, "extra", "raw")

    def __init__(
        self,
        id: str,
        at: datetime,
        topic: str | None,
        status: str | None,
        note: str | None,
        undo: tuple[str, ...] | None,
        batch: str | None,
        extra: tuple[tuple[str, str], ...],
        raw: str | None,
    ) -> None:
        self.id = id
        self.at = at
        self.topic = topic
        self.status = status
        self.note = note
        self.undo = undo
        self.batch = batch
        self.extra = extra
        self.raw = raw


def _twin_works() -> bool:
    """Whether a _Twin can become an Event equal to one made the checked way."""
    at = datetime(2026, 1, 1, tzinfo=UTC)
    made: Any = _Twin("a", at, "t", "done", None, None, "b", (), None)
    try:
        made.__class__ = Event
    except TypeError:
        return False
    expected = Event(id="a", at=at, topic="t", status="done", batch="b")
    return type(made) is Event and made == expected and repr(made) == repr(expected)


_DIRECT = _DIRECT and Event.__slots__ == _Twin.__slots__ and _twin_works()


def parse_lines(stream: IO[bytes], start: int, end: int) -> list[Event] | None:
    """The events of the lines between offsets ``start`` and ``end`` of ``stream`` (each
    line one event, ending in a newline, the last one without a comma), or None if one
    is not canonical, out of time order (``at``, then ``id``) or a repeated id."""
    stream.seek(start)
    match = _LINE.fullmatch
    other = _OTHER.fullmatch
    fromiso = datetime.fromisoformat
    events: list[Event] = []
    append = events.append
    topics: dict[bytes, str] = {}
    fields: dict[bytes, tuple[tuple[str, str], ...]] = {}
    last_at = b""
    when = datetime.min
    prev_at = b""
    prev_id = ""
    ids: set[str] = set()
    add_id = ids.add
    position = start
    after_other = False
    for line in stream:
        position += len(line)
        m: re.Match[bytes] | None = None
        o: re.Match[bytes] | None = None
        extra: tuple[tuple[str, str], ...] = ()
        if _DIRECT:  # the shape of the line before first: ratings come in runs
            if after_other:
                o = other(line)
            else:
                m = match(line)
            if m is None and o is None:
                o = other(line) if not after_other else None
            if o is not None:
                more = o.group(5)
                found = fields.get(more)
                if found is None:
                    found = fields[more] = _other_fields(more)
                extra = found
            if not extra and m is None and after_other:
                m = match(line)
            after_other = bool(extra)
        if m is None and not extra:
            event = _general(line)
            if event is None:
                return None
            at_text = format_time(event.at).encode()
            event_id = event.id
            last_line = not line.endswith(b",\n")
        else:
            if m is not None:
                raw_id, at_text, topic, status, note, undo, batch, comma = m.groups()
                if (status is not None) + (note is not None) + (undo is not None) != 1 or (
                    topic is None
                ) != (undo is not None):
                    return None
            else:
                assert o is not None
                raw_id, at_text, topic, batch, _, comma = o.groups()
                status = note = undo = None
            if at_text != last_at:
                if not b"1800" <= at_text[:4] <= b"9000":
                    return None
                try:
                    when = fromiso(at_text.decode())
                except ValueError:
                    return None
                last_at = at_text
            event_id = raw_id.decode()
            if topic is not None:
                name = topics.get(topic)
                if name is None:
                    name = topics[topic] = topic.decode()
                topic = name
            try:
                text = note.decode() if note is not None else None
                raw = line[4 : -2 if comma else -1].decode() if extra else None
            except UnicodeDecodeError:
                return None
            made: Any = _Twin(
                event_id,
                when,
                topic,
                _STATUS[status] if status is not None else None,
                text,
                _undo(undo) if undo is not None else None,
                (event_id if batch == raw_id else batch.decode()) if batch is not None else None,
                extra,
                raw,
            )
            made.__class__ = Event
            event = made
            last_line = not comma
        # time order (at, then id); 'at' is canonical text, which sorts as the time does
        if at_text < prev_at or (at_text == prev_at and event_id <= prev_id):
            return None
        prev_at, prev_id = at_text, event_id
        add_id(event_id)
        append(event)
        if last_line:
            break
    if position != end or len(ids) != len(events):
        return None
    return events


def _other_fields(text: bytes) -> tuple[tuple[str, str], ...]:
    """The (name, JSON text) pairs of ``, "name": "value"`` fields; none when a name is
    one of the fields this version knows or repeats (the general parser decides)."""
    pairs = _OTHER_FIELD.findall(text)
    names = [name for name, _ in pairs]
    if any(name in _KNOWN for name in names) or len(set(names)) != len(names):
        return ()
    try:
        return tuple((name.decode(), value.decode()) for name, value in pairs)
    except UnicodeDecodeError:
        return ()


def _undo(text: bytes) -> tuple[str, ...]:
    if not text:
        return ()
    return tuple(text[1:-1].decode().split('", "'))


def _general(line: bytes) -> Event | None:
    """A line of another shape: parsed as JSON; kept only if written back it is the same
    line (so the file stays canonical)."""
    body = line[:-2] if line.endswith(b",\n") else line[:-1]
    if not body.startswith(b"    {"):
        return None
    try:
        event = Event.from_json(json.loads(body))
    except (ValueError, ShapeError, RecursionError):
        return None
    try:
        text = event.to_json_line().encode("utf-8")
    except UnicodeEncodeError:
        return None
    if event.at.tzinfo is not UTC or b"    " + text != body:
        return None
    return event
