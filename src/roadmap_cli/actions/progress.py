"""Carrying progress between machines: export a copy, merge a copy back, and restore the
newest readable backup. The core of ``roadmap progress export|merge|restore``.

Merging is the union of both copies' events by id
(:func:`roadmap_cli.progress.log.merge_events`), so it is commutative and idempotent:
merging the same copy twice changes nothing, and a sync service's conflict copy
("relearn-ai (conflicted copy).json") merges cleanly.
"""

from __future__ import annotations

from dataclasses import field
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from roadmap_cli.errors import (
    NewerFormatError,
    ProgressAccessError,
    ProgressFileError,
    RoadmapError,
)
from roadmap_cli.support.i18n import N_, _, ngettext
from roadmap_cli.support.records import record

if TYPE_CHECKING:
    from roadmap_cli.progress.log import Progress
    from roadmap_cli.progress.store import ProgressStore

__all__ = [
    "ExportResult",
    "MergeResult",
    "RestoreResult",
    "export_document",
    "export_progress",
    "merge_progress",
    "read_copy",
    "restore_progress",
]


@record(frozen=False)
class ExportResult:
    """``progress export FILE``: the copy written and how many events it holds."""

    path: Path
    roadmap_id: str
    events: int
    replaced: bool

    def to_json(self) -> dict[str, Any]:
        """``{file, roadmap, events, replaced}``."""
        return {
            "file": str(self.path),
            "roadmap": self.roadmap_id,
            "events": self.events,
            "replaced": self.replaced,
        }


@record(frozen=False)
class MergeResult:
    """``progress merge FILE``: how many of the copy's events were new to our progress,
    the topics they touch, and the event count before and after."""

    path: Path
    progress_file: Path
    roadmap_id: str
    new: int
    before: int
    after: int
    topics: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        """``{file, progress_file, roadmap, new_events, events_before, events_after,
        topics}``."""
        return {
            "file": str(self.path),
            "progress_file": str(self.progress_file),
            "roadmap": self.roadmap_id,
            "new_events": self.new,
            "events_before": self.before,
            "events_after": self.after,
            "topics": self.topics,
        }


@record(frozen=False)
class RestoreResult:
    """``progress restore``: the backup brought back (``backup``: the name it had; it has
    left the rotation), and where the file
    it replaced went: ``damaged`` (set aside, kept) or ``kept_as`` (kept outside the
    rotation, ``backups/<id>.json.replaced-<UTC time>``)."""

    progress_file: Path
    backup: Path
    events: int
    damaged: Path | None
    kept_as: Path | None

    def to_json(self) -> dict[str, Any]:
        """``{progress_file, restored_from, events, damaged_file_moved_to,
        previous_file_kept_as}``."""
        return {
            "progress_file": str(self.progress_file),
            "restored_from": str(self.backup),
            "events": self.events,
            "damaged_file_moved_to": str(self.damaged) if self.damaged else None,
            "previous_file_kept_as": str(self.kept_as) if self.kept_as else None,
        }


def export_progress(store: ProgressStore, path: Path, force: bool = False) -> ExportResult:
    """Write a copy of the progress to ``path`` (atomically).

    Raises:
        ProgressFileError: our progress file is unreadable (nothing is written).
        RoadmapError: ``path`` exists and ``force`` is False, or cannot be written.
    """
    from roadmap_cli.support.atomic import write_file

    progress = store.load()
    existed = path.exists()
    write_file(path, progress.to_json_text(), force=force, what=N_("progress copy"))
    return ExportResult(path, store.roadmap_id, len(progress.events), existed)


def export_document(store: ProgressStore) -> str:
    """The progress as the text a copy holds (``progress export -`` prints it), with
    characters that could act on a terminal escaped (still the same JSON).

    Raises:
        ProgressFileError: our progress file is unreadable.
    """
    from roadmap_cli.support.textsafe import safe_json

    return safe_json(store.load().to_json_text())


