"""``roadmap doctor``: check the roadmap and its progress together.

It reads and never writes (a sync service's mergeable conflict copy is merged on sight,
as by every command that reads progress): the roadmap file (errors and warnings), the progress file
(readable or damaged), marks of topics that left the roadmap (orphans), marks recorded
under a former id (an alias, now following the renamed topic), the rotating backups,
temporary files an interrupted write left, and conflict copies left unmerged. The result
is healthy unless a file is damaged.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from roadmap_cli.roadmap.catalog import raw_roadmap_id
from roadmap_cli.support.i18n import Msg, _
from roadmap_cli.support.records import record

if TYPE_CHECKING:
    from roadmap_cli.actions.context import AppContext
    from roadmap_cli.progress.log import Progress
    from roadmap_cli.progress.store import ProgressStore

__all__ = ["AliasedMarks", "BackupCheck", "DoctorResult", "OrphanMarks", "diagnose"]


@record
class OrphanMarks:
    """Marks of a topic id that is neither a topic nor an alias in the roadmap."""

    topic: str
    status: str
    events: int


@record
class AliasedMarks:
    """Marks recorded under ``alias``, a former id of ``topic``; they count for ``topic``."""

    alias: str
    topic: str
    events: int


@record
class BackupCheck:
    """One rotating backup: whether it parses, and how many events it holds (None if not)."""

    path: Path
    readable: bool
    events: int | None


@record
class CopyFinding:
    """A sync service's conflict copy of the progress file that was not merged, and why
    (another roadmap's, damaged, newer, or merging is off)."""

    path: Path
    service: str
    problem: str


@record(frozen=False)
class DoctorResult:
    """What ``roadmap doctor`` found.

    Attributes:
        roadmap_path: the roadmap file checked.
        roadmap_errors: problems that make the roadmap unusable ("location: message"),
            in English (``--json``).
        roadmap_warnings: problems reported but tolerated, in English.
        shown_errors, shown_warnings: the same in the interface language.
        roadmap_id: the roadmap's id; when the file does not validate, its top-level
            ``id`` if that can be read and is valid, else None.
        topics: how many topics the roadmap has (0 when it does not validate).
        progress_path: the progress file, None when the roadmap's id cannot be read.
        progress_exists: whether the progress file exists.
        progress_error: why the progress file cannot be read (None when it can), and
            ``progress_hint``, what to do about it.
        events: how many events the progress file holds.
        orphans, aliased, backups: see :class:`OrphanMarks`, :class:`AliasedMarks`,
            :class:`BackupCheck` (backups newest first).
        temporaries: temporary files left by interrupted writes (the next change removes
            them).
        set_aside: damaged progress files set aside by ``progress restore`` (kept).
        conflict_copies: conflict copies of the progress file left unmerged, and why.
        data_dir: the data folder; ``data_dir_problem`` what keeps changes from being
            saved there (a file where the folder should be, a read-only folder), None
            when nothing does, and ``data_dir_hint`` what to do (English in ``--json``,
            translated where shown).
        progress_out_of_reach: the progress file is intact as far as is known but cannot
            be read (permissions, I/O): not damage, and restore must not replace it.
    """

    roadmap_path: Path
    roadmap_errors: list[str] = field(default_factory=list)
    roadmap_warnings: list[str] = field(default_factory=list)
    shown_errors: list[str] = field(default_factory=list)
    shown_warnings: list[str] = field(default_factory=list)
    roadmap_id: str | None = None
    topics: int = 0
    progress_path: Path | None = None
    progress_exists: bool = False
    progress_error: str | None = None
    progress_hint: str | None = None
    events: int = 0
    orphans: list[OrphanMarks] = field(default_factory=list)
    aliased: list[AliasedMarks] = field(default_factory=list)
    backups: list[BackupCheck] = field(default_factory=list)
    temporaries: list[Path] = field(default_factory=list)
    set_aside: list[Path] = field(default_factory=list)
    conflict_copies: list[CopyFinding] = field(default_factory=list)
    data_dir: Path | None = None
    data_dir_problem: Msg | None = None
    data_dir_hint: Msg | None = None
    progress_out_of_reach: bool = False

    @property
    def healthy(self) -> bool:
        """True unless the roadmap or the progress file is damaged or out of reach, or
        the data folder cannot take changes."""
        return (
            not self.roadmap_errors
            and self.progress_error is None
            and self.data_dir_problem is None
        )

    @property
    def damaged(self) -> bool:
        """Whether something is damaged (not merely out of reach or read-only)."""
        return bool(self.roadmap_errors) or (
            self.progress_error is not None
            and not self.progress_out_of_reach
            and self.data_dir_problem is None
        )

    def to_json(self) -> dict[str, Any]:
        """``{healthy, roadmap: {file, id, topics, errors, warnings}, progress: {file,
        exists, readable, error, hint, events}, orphans: [{id, status, events}],
        aliased: [{alias, topic, events}], backups: [{file, readable, events}],
        temporary_files: [path], set_aside: [path], conflict_copies: [{file, service,
        problem}]}``."""
        return {
            "healthy": self.healthy,
            "roadmap": {
                "file": str(self.roadmap_path),
                "id": self.roadmap_id,
                "topics": self.topics,
                "errors": self.roadmap_errors,
                "warnings": self.roadmap_warnings,
            },
            "progress": {
                "file": str(self.progress_path) if self.progress_path else None,
                "exists": self.progress_exists,
                "readable": self.progress_path is not None and self.progress_error is None,
                "error": self.progress_error,
                "hint": self.progress_hint,
                "events": self.events,
                "out_of_reach": self.progress_out_of_reach,
            },
            "data_folder": {
                "path": str(self.data_dir) if self.data_dir else None,
                "problem": self.data_dir_problem.english() if self.data_dir_problem else None,
                "hint": self.data_dir_hint.english() if self.data_dir_hint else None,
            },
            "orphans": [
                {"id": o.topic, "status": o.status, "events": o.events} for o in self.orphans
            ],
            "aliased": [
                {"alias": a.alias, "topic": a.topic, "events": a.events} for a in self.aliased
            ],
            "backups": [
                {"file": str(b.path), "readable": b.readable, "events": b.events}
                for b in self.backups
            ],
            "temporary_files": [str(p) for p in self.temporaries],
            "set_aside": [str(p) for p in self.set_aside],
            "conflict_copies": [
                {"file": str(c.path), "service": c.service, "problem": c.problem}
                for c in self.conflict_copies
            ],
        }


def diagnose(app: AppContext) -> DoctorResult:
    """Check the roadmap in use and its progress. Reads only; never raises for a damaged
    roadmap or progress file (those are findings)."""
    from roadmap_cli.errors import RoadmapFileError
    from roadmap_cli.progress.snapshot import snapshot

    result = DoctorResult(roadmap_path=app.roadmap_path)
    try:
        catalog = app.catalog()
    except RoadmapFileError as exc:
        result.roadmap_errors = exc.english_details or [_without_path(exc.message, exc.path)]
        result.shown_errors = exc.details or [_without_path(exc.message, exc.path)]
        roadmap_id = raw_roadmap_id(app.roadmap_path)
        if roadmap_id is not None:  # the progress file can still be checked
            result.roadmap_id = roadmap_id
            _check_progress(app.store_for(roadmap_id), result)
        return result
    result.roadmap_id = catalog.roadmap.id
    result.topics = len(catalog.topics)
    result.roadmap_warnings = [f"{p.location}: {p.message}" for p in catalog.warnings]
    result.shown_warnings = [f"{p.shown_location()}: {p.shown_message()}" for p in catalog.warnings]
    progress = _check_progress(app.store(), result)
    if progress is None:
        return result
    snap = snapshot(catalog, progress)
    result.orphans = [
        OrphanMarks(tid, state.status, len(state.events))
        for tid, state in sorted(snap.orphans.items())
    ]
    undone = progress.undone_ids()
    under_alias = Counter(
        e.topic
        for e in progress.events
        if e.topic in catalog.alias_of and e.id not in undone and e.undo is None
    )
    result.aliased = [
        AliasedMarks(alias, catalog.alias_of[alias], n) for alias, n in sorted(under_alias.items())
    ]
    return result


def _check_progress(store: ProgressStore, result: DoctorResult) -> Progress | None:
    """Fill in ``result``'s progress file, backups and left-over files from ``store``;
    the progress read, or None when it cannot be read (``result.progress_error`` says
    why)."""
    from roadmap_cli.errors import ProgressAccessError, ProgressFileError

    result.progress_path = store.path
    _check_data_dir(store.data_dir, result)
    if result.data_dir_problem is not None and not store.data_dir.is_dir():
        return None  # no folder: no progress file, no backups to look at
    result.progress_exists = store.path.exists()
    result.backups = _backups(store)
    result.temporaries = sorted(_glob(store, f".{store.roadmap_id}.json.*.tmp"))
    result.set_aside = sorted(_glob(store, f"{store.roadmap_id}.json.damaged-*"))
    result.conflict_copies = _conflict_copies(store)
    try:
        progress = store.load()
    except ProgressFileError as exc:
        result.progress_error = _without_path(exc.message, exc.path)
        result.progress_hint = exc.hint
        result.progress_out_of_reach = isinstance(exc, ProgressAccessError)
        return None
    result.events = len(progress.events)
    return progress


def _conflict_copies(store: ProgressStore) -> list[CopyFinding]:
    from roadmap_cli.progress.conflicts import AUTO_MERGE_ENV, unmerged_copies

    found = []
    for check in unmerged_copies(store.data_dir, store.roadmap_id):
        if check.copy.base_id != store.roadmap_id:
            continue
        problem = check.problem or _("not merged ({setting})").format(setting=f"{AUTO_MERGE_ENV}=0")
        found.append(CopyFinding(check.copy.path, check.copy.service, problem))
    return found


def _check_data_dir(folder: Path, result: DoctorResult) -> None:
    """Note in ``result`` a data folder that is a file, or that cannot be written."""
    import os

    result.data_dir = folder
    if folder.exists() and not folder.is_dir():
        result.data_dir_problem = Msg("is a file, not a folder: progress cannot be kept there")
        result.data_dir_hint = Msg("move that file away, or choose another folder with --data-dir")
    elif folder.is_dir() and not os.access(folder, os.W_OK | os.X_OK):
        result.data_dir_problem = Msg("is read-only: changes cannot be saved")
        result.data_dir_hint = Msg(
            "make it writable (chmod u+rwx {folder}), or choose another with --data-dir",
            folder=str(folder),
        )


def _without_path(message: str, path: Path) -> str:
    return message.removeprefix(f"{path}: ")


def _glob(store: ProgressStore, pattern: str) -> list[Path]:
    try:
        return [p for p in store.data_dir.glob(pattern) if p.is_file()]
    except OSError:
        return []


def _backups(store: ProgressStore) -> list[BackupCheck]:
    from roadmap_cli.errors import ProgressFileError
    from roadmap_cli.progress.fileformat import parse_progress

    checks = []
    for path in store.backup_paths():
        try:
            events: int | None = len(
                parse_progress(path.read_bytes(), path, store.roadmap_id).events
            )
        except (OSError, ProgressFileError):
            events = None
        checks.append(BackupCheck(path, events is not None, events))
    return checks
