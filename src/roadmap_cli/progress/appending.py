"""Writing a canonical progress file by appending: the new event lines go before the
closing bracket of the file as read, instead of serialising every event again.

A write (``roadmap done``) reads the file, adds one event and writes the whole file
anew. When the new events sort after every event read, the new file is the old bytes with
the new lines inserted before ``\\n  ]\\n}\\n`` — byte for byte what
:meth:`~roadmap_cli.progress.log.Progress.to_json_text` would give. The old bytes come
from what was read: a small file's bytes kept in memory, or, for a file read line by line
(:func:`~roadmap_cli.progress.fileformat.read_canonical_stream`), copied from the file
itself in chunks, so a write of 500,000 events holds the events and never the file's
bytes twice over. This module prints nothing.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import BinaryIO

from roadmap_cli.progress.events import PROGRESS_SCHEMA, Event
from roadmap_cli.progress.log import Progress
from roadmap_cli.support.records import record

__all__ = [
    "TAIL",
    "StreamedFile",
    "appended_text",
    "appender",
    "file_identity",
    "fresh_events",
    "inserted_lines",
]

#: How a canonical file ends: the last event line's newline, the closing bracket, brace.
TAIL = b"\n  ]\n}\n"
SEPARATOR = b",\n    "
_CHUNK = 1 << 20


def file_identity(st: os.stat_result) -> tuple[int, ...]:
    """What changes whenever a file is replaced or written: device, inode, size, and
    modification and change times (ns)."""
    return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)


@record
class StreamedFile:
    """A canonical progress file read line by line: what a write needs to append to it
    without its bytes.

    Attributes:
        path: the file read.
        identity: :func:`file_identity` of the file when it was read; the append is
            made only if the file is still the same.
    """

    path: Path
    identity: tuple[int, ...]


def fresh_events(before: list[Event], events: list[Event]) -> list[Event]:
    """The events of ``events`` (after a change) that are not in ``before`` (by
    identity): its tail when the change only added events at the end, as most do."""
    n = len(before)
    if len(events) >= n and events[:n] == before:  # identity first: fast when unchanged
        return events[n:]
    old = {id(e) for e in before}
    return [e for e in events if id(e) not in old]


def inserted_lines(old: Sequence[Event], new: Sequence[Event], progress: Progress) -> bytes | None:
    """The bytes to insert before a canonical file's :data:`TAIL` when its events were
    ``old`` and ``progress`` (the result of the change) is exactly ``old`` then ``new``,
    the new ones in time order after every old one; None when it is not so (serialise
    the whole progress instead)."""
    if not old or not new or progress.extra or progress.schema_version != PROGRESS_SCHEMA:
        return None
    events = progress.events
    if len(events) != len(old) + len(new):
        return None
    n = len(old)
    if events[n - 1] is not old[-1] or events[:n] != old:  # (compares by identity first)
        return None
    if any(a is not b for a, b in zip(events[n:], new, strict=True)):
        return None
    if any(b.sort_key() <= a.sort_key() for a, b in zip(events[n - 1 : -1], new, strict=True)):
        return None
    return SEPARATOR + SEPARATOR.join(e.to_json_line().encode("utf-8") for e in new)


def appended_text(
    data: bytes, old: Sequence[Event], new: Sequence[Event], progress: Progress
) -> bytes | None:
    """The file after adding ``new`` to a canonical file ``data`` whose events are
    ``old`` (see :func:`inserted_lines`), or None. The result equals
    ``progress.to_json_text().encode()``."""
    inserted = inserted_lines(old, new, progress) if data.endswith(TAIL) else None
    return None if inserted is None else b"".join((data[: -len(TAIL)], inserted, TAIL))


def appender(
    source: bytes | StreamedFile, old: Sequence[Event], new: Sequence[Event], progress: Progress
) -> Callable[[BinaryIO], bool] | None:
    """A function that writes the new file into an open binary file by appending ``new``
    to ``source`` (the bytes or the file read, whose events are ``old``), and answers
    whether it could; None when appending does not give the right file (see
    :func:`inserted_lines`). When the function answers False, what it wrote must be
    discarded (the file read changed since: serialise the whole progress).

    Raises (the function):
        OSError: the new file cannot be written.
    """
    if isinstance(source, bytes) and not source.endswith(TAIL):
        return None
    inserted = inserted_lines(old, new, progress)
    if inserted is None:
        return None
    if isinstance(source, bytes):
        return partial(_write_kept, memoryview(source)[: -len(TAIL)], inserted)
    return partial(_copy_appended, source, inserted)


def _contents(identity: tuple[int, ...]) -> tuple[int, ...]:
    """The part of a :func:`file_identity` that changes with the file's contents: not its
    change time, which the hard link of a backup (made before the write) moves."""
    return identity[:4]


def _write_kept(kept: memoryview, inserted: bytes, handle: BinaryIO) -> bool:
    handle.write(kept)
    handle.write(inserted)
    handle.write(TAIL)
    return True


def _copy_appended(source: StreamedFile, inserted: bytes, handle: BinaryIO) -> bool:
    """Copy ``source`` but its tail into ``handle`` in chunks, then ``inserted`` and the
    tail; False (something may have been written) when the file is gone, changed since
    it was read, or does not end as a canonical file."""
    try:
        stream = source.path.open("rb")
    except OSError:
        return False
    with stream:
        st = os.fstat(stream.fileno())
        if _contents(file_identity(st)) != _contents(source.identity) or st.st_size < len(TAIL):
            return False
        stream.seek(st.st_size - len(TAIL))
        if stream.read() != TAIL:
            return False
        stream.seek(0)
        left = st.st_size - len(TAIL)
        while left:
            chunk = stream.read(min(left, _CHUNK))
            if not chunk:
                return False
            handle.write(chunk)
            left -= len(chunk)
    handle.write(inserted)
    handle.write(TAIL)
    return True
