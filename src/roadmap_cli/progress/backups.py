"""The backups of a progress file: kept on every write (rotated only once the write has
succeeded), restored by ``roadmap progress restore``, and the damaged file set aside.

:class:`Backups` is the part of :class:`~roadmap_cli.progress.store.ProgressStore` that
handles them; it uses the store's ``path``, ``backup_dir``, ``backup_paths`` and ``_read``.
"""

from __future__ import annotations

import contextlib
import os
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from roadmap_cli.errors import (
    ProgressFileError,
)
from roadmap_cli.progress.events import Event
from roadmap_cli.progress.log import Progress
from roadmap_cli.support.i18n import N_, _

__all__ = ["BACKUP_COUNT", "Backups"]

#: How many previous versions of a progress file are kept in ``backups/``.
BACKUP_COUNT = 5


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


_WRITE_HINT = N_("check that the data folder is writable, or choose another with --data-dir")


class Backups:
    """Backup handling of a progress store (see the module docstring)."""

    if TYPE_CHECKING:
        roadmap_id: str

        @property
        def path(self) -> Path: ...

        @property
        def backup_dir(self) -> Path: ...

        def backup_paths(self) -> list[Path]: ...

        def _read(self, path: Path) -> Progress: ...

        def _locked(self) -> contextlib.AbstractContextManager[None]: ...

        def _save(
            self,
            progress: Progress,
            fresh: list[Event] | None = None,
            before: list[Event] | None = None,
            data: bytes | None = None,
            *,
            rotate: bool = True,
        ) -> None: ...

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
