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

import contextlib
import os
import shlex
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from roadmap_cli.errors import ProgressFileError, RoadmapError
from roadmap_cli.support.git import GitOutput, run_git, run_git_bytes
from roadmap_cli.support.i18n import _

if TYPE_CHECKING:
    from roadmap_cli.actions.context import AppContext
    from roadmap_cli.progress.log import Progress

__all__ = [
    "DRIVER_NAME",
    "DriverResult",
    "SyncError",
    "SyncResult",
    "driver_command",
    "merge_driver",
    "sync",
]

#: The merge driver's name in ``.gitattributes`` and the repository's config.
DRIVER_NAME = "roadmap"

_ATTRIBUTES = (
    "# roadmap: progress files and installed roadmaps merge with its own driver",
    f"/*.json merge={DRIVER_NAME}",
    f"/roadmaps/** merge={DRIVER_NAME}",
    ".gitattributes merge=union",
    ".gitignore merge=union",
)
_IGNORED = (
    "# roadmap: write locks, temporary files and backups stay on this machine",
    "*.lock",
    ".*.tmp",
    "backups/",
    "*.damaged-*",
)
#: Left in the git folder while a sync runs: found at the start of the next one, it says
#: the last sync was killed, so lock files git left then are stale.
_MARKER = "roadmap-sync-running"
_IDENTITY = ("user.name=roadmap", "user.email=roadmap@localhost")
_PUSH_ATTEMPTS = 3


class SyncError(RoadmapError):
    """``roadmap sync`` could not finish (exit 1); local progress is untouched and, once
    the commit step has run, committed locally."""


@dataclass
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
        notices: lines about repairs made on the way (a half-done merge finished...).
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
    notices: list[str] = field(default_factory=list)

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
            "notices": self.notices,
        }


@dataclass
class DriverResult:
    """What ``progress merge-driver`` wrote into OURS: ``kind`` is "progress" (the union,
    ``events`` of them, ``new`` from THEIRS) or "file" (a whole file, ``took`` "ours" or
    "theirs")."""

    path: Path
    kind: str
    events: int = 0
    new: int = 0
    took: str = "ours"
    notices: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        """``{file, kind, events, new_events, took}``."""
        return {
            "file": str(self.path),
            "kind": self.kind,
            "events": self.events,
            "new_events": self.new,
            "took": self.took,
        }


# --- the merge driver ------------------------------------------------------------------


def driver_command() -> str:
    """The shell command git runs to merge a file (``%O %A %B %P``: base, ours, theirs,
    path): this Python with ``-m roadmap_cli``, absolute paths, so it works from git
    whatever ``PATH`` is."""
    return f"{shlex.quote(sys.executable)} -m roadmap_cli progress merge-driver %O %A %B %P"


def merge_driver(base: Path, ours: Path, theirs: Path, name: str | None = None) -> DriverResult:
    """Merge THEIRS into OURS as git's merge driver: the result is written into OURS.

    A progress file (``name`` a top-level ``*.json``; without ``name``, a file that looks
    like one) becomes the union of both sides' events by id, whatever BASE holds. Any
    other file (an installed roadmap) is merged whole: the side that changed from BASE,
    and OURS when both changed.

    Raises:
        ProgressFileError: a side cannot be read, is not a progress file, belongs to
            another roadmap, or is in a newer format (OURS is left as it was, so git
            reports a conflict and nothing is lost).
    """
    from roadmap_cli.progress.fileformat import parse_progress
    from roadmap_cli.progress.log import Progress, merge_events

    sides = {}
    for label, path in (("ours", ours), ("theirs", theirs)):
        try:
            sides[label] = path.read_bytes()
        except OSError as exc:
            raise ProgressFileError(path, f"cannot read {label} side ({exc.strerror})") from None
    try:
        base_data = base.read_bytes()
    except OSError:
        base_data = b""
    shown = Path(name) if name else ours
    if _is_progress(name, sides["ours"]):
        parsed: dict[str, Progress] = {}
        for label in ("ours", "theirs"):
            try:
                parsed[label] = parse_progress(sides[label], shown)
            except ProgressFileError as exc:
                raise ProgressFileError(
                    shown,
                    f"{label} side: {exc.message.removeprefix(f'{shown}: ')}; left as a conflict",
                    "nothing was lost: fix or restore that version, then merge again",
                ) from None
        mine, other = parsed["ours"], parsed["theirs"]
        if mine.roadmap != other.roadmap:
            raise ProgressFileError(
                shown,
                f"the two sides belong to different roadmaps ({mine.roadmap!r} and "
                f"{other.roadmap!r}); left as a conflict",
                "keep each roadmap's progress in its own file",
            )
        known = {e.id for e in mine.events}
        union = Progress(
            roadmap=mine.roadmap,
            events=merge_events(mine.events, other.events),
            schema_version=max(mine.schema_version, other.schema_version),
        )
        _write(ours, union.to_json_text().encode("utf-8"))
        new = sum(1 for e in other.events if e.id not in known)
        return DriverResult(shown, "progress", len(union.events), new)
    result = DriverResult(shown, "file")
    if sides["ours"] == sides["theirs"] or sides["theirs"] == base_data:
        return result
    if sides["ours"] == base_data:
        _write(ours, sides["theirs"])
        result.took = "theirs"
        return result
    result.notices.append(f"{shown}: changed on both machines; kept this machine's version")
    return result


