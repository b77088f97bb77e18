"""Fetching, merging and pushing for ``roadmap sync``: the remote's work merged with this
machine's through git (never a rebase), the result written whole under the locks."""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import TYPE_CHECKING

from roadmap_cli.actions.sync_git import _PUSH_ATTEMPTS, SyncError, _all_locked, _working_ids
from roadmap_cli.errors import ProgressFileError
from roadmap_cli.support.git import GitOutput, run_git, run_git_bytes
from roadmap_cli.support.i18n import _

if TYPE_CHECKING:
    from roadmap_cli.actions.context import AppContext


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
    """Write ``data`` to ``path`` atomically (:func:`~roadmap_cli.support.atomic.replace_bytes`,
    which keeps the file's permission bits).

    Raises:
        SyncError: the folder cannot be made or the file cannot be written.
    """
    from roadmap_cli.support.atomic import replace_bytes

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        replace_bytes(path, data)
    except OSError as exc:
        raise SyncError(
            _("{file}: cannot write the merged file ({reason})").format(
                file=path, reason=exc.strerror
            )
        ) from None


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
