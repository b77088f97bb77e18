"""Running the learner's own ``git``: one call at a time, with a timeout, never a prompt.

Credentials and SSH stay the learner's (their ``git`` and its configuration run as they
would in a terminal), but a password prompt never appears (``GIT_TERMINAL_PROMPT=0``,
stdin closed), messages are in English (``LC_ALL=C``, so failures can be told apart), and
no editor is started. Nothing here prints; failures are :class:`GitError`.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Sequence
from pathlib import Path

from roadmap_cli.errors import RoadmapError
from roadmap_cli.support.i18n import _, get_language
from roadmap_cli.support.records import record

__all__ = [
    "GIT_TIMEOUT",
    "GitError",
    "GitOutput",
    "find_git",
    "git_env",
    "run_git",
    "run_git_bytes",
]

#: Seconds one git command may take (``ROADMAP_GIT_TIMEOUT`` overrides it).
GIT_TIMEOUT = 120.0


class GitError(RoadmapError):
    """A git command that could not run or failed (exit 1).

    Attributes:
        output: what git printed, when it ran (None when it could not start or timed out).
    """

    def __init__(
        self, message: str, hint: str | None = None, output: GitOutput | None = None
    ) -> None:
        super().__init__(message, hint)
        self.output = output


@record
class GitOutput:
    """A finished git command: its exit status and what it printed (text, stripped)."""

    args: tuple[str, ...]
    code: int
    stdout: str
    stderr: str

    @property
    def ok(self) -> bool:
        """Whether git exited with status 0."""
        return self.code == 0

    def last_line(self) -> str:
        """What went wrong in one line, for messages: git's first ``fatal:`` or ``error:``
        line, else the last non-empty line it wrote on stderr (else stdout)."""
        for text in (self.stderr, self.stdout):
            lines = [line.strip() for line in text.splitlines() if line.strip()]
            for line in lines:
                for prefix in ("fatal: ", "error: "):
                    if line.startswith(prefix):
                        return line.removeprefix(prefix)
            if lines:
                return lines[-1]
        return _("git exited with status {code}").format(code=self.code)


def find_git() -> str:
    """The path of the ``git`` program on ``PATH``.

    Raises:
        GitError: git is not installed (or not on ``PATH``).
    """
    path = shutil.which("git")
    if path is None:
        raise GitError(
            _("git is not installed (no 'git' on PATH)"),
            _("install git (https://git-scm.com/downloads), then run 'roadmap sync' again"),
        )
    return path


def git_env() -> dict[str, str]:
    """The environment git runs in: ours, with prompts, editors and translations off,
    and ``ROADMAP_LANG`` set to the interface language in use, so that the merge driver
    git starts (``roadmap progress merge-driver``) speaks the language of this run rather
    than follow git's ``C`` locale."""
    env = dict(os.environ)
    env.update(
        GIT_TERMINAL_PROMPT="0",
        GIT_MERGE_AUTOEDIT="no",
        GIT_EDITOR=":",
        LC_ALL="C",
        LANGUAGE="C",
        ROADMAP_LANG=get_language(),
    )
    return env


def _timeout() -> float:
    try:
        value = float(os.environ.get("ROADMAP_GIT_TIMEOUT", ""))
    except ValueError:
        return GIT_TIMEOUT
    return value if value > 0 else GIT_TIMEOUT


def run_git(
    args: Sequence[str],
    cwd: Path,
    *,
    check: bool = True,
    config: Sequence[str] = (),
    timeout: float | None = None,
) -> GitOutput:
    """Run ``git [-c CONFIG]… ARGS`` in ``cwd`` and return what it printed.

    Args:
        args: the git command and its arguments.
        cwd: the folder to run in.
        check: raise :class:`GitError` when git exits with a status other than 0.
        config: ``name=value`` settings passed as ``-c`` for this command only.
        timeout: seconds (default ``ROADMAP_GIT_TIMEOUT`` or :data:`GIT_TIMEOUT`).

    Raises:
        GitError: git is missing, could not start, took longer than the timeout (it is
            stopped), or (with ``check``) failed; the message names the git command.
    """
    done = _run(args, cwd, config, timeout)
    output = GitOutput(
        tuple(args),
        done.returncode,
        done.stdout.decode("utf-8", "replace").strip(),
        done.stderr.decode("utf-8", "replace").strip(),
    )
    if check and not output.ok:
        raise GitError(_failed(args[0], cwd, output), output=output)
    return output


def run_git_bytes(args: Sequence[str], cwd: Path) -> bytes:
    """Run ``git ARGS`` in ``cwd`` and return its standard output as bytes, unchanged
    (file contents: ``cat-file blob``).

    Raises:
        GitError: as :func:`run_git` with ``check``.
    """
    done = _run(args, cwd, (), None)
    if done.returncode != 0:
        output = GitOutput(tuple(args), done.returncode, "", done.stderr.decode("utf-8", "replace"))
        raise GitError(_failed(args[0], cwd, output), output=output)
    return done.stdout


def _failed(command: str, cwd: Path, output: GitOutput) -> str:
    """The message of a git command that failed: which, where, and git's own words."""
    return _("git {command} failed in {folder}: {reason}").format(
        command=command, folder=cwd, reason=output.last_line()
    )


def _run(
    args: Sequence[str], cwd: Path, config: Sequence[str], timeout: float | None
) -> subprocess.CompletedProcess[bytes]:
    git = find_git()
    command = [git]
    for item in config:
        command += ["-c", item]
    command += list(args)
    name = f"git {args[0]}" if args else "git"
    limit = timeout if timeout is not None else _timeout()
    try:
        done = subprocess.run(
            command,
            cwd=cwd,
            env=git_env(),
            stdin=subprocess.DEVNULL,
            capture_output=True,
            timeout=limit,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise GitError(
            _("{command} took longer than {n} s and was stopped").format(
                command=name, n=f"{limit:.0f}"
            ),
            _(
                "check your network connection (or set ROADMAP_GIT_TIMEOUT to wait longer), "
                "then run 'roadmap sync' again"
            ),
        ) from None
    except OSError as exc:
        raise GitError(
            _("cannot run git in {folder} ({reason})").format(folder=cwd, reason=exc.strerror)
        ) from None
    return done
