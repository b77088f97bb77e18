"""Progress as events: the event model, the status fold, undo and merge.

A learner's progress is an append-only list of events (see README.md "Your data"):

* a status event ``{id, at, topic, status}`` sets a topic's status;
* a note event ``{id, at, topic, note}`` attaches a note to a topic;
* an undo event ``{id, at, undo: [ids]}`` reverts earlier events;
* an event of any other kind (written by a newer version: a review rating, a plan, a
  link...) is kept verbatim, ignored by the fold and written back unchanged.

Nothing is ever removed. ``at`` is when the work was done (UTC, ISO 8601,
``2026-11-30T12:00:00Z``; it may be back-dated); the event id starts with when the event
was *recorded* (milliseconds, 12 hex digits), a hybrid logical clock: a new id is greater
than every id already in the file, whatever the clocks of the machines that wrote them.
A topic's status is the result of folding its events in recording (id) order; ``at``
feeds history, streaks, the heatmap and pace. docs/progress-format.md is the reference.
This module is pure logic: it reads no files and prints nothing.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import field
from datetime import UTC, datetime
from typing import Literal

from roadmap_cli.progress.shape import ShapeError
from roadmap_cli.support.i18n import N_
from roadmap_cli.support.records import record
from roadmap_cli.support.textsafe import encodable

__all__ = [
    "COMMON_FIELDS",
    "EXTRA_KINDS",
    "KNOWN_KINDS",
    "PROGRESS_SCHEMA",
    "STATUSES",
    "Event",
    "ShapeError",
    "Status",
    "format_time",
    "new_event_id",
    "recording_key",
]

#: The progress file format's *major* version. Files with a greater one are refused; new
#: event kinds and new fields do not change it (older versions keep them verbatim).
PROGRESS_SCHEMA = 1

#: Event kinds this version records beyond status, note and undo. Each is one field named
#: after the kind, its value any JSON (``{id, at, topic, review: "good"}``), stored in
#: :attr:`Event.extra` exactly like a newer version's kind, so an older version keeps and
#: ignores it; this version understands it: ``undo`` reverts it and ``history`` names it.
#: Their shapes are in docs/progress-format.md. Make them with :meth:`Event.of_kind`.
EXTRA_KINDS: frozenset[str] = frozenset(
    {"link", "unlink", "review", "review_mode", "settings", "plan", "time"}
)

Status = Literal["todo", "in_progress", "done", "skipped"]
#: Every status, in the order a learner moves through them.
STATUSES: tuple[Status, ...] = ("todo", "in_progress", "done", "skipped")


def format_time(at: datetime) -> str:
    """``2026-11-30T12:00:00Z``: ISO 8601, UTC, second precision."""
    return at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


#: The greatest recording stamp (ms) this process has made or seen (see
#: :func:`observe_stamp`): the state of the hybrid logical clock.
_last_millis = 0


def observe_stamp(millis: int) -> None:
    """Tell the id clock that a recording stamp ``millis`` exists (in a file being
    changed): every id made after this is greater."""
    global _last_millis
    _last_millis = max(_last_millis, millis)


def new_event_id(at: datetime | None = None) -> str:
    """A new unique event id: 12 hex digits of a recording stamp (ms since the epoch),
    '-', 8 random hex digits.

    Without ``at`` the stamp comes from a hybrid logical clock: the current time
    (:func:`roadmap_cli.clock.now_precise`) unless a stamp at or after it was already made
    or observed (:func:`observe_stamp`, :meth:`Progress.new_id`), then the next
    millisecond. So ids strictly increase in one process and a new id is greater than
    every id already in the file, even ids written by a machine whose clock runs ahead.
    With ``at`` (tests, tools) the stamp is that time, and the clock is not advanced."""
    global _last_millis
    if at is not None:
        return f"{int(at.timestamp() * 1000):012x}-{os.urandom(4).hex()}"
    from roadmap_cli.support.clock import now_precise

    millis = max(int(now_precise().timestamp() * 1000), _last_millis + 1)
    _last_millis = millis
    return f"{millis:012x}-{os.urandom(4).hex()}"


def recording_key(event: Event) -> str:
    """The order events were recorded in: by the stamp their id starts with, then the id
    (an id with no stamp, made by hand, counts as recorded first). A stamped id sorts by
    itself (12 lower-case hex digits, fixed width); an unstamped one is put first."""
    event_id = event.id
    return event_id if _STAMPED(event_id) else "\x00" + event_id


_EVENT_FIELDS = ("id", "at", "topic", "status", "note", "undo", "batch")
_EVENT_FIELD_SET = frozenset(_EVENT_FIELDS)
#: Fields every event may carry, whatever its kind, with the same meaning in every version.
COMMON_FIELDS = ("id", "at", "topic", "batch")
#: The kinds this version understands, each named after the field that marks it.
KNOWN_KINDS = ("status", "note", "undo")
_NEEDS_ESCAPE = re.compile(r'["\\\x00-\x1f]')
#: ``json.dumps(value, ensure_ascii=False)`` with one encoder made once
_ENCODE = json.JSONEncoder(ensure_ascii=False).encode


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
        raise ShapeError(name, N_("must be a string, not {type}"), type=type(value).__name__)
    if limit is not None and not 1 <= len(value) <= limit:
        raise ShapeError(name, N_("must be 1 to {limit} characters long"), limit=limit)
    return encodable(value)


def _time(value: object) -> datetime:
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value)
        except ValueError:
            raise ShapeError("at", N_("is not an ISO 8601 time")) from None
    if not isinstance(value, datetime):
        raise ShapeError("at", N_("must be an ISO 8601 time (a string)"))
    if value.tzinfo is None or value.utcoffset() is None:
        raise ShapeError("at", N_("time must carry a zone (UTC, ending in Z)"))
    if not 1800 <= value.year <= 9000:  # keeps conversions to any local zone in range
        raise ShapeError("at", N_("time must be between the years 1800 and 9000"))
    return value.astimezone(UTC)


def _extra(pairs: object) -> tuple[tuple[str, str], ...]:
    """``extra`` checked: (name, JSON text) pairs, names not among the known fields."""
    if not isinstance(pairs, (tuple, list)):
        raise ShapeError("(event)", N_("extra fields must be (name, JSON text) pairs"))
    out = []
    for pair in pairs:
        if not (isinstance(pair, (tuple, list)) and len(pair) == 2):
            raise ShapeError("(event)", N_("extra fields must be (name, JSON text) pairs"))
        name, text = pair
        if type(name) is not str or name in _EVENT_FIELD_SET or type(text) is not str:
            raise ShapeError(str(name), N_("not a valid extra field"))
        plain_string = (  # '"good"': valid JSON as it is; json.loads costs ~3 µs an event
            len(text) >= 2
            and text[0] == '"' == text[-1]
            and _NEEDS_ESCAPE.search(text, 1, len(text) - 1) is None
        )
        if not plain_string:
            try:
                json.loads(text)
            except ValueError:
                raise ShapeError(name, N_("an extra field's value must be JSON text")) from None
        out.append((encodable(name), encodable(text)))
    return tuple(out)


@record(slots=True)
class Event:
    """One recorded change.

    At most one of ``status`` (with ``topic``), ``note`` (with ``topic``) or ``undo`` is
    set; an event with none of them is of a kind this version does not know (written by a
    newer one), marked by its first ``extra`` field: ``{id, at, topic, review: "good"}``
    is a ``review`` event. ``extra`` holds the fields this version does not know, name and
    JSON text, in file order; they are written back unchanged. ``raw``, when set, is the
    event's JSON text as read (an event with ``extra``): it is written back as it was.
    ``batch`` groups the events one command recorded (``done a b`` is one batch), so
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
    extra: tuple[tuple[str, str], ...] = ()
    raw: str | None = field(default=None, compare=False, repr=False)

    def __post_init__(self) -> None:
        put = object.__setattr__
        if not _plain(self.id):
            put(self, "id", _text(self.id, "id", 200))
        put(self, "at", _time(self.at))
        if self.topic is not None and not _plain(self.topic):
            put(self, "topic", _text(self.topic, "topic", 200))
        if self.status is not None and self.status not in STATUSES:
            raise ShapeError("status", N_("must be one of {choices}"), choices=", ".join(STATUSES))
        if self.note is not None:
            put(self, "note", _text(self.note, "note"))
        if self.batch is not None and not _plain(self.batch, 10**9):
            put(self, "batch", _text(self.batch, "batch"))
        if self.undo is not None:
            if not isinstance(self.undo, (list, tuple)):
                raise ShapeError("undo", N_("must be a list of event ids"))
            put(self, "undo", tuple(_text(v, "undo") for v in self.undo))
        if self.extra:
            put(self, "extra", _extra(self.extra))
        kinds = (self.status is not None) + (self.note is not None) + (self.undo is not None)
        if kinds > 1 or (kinds == 0 and not self.extra):
            raise ShapeError(
                "(event)", N_("an event has exactly one of 'status', 'note' or 'undo'")
            )
        if kinds == 0:
            return  # a newer version's kind: its own rules, kept as it is
        if self.undo is None and self.topic is None:
            raise ShapeError("topic", N_("a status or note event names its 'topic'"))
        if self.undo is not None and self.topic is not None:
            raise ShapeError("topic", N_("an undo event names no 'topic'"))

    @classmethod
    def from_json(cls, data: object) -> Event:
        """The event stored as the JSON object ``data`` (``at`` an ISO 8601 string).

        Fields this version does not know are kept (``extra``), and so is the event's
        text (``raw``), to be written back unchanged.

        Raises:
            ShapeError: not an object, a missing field, or a bad value.
        """
        if not isinstance(data, dict):
            raise ShapeError("(event)", N_("must be a JSON object"))
        for name in ("id", "at"):
            if name not in data:
                raise ShapeError(name, N_("required field is missing"))
        if data.keys() <= _EVENT_FIELD_SET:
            return cls(**data)
        known = {k: v for k, v in data.items() if k in _EVENT_FIELD_SET}
        # json.dumps(v, ensure_ascii=False) without making an encoder per call: 100,000
        # review ratings read ~0.3 s faster
        extra = tuple(
            (k, _json_str(v) if type(v) is str else _ENCODE(v))
            for k, v in data.items()
            if k not in known
        )
        if all(type(v) is str for v in data.values()):  # a rating: strings only
            raw = "{" + ", ".join(f"{_json_str(k)}: {_json_str(v)}" for k, v in data.items()) + "}"
        else:
            raw = _ENCODE(data)
        return cls(**known, extra=extra, raw=raw if encodable(raw) == raw else None)

    @property
    def kind(self) -> str:
        """Which kind of event this is: ``status``, ``note``, ``undo``, or for a kind a
        newer version wrote, the name of its first field beyond the common ones
        (:data:`COMMON_FIELDS`), e.g. ``review``."""
        if self.status is not None:
            return "status"
        if self.note is not None:
            return "note"
        if self.undo is not None:
            return "undo"
        return self.extra[0][0]

    @property
    def known(self) -> bool:
        """Whether this version understands the event's kind (status, note, undo, or one
        of :data:`EXTRA_KINDS`)."""
        if self.status is not None or self.note is not None or self.undo is not None:
            return True
        return bool(self.extra) and self.extra[0][0] in EXTRA_KINDS

    @classmethod
    def of_kind(
        cls,
        kind: str,
        value: object,
        *,
        id: str,
        at: datetime,
        topic: str | None = None,
        batch: str | None = None,
    ) -> Event:
        """An event of one of :data:`EXTRA_KINDS`: ``{id, at, topic?, <kind>: value,
        batch?}``; ``value`` is any JSON value (written with ``ensure_ascii=False``).

        Raises:
            ValueError: ``kind`` is not one of :data:`EXTRA_KINDS`.
            ShapeError: a field has the wrong type or value.
        """
        if kind not in EXTRA_KINDS:
            raise ValueError(f"unknown event kind {kind!r}")
        text = json.dumps(value, ensure_ascii=False, separators=(", ", ": "))
        return cls(id=id, at=at, topic=topic, batch=batch, extra=((kind, text),))

    @property
    def value(self) -> object:
        """The value of the kind's field of an event of another kind than status, note or
        undo (``"good"`` for ``{review: "good"}``), decoded; None for those three."""
        if self.status is not None or self.note is not None or self.undo is not None:
            return None
        return json.loads(self.extra[0][1]) if self.extra else None

    def extra_fields(self) -> dict[str, object]:
        """The fields this version does not know, decoded: name → JSON value."""
        return {name: json.loads(text) for name, text in self.extra}

    def sort_key(self) -> tuple[datetime, str]:
        """Time order: by ``at``, ties broken by ``id`` (the order of the file and of
        history; the status fold goes by :func:`recording_key`)."""
        return (self.at, self.id)

    def to_json_line(self) -> str:
        """``json.dumps(self.to_json(), ensure_ascii=False)``, built directly: a progress
        file is written one event per line, and for 100,000 events the generic encoder
        costs ~0.4 s more. An event read with fields this version does not know is
        written exactly as it was read (``raw``)."""
        if self.raw is not None:
            return self.raw
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
        parts.extend(f"{_json_str(name)}: {text}" for name, text in self.extra)
        return "{" + ", ".join(parts) + "}"

    def to_json(self) -> dict[str, object]:
        """The event as it is stored: a JSON object without unset fields, ``at`` as
        ``2026-11-30T12:00:00Z``, ``undo`` as a list."""
        out: dict[str, object] = {"id": self.id, "at": format_time(self.at)}
        for name in _EVENT_FIELDS[2:]:
            value = getattr(self, name)
            if value is not None:
                out[name] = list(value) if name == "undo" else value
        out.update(self.extra_fields())
        return out


_STAMPED = re.compile(r"[0-9a-f]{12}(?:-|\Z)").match


def _id_millis(event_id: str) -> int:
    """The recording stamp (ms since the epoch) an event id starts with, or -1 if none."""
    return int(event_id[:12], 16) if _STAMPED(event_id) else -1