def read_copy(path: Path, roadmap_id: str) -> Progress:
    """Read a progress copy to merge; it must belong to ``roadmap_id``.

    Raises:
        ProgressFileError: missing, unreadable, damaged, or another roadmap's (exit 1).
    """
    from roadmap_cli.progress.fileformat import parse_progress

    again = _("export it again on the other machine ('roadmap progress export FILE')")
    from roadmap_cli.support.capped import MAX_PROGRESS_BYTES, TooLargeError, read_capped

    try:
        data = read_capped(path, MAX_PROGRESS_BYTES)
    except TooLargeError as exc:
        raise ProgressFileError(
            path,
            _(
                "larger than {n} MB (or endless, like /dev/zero): "
                "not a progress copy; nothing was merged"
            ).format(n=exc.limit // (1024 * 1024)),
            again,
        ) from None
    except FileNotFoundError:
        raise ProgressFileError(path, _("no such file"), _("check the path")) from None
    except OSError as exc:
        raise ProgressFileError(
            path, _("cannot read it ({reason})").format(reason=exc.strerror)
        ) from None
    try:
        copy = parse_progress(data, path)
    except NewerFormatError:
        raise
    except ProgressFileError as exc:
        message = exc.message.removeprefix(f"{path}: ")
        raise ProgressFileError(path, message, again) from None
    if copy.roadmap != roadmap_id:
        raise ProgressFileError(
            path,
            _("this is progress of roadmap {found!r}, not of {expected!r} in use").format(
                found=copy.roadmap, expected=roadmap_id
            ),
            _("merge it with the roadmap it belongs to: {command}").format(
                command=f"roadmap --roadmap FILE progress merge {path}"
            ),
        )
    return copy


#: Events of a copy may be this far ahead of our clock (time zones, clock drift).
FUTURE_SLACK = timedelta(days=1)


def _refuse_future(copy: Progress, path: Path) -> None:
    """Raise ProgressFileError when ``copy`` holds events dated more than
    :data:`FUTURE_SLACK` after now (UTC), naming the first such event's date."""
    from roadmap_cli.support.clock import now_utc

    limit = now_utc() + FUTURE_SLACK
    future = [e for e in copy.events if e.at > limit]
    if future:
        first = min(future, key=lambda e: e.at)
        raise ProgressFileError(
            path,
            ngettext(
                "refusing to merge: {n} event dated in the future (the first on {date}); "
                "nothing was merged",
                "refusing to merge: {n} events dated in the future (the first on {date}); "
                "nothing was merged",
                len(future),
            ).format(n=len(future), date=first.at.date().isoformat()),
            _("check that machine's clock and date, then export the progress again"),
        )


def merge_progress(store: ProgressStore, path: Path) -> MergeResult:
    """Merge the copy at ``path`` into our progress, under the write lock.

    Nothing is written when the copy brings nothing new.

    Raises:
        ProgressFileError: the copy or our file is unreadable, the copy belongs to
            another roadmap, or it holds events dated more than a day in the future (its
            machine's clock is wrong), or an event under an id we hold with different
            content (named) (exit 1); our file is left untouched.
        LockTimeoutError: another process held the lock too long.
    """
    from roadmap_cli.progress.log import conflicting_ids, merge_events

    copy = read_copy(path, store.roadmap_id)
    _refuse_future(copy, path)

    def change(progress: Progress) -> tuple[int, int, list[str]]:
        clash = conflicting_ids(progress.events, copy.events)
        if clash:
            if len(clash) > 1:
                refusal = _(
                    "refusing to merge: event {id!r} (and {n} more) differs from the event "
                    "with the same id in your progress (edited by hand?); nothing was merged"
                )
            else:
                refusal = _(
                    "refusing to merge: event {id!r} differs from the event with the same id "
                    "in your progress (edited by hand?); nothing was merged"
                )
            raise ProgressFileError(
                path,
                refusal.format(id=clash[0], n=len(clash) - 1),
                _("compare the two files at that id, fix or remove one, then merge again"),
            )
        known = {e.id for e in progress.events}
        before = len(progress.events)
        progress.events = merge_events(progress.events, copy.events)
        fresh = [e for e in copy.events if e.id not in known]
        topics = sorted({e.topic for e in fresh if e.topic})
        return before, len(fresh), topics

    before, new, topics = store.update(change)
    return MergeResult(path, store.path, store.roadmap_id, new, before, before + new, topics)


def restore_progress(store: ProgressStore, force: bool = False) -> RestoreResult:
    """Bring back the newest readable backup as the progress file.

    An unreadable current file (damaged, or written by a newer roadmap-cli) is renamed to
    ``<id>.json.damaged-<UTC time>`` (kept, never deleted); a readable one is kept as
    ``backups/<id>.json.replaced-<UTC time>``, and the backup restored leaves the
    rotation, so a repeated ``--force`` goes one version further back, never flipping
    between two versions or dropping one. Without ``force`` only a missing or damaged
    file is replaced: a readable one, or a newer version's, is refused.

    Raises:
        RoadmapError: no readable backup exists, or the file is readable or newer and
            ``force`` is False (exit 1; nothing changes).
        ProgressFileError, LockTimeoutError: the file cannot be set aside or written.
    """
    found = store.newest_readable_backup()
    if found is None:
        raise RoadmapError(
            _("{path}: no readable backup to restore (looked in {folder})").format(
                path=store.path, folder=store.backup_dir
            ),
            _("backups appear after the second change; 'roadmap paths' shows where files are"),
        )
    backup, progress = found
    damaged = None
    try:
        store.load()
    except ProgressAccessError as exc:  # intact but out of reach: not damage
        raise ProgressFileError(
            store.path,
            _("{problem}; nothing was restored").format(
                problem=exc.message.removeprefix(f"{store.path}: ")
            ),
            _("fix its permissions (chmod u+rw {file}); the file was not changed").format(
                file=store.path
            ),
        ) from None
    except ProgressFileError as exc:
        if isinstance(exc, NewerFormatError) and not force:
            raise RoadmapError(
                _(
                    "{path}: the progress file was written by a newer roadmap-cli; "
                    "restoring would replace it with an older backup"
                ).format(path=store.path),
                _(
                    "upgrade roadmap-cli (pip install -U roadmap-cli); or add --force to set it "
                    "aside (kept) and restore the newest backup"
                ),
            ) from None
        try:
            damaged = store.set_aside_damaged()
        except OSError as exc:
            raise ProgressFileError(
                store.path,
                _("cannot move the unreadable file aside ({reason})").format(reason=exc.strerror),
            ) from None
    else:
        if store.exists() and not force:
            raise RoadmapError(
                _("{path}: the progress file is readable; nothing to restore").format(
                    path=store.path
                ),
                _(
                    "'roadmap undo' reverts the last change; 'roadmap progress restore --force' "
                    "replaces the file with the newest backup, keeping it as a backup"
                ),
            )
    kept = store.restore_backup(backup, progress)
    return RestoreResult(store.path, backup, len(progress.events), damaged, kept)
