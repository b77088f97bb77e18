"""Conflict copies of progress files left by sync services, found and merged on sight.

A synced data folder (Syncthing, Dropbox, Nextcloud, OneDrive) keeps both versions when two
machines change a progress file at once: ours stays ``<id>.json`` and the other becomes a
conflict copy next to it. Left there it looks like lost progress. This module finds such
copies with one directory listing (no git, nothing else read unless a name matches) and
merges each one that parses and belongs to the same roadmap (the union of events by id,
:func:`~roadmap_cli.progress.log.merge_events`), under the write lock, then moves it to
``backups/merged/``. A copy is judged by its content, not only its name: another roadmap's
file, a damaged copy, a newer format or events dated in the future are never merged, only
listed (``roadmap doctor`` reports them).

Names recognised, for a progress file ``relearn-ai.json``:

* Syncthing: ``relearn-ai.sync-conflict-20261130-123456-ABCD123.json``
* Dropbox: ``relearn-ai (Jane's conflicted copy 2026-11-30).json``
* Nextcloud: ``relearn-ai (conflicted copy 2026-11-30 123456).json`` (and ownCloud's
  ``relearn-ai_conflict-20261130-123456.json``)
* OneDrive: ``relearn-ai-LAPTOP-4F2A.json`` (the other computer's name appended)

This module prints nothing: what it did is returned, and said through a ``notify``
callback that the caller supplies.
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Callable, Iterable
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from roadmap_cli.errors import LockTimeoutError, NewerFormatError, ProgressFileError
from roadmap_cli.support.i18n import _
from roadmap_cli.support.words import plural

if TYPE_CHECKING:
    from roadmap_cli.progress.log import Progress

__all__ = [
    "AUTO_MERGE_ENV",
    "Absorbed",
    "ConflictCopy",
    "CopyCheck",
    "absorb_conflict_copies",
    "auto_merge_enabled",
    "check_copy",
    "find_conflict_copies",
    "unmerged_copies",
]

#: Environment variable: ``0`` turns merging of conflict copies into a warning.
AUTO_MERGE_ENV = "ROADMAP_AUTO_MERGE"
#: A copy's events may be this far ahead of our clock (time zones, clock drift).
FUTURE_SLACK = timedelta(days=1)
#: Where merged copies are moved, under the data folder.
MERGED_DIR = Path("backups") / "merged"

Service = Literal["Syncthing", "Dropbox", "Nextcloud", "OneDrive"]


@functools.cache
def _patterns() -> dict[str, re.Pattern[str]]:
    """The name patterns, compiled on first use (only when a name could be a copy)."""
    return {
        "Syncthing": re.compile(
            r"^(?P<base>.+)\.sync-conflict-[0-9]{8}-[0-9]{6}-[A-Z0-9]{7}\.json$"
        ),
        "Nextcloud": re.compile(r"^(?P<base>.+)_conflict-[0-9]{8}-[0-9]{6}\.json$"),
        "paren": re.compile(
            r"^(?P<base>.+?) \((?P<inner>(?:[^()]*? )?conflicted copy(?: [^()]*)?"
            r"(?: \([0-9]+\))?)\)\.json$"
        ),
        "host": re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,62}$"),
    }


_ROADMAP_FIELD = rb'"roadmap"\s*:\s*"((?:[^"\\]|\\.){1,200})"'


def _is_id(text: str) -> bool:
    """``[a-z0-9][a-z0-9-]*`` without a regular expression."""
    return bool(text) and text[0] != "-" and all(c in _ID_CHARS for c in text)


_ID_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789-")


def auto_merge_enabled() -> bool:
    """False when ``ROADMAP_AUTO_MERGE`` is ``0`` (or ``no``/``false``/``off``)."""
    value = os.environ.get(AUTO_MERGE_ENV, "").strip().lower()
    return value not in ("0", "no", "false", "off")


# Plain classes rather than dataclasses: this module is imported by every command that
# reads progress, and making a dataclass costs about a millisecond.


class ConflictCopy:
    """A file whose name says it is a conflict copy of ``<base_id>.json``.

    Attributes:
        path: the copy.
        service: which sync service names copies this way.
        base_id: the roadmap id of the progress file it looks like a copy of.
    """

    __slots__ = ("base_id", "path", "service")

    def __init__(self, path: Path, service: Service, base_id: str) -> None:
        self.path = path
        self.service: Service = service
        self.base_id = base_id

    def __repr__(self) -> str:
        return f"ConflictCopy({self.path!r}, {self.service!r}, {self.base_id!r})"


class CopyCheck:
    """A conflict copy read: whether it can be merged, and why not.

    Attributes:
        copy: the copy.
        progress: its contents when it can be merged, else None.
        problem: why it is not merged (another roadmap's, damaged, newer, future dates),
            None when it can be merged.
        own_file: True when the "copy" is in fact a progress file in its own right (its
            ``roadmap`` is its file name): not a copy at all.
    """

    __slots__ = ("copy", "own_file", "problem", "progress")

    def __init__(
        self,
        copy: ConflictCopy,
        progress: Progress | None,
        problem: str | None,
        own_file: bool = False,
    ) -> None:
        self.copy = copy
        self.progress = progress
        self.problem = problem
        self.own_file = own_file

    def __repr__(self) -> str:
        return f"CopyCheck({self.copy!r}, problem={self.problem!r}, own_file={self.own_file})"


class Absorbed:
    """One conflict copy dealt with by :func:`absorb_conflict_copies`.

    Attributes:
        copy: the copy.
        new_events: events of the copy that were new to the progress file.
        moved_to: where the copy went (``backups/merged/…``), None when it was left in
            place (auto-merge off, or the merge failed).
        message: the line said about it.
    """

    __slots__ = ("copy", "message", "moved_to", "new_events")

    def __init__(
        self, copy: ConflictCopy, new_events: int, moved_to: Path | None, message: str
    ) -> None:
        self.copy = copy
        self.new_events = new_events
        self.moved_to = moved_to
        self.message = message

    def __repr__(self) -> str:
        return f"Absorbed({self.copy!r}, new_events={self.new_events}, moved_to={self.moved_to!r})"


def _match_name(name: str, ids: Iterable[str]) -> tuple[Service, str] | None:
    """The service and base id a file name says it is a conflict copy of, or None."""
    if not name.endswith(".json"):
        return None
    stem = name[: -len(".json")]
    candidates = [b for b in ids if stem.startswith(b + "-")]
    if "conflict" not in name and not candidates:
        return None  # the common case: decided without a regular expression
    patterns = _patterns()
    if "conflict" in name:
        named: tuple[Service, ...] = ("Syncthing", "Nextcloud")
        for service in named:
            match = patterns[service].match(name)
            if match and _is_id(match["base"]):
                return service, match["base"]
        match = patterns["paren"].match(name)
        if match and _is_id(match["base"]):
            inner = match["inner"]
            service = "Nextcloud" if inner.startswith("conflicted copy") else "Dropbox"
            return service, match["base"]
    best = None
    for base in candidates:  # OneDrive: "<id>-<computer name>.json"; the longest id wins
        if patterns["host"].match(stem[len(base) + 1 :]) and (
            best is None or len(base) > len(best)
        ):
            best = base
    return ("OneDrive", best) if best is not None else None


def find_conflict_copies(data_dir: Path, roadmap_ids: Iterable[str] = ()) -> list[ConflictCopy]:
    """Files in ``data_dir`` named like conflict copies of a progress file, by name only:
    one directory listing, nothing read. The progress files considered are those in the
    folder (``<id>.json``) and ``<id>.json`` of every id in ``roadmap_ids``.

    Returns:
        the copies in name order; empty when the folder does not exist or cannot be listed.
    """
    try:
        names = os.listdir(data_dir)
    except OSError:
        return []
    if not any(n.endswith(".json") for n in names):
        return []
    in_use = tuple(roadmap_ids)
    ids = set(in_use)
    ids.update(n[:-5] for n in names if n.endswith(".json") and _is_id(n[:-5]))
    found = []
    for name in sorted(names):
        if name.startswith(".") or name[:-5] in in_use:
            continue
        matched = _match_name(name, ids)
        if matched is not None:
            found.append(ConflictCopy(data_dir / name, matched[0], matched[1]))
    return found


def check_copy(copy: ConflictCopy) -> CopyCheck:
    """Read ``copy`` and decide by its content whether it may be merged into
    ``<base_id>.json``: it must parse as a progress file of that roadmap, in a format
    this version reads, with no event dated more than a day after now (UTC).

    Never raises: problems are returned in :attr:`CopyCheck.problem`.
    """
    from roadmap_cli.progress.fileformat import parse_progress

    try:
        with copy.path.open("rb") as handle:
            head = handle.read(1024)
            # cheap first look: a file that names another roadmap near its top is not ours
            field = re.search(_ROADMAP_FIELD, head)
            if field is not None and field.group(1).decode("utf-8", "replace") != copy.base_id:
                owner = field.group(1).decode("utf-8", "replace")
                if copy.path.name == f"{owner}.json":
                    return CopyCheck(copy, None, None, own_file=True)
                return CopyCheck(copy, None, f"belongs to roadmap {owner!r}, not {copy.base_id!r}")
            data = head + handle.read()
    except OSError as exc:
        return CopyCheck(copy, None, f"cannot be read ({exc.strerror})")
    try:
        progress = parse_progress(data, copy.path)
    except NewerFormatError as exc:
        return CopyCheck(copy, None, f"was written by a newer roadmap-cli (schema {exc.schema})")
    except ProgressFileError as exc:
        return CopyCheck(copy, None, exc.message.removeprefix(f"{copy.path}: "))
    if progress.roadmap != copy.base_id:
        if copy.path.name == f"{progress.roadmap}.json":
            return CopyCheck(copy, None, None, own_file=True)
        return CopyCheck(
            copy, None, f"belongs to roadmap {progress.roadmap!r}, not {copy.base_id!r}"
        )
    from roadmap_cli.support.clock import now_utc

    limit = now_utc() + FUTURE_SLACK
    future = [e for e in progress.events if e.at > limit]
    if future:
        first = min(e.at for e in future).date().isoformat()
        return CopyCheck(
            copy, None, f"holds {len(future)} event(s) dated in the future (from {first})"
        )
    return CopyCheck(copy, progress, None)


def absorb_conflict_copies(
    data_dir: Path,
    roadmap_id: str,
    notify: Callable[[str], None] | None = None,
    auto: bool | None = None,
    keep: Iterable[Path] = (),
) -> list[Absorbed]:
    """Merge every mergeable conflict copy in ``data_dir`` into its progress file.

    The folder is listed once; when no name matches, nothing else happens (no lock, no
    read). Each copy that :func:`check_copy` accepts is merged under that progress file's
    write lock (nothing is written when it brings nothing new), then moved to
    ``backups/merged/`` (a name already there gets ``.1``, ``.2``… appended). Copies that
    cannot be merged are left in place and not mentioned (``roadmap doctor`` lists them).
    With ``auto`` False (default: :func:`auto_merge_enabled`) nothing is changed and each
    mergeable copy gets a warning instead. Running it again changes nothing.

    Args:
        data_dir: the data folder.
        roadmap_id: the roadmap in use (its copies are found even before its progress
            file exists).
        notify: called with one line (no newline) per copy dealt with.
        auto: whether to merge; None reads ``ROADMAP_AUTO_MERGE``.
        keep: copies to leave alone (``progress merge FILE`` merges FILE itself).

    Returns:
        what was done with each mergeable copy. Never raises for a copy: a lock held too
        long or a write that fails leaves the copy in place and says so.
    """
    copies = find_conflict_copies(data_dir, (roadmap_id,))
    if not copies:
        return []
    kept = {os.path.realpath(p) for p in keep}
    copies = [c for c in copies if os.path.realpath(c.path) not in kept]
    from roadmap_cli.progress.log import merge_events
    from roadmap_cli.progress.store import ProgressStore

    merge = auto_merge_enabled() if auto is None else auto
    done = []
    for copy in copies:
        check = check_copy(copy)
        if check.progress is None:
            continue
        incoming = check.progress
        store = ProgressStore(data_dir, copy.base_id)
        where = _("{service} conflict copy {name}").format(
            service=copy.service, name=f"'{copy.path.name}'"
        )
        if not merge:
            try:
                known = {e.id for e in store.load().events}
            except ProgressFileError:
                continue  # the progress file's own problem is reported by the command
            new = sum(1 for e in incoming.events if e.id not in known)
            message = _(
                "warning: the {where} holds {events} not in {file}; not merged ({env}=0): "
                "run {command}"
            ).format(
                where=where,
                events=plural(new, "event"),
                file=store.path.name,
                env=AUTO_MERGE_ENV,
                command=f"'roadmap progress merge \"{copy.path}\"'",
            )
            done.append(_said(Absorbed(copy, new, None, message), notify))
            continue

        def change(progress: Progress, incoming: Progress = incoming) -> int:
            known = {e.id for e in progress.events}
            progress.events = merge_events(progress.events, incoming.events)
            return sum(1 for e in incoming.events if e.id not in known)

        try:
            new = store.update(change)
            moved = _move_aside(copy.path, data_dir / MERGED_DIR)
        except LockTimeoutError:
            message = _(
                "warning: the {where} was not merged: another command holds the lock"
            ).format(where=where)
            done.append(_said(Absorbed(copy, 0, None, message), notify))
            continue
        except (ProgressFileError, OSError) as exc:
            if isinstance(exc, ProgressFileError) and exc.path == store.path:
                continue  # the progress file is damaged: the command reports that itself
            reason = exc.message if isinstance(exc, ProgressFileError) else exc.strerror
            message = _("warning: the {where} was not merged: {reason}").format(
                where=where, reason=reason
            )
            done.append(_said(Absorbed(copy, 0, None, message), notify))
            continue
        what = plural(new, "new event") if new else _("nothing new")
        message = _("merged the {where} into {file} ({what}); moved it to {folder}").format(
            where=where, file=store.path.name, what=what, folder=f"{MERGED_DIR.as_posix()}/"
        )
        done.append(_said(Absorbed(copy, new, moved, message), notify))
    return done


def unmerged_copies(data_dir: Path, roadmap_id: str) -> list[CopyCheck]:
    """Conflict copies in ``data_dir`` that are not merged (another roadmap's, damaged,
    newer, future-dated), and mergeable ones still there (auto-merge off), for
    ``roadmap doctor``. Files that are progress files in their own right are left out."""
    checks = (check_copy(c) for c in find_conflict_copies(data_dir, (roadmap_id,)))
    return [c for c in checks if not c.own_file]


def _said(absorbed: Absorbed, notify: Callable[[str], None] | None) -> Absorbed:
    if notify is not None:
        notify(absorbed.message)
    return absorbed


def _move_aside(path: Path, folder: Path) -> Path:
    """Move ``path`` into ``folder`` (created), never over an existing file."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / path.name
    number = 0
    while target.exists():
        number += 1
        target = folder / f"{path.name}.{number}"
    os.replace(path, target)
    return target
