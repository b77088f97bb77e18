"""The progress store: where progress files live, reading, migrating, and safe writing.

One JSON file per roadmap id, ``<data dir>/<roadmap id>.json``. The data dir is
``platformdirs.user_data_path("roadmap-cli")`` unless ``ROADMAP_DATA_DIR`` or
``--data-dir`` names another. Writes take an exclusive lock on ``<id>.json.lock`` for the
whole read-modify-write, write a temporary file in the same folder, fsync it and
``os.replace`` it over the old file, so a crash leaves the old or the new file, never a
broken one. The previous versions are kept as rotating backups in ``backups/``. Reads take
no lock.
"""

from __future__ import annotations

import contextlib
import copy
import os
from collections.abc import Callable, Iterator
from dataclasses import field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from roadmap_cli.errors import (
    LockTimeoutError,
    ProgressAccessError,
    ProgressFileError,
)
from roadmap_cli.progress.appending import StreamedFile, appender, file_identity, fresh_events
from roadmap_cli.progress.backups import _WRITE_HINT, BACKUP_COUNT, Backups, _fsync_dir
from roadmap_cli.progress.datadir import default_data_dir
from roadmap_cli.progress.events import Event
from roadmap_cli.progress.fileformat import (
    MIGRATIONS,
    ordered_progress,
    parse_progress,
    read_canonical,
    read_canonical_stream,
)
from roadmap_cli.progress.log import Progress
from roadmap_cli.support import notices
from roadmap_cli.support.atomic import make_temp
from roadmap_cli.support.i18n import N_, _
from roadmap_cli.support.records import record

if TYPE_CHECKING:
    from roadmap_cli.progress.tailread import Tail

__all__ = [
    "BACKUP_COUNT",
    "LOCK_TIMEOUT",
    "MIGRATIONS",
    "ProgressStore",
    "default_data_dir",
    "parse_progress",
]

#: Seconds a write waits for another ``roadmap`` process to release the lock (50 writers
#: at once on two busy cores each hold it a fraction of a second, one after another).
LOCK_TIMEOUT = 120.0
#: Seconds of waiting after which :data:`roadmap_cli.notices.WAIT_NOTICE` is called, once
#: (the CLI says on stderr that it is waiting; the store itself never prints).
LOCK_NOTICE_AFTER = 2.0


T = TypeVar("T")


