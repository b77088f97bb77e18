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
import json
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

from roadmap_cli.errors import (
    LockTimeoutError,
    NewerFormatError,
    ProgressAccessError,
    ProgressFileError,
)
from roadmap_cli.progress.events import PROGRESS_SCHEMA, Event, ShapeError
from roadmap_cli.progress.fileformat import appended_text, ordered_progress, read_canonical
from roadmap_cli.progress.log import Progress
from roadmap_cli.support.i18n import N_, _

__all__ = [
    "BACKUP_COUNT",
    "LOCK_TIMEOUT",
    "MIGRATIONS",
    "ProgressStore",
    "default_data_dir",
    "parse_progress",
]

#: How many previous versions of a progress file are kept in ``backups/``.
BACKUP_COUNT = 5
#: Seconds a write waits for another ``roadmap`` process to release the lock (50 writers
#: at once on two busy cores each hold it a fraction of a second, one after another).
LOCK_TIMEOUT = 120.0
#: Seconds of waiting after which :data:`roadmap_cli.notices.WAIT_NOTICE` is called, once
#: (the CLI says on stderr that it is waiting; the store itself never prints).
LOCK_NOTICE_AFTER = 2.0

#: Upgrades of older progress files: ``MIGRATIONS[n]`` turns a schema-n document (a dict)
#: into a schema-(n+1) one. Applied in order when a file is read; the upgraded file is
#: written on the next change.
MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {}

T = TypeVar("T")


def default_data_dir() -> Path:
    """The folder progress lives in: ``ROADMAP_DATA_DIR`` if set, else
    ``platformdirs.user_data_path("roadmap-cli")``."""
    env = os.environ.get("ROADMAP_DATA_DIR")
    if env:
        return Path(env).expanduser()
    import platformdirs

    return platformdirs.user_data_path("roadmap-cli", appauthor=False)


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
            path, _("the progress file has the wrong shape: {problem}").format(problem=exc), fix
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


