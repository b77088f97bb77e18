"""support/locking.py: the write lock, an flock on the lock file that excludes other
processes, other lock objects, and the filelock library's lock on the same file (an older
roadmap running at the same time)."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from roadmap_cli.support.locking import FileLock, LockTimeout

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="flock is POSIX")

HOLDER = """
import sys, time
from roadmap_cli.support.locking import FileLock
lock = FileLock(sys.argv[1], timeout=5)
lock.acquire()
print("locked", flush=True)
sys.stdin.readline()
lock.release()
print("released", flush=True)
time.sleep(60)
"""


def _holder(path: Path) -> subprocess.Popen[str]:
    child = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "locked"
    return child


def test_another_process_waits_until_the_holder_releases(tmp_path: Path) -> None:
    path = tmp_path / "x.lock"
    child = _holder(path)
    try:
        with pytest.raises(LockTimeout) as info:
            FileLock(path, timeout=0.2).acquire()
        assert info.value.filename == str(path)
        assert child.stdin is not None and child.stdout is not None
        child.stdin.write("\n")
        child.stdin.flush()
        assert child.stdout.readline().strip() == "released"
        with FileLock(path, timeout=5) as lock:  # free now, the child still alive
            assert lock.is_locked
    finally:
        child.kill()
        child.wait(timeout=30)
    assert path.exists(), "the lock file stays for the next writer"


def test_a_killed_holder_holds_nothing(tmp_path: Path) -> None:
    path = tmp_path / "x.lock"
    child = _holder(path)
    child.kill()
    child.wait(timeout=30)
    lock = FileLock(path, timeout=0)
    lock.acquire()  # one attempt: the kernel dropped the dead process's lock
    lock.release()


def test_the_timeout_is_kept(tmp_path: Path) -> None:
    path = tmp_path / "x.lock"
    with FileLock(path, timeout=0):
        for timeout in (0.0, 0.3):
            start = time.monotonic()
            with pytest.raises(LockTimeout):
                FileLock(path).acquire(timeout=timeout)
            assert timeout <= time.monotonic() - start < timeout + 1.0


def test_two_lock_objects_in_one_process_exclude_each_other(tmp_path: Path) -> None:
    path = tmp_path / "x.lock"
    first = FileLock(path, timeout=0)
    first.acquire()
    with pytest.raises(RuntimeError):
        first.acquire()  # not reentrant: no caller takes its own lock twice
    with pytest.raises(LockTimeout):
        FileLock(path, timeout=0).acquire()
    first.release()
    first.release()  # a second release does nothing
    FileLock(path, timeout=0).acquire()


def test_it_excludes_and_is_excluded_by_the_filelock_library(tmp_path: Path) -> None:
    """An older roadmap locked the same file through filelock: both must exclude."""
    import filelock

    path = tmp_path / "x.lock"
    theirs = filelock.FileLock(str(path), timeout=0)
    with theirs, pytest.raises(LockTimeout):
        FileLock(path, timeout=0.1).acquire()
    with FileLock(path, timeout=0), pytest.raises(filelock.Timeout):
        filelock.FileLock(str(path), timeout=0.1).acquire()
    with theirs:  # both released
        pass


def test_an_exception_inside_releases_the_lock(tmp_path: Path) -> None:
    path = tmp_path / "x.lock"
    with pytest.raises(ValueError), FileLock(path, timeout=0):
        raise ValueError("the write failed")
    FileLock(path, timeout=0).acquire()


def test_a_waiter_on_a_deleted_lock_file_locks_the_new_one(tmp_path: Path) -> None:
    """The hint of a lock timeout says to delete the file: a writer that waited on the old
    file must not then hold a lock nobody else can see."""
    path = tmp_path / "x.lock"
    holder = FileLock(path, timeout=0)
    holder.acquire()
    waiter = FileLock(path, timeout=5)
    thread = threading.Thread(target=waiter.acquire)
    thread.start()
    time.sleep(0.2)  # the waiter has opened the old file and is polling
    path.unlink()
    holder.release()
    thread.join(timeout=10)
    assert waiter.is_locked
    assert waiter._fd is not None
    assert os.fstat(waiter._fd).st_ino == path.stat().st_ino
    with pytest.raises(LockTimeout):
        FileLock(path, timeout=0).acquire()
    waiter.release()


def test_the_lock_file_is_opened_safely(tmp_path: Path) -> None:
    path = tmp_path / "x.lock"
    old = os.umask(0o022)
    try:
        lock = FileLock(path, timeout=0)
        lock.acquire()
    finally:
        os.umask(old)
    assert lock._fd is not None
    assert not os.get_inheritable(lock._fd)  # git or an editor started meanwhile
    lock.release()
    assert path.stat().st_mode & 0o777 == 0o644  # 0666 less the umask, as filelock
    link = tmp_path / "link.lock"
    link.symlink_to(tmp_path / "elsewhere")
    with pytest.raises(OSError):
        FileLock(link, timeout=0).acquire()
    assert not (tmp_path / "elsewhere").exists()
    with pytest.raises(FileNotFoundError):
        FileLock(tmp_path / "missing" / "x.lock", timeout=0).acquire()