@record
class ProgressStore(Backups):
    """The progress of one roadmap, stored in ``data_dir / f"{roadmap_id}.json"``.

    Raises:
        ProgressFileError: ``roadmap_id`` is not ``[a-z0-9][a-z0-9-]*`` (checked again
            here, whatever loaded the roadmap, before any path is built from it).
    """

    data_dir: Path
    roadmap_id: str
    #: What this store last wrote: the file's identity after the write and the progress
    #: written, so the ``load()`` that follows an ``update()`` does not parse it again.
    _written: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        from roadmap_cli.roadmap.model import is_valid_id

        if not is_valid_id(self.roadmap_id):
            raise ProgressFileError(
                self.data_dir,
                _("roadmap id {id!r} cannot name a progress file").format(id=self.roadmap_id),
                _("give the roadmap an id of lower-case letters, digits and '-'"),
            )

    @property
    def path(self) -> Path:
        """The progress file."""
        return self.data_dir / f"{self.roadmap_id}.json"

    @property
    def lock_path(self) -> Path:
        """The lock file taken for every write."""
        return self.data_dir / f"{self.roadmap_id}.json.lock"

    @property
    def backup_dir(self) -> Path:
        """Where rotating backups are kept."""
        return self.data_dir / "backups"

    def backup_paths(self) -> list[Path]:
        """Backups that exist, newest first (``<id>.json.1`` is the newest)."""
        candidates = (self.backup_dir / f"{self.roadmap_id}.json.{n}" for n in range(1, 100))
        return [p for p in candidates if p.is_file()]

    def exists(self) -> bool:
        """Whether a progress file has been written yet."""
        return self.path.exists()

    def load(self) -> Progress:
        """Read the progress file (no lock); an absent file is empty progress.

        Raises:
            ProgressFileError: the file is unreadable or damaged (see :func:`parse_progress`).
        """
        written = self._written.get("file")
        if written is not None and written[0] == _identity(self.path):  # unchanged since
            progress: Progress = written[1]
            clone = copy.copy(progress)  # already in order: no checks to run again
            clone.events = list(progress.events)
            return clone
        return self._read(self.path)

    def load_tail(self, since: datetime | None, limit: int | None) -> Tail | None:
        """The newest events of the progress file read from its end (see
        :func:`~roadmap_cli.progress.tailread.read_tail`): those at or after ``since``
        (aware), at most ``limit`` of them. None when the file is absent, not of the
        canonical layout or not in order: then :meth:`load` it.

        Raises:
            ProgressFileError: the file cannot be read.
        """
        from roadmap_cli.progress.tailread import read_tail

        if "file" in self._written:  # written by this process: load() has it
            return None
        data = self._bytes(self.path)
        tail = read_tail(data, since, limit) if data is not None else None
        return tail if tail is not None and tail.roadmap == self.roadmap_id else None

    def _read(self, path: Path) -> Progress:
        keep = path == self.path and "read" in self._written  # update() appends to it
        if path == self.path:
            streamed = self._io(path, read_canonical_stream)  # line by line: lean
            if streamed is not None and streamed[0].roadmap == self.roadmap_id:
                if keep:
                    self._written["read"] = streamed
                return streamed[0]
        data = self._bytes(path)
        if data is None:
            return Progress(roadmap=self.roadmap_id)
        fast = read_canonical(data) if path == self.path else None
        if fast is not None and fast.progress.roadmap == self.roadmap_id:
            if keep:
                self._written["read"] = (fast.progress, fast.data)
            return fast.progress
        return parse_progress(data, path, self.roadmap_id)

    def _bytes(self, path: Path) -> bytes | None:
        """The file's bytes, None if it does not exist.

        Raises:
            ProgressFileError: a folder, no permission, or another read error.
        """
        return self._io(path, Path.read_bytes)

    def _io(self, path: Path, read: Callable[[Path], T]) -> T | None:
        """``read(path)``, None if the file does not exist.

        Raises:
            ProgressFileError: a folder, no permission, or another read error.
        """
        try:
            return read(path)
        except FileNotFoundError:
            return None
        except IsADirectoryError:
            raise ProgressFileError(
                path, _("is a folder, not a progress file"), _("move the folder away")
            ) from None
        except PermissionError:
            raise ProgressAccessError(
                path,
                _("no permission to read the progress file"),
                _("check its owner and mode to fix its permissions (chmod u+rw {path})").format(
                    path=path
                ),
            ) from None
        except NotADirectoryError:
            raise ProgressFileError(path.parent, _(_NOT_A_FOLDER), _(_NOT_A_FOLDER_HINT)) from None
        except OSError as exc:
            raise ProgressAccessError(
                path,
                _("cannot read the progress file ({reason})").format(reason=exc.strerror),
                _("check the disk and the file; 'roadmap progress restore' brings back a backup"),
            ) from None

    def update(self, change: Callable[[Progress], T]) -> T:
        """Apply ``change`` to the progress under the write lock and save the result.

        The file is read again inside the lock, so concurrent writers never lose each
        other's events. If ``change`` raises, or adds no event, nothing is written.

        Raises:
            LockTimeoutError: another process held the lock for :data:`LOCK_TIMEOUT` s.
            ProgressFileError: the file is damaged (it is left untouched) or cannot be written.
        """
        with self._locked():
            self._written["read"] = None  # keep what was read to append to (see _read)
            progress = self.load()
            read = self._written.pop("read", None)
            before = list(progress.events)
            result = change(progress)
            if progress.events != before:
                source = read[1] if read is not None and read[0] is progress else None
                self._save(progress, fresh_events(before, progress.events), before, source)
            return result

    def replace(self, progress: Progress) -> None:
        """Write ``progress`` as the whole file, under the lock (used by restore)."""
        with self._locked():
            self._save(progress)

    def locked(self) -> contextlib.AbstractContextManager[None]:
        """Hold the write lock (no write): for a process, such as ``roadmap sync``, that
        replaces the file by other means while no ``roadmap`` command may write it.

        Raises:
            LockTimeoutError, ProgressFileError: as :meth:`update`.
        """
        return self._locked()

    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        from roadmap_cli.support.locking import FileLock, LockTimeout

        self._ensure_dir()
        lock = FileLock(self.lock_path, timeout=LOCK_TIMEOUT)
        try:
            first = min(LOCK_NOTICE_AFTER, LOCK_TIMEOUT)
            try:
                lock.acquire(timeout=first)
            except LockTimeout:
                if first >= LOCK_TIMEOUT:
                    raise
                from roadmap_cli.support import notices

                if notices.WAIT_NOTICE is not None:
                    notices.WAIT_NOTICE(self.lock_path)
                lock.acquire(timeout=LOCK_TIMEOUT - first)
        except LockTimeout:
            raise LockTimeoutError(
                self.path,
                _("another roadmap command has held the write lock for {seconds} s").format(
                    seconds=f"{LOCK_TIMEOUT:.0f}"
                ),
                _("wait for it to finish; if none is running, delete {path}").format(
                    path=self.lock_path
                ),
            ) from None
        except OSError as exc:
            raise ProgressFileError(
                self.lock_path,
                _("cannot take the write lock ({reason})").format(reason=exc.strerror),
                _(_WRITE_HINT),
            ) from None
        try:
            self._remove_stale_temporaries()
            yield
        finally:
            lock.release()

    def _ensure_dir(self) -> None:
        if self.data_dir.exists() and not self.data_dir.is_dir():
            raise ProgressFileError(self.data_dir, _(_NOT_A_FOLDER), _(_NOT_A_FOLDER_HINT))
        try:
            self.data_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise ProgressFileError(
                self.data_dir,
                _("cannot create the data folder ({reason})").format(reason=exc.strerror),
                _(_WRITE_HINT),
            ) from None

    def _remove_stale_temporaries(self) -> None:
        """Delete temporary files a killed writer left (we hold the lock, so none is live)."""
        for stale in self.data_dir.glob(f".{self.roadmap_id}.json.*.tmp"):
            with contextlib.suppress(OSError):
                stale.unlink()

    def _save(
        self,
        progress: Progress,
        fresh: list[Event] | None = None,
        before: list[Event] | None = None,
        source: bytes | StreamedFile | None = None,
        *,
        rotate: bool = True,
    ) -> None:
        """Write ``progress`` atomically. It is checked first by reading its text back:
        only the ``fresh`` events (those not read from the file) when given, else all.
        ``source``, the canonical file as read (its bytes, or the file read line by
        line; its events ``before``), lets the ``fresh`` events that sort after them be
        appended to it instead of serialising every event (the same bytes, see
        :mod:`~roadmap_cli.progress.appending`).

        The file it replaces becomes the newest backup (``rotate``), but only once the
        replace has succeeded: a failed write changes nothing, backups included. The
        previous file is first hard-linked (or copied) to a pending name in ``backups/``;
        the numbered backups shift after the replace. A crash in between leaves a pending
        file (taken up by the next write) or a gap in the numbers, never a lost version."""
        append = None
        if source is not None and before is not None and fresh:
            append = appender(source, before, fresh, progress)
        if fresh is not None:
            check = Progress(roadmap=self.roadmap_id, events=fresh).to_json_text().encode("utf-8")
        else:
            check = progress.to_json_text().encode("utf-8")
        parse_progress(check, self.path, self.roadmap_id)  # validate first
        del check
        if self.path.is_dir():
            raise ProgressFileError(
                self.path, _("is a folder, not a progress file"), _("move it away")
            )
        # a progress file that is a symlink (into a synced folder, say) stays one: the
        # file it points to is replaced, in its own folder
        target = Path(os.path.realpath(self.path)) if self.path.is_symlink() else self.path
        tmp: Path | None = None
        pending = self._pending_backup() if rotate else None
        try:
            fd, tmp = make_temp(target.parent, f".{self.roadmap_id}.json.", ".tmp")
            with os.fdopen(fd, "wb") as handle:
                if append is None or not append(handle):
                    append = None  # the whole progress, serialised
                    handle.seek(0)
                    handle.truncate()
                    handle.write(progress.to_json_text().encode("utf-8"))
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp, target)
            notices.SAVED.append(self.path)
        except OSError as exc:
            if pending is not None:  # the write failed: the backups stay as they were
                with contextlib.suppress(OSError):
                    pending.unlink()
            raise ProgressFileError(
                self.path,
                _("cannot write the progress file ({reason})").format(reason=exc.strerror),
                _(_WRITE_HINT),
            ) from None
        finally:
            if tmp is not None:  # gone after a successful replace
                with contextlib.suppress(OSError):
                    tmp.unlink(missing_ok=True)
        _fsync_dir(target.parent)
        if pending is not None:
            self._rotate_backups(pending)
        # as reading the file back would give it: duplicate ids merged, in time order
        if append is not None:  # in order, ids unique: checked on the way
            canonical = ordered_progress(progress.roadmap, list(progress.events))
        else:
            canonical = Progress(
                schema_version=progress.schema_version,
                roadmap=progress.roadmap,
                events=list(progress.events),
            )
        self._written["file"] = (_identity(self.path), canonical)


_NOT_A_FOLDER = N_("is not a folder (it should hold your progress)")
_NOT_A_FOLDER_HINT = N_("move that file away, or choose another folder with --data-dir")


def _identity(path: Path) -> tuple[int, ...] | None:
    """:func:`~roadmap_cli.progress.appending.file_identity` of ``path``, None if it
    cannot be read."""
    try:
        return file_identity(path.stat())
    except OSError:
        return None