def _is_progress(name: str | None, data: bytes) -> bool:
    if name:
        return name.endswith(".json") and "/" not in name.strip("/")
    return data.lstrip().startswith(b"{")


def _write(path: Path, data: bytes) -> None:
    try:
        with path.open("wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    except OSError as exc:
        raise ProgressFileError(path, f"cannot write the merge result ({exc.strerror})") from None


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


def _git_dir(data_dir: Path) -> Path:
    """The repository's git folder, when the data folder is the top of a work tree.

    Raises:
        SyncError: the data folder is missing or not the top of a git work tree.
    """
    absent = not data_dir.is_dir()
    out = (
        None
        if absent
        else run_git(["rev-parse", "--show-toplevel", "--absolute-git-dir"], data_dir, check=False)
    )
    if out is not None and out.ok:
        top, git_dir = ([*out.stdout.splitlines(), "", ""])[:2]
        if top and Path(top).resolve() == data_dir.resolve():
            return Path(git_dir)
    raise SyncError(
        _("{path}: the data folder is not a git repository").format(path=data_dir),
        _(
            "run {command} (REMOTE: the URL of an empty repository, or of "
            "the one your other machine syncs with)"
        ).format(command="'roadmap sync --init REMOTE'"),
    )


def _init_repository(data_dir: Path) -> bool:
    """Make ``data_dir`` a repository unless it is the top of one; True if made."""
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise SyncError(
            _("{path}: cannot create the data folder ({reason})").format(
                path=data_dir, reason=exc.strerror
            )
        ) from None
    try:
        _git_dir(data_dir)
        return False
    except SyncError:
        run_git(["init", "--quiet"], data_dir)
        return True


@contextlib.contextmanager
def _sync_lock(git_dir: Path) -> Iterator[None]:
    from filelock import FileLock, Timeout

    lock = FileLock(str(git_dir / "roadmap-sync.lock"), timeout=0)
    try:
        lock.acquire()
    except Timeout:
        raise SyncError(
            _("{path}: another {command} is running in this folder").format(
                path=git_dir.parent, command="'roadmap sync'"
            ),
            _("wait for it to finish, then run {command} again").format(command="'roadmap sync'"),
        ) from None
    try:
        yield
    finally:
        lock.release()


def _recover(data_dir: Path, git_dir: Path) -> list[str]:
    """Repair what a killed sync left: stale git lock files, a half-done merge."""
    notices = []
    if (git_dir / _MARKER).exists():
        stale = _stale_locks(git_dir)
        for path in stale:
            with contextlib.suppress(OSError):
                path.unlink()
        if stale:
            notices.append(
                _("removed {n} lock file(s) left by an interrupted sync ({names})").format(
                    n=len(stale), names=", ".join(p.name for p in stale)
                )
            )
    index_lock = git_dir / "index.lock"
    if index_lock.exists():
        raise SyncError(
            _(
                "{path}: exists: another git command is running in the data folder, "
                "or one was stopped"
            ).format(path=index_lock),
            _(
                "wait for it to finish; if no git command is running, delete that file, then "
                "run {command} again"
            ).format(command="'roadmap sync'"),
        )
    for folder in ("rebase-merge", "rebase-apply"):
        if (git_dir / folder).exists():
            raise SyncError(
                _("{path}: a git rebase is in progress in the data folder").format(path=data_dir),
                _(
                    "finish it ({command}) or abort it (rebase --abort), then run {sync} again"
                ).format(
                    command=f"git -C {shlex.quote(str(data_dir))} rebase --continue",
                    sync="'roadmap sync'",
                ),
            )
    if (git_dir / "MERGE_HEAD").exists():
        unmerged = run_git(["ls-files", "--unmerged"], data_dir).stdout
        if unmerged:
            run_git(["merge", "--abort"], data_dir)
            notices.append(_("aborted a merge an interrupted sync left unfinished (it is redone)"))
        else:
            run_git(["commit", "--no-edit", "--quiet"], data_dir, config=_identity(data_dir))
            notices.append(_("finished a merge an interrupted sync left unfinished"))
    return notices


def _stale_locks(git_dir: Path, wait: float = 3.0) -> list[Path]:
    """Git lock files that stay for ``wait`` s (a git the killed sync started may still be
    finishing: its locks go away)."""
    names = ["index.lock", "HEAD.lock", "ORIG_HEAD.lock", "config.lock", "packed-refs.lock"]
    deadline = time.monotonic() + wait
    while True:
        found = [git_dir / n for n in names if (git_dir / n).exists()]
        with contextlib.suppress(OSError):
            found += list((git_dir / "refs").rglob("*.lock"))
        if not found or time.monotonic() >= deadline:
            return found
        time.sleep(0.1)


def _set_up(data_dir: Path) -> None:
    """``.gitattributes``, ``.gitignore`` (our lines added to any already there) and the
    merge driver in the repository's config (its command refreshed on every sync: a
    reinstalled roadmap-cli moves it)."""
    for name, lines in ((".gitattributes", _ATTRIBUTES), (".gitignore", _IGNORED)):
        path = data_dir / name
        try:
            text = path.read_text(encoding="utf-8") if path.exists() else ""
        except (OSError, UnicodeDecodeError) as exc:
            raise SyncError(f"{path}: cannot read it ({exc})") from None
        have = set(text.splitlines())
        missing = [line for line in lines if line not in have]
        if missing:
            if text and not text.endswith("\n"):
                text += "\n"
            from roadmap_cli.support.atomic import write_file

            write_file(path, text + "\n".join(missing) + "\n", force=True, what=name)
    key = f"merge.{DRIVER_NAME}"
    current = run_git(["config", "--local", "--get", f"{key}.driver"], data_dir, check=False)
    if current.stdout != driver_command():
        run_git(
            ["config", "--local", f"{key}.name", "roadmap progress (union of events)"], data_dir
        )
        run_git(["config", "--local", f"{key}.driver", driver_command()], data_dir)


def _add_remote(data_dir: Path, url: str) -> None:
    """Add ``url`` as ``origin``; an ``origin`` with another URL is refused."""
    out = run_git(["remote", "get-url", "origin"], data_dir, check=False)
    if out.ok:
        if out.stdout != url:
            raise SyncError(
                _("{path}: the repository's remote 'origin' is {actual}, not {url}").format(
                    path=data_dir, actual=out.stdout, url=url
                ),
                _("to change it: {command}; then run {sync}").format(
                    command=f"git -C {shlex.quote(str(data_dir))} remote set-url origin "
                    f"{shlex.quote(url)}",
                    sync="'roadmap sync'",
                ),
            )
        return
    run_git(["remote", "add", "origin", url], data_dir)


def _remote(data_dir: Path) -> tuple[str, str]:
    """The remote to sync with: the branch's upstream, else ``origin``, else the only one."""
    names = run_git(["remote"], data_dir).stdout.split()
    branch = run_git(["symbolic-ref", "--quiet", "--short", "HEAD"], data_dir, check=False)
    upstream = ""
    if branch.ok:
        out = run_git(["config", "--get", f"branch.{branch.stdout}.remote"], data_dir, check=False)
        upstream = out.stdout
    if upstream in names:
        name = upstream
    elif "origin" in names:
        name = "origin"
    elif len(names) == 1:
        name = names[0]
    else:
        raise SyncError(
            (
                _("{path}: the repository has no remote to sync with")
                if not names
                else _("{path}: the repository has several remotes and no 'origin'")
            ).format(path=data_dir),
            _("add one with {command} (REMOTE: a repository URL)").format(
                command="'roadmap sync --init REMOTE'"
            ),
        )
    url = run_git(["remote", "get-url", name], data_dir).stdout
    return name, url


def _identity(data_dir: Path) -> list[str]:
    """``-c`` settings for a commit: a placeholder name or e-mail only where git has none
    configured (and none in the environment)."""
    config = []
    for key, env_names, fallback in (
        ("user.name", ("GIT_AUTHOR_NAME", "GIT_COMMITTER_NAME"), _IDENTITY[0]),
        ("user.email", ("GIT_AUTHOR_EMAIL", "GIT_COMMITTER_EMAIL"), _IDENTITY[1]),
    ):
        if all(os.environ.get(n) for n in env_names):
            continue
        if not run_git(["config", "--get", key], data_dir, check=False).stdout:
            config.append(fallback)
    return config


def _progress_stores(app: AppContext, data_dir: Path) -> list[Any]:
    """A store for every progress file in the folder (and the roadmap in use), in id
    order: their write locks are held while git changes the files."""
    from roadmap_cli.progress.store import ProgressStore
    from roadmap_cli.roadmap.model import is_valid_id

    ids = set()
    with contextlib.suppress(RoadmapError):
        ids.add(app.store().roadmap_id)
    with contextlib.suppress(OSError):
        ids.update(n[:-5] for n in os.listdir(data_dir) if n.endswith(".json"))
    return [ProgressStore(data_dir, i) for i in sorted(ids) if is_valid_id(i)]


@contextlib.contextmanager
def _all_locked(app: AppContext, data_dir: Path) -> Iterator[None]:
    with contextlib.ExitStack() as stack:
        for store in _progress_stores(app, data_dir):
            stack.enter_context(store.locked())
        yield


def _event_ids(data: bytes, name: str) -> set[str]:
    from roadmap_cli.progress.fileformat import parse_progress

    try:
        return {e.id for e in parse_progress(data, Path(name)).events}
    except ProgressFileError:
        return set()


def _committable_ids(data_dir: Path, name: str) -> set[str]:
    """Event ids of the progress file ``name`` about to be committed.

    Raises:
        SyncError: it cannot be read (damaged, a newer format): it is unstaged, nothing
            is committed, so the damage never reaches the other machines.
    """
    from roadmap_cli.progress.fileformat import parse_progress

    path = data_dir / name
    try:
        return {e.id for e in parse_progress(path.read_bytes(), path).events}
    except (OSError, ProgressFileError) as exc:
        run_git(["reset", "--quiet"], data_dir, check=False)
        reason = exc.message if isinstance(exc, ProgressFileError) else f"{path}: {exc}"
        raise SyncError(
            _("{reason}; nothing was synced").format(reason=reason),
            _(
                "repair it first ({doctor} says how; {restore} brings back a backup), "
                "then run {sync} again"
            ).format(
                doctor="'roadmap doctor'",
                restore="'roadmap progress restore'",
                sync="'roadmap sync'",
            ),
        ) from None


def _working_ids(data_dir: Path) -> dict[str, set[str]]:
    """Event ids of every top-level progress file in the working tree."""
    found = {}
    with contextlib.suppress(OSError):
        for name in os.listdir(data_dir):
            if name.endswith(".json") and not name.startswith("."):
                with contextlib.suppress(OSError):
                    found[name] = _event_ids((data_dir / name).read_bytes(), name)
    return found


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


def _fetch(data_dir: Path, remote: str, url: str) -> None:
    out = run_git(["fetch", "--quiet", "--no-tags", remote], data_dir, check=False)
    if not out.ok:
        raise _network_error("fetch from", remote, url, out)


def _network_error(what: str, remote: str, url: str, out: GitOutput) -> SyncError:
    """One line naming what failed and what to do, from git's own message."""
    text = (out.stderr + "\n" + out.stdout).lower()
    line = out.last_line()
    kept = _("your progress is committed locally")
    failed = (
        _("could not fetch from {remote} ({url})")
        if what == "fetch from"
        else _("could not push to {remote} ({url})")
    ).format(remote=remote, url=url)
    if any(
        s in text
        for s in (
            "authentication failed",
            "permission denied",
            "could not read username",
            "terminal prompts disabled",
            "invalid username or password",
            "host key verification failed",
            "403",
        )
    ):
        return SyncError(
            _("{failed}: authentication failed ({line})").format(failed=failed, line=line),
            _(
                "{kept}; check your credentials or SSH key (try {fetch} in the data folder), "
                "then run {sync} again"
            ).format(kept=kept, fetch="'git fetch'", sync="'roadmap sync'"),
        )
    if any(
        s in text
        for s in (
            "could not resolve host",
            "unable to access",
            "connection refused",
            "connection timed out",
            "network is unreachable",
            "operation timed out",
            "could not connect",
        )
    ):
        return SyncError(
            _("{failed}: network failure ({line})").format(failed=failed, line=line),
            _("{kept}; run {sync} again when you are online").format(
                kept=kept, sync="'roadmap sync'"
            ),
        )
    if any(
        s in text for s in ("does not appear to be a git repository", "not found", "no such file")
    ):
        return SyncError(
            _("{failed}: no repository there ({line})").format(failed=failed, line=line),
            _(
                "{kept}; check the URL ({command}), or create the repository, then run {sync} again"
            ).format(
                kept=kept,
                command=f"git -C DATA_DIR remote set-url {remote} URL",
                sync="'roadmap sync'",
            ),
        )
    return SyncError(
        f"{failed}: {line}",
        _("{kept}; run {sync} again, or see {status} in the data folder").format(
            kept=kept, sync="'roadmap sync'", status="'git status'"
        ),
    )


def _branches(data_dir: Path, remote: str) -> tuple[str, str | None]:
    """The local branch and the remote branch to merge (None when the remote has none
    yet). A new repository whose branch the remote lacks takes the remote's branch name
    (its HEAD's, else ``main`` or ``master``, else its only branch)."""
    branch = run_git(["symbolic-ref", "--quiet", "--short", "HEAD"], data_dir, check=False)
    if not branch.ok:
        raise SyncError(
            _("{path}: the repository is not on a branch (a detached HEAD)").format(path=data_dir),
            _("check out a branch ({command}) in the data folder, then run {sync}").format(
                command="git switch BRANCH", sync="'roadmap sync'"
            ),
        )
    name = branch.stdout
    if _exists(data_dir, f"refs/remotes/{remote}/{name}"):
        return name, f"refs/remotes/{remote}/{name}"
    upstream = run_git(["config", "--get", f"branch.{name}.merge"], data_dir, check=False)
    heads = run_git(
        ["for-each-ref", "--format=%(refname:lstrip=3)", f"refs/remotes/{remote}/"],
        data_dir,
        check=False,
    ).stdout.split()
    heads = [h for h in heads if h != "HEAD"]
    if upstream.ok or not heads:
        return name, None
    other = next((h for h in ("main", "master") if h in heads), heads[0] if len(heads) == 1 else "")
    if not other:
        return name, None
    run_git(["branch", "--move", name, other], data_dir, check=False)
    if not _exists(data_dir, "HEAD"):
        run_git(["symbolic-ref", "HEAD", f"refs/heads/{other}"], data_dir)
    return other, f"refs/remotes/{remote}/{other}"


def _exists(data_dir: Path, ref: str) -> bool:
    return run_git(["rev-parse", "--verify", "--quiet", ref], data_dir, check=False).ok


def _merge(
    app: AppContext, data_dir: Path, remote_ref: str, url: str, config: list[str]
) -> tuple[int, bool]:
    """Merge ``remote_ref`` into the branch (never a rebase); returns (events received,
    merge commit made).

    The merge is computed by git without touching the working tree (``merge-tree``, with
    the merge driver); then each changed file is written whole (a temporary file renamed
    over it) under the progress files' write locks, and only then does the branch move.
    A sync killed in the middle leaves every file old or new, never half-written, and a
    branch the next sync merges again.

    Raises:
        SyncError: the merge cannot complete (nothing is changed; local work stays
            committed).
    """
    head = run_git(["rev-parse", "HEAD"], data_dir).stdout
    theirs = run_git(["rev-parse", remote_ref], data_dir).stdout
    if _is_ancestor(data_dir, theirs, head):
        return 0, False  # nothing new there
    merged = not _is_ancestor(data_dir, head, theirs)
    target = theirs
    if merged:
        options = ["--write-tree", "--allow-unrelated-histories", "--name-only", "-z"]
        out = run_git(
            ["merge-tree", *options, "--no-messages", head, theirs], data_dir, check=False
        )
        if out.code == 1:
            files = [f for f in out.stdout.split("\0")[1:] if f]
            raise SyncError(
                _("could not merge the changes from {url}: {files}").format(
                    url=url, files=", ".join(files) or _("a conflict")
                ),
                _(
                    "your progress is committed locally and unchanged; see {status} in the "
                    "data folder (or {doctor}), fix the file named, then run {sync}"
                ).format(status="'git status'", doctor="'roadmap doctor'", sync="'roadmap sync'"),
            )
        if not out.ok:
            raise SyncError(
                _("could not merge the changes from {url}: {files}").format(
                    url=url, files=out.last_line()
                )
            )
        tree = out.stdout.split("\0")[0].strip()
        label = remote_ref.removeprefix("refs/remotes/")
        target = run_git(
            ["commit-tree", tree, "-p", head, "-p", theirs, "-m", f"roadmap: merge {label}"],
            data_dir,
            config=config,
        ).stdout
    with _all_locked(app, data_dir):
        before = _working_ids(data_dir)
        _check_out(data_dir, head, target)
        run_git(["update-ref", "-m", "roadmap sync", "HEAD", target, head], data_dir)
        run_git(["reset", "--quiet"], data_dir)  # the index follows; files are written
        after = _working_ids(data_dir)
    received = sum(len(ids - before.get(name, set())) for name, ids in after.items())
    return received, merged


def _is_ancestor(data_dir: Path, older: str, newer: str) -> bool:
    out = run_git(["merge-base", "--is-ancestor", older, newer], data_dir, check=False)
    return out.ok


def _check_out(data_dir: Path, head: str, target: str) -> None:
    """Write the files that differ between commits ``head`` and ``target`` into the
    working tree, each atomically. A progress file changed here since ``head`` (a mark
    made during the sync) keeps those events too: the union is written."""
    out = run_git(
        ["diff-tree", "-r", "-z", "--no-renames", "--name-status", head, target], data_dir
    )
    fields = [f for f in out.stdout.split("\0") if f]
    for status, name in zip(fields[::2], fields[1::2], strict=False):
        path = data_dir / name
        if status.startswith("D"):
            with contextlib.suppress(FileNotFoundError):
                path.unlink()
            continue
        blob = run_git_bytes(["cat-file", "blob", f"{target}:{name}"], data_dir)
        if name.endswith(".json") and "/" not in name and path.is_file():
            blob = _with_local_events(path, blob, name)
        _replace(path, blob)


def _with_local_events(path: Path, blob: bytes, name: str) -> bytes:
    from roadmap_cli.progress.fileformat import parse_progress
    from roadmap_cli.progress.log import Progress, merge_events

    try:
        here = parse_progress(path.read_bytes(), path)
        there = parse_progress(blob, Path(name))
    except (OSError, ProgressFileError):
        return blob
    if here.roadmap != there.roadmap or {e.id for e in here.events} <= {e.id for e in there.events}:
        return blob
    union = Progress(
        roadmap=there.roadmap,
        events=merge_events(there.events, here.events),
        schema_version=there.schema_version,
    )
    return union.to_json_text().encode("utf-8")


def _replace(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically (a temporary file in its folder, fsynced,
    renamed over it)."""
    import tempfile

    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise SyncError(f"{path}: cannot write the merged file ({exc.strerror})") from None


def _push(data_dir: Path, remote: str, url: str, branch: str, attempt: int) -> str:
    """Push the branch: "pushed", "current" (the remote has everything), or "retry" (the
    remote moved on meanwhile: fetch and merge again).

    Raises:
        SyncError: any other failure (authentication, network, a refused push).
    """
    if not _exists(data_dir, "HEAD"):
        return "current"  # nothing here and nothing there
    ahead = run_git(
        ["rev-list", "--count", f"refs/remotes/{remote}/{branch}..HEAD"], data_dir, check=False
    )
    upstream = run_git(["config", "--get", f"branch.{branch}.remote"], data_dir, check=False)
    if ahead.ok and ahead.stdout == "0" and upstream.stdout == remote:
        return "current"
    args = ["push", "--quiet", "--set-upstream", remote, f"HEAD:refs/heads/{branch}"]
    out = run_git(args, data_dir, check=False)
    if out.ok:
        return "pushed" if not (ahead.ok and ahead.stdout == "0") else "current"
    text = out.stderr.lower()
    if ("fetch first" in text or "non-fast-forward" in text) and attempt + 1 < _PUSH_ATTEMPTS:
        return "retry"
    raise _network_error("push to", remote, url, out)
