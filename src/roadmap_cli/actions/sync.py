"""``roadmap sync``: two machines through a git repository, and the merge driver git calls.

When the data folder is a git work tree, ``sync`` commits local changes ("roadmap: 3
events"), fetches, merges (never rebases) and pushes. Progress files (``/*.json``) and
installed roadmaps (``/roadmaps/**``) merge through ``roadmap progress merge-driver``
(registered in the repository's config, named in ``.gitattributes``): the union of events
by id, so the same marks end up on both machines and no merge ever conflicts on them.
``sync --init REMOTE`` makes the data folder a repository (or adopts the one it is),
writes ``.gitattributes`` and ``.gitignore`` (the lock files, temporary files and backups
stay on each machine), registers the driver, adds the remote and syncs for the first time.

Local work is committed before anything touches the network, so a failed fetch, push or
merge leaves it committed locally and the working files untouched. A ``sync`` killed at any
moment leaves a repository that the next ``sync`` completes: it finishes (or aborts) a
merge left half-done and clears git lock files a killed git left.
"""

from __future__ import annotations

import os
from dataclasses import field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from roadmap_cli.actions.sync_git import (
    _MARKER,
    _PUSH_ATTEMPTS,
    DRIVER_NAME,
    SyncError,
    _add_remote,
    _all_locked,
    _committable_ids,
    _event_ids,
    _git_dir,
    _identity,
    _init_repository,
    _recover,
    _remote,
    _set_up,
    _sync_lock,
    driver_command,
)
from roadmap_cli.actions.sync_remote import _branches, _fetch, _merge, _push
from roadmap_cli.support.git import run_git
from roadmap_cli.support.i18n import Msg
from roadmap_cli.support.records import record

if TYPE_CHECKING:
    from roadmap_cli.actions.context import AppContext

__all__ = [
    "DRIVER_NAME",
    "SyncError",
    "SyncResult",
    "driver_command",
    "sync",
]


@record(frozen=False)
class SyncResult:
    """What ``roadmap sync`` did.

    Attributes:
        data_dir: the data folder (the repository's work tree).
        remote: the remote's name; ``url``: its URL.
        branch: the branch synced.
        initialized: ``--init`` made the folder a repository (False: it adopted one, or
            this was a plain sync).
        committed_events: events in the local commit made (0: nothing to commit).
        committed: whether a local commit was made.
        received_events: events the merge brought from the other machines.
        merged: whether the merge made a commit (False: fast-forward or nothing new).
        pushed: whether anything was pushed.
        notices: lines about repairs made on the way (a half-done merge finished...):
            English in ``--json``, translated where shown.
    """

    data_dir: Path
    remote: str
    url: str
    branch: str
    initialized: bool = False
    committed_events: int = 0
    committed: bool = False
    received_events: int = 0
    merged: bool = False
    pushed: bool = False
    notices: list[Msg] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        """``{data_dir, remote, url, branch, initialized, committed, committed_events,
        received_events, merged, pushed, notices}``."""
        return {
            "data_dir": str(self.data_dir),
            "remote": self.remote,
            "url": self.url,
            "branch": self.branch,
            "initialized": self.initialized,
            "committed": self.committed,
            "committed_events": self.committed_events,
            "received_events": self.received_events,
            "merged": self.merged,
            "pushed": self.pushed,
            "notices": [n.english() for n in self.notices],
        }


# --- the merge driver ------------------------------------------------------------------


# --- sync --------------------------------------------------------------------------------


def sync(app: AppContext, init_remote: str | None = None) -> SyncResult:
    """Sync the data folder with its git remote: commit, fetch, merge, push.

    Args:
        app: the global options (the data folder in use; its roadmap's conflict copies are
            merged first, as every command does).
        init_remote: ``--init REMOTE``: make the folder a repository (or adopt it), set
            it up and add ``REMOTE`` as ``origin`` first.

    Raises:
        GitError: git is missing, or a git command failed or timed out.
        SyncError: not a repository, no remote, an authentication or network failure, a
            merge that cannot complete (it is aborted), another sync running. Local
            progress is untouched and committed locally.
        ProgressFileError, LockTimeoutError: a progress file cannot be locked.
    """
    from roadmap_cli.support.git import find_git

    data_dir = _data_dir(app)
    find_git()
    initialized = False
    if init_remote is not None:
        initialized = _init_repository(data_dir)
    git_dir = _git_dir(data_dir)
    with _sync_lock(git_dir):
        notices = _recover(data_dir, git_dir)
        marker = git_dir / _MARKER
        marker.write_text(f"{os.getpid()}\n", encoding="utf-8")
        try:
            _set_up(data_dir)
            if init_remote is not None:
                _add_remote(data_dir, init_remote)
            remote, url = _remote(data_dir)
            config = _identity(data_dir)
            result = SyncResult(data_dir, remote, url, "", initialized, notices=notices)
            result.committed, result.committed_events = _commit_local(app, data_dir, config)
            for attempt in range(_PUSH_ATTEMPTS):
                _fetch(data_dir, remote, url)
                branch, remote_ref = _branches(data_dir, remote)
                result.branch = branch
                if remote_ref is not None:
                    received, merged = _merge(app, data_dir, remote_ref, url, config)
                    result.received_events += received
                    result.merged = result.merged or merged
                pushed = _push(data_dir, remote, url, branch, attempt)
                if pushed != "retry":
                    result.pushed = pushed == "pushed"
                    break
        finally:  # not reached when the process is killed: the next sync sees the marker
            marker.unlink(missing_ok=True)
    return result


def _data_dir(app: AppContext) -> Path:
    """The data folder in use, its roadmap's conflict copies merged first (as every
    command does); a roadmap file that does not validate does not stop a sync."""
    from roadmap_cli.errors import RoadmapFileError
    from roadmap_cli.progress.store import default_data_dir

    try:
        return app.store().data_dir
    except RoadmapFileError:
        return app.data_dir.expanduser() if app.data_dir else default_data_dir()


def _commit_local(app: AppContext, data_dir: Path, config: list[str]) -> tuple[bool, int]:
    """Commit every change in the folder: ``roadmap: N events``. Returns (committed, N)."""
    with _all_locked(app, data_dir):
        run_git(["add", "--all", "--", "."], data_dir)
        staged = run_git(["diff", "--cached", "--name-only", "-z"], data_dir, check=False)
        head = run_git(["rev-parse", "--verify", "--quiet", "HEAD"], data_dir, check=False)
        names = [n for n in staged.stdout.split("\0") if n]
        if head.ok and not names:
            return False, 0
        if not head.ok and not run_git(["ls-files"], data_dir).stdout:
            return False, 0  # an empty folder: nothing to commit yet
        events = 0
        for name in names:
            if not name.endswith(".json") or "/" in name:
                continue
            new = _committable_ids(data_dir, name) if (data_dir / name).exists() else set()
            old: set[str] = set()
            if head.ok:
                shown = run_git(["show", f"HEAD:{name}"], data_dir, check=False)
                old = _event_ids(shown.stdout.encode("utf-8"), name) if shown.ok else set()
            events += len(new - old)
        message = (
            f"roadmap: {events} event{'' if events == 1 else 's'}"
            if events
            else "roadmap: update files"
        )
        run_git(["commit", "--quiet", "--no-verify", "-m", message], data_dir, config=config)
        return True, events
