"""support/atomic.py: an atomic replace keeps the file's mode and leaves nothing behind."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from roadmap_cli.support.atomic import TempFileError, replace_bytes


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permission bits")
def test_replace_keeps_the_mode_of_the_file_it_replaces(tmp_path: Path) -> None:
    path = tmp_path / "shared.json"
    path.write_bytes(b"old")
    os.chmod(path, 0o644)
    replace_bytes(path, b"new \xff bytes")
    assert path.read_bytes() == b"new \xff bytes"
    assert path.stat().st_mode & 0o777 == 0o644
    assert [p.name for p in tmp_path.iterdir()] == ["shared.json"]


def test_a_missing_folder_is_a_temp_file_error_and_a_failed_write_leaves_nothing(
    tmp_path: Path,
) -> None:
    with pytest.raises(TempFileError):
        replace_bytes(tmp_path / "missing" / "x.json", b"x")
    target = tmp_path / "folder"
    target.mkdir()
    (target / "inside").write_text("keeps the rename from replacing it", "utf-8")
    with pytest.raises(OSError):
        replace_bytes(target, b"x")  # a non-empty folder cannot be replaced by a file
    assert sorted(p.name for p in tmp_path.iterdir()) == ["folder"]
