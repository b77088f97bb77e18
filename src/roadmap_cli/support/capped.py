"""Reading a file the user names, with a size cap: ``/dev/zero``, an endless pipe or a
huge file must not exhaust memory; the reading stops one byte past the cap."""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["MAX_PROGRESS_BYTES", "MAX_STREAM_BYTES", "TooLargeError", "read_capped"]

#: The largest progress file read (a million events are ~150 MB).
MAX_PROGRESS_BYTES = 256 * 1024 * 1024
#: The most read from a pipe or device (``<(cat file)``, ``/dev/zero``), whatever the cap.
MAX_STREAM_BYTES = 64 * 1024 * 1024


class TooLargeError(OSError):
    """The file holds more than the cap (``limit``, bytes)."""

    def __init__(self, path: Path, limit: int) -> None:
        super().__init__(f"{path}: larger than {limit // (1024 * 1024)} MB")
        self.limit = limit


def read_capped(path: Path, limit: int) -> bytes:
    """The bytes of ``path`` (a regular file, or a pipe or device such as
    ``<(cat file)``), read in chunks and never more than ``limit`` + 1 bytes
    (:data:`MAX_STREAM_BYTES` + 1 from a pipe or device).

    Raises:
        TooLargeError: the file holds more than ``limit`` bytes.
        OSError: it cannot be opened or read (FileNotFoundError, IsADirectoryError...).
    """
    import stat

    with open(path, "rb") as handle:
        info = os.fstat(handle.fileno())
        if not stat.S_ISREG(info.st_mode):
            limit = min(limit, MAX_STREAM_BYTES)
        if info.st_size > limit:
            raise TooLargeError(path, limit)
        chunks = []
        total = 0
        while True:
            chunk = handle.read(min(1 << 20, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            if total > limit:
                raise TooLargeError(path, limit)
        return b"".join(chunks)
