"""The progress file's canonical layout, read and appended to fast.

:meth:`~roadmap_cli.progress.log.Progress.to_json_text` writes one event per line::

    {
      "schema": 1,
      "roadmap": "relearn-ai",
      "events": [
        {"id": "…", "at": "2026-11-30T12:00:00Z", "topic": "numpy", "status": "done"},
        {"id": "…", "at": "2026-11-30T12:00:00Z", "undo": ["…"]}
      ]
    }

:func:`read_canonical` reads a file of exactly that layout line by line, without building
the whole document as Python objects first, so memory stays near the file's size: a line
of the common shape (ASCII ids and topics, a status, a note, an undo, a batch; nothing
that JSON escapes; or another kind's plain string fields, such as a review rating) is
matched by a regular expression and becomes an :class:`~roadmap_cli.progress.events.Event`
without the checks such values cannot fail (:mod:`.fastread`); any other line goes
through ``json.loads`` and :meth:`Event.from_json`. The garbage
collector is paused meanwhile (the events are not cyclic). Whatever it does not
recognise — another layout (edited by hand), an older or newer schema, extra top-level
fields, a damaged line, events out of order or sharing an id — it answers None, and the
caller parses the file the general way, with its checks, migrations and error messages.

:mod:`roadmap_cli.progress.appending` is the other half: when the new events of a write
sort after every event of a canonical file, the new file is the old bytes with the new
lines inserted before the closing bracket — byte for byte what serialising every event
would give. :func:`read_canonical_file` and :func:`read_canonical_stream` read a file
line by line; nothing here prints.
"""

from __future__ import annotations

import dataclasses
import gc
import io
import json
import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any

from roadmap_cli.errors import NewerFormatError, ProgressFileError
from roadmap_cli.progress.appending import TAIL, StreamedFile, file_identity
from roadmap_cli.progress.events import PROGRESS_SCHEMA, Event, ShapeError
from roadmap_cli.progress.fastread import parse_lines
from roadmap_cli.progress.log import Progress
from roadmap_cli.support.i18n import _
from roadmap_cli.support.records import record

__all__ = [
    "CanonicalFile",
    "events_span",
    "ordered_progress",
    "read_canonical",
    "read_canonical_file",
    "read_canonical_stream",
]

_HEAD = re.compile(rb'\{\n  "schema": (\d+),\n  "roadmap": ("(?:[^"\\\n]|\\.)*"),\n  "events": ')
_TAIL = TAIL
#: From this many events on, what is in memory after reading is moved out of the cyclic
#: garbage collector's sight (``gc.freeze``).
FREEZE_AT = 10_000
#: Files from this size on are read line by line from the file (read_canonical_file).
_STREAM_FROM = 1 << 20
#: The most a canonical file's head (schema, roadmap id) can take.
_HEAD_BYTES = 4096


@record
class CanonicalFile:
    """A progress file read by :func:`read_canonical`.

    Attributes:
        progress: its contents, as the general parser would give them.
        data: the file's bytes, every line in the canonical layout (the next write may
            append to them, see :mod:`roadmap_cli.progress.appending`).
    """

    progress: Progress
    data: bytes


def read_canonical(data: bytes) -> CanonicalFile | None:
    """The progress in ``data`` if it has the canonical layout of the current schema and
    every event is valid, in time order and of a unique id; else None (parse it the
    general way: that one raises the right errors, migrates and keeps other layouts).

    The result equals what :meth:`Progress.from_json` gives for the same file, and
    ``data`` is exactly ``progress.to_json_text()`` encoded.
    """
    span = events_span(data)
    if span is None:
        return None
    roadmap, start, end = span
    if start == end:
        return CanonicalFile(ordered_progress(roadmap, []), data)
    events = _parse(io.BytesIO(data), start, end)
    if events is None:
        return None
    return CanonicalFile(ordered_progress(roadmap, events), data)


def read_canonical_file(path: Path) -> Progress | None:
    """The progress in the file ``path`` if it is canonical (as :func:`read_canonical`),
    read line by line from the file: its bytes are never all in memory at once, only
    the events made of them. None when it is not canonical, or too short to be worth it
    (read its bytes then).

    Raises:
        OSError: the file cannot be opened or read.
    """
    streamed = read_canonical_stream(path)
    return None if streamed is None else streamed[0]


def read_canonical_stream(path: Path) -> tuple[Progress, StreamedFile] | None:
    """As :func:`read_canonical_file`, with what a write needs to append to the file
    later without its bytes (:class:`~roadmap_cli.progress.appending.StreamedFile`).

    Raises:
        OSError: the file cannot be opened or read.
    """
    with path.open("rb") as stream:
        st = os.fstat(stream.fileno())
        size = st.st_size
        if size < _STREAM_FROM:
            return None
        head = stream.read(_HEAD_BYTES)
        stream.seek(size - len(_TAIL))
        span = events_span(head, size, stream.read())
        if span is None:
            return None
        roadmap, start, end = span
        events = _parse(stream, start, end)
    if events is None:
        return None
    return ordered_progress(roadmap, events), StreamedFile(path, file_identity(st))


def _parse(stream: IO[bytes], start: int, end: int) -> list[Event] | None:
    """:func:`~roadmap_cli.progress.fastread.parse_lines` with the cyclic garbage
    collector paused, and the events frozen out of its sight when there are many."""
    enabled = gc.isenabled()
    gc.disable()  # half a million small objects, none of them in a cycle
    try:
        events = parse_lines(stream, start, end)
    finally:
        if enabled:
            gc.enable()
    if events is not None and enabled and len(events) >= FREEZE_AT:
        # the events live until the command ends and hold no cycles: the collector need
        # not scan them again (each full collection would, and every object the fold,
        # the report or the schedule makes afterwards sets collections off). Frozen
        # objects are still freed by reference counting when they are dropped.
        gc.freeze()
    return events


