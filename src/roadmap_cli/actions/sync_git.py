"""The repository ``roadmap sync`` works in: setting it up (attributes, ignores, the merge
driver, the remote), recovering from a killed sync, and committing this machine's events."""

from __future__ import annotations

import contextlib
import os
import shlex
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from roadmap_cli.errors import ProgressFileError, RoadmapError
from roadmap_cli.support.git import run_git
from roadmap_cli.support.i18n import Msg, _

if TYPE_CHECKING:
    from roadmap_cli.actions.context import AppContext

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
    from roadmap_cli.support.locking import FileLock, LockTimeout

    lock = FileLock(git_dir / "roadmap-sync.lock", timeout=0)
    try:
        lock.acquire()
    except LockTimeout:
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


def _recover(data_dir: Path, git_dir: Path) -> list[Msg]:
    """Repair what a killed sync left: stale git lock files, a half-done merge."""
    notices: list[Msg] = []
    if (git_dir / _MARKER).exists():
        stale = _stale_locks(git_dir)
        for path in stale:
            with contextlib.suppress(OSError):
                path.unlink()
        if stale:
            notices.append(
                Msg(
                    "removed {n} lock file(s) left by an interrupted sync ({names})",
                    n=len(stale),
                    names=", ".join(p.name for p in stale),
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
            notices.append(
                Msg("aborted a merge an interrupted sync left unfinished (it is redone)")
            )
        else:
            run_git(["commit", "--no-edit", "--quiet"], data_dir, config=_identity(data_dir))
            notices.append(Msg("finished a merge an interrupted sync left unfinished"))
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
            raise SyncError(
                _("{file}: cannot read it ({reason})").format(file=path, reason=exc)
            ) from None
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


def driver_command() -> str:
    """The shell command git runs to merge a file (``%O %A %B %P``: base, ours, theirs,
    path): this Python with ``-m roadmap_cli``, absolute paths, so it works from git
    whatever ``PATH`` is."""
    return f"{shlex.quote(sys.executable)} -m roadmap_cli progress merge-driver %O %A %B %P"


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