@dataclass(frozen=True)
class ProgressStore:
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

    def _read(self, path: Path) -> Progress:
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            return Progress(roadmap=self.roadmap_id)
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
        fast = read_canonical(data) if path == self.path else None
        if fast is not None and fast.progress.roadmap == self.roadmap_id:
            if "read" in self._written:  # update() asks for the bytes, to append to them
                self._written["read"] = (fast.progress, fast.data)
            return fast.progress
        return parse_progress(data, path, self.roadmap_id)

    def update(self, change: Callable[[Progress], T]) -> T:
        """Apply ``change`` to the progress under the write lock and save the result.

        The file is read again inside the lock, so concurrent writers never lose each
        other's events. If ``change`` raises, or adds no event, nothing is written.

        Raises:
            LockTimeoutError: another process held the lock for :data:`LOCK_TIMEOUT` s.
            ProgressFileError: the file is damaged (it is left untouched) or cannot be written.
        """
        with self._locked():
            self._written["read"] = None  # keep the bytes read (see _read)
            progress = self.load()
            read = self._written.pop("read", None)
            before = list(progress.events)
            result = change(progress)
            if progress.events != before:
                old = {id(e) for e in before}
                fresh = [e for e in progress.events if id(e) not in old]
                data = read[1] if read is not None and read[0] is progress else None
                self._save(progress, fresh, before if data is not None else None, data)
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
        from filelock import FileLock, Timeout

        self._ensure_dir()
        import tempfile  # noqa: F401 - imported before the lock: _save needs it inside

        lock = FileLock(str(self.lock_path), timeout=LOCK_TIMEOUT)
        try:
            first = min(LOCK_NOTICE_AFTER, LOCK_TIMEOUT)
            try:
                lock.acquire(timeout=first)
            except Timeout:
                if first >= LOCK_TIMEOUT:
                    raise
                from roadmap_cli.support import notices

                if notices.WAIT_NOTICE is not None:
                    notices.WAIT_NOTICE(self.lock_path)
                lock.acquire(timeout=LOCK_TIMEOUT - first)
        except Timeout:
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
        data: bytes | None = None,
        *,
        rotate: bool = True,
    ) -> None:
        """Write ``progress`` atomically. It is checked first by reading its text back:
        only the ``fresh`` events (those not read from the file) when given, else all.
        ``data``, the canonical file's bytes as read (events ``before``), lets the
        ``fresh`` events that sort after them be appended to it instead of serialising
        every event (the same bytes, see :func:`appended_text`).

        The file it replaces becomes the newest backup (``rotate``), but only once the
        replace has succeeded: a failed write changes nothing, backups included. The
        previous file is first hard-linked (or copied) to a pending name in ``backups/``;
        the numbered backups shift after the replace. A crash in between leaves a pending
        file (taken up by the next write) or a gap in the numbers, never a lost version."""
        appended = None
        if data is not None and before is not None and fresh:
            appended = appended_text(data, before, fresh, progress)
        text = progress.to_json_text().encode("utf-8") if appended is None else appended
        if fresh is not None:
            check = Progress(roadmap=self.roadmap_id, events=fresh).to_json_text().encode("utf-8")
        else:
            check = text
        parse_progress(check, self.path, self.roadmap_id)  # validate first
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
            import tempfile  # here: commands that only read never need it

            fd, tmp_name = tempfile.mkstemp(
                dir=target.parent, prefix=f".{self.roadmap_id}.json.", suffix=".tmp"
            )
            tmp = Path(tmp_name)
            with os.fdopen(fd, "wb") as handle:
                handle.write(text)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp, target)
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
        if appended is not None:  # in order, ids unique: checked on the way
            canonical = ordered_progress(progress.roadmap, list(progress.events))
        else:
            canonical = Progress(
                schema_version=progress.schema_version,
                roadmap=progress.roadmap,
                events=list(progress.events),
            )
        self._written["file"] = (_identity(self.path), canonical)

    @property
    def _pending_path(self) -> Path:
        return self.backup_dir / f".{self.roadmap_id}.json.pending"

    def _pending_backup(self) -> Path | None:
        """Link (or copy) the current file to the pending backup name, before it is
        replaced; None when there is no file yet.

        Raises:
            ProgressFileError: the backup folder cannot be written (nothing changed).
        """
        if not self.path.is_file():
            return None
        pending = self._pending_path
        current = Path(os.path.realpath(self.path))  # the file itself, not a symlink
        try:
            self.backup_dir.mkdir(exist_ok=True)
            if pending.exists():  # a killed writer's (we hold the lock)
                if _same_bytes(pending, current):  # killed before its replace
                    pending.unlink()
                else:  # killed after its replace: the version it replaced is kept
                    self._rotate_backups(pending)
            try:
                os.link(current, pending)
            except OSError:
                import shutil

                shutil.copy2(current, pending)
        except OSError as exc:
            raise ProgressFileError(
                self.backup_dir, f"cannot keep a backup ({exc.strerror})", _WRITE_HINT
            ) from None
        return pending

    def _rotate_backups(self, pending: Path) -> None:
        """Shift the numbered backups up by one (the oldest beyond :data:`BACKUP_COUNT`
        drops off) and make ``pending`` the newest. Runs after a successful replace: the
        new version is already safe, so a failure here is not reported."""
        base = self.backup_dir / f"{self.roadmap_id}.json"
        with contextlib.suppress(OSError):
            for n in range(BACKUP_COUNT - 1, 0, -1):
                older = Path(f"{base}.{n}")
                if older.exists():
                    os.replace(older, f"{base}.{n + 1}")
            os.replace(pending, f"{base}.1")
            _fsync_dir(self.backup_dir)

    def restore_backup(self, backup: Path, progress: Progress) -> Path | None:
        """Under the lock, make ``progress`` (read from ``backup``) the progress file.

        The file it replaces (if any) is kept as ``backups/<id>.json.replaced-<UTC
        time>``, outside the rotation; ``backup`` leaves the rotation (it is the file
        now) and the older backups move up one number. So a repeated restore goes one
        version further back each time, and no version is dropped. Returns where the
        replaced file was kept, or None.

        Raises:
            ProgressFileError, LockTimeoutError: the file cannot be written (nothing
                changed).
        """
        with self._locked():
            kept = None
            if self.path.is_file():
                kept = self._keep_replaced()
            try:
                self._save(progress, rotate=False)
            except ProgressFileError:
                if kept is not None:
                    with contextlib.suppress(OSError):
                        kept.unlink()
                raise
            base = self.backup_dir / f"{self.roadmap_id}.json"
            number = int(backup.suffix.lstrip("."))
            with contextlib.suppress(OSError):
                backup.unlink()
                for n in range(number + 1, 100):
                    older = Path(f"{base}.{n}")
                    if not older.exists():
                        break
                    os.replace(older, f"{base}.{n - 1}")
            return kept

    def _keep_replaced(self) -> Path:
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        current = Path(os.path.realpath(self.path))
        try:
            self.backup_dir.mkdir(exist_ok=True)
            for n in range(1, 1000):
                suffix = "" if n == 1 else f"-{n}"
                kept = self.backup_dir / f"{self.roadmap_id}.json.replaced-{stamp}{suffix}"
                try:
                    os.link(current, kept)
                    return kept
                except FileExistsError:
                    continue
                except OSError:
                    import shutil

                    if not kept.exists():
                        shutil.copy2(current, kept)
                        return kept
            raise FileExistsError(17, "too many kept files", str(kept))
        except OSError as exc:
            raise ProgressFileError(
                self.backup_dir,
                _("cannot keep the current file ({reason})").format(reason=exc.strerror),
                _(_WRITE_HINT),
            ) from None

    def newest_readable_backup(self) -> tuple[Path, Progress] | None:
        """The newest backup that parses, with its contents, or None."""
        for path in self.backup_paths():
            try:
                return path, self._read(path)
            except ProgressFileError:
                continue
        return None

    def set_aside_damaged(self) -> Path | None:
        """Rename a damaged progress file to ``<id>.json.damaged-<UTC time>`` (kept, never
        deleted) and return the new path; None when there is no file."""
        if not self.path.exists():
            return None
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        target = self.path.with_name(f"{self.path.name}.damaged-{stamp}")
        os.replace(self.path, target)
        return target


_WRITE_HINT = N_("check that the data folder is writable, or choose another with --data-dir")
_NOT_A_FOLDER = N_("is not a folder (it should hold your progress)")
_NOT_A_FOLDER_HINT = N_("move that file away, or choose another folder with --data-dir")


def _identity(path: Path) -> tuple[int, ...] | None:
    """What changes whenever a file is replaced or written: inode, size, times (ns)."""
    try:
        st = path.stat()
    except OSError:
        return None
    return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)


def _same_bytes(a: Path, b: Path) -> bool:
    """Whether two files hold the same bytes (the same file counts)."""
    try:
        if os.path.samefile(a, b):
            return True
        return a.read_bytes() == b.read_bytes()
    except OSError:
        return False


def _fsync_dir(folder: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
