"""The newest events of a canonical progress file, read from its end (``roadmap history
--limit N`` and ``--since D``).

A file of the canonical layout (:mod:`.fileformat`) is in time order, one event a line,
so the newest events are its last lines. :func:`read_tail` makes events of those lines
only; of the rest of the file it reads just the id and time that open each line (to
check the order and count the events) and the lists of undo events (what was undone),
without making an event of them: its cost hardly grows with the length of the history.
Whenever the file is not plainly of that shape (another layout, a line that does not
open with its id and time, an undo list it cannot read at a glance, events out of order)
it answers None and the caller reads the whole file the general way, with its checks.

This module reads no files and prints nothing.
"""

from __future__ import annotations

import io
import json
import re
from bisect import bisect_left
from datetime import UTC, datetime
from operator import itemgetter

from roadmap_cli.progress.events import Event, format_time
from roadmap_cli.progress.fastread import parse_lines
from roadmap_cli.progress.fileformat import events_span
from roadmap_cli.support.records import record
from roadmap_cli.support.textsafe import encodable

__all__ = ["Tail", "read_tail"]

#: The opening of an event line (after the newline that ends the line before): its id
#: and time.
_OPENING = re.compile(rb'\n    \{"id": "([^"\\\n]*)", "at": "(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)"')
#: The list of an undo event: right after the event's time (found by the time's end)...
_UNDO = re.compile(rb'Z", "undo": \[((?:"[^"\\\n]*"(?:, "[^"\\\n]*")*)?)\]')
#: ... in a line that opens with them (checked from the line's start).
_UNDO_OPENING = re.compile(rb'    \{"id": "[^"\\\n]*", "at": "\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d')
_UNDO_KEY = b'"undo": ['
#: Bytes of lines checked at a time (the ids and times of a chunk are held at once).
_CHUNK = 1 << 20
_BY_TIME = itemgetter(1, 0)


@record
class Tail:
    """The newest events of a progress file and what history needs to know about them.

    Attributes:
        roadmap: the roadmap id the file belongs to.
        events: the newest events at or after the time asked for, at most the number
            asked for, in time order (oldest first).
        total: how many events are at or after that time (all of them without one).
        undone: ids of the events some undo event of the file reverts.
        targets: event id → event, for the events that the undo events among ``events``
            revert (those still in the file).
    """

    roadmap: str
    events: list[Event]
    total: int
    undone: frozenset[str]
    targets: dict[str, Event]


def read_tail(data: bytes, since: datetime | None, limit: int | None) -> Tail | None:
    """The events of the canonical progress file ``data`` at or after ``since`` (aware;
    every event without it), the newest ``limit`` of them (all without it, or with 0);
    None when ``data`` is not a canonical file in time order (read it whole instead).

    The events are those the general parser gives for the same lines; lines not read
    as events are only checked for their order and undo lists.
    """
    span = events_span(data)
    if span is None:
        return None
    roadmap, start, end = span
    bound = b""
    if since is not None:
        utc = since.astimezone(UTC)
        if not 1800 <= utc.year <= 9000 or utc.microsecond:
            return None
        bound = format_time(utc).encode()
    lines = data.count(b"\n", start, end)
    total = opened = 0
    last = (b"", b"")
    position = start - 1  # the newline before the first line
    while position < end - 1:
        stop = data.find(b"\n", min(position + _CHUNK, end - 1))
        pairs = _OPENING.findall(data, position, stop if stop >= 0 else end)
        if pairs:  # in time order (at, then id) within the chunk and after the last one
            if _BY_TIME(pairs[0]) < last or sorted(pairs, key=_BY_TIME) != pairs:
                return None
            last = _BY_TIME(pairs[-1])
            opened += len(pairs)
            if bound:
                total += len(pairs) - bisect_left(pairs, bound, key=itemgetter(1))
        position = stop if stop >= 0 else end
    if opened != lines:  # a line that does not open with its id and time
        return None
    if not bound:
        total = lines
    undone: set[str] = set()
    lists = 0
    for m in _UNDO.finditer(data, start, end):
        line = data.rfind(b"\n", start - 1, m.start()) + 1
        if _UNDO_OPENING.fullmatch(data, line, m.start()) is None:
            return None
        lists += 1
        if m.group(1):
            try:
                undone.update(m.group(1)[1:-1].decode().split('", "'))
            except UnicodeDecodeError:
                return None
    if lists != data.count(_UNDO_KEY, start, end):  # (JSON escapes quotes in text)
        return None
    wanted = total if not limit else min(limit, total)
    first = end
    for _ in range(wanted):  # data[start - 1] is the newline before the first line
        first = data.rfind(b"\n", start - 1, first - 1) + 1
    events = parse_lines(io.BytesIO(data), first, end) if wanted else []
    if events is None or len(events) != wanted:
        return None
    targets: dict[str, Event] = {}
    for event in events:
        for target in event.undo or ():
            found = _line_of(data, target, start, end)
            if found is not None:
                targets[target] = found
    return Tail(roadmap, events, total, frozenset(undone), targets)


def _line_of(data: bytes, event_id: str, start: int, end: int) -> Event | None:
    """The event of id ``event_id`` in the lines ``data[start:end]`` (the last such line),
    None if there is none."""
    text = json.dumps(encodable(event_id), ensure_ascii=False).encode("utf-8", "replace")
    at = data.rfind(b'\n    {"id": ' + text + b", ", start - 1, end)
    if at < 0:
        return None
    line = data[at + 1 : data.index(b"\n", at + 1) + 1]
    found = parse_lines(io.BytesIO(line), 0, len(line))
    return found[0] if found else None
