"""An exclusive lock on a file shared between processes, for writers.

On POSIX it is an advisory ``flock(2)`` on the lock file itself, the same primitive the
``filelock`` library's ``UnixFileLock`` takes, so a ``roadmap`` of an older version (which
locked through ``filelock``) running at the same time still excludes this one and the
other way round. The lock file is created if missing (0666 less the umask, as ``filelock``
does) and left in place on release, so every waiter locks the same inode. The kernel
drops the lock when the process dies, however it dies: a killed writer never leaves a
lock held. Elsewhere (Windows), or on a file system without ``flock``, the ``filelock``
library does the work; it is imported only there (importing it costs ~25 ms: logging,
secrets, threading...).
"""

from __future__ import annotations

import errno
import os
import sys
import time
from types import TracebackType
from typing import Any

__all__ = ["FileLock", "LockTimeout"]

#: Seconds between two attempts while the lock is taken: the first waits are short (a
#: write holds the lock for milliseconds), growing to this at most.
MAX_POLL = 0.05

_BUSY = frozenset({errno.EACCES, errno.EAGAIN, errno.EWOULDBLOCK})  # some file systems EACCES
_FLAGS = (
    os.O_RDWR
    | os.O_CREAT
    | getattr(os, "O_NONBLOCK", 0)  # a FIFO put at the path never blocks the open
    | getattr(os, "O_CLOEXEC", 0)  # a child process (git, an editor) does not inherit it
    | getattr(os, "O_NOFOLLOW", 0)  # a symlink planted at the path is refused
)


class LockTimeout(TimeoutError):
    """The lock was held by another process (or another lock object) for the whole
    timeout. ``filename`` is the lock file."""


class FileLock:
    """An exclusive lock on ``path`` (a ``str`` or ``Path``), not reentrant: acquire it
    once, release it once. Two objects for the same path exclude each other even in one
    process (as two ``filelock.FileLock`` objects do).

    Use :meth:`acquire` and :meth:`release`, or ``with FileLock(path, timeout):``.
    """

    def __init__(self, path: str | os.PathLike[str], timeout: float = -1) -> None:
        """``timeout``: seconds :meth:`acquire` waits by default (0: one attempt; a
        negative number: for ever)."""
        self.path = os.fspath(path)
        self.timeout = timeout
        self._fd: int | None = None
        self._fallback: Any = None  # a filelock.FileLock where flock is missing

    @property
    def is_locked(self) -> bool:
        """Whether this object holds the lock."""
        return self._fd is not None or self._fallback is not None

    def acquire(self, timeout: float | None = None) -> None:
        """Take the lock, waiting at most ``timeout`` seconds (default: the object's).

        Raises:
            LockTimeout: another holder kept it for the whole timeout.
            RuntimeError: this object already holds it.
            OSError: the lock file cannot be opened or locked (a missing folder, no
                permission...).
        """
        if self.is_locked:
            raise RuntimeError(f"{self.path}: this lock is held already")
        wait = self.timeout if timeout is None else timeout
        if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
            self._acquire_fallback(wait)
            return
        try:
            import fcntl
        except ImportError:  # pragma: no cover - a POSIX without fcntl (WASI)
            self._acquire_fallback(wait)
            return
        deadline = time.monotonic() + wait
        delay = 0.001
        fd = os.open(self.path, _FLAGS, 0o666)
        try:
            while True:
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                except OSError as exc:
                    if exc.errno == errno.ENOSYS:  # no flock on this file system
                        os.close(fd)
                        fd = -1
                        self._acquire_fallback(wait)
                        return
                    if exc.errno not in _BUSY:
                        raise
                else:
                    if os.fstat(fd).st_nlink > 0:
                        self._fd, fd = fd, -1
                        return
                    # the holder's file was deleted while we waited: lock the new one
                    os.close(fd)
                    fd = -1
                    fd = os.open(self.path, _FLAGS, 0o666)
                    continue
                left = deadline - time.monotonic()
                if wait >= 0 and left <= 0:
                    raise LockTimeout(errno.EAGAIN, "the lock is held", self.path)
                time.sleep(delay if wait < 0 else min(delay, left))
                delay = min(delay * 2, MAX_POLL)
        finally:
            if fd >= 0:
                os.close(fd)

    def _acquire_fallback(self, timeout: float) -> None:
        import filelock

        lock = filelock.FileLock(self.path, timeout=timeout)
        try:
            lock.acquire()
        except filelock.Timeout:
            raise LockTimeout(errno.EAGAIN, "the lock is held", self.path) from None
        self._fallback = lock

    def release(self) -> None:
        """Let the lock go (the lock file stays). Nothing happens if it is not held.

        Raises:
            OSError: the fallback library failed to unlock (a flock is released by
                closing the file at the latest, which always happens).
        """
        fd, self._fd = self._fd, None
        if fd is not None:
            import fcntl

            try:
                fcntl.flock(fd, fcntl.LOCK_UN)
            finally:
                os.close(fd)
        fallback, self._fallback = self._fallback, None
        if fallback is not None:
            fallback.release()

    def __enter__(self) -> FileLock:
        self.acquire()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.release()