def events_span(
    data: bytes, size: int | None = None, tail: bytes | None = None
) -> tuple[str, int, int] | None:
    """``(roadmap id, start, end)``: where the event lines of a file of the canonical
    layout of the current schema are (``data[start:end]``, one event a line, each ending
    in a newline; ``start == end`` for no events); None for another layout or schema.
    The lines themselves are not checked. ``data`` is the file's bytes, or its first
    bytes when ``size`` (of the whole file) and ``tail`` (its last bytes) are given.
    """
    size = len(data) if size is None else size
    tail = data[-len(_TAIL) :] if tail is None else tail
    head = _HEAD.match(data)
    if head is None or head.group(1) != str(PROGRESS_SCHEMA).encode():
        return None
    try:
        roadmap = json.loads(head.group(2))
    except ValueError:
        return None
    if type(roadmap) is not str or not roadmap or _roadmap_text(roadmap) != head.group(2):
        return None
    body = head.end()
    if size == body + 5 and data[body:] == b"[]\n}\n":
        return roadmap, body, body
    start, end = body + 2, size - len(_TAIL) + 1
    if data[body:start] != b"[\n" or tail[-len(_TAIL) :] != _TAIL or start >= end:
        return None
    return roadmap, start, end


def _roadmap_text(roadmap: str) -> bytes:
    return json.dumps(roadmap, ensure_ascii=False).encode("utf-8")


def ordered_progress(roadmap: str, events: list[Event]) -> Progress:
    """A Progress of ``events`` known to be in time order with unique ids (checked by
    the caller), made without checking them again; every other attribute at its
    default (schema :data:`PROGRESS_SCHEMA`, no extra fields)."""
    progress = object.__new__(Progress)
    for f in dataclasses.fields(Progress):
        if f.default is not dataclasses.MISSING:
            setattr(progress, f.name, f.default)
        elif f.default_factory is not dataclasses.MISSING:
            setattr(progress, f.name, f.default_factory())
    progress.roadmap = roadmap
    progress.events = events
    return progress


#: Upgrades of older progress files: ``MIGRATIONS[n]`` turns a schema-n document (a dict)
#: into a schema-(n+1) one. Applied in order when a file is read; the upgraded file is
#: written on the next change.
MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {}


def parse_progress(data: bytes, path: Path, roadmap_id: str | None = None) -> Progress:
    """Parse progress file contents, migrating an older schema.

    Args:
        data: the file's bytes.
        path: the file, for messages.
        roadmap_id: if given, the file must belong to this roadmap.

    Raises:
        ProgressFileError: empty, not UTF-8 JSON, a byte-order mark, the wrong shape, a newer
            schema, or another roadmap's progress. The message names the file and what to do.
    """
    fix = _(
        "restore a backup with 'roadmap progress restore', or move the file away to start afresh"
    )
    if not data.strip():
        raise ProgressFileError(path, _("the progress file is empty"), fix)
    if data.startswith(b"\xef\xbb\xbf"):
        raise ProgressFileError(
            path,
            _("the progress file starts with a UTF-8 byte-order mark (BOM)"),
            _("save it as UTF-8 without BOM, or run 'roadmap progress restore'"),
        )
    fast = read_canonical(data)  # the layout roadmap writes: line by line, lean
    if fast is not None and roadmap_id in (None, fast.progress.roadmap):
        return fast.progress
    try:
        raw = json.loads(data)
    except json.JSONDecodeError as exc:
        raise ProgressFileError(
            path,
            _("the progress file is not valid JSON (line {line}, column {column})").format(
                line=exc.lineno, column=exc.colno
            ),
            fix,
        ) from None
    except ValueError:  # not UTF-8
        raise ProgressFileError(path, _("the progress file is not UTF-8 JSON"), fix) from None
    except RecursionError:
        raise ProgressFileError(path, _("the progress file is nested too deeply"), fix) from None
    if not isinstance(raw, dict) or not isinstance(raw.get("events"), list):
        raise ProgressFileError(
            path, _("the progress file is not a roadmap progress file (no 'events' list)"), fix
        )
    schema = raw.get("schema")
    if not isinstance(schema, int) or isinstance(schema, bool) or schema < 1:
        raise ProgressFileError(
            path,
            _("the progress file has no valid 'schema' ({schema!r})").format(schema=schema),
            fix,
        )
    if schema > PROGRESS_SCHEMA:
        raise NewerFormatError(path, schema, PROGRESS_SCHEMA)
    while schema < PROGRESS_SCHEMA:
        raw = MIGRATIONS[schema](raw)
        schema = raw["schema"]
    try:
        progress = Progress.from_json(raw)
    except ShapeError as exc:
        raise ProgressFileError(
            path,
            _("the progress file has the wrong shape: {problem}").format(problem=exc.shown()),
            fix,
        ) from None
    if roadmap_id is not None and progress.roadmap != roadmap_id:
        raise ProgressFileError(
            path,
            _("the progress file belongs to roadmap {found!r}, not {expected!r}").format(
                found=progress.roadmap, expected=roadmap_id
            ),
            _("move it to a file named after its roadmap id"),
        )
    return progress
