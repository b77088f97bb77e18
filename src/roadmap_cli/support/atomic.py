"""Writing a new file safely: never over an existing one unless asked, and atomically
(a temporary file in the same folder, fsynced, then renamed), so a crash leaves the old
file or the new one, never half of one. Used by ``init``, ``progress export`` and the
files ``sync`` checks out."""

from __future__ import annotations

import contextlib
import errno
import os
from pathlib import Path

from roadmap_cli.errors import RoadmapError
from roadmap_cli.support.i18n import N_, _

__all__ = ["TempFileError", "make_temp", "replace_bytes", "write_file"]

#: How many random names :func:`make_temp` tries before it gives up.
_ATTEMPTS = 100
_TEMP_FLAGS = (
    os.O_RDWR
    | os.O_CREAT
    | os.O_EXCL
    | getattr(os, "O_NOFOLLOW", 0)
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_BINARY", 0)
)


def write_file(path: Path, text: str, *, force: bool = False, what: str = N_("file")) -> None:
    """Write ``text`` (UTF-8, ``\\n`` line ends) to ``path``.

    Args:
        path: the file to create.
        text: its contents.
        force: replace an existing file (atomically) instead of refusing.
        what: what the file is, for messages (an English msgid marked with ``N_``:
            "roadmap file", "progress copy"), translated here.

    A replaced file keeps its permission bits; a new one gets 0666 less the umask, as
    any program's new file would.

    Raises:
        RoadmapError: the file exists and ``force`` is False, the path is a folder or a
            special file (device, pipe, socket), or the write fails (exit 1); nothing is
            left behind.
    """
    if path.is_dir():
        raise RoadmapError(
            _("{path}: is a folder").format(path=path),
            _("give a file name for the {what}").format(what=_(what)),
        )
    if path.exists() and not path.is_file():  # never replace a device, pipe or socket
        raise RoadmapError(
            _(
                "{path}: is not a regular file (a device, pipe or socket); "
                "the {what} was not written"
            ).format(path=path, what=_(what)),
            _("give a plain file name for the {what}").format(what=_(what)),
        )
    if path.exists() and not force:
        raise RoadmapError(
            _("{path}: already exists; the {what} was not written").format(path=path, what=_(what)),
            _("choose another file name, or add --force to replace it"),
        )
    try:
        replace_bytes(path, text.encode("utf-8"))
    except TempFileError as exc:
        raise RoadmapError(
            _("{path}: cannot write the {what} ({reason})").format(
                path=path, what=_(what), reason=exc.strerror
            ),
            _("check that the folder exists and is writable"),
        ) from None
    except OSError as exc:
        raise RoadmapError(
            _("{path}: cannot write the {what} ({reason})").format(
                path=path, what=_(what), reason=exc.strerror
            ),
            _("check that the folder is writable and has space"),
        ) from None


class TempFileError(OSError):
    """No temporary file could be made in the folder (it is missing or not writable)."""


def replace_bytes(path: Path, data: bytes) -> None:
    """Make ``data`` the contents of ``path`` atomically: a temporary file in the same
    folder, fsynced, renamed over it. A replaced file keeps its permission bits; a new one
    gets 0666 less the umask. Nothing is left behind on failure.

    Raises:
        TempFileError: no temporary file could be made in the folder.
        OSError: the write or the rename failed.
    """
    try:
        fd, tmp = make_temp(path.parent, f".{path.name}.", ".tmp")
    except OSError as exc:
        raise TempFileError(exc.errno, exc.strerror, exc.filename) from None
    try:
        os.chmod(tmp, _mode_for(path))  # make_temp makes 0600; a shared file should not be
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


def _mode_for(path: Path) -> int:
    """The old file's permission bits, else 0666 less the process umask."""
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def make_temp(folder: Path, prefix: str, suffix: str) -> tuple[int, Path]:
    """A new file ``folder/<prefix><random><suffix>``, opened for reading and writing:
    its descriptor and path. The guarantees of ``tempfile.mkstemp`` without importing
    ``tempfile`` (~4 ms of start-up: shutil, random) on every write: created only if no
    file of that name exists (``O_EXCL``), never through a symlink (``O_NOFOLLOW``), mode
    0600, not inherited by child processes (``O_CLOEXEC``), its random part drawn from
    ``os.urandom``. The caller closes the descriptor and removes the file.

    Raises:
        FileExistsError: every name tried exists.
        OSError: the folder is missing, not writable, or another error.
    """
    for _attempt in range(_ATTEMPTS):
        path = folder / f"{prefix}{os.urandom(6).hex()}{suffix}"
        try:
            return os.open(path, _TEMP_FLAGS, 0o600), path
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "no unused temporary file name", str(folder))
